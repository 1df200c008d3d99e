//! Compiling a bank's declared conflicts: each names two items an outcome can hold.
use serde_json::Value;

use super::{Compiler, DefectKind, Noun, Place};
use crate::bank::source;
use crate::bank::{Conflict, FId, Finding, IdSlice, Item};

impl Compiler {
    /// A conflict's two items, resolved to what an outcome holds.
    pub(super) fn conflict(
        &mut self,
        file: &str,
        c: source::Conflict,
        findings: &IdSlice<FId, Finding>,
    ) -> Option<Conflict> {
        let place = Place::item(file, Noun::Conflict, &c.id);
        if c.items.len() != 2 {
            self.defect(&place, DefectKind::NotTwoItems { n: c.items.len() });
            return None;
        }
        let mut items = Vec::with_capacity(2);
        for (i, r) in c.items.iter().enumerate() {
            let at = place.then(format!("items[{i}]"));
            let given = [&r.action, &r.warning, &r.note, &r.finding]
                .iter()
                .filter(|x| x.is_some())
                .count();
            if given != 1 {
                self.defect(&at, DefectKind::OneKindOfItem);
                continue;
            }
            if r.level.is_some() && r.action.is_none() || r.is.is_some() && r.finding.is_none() {
                self.defect(&at, DefectKind::LevelOrIs);
                continue;
            }
            let item = if let Some(a) = &r.action {
                let required = match r.level.as_deref() {
                    None | Some("any") => false,
                    Some("required") => true,
                    Some(other) => {
                        self.defect(
                            &at.key("level"),
                            DefectKind::LevelNotAllowed {
                                level: other.to_string(),
                            },
                        );
                        continue;
                    }
                };
                self.actions
                    .get(a.as_str())
                    .copied()
                    .map(|a| Item::Action(a, required))
                    .ok_or((Noun::Action, a))
            } else if let Some(w) = &r.warning {
                self.warnings
                    .get(w.as_str())
                    .copied()
                    .map(Item::Warning)
                    .ok_or((Noun::Warning, w))
            } else if let Some(n) = &r.note {
                self.notes
                    .get(n.as_str())
                    .copied()
                    .map(Item::Note)
                    .ok_or((Noun::Note, n))
            } else if let Some(f) = &r.finding {
                match self.findings.get(f.as_str()).copied() {
                    None => Err((Noun::Finding, f)),
                    Some(fid) => {
                        let value = r.is.clone().unwrap_or(Value::Null);
                        match findings[fid].values.iter().position(|v| v.value == value) {
                            Some(v) => Ok(Item::Finding(fid, v as u8)),
                            None => {
                                self.defect(
                                    &at.key("is"),
                                    DefectKind::ItemNotAValue {
                                        value: value.to_string(),
                                        finding: f.clone(),
                                    },
                                );
                                continue;
                            }
                        }
                    }
                }
            } else {
                continue;
            };
            match item {
                Ok(item) => items.push(item),
                Err((noun, id)) => self.defect(
                    &at,
                    DefectKind::Unknown {
                        noun,
                        id: id.clone(),
                        known: None,
                    },
                ),
            }
        }
        let [a, b]: [Item; 2] = items.try_into().ok()?;
        Some(Conflict {
            id: c.id,
            items: [a, b],
            why: c.why,
            file: file.to_string(),
        })
    }
}
