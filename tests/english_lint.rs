//! `avg-wijzer --lang en lint` is English throughout: the heading, the counts, every defect and
//! the list of stale notes, naming the same files, ids, fields and paths as the Dutch; and
//! `--lang nl` stays the Dutch it always was. In-process, every defect the lint can give is
//! said in English, and in Dutch exactly as its `Display`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;
use std::path::Path;

use serde_json::{Value, json};

use avg_wijzer::bank::lint::stale;

mod common;
use common::english::english;
use common::{ROOT, Run, run_in_root as run, temp_dir};

/// Text with everything between double quotes left out: ids, fields, values, citations and
/// answers come from the bank's files and stay as written in either language.
fn unquoted(text: &str) -> String {
    text.split('"').step_by(2).collect::<Vec<_>>().join("\"…\"")
}

/// Each line's quoted parts, in order: what the bank's files put in a line.
fn quoted_parts(text: &str) -> Vec<Vec<&str>> {
    text.lines()
        .map(|l| l.split('"').skip(1).step_by(2).collect())
        .collect()
}

/// A defect line of the loader's, said as the loader gives it (in Dutch, until the loader's
/// defects are typed): left out of the English check.
fn from_loader(line: &str) -> bool {
    line.contains("\"nobody\"")
}

/// Checks a lint run in English against the same run in Dutch: the same exit code, the same
/// number of lines, each naming the same things between quotes; the English has no Dutch
/// word outside them, and `--lang nl` gives exactly what no `--lang` gives.
fn same_in_both(args: &[&str]) -> (Run, Run) {
    let en = run(&[&["--lang", "en"], args].concat());
    let nl = run(&[&["--lang", "nl"], args].concat());
    let plain = run(args);
    assert_eq!(
        nl.stdout, plain.stdout,
        "{args:?}: --lang nl is the default"
    );
    assert_eq!(nl.code, plain.code);
    assert_eq!(en.code, nl.code, "{args:?}: {}", en.stdout);
    assert_eq!(en.stderr, "");
    assert_eq!(
        quoted_parts(&en.stdout),
        quoted_parts(&nl.stdout),
        "{args:?}:\n{}\n{}",
        en.stdout,
        nl.stdout
    );
    let checked: Vec<&str> = en.stdout.lines().filter(|l| !from_loader(l)).collect();
    english(&format!("{args:?}"), &unquoted(&checked.join("\n")));
    (en, nl)
}

#[test]
fn the_shipped_bank_is_sound_in_english() {
    let (en, nl) = same_in_both(&["lint"]);
    assert_eq!(en.code, Some(0));
    let lines: Vec<&str> = en.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", en.stdout);
    assert!(
        lines[0].starts_with("built-in question bank: question bank \"avg-wijzer-whize\" version "),
        "{}",
        lines[0]
    );
    assert!(lines[1].contains(" questions, ") && lines[1].ends_with(" states explored)"));
    assert_eq!(
        lines[2],
        "Sound: every question is reachable and every path ends in complete advice with sources."
    );
    assert!(
        nl.stdout
            .starts_with("ingebouwde vragenbank: vragenbank \"avg-wijzer-whize\"")
    );
    assert!(nl.stdout.contains("\nIn orde: "));

    let (en, _) = same_in_both(&["lint", "--stale", "1200"]);
    assert_eq!(en.code, Some(0));
    let last = en.stdout.lines().last().unwrap();
    assert!(
        last.starts_with("No stale notes: every note was checked in ")
            && last.contains(" or later (at most 1200 months before "),
        "{}",
        en.stdout
    );
}

