//! Records a register keeper can trust, tried as an attacker with write access to a shared store
//! would: a record's id never steers a save out of the store or onto another record (an id that
//! is a path, a copy under another name, an empty hash), a record file that is a link is not a
//! record, and a signature on a record that was never signed off does not pass `verify`. What
//! these tests share is in `common::trust`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;

use serde_json::json;

mod common;
use common::trust::{json_of, sign_off, sign_off_as_x, write_json};
use common::{EXAMPLE, Scratch, reseal};

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

/// Found in review: a record file that is a link was followed by `show`, `verify` and
/// `signoff`, and a signature on a record that was never signed off passed `verify`.
#[test]
fn a_linked_record_file_is_not_a_record_and_a_signature_needs_a_sign_off() {
    let s = Scratch::new("trust-links");
    let id = s.new_record("answers.json", EXAMPLE);
    let elsewhere = s.path("elders");
    fs::create_dir_all(&elsewhere).unwrap();
    let outside = elsewhere.join(format!("{id}.json"));
    fs::rename(s.record_path(&id), &outside).unwrap();
    std::os::unix::fs::symlink(&outside, s.record_path(&id)).unwrap();
    for args in [vec!["show", id.as_str()], sign_off_as_x(&id)] {
        let out = s.run(&args);
        assert_eq!(out.code, 2, "{args:?}: {out:?}");
    }
    fs::remove_file(s.record_path(&id)).unwrap();
    fs::rename(&outside, s.record_path(&id)).unwrap();

    // A signature by the FG's key over this very fingerprint, but no sign-off.
    let signed = Scratch::new("trust-links-signed");
    let other = signed.new_record("answers.json", EXAMPLE);
    signed
        .run(&[
            "signoff",
            &other,
            "--name",
            "B. Jansen",
            "--decision",
            "approved",
            "--key",
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/keys/fg_ed25519"),
        ])
        .assert_ok();
    let signature = json_of(&signed.record_path(&other))["signature"].clone();
    let mut v = json_of(&s.record_path(&id));
    v["signature"] = signature;
    write_json(&s.record_path(&id), &v);
    let out = s.run(&["verify", &id]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stdout.contains("handtekening: KLOPT NIET"),
        "{}",
        out.stdout
    );
}
