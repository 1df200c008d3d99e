//! A sign-off you can prove, end to end as a register keeper meets it: the FG signs with their
//! own SSH key (`signoff --key`), the exports name the key, `verify --allowed-signers` checks
//! the signature against the keepers's list, and `ssh-keygen -Y verify` alone checks the
//! exported signature over the fingerprint written in the register. A forgery resealed without
//! the key fails every one of these.
//!
//! Needs `ssh-keygen` (Debian package openssh-client), as `tests/signature_interop.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;
use std::os::unix::fs::PermissionsExt;

use serde_json::{Value, json};

mod common;
use common::{EXAMPLE, PRINCIPAL, Scratch, reseal, ssh_keygen};

const KEYS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/keys");

fn key(name: &str) -> String {
    format!("{KEYS}/{name}")
}

fn public_key(name: &str) -> String {
    fs::read_to_string(key(&format!("{name}.pub"))).unwrap()
}

/// `signoff ID` by B. Jansen, approved, with `extra` arguments and environment.
fn sign_off(s: &Scratch, id: &str, extra: &[&str], env: &[(&str, &str)]) -> common::Out {
    let mut args = vec![
        "signoff",
        id,
        "--name",
        "B. Jansen",
        "--decision",
        "approved",
    ];
    args.extend(extra);
    s.run_with(&args, env)
}

/// A completed record signed off by the FG with the unprotected test key; its id and hash.
fn signed(s: &Scratch) -> (String, String) {
    let id = s.new_record("answers.json", EXAMPLE);
    let out = sign_off(s, &id, &["--key", &key("fg_ed25519")], &[]);
    out.assert_ok();
    let v: Value = serde_json::from_str(&fs::read_to_string(s.record_path(&id)).unwrap()).unwrap();
    let hash = v["integrity"]["hash"].as_str().unwrap().to_string();
    assert!(
        out.stdout.contains("ondertekend met SSH-sleutel SHA256:")
            && out
                .stdout
                .contains(&format!("vingerafdruk (sha256): {hash}")),
        "{}",
        out.stdout
    );
    (id, hash)
}

#[test]
fn a_signed_sign_off_verifies_with_the_tool_and_with_ssh_keygen_alone() {
    let s = Scratch::new("sig-cli");
    let (id, hash) = signed(&s);
    let allowed = s.write(
        "allowed_signers",
        format!(
            "{PRINCIPAL} namespaces=\"avg-wijzer\" {}",
            public_key("fg_ed25519")
        ),
    );
    let allowed = allowed.to_str().unwrap();

    // Without the keeper's list: the signature fits the record, whose key is not yet known.
    let out = s.run(&["verify", &id]);
    out.assert_ok();
    assert!(
        out.stdout.contains("handtekening: past bij dit verslag"),
        "{}",
        out.stdout
    );
    // With it: whose key it is, and all of it against the fingerprint in the register.
    let out = s.run(&[
        "verify",
        &id,
        "--allowed-signers",
        allowed,
        "--expect",
        &hash,
    ]);
    out.assert_ok();
    assert!(
        out.stdout
            .contains("handtekening: klopt; gezet met sleutel SHA256:")
            && out
                .stdout
                .contains(&format!("van {PRINCIPAL} (regel 1 van")),
        "{}",
        out.stdout
    );

    // The register keeper with OpenSSH alone: the exported signature over the fingerprint.
    s.run(&["export", &id, "--format", "sig", "-o", "verslag.sig"])
        .assert_ok();
    let sig = s.path("verslag.sig");
    let check = |message: &str| {
        ssh_keygen(
            &[
                "-Y",
                "verify",
                "-f",
                allowed,
                "-I",
                PRINCIPAL,
                "-n",
                "avg-wijzer",
                "-s",
                sig.to_str().unwrap(),
            ],
            message.as_bytes(),
        )
    };
    let ok = check(&hash);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let mut other = hash.clone();
    other.replace_range(0..1, if hash.starts_with('0') { "1" } else { "0" });
    assert!(!check(&other).status.success());

    // Every export names the key; the private key is nowhere in the store.
    let fingerprint = {
        let v: Value =
            serde_json::from_str(&fs::read_to_string(s.record_path(&id)).unwrap()).unwrap();
        v["signature"]["key_fingerprint"]
            .as_str()
            .unwrap()
            .to_string()
    };
    for format in ["md", "html", "csv"] {
        let out = s.run(&["export", &id, "--format", format]);
        out.assert_ok();
        assert!(
            out.stdout.contains(&fingerprint),
            "{format}: {}",
            out.stdout
        );
    }
    for (name, bytes) in s.store_files() {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("PRIVATE KEY"), "{name}");
    }
}

#[test]
fn a_forgery_resealed_without_the_key_fails_the_signature() {
    let s = Scratch::new("sig-forged");
    let (id, _) = signed(&s);
    let allowed = s.write(
        "allowed_signers",
        format!("{PRINCIPAL} {}", public_key("fg_ed25519")),
    );
    let path = s.record_path(&id);
    let mut v: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    // "Rejected" turned into "approved" by someone without the FG's key.
    v["signoff"]["decision"] = json!("rejected");
    reseal(&mut v);
    fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    for extra in [
        &[][..],
        &["--allowed-signers", allowed.to_str().unwrap()][..],
    ] {
        let mut args = vec!["verify", id.as_str()];
        args.extend(extra);
        let out = s.run(&args);
        assert_eq!(out.code, 1, "{out:?}");
        assert!(
            out.stdout.contains("handtekening: KLOPT NIET"),
            "{}",
            out.stdout
        );
    }
    // A signature by a key the keeper does not list fails too, on an intact record.
    let s = Scratch::new("sig-unlisted");
    let (id, _) = signed(&s);
    let other = s.write(
        "allowed_signers",
        format!("{PRINCIPAL} {}", public_key("other_ed25519")),
    );
    let out = s.run(&["verify", &id, "--allowed-signers", other.to_str().unwrap()]);
    assert_eq!(out.code, 1, "{out:?}");
}

