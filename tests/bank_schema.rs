//! `docs/bank.schema.json`, the JSON Schema an adviser's editor checks the bank files with: it
//! is a valid 2020-12 schema, every shipped bank file matches it, and files broken in ways the
//! loader or the lint refuses are refused by it too.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;
use std::path::Path;
use std::sync::LazyLock;

use avg_wijzer::bank::{Bank, lint::lint};
use avg_wijzer::text::Lang;
use serde_json::{Value, json};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const SCHEMA: &str = include_str!("../docs/bank.schema.json");

static VALIDATOR: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    let schema: Value = serde_json::from_str(SCHEMA).expect("the bank schema is JSON");
    jsonschema::draft202012::new(&schema).expect("the bank schema compiles")
});

/// A change to one bank file.
type Edit = Box<dyn FnOnce(&mut Value)>;

/// The shipped bank's files, name and parsed content, in the order of their names.
fn shipped() -> Vec<(String, Value)> {
    let mut files: Vec<(String, Value)> = fs::read_dir(Path::new(ROOT).join("questions"))
        .expect("questions/ readable")
        .map(|e| e.expect("questions/ entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let text = fs::read_to_string(&p).expect("bank file readable");
            (
                name,
                serde_json::from_str(&text).expect("bank file is JSON"),
            )
        })
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(files.len() >= 5, "{} bank files", files.len());
    files
}

fn schema_errors(v: &Value) -> Vec<String> {
    VALIDATOR
        .iter_errors(v)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

fn load(files: &[(String, Value)]) -> Result<Bank, Vec<String>> {
    let texts: Vec<(String, String)> = files
        .iter()
        .map(|(n, v)| (n.clone(), serde_json::to_string_pretty(v).unwrap()))
        .collect();
    Bank::from_files(&texts, "test").map_err(|e| e.defects.iter().map(|d| d.to_string()).collect())
}

/// The shipped bank with one file changed by `edit`.
fn edited(file: &str, edit: impl FnOnce(&mut Value)) -> Vec<(String, Value)> {
    let mut files = shipped();
    let (_, v) = files
        .iter_mut()
        .find(|(n, _)| n == file)
        .unwrap_or_else(|| panic!("no bank file {file}"));
    edit(v);
    files
}

fn at<'a>(v: &'a mut Value, pointer: &str) -> &'a mut Value {
    v.pointer_mut(pointer)
        .unwrap_or_else(|| panic!("no {pointer} in the file"))
}

/// The question with this id in `questions.json`.
fn question<'a>(v: &'a mut Value, id: &str) -> &'a mut Value {
    at(v, "/questions")
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|q| q["id"] == id)
        .unwrap_or_else(|| panic!("no question {id}"))
}

#[test]
fn the_schema_is_a_valid_draft_2020_12_schema() {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    jsonschema::draft202012::meta::validate(&schema)
        .unwrap_or_else(|e| panic!("docs/bank.schema.json is not a valid 2020-12 schema: {e}"));
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    LazyLock::force(&VALIDATOR);
}

#[test]
fn every_shipped_bank_file_matches_the_schema() {
    for (name, v) in shipped() {
        let errors = schema_errors(&v);
        assert!(
            errors.is_empty(),
            "questions/{name} does not match docs/bank.schema.json:\n{}",
            errors.join("\n")
        );
    }
}

