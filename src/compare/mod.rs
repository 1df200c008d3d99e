//! Two records side by side — for a workshop that weighs two variants of a campaign, or an FG
//! comparing a revision with what was signed: which answers differ, in the order the questions
//! are asked, and which findings, actions and remedies come or go.
//!
//! [`Comparison`] is the model, pure and without words of its own: the texts it holds are the
//! bank's or the records' (see [`texts`] for where each comes from), the locale frames them and
//! [`render`] writes them as text, Markdown or HTML. The full-screen interface draws the same
//! model.
mod flow;
pub mod render;
mod texts;

use std::collections::{BTreeMap, HashMap, HashSet};

use serde_json::Value;

pub use render::{Format, describe, render};

use crate::advice::{Advice, BankRef, RemedyView};
use crate::bank::Bank;
use crate::engine::{Level, Session};
use crate::record::{Decision, Record, SESSION_NOTE, Status};
use crate::text::Lang;
use texts::Texts;

/// A thing named by its id, with the text a person reads where one is known.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub id: String,
    pub text: Option<String>,
}

/// An answer (or a finding's value) in the answers-file form, with its label where known.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub value: Value,
    pub label: Option<String>,
}

/// One of the two records, as the head of the comparison names it.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    pub id: String,
    pub revision: u32,
    /// The campaign's name as the record keeps it (it may be empty).
    pub title: String,
    pub status: Status,
    /// The FG's decision, once signed off.
    pub signed: Option<Decision>,
    pub bank: BankRef,
    /// Whether the record has advice (every question on its path answered).
    pub advised: bool,
    /// Where the texts of this side come from.
    pub texts: TextSource,
}

/// Where the question texts and labels of one side come from (see [`texts`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextSource {
    /// The current bank, which the record was made with: in the language of the run.
    Bank,
    /// The record's own advice, as it was shown: in the record's language.
    Record(Lang),
    /// Neither: ids and values as the answers file gives them.
    Ids,
}

/// One question on the path of either record, with what each answered. A question on one path
/// only has no answer on the other side.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerDiff {
    pub question: Label,
    /// Whether the question is asked on A's path (B's).
    pub on_a: bool,
    pub on_b: bool,
    /// The answers; `None` where the question is not asked, or asked and not yet answered.
    pub a: Option<Shown>,
    pub b: Option<Shown>,
    /// The justifications and the notes given with the answer.
    pub justification: [Option<String>; 2],
    pub note: [Option<String>; 2],
}

impl AnswerDiff {
    pub fn answer_differs(&self) -> bool {
        self.on_a != self.on_b
            || self.a.as_ref().map(|s| &s.value) != self.b.as_ref().map(|s| &s.value)
    }

    /// Whether anything about the question differs: the answer, its justification or its note.
    pub fn differs(&self) -> bool {
        self.answer_differs()
            || self.justification[0] != self.justification[1]
            || self.note[0] != self.note[1]
    }
}

/// A finding whose value differs; `None` on a side without advice.
#[derive(Debug, Clone, PartialEq)]
pub struct FindingDiff {
    pub finding: Label,
    pub a: Option<Shown>,
    pub b: Option<Shown>,
}

/// What B has that A has not (`added`), and what A has that B has not (`dropped`): A is the
/// starting point, as the previous revision is for the one that continues it.
#[derive(Debug, Clone, PartialEq)]
pub struct Delta<T> {
    pub added: Vec<T>,
    pub dropped: Vec<T>,
}

impl<T> Delta<T> {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.dropped.is_empty()
    }
}

/// A remedy of a blocked plan: its changes and the verdict they give.
#[derive(Debug, Clone, PartialEq)]
pub struct RemedyLabel {
    pub changes: Vec<ChangeLabel>,
    pub verdict: Shown,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChangeLabel {
    pub question: Label,
    pub from: Shown,
    pub to: Shown,
}

/// A part of the campaign that differs: its name, its short description or its participants
/// (`[0, 1, 2]`), with A's and B's, the participants as "name (role)" joined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignDiff {
    pub part: usize,
    pub a: String,
    pub b: String,
}

/// Two records compared.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub a: Side,
    pub b: Side,
    /// The parts of the campaign that differ (a revision may change only those).
    pub campaign: Vec<CampaignDiff>,
    /// The records were made with different banks (by content, not only by version).
    pub bank_differs: bool,
    /// The verdicts; `None` on a side without advice.
    pub verdicts: [Option<Shown>; 2],
    /// Every question on either path, in the order the bank asks them.
    pub answers: Vec<AnswerDiff>,
    /// The notes on the whole assessment.
    pub session_note: [Option<String>; 2],
    /// The findings (but the verdict) that differ.
    pub findings: Vec<FindingDiff>,
    pub required: Delta<Label>,
    pub recommended: Delta<Label>,
    /// Whether the bank does not allow each plan, or cannot judge it yet: only such advice
    /// has remedies.
    pub blocked: [bool; 2],
    /// The remedies of a blocked plan.
    pub remedies: Delta<RemedyLabel>,
}

