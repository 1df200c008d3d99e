//! The FG's SSH signature on a record (`record::signature`): what it accepts and refuses, with
//! the fixed test keys under `tests/keys/` (see the README there). The interoperability with
//! OpenSSH itself is in `tests/signature_interop.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::time::{SystemTime, UNIX_EPOCH};

use proptest::prelude::*;

use avg_wijzer::record::signature::{
    self, Exclusion, LineProblem, NAMESPACE, SignError, Signature, VerifyError, VerifyTime,
};

mod common;
use common::{KEY, KEY_PUB, key_of};

const PROTECTED: &str = include_str!("keys/fg_ed25519_protected");
const PROTECTED_PUB: &str = include_str!("keys/fg_ed25519_protected.pub");
const PASSPHRASE: &str = "geheime wachtwoordzin";
const OTHER_PUB: &str = include_str!("keys/other_ed25519.pub");
const ECDSA: &str = include_str!("keys/fg_ecdsa");
/// Made with `ssh-keygen -Y sign -f fg_ed25519 -n other` over [`MESSAGE`].
const OTHER_NAMESPACE_SIG: &str = include_str!("keys/other_namespace.sig");
/// As `ssh-keygen -l -f fg_ed25519.pub` shows it.
const KEY_FINGERPRINT: &str = "SHA256:l4vmC7g4mXNIQJQakhY4K5PoBoDj7o+rc3xXzCJsZN0";

/// A record fingerprint as it is signed: 64 lowercase hex characters, no newline.
const MESSAGE: &[u8] = b"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

fn now() -> VerifyTime {
    let unix = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    VerifyTime::utc(unix)
}

fn allowed(line_options: &str) -> String {
    format!(
        "# De FG van de bibliotheek\nfg@bibliotheek.nl {line_options} {}\n",
        key_of(KEY_PUB)
    )
}

fn signed() -> Signature {
    signature::sign(KEY, None, MESSAGE).unwrap()
}

#[test]
fn signs_and_verifies() {
    let sig = signed();
    assert_eq!(sig.public_key, KEY_PUB.trim());
    assert_eq!(sig.key_fingerprint, KEY_FINGERPRINT);
    let signer = signature::verify(&sig, MESSAGE, &allowed(""), now()).unwrap();
    assert_eq!(signer.principals, "fg@bibliotheek.nl");
    assert_eq!(signer.key_fingerprint, KEY_FINGERPRINT);
    assert_eq!(signer.line, 2);
}

#[test]
fn the_armor_is_what_ssh_keygen_writes() {
    let sig = signed();
    let lines: Vec<&str> = sig.armored.lines().collect();
    assert_eq!(lines.first(), Some(&"-----BEGIN SSH SIGNATURE-----"));
    assert_eq!(lines.last(), Some(&"-----END SSH SIGNATURE-----"));
    assert!(sig.armored.ends_with("-----\n"));
    assert!(lines[1..lines.len() - 1].iter().all(|l| l.len() <= 70));
    assert_eq!(lines[1].len(), 70);
    // Ed25519 is deterministic: signing twice gives the same bytes.
    assert_eq!(signed(), sig);
}

#[test]
fn a_changed_message_fails() {
    let mut message = MESSAGE.to_vec();
    message[10] = b'f';
    let err = signature::verify(&signed(), &message, &allowed(""), now()).unwrap_err();
    assert_eq!(err, VerifyError::BadSignature);
    let err = signature::verify(&signed(), b"", &allowed(""), now()).unwrap_err();
    assert_eq!(err, VerifyError::BadSignature);
    // The same fingerprint with a newline is another message.
    let mut with_newline = MESSAGE.to_vec();
    with_newline.push(b'\n');
    let err = signature::verify(&signed(), &with_newline, &allowed(""), now()).unwrap_err();
    assert_eq!(err, VerifyError::BadSignature);
}

