//! The workflow layer's policies, each the same for every front end: a signed-off record
//! becomes a new revision only at a real change and never on opening; a sign-off after a
//! bank change needs the current advice shown first; a save refused because another process
//! saved says so; the list shows every record as last written.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;
use std::path::Path;

use serde_json::{Value, json};

use avg_wijzer::app::{
    Event, SaveFailure, Saved, SignOffError, SignOffInput, Workflow, keep_listed,
};
use avg_wijzer::bank::Bank;
use avg_wijzer::engine::Session;
use avg_wijzer::record::{Campaign, Decision, Refusal, Status};
use avg_wijzer::store::{Listing, Store, Summary};
use avg_wijzer::text::Lang;

const NOW: &str = "2026-11-30T10:00:00Z";

fn now() -> String {
    NOW.into()
}

fn embedded() -> Bank {
    Bank::embedded().expect("embedded bank")
}

/// Bank 1.0.0 as it shipped (a fixture): records made with it meet a changed bank.
fn release_1_0_0() -> Bank {
    let dir = Path::new("tests/banks/release_1.0.0");
    let mut files: Vec<(String, String)> = fs::read_dir(dir)
        .expect("the fixture")
        .map(|e| {
            let p = e.expect("an entry").path();
            let name = p
                .file_name()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            (name, fs::read_to_string(&p).expect("a bank file"))
        })
        .collect();
    files.sort();
    Bank::from_files(&files, "bank 1.0.0").expect("bank 1.0.0 loads")
}

fn workflow<'b>(bank: &'b Bank, dir: &Path) -> Workflow<'b> {
    Workflow::new(bank, Some(Store::open(dir).expect("store")), false).with_clock(now)
}

fn session(bank: &Bank, answers: &[(&str, Value)]) -> Session {
    let mut s = Session::new(bank);
    for (id, v) in answers {
        let q = bank.question_id(id).expect("a question");
        let a = bank.questions[q].parse_answer(v).expect("an answer");
        s.set(bank, q, a).expect("taken");
    }
    s
}

const AREA_MAP: [(&str, &str); 2] = [
    ("campaign_purpose", "Leesbevordering"),
    ("use_case", "area_map"),
];

/// A complete record (an area map), saved; its id.
fn complete(wf: &Workflow) -> String {
    let answers: Vec<(&str, Value)> = AREA_MAP.iter().map(|(q, v)| (*q, json!(v))).collect();
    let (work, saved) = wf
        .start_answered(
            Campaign {
                name: "Wijkkaart".into(),
                ..Campaign::default()
            },
            Vec::new(),
            Lang::Nl,
            &session(wf.bank, &answers),
        )
        .expect("answered");
    assert_eq!(saved, Saved::Yes);
    assert!(work.record().outcome.is_some(), "complete");
    work.record().id.clone()
}

fn sign<'b>(
    wf: &Workflow<'b>,
    work: &mut avg_wijzer::app::Work<'b>,
) -> Result<Saved, SignOffError> {
    let input = SignOffInput {
        name: "F. de Vries",
        date: "2026-11-30",
        decision: Decision::Approved,
        remarks: "",
        role: "FG",
        conditions: "",
        also: &[],
    };
    wf.sign_off(work, input, None, |_| unreachable!("no key"))
        .map(|c| c.saved)
}

/// A complete record, signed off; its id and its file's bytes.
fn signed(wf: &Workflow, dir: &Path) -> (String, Vec<u8>) {
    let id = complete(wf);
    let mut work = wf.open(&id).expect("opens").work;
    assert_eq!(sign(wf, &mut work).expect("signed"), Saved::Yes);
    let bytes = fs::read(dir.join(format!("{id}.json"))).expect("the file");
    (id, bytes)
}

fn files(dir: &Path) -> usize {
    Store::open(dir).unwrap().list().unwrap().records.len()
}

#[test]
fn opening_a_signed_record_writes_nothing_and_no_revision() {
    let dir = tempfile::tempdir().unwrap();
    let bank = embedded();
    let wf = workflow(&bank, dir.path());
    let (id, bytes) = signed(&wf, dir.path());
    let opened = wf.open(&id).expect("opens");
    assert!(opened.events.is_empty(), "{:?}", opened.events);
    assert!(opened.work.must_revise());
    drop(opened);
    assert_eq!(
        fs::read(dir.path().join(format!("{id}.json"))).unwrap(),
        bytes
    );
    assert_eq!(files(dir.path()), 1);
}

