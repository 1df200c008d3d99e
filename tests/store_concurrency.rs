//! The concurrent-writers test: real processes save into one store at the same time — `new`
//! in loops, plain-mode sessions that save after every answer, and `list` reading (and
//! rewriting the index) all the while. Nothing may be lost, no reader may see half a file,
//! and afterwards the index must agree with the files.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use avg_wijzer::record::{Verification, verify_value};
use avg_wijzer::store::{Store, read_record};
use serde_json::Value;

mod common;
use common::{BIN, mode, temp_dir};

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/voorjaarsactie.json");

const NEW_WRITERS: usize = 2;
const NEW_PER_WRITER: usize = 40;
const PLAIN_SESSIONS: usize = 6;
/// One full plain session after the campaign name: participants (none), ten answers, then
/// Enter for the advice and Enter to finish without signing off.
const PLAIN_LINES: [&str; 13] = [
    "",
    "Leden werven",
    "3",
    "2",
    "1",
    "2",
    "1",
    "2",
    "nee",
    "1",
    "2",
    "",
    "",
];

fn avg(store: &Path, args: &[&str], input: Option<&str>) -> Output {
    let mut child = Command::new(BIN)
        .arg("--store")
        .arg(store)
        .args(args)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start avg-wijzer");
    if let Some(input) = input {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    }
    child.wait_with_output().expect("wait for avg-wijzer")
}

