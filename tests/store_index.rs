//! The store's list cache (`.index.jsonl`): read as a stream beside the sorted files, used
//! for a file only while that file is unchanged, rewritten by keeping the lines that still
//! hold, and never trusted over the files when it is damaged, out of order or foreign.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use avg_wijzer::bank::Bank;
use avg_wijzer::record::{Assessment, Campaign};
use avg_wijzer::store::Store;
use avg_wijzer::text::Lang;
use tempfile::TempDir;

mod common;
use common::temp_dir;

/// The start of the header; the rest names the key the lines are sealed with.
const HEADER: &str = r#"{"avg_wijzer_index":4,"key":""#;

/// A new store holding a record for each (id, campaign name), listed once so that its cache
/// is written; the temporary directory it is in, and its own.
fn store_with(name: &str, records: &[(&str, &str)]) -> (TempDir, PathBuf, Store, Bank) {
    let tmp = temp_dir(&format!("index-{name}"));
    let dir = tmp.path().join("store");
    let store = Store::open(&dir).unwrap();
    let bank = Bank::embedded().unwrap();
    for (id, campaign) in records {
        add(&store, &bank, id, campaign);
    }
    store.list().expect("list");
    (tmp, dir, store, bank)
}

fn set_modified(path: &Path, t: SystemTime) {
    fs::File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(t))
        .expect("set the modification time");
}

/// A new record with this id and campaign name, saved in the store.
fn add(store: &Store, bank: &Bank, id: &str, campaign: &str) {
    let campaign = Campaign {
        name: campaign.into(),
        ..Campaign::default()
    };
    let now = format!("2026-11-23T10:00:{:02}Z", id.len());
    let mut a = Assessment::start(bank, id.into(), campaign, Vec::new(), Lang::Nl, &now);
    store.create(&mut a.record).expect("create");
}

/// The campaign names the list shows, newest first.
fn listed(store: &Store) -> Vec<String> {
    let l = store.list().expect("list");
    assert!(l.unreadable.is_empty(), "{:?}", l.unreadable);
    l.records.into_iter().map(|s| s.campaign).collect()
}

fn index(dir: &Path) -> Vec<String> {
    fs::read_to_string(dir.join(".index.jsonl"))
        .expect("the cache is written")
        .lines()
        .map(str::to_string)
        .collect()
}

fn file_of(dir: &Path, id: &str) -> PathBuf {
    dir.join(format!("{id}.json"))
}

/// Each line after the header names one file, in order, and matches it.
fn assert_index_matches(dir: &Path, ids: &[&str]) {
    let lines = index(dir);
    assert!(lines[0].starts_with(HEADER), "{}", lines[0]);
    let files: Vec<String> = lines[1..]
        .iter()
        .map(|l| {
            let (json, seal) = l
                .rsplit_once('\t')
                .expect("a line is JSON, a tab and a seal");
            assert_eq!(seal.len(), 64, "{l}");
            let v: serde_json::Value = serde_json::from_str(json).expect("a line is JSON");
            let file = v["file"].as_str().expect("file").to_string();
            let size = fs::metadata(dir.join(&file))
                .expect("the file exists")
                .len();
            assert_eq!(v["stamp"]["size"].as_u64(), Some(size), "{file}: size");
            file
        })
        .collect();
    let mut expected: Vec<String> = ids.iter().map(|i| format!("{i}.json")).collect();
    expected.sort();
    assert_eq!(files, expected);
}

#[test]
fn the_cache_stands_in_for_a_file_only_while_the_file_is_unchanged() {
    let (_tmp, dir, store, _) = store_with("trust", &[("a", "Alfa"), ("bb", "Bravo")]);
    assert_eq!(listed(&store), ["Bravo", "Alfa"]);

    // Same length, same file, the modification time put back: the change time (which nobody
    // can put back) still tells, so the file is read again. Someone editing a record in place
    // cannot keep an old summary (say, "signed off") in the list.
    let path = file_of(&dir, "bb");
    let modified = fs::metadata(&path).unwrap().modified().unwrap();
    let text = fs::read_to_string(&path).unwrap().replace("Bravo", "Brava");
    fs::write(&path, text).unwrap();
    set_modified(&path, modified);
    assert_eq!(listed(&store), ["Brava", "Alfa"]);
    // Unchanged since, the cache stands in for it: a warm list does not read the records.
    let cached = index(&dir);
    assert_eq!(listed(&store), ["Brava", "Alfa"]);
    assert_eq!(index(&dir), cached);
    assert_index_matches(&dir, &["a", "bb"]);
}

