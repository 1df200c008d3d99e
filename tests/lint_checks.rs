//! The lint's checks beyond paths and sources, on small banks in `tests/banks/lint_*` and on
//! variants of the shipped bank: text parts, declared conflicts, citations of current law
//! outside the dated notes, and `lint --stale`.
//!
//! A small bank lacks the stable ids (docs/stable-ids.md), so the lint always reports those too; the
//! tests compare the other defect lines, exactly.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::path::Path;

use serde_json::{Map, Value, json};

use avg_wijzer::bank::{Bank, EMBEDDED, Item, lint::lint};
use avg_wijzer::text::Lang;

mod common;
use common::{ROOT, Run, run_in_root as run};

// The benchmark's bank scaler, shared with it rather than shipped in the program.
#[path = "../benches/scale.rs"]
mod scale;

fn is_stable_id_defect(d: &str) -> bool {
    d.ends_with("(docs/stable-ids.md) ontbreekt")
}

/// The defect lines of a lint run, without the "  - " and without the missing stable ids.
fn defects(run: &Run) -> Vec<&str> {
    run.stdout
        .lines()
        .filter_map(|l| l.strip_prefix("  - "))
        .filter(|d| !is_stable_id_defect(d))
        .collect()
}

/// Whether a defect is the conflict check's.
fn is_conflict_defect(d: &str) -> bool {
    d.contains(": conflict \"") && d.contains(" staan samen in één advies bij ")
}

#[test]
fn text_parts_must_be_written_in_both_languages() {
    let r = run(&["lint", "tests/banks/lint_text_parts"]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert_eq!(
        defects(&r),
        [
            "questions.json: vraag \"activity\", help_parts[0]: text (en) ontbreekt",
            "content.json: actie \"record_mailing\", parts[0]: text (nl) ontbreekt",
            "content.json: waarschuwing \"email_without_consent\", parts[0]: text (nl) is nog niet geschreven (TODO)",
            "content.json: waarschuwing \"email_without_consent\", parts[0]: text (en) is nog niet geschreven (TODO)",
            "content.json: notitie \"spam_rules\", parts[0]: text (en) ontbreekt",
            "content.json: regel \"mailing\", reason.parts[0]: text (en) ontbreekt",
        ]
    );
}

#[test]
fn current_law_is_cited_only_in_notes() {
    let r = run(&["lint", "tests/banks/lint_law_citations"]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    let advice =
        "; zet die bewering in een gedateerde notitie (notes, met \"checked\") en verwijs daarnaar";
    let want: Vec<String> = [
        "questions.json: vraag \"activity\", help (nl) noemt een uitspraak of de datum van een wetswijziging: \"1 juli 2021\"",
        "questions.json: vraag \"activity\", help_parts[0].text (en) noemt een uitspraak of de datum van een wetswijziging: \"case C-654/23\"",
        "questions.json: vraag \"activity\", sources[1] noemt een uitspraak of de datum van een wetswijziging: \"ECLI:NL:RVS:2022:3077\"",
        "questions.json: vraag \"activity\", optie \"mailing\", label (nl) noemt een uitspraak of de datum van een wetswijziging: \"Kamerstukken 35 421\"",
        "content.json: bevinding \"contact_data\", rationale (en) noemt een uitspraak of de datum van een wetswijziging: \"13 November 2025\"",
        "content.json: bevinding \"contact_data\", waarde true, label (en) noemt een uitspraak of de datum van een wetswijziging: \"4 October 2024\"",
        "content.json: actie \"ask_consent\", parts[0].sources[1] noemt een uitspraak of de datum van een wetswijziging: \"Stcrt. 2019, 64418\"",
        "content.json: waarschuwing \"email_without_consent\", title (nl) noemt een uitspraak of de datum van een wetswijziging: \"Staatscourant\"",
        "content.json: regel \"mailing\", reason.text (nl) noemt een uitspraak of de datum van een wetswijziging: \"zaak C\u{2011}621/22\"",
        "content.json: regel \"mailing\", reason.sources[1] noemt een uitspraak of de datum van een wetswijziging: \"C-621/22\", \"ECLI:EU:C:2024:824\"",
        "content.json: regel \"mailing\", reason.parts[0].text (en) noemt een uitspraak of de datum van een wetswijziging: \"November 13, 2025\"",
        "register.json: registerveld \"purpose\", label (en) noemt een uitspraak of de datum van een wetswijziging: \"1 May 2018\"",
        "register.json: registerveld \"purpose\", parts[1].text (nl) noemt een uitspraak of de datum van een wetswijziging: \"Stcrt 2019 nr. 5\"",
    ]
    .iter()
    .map(|d| format!("{d}{advice}"))
    .collect();
    // The note cites the same judgments, papers and dates in its text, parts and sources, and
    // is not reported: that is where they belong.
    assert_eq!(defects(&r), want);
}

/// The files of a bank directory, as the binary reads them.
fn dir_files(dir: &str) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(Path::new(ROOT).join(dir))
        .expect("fixture bank readable")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (
                name,
                std::fs::read_to_string(&p).expect("fixture file readable"),
            )
        })
        .collect();
    files.sort();
    files
}

