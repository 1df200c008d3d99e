//! Integration tests for `avg-wijzer advise` on answers files it refuses: the real binary for
//! every input error, each said as exactly one line on stderr that names the file (and the
//! question), with nothing on stdout and exit code 2.
//!
//! Each test runs the binary in its own temporary directory and passes the answers file by its
//! bare name, so the messages (which name the file as given) are exact.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::path::Path;

use serde_json::json;

mod advise;
mod common;
use advise::{
    AUDIENCE_VALUES, CHANNEL_VALUES, USE_CASE_VALUES, advise_file, answers, assert_bad_input,
    assert_bad_input_one_line, direct_marketing_without_basis, run_in, stderr, stdout,
};
use common::temp_dir;

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
        "avg-wijzer: a.json: onbekend veld \"antwoorden\"; toegestaan: $schema, campaign, participants, answers, justifications",
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
        "toegestaan: $schema, campaign, participants, answers, justifications",
    );
}
