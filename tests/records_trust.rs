//! Records a register keeper can trust, tried as an attacker with write access to a shared store
//! would: a record's id never steers a save out of the store or onto another record, a record
//! that fails verification is never sealed again (unless continued knowingly, as a revision that
//! says so), the history and the revisions are chained by hash, and `verify` checks a record
//! against the fingerprint in the register and its advice against its answers.
use std::fs;

use serde_json::{Value, json};

use avg_wijzer::record::{self, Event, Verification};
use avg_wijzer::store;

mod common;
use common::{EXAMPLE, Scratch, reseal};

fn json_of(path: &std::path::Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

fn write_json(path: &std::path::Path, v: &Value) {
    fs::write(path, serde_json::to_string_pretty(v).unwrap()).unwrap();
}

const SIGNOFF: [&str; 4] = ["--name", "B. Jansen", "--decision", "approved"];

fn sign_off(s: &Scratch, id: &str, extra: &[&str]) -> common::Out {
    let mut args = vec!["signoff", id];
    args.extend(SIGNOFF);
    args.extend(extra);
    s.run(&args)
}

#[test]
fn an_id_that_is_a_path_never_makes_a_save_write_outside_the_store() {
    let s = Scratch::new("trust-escape");
    let id = s.new_record("answers.json", EXAMPLE);
    let path = s.record_path(&id);
    for evil in [
        "../outside/escaped",
        "/tmp/avg-wijzer-escaped",
        "..",
        "a/b",
        ".hidden",
    ] {
        let mut v = json_of(&path);
        v["id"] = json!(evil);
        reseal(&mut v);
        write_json(&path, &v);
        // Listed as unreadable, with the reason; signing off and resuming refuse it.
        let out = s.run(&["list"]);
        out.assert_ok();
        assert!(
            out.stdout.contains("is geen verslag-id"),
            "{evil}: {}",
            out.stdout
        );
        let out = sign_off(&s, &id, &[]);
        assert_eq!(out.code, 2, "{evil}: {out:?}");
        assert!(out.stderr.contains("is geen verslag-id"), "{}", out.stderr);
        let out = s.run(&["--plain", "--resume", &id]);
        assert_eq!(out.code, 2, "{evil}: {out:?}");
        // `verify` does not call it intact either: the store would never accept it.
        let out = s.run(&["verify", path.to_str().unwrap()]);
        assert_eq!(out.code, 2, "{evil}: {out:?}");
    }
    assert!(!s.dir.join("outside").exists());
    assert!(!std::path::Path::new("/tmp/avg-wijzer-escaped.json").exists());
    // Nothing but the one record (and the store's own hidden files) was ever written.
    assert_eq!(s.store_files().len(), 1);
}

#[test]
fn a_copy_under_another_name_is_not_a_record_and_cannot_overwrite_the_original() {
    let s = Scratch::new("trust-copy");
    let a = s.new_record("answers.json", EXAMPLE);
    let original = fs::read(s.record_path(&a)).unwrap();
    let copy = format!("{}-kopie", a);
    fs::write(s.record_path(&copy), &original).unwrap();
    let out = s.run(&["list"]);
    assert!(
        out.stdout
            .contains(&format!("Onleesbaar: {copy}.json: de inhoud klopt niet")),
        "{}",
        out.stdout
    );
    let out = sign_off(&s, &copy, &[]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr.contains("het is een kopie of hernoemd"),
        "{out:?}"
    );
    assert_eq!(fs::read(s.record_path(&a)).unwrap(), original);
}

#[test]
fn an_empty_or_missing_hash_never_skips_the_check_for_another_save() {
    let s = Scratch::new("trust-empty-hash");
    let id = s.new_record("answers.json", EXAMPLE);
    let store = s.open_store();
    let on_disk = fs::read(s.record_path(&id)).unwrap();
    let mut r = store.load(&id).unwrap().record;
    r.campaign.name = "Overschreven".into();
    for hash in ["", "0"] {
        r.integrity.hash = hash.into();
        let e = store.save(&mut r).unwrap_err();
        assert!(
            format!("{e:#}").contains("intussen door een ander venster of proces opgeslagen"),
            "{e:#}"
        );
        assert_eq!(fs::read(s.record_path(&id)).unwrap(), on_disk);
    }
    // A record with an id the store would never make is not saved at all.
    r.id = "../buiten".into();
    assert!(store.save(&mut r).is_err());
    assert!(store.create(&mut r).is_err());
    assert!(!s.dir.join("buiten.json").exists());
}

/// Edits the participants and the creation date, as someone forging a record would, without
/// resealing it.
fn forge(s: &Scratch, id: &str) {
    let path = s.record_path(id);
    let mut v = json_of(&path);
    v["participants"] = json!([{ "name": "Iemand Anders", "role": "FG" }]);
    v["created"] = json!("2020-01-01T00:00:00Z");
    write_json(&path, &v);
}

#[test]
fn signing_off_or_resuming_refuses_a_tampered_record_and_never_launders_it() {
    let s = Scratch::new("trust-launder");
    let id = s.new_record("answers.json", EXAMPLE);
    forge(&s, &id);
    let forged = fs::read(s.record_path(&id)).unwrap();
    let out = s.run(&["verify", &id]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(out.stdout.contains("created, participants"), "{out:?}");

    let out = sign_off(&s, &id, &[]);
    assert_eq!(out.code, 2, "{out:?}");
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr.contains(&format!(
            "verslag {id} is na het opslaan gewijzigd (created, participants): niet voort te zetten"
        )) && out.stderr.contains(&format!("avg-wijzer verify {id}")),
        "{}",
        out.stderr
    );
    let out = s.run(&["--plain", "--resume", &id]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr.contains("is na het opslaan gewijzigd"),
        "{out:?}"
    );
    let out = s.run(&["export", &id, "--format", "md"]);
    assert_eq!(out.code, 2, "{out:?}");
    // Still altered, byte for byte the forged file: nothing sealed it.
    assert_eq!(fs::read(s.record_path(&id)).unwrap(), forged);
    assert_eq!(s.run(&["verify", &id]).code, 1);
    // Reading it is allowed, with a warning.
    let out = s.run(&["show", &id]);
    out.assert_ok();
    assert!(out.stderr.contains("LET OP"), "{out:?}");
}

#[test]
fn accept_altered_continues_a_tampered_record_as_a_revision_that_says_so() {
    let s = Scratch::new("trust-accept");
    let id = s.new_record("answers.json", EXAMPLE);
    forge(&s, &id);
    let forged = fs::read(s.record_path(&id)).unwrap();
    let out = sign_off(&s, &id, &["--accept-altered"]);
    out.assert_ok();
    let new_id = out.stdout.split(':').next().unwrap().to_string();
    assert_ne!(new_id, id);
    assert!(out.stderr.contains("nieuwe revisie"), "{out:?}");
    // The forged file is untouched and still fails; the revision is intact and says what its
    // parent was.
    assert_eq!(fs::read(s.record_path(&id)).unwrap(), forged);
    assert_eq!(s.run(&["verify", &id]).code, 1);
    let out = s.run(&["verify", &new_id]);
    out.assert_ok();
    let r = store::read_record(&s.record_path(&new_id)).unwrap();
    assert_eq!(r.revision, 2);
    let previous = r.previous.clone().unwrap();
    assert_eq!(previous.id, id);
    assert_eq!(
        previous.hash.as_deref(),
        Some(record::fingerprint_of(&json_of(&s.record_path(&id))).as_str())
    );
    match &r.history[0] {
        Event::Revision { altered, .. } => {
            assert_eq!(altered, &["created", "participants"])
        }
        e => panic!("first event {e:?}"),
    }
    assert!(r.signoff.is_some());
    let out = s.run(&["show", &new_id]);
    let shown = out.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        shown.contains(
            "voortgezet hoewel het de controle niet doorstond; gewijzigd: created, participants"
        ),
        "{}",
        out.stdout
    );
}

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
    // Continue the signed record: a new revision, saved at once.
    s.run(&["--plain", "--resume", &first]).assert_ok();
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
