//! The last messages that were built in Dutch below the locale, now said in the run's language:
//! a signature that does not hold and a line of allowed_signers that cannot be read (`verify`),
//! why a record file is unreadable (`show`, `list`, also from the list's cache), a value of the
//! command line refused before the language was known (`--mode`, `--stale`), the interface's
//! failure to start on a terminal, and why an answer was dropped from a record's history. Each
//! is English with `--lang en`, and the Dutch stays as it was.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;

use serde_json::{Value, json};

use avg_wijzer::record::signature::{Exclusion, LineProblem, VerifyError};
use avg_wijzer::text::Lang;

mod common;
use common::english::english;
use common::{EXAMPLE, PRINCIPAL, ROOT, Scratch, reseal};

/// Why a record file is unreadable, and why an answer was dropped from a record's history.
#[path = "english_more/records.rs"]
mod records;

/// The FG's test key (see tests/keys/README.md) and its public half.
fn key_file(name: &str) -> String {
    format!("{ROOT}/tests/keys/{name}")
}

fn public_key() -> String {
    fs::read_to_string(key_file("fg_ed25519.pub"))
        .unwrap()
        .trim()
        .to_string()
}

/// `verify` of `id` with these arguments, in `lang`: exit code and standard output.
fn verify(s: &Scratch, id: &str, extra: &[&str], lang: Lang) -> (i32, String) {
    let mut args = vec!["--lang", lang.code(), "verify", id];
    args.extend(extra);
    let out = s.run(&args);
    assert_eq!(out.stderr, "", "{args:?}");
    (out.code, out.stdout)
}

// ---------------------------------------------------------------------------------------------
// 1. verify: a signature that does not hold, a line of allowed_signers that cannot be read

#[test]
fn verify_says_why_a_signature_does_not_hold_in_english() {
    let s = Scratch::new("more-signature");
    let id = s.new_record("answers.json", EXAMPLE);
    s.run(&[
        "signoff",
        &id,
        "--name",
        "B. Jansen",
        "--decision",
        "approved",
        "--key",
        &key_file("fg_ed25519"),
    ])
    .assert_ok();
    let check = |allowed: &str, en: &str, nl: &str| {
        let file = s.write("allowed_signers", allowed);
        let extra = ["--allowed-signers", file.to_str().unwrap()];
        let (code, out) = verify(&s, &id, &extra, Lang::En);
        assert_eq!(code, 1, "{out}");
        assert!(
            out.contains(&format!("  signature: DOES NOT HOLD; {en}\n")),
            "{out}"
        );
        english(allowed, &out);
        let (code, out) = verify(&s, &id, &extra, Lang::Nl);
        assert_eq!(code, 1, "{out}");
        assert!(
            out.contains(&format!("  handtekening: KLOPT NIET; {nl}\n")),
            "{out}"
        );
    };
    let key = public_key();
    // A line that cannot be read: its value not in quotes.
    check(
        &format!("{PRINCIPAL} valid-after=20250101 {key}\n"),
        "allowed_signers, line 1: the value of valid-after must be in double quotes, like valid-after=\"20250101\"",
        "allowed_signers, regel 1: de waarde van valid-after moet tussen dubbele aanhalingstekens staan, zoals valid-after=\"20250101\"",
    );
    // The key listed, on a line that has expired.
    let fingerprint = {
        let v: Value =
            serde_json::from_str(&fs::read_to_string(s.record_path(&id)).unwrap()).unwrap();
        v["signature"]["key_fingerprint"]
            .as_str()
            .unwrap()
            .to_string()
    };
    check(
        &format!("# the keeper's list\n{PRINCIPAL} valid-before=\"20000101\" {key}\n"),
        &format!(
            "the key {fingerprint} is in allowed_signers (line 2), but that line has expired (see valid-before=)"
        ),
        &format!(
            "de sleutel {fingerprint} staat in allowed_signers (regel 2), maar die regel is verlopen (zie valid-before=)"
        ),
    );

    // The decision changed and the record resealed by someone without the FG's key.
    let path = s.record_path(&id);
    let mut v: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    v["signoff"]["decision"] = json!("rejected");
    reseal(&mut v);
    fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let (code, out) = verify(&s, &id, &[], Lang::En);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(
            "  signature: DOES NOT HOLD; the signature does not hold: the record was changed after it was signed, or the signature is damaged\n"
        ),
        "{out}"
    );
    english("verify --lang en of a forgery", &out);
    let (_, out) = verify(&s, &id, &[], Lang::Nl);
    assert!(
        out.contains(
            "  handtekening: KLOPT NIET; de handtekening klopt niet: het verslag is na het ondertekenen gewijzigd, of de handtekening is beschadigd\n"
        ),
        "{out}"
    );
}

