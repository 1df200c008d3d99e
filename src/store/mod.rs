//! The one module that touches the disk: reading bank directories and input files (with
//! their size limits, in `read`), and the record store.
use std::fs;
use std::path::Path;

use anyhow::{Result, anyhow, bail};

mod read;
pub use read::{
    ANSWERS_LIMIT, BANK_FILE_LIMIT, BANK_FILES_LIMIT, BANK_LIMIT, Limit, RECORD_LIMIT,
    read_bank_dir, read_bytes, read_checked, read_checked_text, read_input, read_record,
    read_record_text, shown_size,
};

/// An I/O error in the interface's words, naming the file.
fn io_error(path: &str, e: &std::io::Error) -> anyhow::Error {
    use std::io::ErrorKind::*;
    let path = if path.is_empty() { "\"\"" } else { path };
    let why = match e.kind() {
        NotFound => "bestaat niet".to_string(),
        PermissionDenied => "geen toegang (rechten)".to_string(),
        IsADirectory => "is een map, geen bestand".to_string(),
        NotADirectory => "is geen map".to_string(),
        _ => format!("niet te lezen ({e})"),
    };
    anyhow!("{path}: {why}")
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

mod exports;
mod index;
mod key;
pub use exports::{AlreadyExists, EXPORT_MODE, write_export};
use index::{INDEX, OLD_INDEX, Source, Stamp};

const INDEX_LOCK: &str = ".index.lock";
const SAVE_LOCK: &str = ".save.lock";
const TMP_PREFIX: &str = ".tmp-";

/// A save refused because the record's file is not the one this process loaded or last saved:
/// another window or process saved it meanwhile (or replaced the file). Nothing was written.
#[derive(Debug)]
pub struct SavedElsewhere {
    pub file: String,
    pub id: String,
}

impl std::fmt::Display for SavedElsewhere {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: het verslag is intussen door een ander venster of proces opgeslagen; deze wijziging is niet bewaard, om die andere niet te overschrijven. Open het verslag opnieuw (--resume {}) om verder te gaan",
            self.file, self.id
        )
    }
}

impl std::error::Error for SavedElsewhere {}

pub struct Store {
    pub dir: PathBuf,
}

/// One line of `list`: what a record is, read from the record (or from the cache of it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub id: String,
    pub file: String,
    pub campaign: String,
    pub status: record::Status,
    pub created: String,
    pub updated: String,
    pub revision: u32,
    pub previous: Option<String>,
    pub verdict: Option<String>,
    /// The verdict as it was shown, in the record's language.
    pub verdict_label: Option<String>,
    pub decision: Option<record::Decision>,
    pub bank_version: String,
    pub answers: usize,
}

impl Summary {
    /// The summary of a record kept in the file `file`.
    pub fn of(r: &Record, file: &str) -> Summary {
        Summary {
            id: r.id.clone(),
            file: file.to_string(),
            campaign: r.campaign.name.clone(),
            status: r.status,
            created: r.created.clone(),
            updated: r.updated.clone(),
            revision: r.revision,
            previous: r.previous.as_ref().map(|p| p.id.clone()),
            verdict: r
                .outcome
                .as_ref()
                .and_then(|o| o.verdict.value.as_str().map(str::to_string)),
            verdict_label: r.outcome.as_ref().map(|o| o.verdict.label.clone()),
            decision: r.signoff.as_ref().map(|s| s.decision),
            bank_version: r.bank.version.clone(),
            answers: r.answers.len(),
        }
    }
}

/// What `list` returns: the records (newest first) and the files that are not records.
///
/// Generic over what is kept of each record, for the interface's start screen: a `Summary`
/// per record took a full session with 10,000 records in the store to 13.1 MiB peak memory
/// (benches/perf.rs, group tui; the bar is 10 MiB), its slimmer `tui::app::Row` to 10.0 MiB.
#[derive(Debug)]
pub struct Listing<T = Summary> {
    /// Newest first.
    pub records: Vec<T>,
    /// Files that are not readable records: (file name, why).
    pub unreadable: Vec<(String, String)>,
}

impl<T> Default for Listing<T> {
    fn default() -> Self {
        Listing {
            records: Vec::new(),
            unreadable: Vec::new(),
        }
    }
}

/// Record files by name, with their stamps.
type RecordFiles = Vec<(String, Stamp)>;

/// What a list is ordered by: the newest first, then by id.
pub trait Dated {
    fn updated(&self) -> &str;
    fn id(&self) -> &str;
}

