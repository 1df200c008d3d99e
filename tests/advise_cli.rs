//! Integration tests for `avg-wijzer advise`: the real binary for every input error and the main
//! success paths (as the README describes them), and property tests of `answers::assess` in-process.
//!
//! Each test runs the binary in its own temporary directory and passes the answers file by its
//! bare name, so the messages (which name the file as given) are exact.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::collections::HashSet;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use proptest::prelude::*;
use serde_json::{Map, Value, json};

use avg_wijzer::answers::assess;
use avg_wijzer::bank::Bank;

mod common;
use common::{BANK, BIN, EXAMPLE, temp_dir};

/// The six stable findings (docs/stable-ids.md); every outcome has all of them.
const FINDINGS: [&str; 6] = [
    "personal_data",
    "profiling",
    "dpia_required",
    "telecom_rules",
    "legitimate_interest_valid",
    "verdict",
];

// ---------------------------------------------------------------------------------------------
// Helpers

/// Runs the binary in `dir` with `args`, feeding `stdin` (or nothing).
fn run_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("AVG_WIJZER_STORE")
        .env("TERM", "dumb")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    {
        let mut pipe = child.stdin.take().unwrap();
        if let Some(bytes) = stdin {
            pipe.write_all(bytes).unwrap();
        }
    }
    child.wait_with_output().unwrap()
}

