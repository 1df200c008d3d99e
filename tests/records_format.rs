//! The accountability record's file format (docs/record.schema.json): it round-trips, every
//! record these tests write matches the JSON Schema published in `docs/record.schema.json`, the
//! fixtures under `tests/records/v1/` (format version 1) open, verify and show forever, and
//! reading says what is wrong with a file that is not a record.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;
use std::sync::LazyLock;

use serde_json::{Value, json};

use avg_wijzer::export;
use avg_wijzer::record::{
    self, Assessment, Campaign, Decision, Event, GivenAnswer, Record, Status, Unreadable,
};
use avg_wijzer::text::Lang;

mod common;
use common::records::{
    FIXED_ID, answer, answer_all, event_kinds, example_record, example_with, fixed_record,
    in_progress_record,
};
use common::{BANK, SCHEMA, Scratch, VALIDATOR, assert_record_file, schema_errors};

const FIXTURES_V1: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/records/v1");

// ---------------------------------------------------------------------------------------------
// The format: schema and round trip

#[test]
fn the_schema_is_a_valid_draft_2020_12_schema() {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    jsonschema::draft202012::meta::validate(&schema)
        .unwrap_or_else(|e| panic!("docs/record.schema.json is not a valid 2020-12 schema: {e}"));
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["properties"]["format"]["const"], record::FORMAT);
    assert_eq!(
        schema["properties"]["format_version"]["const"],
        record::VERSION
    );
    // Compiles.
    LazyLock::force(&VALIDATOR);
}

#[test]
fn records_round_trip_and_match_the_schema() {
    let signed = fixed_record();
    let in_progress = in_progress_record("20270201-100000-00000000b1");
    let completed = example_record("20270301-120000-00000000c1", "2027-03-01T12:00:00Z");
    let revision = {
        let bank = &*BANK;
        let a = Assessment::resume(bank, signed.clone(), "2027-01-03T08:00:00Z");
        let mut b = a.revise(
            "20270103-080000-00000000d1".into(),
            "2027-01-03T08:00:00Z",
            None,
        );
        answer(
            &mut b,
            "existing_consent",
            json!("all"),
            "2027-01-03T08:01:00Z",
        );
        b.record
    };
    assert_eq!(revision.revision, 2);
    assert_eq!(
        revision.previous.as_ref().map(|p| p.id.as_str()),
        Some(FIXED_ID)
    );
    // A plan the bank does not allow: its advice carries what blocks it and the remedies.
    let blocked = {
        let now = "2027-03-02T12:00:00Z";
        let mut a = Assessment::start(
            &BANK,
            "20270302-120000-00000000c2".into(),
            Campaign::default(),
            vec![],
            Lang::Nl,
            now,
        );
        let src = example_with(json!({
            "audience": ["existing_customers", "school_library_members"]
        }));
        answer_all(&mut a, &src, now);
        let mut r = a.record;
        r.seal();
        r
    };
    let advice = blocked.outcome.as_ref().expect("complete");
    assert!(advice.blocking.is_some() && !advice.remedies.is_empty());
    let again = Assessment::resume(&BANK, blocked.clone(), "2027-03-02T12:00:00Z");
    assert_eq!(
        again.record.outcome, blocked.outcome,
        "the advice follows again"
    );
    for (what, mut r) in [
        ("signed off", signed),
        ("in progress", in_progress),
        ("completed", completed),
        ("revision", revision),
        ("not allowed", blocked),
    ] {
        let text = r.to_json();
        assert_record_file(&text, what);
        let back = record::parse(&text).unwrap();
        assert_eq!(back, r, "{what}: parse(to_json(r)) == r");
        let mut again = back.clone();
        assert_eq!(again.to_json(), text, "{what}: serialising is stable");
    }
}

#[test]
fn the_statuses_match_what_the_record_holds() {
    let r = fixed_record();
    assert_eq!(r.status, Status::SignedOff);
    assert!(r.outcome.is_some() && r.signoff.is_some() && r.completed.is_some());
    let r = in_progress_record("20270201-100000-00000000b1");
    assert_eq!(r.status, Status::InProgress);
    assert!(r.outcome.is_none() && r.completed.is_none());
    assert_eq!(
        event_kinds(&fixed_record()),
        [
            vec!["created"],
            vec!["answered"; 10],
            vec!["completed", "changed", "note", "note", "signed_off"],
        ]
        .concat()
    );
}

