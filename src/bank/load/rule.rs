//! Compiling findings, the rules that set them and give advice, and the verdict: every id
//! resolved and every value checked against the finding's values.
use super::*;

impl Compiler {
    pub(super) fn finding(&mut self, file: &str, f: source::Finding) -> Finding {
        let place = Place::item(file, Noun::Finding, &f.id);
        if f.values.is_empty() {
            self.defect(&place, DefectKind::NoValues);
        }
        for (i, v) in f.values.iter().enumerate() {
            if f.values[..i].iter().any(|w| w.value == v.value) {
                self.defect(
                    &place,
                    DefectKind::ValueTwice {
                        value: v.value.to_string(),
                    },
                );
            }
        }
        let default = f.default.as_ref().and_then(|d| {
            let i = f.values.iter().position(|v| &v.value == d);
            if i.is_none() {
                self.defect(
                    &place,
                    DefectKind::DefaultNotAValue {
                        value: d.to_string(),
                        values: f.values.iter().map(|v| v.value.to_string()).collect(),
                    },
                );
            }
            i.map(|i| i as u8)
        });
        Finding {
            file: file.to_string(),
            id: f.id,
            title: f.title,
            values: f
                .values
                .into_iter()
                .map(|v| FindingValue {
                    value: v.value,
                    label: v.label,
                })
                .collect(),
            default,
            rationale: f.rationale,
            sources: f.sources,
        }
    }

    pub(super) fn rule(
        &mut self,
        file: &str,
        r: source::Rule,
        findings: &IdSlice<FId, Finding>,
    ) -> Rule {
        let place = Place::item(file, Noun::Rule, &r.id);
        let when = match &r.when {
            Some(v) => self.cond(v, &place.then("when")),
            None => Cond::True,
        };
        let mut set = Vec::new();
        for (fid, value) in &r.set {
            match self.findings.get(fid) {
                None => self.defect(
                    &place.then("set"),
                    DefectKind::Unknown {
                        noun: Noun::Finding,
                        id: fid.clone(),
                        known: None,
                    },
                ),
                Some(&f) => match findings[f].values.iter().position(|v| &v.value == value) {
                    Some(i) => set.push((f, i as u8)),
                    None => self.defect(
                        &place.then("set").key(fid),
                        DefectKind::ValueNotAllowed {
                            value: value.to_string(),
                            allowed: findings[f]
                                .values
                                .iter()
                                .map(|v| v.value.to_string())
                                .collect(),
                        },
                    ),
                },
            }
        }
        let require = self.ids(&r.require, Noun::Action, &place.then("require"), |c| {
            &c.actions
        });
        let recommend = self.ids(&r.recommend, Noun::Action, &place.then("recommend"), |c| {
            &c.actions
        });
        let warn = self.ids(&r.warn, Noun::Warning, &place.then("warn"), |c| &c.warnings);
        let notes = self.ids(&r.notes, Noun::Note, &place.then("notes"), |c| &c.notes);
        Rule {
            id: r.id,
            from: r.from,
            when,
            set,
            require,
            recommend,
            warn,
            notes,
            reason: r.reason.map(|x| Reason {
                parts: self.text_parts(x.parts, &place.then("reason")),
                text: x.text,
                sources: x.sources,
            }),
            file: file.to_string(),
        }
    }

    pub(super) fn ids<I: Copy>(
        &mut self,
        ids: &[String],
        what: Noun,
        place: &Place,
        map: impl Fn(&Compiler) -> &HashMap<String, I>,
    ) -> Vec<I> {
        let mut out = Vec::new();
        for id in ids {
            match map(self).get(id) {
                Some(&i) => out.push(i),
                None => {
                    let known: BTreeMap<&String, ()> = map(self).keys().map(|k| (k, ())).collect();
                    let known = known.keys().map(|k| k.to_string()).collect();
                    self.defect(
                        place,
                        DefectKind::Unknown {
                            noun: what,
                            id: id.clone(),
                            known: Some(known),
                        },
                    )
                }
            }
        }
        out
    }

    pub(super) fn verdict(
        &mut self,
        file: &str,
        v: &source::VerdictSpec,
        findings: &IdSlice<FId, Finding>,
    ) -> Option<Verdict> {
        let Some(&f) = self.findings.get(&v.finding) else {
            self.defect(
                &Place::file(file).then("bank.verdict.finding"),
                DefectKind::Unknown {
                    noun: Noun::Finding,
                    id: v.finding.clone(),
                    known: None,
                },
            );
            return None;
        };
        let mut value = |field: &str, want: &Value| {
            let i = findings[f].values.iter().position(|x| &x.value == want);
            if i.is_none() {
                self.defect(
                    &Place::file(file).then(format!("bank.verdict.{field}")),
                    DefectKind::VerdictNotAValue {
                        value: want.to_string(),
                        finding: v.finding.clone(),
                    },
                );
            }
            i.map(|i| i as u8)
        };
        let without = value("without_required_actions", &v.without_required_actions);
        let with = value("with_required_actions", &v.with_required_actions);
        Some(Verdict {
            finding: f,
            without_required_actions: without?,
            with_required_actions: with?,
        })
    }
}