#[test]
fn the_fixture_banks_in_english() {
    let (en, nl) = same_in_both(&["lint", "tests/banks/lint_text_parts"]);
    assert!(en.stdout.starts_with(
        "tests/banks/lint_text_parts: question bank \"kleine-testbank\" version 0.1.0\n  3 questions, 5 paths, 3 distinct outcomes (4 states explored)\n"
    ));
    for line in [
        "  - questions.json: question \"activity\", help_parts[0]: text (en) is missing\n",
        "  - content.json: warning \"email_without_consent\", parts[0]: text (nl) is not written yet (TODO)\n",
        "  - content.json: rule \"mailing\", reason.parts[0]: text (en) is missing\n",
        "  - stable question \"audience\" (docs/stable-ids.md) is missing\n",
        "  - stable finding \"verdict\" (docs/stable-ids.md) is missing\n",
        "  - stable action \"dpia\" (docs/stable-ids.md) is missing\n",
    ] {
        assert!(en.stdout.contains(line), "{line}in:\n{}", en.stdout);
    }
    let count = en.stdout.lines().filter(|l| l.starts_with("  - ")).count();
    assert!(en.stdout.ends_with(&format!("\n{count} defects found.\n")));
    assert!(
        nl.stdout
            .ends_with(&format!("\n{count} gebrek(en) gevonden.\n"))
    );

    let (en, _) = same_in_both(&["lint", "tests/banks/lint_law_citations"]);
    for line in [
        "  - questions.json: question \"activity\", option \"mailing\", label (nl) cites a judgment or the date a law changed: \"Kamerstukken 35 421\"; put that statement in a dated note (notes, with \"checked\") and refer to it\n",
        "  - content.json: finding \"contact_data\", value true, label (en) cites a judgment or the date a law changed: \"4 October 2024\"; ",
        "  - content.json: rule \"mailing\", reason.sources[1] cites a judgment or the date a law changed: \"C-621/22\", \"ECLI:EU:C:2024:824\"; ",
        "  - register.json: register field \"purpose\", parts[1].text (nl) cites ",
    ] {
        assert!(en.stdout.contains(line), "{line}in:\n{}", en.stdout);
    }

    let (en, _) = same_in_both(&["lint", "tests/banks/lint_conflict_violated"]);
    assert!(
        en.stdout.contains(
            "  - conflicts.json: conflict \"verdict_allows_email_without_consent\": warning \"email_without_consent\" and finding \"oordeel\" = \"allowed_with_actions\" stand together in one piece of advice after activity=\"mailing\", media=[\"email\"], has_consent=\"no\"; that cannot be: The warning says"
        ),
        "{}",
        en.stdout
    );
}

/// `lint DIR --stale N` in `lang`, run again if the month turned meanwhile (the lines count
/// months from this one).
fn stale_run(lang: &str, dir: &str, limit: i64) -> Run {
    loop {
        let before = stale::Month::current();
        let r = run(&["--lang", lang, "lint", dir, "--stale", &limit.to_string()]);
        if stale::Month::current() == before {
            return r;
        }
    }
}

#[test]
fn stale_notes_in_english() {
    let dir = "tests/banks/lint_stale_note";
    let old = stale::Month::current().since(stale::Month::new(2001, 1).unwrap());
    let newer = stale::Month::current().since(stale::Month::new(2020, 6).unwrap());
    let plain = run(&["--lang", "en", "lint", dir]);

    // One stale note of two; the Dutch names the same.
    let en = stale_run("en", dir, newer);
    let nl = stale_run("nl", dir, newer);
    assert_eq!(en.code, Some(1));
    assert!(en.stdout.starts_with(&plain.stdout), "{}", en.stdout);
    let rest: Vec<&str> = en.stdout[plain.stdout.len()..].lines().collect();
    assert_eq!(rest.len(), 3, "{}", en.stdout);
    assert!(
        rest[0].starts_with("Stale notes, checked before "),
        "{}",
        rest[0]
    );
    assert!(rest[0].ends_with(&format!(
        " (more than {newer} months before {}):",
        stale::Month::current()
    )));
    assert_eq!(
        rest[1],
        format!(
            "  - content.json: note \"spam_rules\" (Spam rules): checked in 2001-01, {old} months ago"
        )
    );
    assert_eq!(
        rest[2],
        "1 stale note found; check it against current law and set \"checked\" to the month it was checked."
    );
    assert_eq!(quoted_parts(&en.stdout), quoted_parts(&nl.stdout));
    assert!(nl.stdout.contains(
        "  - content.json: notitie \"spam_rules\" (Spamregels): gecontroleerd in 2001-01, "
    ));
    english("stale", &unquoted(&en.stdout));

    // Both.
    let en = stale_run("en", dir, newer - 1);
    assert!(en.stdout.contains(&format!(
        "  - content.json: note \"address_rules\" (Address rules): checked in 2020-06, {newer} months ago\n"
    )), "{}", en.stdout);
    assert!(
        en.stdout
            .contains("\n2 stale notes found; check them against current law")
    );
    english("stale", &unquoted(&en.stdout));

    // None: exactly the limit is not yet stale.
    let en = stale_run("en", dir, old);
    assert_eq!(en.code, plain.code);
    let last = en.stdout.lines().last().unwrap();
    assert_eq!(
        last,
        format!(
            "No stale notes: every note was checked in 2001-01 or later (at most {old} months before {}).",
            stale::Month::current()
        )
    );
    english("stale", &unquoted(last));
    let one = stale_run("en", dir, 1);
    assert!(
        one.stdout.contains(" (more than 1 month before "),
        "{}",
        one.stdout
    );
}