/// Files the loader refuses: the schema refuses them too.
#[test]
fn files_the_loader_refuses_are_refused_by_the_schema() {
    let cases: Vec<(&str, &str, Edit)> = vec![
        (
            "an unknown key",
            "questions.json",
            Box::new(|v| question(v, "use_case")["helptext"] = json!("typo")),
        ),
        (
            "an unknown kind",
            "questions.json",
            Box::new(|v| question(v, "use_case")["kind"] = json!("singel")),
        ),
        (
            "options on a yes/no question",
            "questions.json",
            Box::new(|v| {
                let options = question(v, "use_case")["options"].clone();
                question(v, "li_interest")["options"] = options;
            }),
        ),
        (
            "one option for a choice",
            "questions.json",
            Box::new(|v| {
                let q = question(v, "use_case");
                q["options"].as_array_mut().unwrap().truncate(1);
            }),
        ),
        (
            "a list as the default of a single choice",
            "questions.json",
            Box::new(|v| question(v, "use_case")["default"] = json!(["area_map"])),
        ),
        (
            "exclusive outside multiple choice",
            "questions.json",
            Box::new(|v| question(v, "use_case")["options"][0]["exclusive"] = json!(true)),
        ),
        (
            "a choice of free text",
            "questions.json",
            Box::new(|v| question(v, "campaign_purpose")["choice"] = json!(true)),
        ),
        (
            "no branches",
            "questions.json",
            Box::new(|v| question(v, "use_case")["next"] = json!([])),
        ),
        (
            "the reserved id end",
            "questions.json",
            Box::new(|v| question(v, "li_balance")["id"] = json!("end")),
        ),
        (
            "a condition with an unknown test",
            "questions.json",
            Box::new(|v| {
                question(v, "postcode_granularity")["next"][0]["when"] =
                    json!({ "answer": "use_case", "equals": "area_map" })
            }),
        ),
        (
            "null as a condition",
            "rules.json",
            Box::new(|v| at(v, "/rules/0")["when"] = Value::Null),
        ),
        (
            "a number as a rule's action",
            "rules.json",
            Box::new(|v| at(v, "/rules/0")["require"] = json!([7])),
        ),
        (
            "three items in a conflict",
            "conflicts.json",
            Box::new(|v| {
                at(v, "/conflicts/0/items")
                    .as_array_mut()
                    .unwrap()
                    .push(json!({ "note": "telemarketing" }))
            }),
        ),
        (
            "a conflict item naming two things",
            "conflicts.json",
            Box::new(|v| at(v, "/conflicts/0/items/0")["warning"] = json!("x")),
        ),
        (
            "a level other than required or any",
            "conflicts.json",
            Box::new(|v| at(v, "/conflicts/0/items/0")["level"] = json!("recommended")),
        ),
        (
            "a register part with text and answer",
            "register.json",
            Box::new(|v| at(v, "/register/0/parts/0")["answer"] = json!("use_case")),
        ),
        (
            "a finding without values",
            "findings.json",
            Box::new(|v| at(v, "/findings/0")["values"] = json!([])),
        ),
        (
            "a bank without its verdict",
            "bank.json",
            Box::new(|v| {
                at(v, "/bank").as_object_mut().unwrap().remove("verdict");
            }),
        ),
        (
            "a number as $schema",
            "bank.json",
            Box::new(|v| v["$schema"] = json!(2020)),
        ),
    ];
    assert!(load(&shipped()).is_ok(), "the shipped bank loads");
    for (what, file, edit) in cases {
        let files = edited(file, edit);
        assert!(load(&files).is_err(), "{what}: the loader accepts it");
        let (_, v) = files.iter().find(|(n, _)| n == file).unwrap();
        assert!(!VALIDATOR.is_valid(v), "{what}: the schema accepts it");
    }
}

/// What the lint refuses within one text or note: the schema refuses it too, so an editor
/// shows it before the lint runs.
#[test]
fn texts_the_lint_refuses_are_refused_by_the_schema() {
    let cases: Vec<(&str, &str, Edit, &str)> = vec![
        (
            "a text without English",
            "warnings.json",
            Box::new(|v| {
                at(v, "/warnings/0/title")
                    .as_object_mut()
                    .unwrap()
                    .remove("en");
            }),
            "title (en) ontbreekt",
        ),
        (
            "a note's month that is no month",
            "notes.json",
            Box::new(|v| at(v, "/notes/0")["checked"] = json!("2026-13")),
            "checked moet een maand zijn",
        ),
    ];
    for (what, file, edit, defect) in cases {
        let files = edited(file, edit);
        let bank = load(&files).unwrap_or_else(|e| panic!("{what}: {e:?}"));
        let report = lint(&bank);
        assert!(
            report.lines(Lang::Nl).iter().any(|d| d.contains(defect)),
            "{what}: the lint says {:#?}",
            report.defects
        );
        let (_, v) = files.iter().find(|(n, _)| n == file).unwrap();
        assert!(!VALIDATOR.is_valid(v), "{what}: the schema accepts it");
    }
}

/// A bank file may name its schema with `$schema`, so an editor finds it; the loader ignores
/// it, and the bank is the same.
#[test]
fn a_bank_file_may_name_its_schema() {
    let mut files = shipped();
    for (_, v) in &mut files {
        v.as_object_mut()
            .unwrap()
            .insert("$schema".into(), json!("../docs/bank.schema.json"));
        assert!(VALIDATOR.is_valid(v));
    }
    let with = load(&files).expect("a bank with $schema loads");
    let without = load(&shipped()).unwrap();
    assert_eq!(with.questions.len(), without.questions.len());
    assert_eq!(with.rules.len(), without.rules.len());
    assert_eq!(with.start, without.start);
    assert!(lint(&with).defects.is_empty(), "{:#?}", lint(&with).defects);
}

/// Forms the loader accepts that the shipped bank happens not to use: the schema accepts them.
#[test]
fn forms_the_loader_accepts_match_the_schema() {
    let files = edited("conflicts.json", |v| {
        at(v, "/conflicts/0/items/0")["level"] = json!("any");
        at(v, "/conflicts/1")["items"] =
            json!([{ "finding": "profiling", "is": true }, { "note": "telemarketing" }]);
    });
    assert!(load(&files).is_ok());
    let (_, v) = files.iter().find(|(n, _)| n == "conflicts.json").unwrap();
    assert_eq!(schema_errors(v), Vec::<String>::new());
}
