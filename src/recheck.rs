//! What a record's advice would be under the current rules: after a law change the bank gets a
//! new version, and an FG must know which approved campaigns to revisit. Pure and without
//! words: the record's stored advice against the engine's outcome of its answers under `bank`
//! (the locale says it, `locale::recheck`). The record itself is never changed.
//!
//! "Differs" is what the advice decides, not how it is worded: the verdict, the findings,
//! which actions at which level, the warnings and the current-law notes, and whether questions
//! must be answered before there is advice at all. A new bank version that rewords a text but
//! decides the same is no difference.
use std::collections::BTreeSet;

use serde::Serialize;
use serde_json::Value;

use crate::advice::{Advice, BankRef};
use crate::bank::Bank;
use crate::engine::{Level, Outcome};
use crate::record::{self, Record};

/// A record's advice then (as stored) and now (under the current bank).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recheck {
    /// The bank the record was made with, and the current one.
    pub from: BankRef,
    pub to: BankRef,
    pub verdict: VerdictChange,
    /// Actions the advice now holds that it did not, or not at this level; a required action
    /// that became recommended is dropped as required and added as recommended.
    pub actions_added: Vec<ActionAt>,
    pub actions_dropped: Vec<ActionAt>,
    /// Findings (the verdict aside) whose value is another now; `null` where one side has no
    /// such finding.
    pub findings: Vec<FindingChange>,
    pub warnings_added: Vec<String>,
    pub warnings_dropped: Vec<String>,
    pub notes_added: Vec<String>,
    pub notes_dropped: Vec<String>,
    /// The questions that would be asked again before there is advice: the first question on
    /// the new path without an answer, and answers on the record's path that no longer fit.
    /// Empty when the answers still lead to advice.
    pub asks: Vec<Ask>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VerdictChange {
    /// The verdict's value as stored (e.g. `"allowed_with_actions"`).
    pub then: Value,
    /// The verdict under the current bank; `None` while questions must be answered first.
    pub now: Option<Value>,
    /// The verdict as the record showed it, in the record's language: the current bank may no
    /// longer know the value.
    #[serde(skip)]
    pub then_label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionAt {
    pub id: String,
    pub level: Level,
    /// The title as the record showed it (for a dropped action the current bank may no longer
    /// know), in the record's language; empty for an added one.
    #[serde(skip)]
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingChange {
    pub id: String,
    pub then: Value,
    pub now: Value,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ask {
    pub question: String,
    pub why: AskWhy,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AskWhy {
    /// The record has no answer to it: the current bank asks it on this path.
    Unanswered,
    /// The record's answer is no longer allowed (an option gone or changed).
    NoLongerFits,
}

impl Recheck {
    /// Whether the advice would be other than the one stored.
    pub fn differs(&self) -> bool {
        self.verdict.now.as_ref() != Some(&self.verdict.then)
            || !self.actions_added.is_empty()
            || !self.actions_dropped.is_empty()
            || !self.findings.is_empty()
            || !self.warnings_added.is_empty()
            || !self.warnings_dropped.is_empty()
            || !self.notes_added.is_empty()
            || !self.notes_dropped.is_empty()
            || !self.asks.is_empty()
    }
}

/// What `record`'s advice would be under `bank`; `None` for a record without advice (still in
/// progress), which has nothing to compare.
pub fn recheck(record: &Record, bank: &Bank) -> Option<Recheck> {
    let then = record.outcome.as_ref()?;
    // The answers as opening the record would keep them: the same function decides.
    let (session, dropped) = record::session_of(bank, record);
    let walk = session.walk(bank);
    let now = match walk.pending {
        None => Some(session.evaluate(bank, walk.path)),
        Some(_) => None,
    };
    let asks = match walk.pending {
        None => Vec::new(),
        Some(q) => {
            let pending = &bank.questions[q].id;
            let fits_no_longer = |id: &str| dropped.iter().any(|d| d.question == id);
            let first = Ask {
                question: pending.clone(),
                why: match fits_no_longer(pending) {
                    true => AskWhy::NoLongerFits,
                    false => AskWhy::Unanswered,
                },
            };
            // Answers on the record's path that no longer fit are asked again when the new
            // path reaches them; a removed question is never asked.
            let later = then
                .path
                .iter()
                .filter(|id| *id != pending && fits_no_longer(id) && bank.question(id).is_some())
                .map(|id| Ask {
                    question: id.clone(),
                    why: AskWhy::NoLongerFits,
                });
            std::iter::once(first).chain(later).collect()
        }
    };
    let verdict_id = &bank.findings[bank.verdict.finding].id;
    let (actions_added, actions_dropped, findings, warnings, notes) = match &now {
        Some(now) => {
            let (added, dropped) = actions(then, now, bank);
            let findings = findings(then, now, bank, verdict_id);
            let warnings = added_dropped(
                then.warnings.iter().map(|w| w.id.as_str()),
                now.warnings.iter().map(|&w| bank.warnings[w].id.as_str()),
            );
            let notes = added_dropped(
                then.notes.iter().map(|n| n.id.as_str()),
                now.notes.iter().map(|&n| bank.notes[n].id.as_str()),
            );
            (added, dropped, findings, warnings, notes)
        }
        // No advice yet: what it adds or drops is not known before the questions are answered.
        None => Default::default(),
    };
    Some(Recheck {
        from: record.bank.clone(),
        to: record::bank_ref(bank),
        verdict: VerdictChange {
            then: then.verdict.value.clone(),
            now: now
                .as_ref()
                .and_then(|o| o.verdict(bank))
                .map(|v| v.value.clone()),
            then_label: then.verdict.label.clone(),
        },
        actions_added,
        actions_dropped,
        findings,
        warnings_added: warnings.0,
        warnings_dropped: warnings.1,
        notes_added: notes.0,
        notes_dropped: notes.1,
        asks,
    })
}

/// The actions added and dropped, each with its level, in the order of each advice.
fn actions(then: &Advice, now: &Outcome, bank: &Bank) -> (Vec<ActionAt>, Vec<ActionAt>) {
    let was: BTreeSet<(&str, Level)> = then
        .actions
        .iter()
        .map(|a| (a.id.as_str(), a.level))
        .collect();
    let is: BTreeSet<(&str, Level)> = now
        .actions
        .iter()
        .map(|a| (bank.actions[a.action].id.as_str(), a.level))
        .collect();
    let added = now
        .actions
        .iter()
        .map(|a| (bank.actions[a.action].id.as_str(), a.level))
        .filter(|x| !was.contains(x))
        .map(|(id, level)| ActionAt {
            id: id.to_string(),
            level,
            title: String::new(),
        })
        .collect();
    let dropped = then
        .actions
        .iter()
        .filter(|a| !is.contains(&(a.id.as_str(), a.level)))
        .map(|a| ActionAt {
            id: a.id.clone(),
            level: a.level,
            title: a.title.clone(),
        })
        .collect();
    (added, dropped)
}

/// The findings whose value changed, in the current bank's order, then those it no longer has.
fn findings(then: &Advice, now: &Outcome, bank: &Bank, verdict: &str) -> Vec<FindingChange> {
    let mut changed: Vec<FindingChange> = bank
        .findings
        .iter_enumerated()
        .filter(|(_, f)| f.id != verdict)
        .filter_map(|(f, finding)| {
            let is =
                now.findings[f].map_or(Value::Null, |v| finding.values[v as usize].value.clone());
            let was = then
                .findings
                .get(&finding.id)
                .cloned()
                .unwrap_or(Value::Null);
            (was != is).then(|| FindingChange {
                id: finding.id.clone(),
                then: was,
                now: is,
            })
        })
        .collect();
    changed.extend(
        then.findings
            .iter()
            .filter(|(id, v)| *id != verdict && !v.is_null() && bank.finding_id(id).is_none())
            .map(|(id, v)| FindingChange {
                id: id.clone(),
                then: v.clone(),
                now: Value::Null,
            }),
    );
    changed
}

/// The ids `now` has that `then` had not, and those `then` had that `now` has not.
fn added_dropped<'a>(
    then: impl Iterator<Item = &'a str> + Clone,
    now: impl Iterator<Item = &'a str> + Clone,
) -> (Vec<String>, Vec<String>) {
    let was: BTreeSet<&str> = then.clone().collect();
    let is: BTreeSet<&str> = now.clone().collect();
    (
        now.filter(|x| !was.contains(x))
            .map(str::to_string)
            .collect(),
        then.filter(|x| !is.contains(x))
            .map(str::to_string)
            .collect(),
    )
}