/// A copy of the shipped bank in a temporary directory, to break.
struct Copy {
    dir: tempfile::TempDir,
}

impl Copy {
    fn shipped(case: &str) -> Copy {
        let dir = temp_dir(&format!("english-lint-{case}"));
        for entry in fs::read_dir(Path::new(ROOT).join("questions")).unwrap() {
            let path = entry.unwrap().path();
            fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
        Copy { dir }
    }

    fn path(&self) -> String {
        self.dir.path().display().to_string()
    }

    /// Reads `name`, lets `f` change it, writes it back.
    fn edit(&self, name: &str, f: impl FnOnce(&mut Value)) {
        let file = self.dir.path().join(name);
        let mut v: Value = serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
        f(&mut v);
        fs::write(&file, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    }
}

/// The item with this id in a section of a bank file.
fn item<'a>(file: &'a mut Value, section: &str, id: &str) -> &'a mut Value {
    file[section]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|x| x["id"] == id)
        .unwrap_or_else(|| panic!("no {section} item {id}"))
}

/// Each of these lines is in the output, as a defect.
fn has_defects(run: &Run, lines: &[&str]) {
    for line in lines {
        assert!(
            run.stdout.lines().any(|l| l == format!("  - {line}")),
            "{line}\nnot in:\n{}",
            run.stdout
        );
    }
}

#[test]
fn texts_sources_and_stable_ids_in_english() {
    let bank = Copy::shipped("texts");
    bank.edit("questions.json", |v| {
        let audience = item(v, "questions", "audience");
        audience["prompt"]["en"] = json!("");
        audience["options"][0]["label"]["en"] = json!("");
        audience["help"]["en"] = json!("Since 1 July 2021 this is required.");
        item(v, "questions", "campaign_purpose")
            .as_object_mut()
            .unwrap()
            .remove("default");
    });
    bank.edit("actions.json", |v| {
        item(v, "actions", "dpia")["rationale"]["nl"] = json!("TODO");
    });
    bank.edit("warnings.json", |v| {
        item(v, "warnings", "combining_makes_profiling")["sources"] = json!([]);
    });
    bank.edit("notes.json", |v| {
        item(v, "notes", "telemarketing")["checked"] = json!("2026-13");
    });
    bank.edit("rules.json", |v| {
        v["defs"]["nobody"] = json!({ "answer": "use_case", "is": "area_map" });
    });
    let (en, _) = same_in_both(&["lint", &bank.path()]);
    assert_eq!(en.code, Some(1));
    has_defects(
        &en,
        &[
            "questions.json: question \"audience\": prompt (en) is missing",
            "questions.json: question \"audience\", option \"existing_customers\": label (en) is missing",
            "actions.json: action \"dpia\": rationale (nl) is not written yet (TODO)",
            "warnings.json: warning \"combining_makes_profiling\": no source (sources is empty)",
            "notes.json: note \"telemarketing\": checked must be a month like \"2026-11\", found \"2026-13\"",
            "questions.json: question \"audience\", help (en) cites a judgment or the date a law changed: \"1 July 2021\"; put that statement in a dated note (notes, with \"checked\") and refer to it",
            "questions.json: question \"campaign_purpose\" is not in docs/stable-ids.md and so needs a \"default\", so that an answers file with only the stable questions always works",
        ],
    );
    // The loader's defect passes through, naming the definition.
    assert!(
        en.stdout
            .lines()
            .any(|l| l.starts_with("  - rules.json: ") && from_loader(l)),
        "{}",
        en.stdout
    );
    assert!(en.stdout.ends_with("\n8 defects found.\n"), "{}", en.stdout);
}

