//! The justifications of the legitimate interest's conditions: which questions ask for one is
//! data (the bank's `justification`), checked by the loader and the lint; the record keeps them
//! per question, sealed like the answers, with each change in the history; a change after the
//! sign-off is a new revision; `verify` names a tampered one; `show` and the exports show each
//! next to its answer. The answers file, `advise` and the plain mode are in
//! `justifications_input`, the full-screen interface in `tui_justify`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;

use serde_json::{Value, json};

use avg_wijzer::app::{Event as AppEvent, Saved, Workflow};
use avg_wijzer::bank::{self, Bank};
use avg_wijzer::record::{self, Assessment, Campaign, Event, Refusal};
use avg_wijzer::text::Lang;

mod common;
use common::banks::{TempBank, item};
use common::records::event_kinds;
use common::{NOW, Scratch, bank, schema_errors};

/// The four questions of the legitimate interest, each asking for a justification.
const LI: [&str; 4] = ["li_interest", "li_compatible", "li_necessary", "li_balance"];

/// An answers file on the legitimate-interest path (all four conditions met), with
/// `justifications`.
pub fn li_answers(justifications: Value) -> String {
    json!({
        "campaign": { "name": "Jeugdleden wijk X" },
        "answers": {
            "use_case": "coverage_analysis",
            "postcode_granularity": "pc6_house_number",
            "envisia_access": "poi_license",
            "legal_basis": "legitimate_interest",
            "li_interest": "yes",
            "li_compatible": "yes",
            "li_necessary": "yes",
            "li_balance": "yes"
        },
        "justifications": justifications
    })
    .to_string()
}

/// An assessment answered along the legitimate-interest path, to the advice.
fn li_assessment(bank: &Bank) -> Assessment<'_> {
    let mut a = Assessment::start(
        bank,
        "20261123-101500-00000000aa".into(),
        Campaign::default(),
        vec![],
        Lang::Nl,
        NOW,
    );
    for (id, v) in [
        ("campaign_purpose", json!("Meer jeugdleden")),
        ("use_case", json!("coverage_analysis")),
        ("postcode_granularity", json!("pc6_house_number")),
        ("envisia_access", json!("poi_license")),
        ("legal_basis", json!("legitimate_interest")),
        ("li_interest", json!("yes")),
        ("li_compatible", json!("yes")),
        ("li_necessary", json!("yes")),
        ("li_balance", json!("yes")),
    ] {
        let q = bank.question_id(id).unwrap();
        let answer = bank.questions[q].parse_answer(&v).unwrap();
        a.answer(q, answer, NOW).unwrap();
    }
    assert!(a.record.outcome.is_some(), "the path is complete");
    a
}

/// The shipped bank with `edit` applied to its questions file.
fn bank_with(mut edit: impl FnMut(&mut Value)) -> Result<Bank, bank::LoadError> {
    let files: Vec<(String, String)> = bank::EMBEDDED
        .iter()
        .map(|(name, text)| {
            let text = match *name {
                "questions.json" => {
                    let mut v: Value = serde_json::from_str(text).unwrap();
                    edit(&mut v);
                    serde_json::to_string_pretty(&v).unwrap()
                }
                _ => text.to_string(),
            };
            (name.to_string(), text)
        })
        .collect();
    Bank::from_files(&files, "bank")
}

// ---------------------------------------------------------------------------------------------
// The bank

#[test]
fn the_four_legitimate_interest_questions_ask_for_one_in_both_languages() {
    let bank = bank();
    let asking: Vec<&str> = bank
        .questions
        .iter()
        .filter(|q| q.justification.is_some())
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(asking, LI);
    for id in LI {
        let q = &bank.questions[bank.question_id(id).unwrap()];
        let j = q.justification.as_ref().unwrap();
        for t in [&j.prompt, &j.help] {
            assert!(!t.nl.trim().is_empty() && !t.en.trim().is_empty(), "{id}");
        }
        common::english::english(&format!("{id}: justification prompt"), &j.prompt.en);
        common::english::english(&format!("{id}: justification help"), &j.help.en);
    }
    // What each asks, in the handreiking's terms (H p.16-17).
    let prompt = |id: &str| {
        let q = &bank.questions[bank.question_id(id).unwrap()];
        q.justification.as_ref().unwrap().prompt.en.clone()
    };
    assert!(prompt("li_interest").contains("interest"));
    assert!(prompt("li_necessary").contains("lighter means"));
    assert!(prompt("li_necessary").contains("PC6"));
    assert!(prompt("li_balance").contains("weigh"));
    assert!(prompt("li_balance").contains("measures"));
}

