//! The workflow layer: every policy about records, as verbs over the store, the bank and the
//! engine. The three front ends (the full-screen interface, the plain mode and the command
//! line) call these verbs and put their typed results into words; none of them touches the
//! store itself.
//!
//! Each policy lives in one place:
//! - a signed-off record (or an altered one the user chose to continue) becomes a new revision
//!   at its first real change, never on opening: [`Workflow::change`];
//! - a sign-off after the bank changed needs the advice of the current bank shown first:
//!   [`Work::may_sign_off`];
//! - the list shows every record as it was last written: [`keep_listed`];
//! - a new assessment's organisation is the library's own unless it names one:
//!   [`Workflow::start`], from the profile ([`profile`]);
//! - the campaign changes after the start as an answer does, each changed part an event of the
//!   history (so after the sign-off as a new revision): [`Workflow::campaign`].
//! - the action plan follows the advice of a record being worked on, and the signed advice of
//!   a signed-off one: `plan::follow_advice`; a plan change never makes a revision nor changes
//!   the fingerprint: [`Workflow::plan`].
//! - the processing register holds the newest finished revision of each chain, nothing in
//!   progress, and no record that fails verification: [`register()`];
//! - a recheck after the rules changed looks at the records the register holds, names those
//!   that fail verification, signed-off ones first, and writes nothing: [`recheck_store`].
use anyhow::Result;

use crate::advice::BankRef;
use crate::bank::{Bank, QId};
use crate::engine::{Answer, Session};
use crate::record::{
    self, Assessment, Campaign, Dropped, Event as History, Participant, Record, Refusal,
};
use crate::store::{self, Dated, Listing, Store, Summary};
use crate::text::Lang;

mod campaign;
mod compare;
mod document;
mod export;
mod parallel;
mod plan;
mod profile;
mod recheck;
mod register;
mod signoff;
mod work;

pub use compare::{CompareError, Pair, write_comparison};
pub use document::{DocumentError, Drafting, Drafts, write_document};
pub use export::{ExportError, Target};
pub use plan::PlanChanged;
pub use profile::{ProfileError, ProfileSaved, profile, save_profile, set_profile};
pub use recheck::{Differing, Rechecked, recheck_store};
pub use record::plan::{Change as PlanChange, PlanError};
pub use register::{
    Chains, LeftOut, RegisterAs, Registered, WhyLeftOut, chains, in_register, register,
};
pub use signoff::{SignOffDraft, SignOffError, SignOffField, SignOffInput, check_field};
pub use work::Work;

/// The verbs, over one bank and (when there is one) one store.
pub struct Workflow<'b> {
    pub bank: &'b Bank,
    store: Option<Store>,
    /// The clock, as RFC 3339 text in UTC; fixed in tests.
    clock: fn() -> String,
    /// A record that fails verification is continued as a new revision instead of refused
    /// (`--accept-altered`).
    accept_altered: bool,
}

/// What a verb did, for the front end to tell.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// A signed-off record, or an altered one continued knowingly, went on as a new revision
    /// (a file of its own; the record it continues is not touched).
    Revised {
        from: String,
        to: String,
        altered: bool,
    },
    /// The record was made with another bank than the current one: answers that no longer
    /// fit are asked again, and questions the current bank adds are asked.
    BankChanged {
        from: BankRef,
        to: BankRef,
        dropped: Vec<Dropped>,
        asks: Vec<String>,
        /// What the record's advice would be under the current bank, against the advice it
        /// was saved with (`None` for a record that had no advice yet).
        recheck: Option<Box<crate::recheck::Recheck>>,
    },
}

/// Whether a change reached the disk.
#[derive(Debug, Clone, PartialEq)]
pub enum Saved {
    /// Written.
    Yes,
    /// Nothing changed, so nothing was written.
    Unchanged,
    /// There is no store (trying the questions out, tests): kept in memory only.
    NoStore,
    /// Not written; the change stays in memory and the next save writes it too.
    Failed(SaveFailure),
}

/// How a front end begins: it asks (continue an unfinished record, or start anew), starts a new
/// assessment at once (`--new`: a script's input then means the same whatever the store holds),
/// or continues the record `--resume` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening<'a> {
    Ask,
    New,
    Resume(&'a str),
}