#[test]
fn paths_never_taken_in_english() {
    let bank = Copy::shipped("paths");
    bank.edit("questions.json", |v| {
        item(v, "questions", "li_balance")["next"] =
            json!([{ "when": { "answer": "li_balance", "is": "yes" }, "to": "end" }]);
        let mut orphan = item(v, "questions", "external_agency").clone();
        orphan["id"] = json!("orphan");
        orphan["default"] = json!("no");
        orphan["next"] = json!([{ "to": "end" }]);
        v["questions"].as_array_mut().unwrap().push(orphan);
    });
    bank.edit("rules.json", |v| {
        item(v, "rules", "personal_data_always")["recommend"] = json!(["inform_publicly"]);
    });
    let (en, _) = same_in_both(&["lint", &bank.path()]);
    has_defects(
        &en,
        &[
            "questions.json: question \"li_balance\": no branch of \"next\" fits (dead end) after campaign_purpose=\"\", use_case=\"coverage_analysis\", postcode_granularity=\"pc6\", envisia_access=\"poi_license\", legal_basis=\"legitimate_interest\", li_interest=\"yes\", li_compatible=\"yes\", li_necessary=\"yes\", li_balance=\"no\"",
            "questions.json: question \"orphan\" is not asked on any path",
            "rules.json: rule \"li_balance_fails\" does not apply on any path",
            "actions.json: action \"brief_staff\" is not advised on any path",
            "warnings.json: warning \"li_balance_fails\" is not given on any path",
        ],
    );
}

#[test]
fn looking_ahead_conflicts_and_findings_without_value_in_english() {
    let bank = Copy::shipped("ahead");
    bank.edit("questions.json", |v| {
        item(v, "questions", "use_case")["next"][0]["when"] = json!({ "all": [
            { "answer": "use_case", "is": "area_map" },
            { "answer": "channel", "includes": "phone" }
        ] });
    });
    bank.edit("findings.json", |v| {
        item(v, "findings", "telecom_rules")
            .as_object_mut()
            .unwrap()
            .remove("default");
    });
    let (en, _) = same_in_both(&["lint", &bank.path()]);
    has_defects(
        &en,
        &[
            "questions.json: question \"use_case\", next[0].when looks at \"channel\", asked only later",
        ],
    );
    let lines: Vec<&str> = en.stdout.lines().collect();
    let conflict = lines
        .iter()
        .find(|l| l.starts_with("  - conflicts.json: conflict \"no_personal_data_choose_basis\": action \"choose_legal_basis\" and finding \"personal_data\" = \"no\" stand together in one piece of advice after campaign_purpose=\"\", use_case=\"area_map\", "))
        .unwrap_or_else(|| panic!("{}", en.stdout));
    assert!(conflict.contains("; that cannot be: "), "{conflict}");
    assert!(
        lines.iter().any(|l| l.starts_with(
            "  - findings.json: path without an outcome: finding \"telecom_rules\" gets no value (no rule sets it and it has no default) after campaign_purpose=\"\", use_case="
        )),
        "{}",
        en.stdout
    );
}

/// The bank does not load: the heading and the count are English; the loader's own lines are
/// the loader's (typed separately).
#[test]
fn a_bank_that_does_not_load_in_english() {
    let r = run(&["--lang", "en", "lint", "tests/banks/invalid_syntax"]);
    assert_eq!(r.code, Some(1));
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", r.stdout);
    assert_eq!(
        lines[0],
        "tests/banks/invalid_syntax: the question bank does not load"
    );
    assert!(lines[1].starts_with("  - questions.json:8:7: "));
    assert_eq!(lines[2], "1 defect found.");
}

// In-process, in its own file for size.
#[path = "english_lint/said.rs"]
mod said;