/// Writes `contents` as `file` in a fresh directory for `test` and runs `advise` on it with
/// the extra `args`.
fn advise_file(test: &str, file: &str, contents: &[u8], args: &[&str]) -> Output {
    let dir = temp_dir(test);
    std::fs::write(dir.path().join(file), contents).unwrap();
    let mut all = vec!["advise", "--answers", file];
    all.extend_from_slice(args);
    run_in(dir.path(), &all, None)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// Bad input: exit 2, nothing on stdout, and exactly `line` (one line) on stderr.
#[track_caller]
fn assert_bad_input(o: &Output, line: &str) {
    assert!(!line.contains('\n'), "expected line must be one line");
    assert_eq!(o.status.code(), Some(2), "exit code; stderr: {}", stderr(o));
    assert_eq!(stdout(o), "", "nothing on stdout on error");
    assert_eq!(
        stderr(o),
        format!("{line}\n"),
        "the one error line on stderr"
    );
}

/// Bad input where the exact wording is not fixed yet: exit 2, nothing on stdout, one line on
/// stderr that starts with `prefix` and ends with `suffix`.
#[track_caller]
fn assert_bad_input_one_line(o: &Output, prefix: &str, suffix: &str) {
    assert_eq!(o.status.code(), Some(2), "exit code; stderr: {}", stderr(o));
    assert_eq!(stdout(o), "", "nothing on stdout on error");
    let err = stderr(o);
    let line = err
        .strip_suffix('\n')
        .unwrap_or_else(|| panic!("stderr ends with a newline: {err:?}"));
    assert!(!line.contains('\n'), "stderr is one line: {err:?}");
    assert!(line.starts_with(prefix), "{line:?} starts with {prefix:?}");
    assert!(line.ends_with(suffix), "{line:?} ends with {suffix:?}");
}

/// Success: exit 0 and the stdout.
#[track_caller]
fn assert_ok(o: &Output) -> String {
    assert_eq!(o.status.code(), Some(0), "exit code; stderr: {}", stderr(o));
    stdout(o)
}

/// An answers file with these answers (and no campaign).
fn answers(a: Value) -> Vec<u8> {
    serde_json::to_vec_pretty(&json!({ "answers": a })).unwrap()
}

/// The example file with one more answer.
fn example_with(id: &str, value: Value) -> Vec<u8> {
    let mut v: Value = serde_json::from_str(EXAMPLE).unwrap();
    v["answers"][id] = value;
    serde_json::to_vec_pretty(&v).unwrap()
}

/// A direct-marketing selection, answered up to (not including) `legal_basis`.
fn direct_marketing_without_basis() -> Value {
    json!({
        "use_case": "address_selection",
        "postcode_granularity": "pc6_house_number",
        "envisia_access": "poi_license",
        "distribution": "direct_marketing",
        "audience": ["existing_customers"],
        "channel": ["email"],
        "uses_lending_history": "no"
    })
}

const USE_CASE_VALUES: &str = "area_map, coverage_analysis, address_selection, enrichment";
const AUDIENCE_VALUES: &str = "existing_customers, new_customers, former_customers, youth_members, parents_of_youth_members, school_library_members";
const CHANNEL_VALUES: &str = "addressed_post, email, phone, none";

// ---------------------------------------------------------------------------------------------
// Errors: the file itself

#[test]
fn invalid_json_names_line_and_column() {
    let src = b"{\n  \"answers\": {\n    \"use_case\": \"area_map\",\n  }\n}\n";
    let o = advise_file("invalid_json", "bad.json", src, &[]);
    assert_bad_input(
        &o,
        "avg-wijzer: bad.json: regel 4 kolom 3: ongeldige JSON: trailing comma",
    );
}

#[test]
fn invalid_json_missing_value() {
    let o = advise_file(
        "invalid_json_value",
        "bad.json",
        br#"{"answers": {"use_case": }"#,
        &[],
    );
    assert_bad_input(
        &o,
        "avg-wijzer: bad.json: regel 1 kolom 26: ongeldige JSON: expected value",
    );
}

#[test]
fn empty_file() {
    let o = advise_file("empty_file", "empty.json", b"", &[]);
    assert_bad_input(
        &o,
        "avg-wijzer: empty.json: het bestand is leeg; verwacht een JSON-object met \"answers\"",
    );
}

#[test]
fn whitespace_only_file_counts_as_empty() {
    let o = advise_file("whitespace_file", "blank.json", b" \n\t\n", &[]);
    assert_bad_input(
        &o,
        "avg-wijzer: blank.json: het bestand is leeg; verwacht een JSON-object met \"answers\"",
    );
}

#[test]
fn array_instead_of_object() {
    let o = advise_file("array", "list.json", br#"[{"answers": {}}]"#, &[]);
    assert_bad_input(
        &o,
        "avg-wijzer: list.json: verwacht een JSON-object met \"answers\", gevonden: een lijst",
    );
}

#[test]
fn missing_answers() {
    let src = br#"{"campaign": {"name": "Zomer"}}"#;
    let o = advise_file("missing_answers", "a.json", src, &[]);
    assert_bad_input(
        &o,
        "avg-wijzer: a.json: \"answers\" ontbreekt; verwacht een object met een antwoord per vraag-id",
    );
}

#[test]
fn answers_not_an_object() {
    let o = advise_file(
        "answers_not_object",
        "a.json",
        br#"{"answers": ["use_case"]}"#,
        &[],
    );
    assert_bad_input(
        &o,
        "avg-wijzer: a.json: \"answers\" moet een object zijn, gevonden: een lijst",
    );
    let o = advise_file(
        "answers_not_object_string",
        "a.json",
        br#"{"answers": "area_map"}"#,
        &[],
    );
    assert_bad_input(
        &o,
        "avg-wijzer: a.json: \"answers\" moet een object zijn, gevonden: tekst",
    );
}

#[test]
fn unknown_top_level_field() {
    let src = br#"{"answers": {"use_case": "area_map"}, "antwoorden": {}}"#;
    let o = advise_file("unknown_top_field", "a.json", src, &[]);
    assert_bad_input(
        &o,
        "avg-wijzer: a.json: onbekend veld \"antwoorden\"; toegestaan: $schema, campaign, participants, answers",
    );
}

#[test]
fn unknown_campaign_field() {
    let src =
        br#"{"campaign": {"name": "Zomer", "budget": 300}, "answers": {"use_case": "area_map"}}"#;
    let o = advise_file("unknown_campaign_field", "a.json", src, &[]);
    assert_bad_input(
        &o,
        "avg-wijzer: a.json: onbekend veld \"campaign.budget\"; toegestaan: campaign.name, campaign.description, campaign.organisation",
    );
}

#[test]
fn campaign_not_an_object() {
    let src = br#"{"campaign": "Zomer", "answers": {"use_case": "area_map"}}"#;
    let o = advise_file("campaign_not_object", "a.json", src, &[]);
    assert_bad_input(
        &o,
        "avg-wijzer: a.json: \"campaign\" moet een object zijn, zoals {\"name\": \"Voorjaarsactie\"}; gevonden: tekst",
    );
}

#[test]
fn file_does_not_exist() {
    let dir = temp_dir("no_such_file");
    let o = run_in(dir.path(), &["advise", "--answers", "nergens.json"], None);
    assert_bad_input(&o, "avg-wijzer: nergens.json: bestaat niet");
}

#[test]
fn file_not_utf8() {
    let src = b"{\"answers\": {\"use_case\": \"\xff\"}}";
    let o = advise_file("not_utf8", "latin.json", src, &[]);
    assert_bad_input(
        &o,
        "avg-wijzer: latin.json: geen geldige UTF-8 (bij byte 27)",
    );
}

#[test]
fn unknown_format_is_refused_by_clap() {
    let o = run_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &[
            "advise",
            "--answers",
            "examples/voorjaarsactie.json",
            "--format",
            "xml",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2), "stderr: {}", stderr(&o));
    assert_eq!(stdout(&o), "");
    assert!(stderr(&o).contains("xml"), "{}", stderr(&o));
}

#[test]
fn empty_stdin_is_named_standaardinvoer() {
    let o = run_in(
        temp_dir("empty_stdin").path(),
        &["advise", "--answers", "-"],
        Some(b""),
    );
    assert_bad_input(
        &o,
        "avg-wijzer: standaardinvoer: het bestand is leeg; verwacht een JSON-object met \"answers\"",
    );
}

#[test]
fn errors_print_nothing_on_stdout_in_json_and_english_too() {
    let src = answers(json!({ "use_case": "banana" }));
    let o = advise_file(
        "error_json_en",
        "a.json",
        &src,
        &["--format", "json", "--lang", "en"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stdout(&o), "");
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(err.starts_with("avg-wijzer: a.json: "), "{err:?}");
    assert!(
        err.contains("use_case") && err.contains("banana"),
        "{err:?}"
    );
    assert!(err.trim_end().ends_with(USE_CASE_VALUES), "{err:?}");
}

// ---------------------------------------------------------------------------------------------
// Errors: the answers

#[test]
fn unknown_question_id() {
    let src = answers(json!({ "use_case": "area_map", "kleur": "rood" }));
    let o = advise_file("unknown_question", "a.json", &src, &[]);
    assert_bad_input(
        &o,
        "avg-wijzer: a.json: onbekende vraag \"kleur\"; bekende vragen: campaign_purpose, use_case, postcode_granularity, sparse_area, envisia_access, distribution, municipal_sticker_regime, crm_coupling, combined_with_user_file, audience, channel, uses_lending_history, external_agency, phone_purpose, legal_basis, existing_consent, li_interest, li_compatible, li_necessary, li_balance",
    );
}

#[test]
fn single_choice_value_not_allowed() {
    let src = answers(json!({ "use_case": "banana" }));
    let o = advise_file("single_not_allowed", "a.json", &src, &[]);
    assert_bad_input(
        &o,
        &format!(
            "avg-wijzer: a.json: vraag \"use_case\": \"banana\" is niet toegestaan; toegestaan: {USE_CASE_VALUES}"
        ),
    );
}

#[test]
fn yes_no_value_not_allowed() {
    let mut a = direct_marketing_without_basis();
    a["uses_lending_history"] = json!("ja");
    let o = advise_file("yes_no_not_allowed", "a.json", &answers(a), &[]);
    assert_bad_input(
        &o,
        "avg-wijzer: a.json: vraag \"uses_lending_history\": \"ja\" is niet toegestaan; toegestaan: yes, no",
    );
}

#[test]
fn multiple_choice_value_not_allowed() {
    let mut a = direct_marketing_without_basis();
    a["audience"] = json!(["existing_customers", "aliens"]);
    let o = advise_file("multiple_not_allowed", "a.json", &answers(a), &[]);
    assert_bad_input(
        &o,
        &format!(
            "avg-wijzer: a.json: vraag \"audience\": \"aliens\" is niet toegestaan; toegestaan: {AUDIENCE_VALUES}"
        ),
    );
}

#[test]
fn string_for_multiple_choice() {
    let mut a = direct_marketing_without_basis();
    a["audience"] = json!("existing_customers");
    let o = advise_file("string_for_multiple", "a.json", &answers(a), &[]);
    assert_bad_input(
        &o,
        &format!(
            "avg-wijzer: a.json: vraag \"audience\": verwacht een lijst van opties, zoals [\"a\", \"b\"]; toegestaan: {AUDIENCE_VALUES}"
        ),
    );
}

#[test]
fn list_for_single_choice() {
    let src = answers(json!({ "use_case": ["area_map"] }));
    let o = advise_file("list_for_single", "a.json", &src, &[]);
    assert_bad_input(
        &o,
        &format!(
            "avg-wijzer: a.json: vraag \"use_case\": verwacht één optie als tekst; toegestaan: {USE_CASE_VALUES}"
        ),
    );
}

#[test]
fn number_for_single_choice() {
    let src = answers(json!({ "use_case": "address_selection", "postcode_granularity": 6 }));
    let o = advise_file("number_for_single", "a.json", &src, &[]);
    assert_bad_input(
        &o,
        "avg-wijzer: a.json: vraag \"postcode_granularity\": verwacht één optie als tekst; toegestaan: pc6, pc6_house_number",
    );
}

#[test]
fn number_inside_multiple_choice_list() {
    let mut a = direct_marketing_without_basis();
    a["channel"] = json!(["email", 3]);
    let o = advise_file("number_in_list", "a.json", &answers(a), &[]);
    assert_bad_input(
        &o,
        &format!(
            "avg-wijzer: a.json: vraag \"channel\": verwacht een lijst van opties als tekst, zoals [\"a\", \"b\"]; toegestaan: {CHANNEL_VALUES}"
        ),
    );
}

#[test]
fn boolean_for_yes_no_unknown() {
    let src = answers(json!({
        "use_case": "address_selection",
        "postcode_granularity": "pc6",
        "sparse_area": true
    }));
    let o = advise_file("bool_for_yes_no", "a.json", &src, &[]);
    assert_bad_input(
        &o,
        "avg-wijzer: a.json: vraag \"sparse_area\": verwacht één optie als tekst; toegestaan: yes, no, unknown",
    );
}

#[test]
fn empty_list_for_multiple_choice() {
    let mut a = direct_marketing_without_basis();
    a["channel"] = json!([]);
    let o = advise_file("empty_list", "a.json", &answers(a), &[]);
    assert_bad_input(
        &o,
        &format!(
            "avg-wijzer: a.json: vraag \"channel\": kies minstens één optie; toegestaan: {CHANNEL_VALUES}"
        ),
    );
}

/// The line names the file, the question and the exclusive option. (It does not list the
/// allowed values; see the report.)
#[test]
fn exclusive_option_combined_with_another() {
    let mut a = direct_marketing_without_basis();
    a["channel"] = json!(["none", "email"]);
    let o = advise_file("exclusive", "a.json", &answers(a), &[]);
    assert_bad_input(
        &o,
        "avg-wijzer: a.json: vraag \"channel\": \"none\" kan niet samen met andere opties gekozen worden; toegestaan: addressed_post, email, phone, none",
    );
}

#[test]
fn question_on_path_unanswered() {
    let o = advise_file(
        "unanswered",
        "a.json",
        &answers(direct_marketing_without_basis()),
        &[],
    );
    assert_bad_input(
        &o,
        "avg-wijzer: a.json: vraag \"legal_basis\" staat op het pad maar heeft geen antwoord; toegestaan: consent, legitimate_interest, public_task, undecided",
    );
}

#[test]
fn first_question_unanswered() {
    let o = advise_file("no_use_case", "a.json", br#"{"answers": {}}"#, &[]);
    assert_bad_input(
        &o,
        &format!(
            "avg-wijzer: a.json: vraag \"use_case\" staat op het pad maar heeft geen antwoord; toegestaan: {USE_CASE_VALUES}"
        ),
    );
}

#[test]
fn stdin_errors_name_standaardinvoer() {
    let src = answers(direct_marketing_without_basis());
    let o = run_in(
        temp_dir("stdin_unanswered").path(),
        &["advise", "--answers", "-"],
        Some(&src),
    );
    assert_bad_input(
        &o,
        "avg-wijzer: standaardinvoer: vraag \"legal_basis\" staat op het pad maar heeft geen antwoord; toegestaan: consent, legitimate_interest, public_task, undecided",
    );
}

// Values that come from the file are echoed in the message. A newline in them (written `\n`
// in JSON) must not break the message over two lines.

#[test]
fn newline_in_value_keeps_error_on_one_line() {
    let src = answers(json!({ "use_case": "area\nmap" }));
    let o = advise_file("newline_value", "a.json", &src, &[]);
    assert_bad_input_one_line(
        &o,
        "avg-wijzer: a.json: vraag \"use_case\": ",
        &format!("toegestaan: {USE_CASE_VALUES}"),
    );
}

#[test]
fn newline_in_question_id_keeps_error_on_one_line() {
    let src = answers(json!({ "use\ncase": "area_map" }));
    let o = advise_file("newline_question", "a.json", &src, &[]);
    assert_bad_input_one_line(
        &o,
        "avg-wijzer: a.json: onbekende vraag ",
        "li_necessary, li_balance",
    );
}

#[test]
fn newline_in_field_name_keeps_error_on_one_line() {
    let src = br#"{"answers": {"use_case": "area_map"}, "ex\ntra": 1}"#;
    let o = advise_file("newline_field", "a.json", src, &[]);
    assert_bad_input_one_line(
        &o,
        "avg-wijzer: a.json: onbekend veld ",
        "toegestaan: $schema, campaign, participants, answers",
    );
}

// ---------------------------------------------------------------------------------------------
// Success

fn example_path() -> &'static str {
    concat!(env!("CARGO_MANIFEST_DIR"), "/examples/voorjaarsactie.json")
}

fn advise_example(args: &[&str]) -> Output {
    let mut all = vec!["advise", "--answers", example_path()];
    all.extend_from_slice(args);
    run_in(Path::new(env!("CARGO_MANIFEST_DIR")), &all, None)
}

#[track_caller]
fn parse_json(s: &str) -> Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("advice is JSON ({e}): {s}"))
}