impl<'a> Opening<'a> {
    /// From the command line's `--new` and `--resume`.
    pub fn of(new: bool, resume: Option<&'a str>) -> Opening<'a> {
        match (new, resume) {
            (_, Some(id)) => Opening::Resume(id),
            (true, None) => Opening::New,
            (false, None) => Opening::Ask,
        }
    }
}

/// Why a save failed (said by `locale::store`).
#[derive(Debug, Clone)]
pub enum SaveFailure {
    /// Another window or process saved the record meanwhile; writing would undo that.
    SavedElsewhere(store::SavedElsewhere),
    /// Anything else (the disk, the rights).
    Other(std::sync::Arc<anyhow::Error>),
}

/// Failures are alike when they say the same.
impl PartialEq for SaveFailure {
    fn eq(&self, other: &SaveFailure) -> bool {
        self.said(Lang::Nl) == other.said(Lang::Nl)
    }
}

/// What a change did: events to tell, and whether it is on disk.
#[derive(Debug, Clone, PartialEq)]
pub struct Changed {
    pub events: Vec<Event>,
    pub saved: Saved,
}

impl Changed {
    /// Two changes made one after the other, told as one: the events of both, and the
    /// second's save unless it had nothing to write (a later save writes the whole record, so
    /// the first's failure is made good by it).
    pub fn and(mut self, then: Changed) -> Changed {
        self.events.extend(then.events);
        self.saved = match (self.saved, then.saved) {
            (first, Saved::Unchanged) => first,
            (_, second) => second,
        };
        self
    }
}

/// A record opened to work on: the work, and what opening it found.
pub struct Opened<'b> {
    pub work: Work<'b>,
    pub events: Vec<Event>,
}

/// A record opened to read, as it was saved; `altered` when it failed verification (it may
/// be read, with the warning in view).
pub struct Viewed {
    pub record: Record,
    pub altered: Option<record::Altered>,
    /// The advice under the current rules, when the record was given it under other ones.
    pub recheck: Option<Box<crate::recheck::Recheck>>,
}

impl<'b> Workflow<'b> {
    pub fn new(bank: &'b Bank, store: Option<Store>, accept_altered: bool) -> Workflow<'b> {
        Workflow {
            bank,
            store,
            clock: record::time::now,
            accept_altered,
        }
    }

    /// The same workflow on a fixed clock (tests, benchmarks).
    pub fn with_clock(self, clock: fn() -> String) -> Workflow<'b> {
        Workflow { clock, ..self }
    }

    pub fn store(&self) -> Option<&Store> {
        self.store.as_ref()
    }

    /// Whether the key file lies in the store's directory, where others (on a shared drive)
    /// may read it.
    pub fn key_in_store(&self, key: &std::path::Path) -> bool {
        self.store
            .as_ref()
            .is_some_and(|s| crate::keyfile::is_in_store(key, s))
    }

    /// A warning when others may write in the store's directory, in `lang`.
    pub fn exposure_warning(&self, lang: Lang) -> Option<String> {
        self.store.as_ref().and_then(|s| s.exposure_warning(lang))
    }

    fn now(&self) -> String {
        (self.clock)()
    }

    fn new_id(&self, now: &str) -> String {
        match &self.store {
            Some(s) => s.new_id(now),
            None => format!("zonder-opslag-{}", now.replace(':', "")),
        }
    }

    fn store_or_fail(&self) -> Result<&Store> {
        self.store
            .as_ref()
            .ok_or_else(|| store::StoreError::NoStore.into())
    }

    /// The records in the store, newest first, and the files that are not records.
    pub fn list(&self) -> Result<Listing> {
        list(self.store_or_fail()?, |s| s)
    }

    /// A new assessment, saved at once as a file of its own.
    pub fn start(
        &self,
        campaign: Campaign,
        participants: Vec<Participant>,
        lang: Lang,
    ) -> (Work<'b>, Saved) {
        let now = self.now();
        let a = self.begin(campaign, participants, lang, &now);
        self.first_save(a)
    }

    /// A new assessment with the answers of an answers file, given in the bank's order so that
    /// the history reads like the questionnaire, then saved as a file of its own. Refused at
    /// the first answer the bank does not take; nothing is saved then.
    pub fn start_answered(
        &self,
        campaign: Campaign,
        participants: Vec<Participant>,
        lang: Lang,
        answers: &Session,
    ) -> std::result::Result<(Work<'b>, Saved), (QId, Refusal)> {
        let none = std::collections::BTreeMap::new();
        self.start_justified(campaign, participants, lang, answers, &none)
    }

