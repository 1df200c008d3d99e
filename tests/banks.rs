//! Broken question banks and the exact lines a maintainer reads about them.
//!
//! Each case runs the real binary (`avg-wijzer lint DIR`) on a bank with one defect and checks
//! the exit code and the complete defect line(s). Defects found while loading (JSON, ids,
//! conditions, cycles) are checked on small committed banks in `tests/banks/invalid_*` or on a
//! copy of the shipped bank with one edit; defects only the lint finds (paths, texts, sources,
//! stable ids) always on an edited copy of the shipped bank, because the lint also requires every
//! stable id (docs/stable-ids.md), which a tiny bank cannot have. `tests/banks/valid_small` is a small
//! bank that loads and advises.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

mod common;
use common::{ROOT, Run, run_in_root as run, temp_dir};

fn lint(dir: &str) -> Run {
    run(&["lint", dir])
}

/// A copy of the shipped bank (or an empty directory) in a [`temp_dir`].
struct TempBank {
    dir: tempfile::TempDir,
}

impl TempBank {
    fn empty(case: &str) -> TempBank {
        TempBank {
            dir: temp_dir(&format!("bank-{case}")),
        }
    }

    /// The shipped bank, `questions/*.json`, copied file by file.
    fn shipped(case: &str) -> TempBank {
        let bank = TempBank::empty(case);
        let src = Path::new(ROOT).join("questions");
        let mut copied = 0;
        for entry in fs::read_dir(&src).expect("questions/ readable") {
            let path = entry.expect("questions/ entry").path();
            if path.extension().is_some_and(|x| x == "json") {
                fs::copy(
                    &path,
                    bank.file(&path.file_name().unwrap().to_string_lossy()),
                )
                .expect("copy");
                copied += 1;
            }
        }
        assert!(copied > 0, "the shipped bank has no files");
        bank
    }

    fn path(&self) -> String {
        self.dir.path().display().to_string()
    }

    fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn read(&self, name: &str) -> Value {
        let text = fs::read_to_string(self.file(name)).expect("bank file readable");
        serde_json::from_str(&text).expect("bank file is JSON")
    }

    fn write(&self, name: &str, v: &Value) {
        let text = serde_json::to_string_pretty(v).expect("serialisable");
        fs::write(self.file(name), text + "\n").expect("bank file writable");
    }

    /// A JSON patch: reads `name`, lets `f` change it, writes it back.
    fn edit(&self, name: &str, f: impl FnOnce(&mut Value)) {
        let mut v = self.read(name);
        f(&mut v);
        self.write(name, &v);
    }

    fn remove(&self, name: &str) {
        fs::remove_file(self.file(name)).expect("bank file removable");
    }

    fn lint(&self) -> Run {
        lint(&self.path())
    }
}

/// The item with this id in a section (`questions`, `rules`, …) of a bank file.
fn item<'a>(file: &'a mut Value, section: &str, id: &str) -> &'a mut Value {
    file[section]
        .as_array_mut()
        .unwrap_or_else(|| panic!("no section {section}"))
        .iter_mut()
        .find(|x| x["id"] == id)
        .unwrap_or_else(|| panic!("no {section} item {id}"))
}

fn remove_key(v: &mut Value, key: &str) {
    v.as_object_mut()
        .expect("an object")
        .remove(key)
        .unwrap_or_else(|| panic!("no key {key}"));
}

/// The whole output of `lint` on a bank that does not load: a heading, one line per defect and
/// the count. Nothing on stderr, exit code 1.
fn assert_load_defects(run: &Run, origin: &str, defects: &[&str]) {
    let mut want = format!("{origin}: de vragenbank laadt niet\n");
    for d in defects {
        want.push_str(&format!("  - {d}\n"));
    }
    want.push_str(&format!("{} gebrek(en) gevonden.\n", defects.len()));
    assert_eq!(run.stdout, want, "stderr: {}", run.stderr);
    assert_eq!(run.stderr, "");
    assert_eq!(run.code, Some(1));
}

