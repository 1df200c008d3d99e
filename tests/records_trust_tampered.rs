//! Records a register keeper can trust, tried as an attacker with write access to a shared store
//! would: a record that fails verification is never sealed again by signing off, resuming or
//! exporting (whichever of `verify`'s checks it fails), unless continued knowingly, as a revision
//! that says so. What these tests share is in `common::trust`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;

use serde_json::{Value, json};

use avg_wijzer::record::{self, Event};
use avg_wijzer::store;

mod common;
use common::trust::{json_of, sign_off, sign_off_as_x, write_json};
use common::{EXAMPLE, Scratch, reseal};

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

/// Found in review: a check that `verify` makes on the file alone (the FG's signature, the
/// history's chain, the advice against the answers) was not one that resuming, signing off or
/// exporting made. A forgery resealed without the FG's key passed them all.
#[test]
fn every_check_of_verify_guards_resume_signoff_and_export() {
    let keys = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/keys");
    let s = Scratch::new("trust-every-check");
    type Forge = Box<dyn Fn(&mut Value)>;
    let forgeries: [(&str, Forge); 3] = [
        // Signed with the FG's key; the remarks changed and the record resealed.
        (
            "signature",
            Box::new(|v| v["signoff"]["remarks"] = json!("Geen voorwaarden.")),
        ),
        // An answer's event changed and only the integrity block resealed.
        (
            "history",
            Box::new(|v| v["history"][2]["at"] = json!("2020-01-01T00:00:00Z")),
        ),
        // Another verdict than the answers give, resealed.
        (
            "outcome",
            Box::new(|v| v["outcome"]["findings"]["verdict"] = json!("allowed")),
        ),
    ];
    for (part, forge) in forgeries {
        let id = s.new_record(&format!("{part}.json"), EXAMPLE);
        if part == "signature" {
            s.run(&[
                "signoff",
                &id,
                "--name",
                "B. Jansen",
                "--decision",
                "approved-with-conditions",
                "--conditions",
                "Eerst de DPIA.",
                "--key",
                &format!("{keys}/fg_ed25519"),
            ])
            .assert_ok();
        }
        let path = s.record_path(&id);
        let mut v = json_of(&path);
        forge(&mut v);
        reseal(&mut v);
        write_json(&path, &v);
        let forged = fs::read(&path).unwrap();
        assert_eq!(s.run(&["verify", &id]).code, 1, "{part}");
        for args in [
            vec!["--plain", "--resume", id.as_str()],
            vec!["export", id.as_str(), "--format", "md"],
            sign_off_as_x(&id),
        ] {
            let out = s.run(&args);
            assert_eq!(out.code, 2, "{part}: {args:?}: {out:?}");
            assert!(
                out.stderr.contains(&format!("gewijzigd ({part}")),
                "{part}: {args:?}: {}",
                out.stderr
            );
        }
        assert_eq!(fs::read(&path).unwrap(), forged, "{part}: nothing written");
    }
}
