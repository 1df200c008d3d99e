//! The lint shares work between paths: a bank made of ten copies of the shipped one costs about
//! ten times the work, not the product of the copies' paths. Counted in explored states, not
//! timed (timing is the benchmark's job).
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use avg_wijzer::bank::{Bank, EMBEDDED, lint::lint};

// The benchmark's bank scaler, shared with it rather than shipped in the program.
#[path = "../benches/scale.rs"]
mod scale;
use scale::scaled;

fn files() -> Vec<(String, String)> {
    EMBEDDED
        .iter()
        .map(|(n, c)| (n.to_string(), c.to_string()))
        .collect()
}

#[test]
fn the_shipped_bank_is_sound() {
    let bank = Bank::embedded().unwrap();
    let report = lint(&bank);
    assert!(report.is_sound(), "{:#?}", report.defects);
    assert_eq!(report.questions, bank.questions.len());
    assert!(report.paths > 1000 && report.outcomes > 100, "{report:?}");
}

#[test]
fn ten_copies_cost_ten_times_the_work() {
    let one = lint(&Bank::embedded().unwrap());
    let ten_files = scaled(&files(), 10).unwrap();
    let ten = lint(&Bank::from_files(&ten_files, "x10").unwrap());
    assert!(ten.is_sound(), "{:#?}", ten.defects);
    // Each copy is its own sub-tree: paths and outcomes add up, and so does the work.
    assert_eq!(ten.paths, 10 * one.paths);
    assert!(
        ten.outcomes >= one.outcomes && ten.outcomes <= 10 * one.outcomes,
        "{} vs {}",
        ten.outcomes,
        one.outcomes
    );
    assert!(
        ten.states <= 10 * one.states + 20,
        "states grew faster than the bank: {} vs 10 × {}",
        ten.states,
        one.states
    );
}

#[test]
fn the_build_time_hash_is_the_hash_of_the_embedded_files() {
    assert_eq!(
        avg_wijzer::bank::hash_files(&files()),
        avg_wijzer::bank::EMBEDDED_SHA256
    );
    assert_eq!(
        Bank::embedded().unwrap().sha256,
        avg_wijzer::bank::EMBEDDED_SHA256
    );
}

/// `docs/stable-ids.md` documents exactly the ids of `assets/stable-ids.json`: every question
/// with its options, every finding with its values, every action, and nothing else.
#[test]
fn the_stable_ids_page_lists_exactly_the_stable_ids() {
    use std::collections::BTreeSet;
    let list: serde_json::Value =
        serde_json::from_str(include_str!("../assets/stable-ids.json")).unwrap();
    let page = include_str!("../docs/stable-ids.md");
    // The first cell of each table row, per section.
    let mut rows: Vec<(String, String, String)> = Vec::new();
    let mut section = String::new();
    for line in page.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            section = h.to_string();
        } else if let Some(row) = line.strip_prefix("| `") {
            let (id, rest) = row.split_once('`').unwrap();
            rows.push((section.clone(), id.to_string(), rest.to_string()));
        }
    }
    let ids = |s: &str| -> BTreeSet<String> {
        rows.iter()
            .filter(|(sec, ..)| sec == s)
            .map(|(_, id, _)| id.clone())
            .collect()
    };
    let keys =
        |k: &str| -> BTreeSet<String> { list[k].as_object().unwrap().keys().cloned().collect() };
    assert_eq!(ids("Questions"), keys("questions"));
    assert_eq!(ids("Findings"), keys("findings"));
    let actions: BTreeSet<String> = list["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids("Actions"), actions);
    // Every option and value is named on its row.
    for (section, key) in [("Questions", "questions"), ("Findings", "findings")] {
        for (id, spec) in list[key].as_object().unwrap() {
            let row = &rows
                .iter()
                .find(|(s, i, _)| s == section && i == id)
                .unwrap()
                .2;
            let values = if key == "questions" { &spec[1] } else { spec };
            for v in values.as_array().unwrap() {
                let shown = match v {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                assert!(
                    row.contains(&format!("`{shown}`")),
                    "{id}: {shown} not on its row"
                );
            }
        }
    }
}
