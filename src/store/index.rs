//! The cache of record summaries, `.index.jsonl`: a header line, then one line per record file,
//! sorted by file name, each sealed with this user's key (see `key`): a line edited by anyone
//! else is not believed, and that file is read again. Listing a large store reads it as a stream beside the sorted directory,
//! one line at a time, and rewrites it by copying the lines that still hold. Only the lines of
//! files read afresh wait in memory until the cache is written; the old cache is never read
//! whole.
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::key::CacheKey;
use super::{NotARecord, Summary};

pub(super) const INDEX: &str = ".index.jsonl";
/// The cache of earlier versions (one JSON object), removed when the cache is written.
pub(super) const OLD_INDEX: &str = ".index.json";

/// The first line: the cache's version and the key its lines are sealed with. Version 3: a
/// summary holds the action plan's tally; version 4: who signed; a cache of before is
/// rebuilt from the files.
fn header(key: &CacheKey) -> String {
    format!(
        r#"{{"avg_wijzer_index":{INDEX_VERSION},"key":"{}"}}"#,
        key.id
    )
}

/// The cache's version (see [`header`]).
const INDEX_VERSION: u32 = 4;

/// The longest line read from the cache. A line is a summary of a few hundred bytes; even a
/// campaign name of `engine::MAX_TEXT` characters, every one escaped, stays below 64 KiB. A
/// longer line ends the cache like a damaged one, so a hostile cache cannot fill the memory.
const LINE_LIMIT: u64 = 256 << 10;

/// The largest cache used, per record file (plus one for the header): a larger cache is not
/// read at all, so a junk cache cannot make listing a small store slow. Its lines are only
/// a shortcut; the files are read instead.
const SIZE_PER_RECORD: u64 = 64 << 10;

/// What tells that a file changed: modification time, size and (on Unix) inode and status
/// change time. The cache is used only while all of them match. The change time is there
/// because the modification time can be set back by whoever edits a file in place; the change
/// time cannot.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(super) struct Stamp {
    modified_ns: u128,
    size: u64,
    inode: u64,
    /// Unix's ctime, in nanoseconds (0 elsewhere; a cache of before it has none).
    #[serde(default)]
    changed_ns: i128,
}

impl Stamp {
    /// The stamp of a file that could not be looked at: no file has it, so its line is
    /// read again next time.
    pub(super) const NONE: Stamp = Stamp {
        modified_ns: 0,
        size: 0,
        inode: 0,
        changed_ns: 0,
    };

    /// A fingerprint of the stamp, which is all a listing holds per file (see
    /// `listing::RecordFiles`). Two stamps with one fingerprint would let a changed file be
    /// shown as it was cached; by chance that is one in 2^64, and the cache is sealed with
    /// this user's key, so nobody else can aim for it.
    pub(super) fn fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        // SipHash with fixed keys: the same stamp gives the same fingerprint in one run,
        // which is all that is compared.
        let mut h = std::hash::DefaultHasher::new();
        self.hash(&mut h);
        h.finish()
    }

    pub(super) fn of(m: &std::fs::Metadata) -> Stamp {
        let modified_ns = m
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        #[cfg(unix)]
        let (inode, changed_ns) = {
            use std::os::unix::fs::MetadataExt;
            (
                m.ino(),
                i128::from(m.ctime()) * 1_000_000_000 + i128::from(m.ctime_nsec()),
            )
        };
        #[cfg(not(unix))]
        let (inode, changed_ns) = (0, 0);
        Stamp {
            modified_ns,
            size: m.len(),
            inode,
            changed_ns,
        }
    }
}

/// One line of the cache: a record file in the state it was read, and what it holds.
#[derive(Serialize, Deserialize)]
pub(super) struct Entry {
    pub file: String,
    pub stamp: Stamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Summary>,
    /// Why the file is not a readable record, typed, so that each run says it in its own
    /// language. A line of a cache written before held it as Dutch text: such a line does not
    /// read as an entry, so the cache ends there and what it covered is read again (and
    /// written anew).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<NotARecord>,
}

impl Entry {
    /// The entry as a line of the cache: its JSON, a tab, and its seal.
    pub(super) fn line(&self, key: &CacheKey) -> String {
        // An entry is plain data: serialising it cannot fail.
        let json = serde_json::to_string(self).unwrap_or_default();
        let seal = key.seal(&json);
        format!("{json}\t{seal}")
    }
}

/// Where the lines of the new cache come from, held until the cache is written. A listing of
/// a store whose cache holds takes its lines in runs of the old cache's, so a run is kept as
/// one entry: 16 bytes for 10,000 records rather than 160 KB beside the list's peak.
#[derive(Default)]
pub(super) struct Plan(Vec<Source>);

enum Source {
    /// Lines of the old cache, by number, from the first to the last, copied as they are.
    Kept(u32, u32),
    /// A line for a file read afresh.
    Fresh(Box<str>),
}

impl Plan {
    /// The old cache's line `number` comes next.
    pub(super) fn keep(&mut self, number: u32) {
        match self.0.last_mut() {
            Some(Source::Kept(_, last)) if *last + 1 == number => *last = number,
            _ => self.0.push(Source::Kept(number, number)),
        }
    }

