//! Comparing two records: two stored records, or a record with the revision it continues,
//! compared on the current bank; and writing the comparison to a file.
use std::path::Path;

use super::{Viewed, Workflow, read};
use crate::compare::Comparison;
use crate::store::{self, StoreError};
use crate::text::Lang;

/// Why a comparison was not made or written.
#[derive(Debug)]
pub enum CompareError {
    /// `--previous` of a record that continues none: its first revision.
    NoPrevious {
        id: String,
    },
    /// The revision a record continues is no longer in the store.
    PreviousGone {
        id: String,
        previous: String,
    },
    /// The file exists and was not to be replaced.
    Exists(String),
    Other(anyhow::Error),
}

impl From<anyhow::Error> for CompareError {
    fn from(e: anyhow::Error) -> CompareError {
        match e.downcast::<store::AlreadyExists>() {
            Ok(store::AlreadyExists(p)) => CompareError::Exists(p),
            Err(e) => CompareError::Other(e),
        }
    }
}

/// Two records read for a comparison: A, the starting point, and B.
pub struct Pair {
    pub a: Viewed,
    pub b: Viewed,
}

impl Workflow<'_> {
    /// The stored records `a` and `b` (ids or unique beginnings), as they are: a record that
    /// fails verification is read too, and the front end says so.
    pub fn compare_pair(&self, a: &str, b: &str) -> Result<Pair, CompareError> {
        let store = self.store_or_fail()?;
        Ok(Pair {
            a: read(store, a)?,
            b: read(store, b)?,
        })
    }

    /// The stored record `id` (B) and the revision it continues (A): what changed since.
    pub fn compare_previous(&self, id: &str) -> Result<Pair, CompareError> {
        let store = self.store_or_fail()?;
        let b = read(store, id)?;
        let Some(previous) = b.record.previous.as_ref().map(|p| p.id.clone()) else {
            return Err(CompareError::NoPrevious { id: b.record.id });
        };
        let gone = || CompareError::PreviousGone {
            id: b.record.id.clone(),
            previous: previous.clone(),
        };
        // Only that very record: an id is a prefix of no other, but a record whose file was
        // removed must not be stood in for by one that merely starts the same.
        let a = match read(store, &previous) {
            Ok(a) if a.record.id == previous => a,
            Ok(_) => return Err(gone()),
            Err(e) if matches!(e.downcast_ref(), Some(StoreError::NoRecord { .. })) => {
                return Err(gone());
            }
            Err(e) => return Err(e.into()),
        };
        Ok(Pair { a, b })
    }

    /// The comparison of a pair, on the current bank.
    pub fn comparison(&self, pair: &Pair, lang: Lang) -> Comparison {
        Comparison::new(&pair.a.record, &pair.b.record, Some(self.bank), lang)
    }
}

/// Writes a comparison to `path`, readable by its owner only unless `mode` says otherwise (it
/// holds as much as the records); an existing file is replaced only when `force` is given.
pub fn write_comparison(
    path: &Path,
    content: &[u8],
    force: bool,
    mode: u32,
) -> Result<(), CompareError> {
    store::write_export(path, content, force, mode).map_err(CompareError::from)
}