impl Dated for Summary {
    fn updated(&self) -> &str {
        &self.updated
    }
    fn id(&self) -> &str {
        &self.id
    }
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
            bail!("{shown}: is geen map");
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

    /// A warning to show when others may write in the store.
    pub fn exposure_warning(&self) -> Option<String> {
        self.writable_by_others().map(|mode| {
            format!(
                "LET OP: anderen kunnen schrijven in de map van de verslagen {} (rechten {mode:03o}); wie daar kan schrijven, kan verslagen vervangen. Controleer een verslag met avg-wijzer verify, of maak de map alleen voor jezelf schrijfbaar (chmod 700)",
                self.dir.display()
            )
        })
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
        if !record::is_plain_id(id) {
            bail!(
                "{} is geen verslag-id; het verslag is niet opgeslagen",
                crate::json::quoted(id)
            );
        }
        Ok(self.dir.join(format!("{id}.json")))
    }

    /// Saves a new record; never replaces an existing file.
    pub fn create(&self, record: &mut Record) -> Result<()> {
        let path = self.path_of(&record.id)?;
        let before = record.integrity.clone();
        let bytes = record.to_json();
        let result = self.write_atomic(&path, bytes.as_bytes(), false, true);
        if result.is_err() {
            record.integrity = before;
        }
        result
    }

    /// Saves a record over its previous version, atomically: a reader (or a crash) sees the old
    /// file or the new one, never half of one. Refused when the file on disk is not the one
    /// this process loaded or last saved (another window or process saved meanwhile, or the
    /// file was replaced): nothing is overwritten. A record whose file is gone is saved anew,
    /// as [`Store::create`] would.
    pub fn save(&self, record: &mut Record) -> Result<()> {
        let path = self.path_of(&record.id)?;
        // Saves in one store take turns, so the check and the write are one step.
        let lock = self.lock(SAVE_LOCK)?;
        let expected = record.integrity.hash.clone();
        // What the file on disk was sealed with: `None` when there is no file. A file that
        // cannot be read (damaged, or too large to read) matches no hash, so it is never
        // overwritten.
        let on_disk = match read_record_text(&path) {
            Ok(text) => Some(
                serde_json::from_str::<serde_json::Value>(&text)
                    .ok()
                    .and_then(|v| v["integrity"]["hash"].as_str().map(str::to_string)),
            ),
            Err(_) if fs::symlink_metadata(&path).is_err() => None,
            Err(_) => Some(None),
        };
        // An empty hash matches nothing: a record that was never sealed cannot claim a file.
        if let Some(found) = &on_disk
            && (expected.is_empty() || found.as_deref() != Some(expected.as_str()))
        {
            let _ = lock.unlock();
            return Err(SavedElsewhere {
                file: path.display().to_string(),
                id: record.id.clone(),
            }
            .into());
        }
        let before = record.integrity.clone();
        let bytes = record.to_json();
        let result = self.write_atomic(&path, bytes.as_bytes(), on_disk.is_some(), true);
        let _ = lock.unlock();
        if result.is_err() {
            // The file on disk still has the old hash: the next save is checked against it,
            // not against a seal that never reached the disk.
            record.integrity = before;
        }
        result
    }