#[test]
fn the_schema_rejects_what_the_program_would_not_write() {
    let mut r = fixed_record();
    let good: Value = serde_json::from_str(&r.to_json()).unwrap();
    assert!(schema_errors(&good).is_empty());
    type Change = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Change)> = vec![
        ("unknown field", Box::new(|v| v["extra"] = json!(1))),
        (
            "missing field",
            Box::new(|v| {
                v.as_object_mut().unwrap().remove("history");
            }),
        ),
        ("foreign format", Box::new(|v| v["format"] = json!("x"))),
        (
            "future version",
            Box::new(|v| v["format_version"] = json!(4)),
        ),
        (
            "history event without its chain hash",
            Box::new(|v| {
                v["history"][0].as_object_mut().unwrap().remove("hash");
            }),
        ),
        (
            "previous as a bare id (format 1)",
            Box::new(|v| {
                v["revision"] = json!(2);
                v["previous"] = json!("20261123-061428-f07db3e4a9");
            }),
        ),
        ("bad status", Box::new(|v| v["status"] = json!("done"))),
        (
            "time with offset",
            Box::new(|v| v["created"] = json!("2027-01-01T01:00:00+01:00")),
        ),
        (
            "time without seconds",
            Box::new(|v| v["updated"] = json!("2027-01-01T00:00Z")),
        ),
        ("bad id", Box::new(|v| v["id"] = json!("../etc/passwd"))),
        (
            "unknown event",
            Box::new(|v| v["history"][1]["event"] = json!("deleted")),
        ),
        (
            "extra field in an event",
            Box::new(|v| v["history"][0]["by"] = json!("x")),
        ),
        (
            "history not starting with created",
            Box::new(|v| {
                v["history"].as_array_mut().unwrap().remove(0);
            }),
        ),
        (
            "number as an answer",
            Box::new(|v| v["answers"]["channel"]["value"] = json!(3)),
        ),
        (
            "answer without time",
            Box::new(|v| {
                v["answers"]["channel"]
                    .as_object_mut()
                    .unwrap()
                    .remove("at");
            }),
        ),
        (
            "bad decision",
            Box::new(|v| v["signoff"]["decision"] = json!("maybe")),
        ),
        (
            "sign-off date as a time",
            Box::new(|v| v["signoff"]["date"] = json!("2027-01-02T00:00:00Z")),
        ),
        (
            "signed off without sign-off",
            Box::new(|v| v["signoff"] = Value::Null),
        ),
        (
            "completed without advice",
            Box::new(|v| {
                v["status"] = json!("completed");
                v["signoff"] = Value::Null;
                v["outcome"] = Value::Null;
            }),
        ),
        (
            "revision 2 without previous",
            Box::new(|v| v["revision"] = json!(2)),
        ),
        (
            "unknown integrity part",
            Box::new(|v| v["integrity"]["parts"]["extra"] = json!("0".repeat(64))),
        ),
        (
            "short hash",
            Box::new(|v| v["integrity"]["hash"] = json!("abc")),
        ),
        ("bad language", Box::new(|v| v["lang"] = json!("de"))),
        (
            "bad action level",
            Box::new(|v| v["outcome"]["actions"][0]["level"] = json!("optional")),
        ),
    ];
    for (what, change) in cases {
        let mut v = good.clone();
        change(&mut v);
        assert!(
            !schema_errors(&v).is_empty(),
            "the schema accepts a record with {what}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Fixtures of every format version

fn fixtures_v1() -> Vec<(PathBuf, String)> {
    let mut files: Vec<(PathBuf, String)> = fs::read_dir(FIXTURES_V1)
        .expect("tests/records/v1 exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let text = fs::read_to_string(&p).unwrap();
            (p, text)
        })
        .collect();
    files.sort();
    assert!(files.len() >= 3, "the v1 fixtures are there");
    files
}

#[test]
fn every_v1_fixture_opens_verifies_and_shows() {
    for (path, text) in fixtures_v1() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["format_version"], 1, "{name} is a version 1 record");
        assert_record_file(&text, &name);
        let r = record::parse(&text).unwrap();
        assert_eq!(format!("{}.json", r.id), name);

        // The current writer still writes version 1 byte for byte: a change to the format
        // needs a new format version (and a migration, and a v2 fixture).
        if record::VERSION == 1 {
            let mut again = r.clone();
            assert_eq!(
                again.to_json(),
                text,
                "{name}: version 1 is no longer written as it was; bump record::VERSION"
            );
        }

        // The binary: verify by path, then list, show and export from a store.
        let s = Scratch::new("fixture");
        let out = s.run(&["verify", path.to_str().unwrap()]);
        out.assert_ok();
        assert!(
            out.stdout.starts_with(&format!(
                "{}: intact — verslag {} (revisie {}), sha256 {}\n  geschiedenis: {} gebeurtenissen (formaat 1, nog zonder hashketen)\n",
                path.display(),
                r.id,
                r.revision,
                r.integrity.hash,
                r.history.len()
            )),
            "{}",
            out.stdout
        );
        fs::create_dir_all(s.store()).unwrap();
        fs::copy(&path, s.store().join(&name)).unwrap();
        let out = s.run(&["list"]);
        out.assert_ok();
        assert!(out.stdout.contains(&r.id), "{}", out.stdout);
        assert!(!out.stdout.contains("Onleesbaar"), "{}", out.stdout);
        let prefix = &r.id[..12];
        let out = s.run(&["show", prefix]);
        out.assert_ok();
        assert_eq!(out.stdout, export::text(&r, Lang::Nl));
        let out = s.run(&["export", prefix, "--format", "json"]);
        out.assert_ok();
        assert_eq!(out.stdout, text, "export json is the file itself");
        assert_eq!(fs::read_to_string(s.store().join(&name)).unwrap(), text);
    }
}

