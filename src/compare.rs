//! Two records side by side: which answers, findings and actions differ — for a workshop that
//! weighs two variants of a campaign, or an FG comparing a revision with what was signed.
use std::collections::BTreeSet;

use serde_json::Value;

use crate::locale::compare::words;
use crate::record::Record;
use crate::text::Lang;

pub fn describe(a: &Record, b: &Record, lang: Lang) -> String {
    let w = words(lang);
    let mut s = format!(
        "A: {} — {} ({})\nB: {} — {} ({})\n",
        a.id,
        a.title(lang),
        a.status.label(lang),
        b.id,
        b.title(lang),
        b.status.label(lang)
    );
    if a.bank != b.bank {
        s.push_str(&format!(
            "{} A {} {}, B {} {}\n",
            w.other_bank, a.bank.id, a.bank.version, b.bank.id, b.bank.version
        ));
    }
    let mut differences = 0;

    // Answers on the path of either record (answers off the path do not count).
    let on_path = |r: &Record| -> Vec<(String, Value)> {
        match &r.outcome {
            Some(o) => o
                .path
                .iter()
                .filter_map(|q| o.answers.get(q).map(|v| (q.clone(), v.clone())))
                .collect(),
            None => r
                .answers
                .iter()
                .map(|(q, g)| (q.clone(), g.value.clone()))
                .collect(),
        }
    };
    let (aa, ba) = (on_path(a), on_path(b));
    let ids: BTreeSet<&String> = aa.iter().chain(&ba).map(|(q, _)| q).collect();
    let get =
        |v: &[(String, Value)], q: &str| v.iter().find(|(x, _)| x == q).map(|(_, v)| v.to_string());
    let none = w.not_asked;
    let mut lines = Vec::new();
    for q in ids {
        let (x, y) = (get(&aa, q), get(&ba, q));
        if x != y {
            lines.push(format!(
                "  {q}: A {} | B {}",
                x.as_deref().unwrap_or(none),
                y.as_deref().unwrap_or(none)
            ));
        }
    }
    section(&mut s, w.answers, &lines, &mut differences, lang);

    // The justifications, only where either record has one: records without any compare as
    // they always did.
    if !(a.justifications.is_empty() && b.justifications.is_empty()) {
        let ids: BTreeSet<&String> = a
            .justifications
            .keys()
            .chain(b.justifications.keys())
            .collect();
        let shown = |r: &Record, q: &str| {
            r.justification(q)
                .map_or_else(|| "-".to_string(), crate::json::quoted)
        };
        let lines: Vec<String> = ids
            .into_iter()
            .filter(|q| a.justification(q) != b.justification(q))
            .map(|q| {
                let id = crate::json::escape_controls(q);
                format!("  {id}: A {} | B {}", shown(a, q), shown(b, q))
            })
            .collect();
        section(&mut s, w.justifications, &lines, &mut differences, lang);
    }

    let (ao, bo) = (a.outcome.as_ref(), b.outcome.as_ref());
    let mut lines = Vec::new();
    match (ao, bo) {
        (Some(x), Some(y)) => {
            for (k, v) in &x.findings {
                let w = y.findings.get(k).cloned().unwrap_or(Value::Null);
                if *v != w {
                    lines.push(format!("  {k}: A {v} | B {w}"));
                }
            }
        }
        (x, y) => {
            if x.is_some() != y.is_some() {
                lines.push(format!("  {}", w.one_has_advice));
            }
        }
    }
    section(&mut s, w.findings, &lines, &mut differences, lang);

    let actions = |o: Option<&crate::advice::Advice>| -> Vec<(String, String)> {
        o.map(|o| {
            o.actions
                .iter()
                .map(|x| (x.id.clone(), format!("{:?}", x.level).to_lowercase()))
                .collect()
        })
        .unwrap_or_default()
    };
    let (xa, ya) = (actions(ao), actions(bo));
    let ids: BTreeSet<&String> = xa.iter().chain(&ya).map(|(id, _)| id).collect();
    let level =
        |v: &[(String, String)], id: &str| v.iter().find(|(x, _)| x == id).map(|(_, l)| l.clone());
    let mut lines = Vec::new();
    for id in ids {
        let (x, y) = (level(&xa, id), level(&ya, id));
        if x != y {
            let dash = "-".to_string();
            lines.push(format!(
                "  {id}: A {} | B {}",
                x.unwrap_or_else(|| dash.clone()),
                y.unwrap_or(dash)
            ));
        }
    }
    section(&mut s, w.actions, &lines, &mut differences, lang);
    if differences == 0 {
        s.push_str(&format!("\n{}\n", w.no_differences));
    }
    s
}

fn section(s: &mut String, title: &str, lines: &[String], count: &mut usize, lang: Lang) {
    s.push_str(&format!("\n{title}\n"));
    if lines.is_empty() {
        s.push_str(&format!("  {}\n", words(lang).same));
    }
    for l in lines {
        s.push_str(l);
        s.push('\n');
    }
    *count += lines.len();
}
