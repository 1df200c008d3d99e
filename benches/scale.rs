//! A larger bank made from copies of a given one, for measuring how the lint scales (the
//! benchmark, and the tests that check what it generates; not part of the program). Copy 0
//! keeps the original ids (so the stable ids are there); copy k renames every question, def,
//! rule, action, warning, note and conflict with a `__k` suffix. Two selector questions in
//! front choose the copy (ten groups of up to ten), so each copy is one sub-tree of the larger
//! bank.
use serde_json::{Map, Value, json};

pub fn scaled(files: &[(String, String)], copies: usize) -> Result<Vec<(String, String)>, String> {
    let mut merged: Map<String, Value> = Map::new();
    for (name, content) in files {
        let v: Value = serde_json::from_str(content).map_err(|e| format!("{name}: {e}"))?;
        let Value::Object(part) = v else {
            return Err(format!("{name}: not an object"));
        };
        for (k, v) in part {
            match (merged.get_mut(&k), v) {
                (Some(Value::Array(a)), Value::Array(b)) => a.extend(b),
                (Some(Value::Object(a)), Value::Object(b)) => a.extend(b),
                (None, v) => {
                    merged.insert(k, v);
                }
                _ => return Err(format!("{name}: section {k} twice")),
            }
        }
    }
    let meta = merged.get("bank").cloned().ok_or("no bank section")?;
    let start = meta["start"].as_str().ok_or("no start")?.to_string();
    let mut out: Map<String, Value> = Map::new();
    for section in [
        "questions",
        "findings",
        "actions",
        "warnings",
        "notes",
        "rules",
        "conflicts",
    ] {
        out.insert(section.into(), Value::Array(Vec::new()));
    }
    out.insert("defs".into(), Value::Object(Map::new()));
    let ids = |section: &str| -> Vec<String> {
        merged
            .get(section)
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|x| x["id"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    let renamed = Renames {
        questions: ids("questions"),
        actions: ids("actions"),
        warnings: ids("warnings"),
        notes: ids("notes"),
        defs: merged
            .get("defs")
            .and_then(Value::as_object)
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default(),
    };
    if let Some(f) = merged.get("findings") {
        out.insert("findings".into(), f.clone());
    }
    for k in 0..copies {
        let r = |id: &str| {
            if k == 0 {
                id.to_string()
            } else {
                format!("{id}__{k}")
            }
        };
        for q in merged["questions"].as_array().into_iter().flatten() {
            let mut q = q.clone();
            renamed.apply(&mut q, &r);
            if k > 0 && q.get("default").is_none() {
                // Copies are not stable questions, so they need a default like any added question.
                q["default"] = match q["kind"].as_str() {
                    Some("text") => json!(""),
                    Some("yes_no") | Some("yes_no_unknown") => json!("no"),
                    Some("multiple") => json!([q["options"][0]["id"]]),
                    _ => q["options"][0]["id"].clone(),
                };
            }
            push(&mut out, "questions", q);
        }
        for section in ["actions", "warnings", "notes", "rules", "conflicts"] {
            for item in merged
                .get(section)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let mut item = item.clone();
                renamed.apply(&mut item, &r);
                // Rules and conflicts are not referred to, so their ids are renamed here.
                if section == "rules" || section == "conflicts" {
                    item["id"] = json!(r(item["id"].as_str().unwrap_or_default()));
                }
                push(&mut out, section, item);
            }
        }
        if let Some(defs) = merged.get("defs").and_then(Value::as_object) {
            for (name, cond) in defs {
                let mut cond = cond.clone();
                renamed.apply(&mut cond, &r);
                out["defs"].as_object_mut().map(|m| m.insert(r(name), cond));
            }
        }
    }
    // The selectors: a group, then a copy within it.
    let groups = copies.div_ceil(10);
    let label = |s: String| json!({ "nl": s.clone(), "en": s });
    let text = label("Alleen om de lint te meten.".into());
    let mut selector = |id: String, options: Vec<(String, String)>| {
        let next: Vec<Value> = options
            .iter()
            .map(|(o, to)| json!({ "when": { "answer": id, "is": o }, "to": to }))
            .chain(std::iter::once(json!({ "to": options[0].1 })))
            .collect();
        let q = json!({
            "id": id, "kind": "single", "prompt": label(format!("Kies {id}")), "help": text, "reasoning": text,
            "sources": ["Handreiking, Aanleiding, p.4"], "default": options[0].0,
            "options": options.iter().map(|(o, _)| json!({ "id": o, "label": label(o.clone()) })).collect::<Vec<_>>(),
            "next": next
        });
        push(&mut out, "questions", q);
    };
    // A single-choice question needs two options; a lone copy gets a second that goes the same way.
    let pad = |mut v: Vec<(String, String)>| {
        if v.len() == 1 {
            let to = v[0].1.clone();
            v.push((format!("{}_b", v[0].0), to));
        }
        v
    };
    if groups > 1 {
        selector(
            "scale_group".into(),
            (0..groups)
                .map(|g| (format!("g{g}"), format!("scale_copy_{g}")))
                .collect(),
        );
    }
    for g in 0..groups {
        let copies_in_group = (g * 10..((g + 1) * 10).min(copies))
            .map(|k| {
                (
                    format!("c{k}"),
                    if k == 0 {
                        start.clone()
                    } else {
                        format!("{start}__{k}")
                    },
                )
            })
            .collect();
        selector(format!("scale_copy_{g}"), pad(copies_in_group));
    }
    let mut meta = meta;
    meta["start"] = json!(if groups > 1 {
        "scale_group"
    } else {
        "scale_copy_0"
    });
    meta["id"] = json!(format!(
        "{}-x{copies}",
        meta["id"].as_str().unwrap_or("bank")
    ));
    out.insert("bank".into(), meta);
    let text = serde_json::to_string(&Value::Object(out)).map_err(|e| e.to_string())?;
    Ok(vec![("bank.json".to_string(), text)])
}

fn push(out: &mut Map<String, Value>, section: &str, v: Value) {
    if let Some(Value::Array(a)) = out.get_mut(section) {
        a.push(v);
    }
}

struct Renames {
    questions: Vec<String>,
    actions: Vec<String>,
    warnings: Vec<String>,
    notes: Vec<String>,
    defs: Vec<String>,
}

impl Renames {
    /// Renames every id reference in a bank item, by the field it appears in.
    fn apply(&self, v: &mut Value, r: &impl Fn(&str) -> String) {
        let rename = |s: &mut Value, list: &[String]| {
            if let Some(id) = s.as_str()
                && list.iter().any(|x| x == id)
            {
                *s = Value::String(r(id));
            }
        };
        match v {
            Value::Object(m) => {
                for (k, x) in m.iter_mut() {
                    match k.as_str() {
                        "id" => {
                            for list in
                                [&self.questions, &self.actions, &self.warnings, &self.notes]
                            {
                                rename(x, list);
                            }
                        }
                        "to" | "answer" | "answered" => rename(x, &self.questions),
                        "ref" => rename(x, &self.defs),
                        "require" | "recommend" => x
                            .as_array_mut()
                            .into_iter()
                            .flatten()
                            .for_each(|y| rename(y, &self.actions)),
                        "warn" => x
                            .as_array_mut()
                            .into_iter()
                            .flatten()
                            .for_each(|y| rename(y, &self.warnings)),
                        // A conflict's items name one action, warning or note each.
                        "action" => rename(x, &self.actions),
                        "warning" => rename(x, &self.warnings),
                        "note" => rename(x, &self.notes),
                        "notes" => x
                            .as_array_mut()
                            .into_iter()
                            .flatten()
                            .for_each(|y| rename(y, &self.notes)),
                        "options" | "values" | "set" | "prompt" | "help" | "reasoning"
                        | "label" | "title" | "text" | "rationale" | "sources" | "default"
                        | "why" => {}
                        _ => self.apply(x, r),
                    }
                }
            }
            Value::Array(a) => a.iter_mut().for_each(|x| self.apply(x, r)),
            _ => {}
        }
    }
}