#[test]
fn the_v1_fixtures_hold_what_they_were_made_with() {
    let by_id: BTreeMap<String, Record> = fixtures_v1()
        .into_iter()
        .map(|(_, text)| {
            let r = record::parse(&text).unwrap();
            (r.id.clone(), r)
        })
        .collect();

    // Made with the binary: `new` on an answers file with participants, then `signoff`.
    let r = &by_id["20261123-061428-f07db3e4a9"];
    assert_eq!(r.status, Status::SignedOff);
    assert_eq!(r.campaign.name, "Voorjaarsactie 2027");
    assert_eq!(r.campaign.organisation, "Bibliotheek Voorbeeldstad");
    assert_eq!(r.participants.len(), 2);
    assert_eq!(r.answers["channel"].value, json!(["email"]));
    assert_eq!(r.answers["legal_basis"].value, json!("consent"));
    let so = r.signoff.as_ref().unwrap();
    assert_eq!(
        (so.name.as_str(), so.date.as_str(), so.decision),
        ("B. Jansen", "2026-11-23", Decision::ApprovedWithConditions)
    );
    let advice = r.outcome.as_ref().unwrap();
    assert_eq!(advice.verdict.value, json!("allowed_with_actions"));
    assert!(advice.actions.iter().any(|a| a.id == "register_processing"));
    assert_eq!(
        event_kinds(r).first().copied(),
        Some("created"),
        "{:?}",
        event_kinds(r)
    );
    assert_eq!(event_kinds(r).last().copied(), Some("signed_off"));

    // Made in-process: a record resumed after a bank change, with notes and a changed answer.
    let r = &by_id["20261120-090000-00000000a1"];
    assert_eq!(r.status, Status::Completed);
    let kinds = event_kinds(r);
    for k in [
        "created",
        "answered",
        "note",
        "bank_changed",
        "changed",
        "completed",
    ] {
        assert!(kinds.contains(&k), "{k} in {kinds:?}");
    }
    let dropped = r
        .history
        .iter()
        .find_map(|e| match e {
            Event::BankChanged { dropped, from, .. } => Some((dropped, from)),
            _ => None,
        })
        .unwrap();
    assert_eq!(dropped.0[0].question, "sticker_check");
    assert_eq!(dropped.1.version, "0.9.0");
    assert!(!r.answers.contains_key("sticker_check"));
    assert_eq!(
        r.notes.get("_sessie").map(String::as_str),
        Some("Overleg met de jeugdafdeling.")
    );

    // A revision of the signed-off one.
    let r = &by_id["20261124-100000-00000000a2"];
    assert_eq!(r.revision, 2);
    assert_eq!(
        r.previous.as_ref().map(|p| p.id.as_str()),
        Some("20261123-061428-f07db3e4a9")
    );
    assert_eq!(event_kinds(r)[0], "revision");
    assert!(r.signoff.is_none());
}

// ---------------------------------------------------------------------------------------------
// In-process reading: every kind of unreadable file

#[test]
fn parse_says_what_is_wrong() {
    let mut r = fixed_record();
    let text = r.to_json();
    assert_eq!(record::parse(""), Err(Unreadable::Empty));
    assert_eq!(record::parse(" \n\t"), Err(Unreadable::Empty));
    assert_eq!(record::parse("{\"a\": 1}"), Err(Unreadable::Foreign));
    assert_eq!(record::parse("[]"), Err(Unreadable::Foreign));
    assert!(matches!(
        record::parse(&text[..100]),
        Err(Unreadable::Json(_))
    ));
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v["format_version"] = json!(4);
    assert_eq!(record::from_value(v.clone()), Err(Unreadable::Future(4)));
    assert_eq!(
        Unreadable::Future(4).to_string(),
        "gemaakt met formaatversie 4, nieuwer dan deze versie van AVG-wijzer kan lezen (3); werk AVG-wijzer bij"
    );
    v["format_version"] = json!(1u64 << 40);
    assert_eq!(
        record::from_value(v.clone()),
        Err(Unreadable::Future(u32::MAX))
    );
    // Not a whole number: unreadable as such, whatever else the file holds (`verify` and
    // `show` say the same).
    for version in [json!(-1), json!("2"), json!(2.5), Value::Null] {
        v["format_version"] = version;
        assert_eq!(record::from_value(v.clone()), Err(Unreadable::NoVersion));
    }
    v.as_object_mut().unwrap().remove("format_version");
    assert_eq!(record::from_value(v.clone()), Err(Unreadable::NoVersion));
    v["format_version"] = json!(1);
    v["answers"]["channel"] = json!({ "value": ["email"] });
    assert_eq!(
        record::from_value(v),
        Err(Unreadable::Invalid(
            "answers.channel: missing field `at`".into()
        ))
    );
    // A record that gives an answer no longer in the bank still reads.
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v["answers"]["retired"] = serde_json::to_value(GivenAnswer {
        value: json!("yes"),
        at: "2027-01-01T00:00:00Z".into(),
    })
    .unwrap();
    assert!(record::from_value(v).is_ok());
}
