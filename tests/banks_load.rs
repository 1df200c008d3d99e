//! Broken question banks that do not load, and the exact lines a maintainer reads about them:
//! from `lint` (a heading, one line per defect, the count) and from `advise`, which refuses them.
//!
//! Each case runs the real binary (`avg-wijzer lint DIR`) on a bank with one defect and checks
//! the exit code and the complete defect line(s). Defects found while loading (JSON, ids,
//! conditions, cycles, the files' bytes) are checked on small committed banks in
//! `tests/banks/invalid_*` or on a copy of the shipped bank with one edit. Banks that load but are
//! not sound are in `banks_lint`; what these share is in `common::banks`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;

use serde_json::{Value, json};

mod common;
use common::banks::{TempBank, assert_load_defects, item, lint};
use common::run_in_root as run;

// ---------------------------------------------------------------------------------------------
// Banks that do not load: committed fixtures.

#[test]
fn invalid_json_syntax_names_file_line_and_column() {
    // questions.json line 7 lacks its comma; the parser stops at the next key, line 8 column 7.
    assert_load_defects(
        &lint("tests/banks/invalid_syntax"),
        "tests/banks/invalid_syntax",
        &["questions.json:8:7: ongeldige JSON: expected `,` or `}`"],
    );
}

#[test]
fn truncated_file_is_reported_as_incomplete() {
    // questions.json stops after 30 lines.
    assert_load_defects(
        &lint("tests/banks/invalid_truncated"),
        "tests/banks/invalid_truncated",
        &["questions.json:31:0: het bestand houdt op voordat de JSON af is (afgekapt?)"],
    );
}

#[test]
fn unknown_field_typo_is_refused_with_its_line() {
    // Question "media" has "promt" for "prompt" on line 23.
    assert_load_defects(
        &lint("tests/banks/invalid_unknown_field"),
        "tests/banks/invalid_unknown_field",
        &[
            "questions.json:23:13: klopt niet met het formaat: unknown field `promt`, expected one of `id`, `kind`, `prompt`, `help`, `help_parts`, `reasoning`, `choice`, `remedy_weight`, `sources`, `options`, `default`, `next`, `justification`",
        ],
    );
}

#[test]
fn duplicate_question_across_two_files_names_both() {
    assert_load_defects(
        &lint("tests/banks/invalid_duplicate_question"),
        "tests/banks/invalid_duplicate_question",
        &[
            "questions.json: vraag \"has_consent\" is dubbel gedefinieerd (ook in extra_questions.json)",
        ],
    );
}

#[test]
fn missing_bank_section_names_the_directory() {
    assert_load_defects(
        &lint("tests/banks/invalid_missing_bank"),
        "tests/banks/invalid_missing_bank",
        &[
            "tests/banks/invalid_missing_bank: geen enkel bestand heeft de sectie \"bank\" (id, version, title, start, verdict)",
        ],
    );
}

#[test]
fn advise_refuses_a_bank_that_does_not_load() {
    let cases = [
        (
            "tests/banks/invalid_syntax",
            "questions.json:8:7: ongeldige JSON: expected `,` or `}`",
        ),
        (
            "tests/banks/invalid_truncated",
            "questions.json:31:0: het bestand houdt op voordat de JSON af is (afgekapt?)",
        ),
        (
            "tests/banks/invalid_unknown_field",
            "questions.json:23:13: klopt niet met het formaat: unknown field `promt`, expected one of `id`, `kind`, `prompt`, `help`, `help_parts`, `reasoning`, `choice`, `remedy_weight`, `sources`, `options`, `default`, `next`, `justification`",
        ),
        (
            "tests/banks/invalid_duplicate_question",
            "questions.json: vraag \"has_consent\" is dubbel gedefinieerd (ook in extra_questions.json)",
        ),
        (
            "tests/banks/invalid_missing_bank",
            "tests/banks/invalid_missing_bank: geen enkel bestand heeft de sectie \"bank\" (id, version, title, start, verdict)",
        ),
    ];
    for (dir, defect) in cases {
        let r = run(&[
            "--questions",
            dir,
            "advise",
            "--answers",
            "examples/voorjaarsactie.json",
        ]);
        assert_eq!(r.stdout, "", "{dir}");
        assert_eq!(
            r.stderr,
            format!("avg-wijzer: vragenbank {dir} geweigerd:\n{defect}\n")
        );
        assert_eq!(r.code, Some(2), "{dir}");
    }
}

