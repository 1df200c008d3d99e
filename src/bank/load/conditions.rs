//! Compiling conditions: answers, options and named definitions resolved to question indexes
//! and option masks, each error naming its place.
use super::*;

impl Compiler {
    /// Parses a condition by hand so every mistake names its place.
    pub(super) fn cond(&mut self, v: &Value, at: &Place) -> Cond {
        match self.try_cond(v, at) {
            Ok(c) => c,
            Err(e) => {
                self.defect(at, e);
                Cond::True
            }
        }
    }

    pub(super) fn try_cond(&mut self, v: &Value, at: &Place) -> Result<Cond, DefectKind> {
        let Value::Object(m) = v else {
            return Err(DefectKind::NotACondition {
                found: v.to_string(),
            });
        };
        let keys: Vec<&str> = m.keys().map(|k| k.as_str()).collect();
        let list = |x: &Value| -> Result<Vec<Value>, DefectKind> {
            x.as_array().cloned().ok_or_else(|| DefectKind::NotAList {
                found: x.to_string(),
            })
        };
        match keys.as_slice() {
            ["all"] | ["any"] => {
                let items = list(&m[keys[0]])?;
                let cs = items
                    .iter()
                    .enumerate()
                    .map(|(i, x)| self.cond(x, &at.key(keys[0]).index(i)))
                    .collect();
                Ok(if keys[0] == "all" {
                    Cond::All(cs)
                } else {
                    Cond::Any(cs)
                })
            }
            ["not"] => Ok(Cond::Not(Box::new(self.cond(&m["not"], &at.key("not"))))),
            ["ref"] => {
                let name = m["ref"].as_str().ok_or(DefectKind::RefNotAName)?;
                self.used_defs.insert(name.to_string());
                self.def(name)
            }
            ["answered"] => {
                let q = m["answered"]
                    .as_str()
                    .ok_or(DefectKind::NotAQuestionId { key: "answered" })?;
                Ok(Cond::Answered(self.question_ref(q)?))
            }
            _ if m.len() == 2 && m.contains_key("answer") => {
                let q = m["answer"]
                    .as_str()
                    .ok_or(DefectKind::NotAQuestionId { key: "answer" })?;
                let qid = self.question_ref(q)?;
                let (op, arg) = m
                    .iter()
                    .find(|(k, _)| k.as_str() != "answer")
                    .map(|(k, v)| (k.as_str(), v))
                    .ok_or(DefectKind::NoTest)?;
                let (kind, _) = &self.options[qid];
                let kind = *kind;
                let values: Vec<Value> = match op {
                    "is" | "includes" => vec![arg.clone()],
                    "in" | "includes_any" => list(arg)?,
                    other => {
                        return Err(DefectKind::UnknownTest {
                            test: other.to_string(),
                        });
                    }
                };
                let question = || q.to_string();
                match (op, kind) {
                    (_, Kind::Text) => {
                        return Err(DefectKind::OpenQuestion {
                            question: question(),
                        });
                    }
                    ("is" | "in", Kind::Multiple) => {
                        return Err(DefectKind::IsOnMultiple {
                            question: question(),
                        });
                    }
                    ("includes" | "includes_any", k) if k != Kind::Multiple => {
                        return Err(DefectKind::IncludesOnSingle {
                            question: question(),
                        });
                    }
                    _ => {}
                }
                let mut mask = 0u64;
                for val in &values {
                    let s = val.as_str().ok_or_else(|| DefectKind::OptionNotText {
                        found: val.to_string(),
                    })?;
                    let opts = &self.options[qid].1;
                    match opts.iter().position(|o| o == s) {
                        Some(i) if i < 64 => mask |= 1 << i,
                        _ => {
                            return Err(DefectKind::NoSuchOption {
                                question: question(),
                                option: s.to_string(),
                                options: opts.clone(),
                            });
                        }
                    }
                }
                Ok(Cond::Has(qid, mask))
            }
            _ => Err(DefectKind::UnknownCondition {
                keys: keys.iter().map(|k| k.to_string()).collect(),
            }),
        }
    }

    pub(super) fn question_ref(&self, q: &str) -> Result<QId, DefectKind> {
        self.questions
            .get(q)
            .copied()
            .ok_or_else(|| DefectKind::Unknown {
                noun: Noun::Question,
                id: q.to_string(),
                known: None,
            })
    }

    pub(super) fn def(&mut self, name: &str) -> Result<Cond, DefectKind> {
        if let Some(c) = self.compiled_defs.get(name) {
            return Ok(c.clone());
        }
        if let Some(from) = self.def_stack.iter().position(|d| d == name) {
            let mut chain = self.def_stack[from..].to_vec();
            chain.push(name.to_string());
            return Err(DefectKind::DefCycle { chain });
        }
        let Some((file, v)) = self.defs.get(name).cloned() else {
            let mut known: Vec<String> = self.defs.keys().cloned().collect();
            known.sort();
            return Err(DefectKind::Unknown {
                noun: Noun::Definition,
                id: name.to_string(),
                known: Some(known),
            });
        };
        let at = Place::file(&file).then(format!("defs.{name}"));
        self.def_stack.push(name.to_string());
        let c = self.try_cond(&v, &at);
        self.def_stack.pop();
        // A broken definition is reported once, at the definition; its users stay quiet.
        let c = c.unwrap_or_else(|e| {
            self.defect(&at, e);
            Cond::True
        });
        self.compiled_defs.insert(name.to_string(), c.clone());
        Ok(c)
    }

    /// Compiles every definition, used or not, so a broken one is reported even when nothing
    /// refers to it; returns the ones nothing refers to.
    pub(super) fn unused_defs(&mut self) -> Vec<Defect> {
        let mut names: Vec<(String, String)> = self
            .defs
            .iter()
            .map(|(k, (f, _))| (f.clone(), k.clone()))
            .collect();
        names.sort();
        let mut unused = Vec::new();
        for (file, name) in names {
            let _ = self.def(&name);
            if !self.used_defs.contains(&name) {
                unused.push(Defect {
                    place: Place::item(&file, Noun::Definition, &name),
                    kind: DefectKind::Unused,
                });
            }
        }
        unused
    }
}
