//! Size limits on every file read, through the real binary: an endless or huge input ends
//! quickly with exit 2 and one line naming the file, its size and the limit; a huge file in the
//! store is listed as unreadable while the other records still list; a bank directory with an
//! oversized file, or too many files, is refused.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use tempfile::TempDir;

mod common;
use common::{BIN, ROOT, temp_dir};

const RECORD: &str = "20261120-090000-00000000a1";

/// Far more than the few milliseconds refusing takes, far less than reading gigabytes.
const QUICK: Duration = Duration::from_secs(10);

/// Runs the binary in `dir` with `args`, feeding `stdin` (which it may stop reading early),
/// and checks it ends quickly.
fn run_in(dir: &Path, args: &[&str], stdin: Option<Vec<u8>>) -> Output {
    let started = Instant::now();
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("AVG_WIJZER_STORE")
        .env("TERM", "dumb")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut pipe = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        if let Some(bytes) = stdin {
            // The binary stops reading at its limit: a broken pipe here is the point.
            let _ = pipe.write_all(&bytes);
        }
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    let took = started.elapsed();
    assert!(took < QUICK, "{args:?} took {took:?}");
    out
}

/// A file of `size` bytes that takes no time to make (sparse, all zeros).
fn sized_file(path: &Path, size: u64) {
    std::fs::File::create(path).unwrap().set_len(size).unwrap();
}

/// Exit 2, nothing on stdout, and exactly this one line on stderr.
#[track_caller]
fn assert_refused(o: &Output, line: &str) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "exit code; stderr: {err}");
    assert!(o.stdout.is_empty(), "nothing on stdout on error");
    assert_eq!(err, format!("avg-wijzer: {line}\n"));
}

#[test]
fn dev_zero_as_answers_file_is_refused_at_once() {
    let dir = temp_dir("dev_zero");
    let o = run_in(dir.path(), &["advise", "--answers", "/dev/zero"], None);
    assert_refused(
        &o,
        "/dev/zero: te groot (meer dan 1 MiB); een antwoordenbestand mag hoogstens 1 MiB zijn",
    );
}

#[test]
fn endless_standard_input_is_refused_at_the_limit() {
    let dir = temp_dir("stdin");
    let o = run_in(
        dir.path(),
        &["advise", "--answers", "-"],
        Some(vec![b' '; 3 << 20]),
    );
    assert_refused(
        &o,
        "standaardinvoer: te groot (meer dan 1 MiB); een antwoordenbestand mag hoogstens 1 MiB zijn",
    );
}

#[test]
fn a_huge_answers_file_is_refused_with_its_size() {
    let dir = temp_dir("huge_answers");
    sized_file(&dir.path().join("groot.json"), 500 << 20);
    for command in ["advise", "new"] {
        let o = run_in(
            dir.path(),
            &["--store", "store", command, "--answers", "groot.json"],
            None,
        );
        assert_refused(
            &o,
            "groot.json: te groot (500 MiB); een antwoordenbestand mag hoogstens 1 MiB zijn",
        );
    }
    // Just over the limit, as a size that would read like the limit itself.
    sized_file(&dir.path().join("net.json"), (1 << 20) + 1);
    let o = run_in(dir.path(), &["advise", "--answers", "net.json"], None);
    assert_refused(
        &o,
        "net.json: te groot (meer dan 1 MiB); een antwoordenbestand mag hoogstens 1 MiB zijn",
    );
}

/// A store with one real record and a 20 MB junk file.
fn store_with_junk(test: &str) -> TempDir {
    let dir = temp_dir(test);
    let store = dir.path().join("store");
    std::fs::create_dir_all(&store).unwrap();
    let fixture = Path::new(ROOT).join(format!("tests/records/v1/{RECORD}.json"));
    std::fs::copy(fixture, store.join(format!("{RECORD}.json"))).unwrap();
    let junk: Vec<u8> = (0..20_000_000u32).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(store.join("20270101-000000-00000000ff.json"), junk).unwrap();
    dir
}

const JUNK_WHY: &str = "te groot (19,1 MiB); een verslag mag hoogstens 16 MiB zijn";

