//! Tampering is found, and bad files are not hidden: `verify` says whether a record file is
//! intact, altered or unreadable, and `list` gives every bad file in a store one clear line,
//! never touches it, and still lists the good records next to it.
//!
//! Every run of the binary gets `--store` with a directory of its own (a temporary directory,
//! removed afterwards) and runs in that directory, so messages name short relative paths. The
//! user's real store is never touched.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::collections::BTreeMap;
use std::fs;

use serde_json::{Value, json};

use avg_wijzer::record;

mod common;
use common::records::example_with;
use common::{EXAMPLE, Scratch, check_store_records, reseal};

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
    v["format_version"] = json!(4);
    s.write("future.json", serde_json::to_string_pretty(&v).unwrap());
    s.run(&["verify", "future.json"]).assert_error(
        2,
        "future.json: gemaakt met formaatversie 4, nieuwer dan deze versie van AVG-wijzer kan lezen (3); werk AVG-wijzer bij",
    );
    // Also when it is sealed: a newer file may well be intact, but it cannot be read.
    reseal(&mut v);
    s.write("future.json", serde_json::to_string_pretty(&v).unwrap());
    s.run(&["verify", "future.json"]).assert_error(
        2,
        "future.json: gemaakt met formaatversie 4, nieuwer dan deze versie van AVG-wijzer kan lezen (3); werk AVG-wijzer bij",
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
            "gemaakt met formaatversie 7, nieuwer dan deze versie van AVG-wijzer kan lezen (3); werk AVG-wijzer bij".into(),
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
                    "answers", "notes", "justifications", "history", "outcome", "signoff",
                    "integrity",
                    "signature", "plan",
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
