//! Acknowledged means on disk: a whole plain session (ten answers, a note, the FG's sign-off) is
//! killed at its first rename, then at its second, and so on over every rename it makes —
//! `strace` delivers SIGKILL on entry to the N-th `rename`, so the save in progress never
//! replaces the file. After each kill every record in the store must open and verify, and
//! everything the output acknowledged before the kill (the record, each answer, the note, the
//! sign-off) must be on disk.
//!
//! Needs `strace` (Linux); without it the test fails and says to install it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use avg_wijzer::record::Status;
use serde_json::Value;

mod common;
use common::kill::{ANSWERS, SIGN_OFF, answers_of, check_store, signed_by, status_of};
use common::{BIN, temp_dir};

/// After which answer (1-based) the note is typed.
const NOTE_AFTER: usize = 4;
const NOTE: &str = "nagevraagd bij de POI";
/// More renames than a session makes: the loop ends at the first run that is not killed.
const MAX_RENAMES: usize = 100;

/// The whole session as typed: campaign, participants, the answers with a note, the advice,
/// the sign-off.
fn input() -> String {
    let mut lines = vec!["Kill bij rename".to_string(), String::new()];
    for (i, a) in ANSWERS.iter().enumerate() {
        lines.push(a.to_string());
        if i + 1 == NOTE_AFTER {
            lines.push(format!("notitie {NOTE}"));
        }
    }
    lines.push(String::new());
    lines.push("aftekenen".into());
    lines.extend(SIGN_OFF.iter().map(|s| s.to_string()));
    lines.iter().map(|l| format!("{l}\n")).collect()
}

/// What the output acknowledged: the record created, the number of answers saved, the note,
/// the sign-off.
#[derive(Debug, Default)]
struct Acked {
    record: bool,
    answers: usize,
    note: bool,
    signed: bool,
}

fn acked(out: &str) -> Acked {
    let mut a = Acked::default();
    for line in out.lines() {
        // The prompt "> " starts the line the answer was typed on.
        let line = line.trim_start_matches("> ");
        if line.starts_with("Elk antwoord wordt meteen bewaard") {
            a.record = true;
        } else if let Some(n) = line
            .strip_prefix("Vraag ")
            .and_then(|r| r.split_once(" ("))
            .and_then(|(n, _)| n.parse::<usize>().ok())
        {
            // "Vraag N (…)" is shown once answer N - 1 was saved.
            a.answers = a.answers.max(n - 1);
        } else if line.starts_with("Je antwoorden:") {
            a.answers = ANSWERS.len();
        } else if line == "Notitie bewaard." {
            a.note = true;
        } else if line.starts_with("Afgetekend;") {
            a.signed = true;
        }
    }
    a
}

/// Runs the session under strace, killed at rename number `n`. Returns whether it was killed,
/// and its output.
fn run(store: &Path, n: usize) -> (bool, String) {
    let mut child = Command::new("strace")
        .args(["-f", "-o", "/dev/null", "-e"])
        .arg(format!("inject=rename:signal=SIGKILL:when={n}"))
        .arg(BIN)
        .arg("--plain")
        .arg("--store")
        .arg(store)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("strace does not start ({e}): install strace to run this test (apt-get install strace)"));
    // The whole input at once: what the process had not read when killed is simply lost.
    let written = child
        .stdin
        .take()
        .map(|mut s| s.write_all(input().as_bytes()));
    let done = child.wait_with_output().expect("wait for strace");
    let out = String::from_utf8_lossy(&done.stdout).into_owned();
    if let Some(Err(e)) = written {
        // A broken pipe when the kill came before all input was read; anything else is not.
        assert_eq!(
            e.kind(),
            std::io::ErrorKind::BrokenPipe,
            "writing the input: {e}"
        );
    }
    // strace ends the way the traced process did: killed by the same signal.
    #[cfg(unix)]
    let killed = {
        use std::os::unix::process::ExitStatusExt;
        done.status.signal() == Some(9)
    };
    #[cfg(not(unix))]
    let killed = false;
    if !killed && !done.status.success() {
        panic!(
            "rename {n}: strace exited {} (is ptrace allowed here?); stderr:\n{}\noutput:\n{out}",
            done.status,
            String::from_utf8_lossy(&done.stderr)
        );
    }
    (killed, out)
}

