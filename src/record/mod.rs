//! The accountability record (verantwoordingsplicht, AVG art. 5(2)): what was assessed, when,
//! by whom, on which version of the rules, with what advice — and proof it was not altered.
//!
//! A record is plain data; [`Assessment`] pairs it with the engine's session and keeps the two
//! in step. Nothing here touches the disk (that is `store`) or reads the clock (times are
//! passed in), so every rule about records is testable.
mod check;
mod integrity;
pub mod time;

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use integrity::{Verification, canonical, verify_value};

use crate::advice::{Advice, BankRef};
use crate::bank::{Bank, QId};
use crate::engine::{Answer, AnswerError, Session};
use crate::text::Lang;

/// What every record file says it is.
pub const FORMAT: &str = "avg-wijzer-record";
/// The format version this program writes. Older versions are read and migrated.
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub format: String,
    pub format_version: u32,
    pub id: String,
    /// 1 for a new assessment; a change after sign-off makes revision n + 1 in a new record.
    pub revision: u32,
    /// The record this revision continues.
    pub previous: Option<String>,
    pub status: Status,
    pub created: String,
    pub updated: String,
    pub completed: Option<String>,
    pub tool: Tool,
    pub bank: BankRef,
    pub lang: Lang,
    pub campaign: Campaign,
    pub participants: Vec<Participant>,
    /// Every answer given, by question id — also those no longer on the path, so they come
    /// back if the path returns. The outcome counts only the ones on the path.
    pub answers: BTreeMap<String, GivenAnswer>,
    /// Notes per question id, and on the whole session under [`SESSION_NOTE`].
    pub notes: BTreeMap<String, String>,
    pub history: Vec<Event>,
    /// The advice exactly as it was shown, once the path is complete.
    pub outcome: Option<Advice>,
    pub signoff: Option<SignOff>,
    pub integrity: integrity::Integrity,
}

/// The key of the note on the whole session in [`Record::notes`].
pub const SESSION_NOTE: &str = "_sessie";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    InProgress,
    Completed,
    SignedOff,
}

impl Status {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Status::InProgress, Lang::Nl) => "bezig",
            (Status::Completed, Lang::Nl) => "afgerond",
            (Status::SignedOff, Lang::Nl) => "afgetekend",
            (Status::InProgress, Lang::En) => "in progress",
            (Status::Completed, Lang::En) => "completed",
            (Status::SignedOff, Lang::En) => "signed off",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tool {
    pub name: String,
    pub version: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Campaign {
    pub name: String,
    pub description: String,
    pub organisation: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    pub name: String,
    pub role: String,
}

impl Participant {
    /// "Anna (marketing), Piet (FG)" → participants with names and roles, as both the
    /// interface's form and the plain mode ask for them.
    pub fn parse_list(line: &str) -> Vec<Participant> {
        line.split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| match p.split_once('(') {
                Some((name, role)) => Participant {
                    name: name.trim().to_string(),
                    role: role.trim_end_matches(')').trim().to_string(),
                },
                None => Participant {
                    name: p.to_string(),
                    role: String::new(),
                },
            })
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GivenAnswer {
    /// In the answers-file form: a string, or a list for multiple choice.
    pub value: Value,
    pub at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Approved,
    ApprovedWithConditions,
    Rejected,
}

impl Decision {
    pub const ALL: [Decision; 3] = [
        Decision::Approved,
        Decision::ApprovedWithConditions,
        Decision::Rejected,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Decision::Approved => "approved",
            Decision::ApprovedWithConditions => "approved_with_conditions",
            Decision::Rejected => "rejected",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Decision::Approved, Lang::Nl) => "goedgekeurd",
            (Decision::ApprovedWithConditions, Lang::Nl) => "goedgekeurd met voorwaarden",
            (Decision::Rejected, Lang::Nl) => "afgekeurd",
            (Decision::Approved, Lang::En) => "approved",
            (Decision::ApprovedWithConditions, Lang::En) => "approved with conditions",
            (Decision::Rejected, Lang::En) => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<Decision> {
        Decision::ALL.into_iter().find(|d| d.id() == s)
    }
}

/// The privacy officer's (FG's) sign-off. After it the record is frozen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignOff {
    pub name: String,
    /// The date the FG gives (YYYY-MM-DD), which may differ from when it was recorded.
    pub date: String,
    pub decision: Decision,
    pub remarks: String,
    pub at: String,
}

/// One step in the history of a record, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case", deny_unknown_fields)]
pub enum Event {
    Created {
        at: String,
    },
    Answered {
        at: String,
        question: String,
        value: Value,
    },
    Changed {
        at: String,
        question: String,
        from: Value,
        to: Value,
    },
    Note {
        at: String,
        question: Option<String>,
        text: String,
    },
    Completed {
        at: String,
        verdict: Value,
    },
    SignedOff {
        at: String,
        name: String,
        decision: Decision,
    },
    /// This record continues a signed-off one: a change after sign-off is a new revision.
    Revision {
        at: String,
        previous: String,
    },
    /// The question bank changed since the record was saved: what still fits is kept.
    BankChanged {
        at: String,
        from: BankRef,
        to: BankRef,
        dropped: Vec<Dropped>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dropped {
    pub question: String,
    pub value: Value,
    pub reason: String,
}

/// What reopening a record did, for the front end to save and tell.
#[derive(Debug, Clone, PartialEq)]
pub struct Reopened {
    /// The signed-off record this new revision continues (then the revision is a new file).
    pub revised_from: Option<String>,
    /// Answers the current bank no longer takes; they will be asked again.
    pub dropped: Vec<Dropped>,
    /// The record changed on reopening (a bank change) and needs saving.
    pub changed: bool,
}

/// Why a change to a record was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Signed off: a change needs a new revision.
    Frozen,
    Answer(AnswerError),
    UnknownQuestion(String),
    /// A sign-off needs a name and a valid date.
    BadSignOff(String),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Frozen => write!(
                f,
                "dit verslag is afgetekend en staat vast; een wijziging wordt een nieuwe revisie"
            ),
            Refusal::Answer(e) => write!(f, "{e}"),
            Refusal::UnknownQuestion(q) => write!(f, "onbekende vraag {}", crate::json::quoted(q)),
            Refusal::BadSignOff(why) => write!(f, "{why}"),
        }
    }
}

