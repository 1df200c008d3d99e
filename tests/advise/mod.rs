//! What the tests of `advise` share: running the binary on an answers file, what a failure
//! and a success look like, and answers files to run it on.
#![allow(dead_code)]
// Each test binary uses its own part of this.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};

use crate::common::{BIN, EXAMPLE, temp_dir};

/// The six stable findings (docs/stable-ids.md); every outcome has all of them.
pub const FINDINGS: [&str; 6] = [
    "personal_data",
    "profiling",
    "dpia_required",
    "telecom_rules",
    "legitimate_interest_valid",
    "verdict",
];

/// Runs the binary in `dir` with `args`, feeding `stdin` (or nothing).
pub fn run_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
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
    {
        let mut pipe = child.stdin.take().unwrap();
        if let Some(bytes) = stdin {
            pipe.write_all(bytes).unwrap();
        }
    }
    child.wait_with_output().unwrap()
}

/// Writes `contents` as `file` in a fresh directory for `test` and runs `advise` on it with
/// the extra `args`.
pub fn advise_file(test: &str, file: &str, contents: &[u8], args: &[&str]) -> Output {
    let dir = temp_dir(test);
    std::fs::write(dir.path().join(file), contents).unwrap();
    let mut all = vec!["advise", "--answers", file];
    all.extend_from_slice(args);
    run_in(dir.path(), &all, None)
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// Bad input: exit 2, nothing on stdout, and exactly `line` (one line) on stderr.
#[track_caller]
pub fn assert_bad_input(o: &Output, line: &str) {
    assert!(!line.contains('\n'), "expected line must be one line");
    assert_eq!(o.status.code(), Some(2), "exit code; stderr: {}", stderr(o));
    assert_eq!(stdout(o), "", "nothing on stdout on error");
    assert_eq!(
        stderr(o),
        format!("{line}\n"),
        "the one error line on stderr"
    );
}

/// Bad input where the exact wording is not fixed yet: exit 2, nothing on stdout, one line on
/// stderr that starts with `prefix` and ends with `suffix`.
#[track_caller]
pub fn assert_bad_input_one_line(o: &Output, prefix: &str, suffix: &str) {
    assert_eq!(o.status.code(), Some(2), "exit code; stderr: {}", stderr(o));
    assert_eq!(stdout(o), "", "nothing on stdout on error");
    let err = stderr(o);
    let line = err
        .strip_suffix('\n')
        .unwrap_or_else(|| panic!("stderr ends with a newline: {err:?}"));
    assert!(!line.contains('\n'), "stderr is one line: {err:?}");
    assert!(line.starts_with(prefix), "{line:?} starts with {prefix:?}");
    assert!(line.ends_with(suffix), "{line:?} ends with {suffix:?}");
}

/// Success: exit 0 and the stdout.
#[track_caller]
pub fn assert_ok(o: &Output) -> String {
    assert_eq!(o.status.code(), Some(0), "exit code; stderr: {}", stderr(o));
    stdout(o)
}

/// An answers file with these answers (and no campaign).
pub fn answers(a: Value) -> Vec<u8> {
    serde_json::to_vec_pretty(&json!({ "answers": a })).unwrap()
}

/// The example file with one more answer.
pub fn example_with(id: &str, value: Value) -> Vec<u8> {
    let mut v: Value = serde_json::from_str(EXAMPLE).unwrap();
    v["answers"][id] = value;
    serde_json::to_vec_pretty(&v).unwrap()
}

/// A direct-marketing selection, answered up to (not including) `legal_basis`.
pub fn direct_marketing_without_basis() -> Value {
    json!({
        "use_case": "address_selection",
        "postcode_granularity": "pc6_house_number",
        "envisia_access": "poi_license",
        "distribution": "direct_marketing",
        "audience": ["existing_customers"],
        "channel": ["email"],
        "uses_lending_history": "no"
    })
}

pub const USE_CASE_VALUES: &str = "area_map, coverage_analysis, address_selection, enrichment";
pub const AUDIENCE_VALUES: &str = "existing_customers, new_customers, former_customers, youth_members, parents_of_youth_members, school_library_members";
pub const CHANNEL_VALUES: &str = "addressed_post, email, phone, none";
