//! Every domain rule pinned by a case: answers in, findings and actions (and, where a case
//! asks, the questions a remedy changes) out. The cases in `tests/golden/` were written from
//! the rules alone, independently of the bank.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::process::{Command, Stdio};

use avg_wijzer::advice::Advice;
use avg_wijzer::answers::assess;
use avg_wijzer::bank::Bank;
use avg_wijzer::engine::Level;
use avg_wijzer::text::Lang;
use serde_json::Value;

fn ids(v: Option<&Value>) -> BTreeSet<String> {
    v.and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The questions each remedy changes, read from the JSON advice of `advise --format json` as
/// the JSON advice gives it (`remedies[].changes[].question`): one set per remedy. An advice
/// without a `remedies` key is an error, as is any other malformed answer.
fn remedy_changes(input: &str) -> Result<Vec<BTreeSet<String>>, String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_avg-wijzer"))
        .args(["advise", "--answers", "-", "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run avg-wijzer advise: {e}"))?;
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input.as_bytes())
        .map_err(|e| format!("cannot write the answers: {e}"))?;
    let out = child
        .wait_with_output()
        .map_err(|e| format!("avg-wijzer advise did not finish: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "avg-wijzer advise failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let advice: Value = serde_json::from_slice(&out.stdout)
        .map_err(|e| format!("advise --format json is not JSON: {e}"))?;
    let remedies = advice
        .get("remedies")
        .ok_or("the JSON advice has no `remedies` key")?
        .as_array()
        .ok_or("`remedies` is not an array")?;
    Ok(remedies
        .iter()
        .map(|r| {
            r["changes"]
                .as_array()
                .map(|cs| {
                    cs.iter()
                        .filter_map(|c| c["question"].as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect())
}

#[test]
fn every_golden_case_gives_the_expected_advice() {
    let bank = Bank::embedded().expect("embedded bank loads");
    let mut paths: Vec<_> = fs::read_dir("tests/golden")
        .expect("tests/golden exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 40,
        "expected the full set of golden cases, found {}",
        paths.len()
    );
    let mut failures = Vec::new();
    let mut rules_covered = BTreeSet::new();
    for path in &paths {
        let name = path.display().to_string();
        let case: Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
        rules_covered.insert(case["rule"].as_str().unwrap_or("?").to_string());
        let input = serde_json::json!({ "answers": case["answers"] }).to_string();
        let a = match assess(&bank, &name, &input) {
            Ok(a) => a,
            Err(e) => {
                failures.push(format!("{name}: refused: {e}"));
                continue;
            }
        };
        if !a.notices.is_empty() {
            failures.push(format!("{name}: answers off the path: {:?}", a.notices));
        }
        let advice = Advice::new(&bank, &a.session, &a.outcome, None, Lang::Nl);
        let expect = &case["expect"];
        for (k, v) in expect["findings"].as_object().unwrap() {
            if advice.findings.get(k) != Some(v) {
                failures.push(format!(
                    "{name}: finding {k}: expected {v}, got {:?}",
                    advice.findings.get(k)
                ));
            }
        }
        let required: BTreeSet<String> = advice.required().map(|a| a.id.clone()).collect();
        let want = ids(expect.get("required"));
        if required != want {
            failures.push(format!(
                "{name}: required actions differ\n    missing: {:?}\n    extra:   {:?}",
                want.difference(&required).collect::<Vec<_>>(),
                required.difference(&want).collect::<Vec<_>>()
            ));
        }
        for id in ids(expect.get("recommended_includes")) {
            let level = advice.actions.iter().find(|a| a.id == id).map(|a| a.level);
            if level != Some(Level::Recommended) {
                failures.push(format!("{name}: expected {id} recommended, got {level:?}"));
            }
        }
        for id in ids(expect.get("not_present")) {
            if advice.actions.iter().any(|a| a.id == id) {
                failures.push(format!("{name}: {id} should not be advised"));
            }
        }
        if let Some(any) = expect.get("remedy_changes_any") {
            let want = ids(Some(any));
            let verdict = expect["findings"]["verdict"].as_str().unwrap_or("?");
            if want.is_empty() || !matches!(verdict, "not_allowed" | "undecided") {
                failures.push(format!(
                    "{name}: remedy_changes_any must be a non-empty list of question ids, \
                     on a not_allowed or undecided case only"
                ));
                continue;
            }
            match remedy_changes(&input) {
                Err(e) => failures.push(format!("{name}: remedies: {e}")),
                Ok(remedies) => {
                    if !remedies.iter().any(|qs| !qs.is_disjoint(&want)) {
                        failures.push(format!(
                            "{name}: no remedy changes any of {want:?}; the remedies change {remedies:?}"
                        ));
                    }
                }
            }
        }
    }
    for rule in ["1", "2", "3A", "3B", "4A", "4B", "5", "6", "7"] {
        if !rules_covered.contains(rule) {
            failures.push(format!("no golden case for rule {rule}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