#[test]
fn advise_refuses_an_edited_copy_with_a_question_cycle() {
    let bank = TempBank::shipped("advise-cycle");
    bank.edit("questions.json", |v| {
        item(v, "questions", "phone_purpose")["next"] = json!([{ "to": "external_agency" }]);
    });
    let r = run(&[
        "--questions",
        &bank.path(),
        "advise",
        "--answers",
        "examples/voorjaarsactie.json",
    ]);
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr,
        format!(
            "avg-wijzer: vragenbank {} geweigerd:\nquestions.json: de vragen vormen een kring: external_agency → phone_purpose → external_agency\n",
            bank.path()
        )
    );
    assert_eq!(r.code, Some(2));
}

// ---------------------------------------------------------------------------------------------
// Banks that do not load: the shipped bank with one edit.

#[test]
fn next_to_unknown_question() {
    let bank = TempBank::shipped("next-to-unknown");
    bank.edit("questions.json", |v| {
        item(v, "questions", "sparse_area")["next"][0]["to"] = json!("envisia_acces");
    });
    assert_load_defects(
        &bank.lint(),
        &bank.path(),
        &["questions.json: vraag \"sparse_area\", next[0].to: onbekende vraag \"envisia_acces\""],
    );
}

#[test]
fn condition_on_unknown_question() {
    let bank = TempBank::shipped("cond-unknown-question");
    bank.edit("questions.json", |v| {
        item(v, "questions", "use_case")["next"][0]["when"]["answer"] = json!("usecase");
    });
    assert_load_defects(
        &bank.lint(),
        &bank.path(),
        &["questions.json: vraag \"use_case\", next[0].when: onbekende vraag \"usecase\""],
    );
}

#[test]
fn condition_on_unknown_option() {
    let bank = TempBank::shipped("cond-unknown-option");
    bank.edit("questions.json", |v| {
        item(v, "questions", "use_case")["next"][0]["when"]["is"] = json!("areamap");
    });
    assert_load_defects(
        &bank.lint(),
        &bank.path(),
        &[
            "questions.json: vraag \"use_case\", next[0].when: vraag \"use_case\" heeft geen optie \"areamap\"; opties: area_map, coverage_analysis, address_selection, enrichment",
        ],
    );
}

#[test]
fn is_on_a_multiple_choice_question() {
    let bank = TempBank::shipped("is-on-multiple");
    bank.edit("questions.json", |v| {
        item(v, "questions", "channel")["next"][1]["when"] =
            json!({ "answer": "channel", "is": "phone" });
    });
    assert_load_defects(
        &bank.lint(),
        &bank.path(),
        &[
            "questions.json: vraag \"channel\", next[1].when: vraag \"channel\" is een meerkeuzevraag: gebruik \"includes\" of \"includes_any\"",
        ],
    );
}

#[test]
fn unknown_def_in_ref() {
    let bank = TempBank::shipped("unknown-def");
    bank.edit("rules.json", |v| {
        item(v, "rules", "selection")["when"] = json!({ "ref": "selectie" });
    });
    assert_load_defects(
        &bank.lint(),
        &bank.path(),
        &[
            "rules.json: regel \"selection\", when: onbekende definitie \"selectie\"; bekend: area_map, consent, consent_incomplete, consent_involved, coverage, customers_by_email, direct_marketing, door_to_door, door_to_door_no_personal_data, door_to_door_personal_data, enrichment, existing_audience, existing_customers_reached, full_address, legitimate_interest, li_fails, li_holds, marketing_to_people, messages, personal_data, personal_data_likely, personal_data_yes, phone_recruitment, postcode_only, profiling, selection, snapshot_alone, whize_data_about_people, youth",
        ],
    );
}

