//! The generated documents of a stored record: which are offered, one rendered, and written to
//! a file. The policies live here once: documents come only from a record that holds and has
//! its advice; they follow the advice of the current bank (the caller says so when the record
//! was made with another); and a document never replaces a file.
use std::path::Path;

use super::Workflow;
use crate::advice::BankRef;
use crate::bank::Bank;
use crate::bank::documents::Document;
use crate::documents::{Case, LibraryItem, Refusal, Rendered};
use crate::engine::{Outcome, Session};
use crate::profile::{Field, Profile};
use crate::record::{self, Assessment, Record};
use crate::store;
use crate::text::Lang;

/// Why a document was not made.
#[derive(Debug)]
pub enum DocumentError {
    /// The record failed verification: documents come only from a record that holds.
    Altered(record::Altered),
    /// The record has no advice yet.
    Unfinished {
        id: String,
    },
    /// The bank has no document of this kind.
    UnknownKind {
        kind: String,
        known: Vec<String>,
    },
    /// The advice of this record does not call for this document.
    NotOffered {
        id: String,
        kind: String,
        why: Refusal,
    },
    /// The file to write exists: a document never replaces one.
    Exists(String),
    Other(anyhow::Error),
}

impl From<anyhow::Error> for DocumentError {
    fn from(e: anyhow::Error) -> DocumentError {
        DocumentError::Other(e)
    }
}

/// A record to make documents from: its answers on the current bank and the advice they give.
pub struct Drafting<'b> {
    bank: &'b Bank,
    pub record: Record,
    session: Session,
    outcome: Outcome,
    /// The date the documents are made, as `2027-01-31` (local).
    pub date: String,
    /// The bank the record was made with, when it is not the current one.
    pub other_bank: Option<BankRef>,
    /// The library's profile, read with the record: the facts no assessment asks.
    pub profile: Profile,
}

impl<'b> Workflow<'b> {
    /// The record `id` (or the start of one), ready to make documents from. Only a record that
    /// holds and whose path is complete: a document passes the advice on to the public. A
    /// profile that cannot be read refuses too, with why: a document filled without it would
    /// call the library's own facts missing when they are only unreadable.
    pub fn drafting(&self, id: &str) -> Result<Drafting<'b>, DocumentError> {
        let store = self.store_or_fail()?;
        let loaded = store.load(id)?;
        let profile = super::profile(store)?.profile;
        let record = loaded.intact(self.bank).map_err(DocumentError::Altered)?;
        let current = record::bank_ref(self.bank);
        let other_bank = (record.bank != current).then(|| record.bank.clone());
        let now = self.now();
        // Resumed in memory only: nothing is written.
        let a = Assessment::resume(self.bank, record.clone(), &now);
        let Some(outcome) = a.session.outcome(self.bank) else {
            return Err(DocumentError::Unfinished { id: record.id });
        };
        Ok(Drafting {
            bank: self.bank,
            session: a.session,
            outcome,
            date: record::time::local_date(&now),
            other_bank,
            record,
            profile,
        })
    }
}

/// Every document offered for a record, made in one language: what a screen shows.
pub struct Drafts {
    pub record: String,
    pub docs: Vec<Rendered>,
    /// Why none is offered, when the plan itself is the reason.
    pub blocked: Option<Refusal>,
    /// The bank the record was made with, when it is not the current one.
    pub other_bank: Option<BankRef>,
}

impl Workflow<'_> {
    /// Every document the advice of record `id` calls for, made in `lang` (see
    /// [`Workflow::drafting`] and [`Drafting::draft`]).
    pub fn drafts(&self, id: &str, lang: Lang) -> Result<Drafts, DocumentError> {
        let d = self.drafting(id)?;
        let docs = d
            .offered()
            .iter()
            .map(|doc| d.draft(&doc.id, lang))
            .collect::<Result<_, _>>()?;
        Ok(Drafts {
            blocked: d.blocked(),
            docs,
            other_bank: d.other_bank.clone(),
            record: d.record.id.clone(),
        })
    }
}