/// Every reason a signature fails, and every problem of a line, is English in English, and
/// something else than the Dutch.
#[test]
fn every_signature_failure_has_its_english() {
    let problems = [
        LineProblem::MissingKey,
        LineProblem::BadKey,
        LineProblem::UnclosedQuote,
        LineProblem::UnknownOption("foo".into()),
        LineProblem::DuplicateOption("namespaces"),
        LineProblem::UnquotedValue("valid-before"),
        LineProblem::BadTime("valid-after"),
        LineProblem::EmptyWindow,
        LineProblem::EmptyOption,
    ];
    let mut failures = vec![
        VerifyError::BadArmor,
        VerifyError::WrongNamespace("git".into()),
        VerifyError::KeyMismatch,
        VerifyError::UnsupportedKeyType("ssh-rsa".into()),
        VerifyError::BadSignature,
        VerifyError::NoAllowedSigner {
            key_fingerprint: "SHA256:abc".into(),
            excluded: None,
        },
    ];
    for why in [
        Exclusion::Namespace,
        Exclusion::NotYetValid,
        Exclusion::Expired,
        Exclusion::CertAuthority,
    ] {
        failures.push(VerifyError::NoAllowedSigner {
            key_fingerprint: "SHA256:abc".into(),
            excluded: Some((3, why)),
        });
    }
    failures.extend(
        problems
            .into_iter()
            .map(|problem| VerifyError::MalformedAllowedSigners { line: 4, problem }),
    );
    for e in &failures {
        let en = e.said(Lang::En);
        english(&format!("{e:?}"), &en);
        assert_ne!(en, e.said(Lang::Nl), "{e:?}");
        assert_eq!(e.to_string(), e.said(Lang::Nl), "Display is the Dutch");
    }
}

// ---------------------------------------------------------------------------------------------
// 4. The interface cannot start on this terminal

/// With no controlling terminal (a new session) and no terminal on standard input, the screen
/// cannot be put in raw mode although standard output is a terminal: the interface says so, in
/// the run's language, on standard error.
#[cfg(unix)]
#[test]
fn the_interface_says_in_english_that_the_screen_cannot_be_used() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let s = Scratch::new("more-screen");
    let run = |lang: &str| -> String {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let err = s.path(&format!("stderr-{lang}.txt"));
        let mut cmd = CommandBuilder::new("sh");
        cmd.arg("-c");
        cmd.arg(format!(
            "exec setsid -w \"$0\" --store store --lang {lang} </dev/null 2>\"$1\""
        ));
        cmd.arg(common::BIN);
        cmd.arg(&err);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("AVG_WIJZER_STORE");
        cmd.cwd(&s.dir);
        let mut child = pair.slave.spawn_command(cmd).expect("start avg-wijzer");
        drop(pair.slave);
        // Read the terminal so that nothing waits on it.
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        std::thread::spawn(move || std::io::copy(&mut reader, &mut std::io::sink()));
        let status = child.wait().expect("avg-wijzer ends");
        assert_eq!(status.exit_code(), 1, "{lang}");
        fs::read_to_string(err).unwrap()
    };
    let en = run("en");
    assert!(
        en.starts_with("avg-wijzer: the screen cannot be used: "),
        "{en}"
    );
    english("the screen cannot be used", &en);
    let nl = run("nl");
    assert!(
        nl.starts_with("avg-wijzer: het scherm is niet te gebruiken: "),
        "{nl}"
    );
    // The system's words after it are the same in both.
    assert_eq!(
        en.split_once(": ")
            .map(|(_, e)| e.split_once(": ").map(|(_, x)| x.to_string())),
        nl.split_once(": ")
            .map(|(_, e)| e.split_once(": ").map(|(_, x)| x.to_string())),
    );
}

