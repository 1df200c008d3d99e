//! Which records the register holds (`app::in_register`): finished ones only, and of a chain
//! of revisions the newest finished one; a chain read from files that loops ends.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use avg_wijzer::app::{chains, in_register};
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
        signers: Vec::new(),
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

#[test]
fn a_loop_is_named_unless_a_finished_revision_outside_it_continues_it() {
    use Status::*;
    let records = [
        summary("x", Completed, Some("y")),
        summary("y", Completed, Some("x")),
        summary("z", SignedOff, Some("z")),
        // Continued from outside: the newest revision holds, the loop behind it is history.
        summary("p", SignedOff, Some("q")),
        summary("q", Completed, Some("p")),
        summary("n", Completed, Some("p")),
        // A loop of records in progress says nothing yet.
        summary("i", InProgress, Some("j")),
        summary("j", InProgress, Some("i")),
        summary("d1", Completed, None),
    ];
    let c = chains(&records);
    let ids = |v: &[&Summary]| v.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&c.rows), ["n", "d1"]);
    assert_eq!(ids(&c.looping), ["x", "y", "z"]);
}

#[test]
fn a_long_chain_is_walked_once() {
    use Status::*;
    // 20,000 revisions in one chain, each naming the one before: quadratic work would show.
    let n = 20_000;
    let mut records: Vec<Summary> = (0..n)
        .map(|i| {
            let previous = (i > 0).then(|| format!("r{}", i - 1));
            summary(&format!("r{i}"), Completed, previous.as_deref())
        })
        .collect();
    // And the first names the last: one loop through all of them.
    records[0].previous = Some(format!("r{}", n - 1));
    let started = std::time::Instant::now();
    let c = chains(&records);
    assert!(c.rows.is_empty());
    assert_eq!(c.looping.len(), n);
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
}
