//! Proving a bank sound: every text written and sourced, current law cited only in dated notes
//! ([`citations`]), every stable id present, and — by exploring every path ([`explore`]) —
//! every question reachable, every path ending in a complete outcome, no declared conflict in
//! any outcome ([`conflict`]). [`stale`] lists the notes not checked for a while.
#[cfg(test)]
pub(crate) mod agreement;
mod citations;
mod classes;
mod conflict;
mod defect;
mod effect;
mod explore;
pub mod stale;

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::Value;

pub use defect::{Answers, Defect, Field, FromLoader, Named, Place, Section, Within};

use super::{Bank, TextPart};
use crate::text::{Lang, Text};

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
    /// What is wrong with the bank, in the order found; `crate::locale::lint` says each.
    pub defects: Vec<Defect>,
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
        .extend(bank.unused_defs.iter().cloned().map(Defect::Loader));
    explore::Explorer::new(bank).run(&mut report);
    report
}

fn check_text(t: &Text, place: &Place, what: &str, defects: &mut Vec<Defect>) {
    for (lang, s) in [(Lang::Nl, &t.nl), (Lang::En, &t.en)] {
        // Made only for a defect: most texts have none, and a bank has many texts.
        let at = || (place.clone(), Field::new(what, Some(lang)));
        if s.trim().is_empty() {
            let (place, field) = at();
            defects.push(Defect::Missing { place, field });
        } else if s.trim().eq_ignore_ascii_case("todo") {
            let (place, field) = at();
            defects.push(Defect::Todo { place, field });
        }
    }
}

/// Each conditional part of a text is shown on some path, so it must be written in both
/// languages like the text it belongs to; it is named by its place in the file.
fn check_parts(parts: &[TextPart], place: &Place, field: &'static str, d: &mut Vec<Defect>) {
    for (i, p) in parts.iter().enumerate() {
        check_text(&p.text, &place.within(Within::Part(field, i)), "text", d);
    }
}

fn check_sources(sources: &[String], place: &Place, defects: &mut Vec<Defect>) {
    if sources.iter().all(|s| s.trim().is_empty()) {
        defects.push(Defect::NoSource {
            place: place.clone(),
        });
    }
}

fn check_texts(bank: &Bank, d: &mut Vec<Defect>) {
    for q in &bank.questions {
        let place = Place::new(&q.file, Section::Question, &q.id);
        check_text(&q.prompt, &place, "prompt", d);
        check_text(&q.help, &place, "help", d);
        check_parts(&q.help_parts, &place, "help_parts", d);
        check_text(&q.reasoning, &place, "reasoning", d);
        check_sources(&q.sources, &place, d);
        if let Some(j) = &q.justification {
            check_text(&j.prompt, &place, "justification.prompt", d);
            // The help is optional, but once written it is shown in either language.
            if !(j.help.nl.trim().is_empty() && j.help.en.trim().is_empty()) {
                check_text(&j.help, &place, "justification.help", d);
            }
        }
        for o in &q.options {
            let option = place.within(Within::Option(o.id.clone()));
            check_text(&o.label, &option, "label", d);
        }
    }
    for f in &bank.findings {
        let place = Place::new(&f.file, Section::Finding, &f.id);
        check_text(&f.title, &place, "title", d);
        check_text(&f.rationale, &place, "rationale", d);
        check_sources(&f.sources, &place, d);
        for v in &f.values {
            let value = place.within(Within::Value(v.value.clone()));
            check_text(&v.label, &value, "label", d);
        }
    }
    for a in &bank.actions {
        let place = Place::new(&a.file, Section::Action, &a.id);
        check_text(&a.title, &place, "title", d);
        check_text(&a.rationale, &place, "rationale", d);
        check_parts(&a.parts, &place, "parts", d);
        check_sources(&a.sources, &place, d);
    }
    for w in &bank.warnings {
        let place = Place::new(&w.file, Section::Warning, &w.id);
        check_text(&w.title, &place, "title", d);
        check_text(&w.text, &place, "text", d);
        check_parts(&w.parts, &place, "parts", d);
        check_sources(&w.sources, &place, d);
    }
    for n in &bank.notes {
        let place = Place::new(&n.file, Section::Note, &n.id);
        check_text(&n.title, &place, "title", d);
        check_text(&n.text, &place, "text", d);
        check_parts(&n.parts, &place, "parts", d);
        check_sources(&n.sources, &place, d);
        // `lint --stale` counts months from it, so it must be a real month.
        if stale::Month::parse(&n.checked).is_none() {
            d.push(Defect::CheckedNotAMonth {
                place,
                found: n.checked.clone(),
            });
        }
    }
    for f in &bank.register {
        let place = Place::new(&f.file, Section::RegisterField, &f.id);
        check_text(&f.label, &place, "label", d);
        for p in &f.parts {
            if let super::RegisterContent::Text(t) = &p.content {
                check_text(t, &place, "text", d);
            }
        }
    }
    for c in &bank.conflicts {
        // The maintainer who breaks a conflict reads why in the lint's message.
        let place = Place::new(&c.file, Section::Conflict, &c.id);
        check_text(&c.why, &place, "why", d);
    }
    for r in &bank.rules {
        if let Some(reason) = &r.reason {
            let place = Place::new(&r.file, Section::Rule, &r.id);
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

fn check_stable_ids(bank: &Bank, d: &mut Vec<Defect>) {
    let stable: StableIds = match serde_json::from_str(STABLE_IDS) {
        Ok(s) => s,
        Err(e) => {
            d.push(Defect::StableIdsUnreadable(e.to_string()));
            return;
        }
    };
    let mut names: Vec<&String> = stable.questions.keys().collect();
    names.sort();
    for id in names {
        let (kind, options) = &stable.questions[id];
        match bank.question(id) {
            None => d.push(Defect::StableQuestionMissing { id: id.clone() }),
            Some(q) => {
                if q.kind.name() != kind {
                    d.push(Defect::StableQuestionKind {
                        file: q.file.clone(),
                        id: id.clone(),
                        kind: kind.clone(),
                        is: q.kind.name().to_string(),
                    });
                }
                for o in options {
                    if q.option_index(o).is_none() {
                        d.push(Defect::StableOptionMissing {
                            file: q.file.clone(),
                            id: id.clone(),
                            option: o.clone(),
                        });
                    }
                }
            }
        }
    }
    for q in &bank.questions {
        if !stable.questions.contains_key(&q.id) && q.default.is_none() {
            d.push(Defect::DefaultNeeded {
                file: q.file.clone(),
                id: q.id.clone(),
            });
        }
    }
    let mut names: Vec<&String> = stable.findings.keys().collect();
    names.sort();
    for id in names {
        match bank.finding_id(id) {
            None => d.push(Defect::StableFindingMissing { id: id.clone() }),
            Some(f) => {
                for v in &stable.findings[id] {
                    if !bank.findings[f].values.iter().any(|x| &x.value == v) {
                        d.push(Defect::StableValueMissing {
                            id: id.clone(),
                            value: v.clone(),
                        });
                    }
                }
            }
        }
    }
    for id in &stable.actions {
        if bank.action_id(id).is_none() {
            d.push(Defect::StableActionMissing { id: id.clone() });
        }
    }
}