#[test]
fn an_unsigned_sign_off_is_labelled_and_fails_a_signature_check() {
    let s = Scratch::new("sig-unsigned");
    let id = s.new_record("answers.json", EXAMPLE);
    s.run(&[
        "signoff",
        &id,
        "--name",
        "B. Jansen",
        "--decision",
        "approved",
    ])
    .assert_ok();
    let out = s.run(&["export", &id, "--format", "md"]);
    assert!(
        out.stdout
            .contains("SSH-sleutel: niet ondertekend (aftekening zonder sleutel)"),
        "{}",
        out.stdout
    );
    let out = s.run(&["verify", &id]);
    out.assert_ok();
    assert!(out.stdout.contains("handtekening: geen;"), "{}", out.stdout);
    let allowed = s.write(
        "allowed_signers",
        format!("{PRINCIPAL} {}", public_key("fg_ed25519")),
    );
    let out = s.run(&[
        "verify",
        &id,
        "--allowed-signers",
        allowed.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(out.stdout.contains("handtekening: GEEN"), "{}", out.stdout);
    let out = s.run(&["export", &id, "--format", "sig"]);
    assert_eq!(out.code, 2, "{out:?}");
}

#[test]
fn a_protected_key_takes_its_passphrase_and_a_wrong_key_saves_nothing() {
    let s = Scratch::new("sig-protected");
    let id = s.new_record("answers.json", EXAMPLE);
    let before = fs::read(s.record_path(&id)).unwrap();
    let protected = key("fg_ed25519_protected");
    let sign = |extra: &[&str], env: &[(&str, &str)]| sign_off(&s, &id, extra, env);
    // No terminal to ask on and no passphrase given: refused, saying how.
    let out = sign(&["--key", &protected], &[]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr.contains("AVG_WIJZER_KEY_PASSPHRASE"),
        "{}",
        out.stderr
    );
    let out = sign(
        &["--key", &protected],
        &[("AVG_WIJZER_KEY_PASSPHRASE", "fout")],
    );
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr.contains("de wachtwoordzin is onjuist"),
        "{}",
        out.stderr
    );
    // Not an Ed25519 key, and a public key instead of a private one.
    for (k, says) in [
        (key("fg_ecdsa"), "Ed25519"),
        (key("fg_ed25519.pub"), "publieke sleutel"),
    ] {
        let out = sign(&["--key", &k], &[]);
        assert_eq!(out.code, 2, "{out:?}");
        assert!(out.stderr.contains(says), "{}", out.stderr);
    }
    assert_eq!(
        fs::read(s.record_path(&id)).unwrap(),
        before,
        "nothing saved"
    );
    let out = sign(
        &["--key", &protected],
        &[("AVG_WIJZER_KEY_PASSPHRASE", "geheime wachtwoordzin")],
    );
    out.assert_ok();

    // A key kept in the store's folder is pointed out.
    let s = Scratch::new("sig-in-store");
    let id = s.new_record("answers.json", EXAMPLE);
    let inside = s.store().join("mijn_sleutel");
    fs::copy(key("fg_ed25519"), &inside).unwrap();
    fs::set_permissions(&inside, fs::Permissions::from_mode(0o600)).unwrap();
    let out = sign_off(&s, &id, &["--key", inside.to_str().unwrap()], &[]);
    out.assert_ok();
    assert!(
        out.stderr
            .contains("deze privésleutel staat in de map van de verslagen"),
        "{}",
        out.stderr
    );
}

/// Found in review: without the signer's identity, any key in the keeper's list passed, also
/// one that is not the FG's. `--principal` is ssh-keygen's `-I`: only that person's lines count.
#[test]
fn the_principal_names_whose_signature_counts() {
    let s = Scratch::new("sig-principal");
    let (id, _) = signed(&s);
    let key_line = public_key("fg_ed25519").trim().to_string();
    let allowed = s.write(
        "allowed_signers",
        format!("mallory@bibliotheek.nl {key_line}"),
    );
    let allowed = allowed.to_str().unwrap();
    let out = s.run(&["verify", &id, "--allowed-signers", allowed]);
    out.assert_ok();
    assert!(
        out.stdout.contains("van mallory@bibliotheek.nl"),
        "{}",
        out.stdout
    );
    let out = s.run(&[
        "verify",
        &id,
        "--allowed-signers",
        allowed,
        "--principal",
        PRINCIPAL,
    ]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stdout.contains("handtekening: KLOPT NIET"),
        "{}",
        out.stdout
    );
    let both = s.write(
        "allowed_signers_both",
        format!("mallory@bibliotheek.nl {key_line}\n{PRINCIPAL},*@fg.example {key_line}"),
    );
    let out = s.run(&[
        "verify",
        &id,
        "--allowed-signers",
        both.to_str().unwrap(),
        "--principal",
        PRINCIPAL,
    ]);
    out.assert_ok();
    assert!(out.stdout.contains("(regel 2 van"), "{}", out.stdout);
}
