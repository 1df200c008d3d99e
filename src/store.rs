//! The one module that touches the disk: reading bank directories and input files.
use std::fs;
use std::io::Read;
use std::path::Path;

use anyhow::{Result, anyhow, bail};

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

/// The `*.json` files of a bank directory, as (file name, bytes), sorted by name. Their
/// content is checked by the bank loader, which reports every bad file, not just the first.
pub fn read_bank_dir(dir: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    let shown = dir.display().to_string();
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| io_error(&shown, &e))? {
        let entry = entry.map_err(|e| io_error(&shown, &e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".json") || !entry.path().is_file() {
            continue;
        }
        let bytes = fs::read(entry.path())
            .map_err(|e| io_error(&entry.path().display().to_string(), &e))?;
        files.push((name, bytes));
    }
    if files.is_empty() {
        bail!("{shown}: geen .json-bestanden in deze map");
    }
    files.sort();
    Ok(files)
}

/// A file's bytes, with the error in the interface's words.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).map_err(|e| io_error(&path.display().to_string(), &e))
}

/// An input file as text; `-` reads standard input.
pub fn read_input(path: &str) -> Result<String> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| io_error("standaardinvoer", &e))?;
        buf
    } else {
        fs::read(path).map_err(|e| io_error(path, &e))?
    };
    let name = if path == "-" { "standaardinvoer" } else { path };
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{name}: geen geldige UTF-8 (bij byte {})",
            e.utf8_error().valid_up_to() + 1
        )
    })
}

// ---------------------------------------------------------------------------------------------
// The record store: one file per record, written atomically, listed through a cache that is
// checked against the files every time.

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::record::{self, Record, Unreadable};

/// The environment variable that points at another store (e.g. a shared network drive).
pub const STORE_ENV: &str = "AVG_WIJZER_STORE";

const INDEX: &str = ".index.json";
const INDEX_LOCK: &str = ".index.lock";
const TMP_PREFIX: &str = ".tmp-";

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

#[derive(Debug, Default)]
pub struct Listing {
    /// Newest first.
    pub records: Vec<Summary>,
    /// Files that are not readable records: (file name, why).
    pub unreadable: Vec<(String, String)>,
}

#[derive(Serialize, Deserialize, Default)]
struct Index {
    entries: BTreeMap<String, IndexEntry>,
}

#[derive(Serialize, Deserialize, Clone, PartialEq)]
struct IndexEntry {
    stamp: Stamp,
    summary: Option<Summary>,
    problem: Option<String>,
}

/// What tells that a file changed: modification time, size and (on Unix) inode. The cache is
/// used only while all three match.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
struct Stamp {
    modified_ns: u128,
    size: u64,
    inode: u64,
}

