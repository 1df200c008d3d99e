//! Records made under bank 1.0.0 open under the current bank: the answers that still fit are
//! kept, only what the new rules ask is asked, and the history says so.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;

use avg_wijzer::app::{Event as Found, Workflow};
use avg_wijzer::bank::{Bank, hash_files};
use avg_wijzer::record::{Assessment, Campaign, Event, Record};
use avg_wijzer::store::Store;
use avg_wijzer::text::Lang;
use serde_json::{Value, json};

mod common;
use common::records::answer;
use common::{BANK, ROOT, Scratch};

const T0: &str = "2026-10-01T10:00:00Z";
const T1: &str = "2026-12-01T10:00:00Z";

/// Bank 1.0.0 as it shipped, kept as a fixture.
fn release_1_0_0() -> Bank {
    let mut files: Vec<(String, String)> = fs::read_dir("tests/banks/release_1.0.0")
        .expect("the 1.0.0 bank fixture exists")
        .map(|e| {
            let p = e.expect("a readable entry").path();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, fs::read_to_string(&p).expect("a readable bank file"))
        })
        .collect();
    files.sort();
    Bank::from_files(&files, "bank 1.0.0").expect("bank 1.0.0 loads")
}

#[test]
fn the_fixture_is_the_bank_that_made_the_v2_records() {
    let bank = release_1_0_0();
    assert_eq!(bank.version, "1.0.0");
    let record: Value = serde_json::from_str(
        &fs::read_to_string("tests/records/v2/20261130-055919-8ab0ba4ceb.json").unwrap(),
    )
    .unwrap();
    assert_eq!(record["bank"]["sha256"], json!(bank.sha256));
    let mut files: Vec<(String, String)> = Vec::new();
    for e in fs::read_dir("tests/banks/release_1.0.0").unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        files.push((name, fs::read_to_string(&p).unwrap()));
    }
    assert_eq!(hash_files(&files), bank.sha256);
}

/// A completed 1.0.0 record of a mailing to youth members on consent: 1.0.0 did not count
/// youth members as existing customers, so it never asked how many of them consented.
#[test]
fn a_completed_1_0_0_record_resumes_and_is_asked_only_what_changed() {
    let old = release_1_0_0();
    let mut a = Assessment::start(
        &old,
        "20261001-100000-youth".into(),
        Campaign::default(),
        Vec::new(),
        Lang::Nl,
        T0,
    );
    for (id, v) in [
        (
            "campaign_purpose",
            json!("Jeugdleden mailen over de zomerleesclub"),
        ),
        ("use_case", json!("address_selection")),
        ("postcode_granularity", json!("pc6_house_number")),
        ("envisia_access", json!("poi_license")),
        ("distribution", json!("direct_marketing")),
        ("audience", json!(["youth_members"])),
        ("channel", json!(["email"])),
        ("uses_lending_history", json!("no")),
        ("legal_basis", json!("consent")),
    ] {
        answer(&mut a, id, v, T0);
    }
    assert!(a.record.outcome.is_some(), "complete under 1.0.0");
    assert!(!a.record.answers.contains_key("existing_consent"));
    // As saved and read back.
    let saved = serde_json::to_string(&a.record).unwrap();
    let record: Record = serde_json::from_str(&saved).unwrap();
    let answers_before = record.answers.clone();

    let new = Bank::embedded().unwrap();
    assert_ne!(new.version, "1.0.0", "the current bank is a later version");
    let resumed = Assessment::resume(&new, record, T1);
    // Every answer still fits and is kept.
    assert_eq!(resumed.record.answers, answers_before);
    let walk = resumed.session.walk(&new);
    assert_eq!(
        walk.pending.map(|q| new.questions[q].id.as_str()),
        Some("existing_consent"),
        "youth members are existing customers now: their consent is asked"
    );
    match resumed.record.history.last() {
        Some(Event::BankChanged {
            from,
            to,
            dropped,
            asks,
            ..
        }) => {
            assert_eq!(from.version, "1.0.0");
            assert_eq!(to.version, new.version);
            assert!(dropped.is_empty(), "nothing dropped: {dropped:?}");
            assert_eq!(asks, &vec!["existing_consent".to_string()]);
        }
        other => panic!("expected a bank change last, got {other:?}"),
    }

    // Answering the one new question completes it again, with advice of the new bank.
    let mut resumed = resumed;
    answer(&mut resumed, "existing_consent", json!("some"), T0);
    let advice = resumed.record.outcome.as_ref().expect("complete again");
    assert_eq!(advice.bank.version, new.version);
    assert!(
        advice
            .actions
            .iter()
            .any(|x| x.id == "consent_transition_plan"),
        "not every youth member consented: the transition plan applies"
    );
}

