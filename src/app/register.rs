//! The processing register over the whole store, for the register keeper (the FG or the
//! administrator): one row per processing, from its newest completed or signed-off revision.
//!
//! Which records are in it is policy, and lives here once:
//! - a record still in progress is left out: it says nothing yet;
//! - of a chain of revisions only the newest completed or signed-off one is in it, as the
//!   register says how the library processes data now. The older revisions are not lost: the
//!   row gives its revision number and fingerprint, and `verify` checks the chain back from
//!   it. A newer revision still in progress leaves the row on the one before it, which holds
//!   until the new one is completed;
//! - a record that fails verification is left out and named, as `export` refuses it: only a
//!   record that holds goes to the register. A file of the store that is not a readable record
//!   is named too: the processing it held may be missing;
//! - a chain of revisions whose `previous` links loop (files copied or edited by hand) has no
//!   newest revision: its finished records are left out and named, unless a finished revision
//!   outside the loop continues it.
use std::collections::{HashMap, HashSet};

use anyhow::Result;

use super::parallel::{in_parallel, intact_record};
use super::{ExportError, Target, Workflow};
use crate::advice::RegisterLine;
use crate::bank::Bank;
use crate::export::register::{Cell, Format, Writer, row};
use crate::record::{Record, Status, session_of};
use crate::store::{self, Store, Summary};
use crate::text::Lang;

/// How the register is written.
#[derive(Debug, Clone, Copy)]
pub struct RegisterAs {
    pub format: Format,
    /// The language of the headers and the tool's own words; a record's values are in the
    /// language it was made in.
    pub lang: Lang,
    /// Between the cells of a CSV.
    pub separator: char,
}

/// A record that belongs in the register but is not in it, and why.
#[derive(Debug)]
pub struct LeftOut {
    pub id: String,
    pub why: WhyLeftOut,
}

/// Why a record is left out of the register (said by `locale::register`).
#[derive(Debug)]
pub enum WhyLeftOut {
    /// It could not be read, or fails verification (the error names the record).
    Unusable(anyhow::Error),
    /// Its chain of revisions loops: it names `previous` as the revision before it, and the
    /// chain leads back to it, so which revision holds cannot be told.
    ChainLoops { previous: String },
}

/// What was made.
#[derive(Debug)]
pub struct Registered {
    /// The register, when the target is [`Target::Out`].
    pub content: Option<Vec<u8>>,
    /// How many processings it holds.
    pub rows: usize,
    pub left_out: Vec<LeftOut>,
    /// Files of the store that are not readable records, by name, and why: a processing may
    /// be missing from the register because of them.
    pub unreadable: Vec<(String, store::NotARecord)>,
}

impl Workflow<'_> {
    /// The register of the workflow's store, as of today: what the full-screen interface and
    /// the plain mode write (the command line calls [`register`] with the store it opened).
    pub fn register(&self, how: RegisterAs, target: Target) -> Result<Registered, ExportError> {
        let store = self.store_or_fail().map_err(ExportError::Other)?;
        register(store, self.bank, &self.today(), how, target)
    }
}

/// The register of the records in `store`, verified against `bank`, with the library's
/// profile; the action plans' progress as of `today` (`YYYY-MM-DD`). The records are read one
/// at a time and each becomes its row at once, so a large store is never held whole.
pub fn register(
    store: &Store,
    bank: &Bank,
    today: &str,
    how: RegisterAs,
    target: Target,
) -> Result<Registered, ExportError> {
    let profile = store.load_profile()?.profile;
    let mut listing = store.list_as(|s| s)?;
    let unreadable = std::mem::take(&mut listing.unreadable);
    let mut writer = Writer::new(how.format, how.lang, how.separator)?;
    let lang = writer.lang();
    let mut rows = 0;
    let mut left_out = Vec::new();
    // The list is newest first; a register grows at the bottom.
    let chains = chains(&listing.records);
    for summary in chains.looping.iter().rev() {
        left_out.push(LeftOut {
            id: summary.id.clone(),
            why: WhyLeftOut::ChainLoops {
                previous: summary.previous.clone().unwrap_or_default(),
            },
        });
    }
    let wanted: Vec<&Summary> = chains.rows.into_iter().rev().collect();
    let row_of = |summary: &&Summary| -> Result<Option<Vec<Cell>>> {
        let mut record = intact_record(store, bank, &summary.id)?;
        // The list may be older than the file: what counts is the record as read.
        if record.status == Status::InProgress {
            return Ok(None);
        }
        complete_register(bank, &mut record);
        Ok(Some(row(&record, &profile, today, lang)))
    };
    for (summary, made) in wanted.iter().zip(in_parallel(&wanted, &row_of)) {
        match made {
            Ok(Some(cells)) => {
                writer.add(&cells)?;
                rows += 1;
            }
            Ok(None) => {}
            Err(why) => left_out.push(LeftOut {
                id: summary.id.clone(),
                why: WhyLeftOut::Unusable(why),
            }),
        }
    }
    let content = writer.finish()?;
    match target {
        Target::Out => Ok(Registered {
            content: Some(content),
            rows,
            left_out,
            unreadable,
        }),
        Target::File { path, force, mode } => {
            store::write_export(path, &content, force, mode)?;
            Ok(Registered {
                content: None,
                rows,
                left_out,
                unreadable,
            })
        }
    }
}

