//! A question bank whose files cannot be read as a bank is refused with every defect said in the
//! run's language: English with `--lang en`, naming the same files, ids and keys as the Dutch,
//! which stays as it was. Here: files that are not a bank's JSON, a bank of no files or without
//! its `bank` section, the built-in bank named in words, and text from the files kept on one
//! clean line. Each case is the small valid bank (`tests/banks/valid_small`) with one thing
//! broken; the other defects are in `english_bank_refs.rs` and `english_bank_items.rs`, the
//! command line's refusal in `english_bank_cli.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use serde_json::json;

use avg_wijzer::bank::{Bank, Defect, DefectKind, Origin, Place};
use avg_wijzer::text::Lang;

mod common;
use common::banks::item;
use common::english::english;
use common::small_bank::{TestBank, assert_said};

// ---------------------------------------------------------------------------------------------
// Files that are not a bank's JSON.

#[test]
fn json_that_is_broken_cut_short_or_given_a_key_twice() {
    let b = TestBank::new("json");
    b.raw("questions.json", "{\n  \"questions\": [}\n");
    assert_said(
        &b.refused(),
        &["questions.json:2:17: ongeldige JSON: expected value"],
        &["questions.json:2:17: invalid JSON: expected value"],
    );
    b.raw("questions.json", "{\n  \"questions\": [\n");
    assert_said(
        &b.refused(),
        &["questions.json:3:0: het bestand houdt op voordat de JSON af is (afgekapt?)"],
        &["questions.json:3:0: the file ends before the JSON is complete (cut off?)"],
    );
    b.raw("questions.json", "{\"questions\": [], \"questions\": []}");
    assert_said(
        &b.refused(),
        &["questions.json:1:29: de sleutel \"questions\" staat er twee keer in"],
        &["questions.json:1:29: the key \"questions\" is given twice"],
    );
}

#[test]
fn a_file_that_is_empty_or_not_utf8() {
    let b = TestBank::new("empty");
    b.raw("extra.json", " \n");
    b.raw("more.json", b"{\"defs\": \xff}");
    assert_said(
        &b.refused(),
        &["more.json: geen geldige UTF-8 (bij byte 10)"],
        &["more.json: not valid UTF-8 (at byte 10)"],
    );
    b.remove("more.json");
    assert_said(
        &b.refused(),
        &[
            "extra.json: het bestand is leeg; verwacht een JSON-object met secties als \"questions\"",
        ],
        &["extra.json: the file is empty; expected a JSON object with sections like \"questions\""],
    );
}

#[test]
fn an_unknown_key_and_a_missing_text() {
    let b = TestBank::new("keys");
    b.edit("questions.json", |v| {
        let q = item(v, "questions", "media");
        q["promt"] = q["prompt"].clone();
    });
    let nl = "questions.json:19:13: klopt niet met het formaat: unknown field `promt`, expected one of `id`, `kind`, `prompt`, `help`, `help_parts`, `reasoning`, `choice`, `remedy_weight`, `sources`, `options`, `default`, `next`, `justification`";
    let en = "questions.json:19:13: does not fit the format: unknown field `promt`, expected one of `id`, `kind`, `prompt`, `help`, `help_parts`, `reasoning`, `choice`, `remedy_weight`, `sources`, `options`, `default`, `next`, `justification`";
    let e = b.refused();
    assert_eq!(e.defects.len(), 1);
    // serde's line and column depend on how the file was written; the words do not.
    let (got_nl, got_en) = (e.to_string(), e.said(Lang::En));
    assert_eq!(
        got_nl.split_once(": ").unwrap().1,
        nl.split_once(": ").unwrap().1
    );
    assert_eq!(
        got_en.split_once(": ").unwrap().1,
        en.split_once(": ").unwrap().1
    );
    english(&got_nl, &got_en);

    let b = TestBank::new("missing-text");
    b.edit("content.json", |v| {
        item(v, "warnings", "email_without_consent")
            .as_object_mut()
            .unwrap()
            .remove("text");
    });
    let e = b.refused();
    let en = e.said(Lang::En);
    assert!(
        en.starts_with("content.json:")
            && en.ends_with(": does not fit the format: missing field `text`"),
        "{en}"
    );
    assert!(
        e.to_string()
            .ends_with(": klopt niet met het formaat: missing field `text`")
    );
    english(&e.to_string(), &en);
}

// ---------------------------------------------------------------------------------------------
// A bank without files or without its section.

/// A bank of no files at all (the command line refuses an empty directory before this).
#[test]
fn a_bank_of_no_files() {
    assert_said(
        &Bank::from_bytes(&[], "bank").unwrap_err(),
        &["bank: geen .json-bestanden gevonden"],
        &["bank: no .json files found"],
    );
}

#[test]
fn a_bank_without_its_section_names_the_directory() {
    let b = TestBank::new("no-section");
    b.remove("bank.json");
    assert_said(
        &b.refused(),
        &["bank: geen enkel bestand heeft de sectie \"bank\" (id, version, title, start, verdict)"],
        &["bank: no file has the section \"bank\" (id, version, title, start, verdict)"],
    );
}

// ---------------------------------------------------------------------------------------------
// Text from the files stays on one clean line in either language.

#[test]
fn control_characters_from_the_files_are_escaped_in_either_language() {
    let b = TestBank::new("escapes");
    b.edit("questions.json", |v| {
        item(v, "questions", "media")["next"] = json!([{ "to": "x\u{1b}[31m\n\u{9b}\u{202e}" }]);
    });
    b.edit("content.json", |v| {
        v["defs"]["bad\ndef"] = json!({ "answered": "nope\r" });
    });
    let e = b.refused();
    let escaped = "x\\u001b[31m\\n\\u009b\\u202e";
    assert_said(
        &e,
        &[
            &format!("questions.json: vraag \"media\", next[0].to: onbekende vraag \"{escaped}\""),
            "content.json: defs.bad\\ndef: onbekende vraag \"nope\\r\"",
        ],
        &[
            &format!(
                "questions.json: question \"media\", next[0].to: unknown question \"{escaped}\""
            ),
            "content.json: defs.bad\\ndef: unknown question \"nope\\r\"",
        ],
    );
    for lang in [Lang::Nl, Lang::En] {
        let said = e.said(lang);
        assert_eq!(said.lines().count(), 2, "{said}");
        assert!(
            !said.chars().any(|c| c.is_control() && c != '\n'),
            "{said:?}"
        );
    }
}

/// The bank built into the program is named in words of the language, where a defect is in
/// no one of its files.
#[test]
fn the_built_in_bank_is_named_in_either_language() {
    let d = Defect {
        place: Place {
            file: Origin::Embedded,
            at: None,
            item: None,
            path: Vec::new(),
        },
        kind: DefectKind::NoFiles,
    };
    assert_eq!(
        d.to_string(),
        "ingebouwde vragenbank: geen .json-bestanden gevonden"
    );
    assert_eq!(
        d.said(Lang::En),
        "the built-in question bank: no .json files found"
    );
}