fn embedded_files() -> Vec<(String, String)> {
    EMBEDDED
        .iter()
        .map(|(n, c)| (n.to_string(), c.to_string()))
        .collect()
}

/// The answers of a path as the lint writes it (`q="a", r=["b","c"]`), as an answers file's
/// `answers` object. Each answer is read as JSON, so a list's commas do not split it.
fn answers_of(path: &str) -> Map<String, Value> {
    let mut answers = Map::new();
    let mut rest = path;
    while !rest.is_empty() {
        let (id, value) = rest.split_once('=').expect("q=answer");
        let mut values = serde_json::Deserializer::from_str(value).into_iter::<Value>();
        let answer = values
            .next()
            .expect("an answer")
            .expect("the answer is JSON");
        answers.insert(id.to_string(), answer);
        rest = value[values.byte_offset()..]
            .strip_prefix(", ")
            .unwrap_or(&value[values.byte_offset()..]);
    }
    answers
}

/// Checks a conflict message and that its path is real: walking the bank with those answers
/// gives both items. Returns the path.
fn assert_reported_on_a_real_path(bank: &Bank, c: usize, defects: &[String]) -> String {
    let conflict = &bank.conflicts[c];
    let head = format!(
        "{}: conflict \"{}\": {} en {} staan samen in één advies bij ",
        conflict.file,
        conflict.id,
        conflict.items[0].describe(bank),
        conflict.items[1].describe(bank)
    );
    let tail = format!("; dat kan niet: {}", conflict.why.nl.trim());
    let found: Vec<&String> = defects.iter().filter(|d| d.starts_with(&head)).collect();
    assert_eq!(
        found.len(),
        1,
        "one message for {}: {defects:#?}",
        conflict.id
    );
    let path = found[0][head.len()..]
        .strip_suffix(&tail)
        .unwrap_or_else(|| panic!("the message ends with why: {}", found[0]));
    let answers = json!({ "answers": answers_of(path) }).to_string();
    let walked = avg_wijzer::answers::assess(bank, "pad", &answers).expect("the path walks");
    for item in &conflict.items {
        assert!(
            walked.outcome.holds(*item),
            "{} not on the path {path}",
            item.describe(bank)
        );
    }
    path.to_string()
}