    /// [`Workflow::start_answered`] with the file's justifications too (by question id), each
    /// after all the answers.
    pub fn start_justified(
        &self,
        campaign: Campaign,
        participants: Vec<Participant>,
        lang: Lang,
        answers: &Session,
        justifications: &std::collections::BTreeMap<String, String>,
    ) -> std::result::Result<(Work<'b>, Saved), (QId, Refusal)> {
        let now = self.now();
        let mut a = self.begin(campaign, participants, lang, &now);
        a.answer_all(answers, &now)?;
        a.justify_all(justifications, &now)?;
        Ok(self.first_save(a))
    }

    /// A new assessment; the organisation is the library's own (from its profile) unless the
    /// campaign names one.
    fn begin(
        &self,
        mut campaign: Campaign,
        participants: Vec<Participant>,
        lang: Lang,
        now: &str,
    ) -> Assessment<'b> {
        if campaign.organisation.trim().is_empty()
            && let Some(name) = self.organisation()
        {
            campaign.organisation = name;
        }
        let id = self.new_id(now);
        Assessment::start(self.bank, id, campaign, participants, lang, now)
    }

    fn first_save(&self, a: Assessment<'b>) -> (Work<'b>, Saved) {
        let mut work = Work::new(a, None, false);
        let saved = self.save(&mut work);
        (work, saved)
    }

    /// Opens a saved record to work on, with the current bank. Opening writes nothing: a
    /// signed-off record (or an altered one, with `--accept-altered`) becomes a new revision
    /// at its first change, and a bank change is saved with the first change too.
    pub fn open(&self, id: &str) -> Result<Opened<'b>> {
        let loaded = self.store_or_fail()?.load(id)?;
        let (record, unverified) = loaded.admit(self.accept_altered, self.bank)?;
        let before = record.history.len();
        // Compared before resuming replaces the advice with the current bank's.
        let recheck = self.recheck(&record);
        let signed = record
            .actions()
            .filter(|_| record.is_frozen())
            .map(<[_]>::to_vec);
        let now = self.now();
        let mut a = Assessment::resume(self.bank, record, &now);
        plan::follow_advice(&mut a, &now);
        let events: Vec<Event> = a.record.history[before.min(a.record.history.len())..]
            .iter()
            .filter_map(|e| match e {
                History::BankChanged {
                    from,
                    to,
                    dropped,
                    asks,
                    ..
                } => Some(Event::BankChanged {
                    from: from.clone(),
                    to: to.clone(),
                    dropped: dropped.clone(),
                    asks: asks.clone(),
                    recheck: recheck.clone(),
                }),
                _ => None,
            })
            .collect();
        let bank_changed = !events.is_empty();
        Ok(Opened {
            work: Work::new(a, unverified, true)
                .bank_changed(bank_changed)
                .signed(signed),
            events,
        })
    }

    /// [`Workflow::open`], with the advice in `lang`, the language of the person working on
    /// it now (a signed or otherwise unchanged record is not written for that).
    pub fn open_in(&self, id: &str, lang: Lang) -> Result<Opened<'b>> {
        let mut opened = self.open(id)?;
        opened.work.assessment_mut().speak(lang, &self.now());
        Ok(opened)
    }

    /// Opens a saved record to read: its advice exactly as it was shown, and what it would be
    /// under the current rules if they are not the record's.
    pub fn read(&self, id: &str) -> Result<Viewed> {
        let mut viewed = read(self.store_or_fail()?, id)?;
        viewed.recheck = self.recheck(&viewed.record);
        Ok(viewed)
    }

    /// The record's advice under the current bank, when it was given under another one.
    fn recheck(&self, record: &Record) -> Option<Box<crate::recheck::Recheck>> {
        (record.bank != record::bank_ref(self.bank))
            .then(|| crate::recheck::recheck(record, self.bank).map(Box::new))
            .flatten()
    }

    /// Gives or changes the answer to question `q`.
    pub fn answer(
        &self,
        work: &mut Work<'b>,
        q: QId,
        answer: Answer,
    ) -> std::result::Result<Changed, Refusal> {
        self.change(work, |a, now| a.answer(q, answer, now))
    }

    /// Adds, replaces or (with empty text) removes the note on a question (`None`: on the
    /// whole session).
    pub fn note(
        &self,
        work: &mut Work<'b>,
        question: Option<&str>,
        text: &str,
    ) -> std::result::Result<Changed, Refusal> {
        self.change(work, |a, now| a.note(question, text, now))
    }

    /// Gives, replaces or (with empty text) takes away the justification of question `id`.
    pub fn justify(
        &self,
        work: &mut Work<'b>,
        id: &str,
        text: &str,
    ) -> std::result::Result<Changed, Refusal> {
        self.change(work, |a, now| a.justify(id, text, now))
    }

    /// The one policy for changes: a record that must not be written again (signed off, or
    /// altered and continued knowingly) becomes a new revision, but only when the change is
    /// real — an answer given again as it was, or a note left as it was, changes nothing and
    /// makes nothing. A real change is saved at once.
    fn change(
        &self,
        work: &mut Work<'b>,
        apply: impl FnOnce(&mut Assessment<'b>, &str) -> std::result::Result<(), Refusal>,
    ) -> std::result::Result<Changed, Refusal> {
        let now = self.now();
        let mut events = Vec::new();
        if work.must_revise() {
            let mut revision = work.revision(self.new_id(&now), &now);
            let base = revision.record.history.len();
            apply(&mut revision, &now)?;
            plan::follow_advice(&mut revision, &now);
            if revision.record.history.len() == base {
                return Ok(Changed {
                    events,
                    saved: Saved::Unchanged,
                });
            }
            events.push(Event::Revised {
                from: work.record().id.clone(),
                to: revision.record.id.clone(),
                altered: work.is_altered(),
            });
            work.revised(revision);
        } else {
            let base = work.record().history.len();
            apply(work.assessment_mut(), &now)?;
            plan::follow_advice(work.assessment_mut(), &now);
            if work.record().history.len() == base {
                return Ok(Changed {
                    events,
                    saved: Saved::Unchanged,
                });
            }
        }
        let saved = self.save(work);
        Ok(Changed { events, saved })
    }

    /// Writes the work: a record's first write makes its file (never over another), later
    /// ones replace it atomically, unless another process saved it meanwhile.
    fn save(&self, work: &mut Work<'b>) -> Saved {
        let Some(store) = &self.store else {
            return Saved::NoStore;
        };
        let on_disk = work.is_on_disk();
        let record = &mut work.assessment_mut().record;
        let result = match on_disk {
            true => store.save(record),
            false => store.create(record),
        };
        self.saved(work, result)
    }

    /// What a write's `result` means for the work.
    fn saved(&self, work: &mut Work<'b>, result: Result<()>) -> Saved {
        match result {
            Ok(()) => {
                work.written();
                Saved::Yes
            }
            Err(e) => {
                work.not_written();
                Saved::Failed(match e.downcast::<store::SavedElsewhere>() {
                    Ok(elsewhere) => SaveFailure::SavedElsewhere(elsewhere),
                    Err(e) => SaveFailure::Other(std::sync::Arc::new(e)),
                })
            }
        }
    }
}