/// Why a record file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    Empty,
    Json(String),
    Foreign,
    Future(u32),
    Invalid(String),
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unreadable::Empty => write!(f, "het bestand is leeg"),
            Unreadable::Json(e) => write!(f, "geen geldige JSON: {e}"),
            Unreadable::Foreign => write!(
                f,
                "geen verslag van AVG-wijzer (\"format\" is niet \"{FORMAT}\")"
            ),
            Unreadable::Future(v) => write!(
                f,
                "gemaakt met formaatversie {v}, nieuwer dan deze versie van AVG-wijzer kan lezen ({VERSION}); werk AVG-wijzer bij"
            ),
            Unreadable::Invalid(e) => write!(f, "de inhoud klopt niet met het formaat: {e}"),
        }
    }
}

/// Reads a record from its file content, migrating older format versions.
pub fn parse(src: &str) -> Result<Record, Unreadable> {
    if src.trim().is_empty() {
        return Err(Unreadable::Empty);
    }
    let v = crate::json::parse_strict(src).map_err(|e| {
        Unreadable::Json(format!(
            "regel {} kolom {}: {}",
            e.line(),
            e.column(),
            crate::json::describe(&e)
        ))
    })?;
    from_value(v)
}

/// A record from parsed JSON: the format is checked, older versions migrated.
pub fn from_value(v: Value) -> Result<Record, Unreadable> {
    if v.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(Unreadable::Foreign);
    }
    let version = v.get("format_version").and_then(Value::as_u64).unwrap_or(0);
    match version {
        // Version 1 is the current format; older versions would be migrated here, one step
        // at a time, each kept as a fixture under tests/records/.
        1 => serde_path_to_error::deserialize(v)
            .map_err(|e| {
                // The path holds the file's own keys, which may hold control characters.
                let at = crate::json::escape_controls(&e.path().to_string());
                let why = crate::json::describe(e.inner());
                Unreadable::Invalid(if at == "." {
                    why
                } else {
                    format!("{at}: {why}")
                })
            })
            .and_then(check::plain_id)
            .and_then(check::shallow_answers),
        0 => Err(Unreadable::Invalid(
            "\"format_version\" ontbreekt of is geen geheel getal".into(),
        )),
        v if v > u64::from(VERSION) => Err(Unreadable::Future(v.min(u64::from(u32::MAX)) as u32)),
        v => Err(Unreadable::Invalid(format!("onbekende formaatversie {v}"))),
    }
}

impl Record {
    /// The record as JSON, sealed with its integrity hash.
    pub fn to_json(&mut self) -> String {
        self.seal();
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// Computes the integrity block over everything else.
    pub fn seal(&mut self) {
        self.integrity = integrity::Integrity::default();
        let v = serde_json::to_value(&*self).unwrap_or(Value::Null);
        self.integrity = integrity::seal(&v);
    }

    pub fn is_frozen(&self) -> bool {
        self.signoff.is_some()
    }

    /// The campaign's name, or a stand-in for messages and lists.
    pub fn title(&self) -> &str {
        if self.campaign.name.trim().is_empty() {
            "(zonder naam)"
        } else {
            &self.campaign.name
        }
    }
}

/// A record being worked on: the record and the engine's session, kept in step. Every change
/// goes through here, so the history and the outcome never miss one.
#[derive(Debug, Clone)]
pub struct Assessment<'b> {
    pub bank: &'b Bank,
    pub record: Record,
    pub session: Session,
}

