//! Every command that loads a question bank with `--questions` refuses a broken one in the run's
//! language: the heading and every defect on stderr, English with `--lang en` and the Dutch as it
//! was. The bank is the small valid one (`tests/banks/valid_small`) with something broken.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;
use std::path::Path;

use serde_json::json;

mod common;
use common::ROOT;
use common::banks::item;
use common::english::english;
use common::small_bank::TestBank;

// ---------------------------------------------------------------------------------------------
// The command line.

/// Every command that loads `--questions` refuses a broken bank in the run's language: the
/// heading and every defect, on stderr, with exit code 2 and nothing on stdout.
#[test]
fn the_commands_refuse_a_broken_bank_in_the_language_of_the_run() {
    let b = TestBank::new("cli");
    b.scratch.write(
        "answers.json",
        fs::read(Path::new(ROOT).join("tests/banks/valid_small.answers.json")).unwrap(),
    );
    b.edit("questions.json", |v| {
        item(v, "questions", "has_consent")["next"] = json!([{ "to": "media" }]);
    });
    b.edit("content.json", |v| {
        item(v, "rules", "mailing")["require"] = json!(["record"]);
    });
    let en = "avg-wijzer: question bank bank refused:\n\
        content.json: rule \"mailing\", require: unknown action \"record\"; known: ask_consent, record_mailing\n\
        questions.json: the questions form a cycle: media → has_consent → media\n";
    let nl = "avg-wijzer: vragenbank bank geweigerd:\n\
        content.json: regel \"mailing\", require: onbekende actie \"record\"; bekend: ask_consent, record_mailing\n\
        questions.json: de vragen vormen een kring: media → has_consent → media\n";
    let commands: [&[&str]; 4] = [
        &["advise", "--answers", "answers.json"],
        &["new", "--answers", "answers.json"],
        &["list"],
        &["--plain"],
    ];
    for args in commands {
        let out = b.run("en", args);
        assert_eq!(
            (out.code, out.stdout.as_str()),
            (2, ""),
            "{args:?}: {}",
            out.stderr
        );
        assert_eq!(out.stderr, en, "{args:?}");
        english(&format!("{args:?}"), &out.stderr);
        let out = b.run("nl", args);
        assert_eq!(
            (out.code, out.stdout.as_str()),
            (2, ""),
            "{args:?}: {}",
            out.stderr
        );
        assert_eq!(out.stderr, nl, "{args:?}");
    }
}

/// A JSON problem inside a file of the bank: serde's words behind the language's own.
#[test]
fn advise_says_a_json_problem_in_the_language_of_the_run() {
    let b = TestBank::new("cli-json");
    b.raw("questions.json", "{\n  \"questions\": [\n");
    let out = b.run("en", &["advise", "--answers", "-"]);
    out.assert_error(
        2,
        "question bank bank refused:\n\
         questions.json:3:0: the file ends before the JSON is complete (cut off?)",
    );
    english("advise", &out.stderr);
    let out = b.run("nl", &["advise", "--answers", "-"]);
    out.assert_error(
        2,
        "vragenbank bank geweigerd:\n\
         questions.json:3:0: het bestand houdt op voordat de JSON af is (afgekapt?)",
    );
}