/// Checks the store after the kill at rename `n` against what the output acknowledged.
fn check(store: &Path, out: &str, full: &Value) -> Result<(), String> {
    if out.contains("mislukt") || out.contains("niet bewaard") {
        return Err("a save failed before the kill, which this test does not arrange".into());
    }
    let records = check_store(store).map_err(|e| format!("after the kill: {e}"))?;
    if records.len() > 1 {
        return Err(format!("{} record files after one session", records.len()));
    }
    let a = acked(out);
    let Some((file, v)) = records.into_iter().next() else {
        return match a.record {
            true => Err("the record is gone, though its creation was acknowledged".into()),
            false => Ok(()),
        };
    };
    let given = answers_of(&v);
    // Every acknowledged answer is there, with the value typed; at most the one being saved
    // is there without its acknowledgement.
    if given.len() < a.answers || given.len() > a.answers + 1 {
        return Err(format!(
            "{file}: {} answers on disk, {} acknowledged",
            given.len(),
            a.answers
        ));
    }
    for (q, x) in &given {
        if full["answers"][q]["value"] != x["value"] {
            return Err(format!(
                "{file}: answer to {q} is {}, typed was {}",
                x["value"], full["answers"][q]["value"]
            ));
        }
    }
    let note = v["notes"].as_object().is_some_and(|n| !n.is_empty());
    if a.note && !note {
        return Err(format!("{file}: the acknowledged note is not on disk"));
    }
    let status = status_of(&v)?;
    if a.signed && (status != Status::SignedOff || signed_by(&v) != Some(SIGN_OFF[0])) {
        return Err(format!(
            "{file}: the acknowledged sign-off is not on disk (status {status:?})"
        ));
    }
    Ok(())
}

#[test]
fn a_kill_at_any_rename_loses_nothing_acknowledged() {
    if Command::new("strace").arg("-V").output().is_err() {
        panic!(
            "strace is not installed: this test needs it to kill the process at each rename \
             (install it, e.g. apt-get install strace)"
        );
    }
    let start = Instant::now();
    let mut base = temp_dir("rename-kill");

    // The session run to its end once, to know what every answer must be.
    let store = base.path().join("full");
    let (killed, out) = run(&store, MAX_RENAMES + 1);
    assert!(!killed, "the session made more than {MAX_RENAMES} renames");
    assert!(
        out.contains("Afgetekend;"),
        "the full session signs off:\n{out}"
    );
    let records = check_store(&store).unwrap_or_else(|e| panic!("after the full session: {e}"));
    let [(_, full)] = records.as_slice() else {
        panic!("{} records after the full session", records.len());
    };
    assert_eq!(answers_of(full).len(), ANSWERS.len());
    assert_eq!(status_of(full), Ok(Status::SignedOff));

    let mut kills = 0;
    let mut signed_killed = false;
    for n in 1..=MAX_RENAMES {
        let store = base.path().join(format!("rename{n}"));
        let (killed, out) = run(&store, n);
        if !killed {
            // Past the session's last rename: it ran to its end.
            assert!(
                out.contains("Afgetekend;"),
                "rename {n}: not signed off:\n{out}"
            );
            break;
        }
        kills += 1;
        if let Err(e) = check(&store, &out, full) {
            base.disable_cleanup(true);
            panic!(
                "killed at rename {n}: {e}; store kept at {}\noutput:\n{out}",
                store.display()
            );
        }
        // The last rename is the sign-off's: killed there, it must not have been announced.
        signed_killed = !acked(&out).signed;
        let _ = std::fs::remove_dir_all(&store);
    }
    // One save per answer, the note and the sign-off: a kill at fewer renames means strace
    // did not catch them (another syscall?), and the test would prove nothing.
    assert!(
        kills >= ANSWERS.len() + 2,
        "only {kills} kills at renames; a session saves at least {} times",
        ANSWERS.len() + 2
    );
    assert!(
        signed_killed,
        "killed at the last rename (the sign-off's save), the output still said \"Afgetekend\""
    );
    println!(
        "{kills} kills, one at each rename, in {:.1} s",
        start.elapsed().as_secs_f64()
    );
}