/// A record made with an earlier bank may lack a register field the bank has added since (the
/// source of the data and transfers outside the EEA came with bank 1.3.0): such a field is
/// taken from the bank at hand, on the record's own answers, so that no row misses a column
/// the law asks for. The fields the record has stay as they were written and signed.
fn complete_register(bank: &Bank, record: &mut Record) {
    let Some(advice) = record.outcome.as_ref() else {
        return;
    };
    let missing: Vec<&crate::bank::RegisterField> = bank
        .register
        .iter()
        .filter(|f| !advice.register.iter().any(|l| l.id == f.id))
        .collect();
    if missing.is_empty() {
        return;
    }
    // An answer the bank no longer takes is left out, as resuming the record would.
    let (session, _) = session_of(bank, record);
    let walk = session.walk(bank);
    let on_path = |q| {
        if walk.contains(q) {
            session.answer(q)
        } else {
            None
        }
    };
    let lang = record.lang;
    let lines: Vec<RegisterLine> = missing
        .into_iter()
        .map(|f| RegisterLine {
            id: f.id.clone(),
            label: f.label.get(lang).to_string(),
            value: f.value(bank, lang, &on_path),
        })
        .collect();
    if let Some(advice) = record.outcome.as_mut() {
        advice.register.extend(lines);
    }
}

/// The records that go into the register, in the list's order: completed or signed off, and
/// not continued by a newer revision that is completed or signed off too.
pub fn in_register(records: &[Summary]) -> Vec<&Summary> {
    chains(records).rows
}

/// Which records of a list go into the register, and which are left out because their chain
/// of revisions loops.
#[derive(Debug)]
pub struct Chains<'a> {
    /// The records that go in, in the list's order.
    pub rows: Vec<&'a Summary>,
    /// Finished records on a loop of `previous` links that no finished revision outside the
    /// loop continues: which of them says how the library processes data now cannot be told,
    /// so none is in the register, and each is named.
    pub looping: Vec<&'a Summary>,
}

/// The records of `records` that go into the register, and those left out for a loop.
pub fn chains(records: &[Summary]) -> Chains<'_> {
    let done = |s: &Summary| s.status != Status::InProgress;
    let previous: HashMap<&str, &str> = records
        .iter()
        .filter_map(|s| s.previous.as_deref().map(|p| (s.id.as_str(), p)))
        .collect();
    let on_loop = on_a_loop(&previous);
    let mut superseded: HashSet<&str> = HashSet::new();
    for s in records
        .iter()
        .filter(|s| done(s) && !on_loop.contains(s.id.as_str()))
    {
        // Every revision before a finished one is superseded. Each record is passed once at
        // most, so a walk that runs into a loop ends.
        let mut at = s.id.as_str();
        while let Some(&before) = previous.get(at) {
            if !superseded.insert(before) {
                break;
            }
            at = before;
        }
    }
    let left = |s: &&Summary| done(s) && !superseded.contains(s.id.as_str());
    let (looping, rows) = records
        .iter()
        .filter(left)
        .partition(|s| on_loop.contains(s.id.as_str()));
    Chains { rows, looping }
}

/// The records on a loop of `previous` links (a record that names itself included). Each
/// record is walked from once, so a long chain costs its length, not its square.
fn on_a_loop<'a>(previous: &HashMap<&'a str, &'a str>) -> HashSet<&'a str> {
    // false: on the walk being made; true: walked before.
    let mut seen: HashMap<&str, bool> = HashMap::new();
    let mut looping = HashSet::new();
    for &start in previous.keys() {
        let mut walk = Vec::new();
        let mut at = start;
        loop {
            match seen.get(at) {
                Some(true) => break,
                Some(false) => {
                    // Back at a record of this walk: from there on it is a loop.
                    let from = walk.iter().position(|&x| x == at).unwrap_or(0);
                    looping.extend(walk[from..].iter().copied());
                    break;
                }
                None => {
                    seen.insert(at, false);
                    walk.push(at);
                    match previous.get(at) {
                        Some(&before) => at = before,
                        None => break,
                    }
                }
            }
        }
        for x in walk {
            seen.insert(x, true);
        }
    }
    looping
}