#[test]
fn an_altered_armor_fails() {
    let sig = signed();
    // The last base64 line holds the end of the signature bytes: change one character there.
    let lines: Vec<&str> = sig.armored.lines().collect();
    let last = lines[lines.len() - 2];
    let flipped: String = last
        .char_indices()
        .map(|(i, c)| {
            if i == 5 {
                if c == 'A' { 'B' } else { 'A' }
            } else {
                c
            }
        })
        .collect();
    let altered = Signature {
        armored: sig.armored.replace(last, &flipped),
        ..sig.clone()
    };
    assert_ne!(altered.armored, sig.armored);
    let err = signature::verify(&altered, MESSAGE, &allowed(""), now()).unwrap_err();
    assert_eq!(err, VerifyError::BadSignature);

    for armored in [
        String::new(),
        "geen handtekening".to_string(),
        sig.armored.replace("SSH SIGNATURE", "PGP SIGNATURE"),
        sig.armored[..sig.armored.len() / 2].to_string(),
        sig.armored.replace(lines[1], &lines[1][..40]),
    ] {
        let broken = Signature {
            armored,
            ..sig.clone()
        };
        let err = signature::verify(&broken, MESSAGE, &allowed(""), now()).unwrap_err();
        assert_eq!(err, VerifyError::BadArmor, "{}", broken.armored);
    }
}

#[test]
fn surrounding_whitespace_and_windows_line_ends_are_read() {
    let sig = signed();
    let crlf = Signature {
        armored: format!("\n{}\n", sig.armored.replace('\n', "\r\n")),
        ..sig
    };
    signature::verify(&crlf, MESSAGE, &allowed("").replace('\n', "\r\n"), now()).unwrap();
}

#[test]
fn a_swapped_public_key_fails() {
    let sig = signed();
    let swapped = Signature {
        public_key: OTHER_PUB.trim().to_string(),
        ..sig.clone()
    };
    // Even when allowed_signers lists the swapped-in key.
    let both = format!(
        "{}other@bibliotheek.nl {}\n",
        allowed(""),
        key_of(OTHER_PUB)
    );
    let err = signature::verify(&swapped, MESSAGE, &both, now()).unwrap_err();
    assert_eq!(err, VerifyError::KeyMismatch);

    let wrong_fingerprint = Signature {
        key_fingerprint: "SHA256:WJ2v2WKcEBCrVSxe6XLuOGqghG6OJqKKn4QKfO3Xh9s".into(),
        ..sig.clone()
    };
    let err = signature::verify(&wrong_fingerprint, MESSAGE, &both, now()).unwrap_err();
    assert_eq!(err, VerifyError::KeyMismatch);

    let garbage = Signature {
        public_key: "ssh-ed25519 kapot".into(),
        ..sig.clone()
    };
    let err = signature::verify(&garbage, MESSAGE, &both, now()).unwrap_err();
    assert_eq!(err, VerifyError::KeyMismatch);

    // The comment is no part of the key: another comment still verifies.
    let recommented = Signature {
        public_key: format!("{} FG Bibliotheek", key_of(KEY_PUB)),
        ..sig
    };
    signature::verify(&recommented, MESSAGE, &allowed(""), now()).unwrap();
}

#[test]
fn another_namespace_fails() {
    let sig = Signature {
        armored: OTHER_NAMESPACE_SIG.to_string(),
        ..signed()
    };
    let err = signature::verify(&sig, MESSAGE, &allowed(""), now()).unwrap_err();
    assert_eq!(err, VerifyError::WrongNamespace("other".into()));
    assert_eq!(
        err.to_string(),
        "de handtekening is gezet voor naamruimte \"other\", niet voor avg-wijzer"
    );
}

#[test]
fn a_key_not_in_allowed_signers_fails() {
    let only_other = format!("other@bibliotheek.nl {}\n", key_of(OTHER_PUB));
    for file in [only_other.as_str(), "", "# leeg\n\n"] {
        let err = signature::verify(&signed(), MESSAGE, file, now()).unwrap_err();
        assert_eq!(
            err,
            VerifyError::NoAllowedSigner {
                key_fingerprint: KEY_FINGERPRINT.into(),
                excluded: None
            }
        );
    }
    let err = signature::verify(&signed(), MESSAGE, &only_other, now()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("de sleutel {KEY_FINGERPRINT} staat niet in allowed_signers")
    );
}

#[test]
fn the_namespaces_option_is_honoured() {
    for ok in [
        "namespaces=\"avg-wijzer\"",
        "namespaces=\"git,avg-wijzer\"",
        "namespaces=\"avg-*\"",
        "namespaces=\"avg-wijze?\"",
        "NAMESPACES=\"*\"",
    ] {
        signature::verify(&signed(), MESSAGE, &allowed(ok), now()).unwrap();
    }
    for excluded in [
        "namespaces=\"git\"",
        "namespaces=\"file,git\"",
        "namespaces=\"!avg-wijzer,*\"",
        "namespaces=\"AVG-WIJZER\"",
    ] {
        let err = signature::verify(&signed(), MESSAGE, &allowed(excluded), now()).unwrap_err();
        assert_eq!(
            err,
            VerifyError::NoAllowedSigner {
                key_fingerprint: KEY_FINGERPRINT.into(),
                excluded: Some((2, Exclusion::Namespace))
            },
            "{excluded}"
        );
    }
}

