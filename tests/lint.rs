//! The lint shares work between paths: a bank made of ten copies of the shipped one costs about
//! ten times the work, not the product of the copies' paths. Counted in explored states, not
//! timed (timing is the benchmark's job).
use avg_wijzer::bank::{Bank, EMBEDDED, lint::lint, scale::scaled};

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