/// Someone with write access to the store (a shared drive) edits the cache to show a record as
/// signed off, or under another name: without this user's key the seal no longer holds, so the
/// record is read from its file, and the cache is written anew.
#[test]
fn a_cache_line_edited_by_someone_else_is_not_believed() {
    let (_tmp, dir, store, _) = store_with("forged", &[("a", "Alfa"), ("bb", "Bravo")]);
    let lines = index(&dir);
    let forged: Vec<String> = lines
        .iter()
        .map(|l| {
            l.replace("\"in_progress\"", "\"signed_off\"")
                .replace("Bravo", "Vervalst")
        })
        .collect();
    assert_ne!(forged, lines);
    fs::write(dir.join(".index.jsonl"), forged.join("\n") + "\n").unwrap();
    let l = store.list().unwrap();
    let shown: Vec<(String, avg_wijzer::record::Status)> = l
        .records
        .into_iter()
        .map(|s| (s.campaign, s.status))
        .collect();
    use avg_wijzer::record::Status::InProgress;
    assert_eq!(
        shown,
        [
            ("Bravo".to_string(), InProgress),
            ("Alfa".to_string(), InProgress)
        ]
    );
    // Rebuilt with the true values.
    assert_eq!(index(&dir), lines);
}

#[test]
fn lines_that_still_hold_are_kept_as_they_are() {
    let (_tmp, dir, store, bank) = store_with(
        "keep",
        &[("a", "Alfa"), ("bb", "Bravo"), ("ccc", "Charlie")],
    );
    let before = index(&dir);
    assert_eq!(before.len(), 4);

    // One record gone, one changed (saved anew), one added.
    fs::remove_file(file_of(&dir, "a")).unwrap();
    let mut c = store.load("ccc").unwrap().record;
    c.campaign.name = "Charlotte".into();
    store.save(&mut c).unwrap();
    add(&store, &bank, "dddd", "Delta");

    assert_eq!(listed(&store), ["Delta", "Charlotte", "Bravo"]);
    let after = index(&dir);
    assert_eq!(after.len(), 4);
    assert_eq!(
        after[1], before[2],
        "the unchanged record's line, byte for byte"
    );
    assert!(after[2].contains("Charlotte"));
    assert!(after[3].contains("Delta"));
    assert_index_matches(&dir, &["bb", "ccc", "dddd"]);

    // A list with nothing changed leaves the cache alone.
    let inode = |p: &Path| {
        use std::os::unix::fs::MetadataExt;
        fs::metadata(p).unwrap().ino()
    };
    let written = inode(&dir.join(".index.jsonl"));
    listed(&store);
    assert_eq!(
        inode(&dir.join(".index.jsonl")),
        written,
        "rewritten for nothing"
    );
}

