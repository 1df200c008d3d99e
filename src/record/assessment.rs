//! A record being worked on: every change to a record goes through [`Assessment`], so the
//! history and the outcome never miss one.
use std::collections::BTreeMap;

use crate::advice::{Advice, BankRef};
use crate::bank::{Bank, QId};
use crate::engine::{Answer, Session};
use crate::text::Lang;

use super::*;

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
            justifications: BTreeMap::new(),
            history: vec![Event::Created {
                at: now.to_string(),
            }],
            outcome: None,
            signoff: None,
            integrity: integrity::Integrity::default(),
            signature: None,
            plan: Plan::default(),
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
        // A record being worked on is written in the current format; a signed-off one keeps
        // the version it was signed in (the version is part of the fingerprint).
        if !record.is_frozen() {
            record.format_version = VERSION;
        }
        let (session, dropped) = session_of(bank, &record);
        let current = bank_ref(bank);
        if record.bank != current {
            for d in &dropped {
                record.answers.remove(&d.question);
            }
            // A record that had its advice and now stops at a question: the new bank asks
            // something the old one did not (answers dropped above are asked again anyway).
            let asks = match (&record.outcome, session.walk(bank).pending) {
                (Some(_), Some(q))
                    if !dropped.iter().any(|d| d.question == bank.questions[q].id) =>
                {
                    vec![bank.questions[q].id.clone()]
                }
                _ => Vec::new(),
            };
            record.history.push(Event::BankChanged {
                at: now.to_string(),
                from: record.bank.clone(),
                to: current.clone(),
                dropped,
                asks,
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

    /// Gives or changes an answer. Refused on a signed-off record: make a revision first.
    /// Gives every answer of `session` (an answers file, read as a whole), in the bank's
    /// order so that the history reads like the questionnaire; stops at the first refused one.
    pub fn answer_all(
        &mut self,
        session: &crate::engine::Session,
        now: &str,
    ) -> Result<(), (QId, Refusal)> {
        for q in self.bank.questions.keys() {
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
        // The history holds changes only: a note left as it was is none.
        if self
            .record
            .notes
            .get(&key)
            .map_or(text.trim().is_empty(), |before| before == text)
        {
            return Ok(());
        }
        // A note of white space only is no note: it is removed, and the history records the
        // removal (empty text), never a note of blanks.
        let text = if text.trim().is_empty() {
            self.record.notes.remove(&key);
            ""
        } else {
            self.record.notes.insert(key, text.to_string());
            text
        };
        self.record.history.push(Event::Note {
            at: now.to_string(),
            question: question.map(str::to_string),
            text: text.to_string(),
        });
        self.record.updated = now.to_string();
        Ok(())
    }

    /// Gives, replaces or (with empty text) takes away the justification of question `id`,
    /// which must ask for one. Refused on a signed-off record: make a revision first.
    pub fn justify(&mut self, id: &str, text: &str, now: &str) -> Result<(), Refusal> {
        if self.record.is_frozen() {
            return Err(Refusal::Frozen);
        }
        let Some(q) = self.bank.question_id(id) else {
            return Err(Refusal::UnknownQuestion(id.to_string()));
        };
        if self.bank.questions[q].justification.is_none() {
            return Err(Refusal::NoJustification(id.to_string()));
        }
        // Like a note: white space around it is no part of it, and the same text again is
        // no change, so it makes no history (and no revision).
        let text = text.trim();
        if text.chars().count() > crate::bank::MAX_TEXT {
            return Err(Refusal::Answer(crate::bank::AnswerError::TooLong));
        }
        if self.record.justification(id).unwrap_or_default() == text {
            return Ok(());
        }
        if text.is_empty() {
            self.record.justifications.remove(id);
        } else {
            self.record
                .justifications
                .insert(id.to_string(), text.to_string());
        }
        self.record.history.push(Event::Justified {
            at: now.to_string(),
            question: id.to_string(),
            text: text.to_string(),
        });
        self.refresh(now);
        Ok(())
    }

    /// Gives every justification of an answers file, in the bank's order.
    pub fn justify_all(
        &mut self,
        justifications: &BTreeMap<String, String>,
        now: &str,
    ) -> Result<(), (QId, Refusal)> {
        for q in self.bank.questions.keys() {
            let id = &self.bank.questions[q].id;
            if let Some(text) = justifications.get(id) {
                self.justify(id, text, now).map_err(|e| (q, e))?;
            }
        }
        Ok(())
    }

    /// The FG's sign-off by name alone; from then on the record is frozen.
    pub fn sign_off(
        &mut self,
        name: &str,
        date: &str,
        decision: Decision,
        remarks: &str,
        now: &str,
    ) -> Result<(), Refusal> {
        self.sign_off_as(SignOff {
            name: name.to_string(),
            role: String::new(),
            date: date.to_string(),
            decision,
            conditions: String::new(),
            remarks: remarks.to_string(),
            also: Vec::new(),
            at: now.to_string(),
        })
    }

    /// The sign-off `s` (made at `s.at`), with every signer and role it names; from then on
    /// the record is frozen. What a sign-off must hold besides a name and a date (a role,
    /// conditions) is the workflow's policy: a record signed before it is still a record.
    pub fn sign_off_as(&mut self, mut s: SignOff) -> Result<(), Refusal> {
        if self.record.is_frozen() {
            return Err(Refusal::Frozen);
        }
        if self.record.outcome.is_none() {
            return Err(Refusal::Incomplete);
        }
        check_sign_off(&s.name, &s.date)?;
        s.name = s.name.trim().to_string();
        let now = s.at.clone();
        self.record.history.push(Event::SignedOff {
            at: now.clone(),
            name: s.name.clone(),
            role: s.role.clone(),
            decision: s.decision,
            also: s.also.clone(),
        });
        self.record.signoff = Some(s);
        self.refresh(&now);
        Ok(())
    }

    /// A new revision of a signed-off record, to change it without touching what was signed;
    /// or of a record that failed verification (`altered` names the parts), continued
    /// knowingly. The revision names the fingerprint of the content it continues: the hash it
    /// was last saved with, or what an unverified record's content hashes to now.
    pub fn revise(&self, id: String, now: &str, unverified: Option<&Unverified>) -> Assessment<'b> {
        let mut record = self.record.clone();
        let previous_hash = unverified
            .map(|u| u.fingerprint.clone())
            .or_else(|| Some(self.record.integrity.hash.clone()))
            .filter(|h| !h.is_empty());
        record.id = id;
        record.format_version = VERSION;
        record.revision += 1;
        record.previous = Some(Previous {
            id: self.record.id.clone(),
            hash: previous_hash.clone(),
        });
        record.signoff = None;
        record.signature = None;
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
            previous_hash,
            altered: unverified.map(|u| u.parts.clone()).unwrap_or_default(),
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

    /// Gives the advice in `lang` from now on: someone continuing a record made in the other
    /// language reads it in their own. The answers stay as they are, so nothing is recorded.
    pub fn speak(&mut self, lang: Lang, now: &str) {
        if self.record.lang != lang {
            self.record.lang = lang;
            self.refresh(now);
        }
    }

    /// Brings status, outcome and times in line with the answers.
    pub(super) fn refresh(&mut self, now: &str) {
        let r = &mut self.record;
        r.updated = now.to_string();
        match self.session.outcome(self.bank) {
            Some(outcome) => {
                let advice = Advice::new(
                    self.bank,
                    &self.session,
                    &outcome,
                    Some(r.title(r.lang)),
                    r.lang,
                );
                // Noted when advice first appears, or appears again with another verdict.
                if r.outcome.as_ref().map(|o| &o.verdict.value) != Some(&advice.verdict.value) {
                    r.history.push(Event::Completed {
                        at: now.to_string(),
                        verdict: advice.verdict.value.clone(),
                    });
                }
                r.completed.get_or_insert_with(|| now.to_string());
                r.outcome = Some(advice.justified(&r.justifications));
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

/// The record's answers as a session of `bank`, and the answers that no longer fit it (a
/// question removed, an option gone): what resuming the record with `bank` keeps and drops.
pub fn session_of(bank: &Bank, record: &Record) -> (Session, Vec<Dropped>) {
    let mut session = Session::new(bank);
    let mut dropped = Vec::new();
    // Why an answer no longer fits is kept as the sentence the record's reader would have
    // been shown: it names the value and the options of that moment.
    let lang = record.lang;
    for (id, given) in &record.answers {
        let reason = match bank.question_id(id) {
            None => Some(DropReason::QuestionRemoved.kept().to_string()),
            Some(q) => match bank.questions[q].parse_answer(&given.value) {
                Ok(a) => session.set(bank, q, a).err().map(|e| e.said(lang)),
                Err(e) => Some(e.said(lang)),
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
    (session, dropped)
}

pub fn bank_ref(bank: &Bank) -> BankRef {
    BankRef {
        id: bank.id.clone(),
        version: bank.version.clone(),
        sha256: bank.sha256.clone(),
    }
}

/// What a sign-off needs besides a complete record: the FG's name and a valid date.
pub fn check_sign_off(name: &str, date: &str) -> Result<(), Refusal> {
    if name.trim().is_empty() {
        return Err(Refusal::NoName);
    }
    if !time::is_date(date) {
        return Err(Refusal::BadDate(date.to_string()));
    }
    Ok(())
}