#[test]
fn example_as_text() {
    let o = advise_example(&[]);
    let out = assert_ok(&o);
    assert_eq!(stderr(&o), "", "nothing on stderr");
    assert!(
        out.lines().any(|l| l == "Oordeel: TOEGESTAAN, MET ACTIES"),
        "{out}"
    );
    assert!(out.contains("Voorjaarsactie 2027"), "campaign name: {out}");
}

#[test]
fn example_as_text_is_the_default_format() {
    let default = assert_ok(&advise_example(&[]));
    let text = assert_ok(&advise_example(&["--format", "text"]));
    assert_eq!(default, text);
}

#[test]
fn example_as_markdown() {
    let o = advise_example(&["--format", "md"]);
    let out = assert_ok(&o);
    assert_eq!(stderr(&o), "");
    assert!(out.starts_with("# "), "{out}");
    assert!(out.contains("Toegestaan, met acties"), "{out}");
}

#[test]
fn example_as_json() {
    let o = advise_example(&["--format", "json"]);
    let out = assert_ok(&o);
    assert_eq!(stderr(&o), "");
    let v = parse_json(&out);

    let findings = v["findings"].as_object().expect("findings is an object");
    for id in FINDINGS {
        assert!(findings.contains_key(id), "finding {id} in {findings:?}");
    }
    assert_eq!(
        Value::Object(findings.clone()),
        json!({
            "personal_data": "yes",
            "profiling": false,
            "dpia_required": false,
            "telecom_rules": true,
            "legitimate_interest_valid": null,
            "verdict": "allowed_with_actions"
        })
    );

    let actions = v["actions"].as_array().expect("actions is a list");
    let mut seen = HashSet::new();
    for a in actions {
        let id = a["id"].as_str().expect("action id is text");
        assert!(seen.insert(id), "action {id} appears more than once");
        let level = a["level"].as_str().expect("level is text");
        assert!(
            level == "required" || level == "recommended",
            "{id}: level {level}"
        );
        for field in ["title", "rationale"] {
            let t = a[field].as_str().unwrap_or_else(|| panic!("{id}: {field}"));
            assert!(!t.trim().is_empty(), "{id}: empty {field}");
        }
        let sources = a["sources"].as_array().expect("sources is a list");
        assert!(!sources.is_empty(), "{id}: no sources");
        assert!(
            sources
                .iter()
                .all(|s| s.as_str().is_some_and(|s| !s.is_empty()))
        );
    }
    let level_of = |id: &str| {
        actions
            .iter()
            .find(|a| a["id"] == id)
            .map(|a| a["level"].as_str().unwrap().to_string())
    };
    // Rules 3B, 5 and 7 for this example.
    for id in [
        "register_processing",
        "update_privacy_statement",
        "compatibility_assessment",
        "explicit_opt_in_existing",
        "record_consent",
        "consent_transition_plan",
        "similar_products_only",
        "retention_policy",
    ] {
        assert_eq!(level_of(id).as_deref(), Some("required"), "{id}");
    }
    for id in ["inform_publicly", "brief_staff", "pre_dpia"] {
        assert_eq!(level_of(id).as_deref(), Some("recommended"), "{id}");
    }
    for id in ["dpia", "processor_agreement", "choose_legal_basis"] {
        assert_eq!(level_of(id), None, "{id} does not apply");
    }

    let warnings = v["warnings"].as_array().expect("warnings is a list");
    for w in warnings {
        assert!(w["id"].is_string() && w["text"].is_string(), "{w}");
        assert!(w["sources"].is_array(), "{w}");
    }

    let path: Vec<&str> = v["path"]
        .as_array()
        .expect("path is a list")
        .iter()
        .map(|q| q.as_str().expect("path holds question ids"))
        .collect();
    for id in [
        "use_case",
        "postcode_granularity",
        "envisia_access",
        "distribution",
        "audience",
        "channel",
        "legal_basis",
        "existing_consent",
    ] {
        assert!(path.contains(&id), "{id} on the path {path:?}");
    }
    for id in ["crm_coupling", "municipal_sticker_regime", "li_interest"] {
        assert!(!path.contains(&id), "{id} off the path {path:?}");
    }
    assert_eq!(
        path.iter().collect::<HashSet<_>>().len(),
        path.len(),
        "no question twice on the path"
    );

    let bank = v["bank"].as_object().expect("bank is an object");
    assert!(bank["id"].as_str().is_some_and(|s| !s.is_empty()));
    assert!(bank["version"].as_str().is_some_and(|s| !s.is_empty()));
    let sha = bank["sha256"].as_str().expect("sha256 is text");
    assert_eq!(sha.len(), 64, "{sha}");
    assert!(sha.chars().all(|c| c.is_ascii_hexdigit()), "{sha}");
    let embedded = Bank::embedded().unwrap();
    assert_eq!(bank["id"], embedded.id.as_str());
    assert_eq!(bank["version"], embedded.version.as_str());
    assert_eq!(sha, embedded.sha256);
}