#[test]
fn the_loader_refuses_a_justification_on_a_text_question_or_without_a_prompt() {
    let e = bank_with(|v| {
        item(v, "questions", "campaign_purpose")["justification"] =
            json!({ "prompt": { "nl": "Waarom?", "en": "Why?" } });
        item(v, "questions", "li_interest")["justification"]["prompt"] =
            json!({ "nl": " ", "en": "What?" });
    })
    .unwrap_err();
    let nl: Vec<String> = e.defects.iter().map(|d| d.said(Lang::Nl)).collect();
    let en: Vec<String> = e.defects.iter().map(|d| d.said(Lang::En)).collect();
    assert_eq!(nl.len(), 2, "{nl:?}");
    assert!(
        nl[0].ends_with(
            "vraag \"campaign_purpose\": \"justification\" geldt niet voor een vraag van soort \
             text: het antwoord is al vrije tekst"
        ),
        "{nl:?}"
    );
    assert!(
        nl[1].ends_with(
            "vraag \"li_interest\", justification: een toelichting heeft een \"prompt\" nodig, \
             ten minste in het Nederlands (\"nl\")"
        ),
        "{nl:?}"
    );
    assert!(
        en[0].ends_with(
            "question \"campaign_purpose\": \"justification\" does not apply to a question of \
             kind text: its answer is free text already"
        ),
        "{en:?}"
    );
    assert!(
        en[1].ends_with("a justification needs a \"prompt\", at least in Dutch (\"nl\")"),
        "{en:?}"
    );
    for line in &en {
        common::english::english("loader defect", line);
    }
    // A key the justification does not have is the format's own refusal.
    let e = bank_with(|v| {
        item(v, "questions", "li_interest")["justification"]["hint"] = json!("x");
    })
    .unwrap_err();
    assert!(e.to_string().contains("unknown field `hint`"), "{e}");
}

#[test]
fn the_lint_asks_for_the_prompt_in_english_too() {
    let b = TempBank::shipped("justification-en");
    b.edit("questions.json", |v| {
        item(v, "questions", "li_balance")["justification"]["prompt"]["en"] = json!("");
    });
    let out = b.lint();
    assert_eq!(out.code, Some(1), "{}", out.stdout);
    let line = out
        .stdout
        .lines()
        .find(|l| l.contains("li_balance"))
        .unwrap_or_else(|| panic!("{}", out.stdout));
    assert!(line.contains("justification.prompt"), "{line}");
}

// ---------------------------------------------------------------------------------------------
// The record

#[test]
fn a_justification_is_kept_per_question_with_each_change_in_the_history() {
    let bank = bank();
    let mut a = li_assessment(&bank);
    let before = a.record.history.len();
    a.justify("li_interest", "  Meer jeugdleden in wijk X.  ", NOW)
        .unwrap();
    assert_eq!(
        a.record.justification("li_interest"),
        Some("Meer jeugdleden in wijk X.")
    );
    assert_eq!(a.record.justification("li_balance"), None);
    // The same text again is no change: no history, no revision later.
    a.justify("li_interest", "Meer jeugdleden in wijk X.", NOW)
        .unwrap();
    a.justify("li_balance", "Afmelden met één klik.", NOW)
        .unwrap();
    a.justify("li_balance", "", NOW).unwrap();
    assert_eq!(a.record.justification("li_balance"), None);
    let events: Vec<(String, String)> = a.record.history[before..]
        .iter()
        .map(|e| match e {
            Event::Justified { question, text, .. } => (question.clone(), text.clone()),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        events,
        [
            ("li_interest".into(), "Meer jeugdleden in wijk X.".into()),
            ("li_balance".into(), "Afmelden met één klik.".into()),
            ("li_balance".into(), String::new()),
        ]
    );
    // The advice shows it next to its answer.
    let advice = a.record.outcome.clone().unwrap();
    let label = |id: &str| {
        advice
            .answer_labels
            .iter()
            .find(|l| l.id == id)
            .unwrap()
            .justification
            .clone()
    };
    assert_eq!(
        label("li_interest").as_deref(),
        Some("Meer jeugdleden in wijk X.")
    );
    assert_eq!(label("li_balance"), None);

    // The record file round-trips and fits the published schema.
    let text = a.record.clone().to_json();
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        v["justifications"],
        json!({ "li_interest": "Meer jeugdleden in wijk X." })
    );
    assert_eq!(schema_errors(&v), Vec::<String>::new());
    let back = record::parse(&text).unwrap();
    assert_eq!(back.justifications, a.record.justifications);
    assert!(event_kinds(&back).contains(&"justified"));
}

#[test]
fn what_may_not_be_justified_is_refused_in_words() {
    let bank = bank();
    let mut a = li_assessment(&bank);
    let refused = |e: Refusal| (e.said(Lang::Nl), e.said(Lang::En));
    assert_eq!(
        refused(a.justify("use_case", "x", NOW).unwrap_err()),
        (
            "vraag \"use_case\" vraagt niet om een toelichting".into(),
            "question \"use_case\" does not ask for a justification".into()
        )
    );
    assert_eq!(
        refused(a.justify("li_\u{1b}[2J", "x", NOW).unwrap_err()),
        (
            "onbekende vraag \"li_\\u001b[2J\"".into(),
            "unknown question \"li_\\u001b[2J\"".into()
        )
    );
    let long = "a".repeat(bank::MAX_TEXT + 1);
    assert_eq!(
        refused(a.justify("li_interest", &long, NOW).unwrap_err()).1,
        format!("the text is longer than {} characters", bank::MAX_TEXT)
    );
    assert!(a.record.justifications.is_empty());
}

