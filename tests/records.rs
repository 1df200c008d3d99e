//! Accountability records: the file format and everything `list`, `show`, `export`, `verify`,
//! `compare` and `signoff` promise about it (INTERFACE.md, "Record file").
//!
//! - the format round-trips, and every record these tests write matches the JSON Schema
//!   published in `docs/record.schema.json`;
//! - the fixtures under `tests/records/v1/` (format version 1) open, verify and show forever;
//! - tampering is found, and bad files get one clear line, are never touched, and do not hide
//!   the good records next to them;
//! - ids may be abbreviated; exports never overwrite without `--force`; a sign-off freezes;
//! - the exports of a fixed record are pinned by insta snapshots (`tests/snapshots/`).
//!
//! Every run of the binary gets `--store` with a directory of its own under the system's temp
//! directory, removed afterwards, and runs in that directory so messages name short relative
//! paths. The user's real store is never touched.
use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;
use std::sync::LazyLock;

use serde_json::{Value, json};

use avg_wijzer::bank::Bank;
use avg_wijzer::record::{
    self, Assessment, Campaign, Decision, Event, GivenAnswer, Participant, Record, Status,
    Unreadable,
};
use avg_wijzer::text::Lang;
use avg_wijzer::{answers, export, guard};

mod common;
use common::{
    EXAMPLE, SCHEMA, Scratch, VALIDATOR, assert_record_file, check_store_records, reseal,
    schema_errors,
};
const FIXTURES_V1: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/records/v1");

static BANK: LazyLock<Bank> = LazyLock::new(|| Bank::embedded().expect("the embedded bank loads"));

// ---------------------------------------------------------------------------------------------
// Helpers

/// Answers a whole answers file (its answers and the bank's defaults), in the bank's order,
/// at `now`, as `new` does.
fn answer_all(a: &mut Assessment<'_>, answers_src: &str, now: &str) {
    let parsed = answers::assess(a.bank, "test", answers_src).expect("a valid answers file");
    a.answer_all(&parsed.session, now).unwrap();
}

fn answer(a: &mut Assessment<'_>, question: &str, value: Value, now: &str) {
    let q = a
        .bank
        .question_id(question)
        .expect("a question of the bank");
    let parsed = a.bank.questions[q].parse_answer(&value).unwrap();
    a.answer(q, parsed, now).unwrap();
}

/// The example answers with some answers replaced.
fn example_with(changes: Value) -> String {
    let mut v: Value = serde_json::from_str(EXAMPLE).unwrap();
    for (k, x) in changes.as_object().unwrap() {
        v["answers"][k] = x.clone();
    }
    serde_json::to_string_pretty(&v).unwrap()
}

const FIXED_ID: &str = "20270101-000000-0000000000";

/// A record fixed to the byte: fixed id and times, a campaign name that needs escaping in
/// every format, a changed answer, notes and a sign-off.
fn fixed_record() -> Record {
    let bank = &*BANK;
    let mut a = Assessment::start(
        bank,
        FIXED_ID.into(),
        Campaign {
            name: "Voorjaarsactie <b>&\"2027\"".into(),
            description: "Leden en oud-leden mailen, met een komma; en \"aanhalingstekens\"".into(),
            organisation: "Bibliotheek Voorbeeldstad".into(),
        },
        vec![
            Participant {
                name: "A. de Vries".into(),
                role: "marketing".into(),
            },
            Participant {
                name: "B. Jansen".into(),
                role: "FG".into(),
            },
        ],
        Lang::Nl,
        "2027-01-01T00:00:00Z",
    );
    answer_all(
        &mut a,
        &example_with(json!({ "channel": ["addressed_post"] })),
        "2027-01-01T00:05:00Z",
    );
    answer(&mut a, "channel", json!(["email"]), "2027-01-01T00:10:00Z");
    a.note(
        Some("channel"),
        "Alleen leden die de nieuwsbrief ontvangen.",
        "2027-01-01T00:12:00Z",
    )
    .unwrap();
    a.note(
        None,
        "Besproken in het MT van 1 januari.",
        "2027-01-01T00:13:00Z",
    )
    .unwrap();
    a.sign_off(
        "B. Jansen",
        "2027-01-02",
        Decision::ApprovedWithConditions,
        "Eerst de privacyverklaring aanpassen.",
        "2027-01-02T09:00:00Z",
    )
    .unwrap();
    let mut r = a.record;
    // The bank's hash changes with every edit of the bank; pinned, the snapshots change only
    // when what a person reads changes.
    let pinned = "5a".repeat(32);
    r.bank.sha256 = pinned.clone();
    if let Some(o) = r.outcome.as_mut() {
        o.bank.sha256 = pinned;
    }
    r.seal();
    r
}

