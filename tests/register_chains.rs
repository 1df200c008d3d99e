//! Which records the register holds (`app::in_register`): finished ones only, and of a chain
//! of revisions the newest finished one; a chain read from files that loops ends.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use avg_wijzer::app::in_register;
use avg_wijzer::record::Status;
use avg_wijzer::store::Summary;

fn summary(id: &str, status: Status, previous: Option<&str>) -> Summary {
    Summary {
        id: id.into(),
        file: format!("{id}.json"),
        campaign: String::new(),
        status,
        created: String::new(),
        updated: String::new(),
        revision: 1,
        previous: previous.map(str::to_string),
        verdict: None,
        verdict_label: None,
        decision: None,
        bank_version: String::new(),
        answers: 0,
        plan: None,
    }
}

fn ids(records: &[Summary]) -> Vec<&str> {
    in_register(records).iter().map(|s| s.id.as_str()).collect()
}

#[test]
fn only_the_newest_finished_revision_of_a_chain() {
    use Status::*;
    let records = [
        summary("a1", SignedOff, None),
        summary("a2", SignedOff, Some("a1")),
        summary("a3", Completed, Some("a2")),
        // A newer revision still in progress leaves the row on the one before it.
        summary("b1", SignedOff, None),
        summary("b2", InProgress, Some("b1")),
        summary("c1", InProgress, None),
        summary("d1", Completed, None),
        // A revision of a record that is not in the store.
        summary("e2", Completed, Some("gone")),
    ];
    assert_eq!(ids(&records), ["a3", "b1", "d1", "e2"]);
}

#[test]
fn a_chain_that_loops_ends() {
    use Status::*;
    let records = [
        summary("x", Completed, Some("y")),
        summary("y", Completed, Some("x")),
        summary("z", SignedOff, Some("z")),
    ];
    // Each continues the other: both are superseded, and the walk stops.
    assert_eq!(ids(&records), Vec::<&str>::new());
}
