//! The FG's signature against OpenSSH itself: what `record::signature` signs, `ssh-keygen -Y
//! verify` accepts (the register keeper needs nothing else), what `ssh-keygen -Y sign` signs,
//! we accept, and both read allowed_signers options alike.
//!
//! These tests need `ssh-keygen` (Debian package openssh-client). Without it they fail, saying
//! so: a check that silently passes would hide that the promise is no longer tested.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Output;

use avg_wijzer::record::signature::{self, Signature, VerifyTime};

mod common;
use common::{KEY, KEY_PUB, PRINCIPAL, Scratch, key_of, ssh_keygen};

const MESSAGE: &[u8] = b"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

/// The private key in `s`, readable by its owner only: ssh-keygen refuses a key others can
/// read, and git checks the fixture out world-readable.
fn private_key(s: &Scratch) -> PathBuf {
    let path = s.write("fg_ed25519", KEY);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    path
}

fn ssh_verify(allowed: &Path, sig: &Path, message: &[u8], extra: &[&str]) -> Output {
    let allowed = allowed.to_str().unwrap();
    let sig = sig.to_str().unwrap();
    let mut args = vec![
        "-Y",
        "verify",
        "-f",
        allowed,
        "-I",
        PRINCIPAL,
        "-n",
        "avg-wijzer",
    ];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["-s", sig]);
    ssh_keygen(&args, message)
}

#[test]
fn ssh_keygen_verifies_our_signature() {
    let scratch = Scratch::new("ours");
    let ours = signature::sign(KEY, None, MESSAGE).unwrap();
    let sig = scratch.write("record.sig", &ours.armored);
    let allowed = scratch.write(
        "allowed_signers",
        format!("{PRINCIPAL} {}\n", key_of(KEY_PUB)),
    );

    let out = ssh_verify(&allowed, &sig, MESSAGE, &[]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        said.contains("Good \"avg-wijzer\" signature for fg@bibliotheek.nl"),
        "{said}"
    );
    assert!(said.contains(&ours.key_fingerprint), "{said}");

    // And it refuses the same signature over another message.
    let out = ssh_verify(
        &allowed,
        &sig,
        b"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a09",
        &[],
    );
    assert!(!out.status.success());
}

