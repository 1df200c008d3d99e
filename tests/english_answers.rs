//! An answers file that `advise` or `new` refuses is said in the run's language: with
//! `--lang en` every kind of mistake is one English line that names the file (and the
//! question, when there is one), with nothing Dutch in it; with `--lang nl` (the default) the
//! same file gives the Dutch line as before. The notes on answers off the path likewise.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use serde_json::{Value, json};

mod common;
use common::english::english;
use common::{BANK, Scratch};

/// A broken answers file and what is said about it in either language (without the
/// "avg-wijzer: a.json: " in front), and the question it is about, if any.
struct Case {
    what: &'static str,
    file: String,
    en: String,
    nl: String,
    question: Option<&'static str>,
}

fn case(what: &'static str, file: impl Into<String>, en: &str, nl: &str) -> Case {
    Case {
        what,
        file: file.into(),
        en: en.to_string(),
        nl: nl.to_string(),
        question: None,
    }
}

/// A case about `question`: the answers `answers` (the file is `{"answers": …}`).
fn about(question: &'static str, answers: Value, en: &str, nl: &str) -> Case {
    Case {
        question: Some(question),
        ..case(question, json!({ "answers": answers }).to_string(), en, nl)
    }
}

/// A direct-marketing selection answered up to (not including) `legal_basis`, with `more`.
fn direct_marketing(more: Value) -> Value {
    let mut a = json!({
        "use_case": "address_selection",
        "postcode_granularity": "pc6_house_number",
        "envisia_access": "poi_license",
        "distribution": "direct_marketing",
        "audience": ["existing_customers"],
        "channel": ["email"],
        "uses_lending_history": "no"
    });
    for (k, v) in more.as_object().unwrap() {
        a[k] = v.clone();
    }
    a
}

const USE_CASE: &str = "area_map, coverage_analysis, address_selection, enrichment";
const CHANNEL: &str = "addressed_post, email, phone, none";
const AUDIENCE: &str = "existing_customers, new_customers, former_customers, youth_members, parents_of_youth_members, school_library_members";
const ANSWERS: &str = r#""answers": {"use_case": "area_map"}"#;