impl Stamp {
    fn of(m: &fs::Metadata) -> Stamp {
        let modified_ns = m
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(m);
        #[cfg(not(unix))]
        let inode = 0;
        Stamp {
            modified_ns,
            size: m.len(),
            inode,
        }
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
        Ok(Store {
            dir: dir.to_path_buf(),
        })
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

    fn path_of(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    /// Saves a new record; never replaces an existing file.
    pub fn create(&self, record: &mut Record) -> Result<()> {
        let bytes = record.to_json();
        self.write_atomic(&self.path_of(&record.id), bytes.as_bytes(), false)
    }

    /// Saves a record over its previous version, atomically: a reader (or a crash) sees the old
    /// file or the new one, never half of one.
    pub fn save(&self, record: &mut Record) -> Result<()> {
        let bytes = record.to_json();
        self.write_atomic(&self.path_of(&record.id), bytes.as_bytes(), true)
    }

    /// Temp file in the same directory, fsync, rename (or link, to refuse replacing), fsync of
    /// the directory. The temp file is owner-only from the start.
    fn write_atomic(&self, target: &Path, bytes: &[u8], replace: bool) -> Result<()> {
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
            f.write_all(bytes)?;
            f.sync_all()
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
        if let Ok(d) = File::open(&self.dir) {
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
        let exact = self.path_of(prefix);
        if exact.is_file() {
            return Ok(exact);
        }
        let mut found: Vec<String> = self
            .record_files()?
            .into_iter()
            .map(|(name, _)| name.trim_end_matches(".json").to_string())
            .filter(|id| id.starts_with(prefix))
            .collect();
        found.sort();
        match found.len() {
            0 => bail!(
                "geen verslag met id {} in {}",
                crate::json::quoted(prefix),
                self.dir.display()
            ),
            1 => Ok(self.path_of(&found[0])),
            n => bail!(
                "{} past bij {n} verslagen ({}); typ meer tekens van het id",
                crate::json::quoted(prefix),
                found.iter().take(5).cloned().collect::<Vec<_>>().join(", ")
            ),
        }
    }

    /// Loads the record whose id starts with `prefix`.
    pub fn load(&self, prefix: &str) -> Result<Record> {
        let path = self.resolve(prefix)?;
        read_record(&path)
    }

    fn record_files(&self) -> Result<Vec<(String, fs::Metadata)>> {
        let shown = self.dir.display().to_string();
        let mut files = Vec::new();
        for entry in fs::read_dir(&self.dir).map_err(|e| io_error(&shown, &e))? {
            let Ok(entry) = entry else { continue };
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || !name.ends_with(".json") {
                continue;
            }
            if let Ok(m) = entry.metadata()
                && m.is_file()
            {
                files.push((name, m));
            }
        }
        Ok(files)
    }

    /// Every record in the store, newest first, and every file that is not a readable record.
    /// Reads only files the cache does not know in their current state.
    pub fn list(&self) -> Result<Listing> {
        let files = self.record_files()?;
        let index_path = self.dir.join(INDEX);
        let old: Index = fs::read(&index_path)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        let mut index = Index::default();
        for (name, meta) in &files {
            let stamp = Stamp::of(meta);
            let entry = match old.entries.get(name) {
                Some(e) if e.stamp == stamp => e.clone(),
                _ => {
                    let (summary, problem) = match summarise(&self.dir.join(name), name) {
                        Ok(s) => (Some(s), None),
                        Err(p) => (None, Some(p)),
                    };
                    IndexEntry {
                        stamp,
                        summary,
                        problem,
                    }
                }
            };
            index.entries.insert(name.clone(), entry);
        }
        if index.entries.len() != old.entries.len()
            || index
                .entries
                .iter()
                .any(|(k, v)| old.entries.get(k) != Some(v))
        {
            // The cache is only a shortcut: failing to write it loses nothing.
            let _ = self.write_index(&index);
        }
        let mut listing = Listing::default();
        for (name, e) in index.entries {
            match (e.summary, e.problem) {
                (Some(s), _) => listing.records.push(s),
                (None, p) => listing.unreadable.push((name, p.unwrap_or_default())),
            }
        }
        listing
            .records
            .sort_by(|a, b| b.updated.cmp(&a.updated).then(b.id.cmp(&a.id)));
        Ok(listing)
    }

    fn write_index(&self, index: &Index) -> Result<()> {
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.dir.join(INDEX_LOCK))?;
        lock.lock()?;
        let bytes = serde_json::to_vec(index)?;
        let result = self.write_atomic(&self.dir.join(INDEX), &bytes, true);
        let _ = lock.unlock();
        result
    }
}

/// Reads and checks one record file; the error names the file and what is wrong.
pub fn read_record(path: &Path) -> Result<Record> {
    let shown = path.display().to_string();
    let bytes = fs::read(path).map_err(|e| io_error(&shown, &e))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| anyhow!("{shown}: geen geldige UTF-8; beschadigd?"))?;
    record::parse(&text).map_err(|e: Unreadable| anyhow!("{shown}: {e}"))
}

fn summarise(path: &Path, name: &str) -> std::result::Result<Summary, String> {
    let r = read_record(path).map_err(|e| {
        let msg = format!("{e:#}");
        msg.strip_prefix(&format!("{}: ", path.display()))
            .map(str::to_string)
            .unwrap_or(msg)
    })?;
    Ok(Summary {
        file: name.to_string(),
        campaign: r.campaign.name.clone(),
        status: r.status,
        created: r.created.clone(),
        updated: r.updated.clone(),
        revision: r.revision,
        previous: r.previous.clone(),
        verdict: r
            .outcome
            .as_ref()
            .and_then(|o| o.verdict.value.as_str().map(str::to_string)),
        verdict_label: r.outcome.as_ref().map(|o| o.verdict.label.clone()),
        decision: r.signoff.as_ref().map(|s| s.decision),
        bank_version: r.bank.version.clone(),
        answers: r.answers.len(),
        id: r.id,
    })
}

/// Writes an export; an existing file is replaced only when `force` is given.
pub fn write_export(path: &Path, content: &[u8], force: bool) -> Result<()> {
    let shown = path.display().to_string();
    if path.exists() && !force {
        bail!("{shown}: bestaat al; gebruik --force om het te vervangen");
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let tmp = dir.join(format!(
        "{TMP_PREFIX}{}-{:016x}",
        std::process::id(),
        random_u64()
    ));
    let written = (|| -> std::io::Result<()> {
        let mut f = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        f.write_all(content)?;
        f.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(io_error(&shown, &e).context("exporteren mislukt"));
    }
    Ok(())
}
