//! Proving a bank sound: every text written and sourced, current law cited only in dated notes
//! ([`citations`]), every stable id present, and — by exploring every path ([`explore`]) —
//! every question reachable, every path ending in a complete outcome, no declared conflict in
//! any outcome ([`conflict`]). [`stale`] lists the notes not checked for a while.
#[cfg(test)]
pub(crate) mod agreement;
mod citations;
mod classes;
mod conflict;
mod effect;
mod explore;
pub mod stale;

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::Value;

use super::{Bank, TextPart};
use crate::text::Text;

/// The stable identifiers (docs/stable-ids.md), which the program's contracts rely on.
const STABLE_IDS: &str = include_str!("../../../assets/stable-ids.json");

#[derive(Debug, Default)]
pub struct Report {
    pub questions: usize,
    /// Distinct paths: sequences of answers that some condition can tell apart.
    pub paths: u128,
    /// Distinct outcomes: findings, actions with levels, warnings and notes.
    pub outcomes: usize,
    /// Question states explored (after sharing), a measure of the lint's own work.
    pub states: usize,
    pub defects: Vec<String>,
}

impl Report {
    pub fn is_sound(&self) -> bool {
        self.defects.is_empty()
    }
}

pub fn lint(bank: &Bank) -> Report {
    let mut report = Report {
        questions: bank.questions.len(),
        ..Default::default()
    };
    check_texts(bank, &mut report.defects);
    citations::check(bank, &mut report.defects);
    check_stable_ids(bank, &mut report.defects);
    report
        .defects
        .extend(bank.unused_defs.iter().map(|d| d.to_string()));
    explore::Explorer::new(bank).run(&mut report);
    report
}

fn check_text(t: &Text, place: &str, what: &str, defects: &mut Vec<String>) {
    for (lang, s) in [("nl", &t.nl), ("en", &t.en)] {
        if s.trim().is_empty() {
            defects.push(format!("{place}: {what} ({lang}) ontbreekt"));
        } else if s.trim().eq_ignore_ascii_case("todo") {
            defects.push(format!(
                "{place}: {what} ({lang}) is nog niet geschreven (TODO)"
            ));
        }
    }
}

/// Each conditional part of a text is shown on some path, so it must be written in both
/// languages like the text it belongs to; it is named by its place in the file.
fn check_parts(parts: &[TextPart], place: &str, field: &str, defects: &mut Vec<String>) {
    for (i, p) in parts.iter().enumerate() {
        check_text(&p.text, &format!("{place}, {field}[{i}]"), "text", defects);
    }
}

fn check_sources(sources: &[String], place: &str, defects: &mut Vec<String>) {
    if sources.iter().all(|s| s.trim().is_empty()) {
        defects.push(format!("{place}: geen bron (sources is leeg)"));
    }
}