    /// An exclusive lock on a lock file in the store (owner-only), held until unlocked or
    /// dropped.
    fn lock(&self, name: &str) -> Result<File> {
        /// Saves take a millisecond; a lock held this long is held by something else than a
        /// save (a process of someone else's on a shared drive), and waiting on would hang.
        const PATIENCE: std::time::Duration = std::time::Duration::from_secs(10);
        let mut options = OpenOptions::new();
        options.create(true).truncate(false).write(true);
        // A lock file replaced by a link (to a file of the user's elsewhere) is not followed:
        // opening it fails instead of creating or locking what the link points at. Nor does
        // opening wait on a named pipe put in its place.
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options
                .mode(0o600)
                .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
        }
        let path = self.dir.join(name);
        let not_a_file = || anyhow!("{}: is geen gewoon bestand; verwijder het", path.display());
        if fs::symlink_metadata(&path).is_ok_and(|m| !m.is_file()) {
            return Err(not_a_file());
        }
        let file = options.open(&path).map_err(|e| io_error(name, &e))?;
        if !file.metadata().is_ok_and(|m| m.is_file()) {
            return Err(not_a_file());
        }
        let start = std::time::Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(file),
                Err(std::fs::TryLockError::WouldBlock) if start.elapsed() < PATIENCE => {
                    std::thread::sleep(std::time::Duration::from_millis(5));
                }
                Err(std::fs::TryLockError::WouldBlock) => bail!(
                    "{}: de opslag is bezet (een ander proces houdt dit slot al {} s vast); probeer het zo opnieuw",
                    self.dir.join(name).display(),
                    PATIENCE.as_secs()
                ),
                Err(std::fs::TryLockError::Error(e)) => return Err(io_error(name, &e)),
            }
        }
    }

    /// Temp file in the same directory, fsync, rename (or link, to refuse replacing), fsync of
    /// the directory. The temp file is owner-only from the start. Without `durable` the two
    /// fsyncs are left out (for the index, a cache that is rebuilt if a crash damages it).
    fn write_atomic(
        &self,
        target: &Path,
        bytes: &[u8],
        replace: bool,
        durable: bool,
    ) -> Result<()> {
        self.write_atomic_with(target, replace, durable, |f| f.write_all(bytes))
    }

    /// [`Store::write_atomic`] with the content written by `write`, for content made as it
    /// is written.
    fn write_atomic_with(
        &self,
        target: &Path,
        replace: bool,
        durable: bool,
        write: impl FnOnce(&mut File) -> std::io::Result<()>,
    ) -> Result<()> {
        let shown = target.display().to_string();
        let tmp = self.dir.join(format!(
            "{TMP_PREFIX}{}-{:016x}",
            std::process::id(),
            random_u64()
        ));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let written = (|| -> std::io::Result<()> {
            let mut f = options.open(&tmp)?;
            write(&mut f)?;
            if durable { f.sync_all() } else { Ok(()) }
        })();
        if let Err(e) = written {
            let _ = fs::remove_file(&tmp);
            return Err(io_error(&shown, &e).context("opslaan mislukt"));
        }
        let placed = if replace {
            fs::rename(&tmp, target)
        } else {
            // A hard link fails if the target exists, so a new record never replaces a file.
            let linked = fs::hard_link(&tmp, target);
            let _ = fs::remove_file(&tmp);
            linked
        };
        if let Err(e) = placed {
            let _ = fs::remove_file(&tmp);
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                bail!("{shown}: bestaat al; een verslag wordt nooit overschreven");
            }
            return Err(io_error(&shown, &e).context("opslaan mislukt"));
        }
        if durable && let Ok(d) = File::open(&self.dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }

    /// The file of the one record whose id starts with `prefix`.
    pub fn resolve(&self, prefix: &str) -> Result<PathBuf> {
        let prefix = prefix.trim().trim_end_matches(".json");
        if prefix.is_empty() {
            bail!("geef een verslag-id (of het begin ervan)");
        }
        // An id names a file in the store, never a path elsewhere.
        if !record::is_plain_id(prefix) {
            bail!("{} is geen verslag-id", crate::json::quoted(prefix));
        }
        let exact = self.dir.join(format!("{prefix}.json"));
        // A link in the store is not followed: a record is a file of the store's own.
        if fs::symlink_metadata(&exact).is_ok_and(|m| m.is_file()) {
            return Ok(exact);
        }
        // Sorted, as the files are.
        let found: Vec<String> = self
            .record_files()?
            .0
            .into_iter()
            .map(|(name, _)| name.trim_end_matches(".json").to_string())
            .filter(|id| id.starts_with(prefix))
            .collect();
        match found.len() {
            0 => bail!(
                "geen verslag met id {} in {}",
                crate::json::quoted(prefix),
                self.dir.display()
            ),
            1 => self.path_of(&found[0]),
            n => bail!(
                "{} past bij {n} verslagen ({}); typ meer tekens van het id",
                crate::json::quoted(prefix),
                found.iter().take(5).cloned().collect::<Vec<_>>().join(", ")
            ),
        }
    }

    /// Loads the record whose id starts with `prefix`, with what verifying it found.
    pub fn load(&self, prefix: &str) -> Result<record::Loaded> {
        read_checked(&self.resolve(prefix)?)
    }

    /// The record files in the store, sorted by name, with what tells when they change; and
    /// the `.json` files whose names are not UTF-8 (shown as best it can), which no id names.
    fn record_files(&self) -> Result<(RecordFiles, Vec<String>)> {
        let shown = self.dir.display().to_string();
        let (mut files, mut odd) = (Vec::new(), Vec::new());
        for entry in fs::read_dir(&self.dir).map_err(|e| io_error(&shown, &e))? {
            let Ok(entry) = entry else { continue };
            let name = match entry.file_name().into_string() {
                Ok(name) => name,
                Err(raw) => {
                    let name = raw.to_string_lossy().into_owned();
                    if name.ends_with(".json") {
                        odd.push(name);
                    }
                    continue;
                }
            };
            if name.starts_with('.') || !name.ends_with(".json") {
                continue;
            }
            if let Ok(m) = entry.metadata()
                && m.is_file()
            {
                files.push((name, Stamp::of(&m)));
            }
        }
        files.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Ok((files, odd))
    }

    /// Every record in the store, newest first, and every file that is not a readable record.
    pub fn list(&self) -> Result<Listing> {
        self.list_as(|s| s)
    }

    /// [`Store::list`], keeping of each record only what `keep` makes of its summary: a long
    /// list need not hold every summary whole (see [`Listing`]).
    pub fn list_as<T: Dated>(&self, mut keep: impl FnMut(Summary) -> T) -> Result<Listing<T>> {
        let (files, odd) = self.record_files()?;
        let mut listing = Listing {
            records: Vec::with_capacity(files.len()),
            unreadable: odd
                .into_iter()
                .map(|name| {
                    (
                        name,
                        "de bestandsnaam is geen geldige UTF-8; geef het bestand een andere naam"
                            .to_string(),
                    )
                })
                .collect(),
        };
        self.scan(files, |file, read| match read {
            Ok(summary) => listing.records.push(keep(summary)),
            Err(why) => listing.unreadable.push((file, why)),
        });
        listing.unreadable.sort();
        // Newest first, then by id. A record is read only from the file named after its id, so
        // no two listed records have the same id: the order is total, and a sort in place (no
        // stable sort's scratch copy of the rows) gives the one order there is.
        listing
            .records
            .sort_unstable_by(|a, b| b.updated().cmp(a.updated()).then(b.id().cmp(a.id())));
        Ok(listing)
    }

    /// Hands over each record file, in file-name order, as its summary or why it is not a
    /// readable record. Reads only the files the cache does not know in their current state,
    /// and brings the cache up to date.
    fn scan(
        &self,
        files: RecordFiles,
        mut each: impl FnMut(String, std::result::Result<Summary, String>),
    ) {
        let Some(key) = key::CacheKey::load() else {
            // Without a private key no cache can be trusted: every file is read.
            for (name, _) in files {
                let read = summarise(&self.dir.join(&name), &name);
                each(name, read);
            }
            return;
        };
        let mut old = index::Reader::open(&self.dir, &key, files.len());
        let mut plan = Vec::with_capacity(files.len());
        let mut fresh = false;
        for (name, stamp) in files {
            let entry = match old.take(&name) {
                Some((line, e)) if e.stamp == stamp => {
                    plan.push(Source::Kept(line));
                    e
                }
                _ => {
                    let (summary, problem) = match summarise(&self.dir.join(&name), &name) {
                        Ok(s) => (Some(s), None),
                        Err(p) => (None, Some(p)),
                    };
                    let e = index::Entry {
                        file: name,
                        stamp,
                        summary,
                        problem,
                    };
                    plan.push(Source::Fresh(e.line(&key)));
                    fresh = true;
                    e
                }
            };
            match (entry.summary, entry.problem) {
                (Some(s), _) => each(entry.file, Ok(s)),
                (None, p) => each(entry.file, Err(p.unwrap_or_default())),
            }
        }
        if fresh || old.skipped || old.has_rest() {
            // The cache is only a shortcut: failing to write it loses nothing.
            let _ = self.write_index(old, &plan);
        }
    }

    fn write_index(&self, old: index::Reader, plan: &[Source]) -> Result<()> {
        let lock = self.lock(INDEX_LOCK)?;
        // No fsync: a torn or lost cache after a crash is simply rebuilt from the files.
        let result = self.write_atomic_with(&self.dir.join(INDEX), true, false, |f| {
            let mut out = std::io::BufWriter::new(f);
            old.write(plan, &mut out)?;
            out.flush()
        });
        let _ = fs::remove_file(self.dir.join(OLD_INDEX));
        let _ = lock.unlock();
        result
    }
}

fn summarise(path: &Path, name: &str) -> std::result::Result<Summary, String> {
    let r = read_record(path).map_err(|e| {
        let msg = format!("{e:#}");
        msg.strip_prefix(&format!("{}: ", path.display()))
            .map(str::to_string)
            .unwrap_or(msg)
    })?;
    Ok(Summary::of(&r, name))
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