/// Every kind of mistake an answers file can hold that the format can reach. (Serde's own
/// words at a path the format does not have are said too, but no file reaches them.)
fn cases() -> Vec<Case> {
    let known: Vec<&str> = BANK.questions.iter().map(|q| q.id.as_str()).collect();
    let known = known.join(", ");
    vec![
        case(
            "empty",
            " \n",
            "the file is empty; expected a JSON object with \"answers\"",
            "het bestand is leeg; verwacht een JSON-object met \"answers\"",
        ),
        case(
            "not JSON",
            "{\"answers\": {\"use_case\": \"area_map\",}}",
            "line 1 column 37: invalid JSON: trailing comma",
            "regel 1 kolom 37: ongeldige JSON: trailing comma",
        ),
        case(
            "cut short",
            "{\"answers\": {\"use_case\": ",
            "line 1 column 25: the file ends before the JSON is complete (cut off?)",
            "regel 1 kolom 25: het bestand houdt op voordat de JSON af is (afgekapt?)",
        ),
        case(
            "duplicate key",
            "{\"answers\": {\"use_case\": \"area_map\", \"use_case\": \"enrichment\"}}",
            "line 1 column 47: the key \"use_case\" is given twice",
            "regel 1 kolom 47: de sleutel \"use_case\" staat er twee keer in",
        ),
        case(
            "a list, not an object",
            "[{\"answers\": {}}]",
            "expected a JSON object with \"answers\", found: a list",
            "verwacht een JSON-object met \"answers\", gevonden: een lijst",
        ),
        case(
            "no answers",
            "{\"campaign\": {\"name\": \"Summer\"}}",
            "\"answers\" is missing; expected an object with an answer per question id",
            "\"answers\" ontbreekt; verwacht een object met een antwoord per vraag-id",
        ),
        case(
            "answers not an object",
            "{\"answers\": [\"use_case\"]}",
            "\"answers\" must be an object, found: a list",
            "\"answers\" moet een object zijn, gevonden: een lijst",
        ),
        case(
            "campaign not an object",
            format!("{{\"campaign\": \"Summer\", {ANSWERS}}}"),
            "\"campaign\" must be an object, like {\"name\": \"Spring campaign\"}; found: text",
            "\"campaign\" moet een object zijn, zoals {\"name\": \"Voorjaarsactie\"}; gevonden: tekst",
        ),
        case(
            "participants not a list",
            format!("{{\"participants\": {{\"name\": \"Anna\"}}, {ANSWERS}}}"),
            "\"participants\" must be a list, found: an object",
            "\"participants\" moet een lijst zijn, gevonden: een object",
        ),
        case(
            "a participant not an object",
            format!("{{\"participants\": [\"Anna\"], {ANSWERS}}}"),
            "participants[0] must be an object with \"name\" (and \"role\")",
            "participants[0] moet een object zijn met \"name\" (en \"role\")",
        ),
        case(
            "campaign name a number",
            format!("{{\"campaign\": {{\"name\": 5}}, {ANSWERS}}}"),
            "campaign.name must be text, found: a number",
            "campaign.name moet tekst zijn, gevonden: een getal",
        ),
        case(
            "campaign description true",
            format!("{{\"campaign\": {{\"description\": true}}, {ANSWERS}}}"),
            "campaign.description must be text, found: a true/false value",
            "campaign.description moet tekst zijn, gevonden: een waar/onwaar-waarde",
        ),
        case(
            "unknown field",
            format!("{{\"answer\": {{}}, {ANSWERS}}}"),
            "unknown field \"answer\"; allowed: $schema, campaign, participants, answers, justifications",
            "onbekend veld \"answer\"; toegestaan: $schema, campaign, participants, answers, justifications",
        ),
        case(
            "unknown campaign field",
            format!("{{\"campaign\": {{\"budget\": 300}}, {ANSWERS}}}"),
            "unknown field \"campaign.budget\"; allowed: campaign.name, campaign.description, campaign.organisation",
            "onbekend veld \"campaign.budget\"; toegestaan: campaign.name, campaign.description, campaign.organisation",
        ),
        Case {
            question: Some("colour"),
            ..case(
                "unknown question",
                json!({ "answers": { "use_case": "area_map", "colour": "red" } }).to_string(),
                &format!("unknown question \"colour\"; known questions: {known}"),
                &format!("onbekende vraag \"colour\"; bekende vragen: {known}"),
            )
        },
        about(
            "use_case",
            json!({ "use_case": 5 }),
            &format!("question \"use_case\": expected one option as text; allowed: {USE_CASE}"),
            &format!("vraag \"use_case\": verwacht één optie als tekst; toegestaan: {USE_CASE}"),
        ),
        about(
            "use_case",
            json!({ "use_case": "banana" }),
            &format!("question \"use_case\": \"banana\" is not allowed; allowed: {USE_CASE}"),
            &format!("vraag \"use_case\": \"banana\" is niet toegestaan; toegestaan: {USE_CASE}"),
        ),
        // What comes from the file stays on one line and cannot steer the terminal.
        about(
            "use_case",
            json!({ "use_case": "ban\nana\u{1b}[31m" }),
            &format!(
                "question \"use_case\": \"ban\\nana\\u001b[31m\" is not allowed; allowed: {USE_CASE}"
            ),
            &format!(
                "vraag \"use_case\": \"ban\\nana\\u001b[31m\" is niet toegestaan; toegestaan: {USE_CASE}"
            ),
        ),
        about(
            "audience",
            direct_marketing(json!({ "audience": "existing_customers" })),
            &format!(
                "question \"audience\": expected a list of options, like [\"a\", \"b\"]; allowed: {AUDIENCE}"
            ),
            &format!(
                "vraag \"audience\": verwacht een lijst van opties, zoals [\"a\", \"b\"]; toegestaan: {AUDIENCE}"
            ),
        ),
        about(
            "channel",
            direct_marketing(json!({ "channel": [] })),
            &format!("question \"channel\": choose at least one option; allowed: {CHANNEL}"),
            &format!("vraag \"channel\": kies minstens één optie; toegestaan: {CHANNEL}"),
        ),
        about(
            "channel",
            direct_marketing(json!({ "channel": ["none", "email"] })),
            &format!(
                "question \"channel\": \"none\" cannot be chosen together with other options; allowed: {CHANNEL}"
            ),
            &format!(
                "vraag \"channel\": \"none\" kan niet samen met andere opties gekozen worden; toegestaan: {CHANNEL}"
            ),
        ),
        about(
            "campaign_purpose",
            json!({ "campaign_purpose": "x".repeat(10_001), "use_case": "area_map" }),
            "question \"campaign_purpose\": the text is longer than 10000 characters",
            "vraag \"campaign_purpose\": de tekst is langer dan 10000 tekens",
        ),
        about(
            "campaign_purpose",
            json!({ "campaign_purpose": ["a"], "use_case": "area_map" }),
            "question \"campaign_purpose\": expected text between quotes; allowed: free text",
            "vraag \"campaign_purpose\": verwacht tekst tussen aanhalingstekens; toegestaan: vrije tekst",
        ),
        about(
            "legal_basis",
            direct_marketing(json!({})),
            "question \"legal_basis\" is on the path but has no answer; allowed: consent, legitimate_interest, public_task, undecided",
            "vraag \"legal_basis\" staat op het pad maar heeft geen antwoord; toegestaan: consent, legitimate_interest, public_task, undecided",
        ),
    ]
}