/// A record with only some answers: in progress, no advice.
fn in_progress_record(id: &str) -> Record {
    let mut a = Assessment::start(
        &BANK,
        id.into(),
        Campaign {
            name: "Halfvol".into(),
            ..Campaign::default()
        },
        vec![],
        Lang::En,
        "2027-02-01T10:00:00Z",
    );
    answer(
        &mut a,
        "use_case",
        json!("address_selection"),
        "2027-02-01T10:01:00Z",
    );
    let mut r = a.record;
    r.seal();
    r
}

/// A completed record from the example answers with `id`, made in-process.
fn example_record(id: &str, now: &str) -> Record {
    let mut a = Assessment::start(
        &BANK,
        id.into(),
        Campaign {
            name: "Voorjaarsactie 2027".into(),
            ..Campaign::default()
        },
        vec![],
        Lang::Nl,
        now,
    );
    answer_all(&mut a, EXAMPLE, now);
    let mut r = a.record;
    r.seal();
    r
}

fn event_kinds(r: &Record) -> Vec<&'static str> {
    r.history
        .iter()
        .map(|e| match e {
            Event::Created { .. } => "created",
            Event::Answered { .. } => "answered",
            Event::Changed { .. } => "changed",
            Event::Note { .. } => "note",
            Event::Completed { .. } => "completed",
            Event::SignedOff { .. } => "signed_off",
            Event::Revision { .. } => "revision",
            Event::BankChanged { .. } => "bank_changed",
        })
        .collect()
}

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
            Box::new(|v| v["format_version"] = json!(3)),
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
// verify: intact, altered, unreadable

/// A completed record made by the binary, copied to `copy.json` next to the store.
fn record_copy(s: &Scratch) -> String {
    let id = s.new_record("answers.json", EXAMPLE);
    check_store_records(s, &[]);
    let text = fs::read_to_string(s.record_path(&id)).unwrap();
    s.write("copy.json", &text);
    text
}

#[test]
fn verify_says_intact_for_an_untouched_record_even_when_reformatted() {
    let s = Scratch::new("verify-intact");
    let text = record_copy(&s);
    let r = record::parse(&text).unwrap();
    let out = s.run(&["verify", "copy.json"]);
    out.assert_ok();
    assert_eq!(
        out.stdout,
        format!(
            "copy.json: intact — verslag {} (revisie 1), sha256 {}\n  geschiedenis: {} gebeurtenissen, de hashketen klopt\n  advies: volgt uit de opgeslagen antwoorden met vragenbank {} {}\n",
            r.id,
            r.integrity.hash,
            r.history.len(),
            r.bank.id,
            r.bank.version
        )
    );
    // The hash is over the canonical form: spacing and key order do not matter.
    let v: Value = serde_json::from_str(&text).unwrap();
    let mut reordered = serde_json::Map::new();
    for (k, x) in v.as_object().unwrap().iter().rev() {
        reordered.insert(k.clone(), x.clone());
    }
    s.write("compact.json", serde_json::to_string(&reordered).unwrap());
    let out = s.run(&["verify", "compact.json"]);
    out.assert_ok();
    assert!(
        out.stdout.starts_with("compact.json: intact"),
        "{}",
        out.stdout
    );
    // By id (or a prefix of it) from the store.
    let out = s.run(&["verify", &r.id[..15]]);
    out.assert_ok();
    assert!(out.stdout.contains(": intact"), "{}", out.stdout);
}