#[test]
fn defs_referring_to_each_other_in_a_cycle() {
    let bank = TempBank::shipped("def-cycle");
    bank.edit("rules.json", |v| {
        v["defs"]["consent"] = json!({ "any": [
            { "answer": "legal_basis", "is": "consent" },
            { "not": { "ref": "legitimate_interest" } }
        ] });
        v["defs"]["legitimate_interest"] = json!({ "all": [
            { "answer": "legal_basis", "is": "legitimate_interest" },
            { "ref": "consent" }
        ] });
    });
    assert_load_defects(
        &bank.lint(),
        &bank.path(),
        &[
            "rules.json: defs.legitimate_interest.all[1]: definities verwijzen in een kring naar elkaar: consent → legitimate_interest → consent",
        ],
    );
}

#[test]
fn duplicate_question_id_in_an_added_file() {
    let bank = TempBank::shipped("duplicate-question");
    let mut questions = bank.read("questions.json");
    let audience = item(&mut questions, "questions", "audience").clone();
    bank.write("extra.json", &json!({ "questions": [audience] }));
    assert_load_defects(
        &bank.lint(),
        &bank.path(),
        &["questions.json: vraag \"audience\" is dubbel gedefinieerd (ook in extra.json)"],
    );
}

#[test]
fn duplicate_option_id() {
    let bank = TempBank::shipped("duplicate-option");
    bank.edit("questions.json", |v| {
        let options = item(v, "questions", "channel")["options"]
            .as_array_mut()
            .unwrap();
        let email = options.iter().find(|o| o["id"] == "email").unwrap().clone();
        options.push(email);
    });
    assert_load_defects(
        &bank.lint(),
        &bank.path(),
        &["questions.json: vraag \"channel\": optie \"email\" staat er twee keer in"],
    );
}

#[test]
fn cycle_in_the_question_graph() {
    let bank = TempBank::shipped("question-cycle");
    bank.edit("questions.json", |v| {
        item(v, "questions", "phone_purpose")["next"] = json!([{ "to": "external_agency" }]);
    });
    assert_load_defects(
        &bank.lint(),
        &bank.path(),
        &[
            "questions.json: de vragen vormen een kring: external_agency → phone_purpose → external_agency",
        ],
    );
}

#[test]
fn rule_sets_a_value_the_finding_does_not_have() {
    let bank = TempBank::shipped("set-bad-value");
    bank.edit("rules.json", |v| {
        item(v, "rules", "area_map")["set"] = json!({ "personal_data": "nee" });
    });
    assert_load_defects(
        &bank.lint(),
        &bank.path(),
        &[
            "rules.json: regel \"area_map\", set.personal_data: waarde \"nee\" is niet toegestaan; toegestaan: \"no\", \"likely\", \"yes\"",
        ],
    );
}

#[test]
fn missing_bank_section_in_a_copy() {
    let bank = TempBank::shipped("no-bank");
    bank.remove("bank.json");
    assert_load_defects(
        &bank.lint(),
        &bank.path(),
        &[&format!(
            "{}: geen enkel bestand heeft de sectie \"bank\" (id, version, title, start, verdict)",
            bank.path()
        )],
    );
}

#[test]
fn bank_start_unknown() {
    let bank = TempBank::shipped("start-unknown");
    bank.edit("bank.json", |v| {
        v["bank"]["start"] = json!("campaign_purpos");
    });
    assert_load_defects(
        &bank.lint(),
        &bank.path(),
        &["bank.json: bank.start: onbekende vraag \"campaign_purpos\""],
    );
}