#[test]
fn the_validity_window_is_honoured() {
    // 2026-01-01T00:00:00Z
    let at = VerifyTime::utc(1_767_225_600);
    let check = |options: &str, at: VerifyTime| {
        signature::verify(&signed(), MESSAGE, &allowed(options), at).map(|s| s.line)
    };
    let excluded = |why| {
        Err(VerifyError::NoAllowedSigner {
            key_fingerprint: KEY_FINGERPRINT.into(),
            excluded: Some((2, why)),
        })
    };
    assert_eq!(
        check("valid-before=\"20251231\"", at),
        excluded(Exclusion::Expired)
    );
    assert_eq!(
        check("valid-after=\"20260102\"", at),
        excluded(Exclusion::NotYetValid)
    );
    assert_eq!(
        check("valid-after=\"20250101\",valid-before=\"20270101\"", at),
        Ok(2)
    );
    // Both ends are inclusive, as in ssh-keygen.
    assert_eq!(check("valid-before=\"20260101Z\"", at), Ok(2));
    assert_eq!(check("valid-after=\"20260101Z\"", at), Ok(2));
    assert_eq!(
        check("valid-before=\"20251231235959Z\"", at),
        excluded(Exclusion::Expired)
    );
    // A time without Z is local: at 00:30 UTC it is 01:30 in Amsterdam (CET).
    let winter = VerifyTime {
        unix: 1_767_225_600 + 1800,
        utc_offset: 3600,
    };
    assert_eq!(check("valid-after=\"202601010100\"", winter), Ok(2));
    assert_eq!(
        check("valid-after=\"202601010200\"", winter),
        excluded(Exclusion::NotYetValid)
    );
    assert_eq!(
        check("valid-after=\"202601010100Z\"", winter),
        excluded(Exclusion::NotYetValid)
    );
    let err = check("valid-before=\"20200101\"", now()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "de sleutel {KEY_FINGERPRINT} staat in allowed_signers (regel 2), maar die regel is verlopen (zie valid-before=)"
        )
    );
}

#[test]
fn cert_authority_lines_are_skipped() {
    let err = signature::verify(&signed(), MESSAGE, &allowed("cert-authority"), now()).unwrap_err();
    assert_eq!(
        err,
        VerifyError::NoAllowedSigner {
            key_fingerprint: KEY_FINGERPRINT.into(),
            excluded: Some((2, Exclusion::CertAuthority))
        }
    );
    // A later plain line for the same key still vouches; the first applicable line wins.
    let file = format!(
        "{}fg@bibliotheek.nl,fg2@bibliotheek.nl {}\n{}",
        allowed("cert-authority"),
        key_of(KEY_PUB),
        allowed("")
    );
    let signer = signature::verify(&signed(), MESSAGE, &file, now()).unwrap();
    assert_eq!(signer.line, 3);
    assert_eq!(signer.principals, "fg@bibliotheek.nl,fg2@bibliotheek.nl");
}

#[test]
fn a_malformed_line_is_named_not_skipped() {
    // Even when another line would vouch for the key.
    let file = format!(
        "{}other@bibliotheek.nl valid-before=20300101 {}\n",
        allowed(""),
        key_of(OTHER_PUB)
    );
    let err = signature::verify(&signed(), MESSAGE, &file, now()).unwrap_err();
    assert_eq!(
        err,
        VerifyError::MalformedAllowedSigners {
            line: 3,
            problem: LineProblem::UnquotedValue("valid-before")
        }
    );
    assert_eq!(
        err.to_string(),
        "allowed_signers, regel 3: de waarde van valid-before moet tussen dubbele aanhalingstekens staan, zoals valid-before=\"20250101\""
    );
    let err = signature::verify(&signed(), MESSAGE, "fg@bibliotheek.nl\n", now()).unwrap_err();
    assert_eq!(
        err,
        VerifyError::MalformedAllowedSigners {
            line: 1,
            problem: LineProblem::MissingKey
        }
    );
}