#[test]
fn a_conflict_broken_on_some_path_is_reported_once_with_that_path() {
    let r = run(&["lint", "tests/banks/lint_conflict_violated"]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert_eq!(
        defects(&r),
        [
            "conflicts.json: conflict \"verdict_allows_email_without_consent\": waarschuwing \"email_without_consent\" en bevinding \"oordeel\" = \"allowed_with_actions\" staan samen in één advies bij activity=\"mailing\", media=[\"email\"], has_consent=\"no\"; dat kan niet: De waarschuwing zegt dat e-mail zonder toestemming niet mag; dan kan het oordeel niet 'mag, met acties' zijn."
        ]
    );
    let bank = Bank::from_files(&dir_files("tests/banks/lint_conflict_violated"), "x").unwrap();
    let found: Vec<String> = defects(&r).iter().map(|d| d.to_string()).collect();
    assert_reported_on_a_real_path(&bank, 0, &found);
}

#[test]
fn conflicts_that_hold_on_every_path_are_not_reported() {
    let r = run(&["lint", "tests/banks/lint_conflict_held"]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert_eq!(defects(&r), Vec::<&str>::new(), "{}", r.stdout);
}

/// A rule that applies on every path and gives both items of the conflict.
fn violating_rule(bank: &Bank, c: usize) -> Value {
    let conflict = &bank.conflicts[c];
    let mut rule = json!({ "id": format!("violates_{}", conflict.id), "from": "test" });
    for item in conflict.items {
        let (key, id) = match item {
            Item::Action(a, true) => ("require", &bank.actions[a].id),
            Item::Action(a, false) => ("recommend", &bank.actions[a].id),
            Item::Warning(w) => ("warn", &bank.warnings[w].id),
            Item::Note(n) => ("notes", &bank.notes[n].id),
            Item::Finding(f, v) => {
                let finding = &bank.findings[f];
                rule["set"][&finding.id] = finding.values[usize::from(v)].value.clone();
                continue;
            }
        };
        match rule[key].as_array_mut() {
            Some(list) => list.push(json!(id)),
            None => rule[key] = json!([id]),
        }
    }
    rule
}

/// For every conflict the bank declares: a copy of its files with a rule added that breaks it
/// makes the lint report that conflict, once, on a path that really gives both items. Returns
/// how many conflicts were checked.
fn each_declared_conflict_is_caught(files: &[(String, String)]) -> usize {
    let bank = Bank::from_files(files, "bank").expect("the bank loads");
    let rules_file = files
        .iter()
        .position(|(_, text)| {
            serde_json::from_str::<Value>(text).is_ok_and(|v| v["rules"].is_array())
        })
        .expect("a file with rules");
    for c in 0..bank.conflicts.len() {
        let mut variant = files.to_vec();
        let mut part: Value = serde_json::from_str(&variant[rules_file].1).unwrap();
        let rule = violating_rule(&bank, c);
        part["rules"].as_array_mut().unwrap().push(rule);
        variant[rules_file].1 = part.to_string();
        let broken = Bank::from_files(&variant, "variant").expect("the variant loads");
        let report = lint(&broken);
        let conflicts: Vec<String> = report
            .lines(Lang::Nl)
            .into_iter()
            .filter(|d| is_conflict_defect(d))
            .collect();
        assert!(
            !conflicts.is_empty(),
            "conflict \"{}\" was not reported although a rule on every path gives both its items \
             (a finding value no path can have cannot be in a conflict); defects: {:#?}",
            bank.conflicts[c].id,
            report.defects
        );
        assert_reported_on_a_real_path(&broken, c, &conflicts);
    }
    bank.conflicts.len()
}

#[test]
fn every_conflict_the_shipped_bank_declares_is_caught_when_broken() {
    let files = embedded_files();
    // The shipped bank itself breaks none (other defects may still be reported).
    let report = lint(&Bank::embedded().unwrap());
    let broken: Vec<String> = report
        .lines(Lang::Nl)
        .into_iter()
        .filter(|d| is_conflict_defect(d))
        .collect();
    assert!(broken.is_empty(), "{broken:#?}");
    let checked = each_declared_conflict_is_caught(&files);
    if checked == 0 {
        // Not silent: the declarations are being written; the fixture's test below runs the
        // same loop on declared conflicts meanwhile.
        eprintln!("the shipped bank declares no conflicts yet; nothing to break there");
    }
}

#[test]
fn every_conflict_a_fixture_declares_is_caught_when_broken() {
    let files = dir_files("tests/banks/lint_conflict_held");
    assert_eq!(each_declared_conflict_is_caught(&files), 2);
}

/// This month in the local time zone, as the binary counts it, in months since year 0.
fn this_month() -> i64 {
    let now = jiff::ZonedDateTime::now();
    i64::from(now.year()) * 12 + i64::from(now.month()) - 1
}

fn months_since(year: i64, month: i64) -> i64 {
    this_month() - (year * 12 + month - 1)
}

/// `lint DIR --stale N`, run again if the month turned meanwhile.
fn stale_run(dir: &str, limit: i64) -> Run {
    loop {
        let before = this_month();
        let r = run(&["lint", dir, "--stale", &limit.to_string()]);
        if this_month() == before {
            return r;
        }
    }
}

#[test]
fn stale_lists_the_notes_checked_too_long_ago() {
    let dir = "tests/banks/lint_stale_note";
    let plain = run(&["lint", dir]);
    let (old, newer) = (months_since(2001, 1), months_since(2020, 6));

    let r = stale_run(dir, newer);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    // The lint's own report first, unchanged.
    assert!(r.stdout.starts_with(&plain.stdout), "{}", r.stdout);
    let rest: Vec<&str> = r.stdout[plain.stdout.len()..].lines().collect();
    assert_eq!(rest.len(), 3, "{}", r.stdout);
    assert!(rest[0].starts_with("Verouderde notities, gecontroleerd voor "));
    assert_eq!(
        rest[1],
        format!(
            "  - content.json: notitie \"spam_rules\" (Spamregels): gecontroleerd in 2001-01, {old} maanden geleden"
        )
    );
    assert_eq!(
        rest[2],
        "1 verouderde notitie(s) gevonden; controleer ze tegen het actuele recht en zet \"checked\" op de maand van controle."
    );

    let r = stale_run(dir, newer - 1);
    assert_eq!(r.code, Some(1));
    assert!(r.stdout.contains(&format!(
        "  - content.json: notitie \"address_rules\" (Adresregels): gecontroleerd in 2020-06, {newer} maanden geleden\n"
    )));
    assert!(r.stdout.contains("\n2 verouderde notitie(s) gevonden;"));

    // Exactly the limit is not yet stale: then the exit code is the lint's own.
    let r = stale_run(dir, old);
    assert_eq!(r.code, plain.code);
    let last = r.stdout.lines().last().unwrap();
    assert!(
        last.starts_with(
            "Geen verouderde notities: elke notitie is in 2001-01 of later gecontroleerd"
        ),
        "{last}"
    );
}

#[test]
fn stale_on_the_shipped_bank_adds_no_defect() {
    let plain = run(&["lint"]);
    let r = run(&["lint", "--stale", "1200"]);
    assert_eq!(r.code, plain.code);
    assert!(r.stdout.starts_with(&plain.stdout));
    assert!(r.stdout.contains("\nGeen verouderde notities: "));
}

#[test]
fn stale_needs_a_number_of_months() {
    for bad in ["abc", "1.5", "-3", ""] {
        let r = run(&["lint", "--stale", bad]);
        assert_eq!(r.code, Some(2), "{bad}: {}", r.stdout);
        assert_eq!(r.stdout, "");
        let why = format!(
            "'--stale <MAANDEN>': \"{bad}\" is geen aantal maanden; geef een heel getal, zoals 12"
        );
        assert!(r.stderr.contains(&why), "{bad}: {}", r.stderr);
    }
}

#[test]
fn lint_help_documents_stale() {
    let r = run(&["lint", "--help"]);
    assert_eq!(r.code, Some(0));
    assert!(r.stdout.contains("--stale <MAANDEN>"), "{}", r.stdout);
    assert!(r.stdout.contains("\"checked\""), "{}", r.stdout);
}

/// The generated banks of the benchmark copy the conflicts with the rest, each copy's about its
/// own actions, warnings and notes, so the conflict check is measured at scale too.
#[test]
fn generated_banks_copy_the_conflicts() {
    let files = dir_files("tests/banks/lint_conflict_violated");
    let scaled = scale::scaled(&files, 3).unwrap();
    let bank = Bank::from_files(&scaled, "x3").unwrap();
    assert_eq!(bank.conflicts.len(), 6);
    let report = lint(&bank);
    let found = report.lines(Lang::Nl);
    let mut broken: Vec<&str> = found
        .iter()
        .filter(|d| is_conflict_defect(d))
        .map(|d| d.split('"').nth(1).unwrap())
        .collect();
    broken.sort();
    assert_eq!(
        broken,
        [
            "verdict_allows_email_without_consent",
            "verdict_allows_email_without_consent__1",
            "verdict_allows_email_without_consent__2"
        ]
    );
    for c in 0..bank.conflicts.len() {
        if bank.conflicts[c].id.starts_with("verdict_") {
            let path = assert_reported_on_a_real_path(&bank, c, &found);
            assert!(path.starts_with("scale_copy_0="), "{path}");
        }
    }
}
