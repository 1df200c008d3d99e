//! What the action plan's tests share: clocks, a workflow on a scratch store, records started
//! from answers, and a record whose plan changed before it was signed off with the FG's key.
use std::fs;
use std::path::Path;

use serde_json::Value;

use avg_wijzer::answers;
use avg_wijzer::app::{PlanChange as Change, Saved, SignOffInput, Work, Workflow};
use avg_wijzer::record::plan::{Field, ItemStatus};
use avg_wijzer::record::{Campaign, Decision, Participant};
use avg_wijzer::text::Lang;

use super::{BANK, EXAMPLE, KEY_PUB, PRINCIPAL, Scratch};

pub const KEY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/keys/fg_ed25519");
pub const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/records");

pub fn jan5() -> String {
    "2027-01-05T09:00:00Z".into()
}
pub fn jan20() -> String {
    "2027-01-20T09:00:00Z".into()
}
pub fn feb1() -> String {
    "2027-02-01T09:00:00Z".into()
}

pub fn workflow(s: &Scratch, clock: fn() -> String) -> Workflow<'static> {
    Workflow::new(&BANK, Some(s.open_store()), false).with_clock(clock)
}

/// A completed record of `answers`, started (and saved) by `wf`.
pub fn started(wf: &Workflow<'static>, answers: &str) -> Work<'static> {
    let parsed = answers::assess(&BANK, "test", answers).unwrap();
    let (work, saved) = wf
        .start_answered(
            Campaign {
                name: "Voorjaarsactie 2027".into(),
                ..Campaign::default()
            },
            vec![Participant {
                name: "A. de Vries".into(),
                role: "marketing".into(),
            }],
            Lang::Nl,
            &parsed.session,
        )
        .unwrap();
    assert_eq!(saved, Saved::Yes);
    work
}

pub fn change() -> Change {
    Change::default()
}

pub fn status(s: ItemStatus) -> Change {
    Change {
        status: Some(s),
        ..change()
    }
}

pub fn file(s: &Scratch, id: &str) -> Value {
    serde_json::from_str(&fs::read_to_string(s.record_path(id)).unwrap()).unwrap()
}

/// The record file without its plan: the sealed content, integrity and signature.
pub fn without_plan(mut v: Value) -> Value {
    v.as_object_mut().unwrap().remove("plan");
    v
}

pub fn allowed_signers(s: &Scratch) -> String {
    let path = s.write(
        "allowed_signers",
        format!("{PRINCIPAL} namespaces=\"avg-wijzer\" {KEY_PUB}"),
    );
    path.to_str().unwrap().to_string()
}

/// A record whose plan was changed before the sign-off (item 2: owner, date, in progress),
/// signed off with the FG's key; its id.
pub fn signed_with_plan(s: &Scratch) -> String {
    let wf = workflow(s, jan5);
    let mut work = started(&wf, EXAMPLE);
    let done = wf
        .plan(
            &mut work,
            "2",
            &Change {
                owner: Some("A. de Vries".into()),
                due: Some("2027-01-15".into()),
                status: Some(ItemStatus::InProgress),
                by: Some("A. de Vries".into()),
                ..change()
            },
        )
        .unwrap();
    assert_eq!(done.action, "update_privacy_statement");
    assert_eq!(
        done.changes.iter().map(|c| c.field).collect::<Vec<_>>(),
        [Field::Owner, Field::Due, Field::Status]
    );
    assert_eq!(done.saved, Saved::Yes);
    wf.sign_off(
        &mut work,
        SignOffInput {
            name: "B. Jansen",
            date: "2027-01-05",
            decision: Decision::ApprovedWithConditions,
            role: "FG",
            conditions: "Eerst de privacyverklaring aanpassen.",
            remarks: "",
            also: &[],
        },
        Some(Path::new(KEY)),
        |_| Ok(String::new()),
    )
    .unwrap();
    work.record().id.clone()
}

/// A fixture copied into the store.
pub fn fixture(s: &Scratch, version: &str, id: &str) -> Vec<u8> {
    let bytes = fs::read(format!("{FIXTURES}/{version}/{id}.json")).unwrap();
    fs::create_dir_all(s.store()).unwrap();
    fs::write(s.record_path(id), &bytes).unwrap();
    bytes
}