#[test]
fn a_damaged_out_of_order_or_foreign_cache_is_read_around_and_rebuilt() {
    let ids = ["a", "bb", "ccc", "dddd"];
    let (_tmp, dir, store, _) = store_with(
        "damage",
        &[
            ("a", "Alfa"),
            ("bb", "Bravo"),
            ("ccc", "Charlie"),
            ("dddd", "Delta"),
        ],
    );
    let expected = ["Delta", "Charlie", "Bravo", "Alfa"];
    assert_eq!(listed(&store), expected);
    let good = index(&dir);

    let damaged = [
        // A line cut off half-way, as a full disk might leave it.
        {
            let mut l = good.clone();
            let half = l[2].len() / 2;
            l[2].truncate(half);
            l
        },
        // Lines out of order.
        {
            let mut l = good.clone();
            l.swap(1, 3);
            l
        },
        // A line for a file that is not there.
        {
            let mut l = good.clone();
            l.insert(2, good[1].replace("\"a.json\"", "\"aa.json\""));
            l
        },
        // Not a cache of this version at all.
        vec![r#"{"entries":{}}"#.to_string()],
        // Not text.
        vec![],
    ];
    for lines in damaged {
        let mut bytes = lines.join("\n").into_bytes();
        if lines.is_empty() {
            bytes = vec![0xff, 0xfe, 0x00, b'\n', 0xc3];
        }
        fs::write(dir.join(".index.jsonl"), bytes).unwrap();
        assert_eq!(listed(&store), expected, "with the cache {lines:?}");
        assert_index_matches(&dir, &ids);
    }
}

#[test]
fn the_cache_of_earlier_versions_is_removed() {
    let (_tmp, dir, store, _) = store_with("old", &[("a", "Alfa")]);
    // A store as an earlier version left it: only the old cache.
    fs::remove_file(dir.join(".index.jsonl")).unwrap();
    fs::write(dir.join(".index.json"), r#"{"entries":{}}"#).unwrap();
    assert_eq!(listed(&store), ["Alfa"]);
    assert!(!dir.join(".index.json").exists());
    assert_index_matches(&dir, &["a"]);
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_reported_and_does_not_spoil_the_cache() {
    use std::os::unix::ffi::OsStrExt;
    let (_tmp, dir, store, _) = store_with("names", &[("a", "Alfa")]);
    for raw in [&b"\xff.json"[..], &b"\xfe.json"[..]] {
        fs::write(dir.join(std::ffi::OsStr::from_bytes(raw)), b"{}").unwrap();
    }
    let l = store.list().unwrap();
    assert_eq!(l.records.len(), 1);
    assert_eq!(l.unreadable.len(), 2, "{:?}", l.unreadable);
    assert!(
        l.unreadable
            .iter()
            .all(|(_, why)| why.contains("geen geldige UTF-8"))
    );
    assert_index_matches(&dir, &["a"]);
    // Nothing changed since: the cache stays as it is.
    let modified = || {
        fs::metadata(dir.join(".index.jsonl"))
            .unwrap()
            .modified()
            .unwrap()
    };
    let before = modified();
    std::thread::sleep(Duration::from_millis(20));
    store.list().unwrap();
    assert_eq!(modified(), before, "the cache was rewritten for nothing");
}

/// The list is newest first, then by id (the higher first). A copy of a record under another
/// file name is not listed twice: it is unreadable, as the record is kept under its id.
#[test]
fn the_list_is_newest_first_then_by_id() {
    let (_tmp, dir, store, bank) = store_with("order", &[]);
    for (id, at, campaign) in [
        ("20261123-100000-00000000a1", "2026-11-23T10:00:00Z", "oud"),
        (
            "20261123-100000-00000000b2",
            "2026-11-23T12:00:00Z",
            "nieuw",
        ),
        (
            "20261123-100000-00000000c3",
            "2026-11-23T12:00:00Z",
            "nieuw, hoger id",
        ),
        (
            "20261123-100000-00000000d4",
            "2026-11-23T11:00:00Z",
            "midden",
        ),
    ] {
        let campaign = Campaign {
            name: campaign.into(),
            ..Campaign::default()
        };
        let mut a = Assessment::start(&bank, id.into(), campaign, Vec::new(), Lang::Nl, at);
        store.create(&mut a.record).expect("create");
    }
    let copy = fs::read(file_of(&dir, "20261123-100000-00000000d4")).unwrap();
    fs::write(dir.join("0-kopie.json"), &copy).unwrap();
    let l = store.list().expect("list");
    let shown: Vec<&str> = l.records.iter().map(|s| s.campaign.as_str()).collect();
    assert_eq!(shown, ["nieuw, hoger id", "nieuw", "midden", "oud"]);
    assert_eq!(l.unreadable.len(), 1, "{:?}", l.unreadable);
    assert_eq!(l.unreadable[0].0, "0-kopie.json");
    let _ = fs::remove_dir_all(&dir);
}