#[test]
fn a_record_without_justifications_keeps_its_form() {
    let bank = bank();
    let a = li_assessment(&bank);
    let text = a.record.clone().to_json();
    assert!(!text.contains("justification"), "{text}");
    // A version 3 record written before the field reads as one without justifications.
    let r = record::parse(&text).unwrap();
    assert_eq!(r.format_version, 3);
    assert!(r.justifications.is_empty());
    assert_eq!(r.fingerprint(), a.record.clone().fingerprint());
}

#[test]
fn a_tampered_justification_is_named_by_verify() {
    let s = Scratch::new("justify-tamper");
    let id = s.new_record(
        "answers.json",
        &li_answers(json!({ "li_interest": "Meer jeugdleden in wijk X." })),
    );
    let path = s.record_path(&id);
    let mut v: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(
        v["justifications"]["li_interest"],
        "Meer jeugdleden in wijk X."
    );
    s.run(&["verify", &id]).assert_ok();
    v["justifications"]["li_interest"] = json!("Een ander belang.");
    fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let out = s.run(&["verify", &id]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("justifications"), "{}", out.stdout);
    let out = s.run(&["--lang", "en", "verify", &id]);
    assert!(out.stdout.contains("justifications"), "{}", out.stdout);
}

#[test]
fn a_justification_after_the_sign_off_is_a_new_revision() {
    let s = Scratch::new("justify-revision");
    let id = s.new_record("answers.json", &li_answers(json!({})));
    s.run(&["signoff", &id, "--name", "Piet", "--decision", "approved"])
        .assert_ok();
    let signed = fs::read(s.record_path(&id)).unwrap();
    let bank = bank();
    let wf = Workflow::new(&bank, Some(s.open_store()), false).with_clock(common::fixed_clock);
    let mut work = wf.open(&id).unwrap().work;
    // Nothing changed, nothing made.
    let same = wf.justify(&mut work, "li_interest", "").unwrap();
    assert_eq!(same.saved, Saved::Unchanged);
    assert!(same.events.is_empty());
    let changed = wf
        .justify(&mut work, "li_interest", "Meer jeugdleden in wijk X.")
        .unwrap();
    assert_eq!(changed.saved, Saved::Yes);
    let [AppEvent::Revised { from, to, altered }] = changed.events.as_slice() else {
        panic!("{:?}", changed.events);
    };
    assert_eq!((from.as_str(), *altered), (id.as_str(), false));
    // What was signed stays as it was; the revision holds the justification.
    assert_eq!(fs::read(s.record_path(&id)).unwrap(), signed);
    let revised = record::parse(&fs::read_to_string(s.record_path(to)).unwrap()).unwrap();
    assert_eq!(
        revised.justification("li_interest"),
        Some("Meer jeugdleden in wijk X.")
    );
    assert_eq!(revised.revision, 2);
    assert_eq!(event_kinds(&revised), ["revision", "justified"]);
    // compare names the change; between records without any it says nothing of them.
    let out = s.run(&["compare", &id, to]);
    out.assert_ok();
    assert!(
        out.stdout
            .contains("    A: Ja | B: Ja\n    Toelichting: A: - | B: Meer jeugdleden in wijk X.\n"),
        "{}",
        out.stdout
    );
    let out = s.run(&["--lang", "en", "compare", &id, &id]);
    assert!(!out.stdout.contains("Justification"), "{}", out.stdout);
}

#[test]
fn show_and_the_exports_put_it_next_to_the_answer() {
    let s = Scratch::new("justify-show");
    let id = s.new_record(
        "answers.json",
        &li_answers(json!({
            "li_interest": "Meer jeugdleden <b>in</b> wijk X.",
            "li_balance": "Afmelden met één klik; alleen PC6.",
        })),
    );
    let out = s.run(&["show", &id]);
    out.assert_ok();
    let at = |needle: &str| {
        out.stdout
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} in {}", out.stdout))
    };
    assert!(at("concreet en van de bibliotheek zelf is?") < at("Toelichting: Meer jeugdleden"));
    assert!(at("Toelichting: Meer jeugdleden") < at("Past dit gebruik"));
    assert!(at("toelichting li_balance: \"Afmelden") > at("Antwoorden"));
    for (format, needle) in [
        (
            "md",
            "  - *Toelichting:* Meer jeugdleden \\<b\\>in\\</b\\> wijk X.",
        ),
        (
            "html",
            "<br><em>Toelichting:</em> Meer jeugdleden &lt;b&gt;in&lt;/b&gt; wijk X.",
        ),
        (
            "json",
            "\"li_interest\": \"Meer jeugdleden <b>in</b> wijk X.\"",
        ),
    ] {
        let file = format!("out.{format}");
        s.run(&["export", &id, "--format", format, "--output", &file])
            .assert_ok();
        let text = fs::read_to_string(s.path(&file)).unwrap();
        assert!(text.contains(needle), "{format}: {needle:?} in {text}");
    }
}
