//! What went wrong in the store, typed: the locale (`locale::store`) says it in either
//! language, and `Display` says it in Dutch, the interface's default.
use serde::{Deserialize, Serialize};

use crate::record::Unreadable;

#[derive(Debug)]
pub enum StoreError {
    /// The operating system refused or failed; `during` says what the store was doing.
    Io {
        path: String,
        kind: IoKind,
        during: Option<During>,
    },
    NotADirectory {
        path: String,
    },
    /// A lock file replaced by something else than a plain file.
    NotAFile {
        path: String,
    },
    /// Another process held the store's lock too long.
    Busy {
        path: String,
        secs: u64,
    },
    /// Not a record id (a path, say); `saving` when a record with it was to be saved.
    NotAnId {
        id: String,
        saving: bool,
    },
    NoId,
    /// Working without a store (trying the questions out): there is nothing to open or list.
    NoStore,
    NoRecord {
        prefix: String,
        dir: String,
    },
    /// More record files than a listing can hold the names of (4 GiB of names).
    TooManyFiles {
        dir: String,
    },
    Ambiguous {
        prefix: String,
        n: usize,
        some: Vec<String>,
    },
    /// A signed-off record is never archived (nor deleted) by the tool.
    Signed {
        id: String,
    },
    /// A new record's file exists already; a record is never overwritten.
    RecordExists {
        path: String,
    },
    /// A file over its limit; `size` is `None` when only "more than the limit" is known.
    TooBig {
        path: String,
        size: Option<String>,
        most: String,
        what: What,
    },
    NotUtf8 {
        name: String,
        at: usize,
    },
    Unreadable {
        path: String,
        why: Unreadable,
    },
    /// The library's profile file is not one this program can read.
    ProfileUnreadable {
        path: String,
        why: crate::profile::Unreadable,
    },
    NoBankFiles {
        dir: String,
    },
    TooManyBankFiles {
        dir: String,
        n: usize,
        most: usize,
    },
    BankTooBig {
        dir: String,
        most: String,
    },
}

/// Why the operating system said no. Serialisable: the list cache keeps it for a file that
/// could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IoKind {
    NotFound,
    Denied,
    IsADirectory,
    NotADirectory,
    Other(String),
}

/// What the store was doing when the operating system said no.
#[derive(Debug, Clone, Copy)]
pub enum During {
    Saving,
    Exporting,
}

/// The kind of file a size limit is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    Answers,
    Record,
    BankFile,
    Bank,
    Profile,
}

impl IoKind {
    pub fn of(e: &std::io::Error) -> IoKind {
        use std::io::ErrorKind::*;
        match e.kind() {
            NotFound => IoKind::NotFound,
            PermissionDenied => IoKind::Denied,
            IsADirectory => IoKind::IsADirectory,
            NotADirectory => IoKind::NotADirectory,
            _ => IoKind::Other(e.to_string()),
        }
    }
}

impl std::error::Error for StoreError {}