/// Runs `command` (`advise` or `new`) on `contents` as a.json in `lang`.
fn run(s: &Scratch, command: &str, lang: &str, contents: &str) -> common::Out {
    s.write("a.json", contents);
    s.run(&["--lang", lang, command, "--answers", "a.json"])
}

#[test]
fn every_mistake_in_an_answers_file_is_said_in_english() {
    let s = Scratch::new("english-answers");
    for c in cases() {
        for command in ["advise", "new"] {
            let out = run(&s, command, "en", &c.file);
            let what = format!("{command}: {}", c.what);
            out.assert_error(2, &format!("a.json: {}", c.en));
            english(&what, &out.stderr);
            if let Some(q) = c.question {
                assert!(out.stderr.contains(&format!("\"{q}\"")), "{what}");
            }
        }
    }
    // Nothing was saved by the refused `new`s.
    assert!(s.store_files().is_empty());
}

#[test]
fn every_mistake_in_an_answers_file_is_said_in_dutch_as_before() {
    let s = Scratch::new("dutch-answers");
    for c in cases() {
        for lang in [&["--lang", "nl"][..], &[]] {
            s.write("a.json", &c.file);
            let mut args = lang.to_vec();
            args.extend(["advise", "--answers", "a.json"]);
            s.run(&args).assert_error(2, &format!("a.json: {}", c.nl));
        }
    }
}

/// Standard input is called so in the run's language.
#[test]
fn standard_input_is_named_in_the_runs_language() {
    let s = Scratch::new("english-stdin");
    let en = s.run_fed(&["--lang", "en", "advise", "--answers", "-"], b"");
    en.assert_error(
        2,
        "standard input: the file is empty; expected a JSON object with \"answers\"",
    );
    let nl = s.run_fed(&["advise", "--answers", "-"], b"");
    nl.assert_error(
        2,
        "standaardinvoer: het bestand is leeg; verwacht een JSON-object met \"answers\"",
    );
    // Too large to read at all: the store's refusal names standard input in the run's language.
    let big = vec![b' '; 2 * 1024 * 1024];
    let en = s.run_fed(&["--lang", "en", "advise", "--answers", "-"], &big);
    assert!(
        en.stderr
            .starts_with("avg-wijzer: standard input: too large"),
        "{}",
        en.stderr
    );
    let nl = s.run_fed(&["advise", "--answers", "-"], &big);
    assert!(
        nl.stderr
            .starts_with("avg-wijzer: standaardinvoer: te groot"),
        "{}",
        nl.stderr
    );
}

/// An answer to a question off the path is ignored, with a note in the run's language; the
/// advice is given (and `new` saves the record) all the same.
#[test]
fn answers_off_the_path_are_noted_in_the_runs_language() {
    let s = Scratch::new("english-notices");
    let file = json!({ "answers": {
        "use_case": "area_map",
        "crm_coupling": "spreadsheet_snapshot",
        "li_balance": "no",
    } })
    .to_string();
    let en_note = |q: &str| {
        format!(
            "avg-wijzer: note: a.json: answer to \"{q}\" ignored: that question is not on the path of these answers\n"
        )
    };
    let nl_note = |q: &str| {
        format!(
            "avg-wijzer: let op: a.json: antwoord op \"{q}\" genegeerd: die vraag staat niet op het pad van deze antwoorden\n"
        )
    };
    for command in ["advise", "new"] {
        let out = run(&s, command, "en", &file);
        out.assert_ok();
        assert_eq!(
            out.stderr,
            en_note("crm_coupling") + &en_note("li_balance"),
            "{command}"
        );
        english(command, &format!("{}\n{}", out.stdout, out.stderr));

        let out = run(&s, command, "nl", &file);
        out.assert_ok();
        assert_eq!(
            out.stderr,
            nl_note("crm_coupling") + &nl_note("li_balance"),
            "{command}"
        );
    }
    assert_eq!(s.store_files().len(), 2, "each new saved its record");
}