impl Comparison {
    /// Compares `a` with `b`. `bank` is the current bank, if there is one: it gives the texts of
    /// a record made with it, and the order of the questions.
    pub fn new(a: &Record, b: &Record, bank: Option<&Bank>, lang: Lang) -> Comparison {
        let (ta, tb) = (Texts::of(a, bank, lang), Texts::of(b, bank, lang));
        let (pa, pb) = (path(a, bank), path(b, bank));
        let order = flow::merge(&ids(&pa), &ids(&pb), &flow::rank(bank));
        // Indexed: a record is hostile input, and its path may be long.
        let index = |p: &[(String, Option<Value>)]| -> HashMap<String, Option<Value>> {
            p.iter().cloned().collect()
        };
        let (ia, ib) = (index(&pa), index(&pb));
        let value = |p: &HashMap<String, Option<Value>>, q: &str| p.get(q).cloned();
        let answers = order
            .into_iter()
            .map(|q| {
                let (va, vb) = (value(&ia, &q), value(&ib, &q));
                let shown = |t: &Texts, v: Option<Value>| {
                    v.map(|v| Shown {
                        label: t.answer(&q, &v),
                        value: v,
                    })
                };
                AnswerDiff {
                    question: Label {
                        text: ta.question(&q).or_else(|| tb.question(&q)),
                        id: q.clone(),
                    },
                    on_a: va.is_some(),
                    on_b: vb.is_some(),
                    a: shown(&ta, va.flatten()),
                    b: shown(&tb, vb.flatten()),
                    justification: [given(&a.justifications, &q), given(&b.justifications, &q)],
                    note: [given(&a.notes, &q), given(&b.notes, &q)],
                }
            })
            .collect();
        let (oa, ob) = (a.outcome.as_ref(), b.outcome.as_ref());
        let verdict = |o: Option<&Advice>, t: &Texts| {
            o.map(|o| Shown {
                label: t.verdict(&o.verdict.value),
                value: o.verdict.value.clone(),
            })
        };
        Comparison {
            a: side(a, &ta),
            b: side(b, &tb),
            campaign: campaign(a, b),
            bank_differs: a.bank != b.bank,
            verdicts: [verdict(oa, &ta), verdict(ob, &tb)],
            answers,
            session_note: [given(&a.notes, SESSION_NOTE), given(&b.notes, SESSION_NOTE)],
            findings: findings(oa, ob, (&ta, &tb), bank),
            required: actions(oa, ob, Level::Required, (&ta, &tb)),
            recommended: actions(oa, ob, Level::Recommended, (&ta, &tb)),
            blocked: [oa, ob].map(|o| o.is_some_and(|o| o.blocking.is_some())),
            remedies: remedies(oa, ob, (&ta, &tb)),
        }
    }

    /// Whether nothing differs that the comparison shows.
    pub fn is_same(&self) -> bool {
        self.a.advised == self.b.advised
            && self.campaign.is_empty()
            && self.verdicts[0].as_ref().map(|s| &s.value)
                == self.verdicts[1].as_ref().map(|s| &s.value)
            && !self.answers.iter().any(AnswerDiff::differs)
            && self.session_note[0] == self.session_note[1]
            && self.findings.is_empty()
            && self.required.is_empty()
            && self.recommended.is_empty()
            && self.remedies.is_empty()
    }
}

/// A note or justification given (one of only spaces counts as none).
fn given(map: &BTreeMap<String, String>, key: &str) -> Option<String> {
    map.get(key).filter(|t| !t.trim().is_empty()).cloned()
}

/// The parts of the campaign that differ between `a` and `b`.
fn campaign(a: &Record, b: &Record) -> Vec<CampaignDiff> {
    let parts = |r: &Record| {
        [
            r.campaign.name.clone(),
            r.campaign.description.clone(),
            crate::record::Participant::list_line(&r.participants),
        ]
    };
    parts(a)
        .into_iter()
        .zip(parts(b))
        .enumerate()
        .filter(|(_, (x, y))| x != y)
        .map(|(part, (a, b))| CampaignDiff { part, a, b })
        .collect()
}

fn side(r: &Record, texts: &Texts) -> Side {
    Side {
        id: r.id.clone(),
        revision: r.revision,
        title: r.campaign.name.clone(),
        status: r.status,
        signed: r.signoff.as_ref().map(|s| s.decision),
        bank: r.bank.clone(),
        advised: r.outcome.is_some(),
        texts: texts.source(),
    }
}

fn ids(path: &[(String, Option<Value>)]) -> Vec<String> {
    path.iter().map(|(q, _)| q.clone()).collect()
}

