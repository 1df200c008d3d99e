//! Compiling a bank's declared conflicts: each names two items an outcome can hold.
use serde_json::Value;

use super::Compiler;
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
        let place = format!("{file}: conflict \"{}\"", c.id);
        if c.items.len() != 2 {
            self.defect(format!(
                "{place}: \"items\" noemt precies twee dingen, niet {}",
                c.items.len()
            ));
            return None;
        }
        let mut items = Vec::with_capacity(2);
        for (i, r) in c.items.iter().enumerate() {
            let at = format!("{place}, items[{i}]");
            let given = [&r.action, &r.warning, &r.note, &r.finding]
                .iter()
                .filter(|x| x.is_some())
                .count();
            if given != 1 {
                self.defect(format!(
                    "{at}: geef precies één van \"action\", \"warning\", \"note\" en \"finding\""
                ));
                continue;
            }
            if r.level.is_some() && r.action.is_none() || r.is.is_some() && r.finding.is_none() {
                self.defect(format!(
                    "{at}: \"level\" hoort bij \"action\" en \"is\" bij \"finding\""
                ));
                continue;
            }
            let item = if let Some(a) = &r.action {
                let required = match r.level.as_deref() {
                    None | Some("any") => false,
                    Some("required") => true,
                    Some(other) => {
                        self.defect(format!(
                            "{at}.level: \"{other}\" is niet toegestaan; toegestaan: required, any"
                        ));
                        continue;
                    }
                };
                self.actions
                    .get(a.as_str())
                    .copied()
                    .map(|a| Item::Action(a, required))
                    .ok_or(("actie", a))
            } else if let Some(w) = &r.warning {
                self.warnings
                    .get(w.as_str())
                    .copied()
                    .map(Item::Warning)
                    .ok_or(("waarschuwing", w))
            } else if let Some(n) = &r.note {
                self.notes
                    .get(n.as_str())
                    .copied()
                    .map(Item::Note)
                    .ok_or(("notitie", n))
            } else if let Some(f) = &r.finding {
                match self.findings.get(f.as_str()).copied() {
                    None => Err(("bevinding", f)),
                    Some(fid) => {
                        let value = r.is.clone().unwrap_or(Value::Null);
                        match findings[fid].values.iter().position(|v| v.value == value) {
                            Some(v) => Ok(Item::Finding(fid, v as u8)),
                            None => {
                                self.defect(format!(
                                    "{at}.is: waarde {value} is geen waarde van bevinding \"{f}\""
                                ));
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
                Err((what, id)) => self.defect(format!("{at}: onbekende {what} \"{id}\"")),
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