/// The id and version of the shipped bank, as `lint` names it.
fn shipped_heading() -> String {
    let text = fs::read_to_string(Path::new(ROOT).join("questions/bank.json")).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    format!(
        "vragenbank \"{}\" versie {}",
        v["bank"]["id"].as_str().unwrap(),
        v["bank"]["version"].as_str().unwrap()
    )
}

/// The whole output of `lint` on a copy of the shipped bank that loads but is not sound: the
/// heading, the counts line, exactly these defect lines and the count. Exit code 1.
fn assert_lint_defects(run: &Run, origin: &str, defects: &[&str]) {
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(
        lines.len() >= 3,
        "stdout: {}\nstderr: {}",
        run.stdout,
        run.stderr
    );
    assert_eq!(lines[0], format!("{origin}: {}", shipped_heading()));
    assert_counts_line(lines[1]);
    assert_eq!(&lines[2..lines.len() - 1], defects_as_lines(defects));
    assert_eq!(
        lines[lines.len() - 1],
        format!("{} gebrek(en) gevonden.", defects.len())
    );
    assert_eq!(run.stderr, "");
    assert_eq!(run.code, Some(1));
}

fn defects_as_lines(defects: &[&str]) -> Vec<String> {
    defects.iter().map(|d| format!("  - {d}")).collect()
}

/// "  20 vragen, 310663 paden, 8580 verschillende uitkomsten (2303 toestanden verkend)".
fn assert_counts_line(line: &str) {
    let words: Vec<&str> = line.split(' ').collect();
    let number = |i: usize| {
        words
            .get(i)
            .is_some_and(|w| w.trim_start_matches('(').parse::<u128>().is_ok())
    };
    assert!(
        line.starts_with("  ")
            && words.len() == 12
            && number(2)
            && words[3] == "vragen,"
            && number(4)
            && words[5] == "paden,"
            && number(6)
            && words[7] == "verschillende"
            && words[8] == "uitkomsten"
            && number(9)
            && words[10] == "toestanden"
            && words[11] == "verkend)",
        "not a counts line: {line:?}"
    );
}

const SOUND: &str =
    "In orde: elke vraag is bereikbaar en elk pad eindigt in een volledig advies met bronnen.";

// ---------------------------------------------------------------------------------------------
// Sound banks.

#[test]
fn lint_without_dir_passes_the_embedded_bank() {
    let r = run(&["lint"]);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "stdout: {}", r.stdout);
    assert_eq!(
        lines[0],
        format!("ingebouwde vragenbank: {}", shipped_heading())
    );
    assert_counts_line(lines[1]);
    assert_eq!(lines[2], SOUND);
    assert_eq!(r.stderr, "");
    assert_eq!(r.code, Some(0));
}

#[test]
fn lint_passes_a_copy_of_the_shipped_bank() {
    let bank = TempBank::shipped("copy");
    let r = bank.lint();
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "stdout: {}", r.stdout);
    assert_eq!(lines[0], format!("{}: {}", bank.path(), shipped_heading()));
    assert_counts_line(lines[1]);
    assert_eq!(lines[2], SOUND);
    assert_eq!(r.stderr, "");
    assert_eq!(r.code, Some(0));
    // The copy is the same bank as the embedded one: the same counts.
    let embedded = run(&["lint"]);
    assert_eq!(embedded.stdout.lines().nth(1), Some(lines[1]));
}

#[test]
fn lint_takes_the_bank_of_questions_when_no_dir_is_given() {
    let r = run(&["--questions", "tests/banks/invalid_syntax", "lint"]);
    assert_load_defects(
        &r,
        "tests/banks/invalid_syntax",
        &["questions.json:8:7: ongeldige JSON: expected `,` or `}`"],
    );
}

