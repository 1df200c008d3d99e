//! The fixtures of format version 2 (`tests/records/v2/`) open, verify and show forever, and
//! the current writer still writes them byte for byte: a signed-off record signed with the
//! FG's SSH key, and its second revision, which names the first one's fingerprint.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;
use std::path::PathBuf;

use avg_wijzer::record::{self, Event};

mod common;
use common::{Scratch, assert_record_file};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/records/v2");
const FIRST: &str = "20261130-055919-8ab0ba4ceb";
const SECOND: &str = "20261130-055922-afd35ba60b";

fn fixture(id: &str) -> (PathBuf, String) {
    let path = PathBuf::from(FIXTURES).join(format!("{id}.json"));
    let text = fs::read_to_string(&path).expect("the v2 fixture is there");
    (path, text)
}

#[test]
fn every_v2_fixture_opens_verifies_and_is_written_as_it_was() {
    for id in [FIRST, SECOND] {
        let (_, text) = fixture(id);
        assert_record_file(&text, id);
        let r = record::parse(&text).unwrap();
        assert_eq!(r.id, id);
        // A change to how records are written needs a new format version, a migration and a
        // folder of fixtures of its own.
        if record::VERSION == 2 {
            assert_eq!(
                r.clone().to_json(),
                text,
                "{id}: version 2 is no longer written as it was; bump record::VERSION"
            );
        }
    }
}

#[test]
fn the_v2_fixtures_hold_what_they_were_made_with() {
    let first = record::parse(&fixture(FIRST).1).unwrap();
    let second = record::parse(&fixture(SECOND).1).unwrap();
    let sig = first.signature.as_ref().expect("signed with the FG's key");
    let public = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/keys/fg_ed25519.pub"
    ))
    .unwrap();
    assert_eq!(
        sig.public_key.split_whitespace().nth(1),
        public.split_whitespace().nth(1)
    );
    assert!(second.signature.is_none() && second.signoff.is_none());
    let previous = second.previous.as_ref().expect("a revision");
    assert_eq!(previous.id, FIRST);
    assert_eq!(
        previous.hash.as_deref(),
        Some(first.integrity.hash.as_str())
    );
    assert!(matches!(
        &second.history[0],
        Event::Revision { previous_hash: Some(h), altered, .. }
            if *h == first.integrity.hash && altered.is_empty()
    ));
}

#[test]
fn verify_follows_the_v2_fixtures_chain_and_signature() {
    let s = Scratch::new("v2-fixtures");
    let allowed = s.write(
        "allowed_signers",
        format!(
            "fg@bibliotheek.nl {}",
            fs::read_to_string(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/keys/fg_ed25519.pub"
            ))
            .unwrap()
        ),
    );
    let (first, _) = fixture(FIRST);
    let out = s.run(&[
        "verify",
        first.to_str().unwrap(),
        "--allowed-signers",
        allowed.to_str().unwrap(),
    ]);
    out.assert_ok();
    assert!(
        out.stdout.contains("de hashketen klopt")
            && out
                .stdout
                .contains("handtekening: klopt; gezet met sleutel"),
        "{}",
        out.stdout
    );
    let (second, _) = fixture(SECOND);
    let out = s.run(&["verify", second.to_str().unwrap()]);
    out.assert_ok();
    assert!(
        out.stdout
            .contains(&format!("vorige revisie {FIRST}: vingerafdruk klopt")),
        "{}",
        out.stdout
    );
}