#[test]
fn a_signed_record_becomes_a_revision_at_a_real_change_only() {
    let dir = tempfile::tempdir().unwrap();
    let bank = embedded();
    let wf = workflow(&bank, dir.path());
    let (id, bytes) = signed(&wf, dir.path());
    let mut work = wf.open(&id).expect("opens").work;
    let q = bank.question_id("use_case").unwrap();
    // The same answer again, and the same (empty) note: no change, nothing written.
    let same = bank.questions[q].parse_answer(&json!("area_map")).unwrap();
    let changed = wf.answer(&mut work, q, same).expect("taken");
    assert_eq!((changed.events.len(), changed.saved), (0, Saved::Unchanged));
    let changed = wf.note(&mut work, None, "").expect("taken");
    assert_eq!(changed.saved, Saved::Unchanged);
    assert_eq!(files(dir.path()), 1);
    assert_eq!(work.record().id, id);
    // A refused answer makes nothing either.
    let refused = wf.note(&mut work, Some("geen_vraag"), "x");
    assert_eq!(refused, Err(Refusal::UnknownQuestion("geen_vraag".into())));
    assert_eq!(files(dir.path()), 1);
    // A real change: a new revision, saved as a file of its own; the signed one untouched.
    let changed = wf
        .note(&mut work, None, "Besproken met de FG")
        .expect("taken");
    let [Event::Revised { from, to, altered }] = changed.events.as_slice() else {
        panic!("one revision, not {:?}", changed.events);
    };
    assert_eq!((from.as_str(), *altered), (id.as_str(), false));
    assert_eq!(to, &work.record().id);
    assert_eq!(changed.saved, Saved::Yes);
    assert_eq!(work.record().revision, 2);
    assert!(
        !work.must_revise(),
        "the revision itself is changed in place"
    );
    assert_eq!(files(dir.path()), 2);
    assert_eq!(
        fs::read(dir.path().join(format!("{id}.json"))).unwrap(),
        bytes
    );
}

#[test]
fn a_sign_off_after_a_bank_change_needs_the_advice_shown() {
    let dir = tempfile::tempdir().unwrap();
    let old = release_1_0_0();
    let id = complete(&workflow(&old, dir.path()));
    let file = dir.path().join(format!("{id}.json"));
    let before = fs::read(&file).unwrap();
    let bank = embedded();
    let wf = workflow(&bank, dir.path());
    let opened = wf.open(&id).expect("opens");
    assert!(
        matches!(opened.events.as_slice(), [Event::BankChanged { from, .. }] if from.version == "1.0.0"),
        "{:?}",
        opened.events
    );
    let mut work = opened.work;
    assert!(!work.may_sign_off());
    match sign(&wf, &mut work) {
        Err(SignOffError::BankChangedUnseen { id: said, from }) => {
            assert_eq!(
                (said.as_str(), from.version.as_str()),
                (id.as_str(), "1.0.0")
            )
        }
        other => panic!("refused, not {other:?}"),
    }
    assert!(work.record().signoff.is_none());
    assert_eq!(
        fs::read(&file).unwrap(),
        before,
        "opening and refusing write nothing"
    );
    // Shown (as the interface and the plain mode do before they offer a sign-off): signed,
    // and the bank change is saved with it.
    work.shown();
    assert_eq!(sign(&wf, &mut work).expect("signed"), Saved::Yes);
    let saved = Store::open(dir.path()).unwrap().load(&id).unwrap();
    assert!(saved.unverified.is_none());
    assert_eq!(saved.record.status, Status::SignedOff);
    assert_eq!(saved.record.bank.version, bank.version);
}

#[test]
fn a_save_refused_because_another_process_saved_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let bank = embedded();
    let wf = workflow(&bank, dir.path());
    let id = complete(&wf);
    let mut work = wf.open(&id).expect("opens").work;
    // Another window saves the record meanwhile.
    let other = Store::open(dir.path()).unwrap();
    let mut r = other.load(&id).unwrap().record;
    r.campaign.name = "Ander venster".into();
    other.save(&mut r).unwrap();
    let changed = wf.note(&mut work, None, "Eigen notitie").expect("taken");
    match &changed.saved {
        Saved::Failed(SaveFailure::SavedElsewhere(why)) => {
            assert_eq!(why.id, id);
            let (nl, en) = (why.said(Lang::Nl), why.said(Lang::En));
            assert!(nl.contains("ander venster of proces"), "{nl}");
            assert!(en.contains("another window or process"), "{en}");
        }
        other => panic!("refused as saved elsewhere, not {other:?}"),
    }
    assert!(work.is_unsaved());
    let on_disk = other.load(&id).unwrap().record;
    assert_eq!(
        on_disk.campaign.name, "Ander venster",
        "the other save stays"
    );
}

