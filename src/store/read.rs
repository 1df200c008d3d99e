//! Reading files, each kind with a size limit: a record, a bank or an answers file may come from
//! someone else, and `/dev/zero` or a 500 MB junk file must not make the program use gigabytes.
//! A regular file's size is checked before anything is read; everything is read through
//! `Read::take`, so a pipe or a device stops at the limit too.
use std::fs::{self, File};
use std::io::Read;
use std::path::Path;

use anyhow::Result;

use super::{StoreError, What, io_error};
use crate::record::{self, Record, Unreadable};

/// The most that is read of one kind of file, and how a message names that kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub bytes: u64,
    /// The kind of file, for "an answers file may be at most 1 MiB".
    what: What,
}

/// An answers file: the example is 415 bytes, and one answer per question with a campaign
/// description and participants fits in a few kilobytes; 1 MiB leaves room for hundreds of
/// long texts.
pub const ANSWERS_LIMIT: Limit = Limit {
    bytes: 1 << 20,
    what: What::Answers,
};

/// A record: the test records are about 24 KB; a text holds at most 10,000 characters
/// (`engine::MAX_TEXT`), so even a record with hundreds of long notes stays far below 16 MiB.
pub const RECORD_LIMIT: Limit = Limit {
    bytes: 16 << 20,
    what: What::Record,
};

/// The library's profile (`library.json`): eight items, the longest two of 10,000 characters
/// each, take some tens of kilobytes even with every character escaped; 1 MiB is far beyond
/// any profile a person wrote.
pub const PROFILE_LIMIT: Limit = Limit {
    bytes: 1 << 20,
    what: What::Profile,
};

/// One file of a question bank: the largest shipped file (questions.json) is about 63 KB, but
/// the benchmark's bank of 100 copies of the shipped one is a single file of about 14 MB.
pub const BANK_FILE_LIMIT: Limit = Limit {
    bytes: 32 << 20,
    what: What::BankFile,
};

/// A whole question bank: the shipped one is about 185 KB in 8 files; the benchmark's largest
/// about 14 MB.
pub const BANK_LIMIT: u64 = 32 << 20;

/// The number of `.json` files in a bank directory: the shipped bank has 8.
pub const BANK_FILES_LIMIT: usize = 64;

/// A size for people: bytes, KiB or MiB, with a decimal comma.
pub fn shown_size(bytes: u64) -> String {
    let (value, unit) = match bytes {
        b if b < 1 << 10 => return format!("{b} bytes"),
        b if b < 1 << 20 => (b as f64 / 1024.0, "KiB"),
        b => (b as f64 / (1024.0 * 1024.0), "MiB"),
    };
    let text = format!("{value:.1}");
    let text = text.strip_suffix(".0").unwrap_or(&text).replace('.', ",");
    format!("{text} {unit}")
}

/// The error for a file over its limit; `size` is `None` when only "more than the limit" is
/// known (a pipe, a device).
fn too_big(shown: &str, size: Option<u64>, limit: Limit) -> anyhow::Error {
    let most = shown_size(limit.bytes);
    // A size just over the limit would read as the limit itself ("1 MiB").
    let size = size.map(shown_size).filter(|s| *s != most);
    StoreError::TooBig {
        path: shown.to_string(),
        size,
        most,
        what: limit.what,
    }
    .into()
}

/// Reads at most `limit` from `reader`; more is refused. `known` is the size the file says it
/// has, when it is a regular file.
fn read_up_to(reader: impl Read, shown: &str, known: Option<u64>, limit: Limit) -> Result<Vec<u8>> {
    if let Some(size) = known.filter(|&s| s > limit.bytes) {
        return Err(too_big(shown, Some(size), limit));
    }
    let mut bytes = Vec::new();
    reader
        .take(limit.bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(shown, &e))?;
    if bytes.len() as u64 > limit.bytes {
        // A pipe, a device, or a file that grew while it was read.
        return Err(too_big(shown, None, limit));
    }
    Ok(bytes)
}

/// A file's bytes, at most `limit`, with the error in the interface's words.
pub(super) fn read_file(path: &Path, limit: Limit) -> Result<Vec<u8>> {
    let shown = path.display().to_string();
    let file = File::open(path).map_err(|e| io_error(&shown, &e))?;
    let known = file
        .metadata()
        .ok()
        .filter(fs::Metadata::is_file)
        .map(|m| m.len());
    read_up_to(file, &shown, known, limit)
}

/// The `*.json` files of a bank directory, as (file name, bytes), sorted by name. Their
/// content is checked by the bank loader, which reports every bad file, not just the first.
pub fn read_bank_dir(dir: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    let shown = dir.display().to_string();
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| io_error(&shown, &e))? {
        let entry = entry.map_err(|e| io_error(&shown, &e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".json") && entry.path().is_file() {
            found.push((name, entry.path()));
        }
    }
    if found.is_empty() {
        return Err(StoreError::NoBankFiles { dir: shown }.into());
    }
    if found.len() > BANK_FILES_LIMIT {
        return Err(StoreError::TooManyBankFiles {
            dir: shown,
            n: found.len(),
            most: BANK_FILES_LIMIT,
        }
        .into());
    }
    found.sort();
    let mut files = Vec::with_capacity(found.len());
    let mut total = 0u64;
    for (name, path) in found {
        let bytes = read_file(&path, BANK_FILE_LIMIT)?;
        total += bytes.len() as u64;
        if total > BANK_LIMIT {
            return Err(StoreError::BankTooBig {
                dir: shown,
                most: shown_size(BANK_LIMIT),
            }
            .into());
        }
        files.push((name, bytes));
    }
    Ok(files)
}