    /// A new line comes next.
    pub(super) fn add(&mut self, line: String) {
        self.0.push(Source::Fresh(line.into_boxed_str()));
    }
}

/// The old cache, read in file-name order. A cache that is missing, of another version, out
/// of order or damaged simply ends early: what it no longer covers is read from the files.
pub(super) struct Reader<'k> {
    key: &'k CacheKey,
    file: Option<BufReader<File>>,
    line: String,
    /// The number of the line in `next` (the header is line 0).
    number: u32,
    next: Option<Entry>,
    /// The file name of the last entry read, to check the order.
    last: String,
    /// Whether entries were passed over (their files are gone).
    pub(super) skipped: bool,
    /// The cache file as it was opened, to notice it being rewritten in place.
    opened: Option<Stamp>,
}

impl<'k> Reader<'k> {
    /// The cache of a store with `records` record files, sealed with `key`.
    pub(super) fn open(dir: &Path, key: &'k CacheKey, records: usize) -> Reader<'k> {
        // Another process replaces the cache by renaming a new one over it, which leaves this
        // open file as it was: the lines found here are the lines copied later. A cache
        // rewritten in place is noticed by its stamp, and then not copied from.
        let most = (records as u64 + 1).saturating_mul(SIZE_PER_RECORD);
        // Not a named pipe or a device put in its place: opening does not wait, and only a
        // regular file is read.
        let mut options = std::fs::OpenOptions::new();
        options.read(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
        let file = options
            .open(dir.join(INDEX))
            .ok()
            .filter(|f| f.metadata().is_ok_and(|m| m.is_file() && m.len() <= most));
        let opened = file
            .as_ref()
            .and_then(|f| f.metadata().ok())
            .map(|m| Stamp::of(&m));
        let mut r = Reader {
            key,
            file: file.map(BufReader::new),
            line: String::new(),
            number: 0,
            next: None,
            last: String::new(),
            skipped: false,
            opened,
        };
        // A cache of another version, or sealed with another user's key, is not read.
        if r.read_line() == Some(header(key).as_str()) {
            r.advance();
        }
        r
    }

    fn read_line(&mut self) -> Option<&str> {
        let file = self.file.as_mut()?;
        self.line.clear();
        match file.by_ref().take(LINE_LIMIT + 1).read_line(&mut self.line) {
            Ok(n) if n > 0 && n as u64 <= LINE_LIMIT => Some(self.line.trim_end_matches('\n')),
            _ => None,
        }
    }

    /// Reads the next entry; at the end, or at a line that is damaged or out of order, there
    /// is none, and reading stops.
    fn advance(&mut self) {
        self.number += 1;
        let key = self.key;
        self.next = self
            .read_line()
            .and_then(|l| l.rsplit_once('\t'))
            .filter(|(json, seal)| key.holds(json, seal))
            .and_then(|(json, _)| serde_json::from_str::<Entry>(json).ok())
            .filter(|e| e.file > self.last);
        if let Some(e) = &self.next {
            self.last.clone_from(&e.file);
        }
    }

    /// The cached entry for `file`, with its line number; entries before it are passed over.
    pub(super) fn take(&mut self, file: &str) -> Option<(u32, Entry)> {
        while self.next.as_ref().is_some_and(|e| e.file.as_str() < file) {
            self.skipped = true;
            self.advance();
        }
        if self.next.as_ref().is_some_and(|e| e.file == file) {
            let number = self.number;
            let entry = self.next.take();
            self.advance();
            return entry.map(|e| (number, e));
        }
        None
    }

    /// Whether entries are left that no file took (their files are gone).
    pub(super) fn has_rest(&self) -> bool {
        self.next.is_some()
    }

    /// Writes the new cache: the header, then each line from where `plan` says.
    pub(super) fn write(mut self, plan: &Plan, out: &mut impl Write) -> std::io::Result<()> {
        writeln!(out, "{}", header(self.key))?;
        if let Some(f) = self.file.as_mut() {
            if f.get_ref().metadata().ok().map(|m| Stamp::of(&m)) != self.opened {
                return Err(std::io::Error::other("the old cache changed while read"));
            }
            f.rewind()?;
        }
        let mut at = 0;
        for source in &plan.0 {
            match source {
                Source::Fresh(line) => writeln!(out, "{line}")?,
                Source::Kept(first, last) => {
                    for number in *first..=*last {
                        while at <= number {
                            if self.read_line().is_none() {
                                return Err(std::io::Error::other("the old cache ended early"));
                            }
                            at += 1;
                        }
                        writeln!(out, "{}", self.line.trim_end_matches('\n'))?;
                    }
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// This user's key and an empty directory for one test, removed when dropped.
    fn setup(test: &str) -> (CacheKey, tempfile::TempDir) {
        let Some(key) = CacheKey::load() else {
            panic!("no private place for the cache key (no home directory?)");
        };
        let dir = tempfile::Builder::new()
            .prefix(&format!("avg-wijzer-index-{test}-"))
            .tempdir()
            .expect("a temporary directory");
        (key, dir)
    }

    /// An entry for `file` of a file that is not a record.
    fn entry(file: &str) -> Entry {
        Entry {
            file: file.into(),
            stamp: Stamp {
                modified_ns: 1,
                size: 2,
                inode: 3,
                changed_ns: 4,
            },
            summary: None,
            problem: Some(NotARecord::Other("kapot".into())),
        }
    }

    /// A cache rewritten in place while it is read is not copied from: its line numbers no
    /// longer name the lines that were checked.
    #[test]
    fn a_cache_changed_in_place_is_not_copied_from() {
        let (key, tmp) = setup("unit");
        let (key, dir) = (&key, tmp.path().to_path_buf());
        let text = format!(
            "{}\n{}\n{}\n",
            header(key),
            entry("a.json").line(key),
            entry("b.json").line(key)
        );
        std::fs::write(dir.join(INDEX), &text).unwrap();

        let mut reader = Reader::open(&dir, key, 2);
        let (a, _) = reader.take("a.json").expect("a is cached");
        let (b, _) = reader.take("b.json").expect("b is cached");
        assert_eq!((a, b), (1, 2));
        let mut out = Vec::new();
        let mut plan = Plan::default();
        plan.keep(2);
        Reader::open(&dir, key, 2).write(&plan, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!("{}\n{}\n", header(key), entry("b.json").line(key))
        );

        // The same file, rewritten in place (longer, so its size differs).
        std::fs::write(dir.join(INDEX), format!("{text}\n")).unwrap();
        let mut out = Vec::new();
        assert!(reader.write(&plan, &mut out).is_err());
    }

    /// Kept lines are held as runs, and a run broken by a fresh line or a gap copies exactly
    /// the lines it names, in order.
    #[test]
    fn a_plan_copies_its_runs_and_new_lines_in_order() {
        let (key, tmp) = setup("runs");
        let (key, dir) = (&key, tmp.path().to_path_buf());
        let names = ["a.json", "b.json", "c.json", "d.json", "e.json"];
        let mut text = format!("{}\n", header(key));
        for n in names {
            text.push_str(&format!("{}\n", entry(n).line(key)));
        }
        std::fs::write(dir.join(INDEX), &text).unwrap();
        let mut plan = Plan::default();
        plan.keep(1);
        plan.keep(2);
        plan.add("nieuw".into());
        plan.keep(4);
        plan.keep(5);
        assert_eq!(plan.0.len(), 3, "consecutive lines kept as one run");
        let mut out = Vec::new();
        Reader::open(&dir, key, 5).write(&plan, &mut out).unwrap();
        let expected = [
            header(key),
            entry("a.json").line(key),
            entry("b.json").line(key),
            "nieuw".into(),
            entry("d.json").line(key),
            entry("e.json").line(key),
        ];
        assert_eq!(String::from_utf8(out).unwrap(), expected.join("\n") + "\n");
    }

    /// A line written before the reason was typed held it as Dutch text: it does not read as
    /// an entry, so the cache ends there and the files from there on are read again. A
    /// typed reason reads back as it was.
    #[test]
    fn a_reason_kept_as_text_ends_the_cache() {
        let (key, tmp) = setup("text");
        let (key, dir) = (&key, tmp.path().to_path_buf());
        let mut old = serde_json::to_value(entry("b.json")).unwrap();
        old["problem"] = serde_json::Value::from("het bestand is leeg");
        let old = old.to_string();
        let text = format!(
            "{}\n{}\n{old}\t{}\n{}\n",
            header(key),
            entry("a.json").line(key),
            key.seal(&old),
            entry("c.json").line(key)
        );
        std::fs::write(dir.join(INDEX), &text).unwrap();
        let mut reader = Reader::open(&dir, key, 3);
        let (_, a) = reader.take("a.json").expect("a is cached");
        assert_eq!(a.problem, entry("a.json").problem);
        assert!(reader.take("b.json").is_none(), "a reason as text was read");
        assert!(reader.take("c.json").is_none(), "read on past the old line");
    }

    /// A line longer than any summary ends the cache there, and a cache larger than the store
    /// can need is not read at all: a junk cache cannot fill the memory.
    #[test]
    fn a_long_line_or_an_oversized_cache_is_not_read() {
        let (key, tmp) = setup("long");
        let (key, dir) = (&key, tmp.path().to_path_buf());
        // A well-formed entry, only too long.
        let mut long = entry("a2.json");
        long.problem = Some(NotARecord::Other("x".repeat(LINE_LIMIT as usize)));
        let long = long.line(key);
        let text = format!(
            "{}\n{}\n{long}\n{}\n",
            header(key),
            entry("a.json").line(key),
            entry("b.json").line(key)
        );
        std::fs::write(dir.join(INDEX), &text).unwrap();
        let mut reader = Reader::open(&dir, key, 100);
        assert!(reader.take("a.json").is_some());
        assert!(reader.take("b.json").is_none(), "read past the long line");

        // The same cache for a store of two records is larger than two records need.
        assert!(Reader::open(&dir, key, 2).take("a.json").is_none());
    }
}
