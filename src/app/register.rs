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
//!   is named too: the processing it held may be missing.
use std::collections::{HashMap, HashSet};

use anyhow::Result;

use super::parallel::in_parallel;
use super::{ExportError, Target};
use crate::bank::Bank;
use crate::export::register::{Cell, Format, Writer, row};
use crate::record::Status;
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
    pub why: anyhow::Error,
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
    let wanted: Vec<&Summary> = in_register(&listing.records).into_iter().rev().collect();
    let row_of = |summary: &&Summary| -> Result<Option<Vec<Cell>>> {
        let record = store
            .resolve(&summary.id)
            .and_then(|path| store::read_checked(&path))
            .and_then(|loaded| loaded.intact(bank).map_err(anyhow::Error::from))?;
        // The list may be older than the file: what counts is the record as read.
        Ok((record.status != Status::InProgress).then(|| row(&record, &profile, today, lang)))
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
                why,
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

/// The records that go into the register, in the list's order: completed or signed off, and
/// not continued by a newer revision that is completed or signed off too.
pub fn in_register(records: &[Summary]) -> Vec<&Summary> {
    let done = |s: &Summary| s.status != Status::InProgress;
    let previous: HashMap<&str, &str> = records
        .iter()
        .filter_map(|s| s.previous.as_deref().map(|p| (s.id.as_str(), p)))
        .collect();
    let mut superseded: HashSet<&str> = HashSet::new();
    for s in records.iter().filter(|s| done(s)) {
        // Every revision before a finished one is superseded. A chain read from files may
        // loop; each record is passed once at most.
        let mut at = s.id.as_str();
        while let Some(&before) = previous.get(at) {
            if !superseded.insert(before) {
                break;
            }
            at = before;
        }
    }
    records
        .iter()
        .filter(|s| done(s) && !superseded.contains(s.id.as_str()))
        .collect()
}