/// A record file's bytes as they are, for exporting the file itself.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    read_file(path, RECORD_LIMIT)
}

/// An answers file as text; `-` reads standard input, called `stdin` in messages (the
/// locale's word for it, in the run's language).
pub fn read_input(path: &str, stdin: &str) -> Result<String> {
    let limit = ANSWERS_LIMIT;
    if path == "-" {
        let name = stdin;
        utf8(
            name,
            read_up_to(std::io::stdin().lock(), name, None, limit)?,
        )
    } else {
        utf8(path, read_file(Path::new(path), limit)?)
    }
}

/// A record file as text, unchecked (for `verify`, which checks it its own way).
pub fn read_record_text(path: &Path) -> Result<String> {
    utf8(&path.display().to_string(), read_file(path, RECORD_LIMIT)?)
}

/// Reads and checks one record file; the error names the file and what is wrong. A record
/// must be the file its id names: a copy under another name is unreadable, so that no save can
/// be steered onto another record.
pub fn read_record(path: &Path) -> Result<Record> {
    let value = read_value(path)?;
    let r = record::from_value(value).map_err(|e| unreadable(path, e))?;
    check_identity(path, &r)?;
    Ok(r)
}

/// [`read_record`], and what checking the record's integrity found.
pub fn read_checked(path: &Path) -> Result<record::Loaded> {
    read_checked_text(path).map(|(loaded, _)| loaded)
}

/// [`read_checked`], and the file's text the record was read from: an export of the file
/// itself writes exactly what was checked, not what the file holds a moment later.
pub fn read_checked_text(path: &Path) -> Result<(record::Loaded, String)> {
    let text = read_record_text(path)?;
    let value = record::parse_value(&text).map_err(|e| unreadable(path, e))?;
    let loaded = record::Loaded::read(value).map_err(|e| unreadable(path, e))?;
    check_identity(path, &loaded.record)?;
    Ok((loaded, text))
}

/// A record file's content as JSON, not yet checked against the format.
fn read_value(path: &Path) -> Result<serde_json::Value> {
    let text = read_record_text(path)?;
    record::parse_value(&text).map_err(|e| unreadable(path, e))
}

/// A record is the file its id names.
fn check_identity(path: &Path, r: &Record) -> Result<()> {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    if r.id != stem {
        let id = r.id.clone();
        return Err(unreadable(path, Unreadable::Renamed { id }));
    }
    Ok(())
}

fn unreadable(path: &Path, why: Unreadable) -> anyhow::Error {
    StoreError::Unreadable {
        path: path.display().to_string(),
        why,
    }
    .into()
}

/// Bytes as text, or an error naming the file and where the text stops being UTF-8.
pub(super) fn utf8(name: &str, bytes: Vec<u8>) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| {
        StoreError::NotUtf8 {
            name: name.to_string(),
            at: e.utf8_error().valid_up_to() + 1,
        }
        .into()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(shown_size(415), "415 bytes");
        assert_eq!(shown_size(1 << 20), "1 MiB");
        assert_eq!(shown_size(20 * 1000 * 1000), "19,1 MiB");
        assert_eq!(shown_size(1536), "1,5 KiB");
    }

    /// A reader with no end (like `/dev/zero` or an endless pipe) stops at the limit.
    #[test]
    fn an_endless_reader_stops_at_the_limit() {
        let e = read_up_to(std::io::repeat(b'x'), "pijp", None, ANSWERS_LIMIT).unwrap_err();
        assert_eq!(
            e.to_string(),
            "pijp: te groot (meer dan 1 MiB); een antwoordenbestand mag hoogstens 1 MiB zijn"
        );
    }

    /// What a regular file says its size is refuses it before a byte is read.
    #[test]
    fn a_known_size_over_the_limit_is_refused_unread() {
        let reader_of = |n| std::io::repeat(b'x').take(n);
        let e = read_up_to(reader_of(0), "groot.json", Some(20 << 20), RECORD_LIMIT).unwrap_err();
        assert_eq!(
            e.to_string(),
            "groot.json: te groot (20 MiB); een verslag mag hoogstens 16 MiB zijn"
        );
        let e = read_up_to(reader_of(0), "a.json", Some((1 << 20) + 1), ANSWERS_LIMIT);
        assert_eq!(
            e.unwrap_err().to_string(),
            "a.json: te groot (meer dan 1 MiB); een antwoordenbestand mag hoogstens 1 MiB zijn"
        );
        let exact = std::io::repeat(b'x').take(ANSWERS_LIMIT.bytes);
        let ok = read_up_to(exact, "precies.json", None, ANSWERS_LIMIT).unwrap();
        assert_eq!(ok.len() as u64, ANSWERS_LIMIT.bytes);
    }
}
