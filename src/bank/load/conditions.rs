//! Compiling conditions: answers, options and named definitions resolved to question indexes
//! and option masks, each error naming its place.
use super::*;

impl Compiler {
    /// Parses a condition by hand so every mistake names its place.
    pub(super) fn cond(&mut self, v: &Value, at: &str) -> Cond {
        match self.try_cond(v, at) {
            Ok(c) => c,
            Err(e) => {
                self.defect(format!("{at}: {e}"));
                Cond::True
            }
        }
    }

    pub(super) fn try_cond(&mut self, v: &Value, at: &str) -> Result<Cond, String> {
        let Value::Object(m) = v else {
            return Err(format!(
                "een voorwaarde is een object, zoals {{\"answer\": \"use_case\", \"is\": \"area_map\"}}; gevonden: {v}"
            ));
        };
        let keys: Vec<&str> = m.keys().map(|k| k.as_str()).collect();
        let list = |x: &Value| -> Result<Vec<Value>, String> {
            x.as_array()
                .cloned()
                .ok_or_else(|| format!("verwacht een lijst, gevonden: {x}"))
        };
        match keys.as_slice() {
            ["all"] | ["any"] => {
                let items = list(&m[keys[0]])?;
                let cs = items
                    .iter()
                    .enumerate()
                    .map(|(i, x)| self.cond(x, &format!("{at}.{}[{i}]", keys[0])))
                    .collect();
                Ok(if keys[0] == "all" {
                    Cond::All(cs)
                } else {
                    Cond::Any(cs)
                })
            }
            ["not"] => Ok(Cond::Not(Box::new(
                self.cond(&m["not"], &format!("{at}.not")),
            ))),
            ["ref"] => {
                let name = m["ref"]
                    .as_str()
                    .ok_or("\"ref\" verwacht de naam van een definitie")?;
                self.used_defs.insert(name.to_string());
                self.def(name)
            }
            ["answered"] => {
                let q = m["answered"]
                    .as_str()
                    .ok_or("\"answered\" verwacht een vraag-id")?;
                Ok(Cond::Answered(self.question_ref(q)?))
            }
            _ if m.len() == 2 && m.contains_key("answer") => {
                let q = m["answer"]
                    .as_str()
                    .ok_or("\"answer\" verwacht een vraag-id")?;
                let qid = self.question_ref(q)?;
                let (op, arg) = m
                    .iter()
                    .find(|(k, _)| k.as_str() != "answer")
                    .map(|(k, v)| (k.as_str(), v))
                    .ok_or("geen test")?;
                let (kind, _) = &self.options[qid];
                let kind = *kind;
                let values: Vec<Value> = match op {
                    "is" | "includes" => vec![arg.clone()],
                    "in" | "includes_any" => list(arg)?,
                    other => {
                        return Err(format!(
                            "onbekende test \"{other}\"; gebruik is, in, includes of includes_any"
                        ));
                    }
                };
                match (op, kind) {
                    (_, Kind::Text) => {
                        return Err(format!(
                            "vraag \"{q}\" is een open vraag; alleen \"answered\" kan daarop testen"
                        ));
                    }
                    ("is" | "in", Kind::Multiple) => {
                        return Err(format!(
                            "vraag \"{q}\" is een meerkeuzevraag: gebruik \"includes\" of \"includes_any\""
                        ));
                    }
                    ("includes" | "includes_any", k) if k != Kind::Multiple => {
                        return Err(format!(
                            "vraag \"{q}\" is geen meerkeuzevraag: gebruik \"is\" of \"in\""
                        ));
                    }
                    _ => {}
                }
                let mut mask = 0u64;
                for val in &values {
                    let s = val.as_str().ok_or_else(|| {
                        format!("verwacht een optie-id als tekst, gevonden: {val}")
                    })?;
                    let opts = &self.options[qid].1;
                    match opts.iter().position(|o| o == s) {
                        Some(i) if i < 64 => mask |= 1 << i,
                        _ => {
                            return Err(format!(
                                "vraag \"{q}\" heeft geen optie \"{s}\"; opties: {}",
                                opts.join(", ")
                            ));
                        }
                    }
                }
                Ok(Cond::Has(qid, mask))
            }
            _ => Err(format!(
                "onbekende voorwaarde met {}; gebruik answer+is/in/includes/includes_any, answered, all, any, not of ref",
                keys.iter()
                    .map(|k| format!("\"{k}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }

    pub(super) fn question_ref(&self, q: &str) -> Result<QId, String> {
        self.questions
            .get(q)
            .copied()
            .ok_or_else(|| format!("onbekende vraag \"{q}\""))
    }

    pub(super) fn def(&mut self, name: &str) -> Result<Cond, String> {
        if let Some(c) = self.compiled_defs.get(name) {
            return Ok(c.clone());
        }
        if let Some(from) = self.def_stack.iter().position(|d| d == name) {
            let mut chain = self.def_stack[from..].to_vec();
            chain.push(name.to_string());
            return Err(format!(
                "definities verwijzen in een kring naar elkaar: {}",
                chain.join(" → ")
            ));
        }
        let Some((file, v)) = self.defs.get(name).cloned() else {
            let mut known: Vec<&str> = self.defs.keys().map(|k| k.as_str()).collect();
            known.sort();
            return Err(format!(
                "onbekende definitie \"{name}\"; bekend: {}",
                known.join(", ")
            ));
        };
        self.def_stack.push(name.to_string());
        let c = self.try_cond(&v, &format!("{file}: defs.{name}"));
        self.def_stack.pop();
        // A broken definition is reported once, at the definition; its users stay quiet.
        let c = c.unwrap_or_else(|e| {
            self.defects.push(format!("{file}: defs.{name}: {e}"));
            Cond::True
        });
        self.compiled_defs.insert(name.to_string(), c.clone());
        Ok(c)
    }

    /// Compiles every definition, used or not, so a broken one is reported even when nothing
    /// refers to it; returns the ones nothing refers to.
    pub(super) fn unused_defs(&mut self) -> Vec<String> {
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
                unused.push(format!(
                    "{file}: definitie \"{name}\" wordt nergens gebruikt"
                ));
            }
        }
        unused
    }
}
