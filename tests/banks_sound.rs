//! Sound banks and the lines `lint` gives about them: the embedded bank, a copy of the shipped
//! bank, and `tests/banks/valid_small`, a small bank that loads and advises but lacks the stable
//! ids (docs/stable-ids.md).
//!
//! Each case runs the real binary in the project directory and checks the exit code and the
//! complete output. Broken banks are in `banks_load` (they do not load) and `banks_lint` (they
//! load but are not sound); what these share is in `common::banks`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;
use std::path::Path;

use serde_json::{Value, json};

mod common;
use common::banks::{
    TempBank, assert_counts_line, assert_load_defects, defects_as_lines, lint, shipped_heading,
};
use common::{ROOT, run_in_root as run};

const SOUND: &str =
    "In orde: elke vraag is bereikbaar en elk pad eindigt in een volledig advies met bronnen.";

#[test]
fn lint_without_dir_passes_the_embedded_bank() {
    let r = run(&["lint"]);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "stdout: {}", r.stdout);
    assert_eq!(
        lines[0],
        format!("ingebouwde vragenbank: {}", shipped_heading())
    );
    assert_counts_line(lines[1]);
    assert_eq!(lines[2], SOUND);
    assert_eq!(r.stderr, "");
    assert_eq!(r.code, Some(0));
}

#[test]
fn lint_passes_a_copy_of_the_shipped_bank() {
    let bank = TempBank::shipped("copy");
    let r = bank.lint();
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "stdout: {}", r.stdout);
    assert_eq!(lines[0], format!("{}: {}", bank.path(), shipped_heading()));
    assert_counts_line(lines[1]);
    assert_eq!(lines[2], SOUND);
    assert_eq!(r.stderr, "");
    assert_eq!(r.code, Some(0));
    // The copy is the same bank as the embedded one: the same counts.
    let embedded = run(&["lint"]);
    assert_eq!(embedded.stdout.lines().nth(1), Some(lines[1]));
}

#[test]
fn lint_takes_the_bank_of_questions_when_no_dir_is_given() {
    let r = run(&["--questions", "tests/banks/invalid_syntax", "lint"]);
    assert_load_defects(
        &r,
        "tests/banks/invalid_syntax",
        &["questions.json:8:7: ongeldige JSON: expected `,` or `}`"],
    );
}

#[test]
fn the_small_bank_loads_and_advises() {
    let r = run(&[
        "--questions",
        "tests/banks/valid_small",
        "advise",
        "--answers",
        "tests/banks/valid_small.answers.json",
        "--format",
        "json",
    ]);
    assert_eq!(r.stderr, "");
    assert_eq!(r.code, Some(0));
    let advice: Value = serde_json::from_str(&r.stdout).expect("advice is JSON");
    assert_eq!(
        advice["findings"],
        json!({ "contact_data": true, "oordeel": "not_allowed" })
    );
    let actions: Vec<(&str, &str)> = advice["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["id"].as_str().unwrap(), a["level"].as_str().unwrap()))
        .collect();
    assert_eq!(
        actions,
        [
            ("record_mailing", "required"),
            ("ask_consent", "recommended")
        ]
    );
    assert_eq!(advice["warnings"][0]["id"], "email_without_consent");
    assert_eq!(advice["notes"][0]["id"], "spam_rules");
    assert_eq!(advice["path"], json!(["activity", "media", "has_consent"]));
    assert_eq!(advice["bank"]["id"], "kleine-testbank");
}

/// The small bank is sound in every way but one: it has none of the stable ids (docs/stable-ids.md),
/// and the lint reports exactly those.
#[test]
fn the_small_bank_lacks_only_the_stable_ids() {
    let stable: Value = serde_json::from_str(
        &fs::read_to_string(Path::new(ROOT).join("assets/stable-ids.json")).unwrap(),
    )
    .unwrap();
    let sorted_keys = |section: &str| {
        let mut keys: Vec<String> = stable[section]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        keys.sort();
        keys
    };
    let mut want: Vec<String> = Vec::new();
    for q in sorted_keys("questions") {
        want.push(format!(
            "vaste vraag \"{q}\" (docs/stable-ids.md) ontbreekt"
        ));
    }
    for f in sorted_keys("findings") {
        want.push(format!(
            "vaste bevinding \"{f}\" (docs/stable-ids.md) ontbreekt"
        ));
    }
    for a in stable["actions"].as_array().unwrap() {
        want.push(format!(
            "vaste actie \"{}\" (docs/stable-ids.md) ontbreekt",
            a.as_str().unwrap()
        ));
    }
    let want: Vec<&str> = want.iter().map(String::as_str).collect();

    let r = lint("tests/banks/valid_small");
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(
        lines[..2],
        [
            "tests/banks/valid_small: vragenbank \"kleine-testbank\" versie 0.1.0",
            "  3 vragen, 5 paden, 3 verschillende uitkomsten (4 toestanden verkend)",
        ]
    );
    assert_eq!(&lines[2..lines.len() - 1], defects_as_lines(&want));
    assert_eq!(
        lines[lines.len() - 1],
        format!("{} gebrek(en) gevonden.", want.len())
    );
    assert_eq!(r.stderr, "");
    assert_eq!(r.code, Some(1));
}
