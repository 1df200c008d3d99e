//! Records a register keeper can trust, checked by `verify`: the history and the revisions are
//! chained by hash, a record is checked against the fingerprint in the register (`--expect`) and
//! its advice against its answers (held to the wording of the version that wrote it), and a
//! format version that is not a number makes it unreadable. What these tests share is in
//! `common::trust`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use serde_json::json;

use avg_wijzer::record::{self, Verification};
use avg_wijzer::store;

mod common;
use common::trust::{json_of, sign_off, write_json};
use common::{EXAMPLE, Scratch, reseal};

#[test]
fn the_history_is_chained_and_an_edited_event_is_found_even_after_resealing() {
    let s = Scratch::new("trust-chain");
    let id = s.new_record("answers.json", EXAMPLE);
    let path = s.record_path(&id);
    let v = json_of(&path);
    let events = v["history"].as_array().unwrap();
    assert!(events.len() > 3);
    assert!(
        events
            .iter()
            .all(|e| e["hash"].as_str().is_some_and(|h| h.len() == 64))
    );
    // An answer's time pushed back in the history, and the record resealed keylessly: the
    // integrity hash holds, the chain does not.
    let mut forged = v.clone();
    forged["history"][2]["at"] = json!("2020-01-01T00:00:00Z");
    reseal(&mut forged);
    assert_eq!(record::verify_value(&forged), Verification::Intact);
    write_json(&path, &forged);
    let out = s.run(&["verify", &id]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stdout
            .contains("de hashketen is GEBROKEN bij gebeurtenis 3 van"),
        "{}",
        out.stdout
    );
}

#[test]
fn revisions_name_their_parents_fingerprint_and_verify_follows_the_chain() {
    let s = Scratch::new("trust-revisions");
    let first = s.new_record("answers.json", EXAMPLE);
    sign_off(&s, &first, &[]).assert_ok();
    // Continue the signed record: opening it writes nothing; a note makes a new revision,
    // saved at once.
    s.run(&["--plain", "--resume", &first]).assert_ok();
    assert_eq!(s.store_files().len(), 1, "no revision on opening");
    s.run_fed(
        &["--plain", "--resume", &first],
        "notitie Besproken met de FG\n".as_bytes(),
    )
    .assert_ok();
    let second = s
        .store_files()
        .into_keys()
        .map(|n| n.trim_end_matches(".json").to_string())
        .find(|n| *n != first)
        .expect("a new revision");
    let signed = json_of(&s.record_path(&first));
    let r = store::read_record(&s.record_path(&second)).unwrap();
    assert_eq!(
        r.previous.unwrap().hash.as_deref(),
        signed["integrity"]["hash"].as_str()
    );
    let out = s.run(&["verify", &second]);
    out.assert_ok();
    assert!(
        out.stdout
            .contains(&format!("vorige revisie {first}: vingerafdruk klopt")),
        "{}",
        out.stdout
    );

    // The signed record changed and resealed: its own hash holds, the link does not.
    let mut forged = signed.clone();
    forged["signoff"]["decision"] = json!("rejected");
    reseal(&mut forged);
    write_json(&s.record_path(&first), &forged);
    assert_eq!(s.run(&["verify", &first]).code, 0);
    let out = s.run(&["verify", &second]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stdout
            .contains(&format!("vorige revisie {first}: vingerafdruk KLOPT NIET")),
        "{}",
        out.stdout
    );
}

#[test]
fn verify_expect_checks_the_fingerprint_in_the_register() {
    let s = Scratch::new("trust-expect");
    let id = s.new_record("answers.json", EXAMPLE);
    let hash = json_of(&s.record_path(&id))["integrity"]["hash"]
        .as_str()
        .unwrap()
        .to_string();
    let file = s.record_path(&id);
    let file = file.to_str().unwrap();
    let out = s.run(&["verify", file, "--expect", &hash]);
    out.assert_ok();
    assert!(out.stdout.contains("(--expect): klopt"), "{}", out.stdout);
    let out = s.run(&[
        "verify",
        file,
        "--expect",
        &format!("sha256:{}", hash.to_uppercase()),
    ]);
    out.assert_ok();

    // A forged record resealed keylessly is intact on its own, but not the one in the
    // register.
    let mut v = json_of(&s.record_path(&id));
    v["campaign"]["name"] = json!("Iets anders");
    reseal(&mut v);
    write_json(&s.record_path(&id), &v);
    let out = s.run(&["verify", file, "--expect", &hash]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stdout
            .contains(&format!("(--expect): KLOPT NIET; verwacht {hash}")),
        "{}",
        out.stdout
    );
}

#[test]
fn verify_finds_advice_that_does_not_follow_from_the_answers() {
    let s = Scratch::new("trust-advice");
    let id = s.new_record("answers.json", EXAMPLE);
    let mut v = json_of(&s.record_path(&id));
    // A verdict turned around and the record resealed: the hash holds, the advice does not.
    v["outcome"]["findings"]["verdict"] = json!("allowed");
    reseal(&mut v);
    write_json(&s.record_path(&id), &v);
    let out = s.run(&["verify", &id]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stdout
            .contains("advies: volgt NIET uit de opgeslagen antwoorden"),
        "{}",
        out.stdout
    );
}

/// A later version of the program may word the same advice otherwise: a record it did not make
/// is held to what its advice decides, one it made to every letter.
#[test]
fn the_advice_check_holds_wording_to_the_version_that_wrote_it() {
    let s = Scratch::new("trust-wording");
    let id = s.new_record("answers.json", EXAMPLE);
    let path = s.record_path(&id);
    let original = json_of(&path);
    let reworded = |version: &str| {
        let mut v = original.clone();
        v["tool"]["version"] = json!(version);
        v["outcome"]["actions"][0]["rationale"] = json!("Anders verwoord.");
        reseal(&mut v);
        write_json(&path, &v);
        s.run(&["verify", &id])
    };
    let out = reworded("0.0.9");
    out.assert_ok();
    assert!(out.stdout.contains("advies: volgt uit"), "{}", out.stdout);
    let current = original["tool"]["version"].as_str().unwrap().to_string();
    let out = reworded(&current);
    assert_eq!(out.code, 1, "{out:?}");
    // What the advice decides is held whatever the version.
    let mut v = original.clone();
    v["tool"]["version"] = json!("0.0.9");
    v["outcome"]["actions"][0]["level"] = json!("recommended");
    reseal(&mut v);
    write_json(&path, &v);
    assert_eq!(s.run(&["verify", &id]).code, 1);
}

#[test]
fn a_format_version_that_is_not_a_number_is_unreadable_for_every_command() {
    let s = Scratch::new("trust-version");
    let id = s.new_record("answers.json", EXAMPLE);
    let mut v = json_of(&s.record_path(&id));
    v["format_version"] = json!("2");
    write_json(&s.record_path(&id), &v);
    let line = format!(
        "{}: \"format_version\" ontbreekt of is geen geheel getal",
        s.record_path(&id).display()
    );
    let verify = s.run(&["verify", s.record_path(&id).to_str().unwrap()]);
    verify.assert_error(2, &line);
    let show = s.run(&["show", &id]);
    assert_eq!(show.code, 2);
    assert!(
        show.stderr
            .ends_with("\"format_version\" ontbreekt of is geen geheel getal\n"),
        "{show:?}"
    );
}
