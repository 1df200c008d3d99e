//! The one module that touches the disk: reading bank directories and input files (with
//! their size limits, in `read`), and the record store.
use std::fs;
use std::path::Path;

use anyhow::Result;

mod read;
pub use read::{
    ANSWERS_LIMIT, BANK_FILE_LIMIT, BANK_FILES_LIMIT, BANK_LIMIT, Limit, PROFILE_LIMIT,
    RECORD_LIMIT, read_bank_dir, read_bytes, read_checked, read_checked_text, read_input,
    read_record, read_record_text, shown_size,
};

/// An I/O error naming the file (said by `locale::store`).
fn io_error(path: &str, e: &std::io::Error) -> anyhow::Error {
    io_failed(path, e, None)
}

/// An I/O error naming the file and what the store was doing.
fn io_failed(path: &str, e: &std::io::Error, during: Option<During>) -> anyhow::Error {
    StoreError::Io {
        path: path.to_string(),
        kind: IoKind::of(e),
        during,
    }
    .into()
}

// ---------------------------------------------------------------------------------------------
// The record store: one file per record, written atomically, listed through a cache that is
// checked against the files every time.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::record::{self, Record};

/// The environment variable that points at another store (e.g. a shared network drive).
pub const STORE_ENV: &str = "AVG_WIJZER_STORE";

mod archive;
mod error;
mod exports;
mod index;
mod key;
mod listing;
mod profile;
mod save;
pub use error::{During, IoKind, StoreError, What};
pub use exports::{AlreadyExists, EXPORT_MODE, expand_home, export_path, write_export};
use index::{INDEX, OLD_INDEX, Stamp};
pub use listing::{Dated, Listing, NotARecord, Summary};
pub use profile::{LoadedProfile, PROFILE_FILE, ProfileSavedElsewhere, Seen};
pub use save::SavedElsewhere;

const INDEX_LOCK: &str = ".index.lock";
const SAVE_LOCK: &str = ".save.lock";
const TMP_PREFIX: &str = ".tmp-";

pub struct Store {
    pub dir: PathBuf,
}

/// A random 64-bit number from the standard library's randomly keyed hasher, mixed with the
/// time and the process: enough to keep ids apart across machines writing in the same second.
fn random_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    h.write_u32(std::process::id());
    h.finish()
}

impl Store {
    /// The store in `dir`, created (readable by the owner only) on first use.
    pub fn open(dir: &Path) -> Result<Store> {
        let shown = dir.display().to_string();
        if !dir.exists() {
            fs::create_dir_all(dir).map_err(|e| io_error(&shown, &e))?;
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let _ = fs::set_permissions(dir, fs::Permissions::from_mode(0o700));
            }
        } else if !dir.is_dir() {
            return Err(StoreError::NotADirectory { path: shown }.into());
        }
        let store = Store {
            dir: dir.to_path_buf(),
        };
        store.remove_stale_temp_files();
        Ok(store)
    }

    /// The store directory's permissions when others than its owner may write in it (a
    /// group- or world-writable folder): they can then replace any record, which `verify`
    /// finds but nothing prevents.
    pub fn writable_by_others(&self) -> Option<u32> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&self.dir).ok()?.permissions().mode() & 0o777;
            (mode & 0o022 != 0).then_some(mode)
        }
        #[cfg(not(unix))]
        None
    }

    /// A warning to show when others may write in the store, in `lang`.
    pub fn exposure_warning(&self, lang: crate::text::Lang) -> Option<String> {
        self.writable_by_others()
            .map(|mode| crate::locale::store::exposed(&self.dir.display().to_string(), mode, lang))
    }

    /// Temp files left by a save that was killed half-way are removed once they are an hour
    /// old (a younger one may be another process's save in progress).
    fn remove_stale_temp_files(&self) {
        remove_stale(&self.dir, TMP_PREFIX);
    }

    /// The user's data directory for AVG-wijzer, from the platform's conventions.
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("nl", "AVG-wijzer", "avg-wijzer")
            .map(|p| p.data_dir().join("verslagen"))
    }

    /// A new record id: the UTC time, then random hex. Sorts by time; unique in practice, and
    /// [`Store::create`] never overwrites if two ever meet.
    pub fn new_id(&self, now: &str) -> String {
        let stamp: String = now
            .chars()
            .filter(|c| c.is_ascii_digit())
            .take(14)
            .collect();
        let (date, time) = stamp.split_at(stamp.len().min(8));
        format!("{date}-{time}-{:010x}", random_u64() & 0xff_ffff_ffff)
    }

    /// The file of the record `id`: always in the store, whatever the id says.
    fn path_of(&self, id: &str) -> Result<PathBuf> {
        // The profile's file is no record's, whatever a record's id says.
        if !record::is_plain_id(id) || is_profile(id) {
            return Err(StoreError::NotAnId {
                id: id.to_string(),
                saving: true,
            }
            .into());
        }
        Ok(self.dir.join(format!("{id}.json")))
    }

    /// The file of the one record whose id starts with `prefix`.
    pub fn resolve(&self, prefix: &str) -> Result<PathBuf> {
        let prefix = id_prefix(prefix)?;
        let exact = self.dir.join(format!("{prefix}.json"));
        // A link in the store is not followed: a record is a file of the store's own. Nor is
        // the profile's file a record.
        if !is_profile(prefix) && fs::symlink_metadata(&exact).is_ok_and(|m| m.is_file()) {
            return Ok(exact);
        }
        // Sorted, as the files are.
        let found: Vec<String> = self
            .record_files()?
            .0
            .iter()
            .map(|(name, _)| name.trim_end_matches(".json").to_string())
            .filter(|id| id.starts_with(prefix))
            .collect();
        match found.len() {
            0 => Err(StoreError::NoRecord {
                prefix: prefix.to_string(),
                dir: self.dir.display().to_string(),
            }
            .into()),
            1 => self.path_of(&found[0]),
            n => Err(StoreError::Ambiguous {
                prefix: prefix.to_string(),
                n,
                some: found.iter().take(5).cloned().collect(),
            }
            .into()),
        }
    }

    /// Loads the record whose id starts with `prefix`, with what verifying it found.
    pub fn load(&self, prefix: &str) -> Result<record::Loaded> {
        read_checked(&self.resolve(prefix)?)
    }
}

/// Whether the id `id` would name the profile's file (in any case: some file systems do not
/// tell `LIBRARY.json` from `library.json`).
fn is_profile(id: &str) -> bool {
    format!("{id}.json").eq_ignore_ascii_case(PROFILE_FILE)
}

/// Removes the files in `dir` whose names start with `prefix` and that are more than an hour
/// old: temp files of a write that was killed (a younger one may still be in progress).
pub(super) fn remove_stale(dir: &Path, prefix: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let stale = entry.file_name().to_string_lossy().starts_with(prefix)
            && entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age.as_secs() > 3600);
        if stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// `prefix` as an id or the start of one: trimmed, without `.json`, and nothing but an id's
/// characters, so that it names a file in the store, never a path elsewhere.
pub(super) fn id_prefix(prefix: &str) -> Result<&str> {
    let prefix = prefix.trim().trim_end_matches(".json");
    if prefix.is_empty() {
        return Err(StoreError::NoId.into());
    }
    if !record::is_plain_id(prefix) {
        return Err(StoreError::NotAnId {
            id: prefix.to_string(),
            saving: false,
        }
        .into());
    }
    Ok(prefix)
}
