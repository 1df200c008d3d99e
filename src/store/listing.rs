//! Listing the store: every record's summary, newest first, read through a sealed cache that is
//! checked against the files every time, and the files that are not readable records.
use super::*;

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
    /// How far the action plan has come; none without advice. Whether anything is past due
    /// is decided when the list is shown (see [`record::plan::Tally`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<record::plan::Tally>,
    /// Who signed the record off (by name); empty before the sign-off.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signers: Vec<String>,
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
            plan: r.outcome.as_ref().map(|_| r.plan_view().tally()),
            // The FG and whoever signed with them.
            signers: r
                .signoff
                .iter()
                .flat_map(|s| std::iter::once(&s.name).chain(s.also.iter().map(|a| &a.name)))
                .cloned()
                .collect(),
        }
    }
}

/// Why a file in the store is not a readable record; said by `locale::store`. The list cache
/// keeps it as it is, so every run says it in its own language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotARecord {
    /// The file's name is not UTF-8, so no record id names it.
    NameNotUtf8,
    /// The operating system would not give the file.
    Io(IoKind),
    /// Larger than a record may be: its size (`None` when only "more than the limit" is
    /// known) and the limit, both as people read them.
    TooBig { size: Option<String>, most: String },
    /// Not UTF-8, from this byte on (counted from 1).
    NotUtf8 { at: usize },
    /// Read, but not a record.
    Unreadable(record::Unreadable),
    /// Any other failure, as it says itself: reading a record fails in none but the ways
    /// above, so this is only a safety net.
    Other(String),
}

/// A reason as it says itself ([`NotARecord::Other`]).
impl From<&str> for NotARecord {
    fn from(said: &str) -> NotARecord {
        NotARecord::Other(said.to_string())
    }
}

impl NotARecord {
    /// What reading the record file at `path` found wrong, without the path (the list names
    /// the file).
    fn of(e: &anyhow::Error, path: &Path) -> NotARecord {
        match e.downcast_ref::<StoreError>() {
            Some(StoreError::Io { kind, .. }) => NotARecord::Io(kind.clone()),
            Some(StoreError::TooBig { size, most, .. }) => NotARecord::TooBig {
                size: size.clone(),
                most: most.clone(),
            },
            Some(StoreError::NotUtf8 { at, .. }) => NotARecord::NotUtf8 { at: *at },
            Some(StoreError::Unreadable { why, .. }) => NotARecord::Unreadable(why.clone()),
            _ => {
                let msg = format!("{e:#}");
                NotARecord::Other(
                    msg.strip_prefix(&format!("{}: ", path.display()))
                        .map(str::to_string)
                        .unwrap_or(msg),
                )
            }
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
    /// Files that are not readable records: (file name, why), by file name.
    pub unreadable: Vec<(String, NotARecord)>,
}

impl<T> Default for Listing<T> {
    fn default() -> Self {
        Listing {
            records: Vec::new(),
            unreadable: Vec::new(),
        }
    }
}

/// The record files, sorted by name, with their stamps. The list is held whole while the
/// records are summarised, beside the growing list of rows, so it is kept tight: the names in
/// one block of text and, per file, 16 bytes (where its name is, and its stamp's
/// fingerprint). Boxed names beside whole stamps took 64 bytes a file plus a 48-byte block per
/// name, 1.1 MB for 10,000 records and the largest part of the interface's heap at its peak
/// (valgrind's massif on the 10,000-record store), whose blocks, freed one by one while the
/// rows grew, stayed behind as holes in the heap.
pub(super) struct RecordFiles {
    names: String,
    files: Vec<FileRef>,
}

struct FileRef {
    start: u32,
    end: u32,
    stamp: u64,
}

impl RecordFiles {
    pub(super) fn len(&self) -> usize {
        self.files.len()
    }

    /// Each file's name and its stamp's fingerprint, in name order.
    pub(super) fn iter(&self) -> impl Iterator<Item = (&str, u64)> {
        self.files
            .iter()
            .map(|f| (&self.names[f.start as usize..f.end as usize], f.stamp))
    }
}

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

impl Store {
    /// The record files in the store, sorted by name, with what tells when they change; and
    /// the `.json` files whose names are not UTF-8 (shown as best it can), which no id names.
    pub(super) fn record_files(&self) -> Result<(RecordFiles, Vec<String>)> {
        let shown = self.dir.display().to_string();
        let (mut names, mut files, mut odd) = (String::new(), Vec::new(), Vec::new());
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
            if name.starts_with('.') || !name.ends_with(".json") || name == PROFILE_FILE {
                continue;
            }
            if let Ok(m) = entry.metadata()
                && m.is_file()
            {
                let start = names.len();
                names.push_str(&name);
                let (Ok(start), Ok(end)) = (u32::try_from(start), u32::try_from(names.len()))
                else {
                    return Err(StoreError::TooManyFiles { dir: shown }.into());
                };
                files.push(FileRef {
                    start,
                    end,
                    stamp: Stamp::of(&m).fingerprint(),
                });
            }
        }
        names.shrink_to_fit();
        files.shrink_to_fit();
        files.sort_unstable_by(|a, b| {
            names[a.start as usize..a.end as usize].cmp(&names[b.start as usize..b.end as usize])
        });
        Ok((RecordFiles { names, files }, odd))
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
                .map(|name| (name, NotARecord::NameNotUtf8))
                .collect(),
        };
        self.scan(files, |file, read| match read {
            Ok(summary) => listing.records.push(keep(summary)),
            Err(why) => listing.unreadable.push((file, why)),
        });
        // Stable: two names that are not UTF-8 may be shown alike, and keep their order.
        listing.unreadable.sort_by(|a, b| a.0.cmp(&b.0));
        newest_first(&mut listing.records);
        Ok(listing)
    }