fn ok(args: &[&str], out: &Output) -> String {
    assert!(
        out.status.success(),
        "avg-wijzer {args:?} failed ({}):\nstdout: {}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `list --json` as (ids in order, unreadable files).
fn list_json(store: &Path) -> (Vec<String>, Vec<Value>) {
    let args = ["list", "--json"];
    let text = ok(&args, &avg(store, &args, None));
    let v: Value = serde_json::from_str(&text).expect("list --json prints JSON");
    let ids = v["records"]
        .as_array()
        .expect("records")
        .iter()
        .map(|r| r["id"].as_str().expect("id").to_string())
        .collect();
    (ids, v["unreadable"].as_array().cloned().unwrap_or_default())
}

#[test]
fn concurrent_writers_lose_nothing() {
    let tmp = temp_dir("concurrent");
    let store = tmp.path().join("store");
    // Created once up front with one record, as a user's store would be, so the writers race
    // on the files and the index, not on creating the directory — and so every plain session
    // is first offered the records still open (Enter: a new one).
    let args = ["new", "--answers", EXAMPLE];
    let first = ok(&args, &avg(&store, &args, None)).trim().to_string();

    let done = Arc::new(AtomicBool::new(false));
    let mut writers = Vec::new();
    for w in 0..NEW_WRITERS {
        let store = store.clone();
        writers.push(std::thread::spawn(move || {
            let mut ids = Vec::new();
            for i in 0..NEW_PER_WRITER {
                let args = ["new", "--answers", EXAMPLE];
                let id = ok(&args, &avg(&store, &args, None)).trim().to_string();
                assert!(!id.is_empty(), "writer {w}: `new` printed no id");
                ids.push(id);
                if i % 8 == 7 {
                    let (listed, unreadable) = list_json(&store);
                    assert!(
                        unreadable.is_empty(),
                        "writer {w}: list saw unreadable files while others wrote: {unreadable:?}"
                    );
                    for id in &ids {
                        assert!(listed.contains(id), "writer {w}: {id} missing from list");
                    }
                }
            }
            ids
        }));
    }
    let plain = {
        let store = store.clone();
        std::thread::spawn(move || {
            let mut names = Vec::new();
            for s in 0..PLAIN_SESSIONS {
                let name = format!("Sessie {s}");
                let mut input = format!("\n{name}\n");
                for l in PLAIN_LINES {
                    input.push_str(l);
                    input.push('\n');
                }
                let args = ["--plain"];
                let out = ok(&args, &avg(&store, &args, Some(&input)));
                assert!(
                    out.contains("Oordeel:")
                        && out.contains("Elk antwoord wordt meteen bewaard")
                        && !out.contains("Opslaan mislukt"),
                    "plain session {s}:\n{out}"
                );
                names.push(name);
            }
            names
        })
    };
    let lister = {
        let store = store.clone();
        let done = Arc::clone(&done);
        std::thread::spawn(move || {
            let mut lists = 0;
            let mut seen = BTreeSet::new();
            while !done.load(Ordering::Relaxed) {
                let (ids, unreadable) = list_json(&store);
                assert!(
                    unreadable.is_empty(),
                    "list saw unreadable files while others wrote: {unreadable:?}"
                );
                let now: BTreeSet<String> = ids.iter().cloned().collect();
                assert_eq!(now.len(), ids.len(), "list showed an id twice");
                let lost: Vec<_> = seen.difference(&now).collect();
                assert!(lost.is_empty(), "records disappeared from list: {lost:?}");
                seen = now;
                lists += 1;
            }
            lists
        })
    };

    let mut new_ids = vec![first];
    for w in writers {
        new_ids.extend(w.join().expect("a `new` writer failed"));
    }
    let sessions = plain.join().expect("the plain-mode writer failed");
    done.store(true, Ordering::Relaxed);
    let lists = lister.join().expect("the lister failed");
    println!(
        "{} records by `new`, {} plain sessions, {lists} concurrent lists",
        new_ids.len(),
        sessions.len()
    );

    // Every record is listed, once.
    let total = 1 + NEW_WRITERS * NEW_PER_WRITER + PLAIN_SESSIONS;
    let (ids, unreadable) = list_json(&store);
    assert!(unreadable.is_empty(), "unreadable: {unreadable:?}");
    assert_eq!(
        ids.len(),
        total,
        "list shows {} of {total} records",
        ids.len()
    );
    let distinct: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(distinct.len(), total, "ids are not distinct");
    for id in &new_ids {
        assert!(distinct.contains(id), "{id} (made by `new`) is not listed");
    }

    // Every file opens and verifies; owner-only; no temp files left.
    #[cfg(unix)]
    assert_eq!(format!("{:o}", mode(&store)), "700", "store directory mode");
    let mut files = BTreeMap::new();
    let mut campaigns = BTreeSet::new();
    for entry in std::fs::read_dir(&store).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        #[cfg(unix)]
        assert_eq!(
            format!("{:o}", mode(&entry.path())),
            "600",
            "{name}: not owner-only"
        );
        assert!(!name.starts_with(".tmp-"), "temp file left behind: {name}");
        if name.starts_with('.') {
            continue;
        }
        let record = read_record(&entry.path()).unwrap_or_else(|e| panic!("{e:#}"));
        let v: Value = serde_json::from_str(&std::fs::read_to_string(entry.path()).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(verify_value(&v), Verification::Intact, "{name}");
        assert_eq!(
            format!("{}.json", record.id),
            name,
            "id and file name differ"
        );
        assert_eq!(record.answers.len(), 10, "{name}: answers lost");
        campaigns.insert(record.campaign.name.clone());
        files.insert(name, (entry.metadata().unwrap(), v));
    }
    assert_eq!(files.len(), total, "record files on disk");
    for s in &sessions {
        assert!(campaigns.contains(s), "plain session {s:?} has no record");
    }

    // The index is only a cache, but after a quiet `list` it must describe the files exactly.
    let text = std::fs::read_to_string(store.join(".index.jsonl")).expect("list keeps an index");
    let mut lines = text.lines();
    assert!(
        lines
            .next()
            .is_some_and(|h| h.starts_with(r#"{"avg_wijzer_index":4,"key":""#)),
        "the header"
    );
    // Each line: the entry's JSON, a tab, and its seal.
    let lines: Vec<Value> = lines
        .map(|l| {
            let (json, _seal) = l
                .rsplit_once('\t')
                .expect("each line of the index is sealed");
            serde_json::from_str(json).expect("each line of the index is JSON")
        })
        .collect();
    let names: Vec<&str> = lines.iter().map(|e| e["file"].as_str().unwrap()).collect();
    assert!(
        names.windows(2).all(|w| w[0] < w[1]),
        "the index is sorted by file name"
    );
    let entries: BTreeMap<&str, &Value> = names.iter().copied().zip(&lines).collect();
    let indexed: BTreeSet<&str> = entries.keys().copied().collect();
    let on_disk: BTreeSet<&str> = files.keys().map(String::as_str).collect();
    assert_eq!(
        indexed, on_disk,
        "the index and the files name different records"
    );
    for (name, (meta, v)) in &files {
        let e = entries[name.as_str()];
        let stamp = &e["stamp"];
        assert_eq!(stamp["size"].as_u64(), Some(meta.len()), "{name}: size");
        #[cfg(unix)]
        assert_eq!(
            stamp["inode"].as_u64(),
            Some(std::os::unix::fs::MetadataExt::ino(meta)),
            "{name}: inode"
        );
        let ns = meta
            .modified()
            .unwrap()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        assert_eq!(
            stamp["modified_ns"].to_string(),
            ns.to_string(),
            "{name}: modification time"
        );
        let s = &e["summary"];
        assert_eq!(s["id"], v["id"], "{name}: id");
        assert_eq!(s["status"], v["status"], "{name}: status");
        assert_eq!(s["updated"], v["updated"], "{name}: updated");
        assert_eq!(s["campaign"], v["campaign"]["name"], "{name}: campaign");
        assert_eq!(
            s["answers"].as_u64(),
            v["answers"].as_object().map(|a| a.len() as u64),
            "{name}: answers"
        );
    }
}

#[test]
fn ids_made_in_the_same_second_are_distinct() {
    let tmp = temp_dir("ids");
    let dir = tmp.path().join("store");
    let store = Store::open(&dir).unwrap();
    let now = "2026-11-23T05:13:17Z";
    let mut ids = BTreeSet::new();
    for _ in 0..10_000 {
        let id = store.new_id(now);
        assert!(id.starts_with("20261123-051317-"), "{id}");
        let suffix = &id["20261123-051317-".len()..];
        assert!(
            suffix.len() >= 8 && suffix.bytes().all(|b| b.is_ascii_hexdigit()),
            "{id}: the random part"
        );
        assert!(ids.insert(id.clone()), "duplicate id {id}");
    }
    // Other threads (as other processes or machines would) in the same second.
    let threads: Vec<_> = (0..4)
        .map(|_| {
            std::thread::spawn(move || {
                let store = Store {
                    dir: PathBuf::new(),
                };
                (0..2_500).map(|_| store.new_id(now)).collect::<Vec<_>>()
            })
        })
        .collect();
    for t in threads {
        for id in t.join().unwrap() {
            assert!(ids.insert(id.clone()), "duplicate id {id} across threads");
        }
    }
    assert_eq!(ids.len(), 20_000);
}

/// A plain-mode session driven line by line: type a line, wait for what it prints.
struct Session {
    child: Child,
    stdin: ChildStdin,
    lines: mpsc::Receiver<String>,
    seen: String,
}

impl Session {
    fn start(store: &Path) -> Session {
        let mut child = Command::new(BIN)
            .arg("--store")
            .arg(store)
            .arg("--plain")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start avg-wijzer");
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in stdout.split(b'\n') {
                let Ok(line) = line else { return };
                if tx
                    .send(String::from_utf8_lossy(&line).into_owned())
                    .is_err()
                {
                    return;
                }
            }
        });
        Session {
            child,
            stdin,
            lines,
            seen: String::new(),
        }
    }

    fn wait_for(&mut self, needle: &str) {
        loop {
            match self.lines.recv_timeout(Duration::from_secs(20)) {
                Ok(line) => {
                    self.seen.push_str(&line);
                    self.seen.push('\n');
                    if line.contains(needle) {
                        return;
                    }
                }
                Err(_) => panic!("{needle:?} did not appear; output:\n{}", self.seen),
            }
        }
    }

    fn say(&mut self, line: &str, then: &str) {
        writeln!(self.stdin, "{line}").expect("type a line");
        self.wait_for(then);
    }

    fn stop(mut self) -> String {
        let _ = writeln!(self.stdin, "stop");
        drop(self.stdin);
        let _ = self.child.wait();
        while let Ok(line) = self.lines.recv_timeout(Duration::from_secs(5)) {
            self.seen.push_str(&line);
            self.seen.push('\n');
        }
        self.seen
    }
}

/// Two sessions open the same unfinished record (two people, or one person in two windows on
/// a shared folder). Each save writes the whole record, so without a check the second
/// session's save would replace answers the first one saved after the second had loaded the
/// record. The store refuses that save and says so; nothing acknowledged is lost.
#[test]

fn one_record_in_two_sessions_loses_no_acknowledged_answer() {
    let tmp = temp_dir("same-record");
    let store = tmp.path().join("store");
    let args = ["--plain"];
    // A record with three answers, left unfinished.
    ok(
        &args,
        &avg(&store, &args, Some("Gedeeld\n\nDoel\n3\n2\nstop\n")),
    );
    let mut a = Session::start(&store);
    let mut b = Session::start(&store);
    a.wait_for("Typ een nummer");
    b.wait_for("Typ een nummer");
    a.say("1", "Vraag 4 (");
    b.say("1", "Vraag 4 (");
    // A answers two questions; both saves are acknowledged by the next question.
    a.say("1", "Vraag 5 (");
    a.say("2", "Vraag 6 (");
    // B, which loaded the record before A's answers, answers the fourth question differently.
    b.say("2", "> ");
    let (out_a, out_b) = (a.stop(), b.stop());
    let path = std::fs::read_dir(&store)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .expect("the record");
    let record = read_record(&path).unwrap();
    assert!(
        record.answers.contains_key("distribution"),
        "session A's acknowledged answer to \"distribution\" was lost when session B saved; \
         on disk: {:?}\nA:\n{out_a}\nB:\n{out_b}",
        record.answers.keys().collect::<Vec<_>>()
    );
    assert!(
        out_b.contains("intussen door een ander venster of proces opgeslagen"),
        "session B is told its save was refused:\n{out_b}"
    );
}