impl<'b> Drafting<'b> {
    /// The case, with the facts and justifications from outside the record.
    fn case<'a>(
        &'a self,
        facts: &'a dyn Fn(LibraryItem) -> Option<String>,
        justification: &'a dyn Fn(&str) -> Option<&'a str>,
    ) -> Case<'a> {
        Case {
            bank: self.bank,
            session: &self.session,
            outcome: &self.outcome,
            record: &self.record.id,
            campaign: &self.record.campaign.name,
            participants: &self.record.participants,
            justification,
            facts,
            date: &self.date,
        }
    }

    /// The documents offered for this record, in the bank's order.
    pub fn offered(&self) -> Vec<&'b Document> {
        let none = |_: LibraryItem| None;
        let case = self.case(&none, &|_| None);
        let bank: &'b Bank = self.bank;
        bank.documents()
            .iter()
            .filter(|d| case.refusal(d).is_none())
            .collect()
    }

    /// Why no document is offered, when the plan itself is the reason (not allowed, or not
    /// judged yet); `None` otherwise.
    pub fn blocked(&self) -> Option<Refusal> {
        let none = |_: LibraryItem| None;
        let case = self.case(&none, &|_| None);
        self.bank
            .documents()
            .first()
            .and_then(|d| case.refusal(d))
            .filter(|r| matches!(r, Refusal::Blocked { .. }))
    }

    /// The document `kind` in `lang`, filled from the record, the library's profile
    /// ([`Drafting::fact`]) and the justification given with each answer. Refused for a kind
    /// the bank does not have or the advice does not call for, with why.
    pub fn draft(&self, kind: &str, lang: Lang) -> Result<Rendered, DocumentError> {
        let Some(doc) = self.bank.documents().iter().find(|d| d.id == kind) else {
            return Err(DocumentError::UnknownKind {
                kind: kind.to_string(),
                known: self.bank.documents().iter().map(|d| d.id.clone()).collect(),
            });
        };
        let facts = |i: LibraryItem| self.fact(i);
        let justification = |q: &str| self.justification(q);
        let case = self.case(&facts, &justification);
        if let Some(why) = case.refusal(doc) {
            return Err(DocumentError::NotOffered {
                id: self.record.id.clone(),
                kind: kind.to_string(),
                why,
            });
        }
        Ok(case.render(doc, lang))
    }

    /// A fact about the library: the item of its profile. The record's organisation stands in
    /// for the name only when the profile has none (a record made before the profile was
    /// filled in, or in another store); every other item comes from the profile alone.
    pub fn fact(&self, item: LibraryItem) -> Option<String> {
        let from_profile = self.profile.get(field(item)).map(str::to_string);
        match item {
            LibraryItem::Name => from_profile.or_else(|| {
                Some(self.record.campaign.organisation.trim().to_string()).filter(|s| !s.is_empty())
            }),
            _ => from_profile,
        }
    }

    /// The justification given with the answer to `question`, for `{justification.Q}`.
    pub fn justification(&self, question: &str) -> Option<&str> {
        self.record.justification(question)
    }
}

/// The item of the library's profile a document's placeholder stands for.
fn field(item: LibraryItem) -> Field {
    match item {
        LibraryItem::Name => Field::Name,
        LibraryItem::Address => Field::Address,
        LibraryItem::Kvk => Field::Kvk,
        LibraryItem::FgName => Field::FgName,
        LibraryItem::FgContact => Field::FgContact,
        LibraryItem::PrivacyContact => Field::PrivacyContact,
        LibraryItem::SecurityMeasures => Field::Security,
        LibraryItem::Retention => Field::Retention,
    }
}

/// Writes a document to `path`, readable by its owner only (it may name people); an existing
/// file is never replaced.
pub fn write_document(path: &Path, content: &[u8]) -> Result<(), DocumentError> {
    store::write_export(path, content, false, store::EXPORT_MODE).map_err(|e| {
        match e.downcast::<store::AlreadyExists>() {
            Ok(store::AlreadyExists(p)) => DocumentError::Exists(p),
            Err(e) => DocumentError::Other(e),
        }
    })
}