fn check_texts(bank: &Bank, d: &mut Vec<String>) {
    for q in &bank.questions {
        let place = format!("{}: vraag \"{}\"", q.file, q.id);
        check_text(&q.prompt, &place, "prompt", d);
        check_text(&q.help, &place, "help", d);
        check_parts(&q.help_parts, &place, "help_parts", d);
        check_text(&q.reasoning, &place, "reasoning", d);
        check_sources(&q.sources, &place, d);
        for o in &q.options {
            check_text(
                &o.label,
                &format!("{place}, optie \"{}\"", o.id),
                "label",
                d,
            );
        }
    }
    for f in &bank.findings {
        let place = format!("{}: bevinding \"{}\"", f.file, f.id);
        check_text(&f.title, &place, "title", d);
        check_text(&f.rationale, &place, "rationale", d);
        check_sources(&f.sources, &place, d);
        for v in &f.values {
            check_text(
                &v.label,
                &format!("{place}, waarde {}", v.value),
                "label",
                d,
            );
        }
    }
    for a in &bank.actions {
        let place = format!("{}: actie \"{}\"", a.file, a.id);
        check_text(&a.title, &place, "title", d);
        check_text(&a.rationale, &place, "rationale", d);
        check_parts(&a.parts, &place, "parts", d);
        check_sources(&a.sources, &place, d);
    }
    for w in &bank.warnings {
        let place = format!("{}: waarschuwing \"{}\"", w.file, w.id);
        check_text(&w.title, &place, "title", d);
        check_text(&w.text, &place, "text", d);
        check_parts(&w.parts, &place, "parts", d);
        check_sources(&w.sources, &place, d);
    }
    for n in &bank.notes {
        let place = format!("{}: notitie \"{}\"", n.file, n.id);
        check_text(&n.title, &place, "title", d);
        check_text(&n.text, &place, "text", d);
        check_parts(&n.parts, &place, "parts", d);
        check_sources(&n.sources, &place, d);
        // `lint --stale` counts months from it, so it must be a real month.
        if stale::Month::parse(&n.checked).is_none() {
            d.push(format!(
                "{place}: checked moet een maand zijn als \"2026-11\", gevonden \"{}\"",
                n.checked
            ));
        }
    }
    for f in &bank.register {
        let place = format!("{}: registerveld \"{}\"", f.file, f.id);
        check_text(&f.label, &place, "label", d);
        for p in &f.parts {
            if let super::RegisterContent::Text(t) = &p.content {
                check_text(t, &place, "text", d);
            }
        }
    }
    for c in &bank.conflicts {
        // The maintainer who breaks a conflict reads why in the lint's message.
        let place = format!("{}: conflict \"{}\"", c.file, c.id);
        check_text(&c.why, &place, "why", d);
    }
    for r in &bank.rules {
        if let Some(reason) = &r.reason {
            let place = format!("{}: regel \"{}\"", r.file, r.id);
            check_text(&reason.text, &place, "reason.text", d);
            check_parts(&reason.parts, &place, "reason.parts", d);
            check_sources(&reason.sources, &place, d);
        }
    }
}

#[derive(Deserialize)]
struct StableIds {
    questions: HashMap<String, (String, Vec<String>)>,
    findings: HashMap<String, Vec<Value>>,
    actions: Vec<String>,
}

fn check_stable_ids(bank: &Bank, d: &mut Vec<String>) {
    let stable: StableIds = match serde_json::from_str(STABLE_IDS) {
        Ok(s) => s,
        Err(e) => {
            d.push(format!("assets/stable-ids.json is onleesbaar: {e}"));
            return;
        }
    };
    let mut names: Vec<&String> = stable.questions.keys().collect();
    names.sort();
    for id in names {
        let (kind, options) = &stable.questions[id];
        match bank.question(id) {
            None => d.push(format!(
                "vaste vraag \"{id}\" (docs/stable-ids.md) ontbreekt"
            )),
            Some(q) => {
                if q.kind.name() != kind {
                    d.push(format!(
                        "{}: vraag \"{id}\" moet van soort {kind} zijn, is {}",
                        q.file,
                        q.kind.name()
                    ));
                }
                for o in options {
                    if q.option_index(o).is_none() {
                        d.push(format!(
                            "{}: vraag \"{id}\" mist de vaste optie \"{o}\"",
                            q.file
                        ));
                    }
                }
            }
        }
    }
    for q in &bank.questions {
        if !stable.questions.contains_key(&q.id) && q.default.is_none() {
            d.push(format!(
                "{}: vraag \"{}\" staat niet in docs/stable-ids.md en heeft dus een \"default\" nodig, zodat een antwoordbestand met alleen de vaste vragen altijd werkt",
                q.file, q.id
            ));
        }
    }
    let mut names: Vec<&String> = stable.findings.keys().collect();
    names.sort();
    for id in names {
        match bank.finding_id(id) {
            None => d.push(format!(
                "vaste bevinding \"{id}\" (docs/stable-ids.md) ontbreekt"
            )),
            Some(f) => {
                for v in &stable.findings[id] {
                    if !bank.findings[f].values.iter().any(|x| &x.value == v) {
                        d.push(format!("bevinding \"{id}\" mist de vaste waarde {v}"));
                    }
                }
            }
        }
    }
    for id in &stable.actions {
        if bank.action_id(id).is_none() {
            d.push(format!(
                "vaste actie \"{id}\" (docs/stable-ids.md) ontbreekt"
            ));
        }
    }
}