impl<'b> Assessment<'b> {
    pub fn start(
        bank: &'b Bank,
        id: String,
        campaign: Campaign,
        participants: Vec<Participant>,
        lang: Lang,
        now: &str,
    ) -> Assessment<'b> {
        let record = Record {
            format: FORMAT.to_string(),
            format_version: VERSION,
            id,
            revision: 1,
            previous: None,
            status: Status::InProgress,
            created: now.to_string(),
            updated: now.to_string(),
            completed: None,
            tool: Tool {
                name: "avg-wijzer".into(),
                version: env!("CARGO_PKG_VERSION").into(),
            },
            bank: bank_ref(bank),
            lang,
            campaign,
            participants,
            answers: BTreeMap::new(),
            notes: BTreeMap::new(),
            history: vec![Event::Created {
                at: now.to_string(),
            }],
            outcome: None,
            signoff: None,
            integrity: integrity::Integrity::default(),
        };
        Assessment {
            bank,
            record,
            session: Session::new(bank),
        }
    }

    /// Continues a saved record with the current bank. Answers that no longer fit (a question
    /// removed, an option gone) are dropped and will be asked again; the history says so.
    pub fn resume(bank: &'b Bank, mut record: Record, now: &str) -> Assessment<'b> {
        let mut session = Session::new(bank);
        let mut dropped = Vec::new();
        for (id, given) in &record.answers {
            let reason = match bank.question_id(id) {
                None => Some("deze vraag bestaat niet meer".to_string()),
                Some(q) => match bank.questions[q].parse_answer(&given.value) {
                    Ok(a) => session.set(bank, q, a).err().map(|e| e.to_string()),
                    Err(e) => Some(e.to_string()),
                },
            };
            if let Some(reason) = reason {
                dropped.push(Dropped {
                    question: id.clone(),
                    value: given.value.clone(),
                    reason,
                });
            }
        }
        let current = bank_ref(bank);
        if record.bank != current {
            for d in &dropped {
                record.answers.remove(&d.question);
            }
            record.history.push(Event::BankChanged {
                at: now.to_string(),
                from: record.bank.clone(),
                to: current.clone(),
                dropped,
            });
            record.bank = current;
        }
        let mut a = Assessment {
            bank,
            record,
            session,
        };
        a.refresh(now);
        a
    }

    /// Reopens a saved record to work on it: [`Assessment::resume`], and a signed-off record
    /// continued as a new revision with the id `new_id` gives (the signed one is not touched).
    pub fn reopen(
        bank: &'b Bank,
        record: Record,
        new_id: impl FnOnce() -> String,
        now: &str,
    ) -> (Assessment<'b>, Reopened) {
        let events_before = record.history.len();
        let mut a = Assessment::resume(bank, record, now);
        let dropped = a.record.history[events_before.min(a.record.history.len())..]
            .iter()
            .filter_map(|e| match e {
                Event::BankChanged { dropped, .. } => Some(dropped.clone()),
                _ => None,
            })
            .flatten()
            .collect();
        let changed = a.record.history.len() > events_before;
        let revised_from = a.record.is_frozen().then(|| a.record.id.clone());
        if revised_from.is_some() {
            a = a.revise(new_id(), now);
        }
        (
            a,
            Reopened {
                revised_from,
                dropped,
                changed,
            },
        )
    }

    /// Gives or changes an answer. Refused on a signed-off record: make a revision first.
    /// Gives every answer of `session` (an answers file, read as a whole), in the bank's
    /// order so that the history reads like the questionnaire; stops at the first refused one.
    pub fn answer_all(
        &mut self,
        session: &crate::engine::Session,
        now: &str,
    ) -> Result<(), (QId, Refusal)> {
        for q in 0..self.bank.questions.len() {
            if let Some(answer) = session.answer(q) {
                self.answer(q, answer.clone(), now).map_err(|e| (q, e))?;
            }
        }
        Ok(())
    }

    pub fn answer(&mut self, q: QId, answer: Answer, now: &str) -> Result<(), Refusal> {
        if self.record.is_frozen() {
            return Err(Refusal::Frozen);
        }
        let question = &self.bank.questions[q];
        let before = self.session.answer(q).map(|a| question.answer_json(a));
        self.session
            .set(self.bank, q, answer.clone())
            .map_err(Refusal::Answer)?;
        let value = question.answer_json(&answer);
        if before.as_ref() == Some(&value) {
            return Ok(());
        }
        let at = now.to_string();
        self.record.history.push(match before {
            None => Event::Answered {
                at: at.clone(),
                question: question.id.clone(),
                value: value.clone(),
            },
            Some(from) => Event::Changed {
                at: at.clone(),
                question: question.id.clone(),
                from,
                to: value.clone(),
            },
        });
        self.record
            .answers
            .insert(question.id.clone(), GivenAnswer { value, at });
        self.refresh(now);
        Ok(())
    }

    /// Adds or replaces the note on a question (`None`: on the whole session).
    pub fn note(&mut self, question: Option<&str>, text: &str, now: &str) -> Result<(), Refusal> {
        if self.record.is_frozen() {
            return Err(Refusal::Frozen);
        }
        if let Some(q) = question
            && self.bank.question_id(q).is_none()
        {
            return Err(Refusal::UnknownQuestion(q.to_string()));
        }
        let key = question.unwrap_or(SESSION_NOTE).to_string();
        if text.trim().is_empty() {
            self.record.notes.remove(&key);
        } else {
            self.record.notes.insert(key, text.to_string());
        }
        self.record.history.push(Event::Note {
            at: now.to_string(),
            question: question.map(str::to_string),
            text: text.to_string(),
        });
        self.record.updated = now.to_string();
        Ok(())
    }

    /// The FG's sign-off; from then on the record is frozen.
    pub fn sign_off(
        &mut self,
        name: &str,
        date: &str,
        decision: Decision,
        remarks: &str,
        now: &str,
    ) -> Result<(), Refusal> {
        if self.record.is_frozen() {
            return Err(Refusal::Frozen);
        }
        if self.record.outcome.is_none() {
            return Err(Refusal::BadSignOff(
                "nog niet alle vragen zijn beantwoord; aftekenen kan pas bij een advies".into(),
            ));
        }
        if name.trim().is_empty() {
            return Err(Refusal::BadSignOff("de naam van de FG ontbreekt".into()));
        }
        if !time::is_date(date) {
            return Err(Refusal::BadSignOff(format!(
                "{} is geen datum als 2026-11-23",
                crate::json::quoted(date)
            )));
        }
        self.record.signoff = Some(SignOff {
            name: name.trim().to_string(),
            date: date.to_string(),
            decision,
            remarks: remarks.to_string(),
            at: now.to_string(),
        });
        self.record.history.push(Event::SignedOff {
            at: now.to_string(),
            name: name.trim().to_string(),
            decision,
        });
        self.refresh(now);
        Ok(())
    }

    /// A new revision of a signed-off record, to change it without touching what was signed.
    pub fn revise(&self, id: String, now: &str) -> Assessment<'b> {
        let mut record = self.record.clone();
        record.id = id;
        record.revision += 1;
        record.previous = Some(self.record.id.clone());
        record.signoff = None;
        record.created = now.to_string();
        record.completed = None;
        // What happened after the sign-off (a bank change found on reopening) belongs to the
        // new revision, not to the signed record.
        let after_signoff = self
            .record
            .history
            .iter()
            .rposition(|e| matches!(e, Event::SignedOff { .. }))
            .map_or(0, |i| i + 1);
        record.history = std::iter::once(Event::Revision {
            at: now.to_string(),
            previous: self.record.id.clone(),
        })
        .chain(self.record.history[after_signoff..].iter().cloned())
        .collect();
        let mut a = Assessment {
            bank: self.bank,
            record,
            session: self.session.clone(),
        };
        a.refresh(now);
        a
    }

    /// Brings status, outcome and times in line with the answers.
    fn refresh(&mut self, now: &str) {
        let r = &mut self.record;
        r.updated = now.to_string();
        match self.session.outcome(self.bank) {
            Some(outcome) => {
                let advice =
                    Advice::new(self.bank, &self.session, &outcome, Some(r.title()), r.lang);
                // Noted when advice first appears, or appears again with another verdict.
                if r.outcome.as_ref().map(|o| &o.verdict.value) != Some(&advice.verdict.value) {
                    r.history.push(Event::Completed {
                        at: now.to_string(),
                        verdict: advice.verdict.value.clone(),
                    });
                }
                r.completed.get_or_insert_with(|| now.to_string());
                r.outcome = Some(advice);
            }
            None => r.outcome = None,
        }
        r.status = if r.signoff.is_some() {
            Status::SignedOff
        } else if r.outcome.is_some() {
            Status::Completed
        } else {
            Status::InProgress
        };
    }
}

pub fn bank_ref(bank: &Bank) -> BankRef {
    BankRef {
        id: bank.id.clone(),
        version: bank.version.clone(),
        sha256: bank.sha256.clone(),
    }
}