#[test]
fn a_protected_key_needs_its_passphrase() {
    assert_eq!(signature::is_encrypted(PROTECTED), Ok(true));
    assert_eq!(signature::is_encrypted(KEY), Ok(false));
    for missing in [None, Some("")] {
        assert_eq!(
            signature::sign(PROTECTED, missing, MESSAGE),
            Err(SignError::PassphraseRequired)
        );
    }
    assert_eq!(
        signature::sign(PROTECTED, Some("geheime wachtwoordzin!"), MESSAGE),
        Err(SignError::WrongPassphrase)
    );
    assert_eq!(
        SignError::WrongPassphrase.to_string(),
        "de wachtwoordzin is onjuist"
    );
    let sig = signature::sign(PROTECTED, Some(PASSPHRASE), MESSAGE).unwrap();
    assert_eq!(sig.public_key, PROTECTED_PUB.trim());
    let file = format!("fg@bibliotheek.nl {}\n", key_of(PROTECTED_PUB));
    signature::verify(&sig, MESSAGE, &file, now()).unwrap();
    // A passphrase for a key without one is not needed, and does no harm.
    signature::sign(KEY, Some(PASSPHRASE), MESSAGE).unwrap();
}

#[test]
fn only_ed25519_keys_sign() {
    let refused = SignError::UnsupportedKeyType("ecdsa-sha2-nistp256".into());
    assert_eq!(signature::sign(ECDSA, None, MESSAGE), Err(refused.clone()));
    assert_eq!(signature::is_encrypted(ECDSA), Err(refused.clone()));
    assert_eq!(
        refused.to_string(),
        "dit is een sleutel van het type \"ecdsa-sha2-nistp256\"; ondertekenen kan alleen met een Ed25519-sleutel (maak er een met: ssh-keygen -t ed25519)"
    );
}

#[test]
fn other_input_gets_a_clear_refusal() {
    assert_eq!(
        signature::sign(KEY_PUB, None, MESSAGE),
        Err(SignError::PublicKeyGiven)
    );
    for garbage in [
        "",
        "geen sleutel",
        "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n",
        "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n",
        &KEY[..KEY.len() / 2],
    ] {
        assert_eq!(
            signature::sign(garbage, None, MESSAGE),
            Err(SignError::NotAPrivateKey),
            "{garbage}"
        );
        assert_eq!(
            signature::is_encrypted(garbage),
            Err(SignError::NotAPrivateKey)
        );
    }
}

#[test]
fn a_key_file_with_windows_line_ends_signs() {
    let sig = signature::sign(&KEY.replace('\n', "\r\n"), None, MESSAGE).unwrap();
    assert_eq!(sig, signed());
}

#[test]
fn the_signature_is_stored_as_json() {
    let sig = signed();
    let json = serde_json::to_value(&sig).unwrap();
    assert_eq!(
        json.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["public_key", "key_fingerprint", "armored"]
    );
    let back: Signature = serde_json::from_value(json).unwrap();
    assert_eq!(back, sig);
    let mut extra = serde_json::to_value(&sig).unwrap();
    extra["private_key"] = "?".into();
    assert!(serde_json::from_value::<Signature>(extra).is_err());
    // Nothing of the private key reaches the record.
    let secret_body: String = KEY.lines().skip(1).take(3).collect();
    assert!(!serde_json::to_string(&sig).unwrap().contains(&secret_body));
}

#[test]
fn the_namespace_is_avg_wijzer() {
    assert_eq!(NAMESPACE, "avg-wijzer");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// No input makes either function panic: arbitrary text, and valid input with one byte
    /// changed (the inputs a damaged file gives).
    #[test]
    fn no_input_panics(
        text in ".{0,400}",
        at in 0usize..2000,
        byte in any::<u8>(),
    ) {
        let _ = signature::sign(&text, Some(&text), MESSAGE);
        let _ = signature::is_encrypted(&text);
        let sig = signed();
        let mutate = |s: &str| {
            let mut bytes = s.as_bytes().to_vec();
            let i = at % bytes.len().max(1);
            if let Some(b) = bytes.get_mut(i) {
                *b = byte;
            }
            String::from_utf8_lossy(&bytes).into_owned()
        };
        let _ = signature::sign(&mutate(KEY), None, MESSAGE);
        let file = allowed("namespaces=\"avg-*\",valid-after=\"20200101\"");
        for candidate in [
            Signature { armored: mutate(&sig.armored), ..sig.clone() },
            Signature { public_key: mutate(&sig.public_key), ..sig.clone() },
            Signature { armored: text.clone(), public_key: text.clone(), key_fingerprint: text.clone() },
        ] {
            let _ = signature::verify(&candidate, MESSAGE, &file, now());
        }
        let _ = signature::verify(&sig, MESSAGE, &mutate(&file), now());
        let _ = signature::verify(&sig, MESSAGE, &text, now());
    }
}
