//! Integration tests for `avg-wijzer advise` that succeed: the real binary on the example and
//! on small answers files, in every format and language, from a file and from standard input,
//! with notes on answers off the path (as the README describes them). Its refusals are in
//! `advise_errors.rs`, the properties of `answers::assess` in `answers_props.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::collections::HashSet;
use std::path::Path;
use std::process::Output;

use serde_json::{Value, json};

use avg_wijzer::bank::Bank;

mod advise;
mod common;
use advise::{FINDINGS, advise_file, answers, assert_ok, example_with, run_in, stderr};
use common::{EXAMPLE, temp_dir};

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