#[test]
fn a_sign_off_that_cannot_be_signed_is_taken_back() {
    let dir = tempfile::tempdir().unwrap();
    let bank = embedded();
    let wf = workflow(&bank, dir.path());
    let id = complete(&wf);
    let file = dir.path().join(format!("{id}.json"));
    let before = fs::read(&file).unwrap();
    let mut work = wf.open(&id).expect("opens").work;
    let input = SignOffInput {
        name: "F. de Vries",
        date: "2026-11-30",
        decision: Decision::Rejected,
        remarks: "",
        role: "FG",
        conditions: "",
        also: &[],
    };
    let missing = dir.path().join("geen-sleutel");
    let result = wf.sign_off(&mut work, input, Some(&missing), |_| unreachable!());
    assert!(matches!(result, Err(SignOffError::Key(_))), "{result:?}");
    assert!(work.record().signoff.is_none() && !work.must_revise());
    assert_eq!(fs::read(&file).unwrap(), before);
    // A signed record is not signed again.
    assert_eq!(sign(&wf, &mut work).unwrap(), Saved::Yes);
    assert!(matches!(
        sign(&wf, &mut work),
        Err(SignOffError::Refused(Refusal::Frozen))
    ));
}

#[test]
fn the_list_shows_a_record_as_last_written() {
    let dir = tempfile::tempdir().unwrap();
    let bank = embedded();
    let wf = workflow(&bank, dir.path());
    let first = complete(&wf);
    let second = complete(&wf);
    let mut listing: Listing<Summary> = wf.list().unwrap();
    let mut work = wf.open(&first).expect("opens").work;
    sign(&wf, &mut work).expect("signed");
    keep_listed(&mut listing, work.record());
    // What the store lists after the sign-off, the list kept in step shows too.
    let fresh = wf.list().unwrap();
    let rows = |l: &Listing<Summary>| -> Vec<(String, &'static str)> {
        let mut rows: Vec<_> = l
            .records
            .iter()
            .map(|s| (s.id.clone(), s.status.label(Lang::En)))
            .collect();
        rows.sort();
        rows
    };
    assert_eq!(rows(&listing), rows(&fresh));
    assert_eq!(
        listing.records[0].id, first,
        "the record just written on top"
    );
    assert_eq!(listing.records[0].status, Status::SignedOff);
    assert!(listing.records.iter().any(|s| s.id == second));
}

/// A new record added to a list read with room for exactly its rows takes a little room, not
/// twice the rows (with 10,000 records that was the interface's peak memory).
#[test]
fn a_new_record_does_not_double_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let bank = embedded();
    let wf = workflow(&bank, dir.path());
    let ids: Vec<String> = (0..40).map(|_| complete(&wf)).collect();
    let mut listing: Listing<Summary> = wf.list().unwrap();
    listing.records.shrink_to_fit();
    let work = wf.open(&ids[0]).expect("opens").work;
    let (new, _) = wf.start(Campaign::default(), Vec::new(), Lang::En);
    keep_listed(&mut listing, work.record());
    keep_listed(&mut listing, new.record());
    assert_eq!(listing.records.len(), 41);
    assert!(
        listing.records.capacity() <= 41 + 16,
        "room for {} rows",
        listing.records.capacity()
    );
}

#[test]
fn without_a_store_changes_stay_in_memory() {
    let bank = embedded();
    let wf = Workflow::new(&bank, None, false).with_clock(now);
    let (mut work, saved) = wf.start(Campaign::default(), Vec::new(), Lang::En);
    assert_eq!(saved, Saved::NoStore);
    let q = bank.question_id("campaign_purpose").unwrap();
    let a = bank.questions[q].parse_answer(&json!("Lezen")).unwrap();
    let changed = wf.answer(&mut work, q, a).unwrap();
    assert_eq!(changed.saved, Saved::NoStore);
    assert!(!work.is_unsaved());
    assert!(
        wf.open("20261130").is_err(),
        "nothing to open without a store"
    );
}