#[test]
fn list_reports_a_huge_record_and_lists_the_others() {
    let dir = store_with_junk("list");
    // Twice: the second time from the cache, which keeps the reason.
    for _ in 0..2 {
        let o = run_in(dir.path(), &["--store", "store", "list"], None);
        assert_eq!(o.status.code(), Some(0));
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains(RECORD), "{out}");
        assert!(
            out.contains(&format!(
                "Onleesbaar: 20270101-000000-00000000ff.json: {JUNK_WHY}\n"
            )),
            "{out}"
        );
    }
    let o = run_in(dir.path(), &["--store", "store", "list", "--json"], None);
    let v: Value = serde_json::from_slice(&o.stdout).expect("list --json is JSON");
    assert_eq!(v["records"].as_array().map(Vec::len), Some(1), "{v}");
    assert_eq!(v["unreadable"][0]["reason"], JUNK_WHY);
}

#[test]
fn show_verify_and_export_refuse_a_huge_record() {
    let dir = store_with_junk("by_id");
    let file = "store/20270101-000000-00000000ff.json";
    let line = format!("{file}: {JUNK_WHY}");
    assert_refused(&run_in(dir.path(), &["verify", file], None), &line);
    for args in [
        &["show", "20270101"][..],
        &["export", "20270101", "--format", "json"],
    ] {
        let mut all = vec!["--store", "store"];
        all.extend_from_slice(args);
        let o = run_in(dir.path(), &all, None);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.ends_with(&format!("{JUNK_WHY}\n")), "{args:?}: {err}");
    }
}

/// The shipped bank copied into `dir/bank`.
fn bank_copy(dir: &Path) -> PathBuf {
    let bank = dir.join("bank");
    std::fs::create_dir_all(&bank).unwrap();
    for entry in std::fs::read_dir(Path::new(ROOT).join("questions")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, bank.join(path.file_name().unwrap())).unwrap();
    }
    bank
}

#[test]
fn a_bank_with_an_oversized_file_is_refused() {
    let dir = temp_dir("bank_file");
    let bank = bank_copy(dir.path());
    // The shipped bank itself is far below every limit.
    let o = run_in(dir.path(), &["--questions", "bank", "lint"], None);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    sized_file(&bank.join("extra.json"), 40 << 20);
    for command in [&["lint"][..], &["advise", "--answers", "-"]] {
        let mut all = vec!["--questions", "bank"];
        all.extend_from_slice(command);
        let o = run_in(dir.path(), &all, Some(b"{}".to_vec()));
        assert_refused(
            &o,
            "bank/extra.json: te groot (40 MiB); een bestand van de vragenbank mag hoogstens 32 MiB zijn",
        );
    }
}

#[test]
fn a_bank_with_too_many_files_is_refused() {
    let dir = temp_dir("bank_files");
    let bank = bank_copy(dir.path());
    for i in 0..60 {
        std::fs::write(bank.join(format!("extra{i:02}.json")), "{}").unwrap();
    }
    // The shipped bank's files and the sixty added.
    let files = std::fs::read_dir(&bank).unwrap().count();
    assert!(files > 64, "{files}");
    let o = run_in(dir.path(), &["--questions", "bank", "lint"], None);
    assert_refused(
        &o,
        &format!("bank: {files} .json-bestanden; een vragenbank heeft er hoogstens 64"),
    );
}

#[test]
fn a_bank_too_large_in_all_is_refused() {
    let dir = temp_dir("bank_total");
    let bank = bank_copy(dir.path());
    for i in 0..2 {
        sized_file(&bank.join(format!("extra{i}.json")), 20 << 20);
    }
    let o = run_in(dir.path(), &["--questions", "bank", "lint"], None);
    assert_refused(
        &o,
        "bank: te groot (meer dan 32 MiB); een vragenbank mag hoogstens 32 MiB zijn",
    );
}

/// A junk list cache far larger than the store needs is passed over, not read.
#[test]
fn a_huge_list_cache_is_not_read() {
    let dir = store_with_junk("cache");
    sized_file(&dir.path().join("store/.index.jsonl"), 2 << 30);
    let o = run_in(dir.path(), &["--store", "store", "list"], None);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains(RECORD));
    // And it is replaced by a cache of the right size.
    let len = std::fs::metadata(dir.path().join("store/.index.jsonl"))
        .unwrap()
        .len();
    assert!(len < 64 << 10, "{len}");
}