#[test]
fn verify_finds_one_changed_byte_in_an_answer() {
    let s = Scratch::new("verify-answer");
    let text = record_copy(&s);
    // Inside `answers`, the value of `distribution`: "direct_marketing" -> "direct_marketinh".
    let answers_at = text.find("\n  \"answers\": {").unwrap();
    let notes_at = text.find("\n  \"notes\": ").unwrap();
    let value_at = answers_at
        + text[answers_at..notes_at]
            .find("\"direct_marketing\"")
            .unwrap();
    let mut bytes = text.clone().into_bytes();
    let last = value_at + "\"direct_marketing".len() - 1;
    assert_eq!(bytes[last], b'g');
    bytes[last] = b'h';
    s.write("copy.json", &bytes);
    let out = s.run(&["verify", "copy.json"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert_eq!(
        out.stdout,
        "copy.json: GEWIJZIGD na het opslaan; wat niet meer klopt: answers\n"
    );
    assert_eq!(out.stderr, "");

    // The time of an answer is part of it too.
    let at = answers_at + text[answers_at..notes_at].find("\"at\": \"2").unwrap() + 7;
    let mut bytes = text.clone().into_bytes();
    bytes[at] = if bytes[at] == b'2' { b'1' } else { b'2' };
    s.write("copy.json", &bytes);
    let out = s.run(&["verify", "copy.json"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert_eq!(
        out.stdout,
        "copy.json: GEWIJZIGD na het opslaan; wat niet meer klopt: answers\n"
    );

    // Two parts at once are both named, in order.
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v["answers"]["channel"]["value"] = json!(["addressed_post"]);
    v["campaign"]["name"] = json!("Andere naam");
    s.write("copy.json", serde_json::to_string_pretty(&v).unwrap());
    let out = s.run(&["verify", "copy.json"]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stdout,
        "copy.json: GEWIJZIGD na het opslaan; wat niet meer klopt: answers, campaign\n"
    );
    // The original was never touched.
    check_store_records(&s, &[]);
}

#[test]
fn verify_finds_a_changed_integrity_hash() {
    let s = Scratch::new("verify-hash");
    let text = record_copy(&s);
    let r = record::parse(&text).unwrap();
    let hash = &r.integrity.hash;
    let flipped: String = hash
        .chars()
        .enumerate()
        .map(|(i, c)| {
            if i == 0 {
                if c == '0' { '1' } else { '0' }
            } else {
                c
            }
        })
        .collect();
    s.write("copy.json", text.replace(hash.as_str(), &flipped));
    let out = s.run(&["verify", "copy.json"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert_eq!(
        out.stdout,
        "copy.json: GEWIJZIGD na het opslaan; wat niet meer klopt: het integriteitsblok zelf\n"
    );
    assert_eq!(out.stderr, "");
}

#[test]

fn verify_finds_a_changed_part_hash() {
    let s = Scratch::new("verify-part");
    let text = record_copy(&s);
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v["integrity"]["parts"]["answers"] = json!("0".repeat(64));
    s.write("copy.json", serde_json::to_string_pretty(&v).unwrap());
    let out = s.run(&["verify", "copy.json"]);
    assert_eq!(out.code, 1, "{out:?}");
}

#[test]
fn verify_refuses_what_is_not_a_record_of_this_version() {
    let s = Scratch::new("verify-unreadable");
    let text = record_copy(&s);

    s.write(
        "foreign.json",
        r#"{"name": "boodschappenlijst", "items": ["brood"]}"#,
    );
    s.run(&["verify", "foreign.json"]).assert_error(
        2,
        r#"foreign.json: geen verslag van AVG-wijzer ("format" is niet "avg-wijzer-record")"#,
    );

    let mut v: Value = serde_json::from_str(&text).unwrap();
    v["format_version"] = json!(3);
    s.write("future.json", serde_json::to_string_pretty(&v).unwrap());
    s.run(&["verify", "future.json"]).assert_error(
        2,
        "future.json: gemaakt met formaatversie 3, nieuwer dan deze versie van AVG-wijzer kan lezen (2); werk AVG-wijzer bij",
    );
    // Also when it is sealed: a newer file may well be intact, but it cannot be read.
    reseal(&mut v);
    s.write("future.json", serde_json::to_string_pretty(&v).unwrap());
    s.run(&["verify", "future.json"]).assert_error(
        2,
        "future.json: gemaakt met formaatversie 3, nieuwer dan deze versie van AVG-wijzer kan lezen (2); werk AVG-wijzer bij",
    );

    let mut v: Value = serde_json::from_str(&text).unwrap();
    v.as_object_mut().unwrap().remove("integrity");
    s.write("unsealed.json", serde_json::to_string_pretty(&v).unwrap());
    s.run(&["verify", "unsealed.json"]).assert_error(
        2,
        "unsealed.json: heeft geen (geldig) integriteitsblok; niet te controleren",
    );

    // Sealed but not valid content: unreadable, not intact.
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v["revision"] = json!("een");
    reseal(&mut v);
    s.write("resealed.json", serde_json::to_string_pretty(&v).unwrap());
    let out = s.run(&["verify", "resealed.json"]);
    assert_eq!(out.code, 2, "{out:?}");
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr
            .starts_with("avg-wijzer: resealed.json: de inhoud klopt niet met het formaat: "),
        "{}",
        out.stderr
    );
    assert_eq!(out.stderr.lines().count(), 1);

    s.write("empty.json", "");
    s.run(&["verify", "empty.json"])
        .assert_error(2, "empty.json: het bestand is leeg");
    s.write("truncated.json", &text[..text.len() / 2]);
    let out = s.run(&["verify", "truncated.json"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("avg-wijzer: truncated.json: geen geldige JSON: regel ")
            && out
                .stderr
                .ends_with(": het bestand houdt op voordat de JSON af is (afgekapt?)\n"),
        "{}",
        out.stderr
    );
    s.write("latin1.json", b"{\"campaign\": \"Caf\xe9\"}");
    s.run(&["verify", "latin1.json"])
        .assert_error(2, "latin1.json: geen geldige UTF-8 (bij byte 18)");
}

#[test]

fn verify_of_a_missing_file_names_the_file() {
    let s = Scratch::new("verify-missing");
    let out = s.run(&["verify", "nowhere/missing.json"]);
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr.contains("nowhere/missing.json") && out.stderr.contains("bestaat niet"),
        "{}",
        out.stderr
    );
}

// ---------------------------------------------------------------------------------------------
// Bad files in a store

/// The bad files, each with the exact reason `list` gives for it.
fn bad_files(good: &str) -> Vec<(&'static str, Vec<u8>, String)> {
    let mut future: Value = serde_json::from_str(good).unwrap();
    future["format_version"] = json!(7);
    let mut extra: Value = serde_json::from_str(good).unwrap();
    extra["extra"] = json!(1);
    vec![
        ("empty.json", vec![], "het bestand is leeg".into()),
        ("blank.json", b"  \n".to_vec(), "het bestand is leeg".into()),
        (
            "truncated.json",
            good.as_bytes()[..700].to_vec(),
            "geen geldige JSON: regel 30 kolom 21: het bestand houdt op voordat de JSON af is (afgekapt?)".into(),
        ),
        (
            "invalid.json",
            br#"{"format": "avg-wijzer-record",,}"#.to_vec(),
            "geen geldige JSON: regel 1 kolom 32: ongeldige JSON: key must be a string".into(),
        ),
        (
            "foreign.json",
            br#"{"name": "boodschappenlijst", "items": ["brood"]}"#.to_vec(),
            r#"geen verslag van AVG-wijzer ("format" is niet "avg-wijzer-record")"#.into(),
        ),
        (
            "array.json",
            b"[1, 2]\n".to_vec(),
            r#"geen verslag van AVG-wijzer ("format" is niet "avg-wijzer-record")"#.into(),
        ),
        (
            "future.json",
            serde_json::to_vec_pretty(&future).unwrap(),
            "gemaakt met formaatversie 7, nieuwer dan deze versie van AVG-wijzer kan lezen (2); werk AVG-wijzer bij".into(),
        ),
        (
            "latin1.json",
            b"{\"campaign\": \"Caf\xe9\"}".to_vec(),
            "geen geldige UTF-8 (bij byte 18)".into(),
        ),
        (
            "extra.json",
            serde_json::to_vec_pretty(&extra).unwrap(),
            format!(
                "de inhoud klopt niet met het formaat: extra: unknown field `extra`, expected one of {}",
                [
                    "format", "format_version", "id", "revision", "previous", "status", "created",
                    "updated", "completed", "tool", "bank", "lang", "campaign", "participants",
                    "answers", "notes", "history", "outcome", "signoff", "integrity",
                    "signature",
                ]
                .map(|k| format!("`{k}`"))
                .join(", ")
            ),
        ),
    ]
}

#[test]
fn list_shows_the_good_records_and_reports_every_bad_file_without_touching_it() {
    let s = Scratch::new("bad-files");
    let a = s.new_record("a.json", EXAMPLE);
    let b = s.new_record(
        "b.json",
        &example_with(json!({ "channel": ["addressed_post"] })),
    );
    let good = fs::read_to_string(s.record_path(&a)).unwrap();
    let bad = bad_files(&good);
    for (name, bytes, _) in &bad {
        fs::write(s.store().join(name), bytes).unwrap();
    }
    // Not records at all: ignored, not reported.
    fs::write(s.store().join("LEESMIJ.txt"), "hallo").unwrap();
    fs::create_dir(s.store().join("map.json")).unwrap();
    let before = s.store_files();

    let expected_tail: String = {
        let mut lines: Vec<(String, String)> = bad
            .iter()
            .map(|(n, _, why)| (n.to_string(), why.clone()))
            .collect();
        lines.sort();
        lines
            .iter()
            .map(|(n, why)| format!("Onleesbaar: {n}: {why}\n"))
            .collect()
    };
    for round in ["first", "cached"] {
        let out = s.run(&["list"]);
        out.assert_ok();
        assert_eq!(out.stderr, "", "{round}");
        let lines: Vec<&str> = out.stdout.lines().collect();
        assert!(lines[0].starts_with("ID "), "{round}: {}", out.stdout);
        let rows: Vec<&str> = lines[1..3].to_vec();
        assert!(
            rows.iter().any(|l| l.starts_with(&a)) && rows.iter().any(|l| l.starts_with(&b)),
            "{round}: {}",
            out.stdout
        );
        assert!(
            rows.iter().all(|l| l.contains("afgerond")),
            "{}",
            out.stdout
        );
        assert!(
            out.stdout.ends_with(&expected_tail),
            "{round}: got\n{}\nwanted the tail\n{expected_tail}",
            out.stdout
        );
        assert_eq!(lines.len(), 3 + bad.len(), "{round}: {}", out.stdout);
    }

    let out = s.run(&["list", "--json"]);
    out.assert_ok();
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["records"].as_array().unwrap().len(), 2);
    let reported: BTreeMap<String, String> = v["unreadable"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["file"].as_str().unwrap().to_string(),
                u["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let wanted: BTreeMap<String, String> = bad
        .iter()
        .map(|(n, _, why)| (n.to_string(), why.clone()))
        .collect();
    assert_eq!(reported, wanted);

    // Every other command on a bad file: one line naming the file, exit 2.
    for (name, _, why) in &bad {
        let id = name.trim_end_matches(".json");
        let line = format!("store/{name}: {why}");
        s.run(&["show", id]).assert_error(2, &line);
        s.run(&["export", id, "--format", "md"])
            .assert_error(2, &line);
        s.run(&["export", id, "--format", "json", "-o", "out.json"])
            .assert_error(2, &line);
        s.run(&["compare", id, &a]).assert_error(2, &line);
        s.run(&[
            "signoff",
            id,
            "--name",
            "B. Jansen",
            "--decision",
            "approved",
        ])
        .assert_error(2, &line);
    }
    assert!(!s.path("out.json").exists());

    // Nothing was overwritten, deleted, renamed or added.
    assert_eq!(s.store_files(), before);
    check_store_records(&s, &bad.iter().map(|(n, ..)| *n).collect::<Vec<_>>());
}

/// serde's words, behind a Dutch prefix and the field's path.
#[test]
fn a_bad_value_is_named_by_its_field() {
    let s = Scratch::new("bad-variant");
    let a = s.new_record("a.json", EXAMPLE);
    let mut v: Value =
        serde_json::from_str(&fs::read_to_string(s.record_path(&a)).unwrap()).unwrap();
    v["status"] = json!("klaar");
    fs::write(
        s.store().join("status.json"),
        serde_json::to_vec_pretty(&v).unwrap(),
    )
    .unwrap();
    let out = s.run(&["show", "status"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains(
            "de inhoud klopt niet met het formaat: status: unknown variant `klaar`, \
             expected one of `in_progress`, `completed`, `signed_off`"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn an_empty_store_says_so() {
    let s = Scratch::new("empty-store");
    let out = s.run(&["list"]);
    out.assert_ok();
    assert_eq!(out.stdout, "Nog geen verslagen in store.\n");
    let out = s.run(&["list", "--json"]);
    out.assert_ok();
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["records"], json!([]));
    assert_eq!(v["unreadable"], json!([]));
}

// ---------------------------------------------------------------------------------------------
// Ids and prefixes

#[test]
fn ids_may_be_abbreviated_to_any_unique_prefix() {
    let s = Scratch::new("prefix");
    let store = s.open_store();
    let ids = [
        "20270101-000000-aaaaaaaaaa",
        "20270101-000000-aaaaabbbbb",
        "20270102-000000-cccccccccc",
    ];
    for (i, id) in ids.iter().enumerate() {
        let mut r = example_record(id, &format!("2027-01-0{}T00:00:00Z", i + 1));
        store.create(&mut r).unwrap();
    }
    check_store_records(&s, &[]);

    let out = s.run(&["show", "20270102"]);
    out.assert_ok();
    assert!(
        out.stdout
            .starts_with("Verslag 20270102-000000-cccccccccc (revisie 1)\n"),
        "{}",
        out.stdout
    );
    let out = s.run(&["show", "20270101-000000-aaaaab"]);
    out.assert_ok();
    assert!(
        out.stdout
            .starts_with("Verslag 20270101-000000-aaaaabbbbb ")
    );
    // The whole id, and the file name, work too.
    s.run(&["show", ids[0]]).assert_ok();
    s.run(&["show", &format!("{}.json", ids[0])]).assert_ok();

    let ambiguous = "\"20270101-000000-aaaaa\" past bij 2 verslagen (20270101-000000-aaaaaaaaaa, 20270101-000000-aaaaabbbbb); typ meer tekens van het id";
    s.run(&["show", "20270101-000000-aaaaa"])
        .assert_error(2, ambiguous);
    s.run(&["export", "20270101-000000-aaaaa", "--format", "csv"])
        .assert_error(2, ambiguous);
    s.run(&["verify", "20270101-000000-aaaaa"])
        .assert_error(2, ambiguous);
    s.run(&["compare", "20270101-000000-aaaaa", "20270102"])
        .assert_error(2, ambiguous);
    s.run(&[
        "signoff",
        "20270101-000000-aaaaa",
        "--name",
        "B. Jansen",
        "--decision",
        "approved",
    ])
    .assert_error(2, ambiguous);
    s.run(&["show", "2027"]).assert_error(
        2,
        "\"2027\" past bij 3 verslagen (20270101-000000-aaaaaaaaaa, 20270101-000000-aaaaabbbbb, 20270102-000000-cccccccccc); typ meer tekens van het id",
    );
    s.run(&["show", "2099"])
        .assert_error(2, "geen verslag met id \"2099\" in store");
    s.run(&["show", ""])
        .assert_error(2, "geef een verslag-id (of het begin ervan)");

    // Every command takes a prefix.
    let out = s.run(&["export", "20270102", "--format", "json"]);
    out.assert_ok();
    assert_eq!(
        out.stdout.as_bytes(),
        fs::read(s.record_path(ids[2])).unwrap()
    );
    let out = s.run(&["verify", "20270101-000000-aaaaaa"]);
    out.assert_ok();
    assert!(out.stdout.contains(ids[0]));
    let out = s.run(&["compare", "20270101-000000-aaaaaa", "20270102"]);
    out.assert_ok();
    assert!(out.stdout.starts_with(&format!("A: {} ", ids[0])));
    let out = s.run(&[
        "signoff",
        "20270102",
        "--name",
        "B. Jansen",
        "--decision",
        "approved",
        "--date",
        "2027-01-05",
    ]);
    out.assert_ok();
    let hash = record::parse(&fs::read_to_string(s.record_path(ids[2])).unwrap())
        .unwrap()
        .integrity
        .hash;
    assert_eq!(
        out.stdout,
        format!(
            "{}: afgetekend (goedgekeurd)\nvingerafdruk (sha256): {hash}\n",
            ids[2]
        )
    );
    check_store_records(&s, &[]);
}

// ---------------------------------------------------------------------------------------------
// Export

#[test]
fn export_never_overwrites_without_force() {
    let s = Scratch::new("export-force");
    let id = s.new_record("answers.json", EXAMPLE);
    let prefix = &id[..20];
    for format in ["md", "html", "json", "csv"] {
        let file = format!("out.{format}");
        // Standard output first: what the file must hold.
        let out = s.run(&["export", prefix, "--format", format]);
        out.assert_ok();
        let wanted = out.stdout;
        assert!(!wanted.is_empty());

        // A new file is written without --force.
        s.run(&["export", prefix, "--format", format, "-o", &file])
            .assert_ok();
        assert_eq!(fs::read_to_string(s.path(&file)).unwrap(), wanted);

        // An existing one is not.
        s.write(&file, "oud\n");
        s.run(&["export", prefix, "--format", format, "-o", &file])
            .assert_error(
                2,
                &format!("{file}: bestaat al; gebruik --force om het te vervangen"),
            );
        assert_eq!(fs::read_to_string(s.path(&file)).unwrap(), "oud\n");

        // With --force it is replaced.
        let out = s.run(&["export", prefix, "--format", format, "-o", &file, "--force"]);
        out.assert_ok();
        assert_eq!(out.stdout, "");
        assert_eq!(fs::read_to_string(s.path(&file)).unwrap(), wanted);
    }
    // json is the record file itself, and still verifies.
    assert_eq!(
        fs::read(s.path("out.json")).unwrap(),
        fs::read(s.record_path(&id)).unwrap()
    );
    s.run(&["verify", "out.json"]).assert_ok();
    // csv: a header and one row, the same number of cells.
    let csv = fs::read_to_string(s.path("out.csv")).unwrap();
    assert_eq!(csv.matches("\r\n").count(), 2, "{csv}");
    // No temporary files left behind.
    let leftovers: Vec<String> = fs::read_dir(&s.dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    check_store_records(&s, &[]);
}

#[test]
fn the_cli_exports_what_the_library_exports() {
    let s = Scratch::new("export-cli");
    let mut r = fixed_record();
    s.open_store().create(&mut r).unwrap();
    check_store_records(&s, &[]);
    let r = record::parse(&fs::read_to_string(s.record_path(FIXED_ID)).unwrap()).unwrap();
    for (format, lang, wanted) in [
        ("md", "nl", export::markdown(&r, Lang::Nl)),
        ("html", "nl", export::html(&r, Lang::Nl)),
        ("csv", "nl", export::csv(&r, Lang::Nl)),
        ("md", "en", export::markdown(&r, Lang::En)),
        ("html", "en", export::html(&r, Lang::En)),
        ("csv", "en", export::csv(&r, Lang::En)),
    ] {
        let out = s.run(&["--lang", lang, "export", "2027", "--format", format]);
        out.assert_ok();
        assert_eq!(out.stdout, wanted, "{format} {lang}");
    }
    let out = s.run(&["show", "2027"]);
    out.assert_ok();
    assert_eq!(out.stdout, export::text(&r, Lang::Nl));
    let out = s.run(&["--lang", "en", "show", "2027"]);
    out.assert_ok();
    assert_eq!(out.stdout, export::text(&r, Lang::En));
}

#[test]
fn the_html_export_is_self_contained_and_escapes_what_people_typed() {
    let r = fixed_record();
    for lang in [Lang::Nl, Lang::En] {
        let html = export::html(&r, lang);
        let lower = html.to_lowercase();
        for banned in [
            "http:", "https:", "src=", "<script", "<link", "url(", "@import", "<iframe", "<img",
        ] {
            assert!(!lower.contains(banned), "the HTML holds {banned}");
        }
        assert!(html.starts_with("<!DOCTYPE html>\n"));
        assert!(html.ends_with("</html>\n"));
        assert!(html.contains("<meta charset=\"utf-8\">"));
        assert!(html.contains("<style>"));
        assert!(html.contains("@media print"));
        assert!(html.contains("Voorjaarsactie &lt;b&gt;&amp;&quot;2027&quot;"));
        assert!(!html.contains("<b>"), "the campaign name is escaped");
    }
    let md = export::markdown(&r, Lang::Nl);
    assert!(md.contains(r"Voorjaarsactie \<b\>&"), "{md}");
    let csv = export::csv(&r, Lang::Nl);
    assert!(csv.contains(r#","Voorjaarsactie <b>&""2027""","#), "{csv}");
}

#[test]
fn snapshot_markdown() {
    insta::assert_snapshot!("export_md", export::markdown(&fixed_record(), Lang::Nl));
}

#[test]
fn snapshot_html() {
    insta::assert_snapshot!("export_html", export::html(&fixed_record(), Lang::Nl));
}

#[test]
fn snapshot_csv() {
    insta::assert_snapshot!("export_csv", export::csv(&fixed_record(), Lang::Nl));
}

#[test]
fn snapshot_show_text() {
    insta::assert_snapshot!("show_text", export::text(&fixed_record(), Lang::Nl));
}

#[test]
fn snapshot_show_text_english() {
    insta::assert_snapshot!("show_text_en", export::text(&fixed_record(), Lang::En));
}

// ---------------------------------------------------------------------------------------------
// Sign-off, compare, new

#[test]
fn a_sign_off_freezes_the_record() {
    let s = Scratch::new("signoff");
    let id = s.new_record("answers.json", EXAMPLE);
    let path = s.record_path(&id);
    let unsigned = fs::read(&path).unwrap();

    let refused = |args: &[&str], why: &str| {
        let mut all = vec!["signoff", id.as_str()];
        all.extend_from_slice(args);
        s.run(&all).assert_error(2, why);
    };
    refused(
        &[
            "--name",
            "B. Jansen",
            "--decision",
            "approved",
            "--date",
            "23-11-2026",
        ],
        &format!("verslag {id}: \"23-11-2026\" is geen datum als 2026-11-23"),
    );
    refused(
        &[
            "--name",
            "  ",
            "--decision",
            "approved",
            "--date",
            "2026-11-23",
        ],
        &format!("verslag {id}: de naam van de FG ontbreekt"),
    );
    assert_eq!(
        fs::read(&path).unwrap(),
        unsigned,
        "a refusal changes nothing"
    );

    let out = s.run(&[
        "signoff",
        &id[..16],
        "--name",
        "B. Jansen",
        "--decision",
        "rejected",
        "--date",
        "2026-11-23",
        "--remarks",
        "Eerst de grondslag regelen.",
    ]);
    out.assert_ok();
    check_store_records(&s, &[]);
    let signed = fs::read(&path).unwrap();
    let r = record::parse(std::str::from_utf8(&signed).unwrap()).unwrap();
    assert_eq!(
        out.stdout,
        format!(
            "{id}: afgetekend (afgekeurd)\nvingerafdruk (sha256): {}\n",
            r.integrity.hash
        )
    );
    assert_eq!(r.status, Status::SignedOff);
    let so = r.signoff.as_ref().unwrap();
    assert_eq!(
        (
            so.name.as_str(),
            so.date.as_str(),
            so.decision,
            so.remarks.as_str()
        ),
        (
            "B. Jansen",
            "2026-11-23",
            Decision::Rejected,
            "Eerst de grondslag regelen."
        )
    );
    assert_eq!(event_kinds(&r).last().copied(), Some("signed_off"));
    let out = s.run(&["list"]);
    assert!(
        out.stdout.lines().nth(1).unwrap().contains("afgetekend"),
        "{}",
        out.stdout
    );

    // A second sign-off is refused and changes nothing.
    for decision in ["approved", "rejected"] {
        s.run(&["signoff", &id, "--name", "C. de Boer", "--decision", decision])
            .assert_error(
                2,
                &format!(
                    "verslag {id}: dit verslag is afgetekend en staat vast; een wijziging wordt een nieuwe revisie"
                ),
            );
        assert_eq!(fs::read(&path).unwrap(), signed);
    }
    s.run(&["verify", &id]).assert_ok();
}

#[test]
fn a_record_in_progress_cannot_be_signed_off() {
    let s = Scratch::new("signoff-early");
    let id = "20270201-100000-00000000b1";
    let mut r = in_progress_record(id);
    s.open_store().create(&mut r).unwrap();
    let before = fs::read(s.record_path(id)).unwrap();
    s.run(&[
        "signoff",
        id,
        "--name",
        "B. Jansen",
        "--decision",
        "approved",
    ])
    .assert_error(
        2,
        &format!(
            "verslag {id}: nog niet alle vragen zijn beantwoord; aftekenen kan pas bij een advies"
        ),
    );
    assert_eq!(fs::read(s.record_path(id)).unwrap(), before);
    let out = s.run(&["list"]);
    assert!(out.stdout.contains("bezig"), "{}", out.stdout);
}

#[test]
fn compare_lists_the_differing_answers_findings_and_actions() {
    let s = Scratch::new("compare");
    let a = s.new_record("a.json", EXAMPLE);
    let b = s.new_record(
        "b.json",
        &example_with(json!({ "channel": ["addressed_post"] })),
    );
    let c = s.new_record(
        "c.json",
        r#"{ "campaign": { "name": "Wijkkaart" }, "answers": { "use_case": "area_map" } }"#,
    );
    check_store_records(&s, &[]);

    let out = s.run(&["compare", &a, &b]);
    out.assert_ok();
    assert_eq!(
        out.stdout,
        format!(
            "A: {a} — Voorjaarsactie 2027 (afgerond)\nB: {b} — Voorjaarsactie 2027 (afgerond)\n\n\
             Antwoorden\n  channel: A [\"email\"] | B [\"addressed_post\"]\n\n\
             Bevindingen\n  gelijk\n\n\
             Acties\n  similar_products_only: A required | B -\n"
        )
    );

    let out = s.run(&["compare", &a, &c]);
    out.assert_ok();
    let text = &out.stdout;
    for line in [
        "  use_case: A \"address_selection\" | B \"area_map\"",
        "  postcode_granularity: A \"pc6_house_number\" | B (niet gevraagd)",
        "  channel: A [\"email\"] | B (niet gevraagd)",
        "  personal_data: A \"yes\" | B \"no\"",
        "  telecom_rules: A true | B false",
        "  verdict: A \"allowed_with_actions\" | B \"no_action_needed\"",
        "  register_processing: A required | B -",
        "  brief_staff: A recommended | B -",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "no line {line:?} in\n{text}"
        );
    }
    assert!(!text.contains("Geen verschillen"));

    let out = s.run(&["compare", &a, &a]);
    out.assert_ok();
    assert!(
        out.stdout
            .ends_with("\nGeen verschillen in antwoorden, bevindingen of acties.\n"),
        "{}",
        out.stdout
    );
    let out = s.run(&["--lang", "en", "compare", &a, &b]);
    out.assert_ok();
    assert!(
        out.stdout.contains("\nAnswers\n  channel: A"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("\nFindings\n  the same\n"),
        "{}",
        out.stdout
    );
    s.run(&["compare", &a, "2099"])
        .assert_error(2, "geen verslag met id \"2099\" in store");
}

#[test]
fn new_warns_about_personal_data_in_the_campaign_but_saves() {
    let s = Scratch::new("new-guard");
    let description = "Vragen naar jan.jansen@example.nl sturen";
    let mut v: Value = serde_json::from_str(EXAMPLE).unwrap();
    v["campaign"]["description"] = json!(description);
    s.write("answers.json", serde_json::to_string_pretty(&v).unwrap());
    let out = s.run(&["new", "--answers", "answers.json"]);
    out.assert_ok();
    let warning = guard::warning(description, Lang::Nl).expect("the guard sees an e-mail address");
    assert_eq!(
        out.stderr,
        format!("avg-wijzer: answers.json: campaign.description: {warning}\n")
    );
    let id = out.stdout.trim();
    assert_eq!(out.stdout, format!("{id}\n"));
    let r = record::parse(&fs::read_to_string(s.record_path(id)).unwrap()).unwrap();
    assert_eq!(r.campaign.description, description);
    assert_eq!(r.status, Status::Completed);
    check_store_records(&s, &[]);
}

#[test]
fn new_refuses_bad_answers_and_saves_nothing() {
    let s = Scratch::new("new-bad");
    s.write("answers.json", example_with(json!({ "channel": ["fax"] })));
    let out = s.run(&["new", "--answers", "answers.json"]);
    assert_eq!(out.code, 2, "{out:?}");
    assert_eq!(out.stdout, "");
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    assert!(out.stderr.contains("answers.json") && out.stderr.contains("channel"));
    let files = if s.store().exists() {
        s.store_files()
    } else {
        BTreeMap::new()
    };
    assert!(files.is_empty(), "{:?}", files.keys());
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
    v["format_version"] = json!(3);
    assert_eq!(record::from_value(v.clone()), Err(Unreadable::Future(3)));
    assert_eq!(
        Unreadable::Future(3).to_string(),
        "gemaakt met formaatversie 3, nieuwer dan deze versie van AVG-wijzer kan lezen (2); werk AVG-wijzer bij"
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