#[test]
fn json_advice_is_deterministic() {
    let a = assert_ok(&advise_example(&["--format", "json"]));
    let b = assert_ok(&advise_example(&["--format", "json"]));
    assert_eq!(a, b);
}

#[test]
fn example_in_english() {
    let o = advise_example(&["--lang", "en"]);
    let out = assert_ok(&o);
    assert_eq!(stderr(&o), "");
    assert!(
        out.lines().any(|l| l == "Verdict: ALLOWED, WITH ACTIONS"),
        "{out}"
    );
    assert!(!out.contains("Oordeel:"), "{out}");
}

#[test]
fn language_does_not_change_findings_actions_or_path() {
    let nl = parse_json(&assert_ok(&advise_example(&["--format", "json"])));
    let en = parse_json(&assert_ok(&advise_example(&[
        "--format", "json", "--lang", "en",
    ])));
    assert_eq!(nl["findings"], en["findings"]);
    assert_eq!(nl["path"], en["path"]);
    assert_eq!(nl["bank"], en["bank"]);
    let ids = |v: &Value| -> Vec<(String, String)> {
        v["actions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                (
                    a["id"].as_str().unwrap().to_string(),
                    a["level"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    assert_eq!(ids(&nl), ids(&en));
}

#[test]
fn answers_from_stdin() {
    let o = run_in(
        temp_dir("stdin_ok").path(),
        &["advise", "--answers", "-", "--format", "json"],
        Some(EXAMPLE.as_bytes()),
    );
    let out = assert_ok(&o);
    assert_eq!(stderr(&o), "");
    let from_file = assert_ok(&advise_example(&["--format", "json"]));
    assert_eq!(parse_json(&out), parse_json(&from_file));

    let o = run_in(
        temp_dir("stdin_ok_text").path(),
        &["advise", "--answers", "-"],
        Some(EXAMPLE.as_bytes()),
    );
    assert!(
        assert_ok(&o)
            .lines()
            .any(|l| l == "Oordeel: TOEGESTAAN, MET ACTIES")
    );
}

#[test]
fn answer_off_the_path_is_ignored_with_a_note() {
    let src = example_with("crm_coupling", json!("crm_structural"));
    let o = advise_file("off_path", "extra.json", &src, &["--format", "json"]);
    let out = assert_ok(&o);
    assert_eq!(
        stderr(&o),
        "avg-wijzer: let op: extra.json: antwoord op \"crm_coupling\" genegeerd: die vraag staat niet op het pad van deze antwoorden\n"
    );
    let with = parse_json(&out);
    let without = parse_json(&assert_ok(&advise_example(&["--format", "json"])));
    assert_eq!(with["findings"], without["findings"]);
    assert_eq!(with["actions"], without["actions"]);
    assert_eq!(with["path"], without["path"]);
    assert!(
        !with["path"]
            .as_array()
            .unwrap()
            .contains(&json!("crm_coupling"))
    );
}

#[test]
fn answers_off_the_path_each_get_a_note() {
    let src = answers(json!({
        "use_case": "area_map",
        "crm_coupling": "spreadsheet_snapshot",
        "li_balance": "no"
    }));
    let o = advise_file("off_path_two", "kaart.json", &src, &[]);
    assert_ok(&o);
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines[0].contains("\"crm_coupling\""), "{err}");
    assert!(lines[1].contains("\"li_balance\""), "{err}");
    assert!(lines.iter().all(|l| l.starts_with("avg-wijzer: ")), "{err}");
    assert!(lines.iter().all(|l| l.contains("kaart.json")), "{err}");
}

#[test]
fn area_map_needs_no_action() {
    let src = br#"{"answers": {"use_case": "area_map"}}"#;
    let o = advise_file("area_map", "kaart.json", src, &["--format", "json"]);
    let out = assert_ok(&o);
    assert_eq!(stderr(&o), "");
    let v = parse_json(&out);
    assert_eq!(v["findings"]["verdict"], "no_action_needed");
    assert_eq!(v["findings"]["personal_data"], "no");
    assert_eq!(v["findings"]["profiling"], false);
    assert_eq!(v["findings"]["dpia_required"], false);
    assert_eq!(v["findings"]["legitimate_interest_valid"], Value::Null);
    assert_eq!(v["actions"], json!([]));
    assert!(v["path"].as_array().unwrap().contains(&json!("use_case")));

    let o = advise_file("area_map_text", "kaart.json", src, &[]);
    assert!(assert_ok(&o).lines().any(|l| l.starts_with("Oordeel: ")));
}

#[test]
fn campaign_is_optional() {
    let mut v: Value = serde_json::from_str(EXAMPLE).unwrap();
    v.as_object_mut().unwrap().remove("campaign");
    let src = serde_json::to_vec(&v).unwrap();
    let o = advise_file("no_campaign", "a.json", &src, &["--format", "json"]);
    let out = assert_ok(&o);
    assert_eq!(
        parse_json(&out)["findings"]["verdict"],
        "allowed_with_actions"
    );
}

// ---------------------------------------------------------------------------------------------
// Properties of `answers::assess`, in-process

/// The stable questions (docs/stable-ids.md) with their allowed values, and whether they are multiple choice.
const QUESTIONS: &[(&str, bool, &[&str])] = &[
    (
        "use_case",
        false,
        &[
            "area_map",
            "coverage_analysis",
            "address_selection",
            "enrichment",
        ],
    ),
    ("postcode_granularity", false, &["pc6", "pc6_house_number"]),
    ("sparse_area", false, &["yes", "no", "unknown"]),
    ("envisia_access", false, &["poi_license", "own_contract"]),
    ("distribution", false, &["door_to_door", "direct_marketing"]),
    (
        "municipal_sticker_regime",
        false,
        &["opt_out", "opt_in", "unknown"],
    ),
    (
        "crm_coupling",
        false,
        &["crm_structural", "spreadsheet_snapshot"],
    ),
    ("combined_with_user_file", false, &["yes", "no"]),
    (
        "audience",
        true,
        &[
            "existing_customers",
            "new_customers",
            "former_customers",
            "youth_members",
            "parents_of_youth_members",
            "school_library_members",
        ],
    ),
    (
        "channel",
        true,
        &["addressed_post", "email", "phone", "none"],
    ),
    ("uses_lending_history", false, &["yes", "no"]),
    ("external_agency", false, &["yes", "no"]),
    ("phone_purpose", false, &["research", "recruitment"]),
    (
        "legal_basis",
        false,
        &["consent", "legitimate_interest", "public_task", "undecided"],
    ),
    ("existing_consent", false, &["all", "some", "none"]),
    ("li_interest", false, &["yes", "no"]),
    ("li_compatible", false, &["yes", "no"]),
    ("li_necessary", false, &["yes", "no"]),
    ("li_balance", false, &["yes", "no"]),
];

/// Options that must be chosen alone.
const EXCLUSIVE: &[(&str, &str)] = &[("channel", "none")];

/// Any allowed value for question `i`: one option, or any subset (even an empty one, or an
/// exclusive option with others) for multiple choice.
fn any_value(i: usize) -> BoxedStrategy<Value> {
    let (_, multiple, values) = QUESTIONS[i];
    let values: Vec<&'static str> = values.to_vec();
    if multiple {
        let n = values.len();
        proptest::sample::subsequence(values, 0..=n)
            .prop_map(|v| json!(v))
            .boxed()
    } else {
        proptest::sample::select(values)
            .prop_map(|v| json!(v))
            .boxed()
    }
}

/// A valid value for question `i`: for multiple choice a non-empty subset, with an exclusive
/// option only alone.
fn valid_value(i: usize) -> BoxedStrategy<Value> {
    let (id, multiple, values) = QUESTIONS[i];
    if !multiple {
        return any_value(i);
    }
    let exclusive: Vec<&'static str> = EXCLUSIVE
        .iter()
        .filter(|(q, _)| *q == id)
        .map(|(_, o)| *o)
        .collect();
    let plain: Vec<&'static str> = values
        .iter()
        .copied()
        .filter(|v| !exclusive.contains(v))
        .collect();
    let n = plain.len();
    let subsets = proptest::sample::subsequence(plain, 1..=n).prop_map(|v| json!(v));
    if exclusive.is_empty() {
        subsets.boxed()
    } else {
        prop_oneof![
            3 => subsets,
            1 => proptest::sample::select(exclusive).prop_map(|v| json!([v])),
        ]
        .boxed()
    }
}

/// For every stable question, maybe an answer drawn from `value`.
fn assignment(
    value: fn(usize) -> BoxedStrategy<Value>,
) -> impl Strategy<Value = Vec<(&'static str, Value)>> {
    let per_question: Vec<_> = (0..QUESTIONS.len())
        .map(|i| proptest::option::of(value(i)).prop_map(move |v| (QUESTIONS[i].0, v)))
        .collect();
    per_question.prop_map(|v| {
        v.into_iter()
            .filter_map(|(id, a)| a.map(|a| (id, a)))
            .collect()
    })
}

/// For every stable question, a valid answer.
fn full_assignment() -> impl Strategy<Value = Vec<(&'static str, Value)>> {
    let per_question: Vec<_> = (0..QUESTIONS.len())
        .map(|i| valid_value(i).prop_map(move |v| (QUESTIONS[i].0, v)))
        .collect();
    per_question
}

fn file_of(answers: &[(&'static str, Value)]) -> String {
    let map: Map<String, Value> = answers
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    json!({ "answers": map }).to_string()
}

/// JSON text built from the vocabulary of the answers file, so that parsing mostly succeeds and
/// the checks behind it get exercised.
fn jsonish_value() -> impl Strategy<Value = Value> {
    let words: Vec<&'static str> = ["answers", "campaign", "participants", "$schema", "name"]
        .into_iter()
        .chain(QUESTIONS.iter().map(|(id, _, _)| *id))
        .chain(QUESTIONS.iter().flat_map(|(_, _, v)| v.iter().copied()))
        .chain(["campaign_purpose", "", "x", "\n", "é"])
        .collect();
    let word = proptest::sample::select(words.clone()).prop_map(String::from);
    let key = prop_oneof![
        4 => proptest::sample::select(words).prop_map(String::from),
        1 => ".{0,8}",
    ];
    let leaf = prop_oneof![
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => any::<i64>().prop_map(|n| json!(n)),
        1 => any::<f64>().prop_map(|n| json!(n)),
        4 => word.prop_map(Value::String),
        1 => ".{0,20}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((key.clone(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// Moderate case counts, and no regression files written into `tests/`.
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

#[track_caller]
fn check_err(e: &str) {
    assert!(e.starts_with("x.json: "), "error names the file: {e:?}");
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn assess_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let input = String::from_utf8_lossy(&bytes);
        if let Err(e) = assess(&BANK, "x.json", &input) {
            check_err(&e.to_string());
        }
    }

    #[test]
    fn assess_never_panics_on_json_like_text(
        input in r#"[ \n{}\[\]":,.0-9a-z_eE+\-\\]{0,200}"#
    ) {
        if let Err(e) = assess(&BANK, "x.json", &input) {
            check_err(&e.to_string());
        }
    }

    #[test]
    fn assess_never_panics_on_json_trees(
        answers in jsonish_value(),
        campaign in jsonish_value(),
        root in jsonish_value(),
        cut in any::<prop::sample::Index>(),
    ) {
        // As the answers of a well-formed file, as a whole file, and cut off anywhere.
        let file = json!({ "campaign": campaign, "answers": answers }).to_string();
        let whole = root.to_string();
        let truncated = &file[..file.floor_char_boundary(cut.index(file.len() + 1))];
        for input in [file.as_str(), whole.as_str(), truncated] {
            if let Err(e) = assess(&BANK, "x.json", input) {
                check_err(&e.to_string());
            }
        }
    }

    #[test]
    fn allowed_values_give_an_outcome_or_a_named_error(answers in assignment(any_value)) {
        let src = file_of(&answers);
        match assess(&BANK, "x.json", &src) {
            Ok(a) => {
                prop_assert!(a.outcome.findings[BANK.verdict.finding].is_some());
                for id in FINDINGS {
                    let f = BANK.finding_id(id).expect("bank has the stable findings");
                    prop_assert!(a.outcome.findings[f].is_some(), "finding {} unset", id);
                }
            }
            Err(e) => {
                let e = e.to_string();
                prop_assert!(e.starts_with("x.json: "), "{:?}", e);
                prop_assert!(!e.contains('\n'), "one line: {:?}", e);
            }
        }
    }

    #[test]
    fn order_of_answers_does_not_matter(answers in assignment(any_value)) {
        let forward = assess(&BANK, "x.json", &file_of(&answers));
        let mut reversed = answers.clone();
        reversed.reverse();
        let backward = assess(&BANK, "x.json", &file_of(&reversed));
        match (forward, backward) {
            (Ok(a), Ok(b)) => {
                prop_assert_eq!(a.outcome, b.outcome);
                let mut na: Vec<String> = a.notices.iter().map(ToString::to_string).collect();
                let mut nb: Vec<String> = b.notices.iter().map(ToString::to_string).collect();
                na.sort();
                nb.sort();
                prop_assert_eq!(na, nb);
            }
            (Err(_), Err(_)) => {}
            (a, b) => prop_assert!(false, "one order fails, the other not: {:?} / {:?}",
                a.map(|x| x.outcome), b.map(|x| x.outcome)),
        }
    }

    #[test]
    fn every_question_answered_validly_is_accepted(answers in full_assignment()) {
        let src = file_of(&answers);
        let a = assess(&BANK, "x.json", &src);
        prop_assert!(a.is_ok(), "{:?}", a.err());
        let a = a.unwrap();
        prop_assert!(a.outcome.findings[BANK.verdict.finding].is_some());
        // Exactly the answered questions off the path get a note, each naming its question.
        let on_path: HashSet<&str> =
            a.outcome.path.iter().map(|q| BANK.questions[*q].id.as_str()).collect();
        let off_path: Vec<&str> =
            answers.iter().map(|(id, _)| *id).filter(|id| !on_path.contains(id)).collect();
        prop_assert_eq!(a.notices.len(), off_path.len(), "{:?}", a.notices);
        for id in off_path {
            let quoted = format!("\"{id}\"");
            prop_assert!(a.notices.iter().any(|n| n.to_string().contains(&quoted)), "{} in {:?}", id, a.notices);
        }
        prop_assert!(a.notices.iter().all(|n| n.to_string().starts_with("x.json: ")));
    }
}

/// Any error `assess` gives is one line, whatever strings the file holds.
#[test]
fn assess_errors_are_one_line() {
    let mut runner = proptest::test_runner::TestRunner::new(config());
    runner
        .run(&jsonish_value(), |answers| {
            let src = json!({ "answers": answers }).to_string();
            if let Err(e) = assess(&BANK, "x.json", &src) {
                let e = e.to_string();
                prop_assert!(!e.contains('\n'), "{:?}", e);
            }
            Ok(())
        })
        .unwrap();
}