/// Every way the interface stops on the terminal's side, said through an error chain as the
/// command line says a failure, is English in English and as it was in Dutch.
#[test]
fn every_screen_failure_has_its_english() {
    use avg_wijzer::tui::ScreenError;
    let said = |e: ScreenError, lang| avg_wijzer::locale::store::said(&e.into(), lang);
    assert_eq!(
        said(ScreenError::Gone, Lang::Nl),
        "de terminal geeft geen invoer meer"
    );
    assert_eq!(
        said(ScreenError::Gone, Lang::En),
        "the terminal gives no more input"
    );
    for (e, nl, en) in [
        (
            ScreenError::Unusable("os error 6".into()),
            "het scherm is niet te gebruiken: os error 6",
            "the screen cannot be used: os error 6",
        ),
        (
            ScreenError::Drawing("os error 5".into()),
            "tekenen mislukt: os error 5",
            "drawing failed: os error 5",
        ),
        (
            ScreenError::Keys("os error 6".into()),
            "de toetsen zijn niet te lezen: os error 6",
            "the keys cannot be read: os error 6",
        ),
    ] {
        assert_eq!(e.said(Lang::Nl), nl);
        assert_eq!(said(e, Lang::En), en);
        english(en, en);
    }
    assert_eq!(
        avg_wijzer::locale::screen::list_not_read(Lang::En),
        "the list was not read"
    );
}

// ---------------------------------------------------------------------------------------------
// 5. A value the command line refuses, before the language is known

#[test]
fn a_refused_value_is_explained_in_the_language_asked_for() {
    let s = Scratch::new("more-values");
    let mode_en = "\"abc\" is not a set of file permissions like 600 or 640 (octal)";
    let stale_en = "\"-3\" is not a number of months; give a whole number, like 12";
    for args in [
        &[
            "--lang", "en", "export", "x", "--format", "md", "--mode", "abc",
        ][..],
        &[
            "export", "x", "--mode", "abc", "--format", "md", "--lang", "en",
        ][..],
        &["export", "--lang=en", "x", "--mode=abc"][..],
    ] {
        let out = s.run(args);
        assert_eq!(out.code, 2, "{args:?}");
        assert!(out.stderr.contains(mode_en), "{args:?}: {}", out.stderr);
        english(&format!("{args:?}"), &out.stderr);
    }
    let out = s.run(&["lint", "--stale", "-3", "--lang", "en"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains(stale_en), "{}", out.stderr);
    english("lint --stale -3", &out.stderr);

    // Dutch without --lang, and where --lang names no language the program speaks (the mode
    // comes first, so its mistake is the one said).
    let out = s.run(&["export", "x", "--mode", "abc", "--lang", "de"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("\"abc\" zijn geen bestandsrechten als 600 of 640 (octaal)"),
        "{}",
        out.stderr
    );
    let out = s.run(&["export", "x", "--mode", "abc"]);
    assert_eq!(
        out.stderr,
        "error: invalid value 'abc' for '--mode <OCTAAL>': \"abc\" zijn geen bestandsrechten als 600 of 640 (octaal)\n\nFor more information, try '--help'.\n"
    );
    let out = s.run(&["lint", "--stale", "x"]);
    assert_eq!(
        out.stderr,
        "error: invalid value 'x' for '--stale <MAANDEN>': \"x\" is geen aantal maanden; geef een heel getal, zoals 12\n\nFor more information, try '--help'.\n"
    );
    // After `--`, --lang is no option: clap refuses it, and nothing is said in English.
    let out = s.run(&["export", "x", "--mode", "abc", "--", "--lang", "en"]);
    assert_eq!(out.code, 2);
    assert!(!out.stderr.contains(mode_en), "{}", out.stderr);
}

/// In-process, as `main` reads the arguments: good values pass in either language.
#[test]
fn the_command_line_reads_the_same_in_either_language() {
    use avg_wijzer::cli::{Args, Command};
    let args = |a: &[&str]| {
        Args::try_from_in_language(std::iter::once("avg-wijzer").chain(a.iter().copied()))
    };
    for lang in ["nl", "en"] {
        let a = args(&[
            "--lang", lang, "export", "x", "--format", "md", "--mode", "640",
        ])
        .unwrap();
        assert_eq!(a.lang.code(), lang);
        assert!(
            matches!(a.command, Some(Command::Export { mode: 0o640, .. })),
            "{:?}",
            a.command
        );
        let a = args(&["lint", "--stale", "12", "--lang", lang]).unwrap();
        assert!(matches!(
            a.command,
            Some(Command::Lint {
                stale: Some(12),
                ..
            })
        ));
    }
    let e = args(&["lint", "--stale", "x", "--lang", "en"]).unwrap_err();
    assert!(e.to_string().contains("is not a number of months"), "{e}");
}