#[test]
fn removing_a_stable_action_still_given_by_a_rule_fails_to_load() {
    let bank = TempBank::shipped("stable-action-still-used");
    bank.edit("actions.json", |v| {
        v["actions"]
            .as_array_mut()
            .unwrap()
            .retain(|a| a["id"] != "brief_staff");
    });
    assert_load_defects(
        &bank.lint(),
        &bank.path(),
        &[
            "rules.json: regel \"personal_data_always\", recommend: onbekende actie \"brief_staff\"; bekend: announce_calls, check_municipal_sticker_regime, choose_legal_basis, compatibility_assessment, consent_transition_plan, document_public_task, dpia, exclude_parents_of_youth_members, exclude_postfilter, exclude_school_library_members, explicit_opt_in_existing, explicit_opt_in_new, inform_publicly, legitimate_interest_assessment, offer_opt_out, opt_in_sticker_only, pre_dpia, processor_agreement, record_consent, register_processing, respect_mailbox_stickers, retention_policy, show_profile_on_request, similar_products_only, update_privacy_statement, use_other_channel",
            // The staff briefing is offered with that action: its document refers to it too.
            "documents.json: document \"staff_briefing\": offered_with: onbekende actie \"brief_staff\"",
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// Banks that do not load: defects in a definition, a key, a condition, an id or the file's bytes.

#[test]
fn a_definition_with_a_bad_reference_is_reported_once_at_the_definition() {
    let bank = TempBank::shipped("def-bad-ref");
    bank.edit("rules.json", |v| {
        v["defs"]["selection"] = json!({ "ref": "selectie" });
    });
    let run = bank.lint();
    assert_eq!(run.code, Some(1));
    let lines: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("  - "))
        .collect();
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    assert!(
        lines[0].starts_with(
            "  - rules.json: defs.selection: onbekende definitie \"selectie\"; bekend: "
        ),
        "{}",
        lines[0]
    );
}

#[test]
fn a_key_given_twice_is_refused() {
    let bank = TempBank::shipped("duplicate-key");
    let text = fs::read_to_string(bank.file("rules.json")).unwrap();
    let text = text.replacen(
        "\"defs\": {",
        "\"defs\": {\n    \"consent\": { \"answer\": \"legal_basis\", \"is\": \"undecided\" },",
        1,
    );
    fs::write(bank.file("rules.json"), text).unwrap();
    let run = bank.lint();
    assert_eq!(run.code, Some(1));
    let defect = run.stdout.lines().nth(1).unwrap_or_default();
    assert!(defect.starts_with("  - rules.json:"), "{}", run.stdout);
    assert!(
        defect.ends_with(": de sleutel \"consent\" staat er twee keer in"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_null_condition_is_refused_rather_than_read_as_always() {
    let bank = TempBank::shipped("when-null");
    bank.edit("rules.json", |v| {
        item(v, "rules", "school_library_members")["when"] = Value::Null;
    });
    assert_load_defects(
        &bank.lint(),
        &bank.path(),
        &[
            "rules.json: regel \"school_library_members\", when: een voorwaarde is een object, zoals {\"answer\": \"use_case\", \"is\": \"area_map\"}; gevonden: null",
        ],
    );
}

#[test]
fn the_id_end_is_reserved() {
    let bank = TempBank::shipped("id-end");
    bank.edit("questions.json", |v| {
        item(v, "questions", "sparse_area")["id"] = json!("end");
        item(v, "questions", "postcode_granularity")["next"][0]["to"] = json!("end");
    });
    let run = bank.lint();
    assert_eq!(run.code, Some(1));
    assert!(
        run.stdout.contains(
            "  - questions.json: vraag \"end\": die id is gereserveerd voor het einde van een pad\n"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn a_file_that_is_not_utf8_is_a_defect() {
    let bank = TempBank::shipped("not-utf8");
    fs::write(bank.file("extra.json"), b"{ \"notes\": [] }\xff").unwrap();
    assert_load_defects(
        &bank.lint(),
        &bank.path(),
        &["extra.json: geen geldige UTF-8 (bij byte 16)"],
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let bank = TempBank::shipped("bom");
    let text = fs::read_to_string(bank.file("warnings.json")).unwrap();
    fs::write(bank.file("warnings.json"), format!("\u{feff}{text}")).unwrap();
    let run = bank.lint();
    assert_eq!(run.code, Some(0), "{}", run.stdout);
}
