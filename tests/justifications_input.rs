//! The justifications as they come in and go out without the full screen: the answers file's
//! `"justifications"` (what it refuses, in Dutch and English), `advise` in text, Markdown and
//! JSON, `new`, and the plain mode's question after the answer. Golden cases without a
//! justification give the advice they gave before.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;
use std::io::Cursor;
use std::process::ExitCode;

use serde_json::{Value, json};

use avg_wijzer::advice::Advice;
use avg_wijzer::answers::{self, Notice};
use avg_wijzer::bank::{Bank, MAX_TEXT};
use avg_wijzer::plain;
use avg_wijzer::record;
use avg_wijzer::text::Lang;

mod common;
use common::{BANK, ROOT, Scratch};

/// The legitimate-interest path's answers (all four conditions met).
fn li() -> Value {
    json!({
        "use_case": "coverage_analysis",
        "postcode_granularity": "pc6_house_number",
        "envisia_access": "poi_license",
        "legal_basis": "legitimate_interest",
        "li_interest": "yes",
        "li_compatible": "yes",
        "li_necessary": "yes",
        "li_balance": "yes"
    })
}

fn file(answers: Value, justifications: Value) -> String {
    json!({ "answers": answers, "justifications": justifications }).to_string()
}

/// The advice of an answers file, or its refusal in `lang`.
fn advise(src: &str, lang: Lang) -> Result<Advice, String> {
    let a = answers::assess(&BANK, "a.json", src).map_err(|e| e.said(lang))?;
    Ok(Advice::new(&BANK, &a.session, &a.outcome, None, lang).justified(&a.justifications))
}

// ---------------------------------------------------------------------------------------------
// The answers file and advise

#[test]
fn advise_shows_each_justification_under_its_answer() {
    let s = Scratch::new("justify-advise");
    let src = file(
        li(),
        json!({ "li_interest": "  Meer jeugdleden in wijk X.  ", "li_balance": "" }),
    );
    s.write("a.json", &src);
    let out = s.run(&["advise", "--answers", "a.json"]);
    out.assert_ok();
    assert!(
        out.stdout.contains(
            "zelf is?\n    → Ja\n      Toelichting: Meer jeugdleden in wijk X.\n  - Past dit"
        ),
        "{}",
        out.stdout
    );
    // An empty one is none.
    assert_eq!(out.stdout.matches("Toelichting:").count(), 1);
    let out = s.run(&[
        "--lang",
        "en",
        "advise",
        "--answers",
        "a.json",
        "--format",
        "md",
    ]);
    out.assert_ok();
    assert!(
        out.stdout.contains(
            "own? **Yes**\n  - *Justification:* Meer jeugdleden in wijk X.\n- Is this use"
        ),
        "{}",
        out.stdout
    );
    let out = s.run(&["advise", "--answers", "a.json", "--format", "json"]);
    out.assert_ok();
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    let labels = v["answer_labels"].as_array().unwrap();
    let given: Vec<(&str, &str)> = labels
        .iter()
        .filter_map(|l| Some((l["id"].as_str()?, l["justification"].as_str()?)))
        .collect();
    assert_eq!(given, [("li_interest", "Meer jeugdleden in wijk X.")]);
}

#[test]
fn what_the_file_may_not_justify_is_refused_in_words() {
    let asking = "li_interest, li_compatible, li_necessary, li_balance";
    let cases = [
        (
            json!({ "li_intrest": "x" }),
            format!(
                "a.json: toelichting bij onbekende vraag \"li_intrest\"; een toelichting kan bij: {asking}"
            ),
            format!(
                "a.json: justification for unknown question \"li_intrest\"; a justification can go with: {asking}"
            ),
        ),
        (
            json!({ "use_case": "x" }),
            format!(
                "a.json: vraag \"use_case\" vraagt niet om een toelichting; een toelichting kan bij: {asking}"
            ),
            format!(
                "a.json: question \"use_case\" does not ask for a justification; a justification can go with: {asking}"
            ),
        ),
        (
            json!({ "li_interest": 5 }),
            "a.json: de toelichting bij vraag \"li_interest\" moet tekst zijn, gevonden: een getal"
                .into(),
            "a.json: the justification for question \"li_interest\" must be text, found: a number"
                .into(),
        ),
        (
            json!(["li_interest"]),
            "a.json: \"justifications\" moet een object zijn met een toelichting per vraag-id, gevonden: een lijst".into(),
            "a.json: \"justifications\" must be an object with a justification per question id, found: a list".into(),
        ),
        (
            json!({ "li_balance": "a".repeat(MAX_TEXT + 1) }),
            format!("a.json: de toelichting bij vraag \"li_balance\" is langer dan {MAX_TEXT} tekens"),
            format!(
                "a.json: the justification for question \"li_balance\" is longer than {MAX_TEXT} characters"
            ),
        ),
    ];
    for (justifications, nl, en) in cases {
        let src = file(li(), justifications);
        assert_eq!(advise(&src, Lang::Nl).unwrap_err(), nl);
        assert_eq!(advise(&src, Lang::En).unwrap_err(), en);
        common::english::english("answers file refusal", &en);
    }
    // A hostile key is shown escaped.
    let src = file(li(), json!({ "li\u{1b}[2J": "x" }));
    let said = advise(&src, Lang::Nl).unwrap_err();
    assert!(said.contains("\"li\\u001b[2J\""), "{said}");
}