/// The questions on the record's path, in order, each with its answer (`None` for the question
/// asked now and not yet answered).
///
/// Advice keeps its path. A record in progress has none: on the current bank its answers are
/// walked as the interface would (the question it waits for included); on another bank the
/// path cannot be known, and every answer it holds counts as asked.
fn path(r: &Record, bank: Option<&Bank>) -> Vec<(String, Option<Value>)> {
    if let Some(o) = &r.outcome {
        let mut seen = HashSet::new();
        return o
            .path
            .iter()
            .filter(|q| seen.insert(q.as_str()))
            .map(|q| (q.clone(), o.answers.get(q).cloned()))
            .collect();
    }
    match bank.filter(|b| b.sha256 == r.bank.sha256) {
        Some(bank) => {
            let mut session = Session::new(bank);
            for (q, given) in &r.answers {
                if let Some(id) = bank.question_id(q)
                    && let Ok(answer) = bank.questions[id].parse_answer(&given.value)
                {
                    let _ = session.set(bank, id, answer);
                }
            }
            let walk = session.walk(bank);
            walk.steps()
                .map(|q| {
                    let id = &bank.questions[q].id;
                    (id.clone(), r.answers.get(id).map(|g| g.value.clone()))
                })
                .collect()
        }
        None => r
            .answers
            .iter()
            .map(|(q, g)| (q.clone(), Some(g.value.clone())))
            .collect(),
    }
}

/// The findings (the verdict is compared on its own) whose values differ, in the bank's order.
/// Which findings an advice has is what it shows: its `finding_labels`, which leave out the
/// verdict.
fn findings(
    oa: Option<&Advice>,
    ob: Option<&Advice>,
    (ta, tb): (&Texts, &Texts),
    bank: Option<&Bank>,
) -> Vec<FindingDiff> {
    let mut seen = HashSet::new();
    let mut ids: Vec<&str> = Vec::new();
    for o in [oa, ob].into_iter().flatten() {
        for f in &o.finding_labels {
            if seen.insert(f.id.as_str()) {
                ids.push(&f.id);
            }
        }
    }
    if let Some(bank) = bank {
        // Stable: findings the bank does not know keep their place after those it does.
        ids.sort_by_key(|id| bank.finding_id(id).map_or(usize::MAX, usize::from));
    }
    let value = |o: Option<&Advice>, t: &Texts, id: &str| {
        o.map(|o| {
            let v = o.findings.get(id).cloned().unwrap_or(Value::Null);
            Shown {
                label: t.finding_value(id, &v),
                value: v,
            }
        })
    };
    ids.into_iter()
        .filter_map(|id| {
            let (a, b) = (value(oa, ta, id), value(ob, tb, id));
            (a.as_ref().map(|s| &s.value) != b.as_ref().map(|s| &s.value)).then(|| FindingDiff {
                finding: Label {
                    id: id.to_string(),
                    text: ta.finding(id).or_else(|| tb.finding(id)),
                },
                a,
                b,
            })
        })
        .collect()
}

/// The actions of `level` that B adds and drops, each in its record's order.
fn actions(
    oa: Option<&Advice>,
    ob: Option<&Advice>,
    level: Level,
    (ta, tb): (&Texts, &Texts),
) -> Delta<Label> {
    let of = |o: Option<&Advice>| -> (Vec<String>, HashSet<String>) {
        let (mut v, mut seen) = (Vec::new(), HashSet::new());
        for x in o.map(|o| o.actions.as_slice()).unwrap_or_default() {
            if x.level == level && seen.insert(x.id.clone()) {
                v.push(x.id.clone());
            }
        }
        (v, seen)
    };
    let (xa, xb) = (of(oa), of(ob));
    let only = |(these, _): &(Vec<String>, HashSet<String>),
                (_, other): &(Vec<String>, HashSet<String>),
                t: &Texts|
     -> Vec<Label> {
        these
            .iter()
            .filter(|id| !other.contains(*id))
            .map(|id| Label {
                id: id.clone(),
                text: t.action(id),
            })
            .collect()
    };
    Delta {
        added: only(&xb, &xa, tb),
        dropped: only(&xa, &xb, ta),
    }
}

/// What a remedy is known by: its changes, as JSON text (so that it can be hashed).
type RemedyKey = String;

/// The remedies of an advice, each with its key.
fn keyed(o: Option<&Advice>) -> Vec<(RemedyKey, &RemedyView)> {
    o.map(|o| o.remedies.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|r| {
            let key: Vec<(&str, &Value, &Value)> = r
                .changes
                .iter()
                .map(|c| (c.question.as_str(), &c.from, &c.to))
                .collect();
            (serde_json::to_string(&key).unwrap_or_default(), r)
        })
        .collect()
}

/// The remedies B's advice offers that A's does not, and the other way round.
fn remedies(
    oa: Option<&Advice>,
    ob: Option<&Advice>,
    (ta, tb): (&Texts, &Texts),
) -> Delta<RemedyLabel> {
    let (ra, rb) = (keyed(oa), keyed(ob));
    let keys = |r: &[(RemedyKey, &RemedyView)]| -> HashSet<RemedyKey> {
        r.iter().map(|(k, _)| k.clone()).collect()
    };
    let (ka, kb) = (keys(&ra), keys(&rb));
    let only = |these: &[(RemedyKey, &RemedyView)], other: &HashSet<RemedyKey>, t: &Texts| {
        these
            .iter()
            .filter(|(k, _)| !other.contains(k))
            .map(|(_, r)| t.remedy(r))
            .collect()
    };
    Delta {
        added: only(&rb, &ka, tb),
        dropped: only(&ra, &kb, ta),
    }
}