#[test]
fn we_verify_ssh_keygens_signature_and_it_is_ours_byte_for_byte() {
    let scratch = Scratch::new("theirs");
    let key = private_key(&scratch);
    let out = ssh_keygen(
        &[
            "-Y",
            "sign",
            "-f",
            key.to_str().unwrap(),
            "-n",
            "avg-wijzer",
            "-q",
        ],
        MESSAGE,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let armored = String::from_utf8(out.stdout).unwrap();

    let theirs = Signature {
        public_key: KEY_PUB.trim().to_string(),
        key_fingerprint: "SHA256:l4vmC7g4mXNIQJQakhY4K5PoBoDj7o+rc3xXzCJsZN0".into(),
        armored,
    };
    let allowed = format!(
        "{PRINCIPAL} namespaces=\"avg-wijzer\" {}\n",
        key_of(KEY_PUB)
    );
    let signer = signature::verify(&theirs, MESSAGE, &allowed, VerifyTime::utc(0)).unwrap();
    assert_eq!(signer.principals, PRINCIPAL);

    // Ed25519 signatures are deterministic, so ours must be the very same file.
    let ours = signature::sign(KEY, None, MESSAGE).unwrap();
    assert_eq!(ours, theirs);
}

/// Each allowed_signers line is accepted or refused by both, for a signature checked at
/// 2026-06-01T12:00:00Z (ssh-keygen's -Overify-time, in UTC).
#[test]
fn allowed_signers_options_read_as_ssh_keygen_reads_them() {
    let scratch = Scratch::new("options");
    let ours = signature::sign(KEY, None, MESSAGE).unwrap();
    let sig = scratch.write("record.sig", &ours.armored);
    let key = key_of(KEY_PUB);
    let other = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPujTKfv7TaUeqomPTvYsabjOvtv9bkvCmZu+m/69Vh7";
    let at = VerifyTime::utc(1_780_315_200);
    let cases = [
        format!("{PRINCIPAL} {key}"),
        format!("{PRINCIPAL}\t{key}\tFG Bibliotheek"),
        format!("   {PRINCIPAL} {key} met commentaar"),
        format!("\"{PRINCIPAL},fg2@bibliotheek.nl\" {key}"),
        format!("{PRINCIPAL} {other}"),
        format!("{PRINCIPAL} namespaces=\"avg-wijzer\" {key}"),
        format!("{PRINCIPAL} NameSpaces=\"git,avg-*\" {key}"),
        format!("{PRINCIPAL} namespaces=\"avg-wijze?\" {key}"),
        format!("{PRINCIPAL} namespaces=\"git\" {key}"),
        format!("{PRINCIPAL} namespaces=\"!avg-wijzer,*\" {key}"),
        format!("{PRINCIPAL} namespaces=\"Avg-Wijzer\" {key}"),
        format!("{PRINCIPAL} valid-before=\"20260601\" {key}"),
        format!("{PRINCIPAL} valid-before=\"202606011200\" {key}"),
        format!("{PRINCIPAL} valid-before=\"20260601115959Z\" {key}"),
        format!("{PRINCIPAL} valid-after=\"20260601120001\" {key}"),
        format!("{PRINCIPAL} valid-after=\"20260601120000Z\" {key}"),
        format!("{PRINCIPAL} valid-after=\"20250101\",valid-before=\"20270101\" {key}"),
        format!("{PRINCIPAL} namespaces=\"avg-wijzer\",valid-before=\"20200101\" {key}"),
        format!("{PRINCIPAL} cert-authority {key}"),
        format!("{PRINCIPAL} cert-authority,namespaces=\"avg-wijzer\" {key}"),
    ];
    let mut accepted = 0;
    for line in &cases {
        let allowed = scratch.write("allowed_signers", format!("{line}\n"));
        let out = ssh_verify(
            &allowed,
            &sig,
            MESSAGE,
            &["-O", "verify-time=20260601120000"],
        );
        let theirs = out.status.success();
        let ours = signature::verify(&ours, MESSAGE, &format!("{line}\n"), at);
        assert_eq!(
            ours.is_ok(),
            theirs,
            "{line}\nours: {ours:?}\nssh-keygen: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        accepted += usize::from(theirs);
    }
    // Both answers occur, so the agreement is not that of two tools refusing everything.
    assert_eq!(accepted, 10, "lines accepted of {}", cases.len());
}

/// Lines ssh-keygen cannot use are lines we refuse, naming the line.
#[test]
fn lines_ssh_keygen_refuses_we_refuse() {
    let scratch = Scratch::new("refused");
    let ours = signature::sign(KEY, None, MESSAGE).unwrap();
    let sig = scratch.write("record.sig", &ours.armored);
    let key = key_of(KEY_PUB);
    for line in [
        format!("{PRINCIPAL} valid-before=20300101 {key}"),
        format!("{PRINCIPAL} foo {key}"),
        format!("{PRINCIPAL} valid-after=\"20300101\",valid-before=\"20250101\" {key}"),
        format!("{PRINCIPAL} namespaces=\"a\",namespaces=\"b\" {key}"),
        format!("{PRINCIPAL} valid-after=\"2030\" {key}"),
        format!("{PRINCIPAL} ssh-ed25519 AAAAkapot"),
        PRINCIPAL.to_string(),
    ] {
        let allowed = scratch.write("allowed_signers", format!("{line}\n"));
        let out = ssh_verify(&allowed, &sig, MESSAGE, &[]);
        assert!(!out.status.success(), "ssh-keygen accepted {line}");
        let err = signature::verify(&ours, MESSAGE, &format!("{line}\n"), VerifyTime::utc(0));
        assert!(
            matches!(
                err,
                Err(signature::VerifyError::MalformedAllowedSigners { line: 1, .. })
            ),
            "{line}: {err:?}"
        );
    }
}