#[test]
fn the_small_bank_loads_and_advises() {
    let r = run(&[
        "--questions",
        "tests/banks/valid_small",
        "advise",
        "--answers",
        "tests/banks/valid_small.answers.json",
        "--format",
        "json",
    ]);
    assert_eq!(r.stderr, "");
    assert_eq!(r.code, Some(0));
    let advice: Value = serde_json::from_str(&r.stdout).expect("advice is JSON");
    assert_eq!(
        advice["findings"],
        json!({ "contact_data": true, "oordeel": "not_allowed" })
    );
    let actions: Vec<(&str, &str)> = advice["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["id"].as_str().unwrap(), a["level"].as_str().unwrap()))
        .collect();
    assert_eq!(
        actions,
        [
            ("record_mailing", "required"),
            ("ask_consent", "recommended")
        ]
    );
    assert_eq!(advice["warnings"][0]["id"], "email_without_consent");
    assert_eq!(advice["notes"][0]["id"], "spam_rules");
    assert_eq!(advice["path"], json!(["activity", "media", "has_consent"]));
    assert_eq!(advice["bank"]["id"], "kleine-testbank");
}

/// The small bank is sound in every way but one: it has none of the stable ids (docs/stable-ids.md),
/// and the lint reports exactly those.
#[test]
fn the_small_bank_lacks_only_the_stable_ids() {
    let stable: Value = serde_json::from_str(
        &fs::read_to_string(Path::new(ROOT).join("assets/stable-ids.json")).unwrap(),
    )
    .unwrap();
    let sorted_keys = |section: &str| {
        let mut keys: Vec<String> = stable[section]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        keys.sort();
        keys
    };
    let mut want: Vec<String> = Vec::new();
    for q in sorted_keys("questions") {
        want.push(format!(
            "vaste vraag \"{q}\" (docs/stable-ids.md) ontbreekt"
        ));
    }
    for f in sorted_keys("findings") {
        want.push(format!(
            "vaste bevinding \"{f}\" (docs/stable-ids.md) ontbreekt"
        ));
    }
    for a in stable["actions"].as_array().unwrap() {
        want.push(format!(
            "vaste actie \"{}\" (docs/stable-ids.md) ontbreekt",
            a.as_str().unwrap()
        ));
    }
    let want: Vec<&str> = want.iter().map(String::as_str).collect();

    let r = lint("tests/banks/valid_small");
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(
        lines[..2],
        [
            "tests/banks/valid_small: vragenbank \"kleine-testbank\" versie 0.1.0",
            "  3 vragen, 5 paden, 3 verschillende uitkomsten (4 toestanden verkend)",
        ]
    );
    assert_eq!(&lines[2..lines.len() - 1], defects_as_lines(&want));
    assert_eq!(
        lines[lines.len() - 1],
        format!("{} gebrek(en) gevonden.", want.len())
    );
    assert_eq!(r.stderr, "");
    assert_eq!(r.code, Some(1));
}

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
            "questions.json:23:13: klopt niet met het formaat: unknown field `promt`, expected one of `id`, `kind`, `prompt`, `help`, `help_parts`, `reasoning`, `choice`, `remedy_weight`, `sources`, `options`, `default`, `next`",
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
            "questions.json:23:13: klopt niet met het formaat: unknown field `promt`, expected one of `id`, `kind`, `prompt`, `help`, `help_parts`, `reasoning`, `choice`, `remedy_weight`, `sources`, `options`, `default`, `next`",
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
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// Banks that load but are not sound: the shipped bank with one edit.

#[test]
fn question_never_reached() {
    let bank = TempBank::shipped("unreachable");
    bank.edit("questions.json", |v| {
        let mut orphan = item(v, "questions", "external_agency").clone();
        orphan["id"] = json!("orphan");
        orphan["default"] = json!("no");
        orphan["next"] = json!([{ "to": "end" }]);
        v["questions"].as_array_mut().unwrap().push(orphan);
    });
    assert_lint_defects(
        &bank.lint(),
        &bank.path(),
        &["questions.json: vraag \"orphan\" wordt op geen enkel pad gesteld"],
    );
}

#[test]
fn dead_end_when_the_last_branch_has_a_condition() {
    let bank = TempBank::shipped("dead-end");
    bank.edit("questions.json", |v| {
        item(v, "questions", "li_balance")["next"] =
            json!([{ "when": { "answer": "li_balance", "is": "yes" }, "to": "end" }]);
    });
    assert_lint_defects(
        &bank.lint(),
        &bank.path(),
        &[
            "questions.json: vraag \"li_balance\": geen enkele tak van \"next\" past (doodlopend pad) bij campaign_purpose=\"\", use_case=\"coverage_analysis\", postcode_granularity=\"pc6\", envisia_access=\"poi_license\", legal_basis=\"legitimate_interest\", li_interest=\"yes\", li_compatible=\"yes\", li_necessary=\"yes\", li_balance=\"no\"",
            // Rules 1.1: the balance-fails warning comes only from li_balance = no, which this
            // dead end cuts off.
            "rules.json: regel \"li_balance_fails\" is op geen enkel pad van toepassing",
            "warnings.json: waarschuwing \"li_balance_fails\" wordt op geen enkel pad gegeven",
        ],
    );
}

#[test]
fn finding_without_default_that_a_path_never_sets() {
    let bank = TempBank::shipped("finding-no-default");
    bank.edit("findings.json", |v| {
        remove_key(item(v, "findings", "telecom_rules"), "default");
    });
    assert_lint_defects(
        &bank.lint(),
        &bank.path(),
        &[
            "findings.json: pad zonder uitkomst: bevinding \"telecom_rules\" krijgt geen waarde (geen regel zet haar en er is geen default) bij campaign_purpose=\"\", use_case=\"area_map\"",
        ],
    );
}

#[test]
fn action_no_rule_gives() {
    let bank = TempBank::shipped("action-never-given");
    bank.edit("rules.json", |v| {
        item(v, "rules", "personal_data_always")["recommend"] = json!(["inform_publicly"]);
    });
    assert_lint_defects(
        &bank.lint(),
        &bank.path(),
        &["actions.json: actie \"brief_staff\" wordt op geen enkel pad geadviseerd"],
    );
}

#[test]
fn rule_that_never_applies() {
    let bank = TempBank::shipped("rule-never-applies");
    bank.edit("rules.json", |v| {
        // Phone is asked only after the area map has ended the walk.
        let rule = json!({
            "id": "phone_on_map",
            "from": "1",
            "when": { "all": [{ "ref": "area_map" }, { "answer": "channel", "includes": "phone" }] },
            "set": { "telecom_rules": true }
        });
        v["rules"].as_array_mut().unwrap().push(rule);
    });
    assert_lint_defects(
        &bank.lint(),
        &bank.path(),
        &["rules.json: regel \"phone_on_map\" is op geen enkel pad van toepassing"],
    );
}

#[test]
fn english_text_missing() {
    let bank = TempBank::shipped("en-missing");
    bank.edit("questions.json", |v| {
        remove_key(&mut item(v, "questions", "audience")["prompt"], "en");
    });
    assert_lint_defects(
        &bank.lint(),
        &bank.path(),
        &["questions.json: vraag \"audience\": prompt (en) ontbreekt"],
    );
}

#[test]
fn english_option_label_empty() {
    let bank = TempBank::shipped("en-empty-label");
    bank.edit("questions.json", |v| {
        item(v, "questions", "audience")["options"][0]["label"]["en"] = json!("");
    });
    assert_lint_defects(
        &bank.lint(),
        &bank.path(),
        &["questions.json: vraag \"audience\", optie \"existing_customers\": label (en) ontbreekt"],
    );
}

#[test]
fn text_still_todo() {
    let bank = TempBank::shipped("todo");
    bank.edit("actions.json", |v| {
        item(v, "actions", "dpia")["rationale"]["nl"] = json!("TODO");
    });
    assert_lint_defects(
        &bank.lint(),
        &bank.path(),
        &["actions.json: actie \"dpia\": rationale (nl) is nog niet geschreven (TODO)"],
    );
}

#[test]
fn source_list_empty() {
    let bank = TempBank::shipped("sources-empty");
    bank.edit("warnings.json", |v| {
        item(v, "warnings", "combining_makes_profiling")["sources"] = json!([]);
    });
    assert_lint_defects(
        &bank.lint(),
        &bank.path(),
        &["warnings.json: waarschuwing \"combining_makes_profiling\": geen bron (sources is leeg)"],
    );
}

#[test]
fn stable_action_removed() {
    let bank = TempBank::shipped("stable-action-removed");
    bank.edit("actions.json", |v| {
        v["actions"]
            .as_array_mut()
            .unwrap()
            .retain(|a| a["id"] != "brief_staff");
    });
    bank.edit("rules.json", |v| {
        item(v, "rules", "personal_data_always")["recommend"] = json!(["inform_publicly"]);
    });
    assert_lint_defects(
        &bank.lint(),
        &bank.path(),
        &["vaste actie \"brief_staff\" (docs/stable-ids.md) ontbreekt"],
    );
}

#[test]
fn non_rules_question_without_default() {
    let bank = TempBank::shipped("no-default");
    bank.edit("questions.json", |v| {
        remove_key(item(v, "questions", "campaign_purpose"), "default");
    });
    assert_lint_defects(
        &bank.lint(),
        &bank.path(),
        &[
            "questions.json: vraag \"campaign_purpose\" staat niet in docs/stable-ids.md en heeft dus een \"default\" nodig, zodat een antwoordbestand met alleen de vaste vragen altijd werkt",
        ],
    );
}

#[test]
fn branch_looks_at_a_question_asked_later() {
    let bank = TempBank::shipped("forward-reference");
    bank.edit("questions.json", |v| {
        item(v, "questions", "use_case")["next"][0]["when"] = json!({ "all": [
            { "answer": "use_case", "is": "area_map" },
            { "answer": "channel", "includes": "phone" }
        ] });
    });
    assert_lint_defects(
        &bank.lint(),
        &bank.path(),
        &[
            "questions.json: vraag \"use_case\", next[0].when kijkt naar \"channel\", die pas later gesteld wordt",
            // The broken branch sends "area map" down the other questions, where the declared
            // conflicts catch what follows.
            "conflicts.json: conflict \"no_personal_data_choose_basis\": actie \"choose_legal_basis\" en bevinding \"personal_data\" = \"no\" staan samen in één advies bij campaign_purpose=\"\", use_case=\"area_map\", postcode_granularity=\"pc6\", envisia_access=\"poi_license\", crm_coupling=\"crm_structural\", audience=[\"existing_customers\"], channel=[\"none\"], legal_basis=\"undecided\"; dat kan niet: Zonder persoonsgegevens is geen grondslag onder de AVG nodig.",
            "conflicts.json: conflict \"no_personal_data_processor_agreement\": actie \"processor_agreement\" en bevinding \"personal_data\" = \"no\" staan samen in één advies bij campaign_purpose=\"\", use_case=\"area_map\", postcode_granularity=\"pc6\", envisia_access=\"poi_license\", crm_coupling=\"crm_structural\", audience=[\"existing_customers\"], channel=[\"phone\"], external_agency=\"yes\", phone_purpose=\"research\", legal_basis=\"consent\", existing_consent=\"all\"; dat kan niet: Zonder persoonsgegevens is geen verwerkersovereenkomst nodig.",
        ],
    );
}

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
fn an_unused_definition_is_reported() {
    let bank = TempBank::shipped("def-unused");
    bank.edit("rules.json", |v| {
        v["defs"]["nobody"] = json!({ "answer": "use_case", "is": "area_map" });
    });
    assert_lint_defects(
        &bank.lint(),
        &bank.path(),
        &["rules.json: definitie \"nobody\" wordt nergens gebruikt"],
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