/// The signed and revised records of format 2 were made under 1.0.0; they open under the
/// current bank, keep every answer that still fits, and say what changed.
#[test]
fn the_v2_fixtures_reopen_under_the_current_bank() {
    let new = Bank::embedded().unwrap();
    for name in [
        "20261130-055919-8ab0ba4ceb.json",
        "20261130-055922-afd35ba60b.json",
    ] {
        let text = fs::read_to_string(format!("tests/records/v2/{name}")).unwrap();
        let record: Record = serde_json::from_str(&text).unwrap();
        let before = record.answers.clone();
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(name), &text).unwrap();
        let wf = Workflow::new(&new, Some(Store::open(dir.path()).unwrap()), false)
            .with_clock(|| T1.into());
        let opened = wf.open(&record.id).unwrap();
        let [
            Found::BankChanged {
                from,
                dropped,
                asks: _,
                recheck: _,
                to: _,
            },
        ] = opened.events.as_slice()
        else {
            panic!("{name}: one bank change, not {:?}", opened.events);
        };
        assert_eq!(from.version, "1.0.0", "{name}");
        for d in dropped {
            assert!(before.contains_key(&d.question), "{name}: {d:?}");
        }
        let kept = opened.work.record().answers.len() + dropped.len();
        assert_eq!(
            kept,
            before.len(),
            "{name}: every answer kept or said dropped"
        );
        // Opening writes nothing: the signed record is as it was.
        assert_eq!(fs::read_to_string(dir.path().join(name)).unwrap(), text);
    }
}

/// End to end: a record the 1.0.0 bank made, continued in plain mode under the current bank,
/// says the bank was updated and asks the one new question by its text.
#[test]
fn plain_mode_says_the_bank_was_updated_and_asks_what_is_new() {
    let s = Scratch::new("migration");
    let answers = json!({
        "campaign": { "name": "Zomerleesclub" },
        "answers": {
            "campaign_purpose": "Jeugdleden mailen",
            "use_case": "address_selection",
            "postcode_granularity": "pc6_house_number",
            "envisia_access": "poi_license",
            "distribution": "direct_marketing",
            "audience": ["youth_members"],
            "channel": ["email"],
            "uses_lending_history": "no",
            "legal_basis": "consent"
        }
    });
    s.write("a.json", answers.to_string());
    let bank = std::path::Path::new(ROOT).join("tests/banks/release_1.0.0");
    let new = s.run(&[
        "--questions",
        bank.to_str().unwrap(),
        "new",
        "--answers",
        "a.json",
    ]);
    new.assert_ok();
    let id = new.stdout.trim().to_string();
    let current = &*BANK;
    let resumed = s.run_fed(&["--plain", "--resume", &id], b"2\n");
    let out = resumed.stdout;
    assert_eq!(resumed.code, 0, "{out}");
    assert!(
        out.contains(&format!("1.0.0 → {}", current.version)),
        "the bank update is named: {out}"
    );
    let prompt = current
        .question("existing_consent")
        .unwrap()
        .prompt
        .nl
        .clone();
    let told = out
        .find("Nieuw voor dit plan")
        .expect("the new question is announced");
    // Wrapped to the terminal: compare the words.
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words(&out[told..]).contains(&words(&prompt)), "{out}");
    // The answer given ("een deel") completes the record under the current bank.
    let record: Value =
        serde_json::from_str(&fs::read_to_string(s.record_path(&id)).unwrap()).unwrap();
    assert_eq!(
        record["answers"]["existing_consent"]["value"],
        json!("some")
    );
    assert_eq!(record["outcome"]["bank"]["version"], json!(current.version));
}