    /// Hands over each record file, in file-name order, as its summary or why it is not a
    /// readable record. Reads only the files the cache does not know in their current state,
    /// and brings the cache up to date.
    fn scan(
        &self,
        files: RecordFiles,
        mut each: impl FnMut(String, std::result::Result<Summary, NotARecord>),
    ) {
        let Some(key) = key::CacheKey::load() else {
            // Without a private key no cache can be trusted: every file is read.
            for (name, _) in files.iter() {
                let read = summarise(&self.dir.join(name), name);
                each(name.into(), read);
            }
            return;
        };
        let mut old = index::Reader::open(&self.dir, &key, files.len());
        let mut plan = index::Plan::default();
        let mut fresh = false;
        for (name, stamp) in files.iter() {
            let entry = match old.take(name) {
                Some((line, e)) if e.stamp.fingerprint() == stamp => {
                    plan.keep(line);
                    e
                }
                _ => {
                    let path = self.dir.join(name);
                    // The stamp as it is just before the file is read: the cache says what
                    // the file held in that state. (A file gone meanwhile is read as gone.)
                    let stamp = fs::symlink_metadata(&path).map_or(Stamp::NONE, |m| Stamp::of(&m));
                    let (summary, problem) = match summarise(&path, name) {
                        Ok(s) => (Some(s), None),
                        Err(p) => (None, Some(p)),
                    };
                    let e = index::Entry {
                        file: name.into(),
                        stamp,
                        summary,
                        problem,
                    };
                    plan.add(e.line(&key));
                    fresh = true;
                    e
                }
            };
            match (entry.summary, entry.problem) {
                (Some(s), _) => each(entry.file, Ok(s)),
                (None, Some(p)) => each(entry.file, Err(p)),
                // No version writes an entry with neither; it says nothing, as it always did.
                (None, None) => each(entry.file, Err(NotARecord::Other(String::new()))),
            }
        }
        if fresh || old.skipped || old.has_rest() {
            // The cache is only a shortcut: failing to write it loses nothing.
            let _ = self.write_index(old, &plan);
        }
    }

    fn write_index(&self, old: index::Reader, plan: &index::Plan) -> Result<()> {
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

/// Sorts records newest first, then by id. A record is read only from the file named after
/// its id, so no two listed records have the same id: the order is total, and a sort in place
/// (no stable sort's scratch copy of the rows) gives the one order there is.
pub(super) fn newest_first<T: Dated>(records: &mut [T]) {
    records.sort_unstable_by(|a, b| b.updated().cmp(a.updated()).then(b.id().cmp(a.id())));
}

pub(super) fn summarise(path: &Path, name: &str) -> std::result::Result<Summary, NotARecord> {
    let r = read_record(path).map_err(|e| NotARecord::of(&e, path))?;
    Ok(Summary::of(&r, name))
}