/// The records in `store`, newest first, each as `row` makes it of its summary (a long list
/// need not hold every summary whole), and the files that are not records. Needs no bank.
pub fn list<T: Dated>(store: &Store, row: impl FnMut(Summary) -> T) -> Result<Listing<T>> {
    store.list_as(row)
}

/// The archived records of `store`, newest first (never in [`list`], the register or the
/// recheck).
pub fn list_archived(store: &Store) -> Result<Listing> {
    store.list_archived()
}

/// Puts the draft `id` (or the start of one) in the archive; returns its full id. A signed-off
/// record is never archived: refused with [`store::StoreError::Signed`].
pub fn archive(store: &Store, id: &str) -> Result<String> {
    store.archive(id)
}

/// Puts the archived record `id` (or the start of one) back in the store; returns its full id.
pub fn restore(store: &Store, id: &str) -> Result<String> {
    store.restore(id)
}

/// Opens the record `id` (or the start of one) in `store` to read, as it was saved. Needs no
/// bank.
pub fn read(store: &Store, id: &str) -> Result<Viewed> {
    let loaded = store.load(id)?;
    let altered = loaded.unverified.as_ref().map(|u| record::Altered {
        id: loaded.record.id.clone(),
        parts: u.parts.clone(),
    });
    Ok(Viewed {
        record: loaded.record,
        altered,
        recheck: None,
    })
}

/// Keeps a list of records in step with a record just written, without reading the store
/// again: its row is replaced, or added at the top (it was written last, so it is newest).
pub fn keep_listed<T: Dated + From<Summary>>(listing: &mut Listing<T>, record: &Record) {
    listing.records.retain(|row| row.id() != record.id);
    // A listing is read with room for exactly its records, so the first record started in a
    // session would double the rows' vector (with 10,000 records 0.4 MB more, 0.8 MB beside
    // the old copy for a moment: the interface's peak, valgrind's massif); a little room is
    // enough for the records of one session.
    if listing.records.len() == listing.records.capacity() {
        listing.records.reserve_exact(16);
    }
    listing.records.insert(
        0,
        T::from(Summary::of(record, &format!("{}.json", record.id))),
    );
}