#[test]
fn a_justification_off_the_path_is_kept_out_of_the_advice_with_a_notice() {
    let mut consent = li();
    consent["legal_basis"] = json!("consent");
    consent["existing_consent"] = json!("all");
    let src = file(consent, json!({ "li_interest": "Meer jeugdleden." }));
    let a = answers::assess(&BANK, "a.json", &src).unwrap();
    let notice = a
        .notices
        .iter()
        .find(|n| matches!(n, Notice::JustificationOffPath { .. }))
        .unwrap();
    assert_eq!(
        notice.said(Lang::En),
        "a.json: the justification for \"li_interest\" is not in the advice: that question is not on the path of these answers"
    );
    let advice = advise(&src, Lang::Nl).unwrap();
    assert!(
        advice
            .answer_labels
            .iter()
            .all(|l| l.justification.is_none())
    );
}

#[test]
fn golden_cases_without_a_justification_give_the_same_advice() {
    let dir = std::path::Path::new(ROOT).join("tests/golden");
    let mut n = 0;
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "json") {
            continue;
        }
        let case: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let plain = json!({ "answers": case["answers"] }).to_string();
        let with_none = file(case["answers"].clone(), json!({})).to_string();
        for lang in [Lang::Nl, Lang::En] {
            let a = advise(&plain, lang).unwrap().to_json();
            assert!(!a.contains("\"justification\""), "{path:?}");
            assert_eq!(a, advise(&with_none, lang).unwrap().to_json(), "{path:?}");
            let text = advise(&plain, lang).unwrap().to_text();
            assert!(!text.contains("Toelichting") && !text.contains("Justification:"));
        }
        n += 1;
    }
    assert!(n > 50, "only {n} golden cases");
}

#[test]
fn new_keeps_them_in_the_record_and_warns_on_personal_data() {
    let s = Scratch::new("justify-new");
    s.write(
        "a.json",
        file(
            li(),
            json!({
                "li_necessary": "Bel 06-12345678 voor de cijfers.",
                "li_interest": "Meer jeugdleden in wijk X.",
            }),
        ),
    );
    let out = s.run(&["new", "--answers", "a.json"]);
    out.assert_ok();
    assert!(
        out.stderr.contains(
            "a.json: justifications.li_necessary: Let op: dit lijkt op een telefoonnummer"
        ),
        "{}",
        out.stderr
    );
    let id = out.stdout.trim();
    let r = record::parse(&fs::read_to_string(s.record_path(id)).unwrap()).unwrap();
    assert_eq!(
        r.justification("li_interest"),
        Some("Meer jeugdleden in wijk X.")
    );
    // In the history after the answers, in the bank's order.
    let justified: Vec<&str> = r
        .history
        .iter()
        .filter_map(|e| match e {
            record::Event::Justified { question, .. } => Some(question.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(justified, ["li_interest", "li_necessary"]);
    assert_eq!(
        common::schema_errors(&serde_json::to_value(&r).unwrap()),
        Vec::<String>::new()
    );
}

// ---------------------------------------------------------------------------------------------
// The plain mode

fn session(lang: Lang, lines: &[&str]) -> (ExitCode, String) {
    let bank = Bank::embedded().unwrap();
    let input = lines.iter().map(|l| format!("{l}\n")).collect::<String>();
    let mut out = Vec::new();
    let code = plain::run(&bank, lang, &mut Cursor::new(input.into_bytes()), &mut out).unwrap();
    (code, String::from_utf8(out).unwrap())
}

/// Purpose, coverage analysis, full address, POI licence, legitimate interest; then each of
/// the four conditions "yes" followed by the line given for its justification; the summary.
fn li_lines(justifications: [&str; 4]) -> Vec<&str> {
    let mut lines = vec!["", "2", "2", "1", "2"];
    for j in justifications {
        lines.extend(["1", j]);
    }
    lines.push("");
    lines
}

#[test]
fn plain_mode_asks_for_it_after_the_answer() {
    let (code, out) = session(
        Lang::Nl,
        &li_lines(["Meer jeugdleden in wijk X.", "", "Bel 06-12345678", "-"]),
    );
    assert_eq!(code, ExitCode::SUCCESS, "{out}");
    assert_eq!(
        out.matches("Toelichting (optioneel, Enter om over te slaan)\n> ")
            .count(),
        4,
        "{out}"
    );
    // The prompt of the condition, from the bank, before the line.
    assert!(
        out.contains("Welk belang heeft de bibliotheek? Beschrijf het kort en concreet"),
        "{out}"
    );
    assert!(out.contains("lijkt op een telefoonnummer"), "{out}");
    // The summary and the advice show what was given, and "-" gave none.
    assert!(
        out.contains("   concreet en van de bibliotheek zelf is? — Ja\n   Toelichting: Meer jeugdleden in wijk X.\n"),
        "{out}"
    );
    assert!(
        out.contains("      Toelichting: Bel 06-12345678\n"),
        "{out}"
    );
    assert_eq!(out.matches("Toelichting: -").count(), 0, "{out}");
    assert!(out.contains("Oordeel: TOEGESTAAN, MET ACTIES"), "{out}");
}

#[test]
fn plain_mode_in_english() {
    let (code, out) = session(Lang::En, &li_lines(["More youth members.", "", "", ""]));
    assert_eq!(code, ExitCode::SUCCESS, "{out}");
    assert_eq!(
        out.matches("Justification (optional, Enter to skip)\n> ")
            .count(),
        4,
        "{out}"
    );
    assert!(
        out.contains("Justification: More youth members.\n"),
        "{out}"
    );
    for line in out.lines().filter(|l| l.contains("Justification")) {
        common::english::english("plain mode", line);
    }
}
