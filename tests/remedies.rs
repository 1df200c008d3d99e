//! Remedies hold what they promise: applied to the plan, with the questions they name answered
//! any way their `needs` allow, they give an allowed verdict no worse than the one they claim.
//! Checked on random complete plans, on every golden case the bank does not allow, and through
//! `advise --format json`. None of it names the bank's current rules, so a new version of the
//! rules changes which remedies come out, not whether these tests hold.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;
use std::process::Command;

use proptest::prelude::*;
use serde_json::{Value, json};

use avg_wijzer::answers::assess;
use avg_wijzer::bank::{Bank, Kind, QId};
use avg_wijzer::engine::remedies::{MAX_REMEDIES, is_allowed};
use avg_wijzer::engine::{Answer, Outcome, Remedy, Session, remedies};

mod common;
use common::{BIN, bank, temp_dir};

fn verdict(bank: &Bank, o: &Outcome) -> Option<u8> {
    o.findings[bank.verdict.finding]
}

/// The answers a remedy's asked question may get: each option (each alone, for multiple
/// choice) that its `needs` allow; free text as its default.
fn answers_for(bank: &Bank, q: QId, needs: Option<&Vec<u64>>) -> Vec<Answer> {
    let question = &bank.questions[q];
    if question.kind == Kind::Text {
        return vec![
            question
                .default
                .clone()
                .unwrap_or(Answer::Text(String::new())),
        ];
    }
    assert!(
        needs.is_some() || question.kind != Kind::Multiple,
        "{}: a multiple-choice question asked anew names the answers it needs",
        question.id
    );
    (0..question.options.len())
        .map(|i| 1u64 << i)
        .filter(|m| needs.is_none_or(|n| n.contains(m)))
        .map(Answer::Choice)
        .collect()
}

/// The verdicts of every plan `r` leads to: the changes applied to the answers on the path,
/// every asked question answered every way its needs allow. Fails on a question asked that the
/// remedy does not name.
fn applied(bank: &Bank, session: &Session, outcome: &Outcome, r: &Remedy) -> Vec<Option<u8>> {
    let mut s = Session::new(bank);
    for &q in &outcome.path {
        let a = session.answer(q).expect("answered on the path").clone();
        s.set(bank, q, a).expect("a valid answer");
    }
    for c in &r.changes {
        assert!(bank.questions[c.question].choice, "{r:?} changes a fact");
        assert!(outcome.path.contains(&c.question), "{r:?}: off the path");
        assert_eq!(s.answer(c.question), Some(&Answer::Choice(c.from)));
        s.set(bank, c.question, Answer::Choice(c.to))
            .expect("a remedy's answer fits its question");
    }
    let mut verdicts = Vec::new();
    let mut todo = vec![s];
    while let Some(s) = todo.pop() {
        let walk = s.walk(bank);
        let Some(p) = walk.pending else {
            verdicts.push(verdict(bank, &s.evaluate(bank, walk.path)));
            continue;
        };
        let ask = r.asks.iter().find(|a| a.question == p);
        let ask = ask.unwrap_or_else(|| panic!("{r:?} asks {} unnamed", bank.questions[p].id));
        for a in answers_for(bank, p, ask.needs.as_ref()) {
            let mut next = s.clone();
            next.set(bank, p, a).expect("a valid answer");
            todo.push(next);
        }
    }
    verdicts
}

/// Every remedy of the plan holds; they come nearest first, at most [`MAX_REMEDIES`].
fn check_all(bank: &Bank, session: &Session, outcome: &Outcome) -> Vec<Remedy> {
    let found = remedies(bank, session, outcome);
    if is_allowed(bank, verdict(bank, outcome)) {
        assert!(found.is_empty(), "an allowed plan has no remedies");
        return found;
    }
    assert!(found.len() <= MAX_REMEDIES);
    for w in found.windows(2) {
        assert!(w[0].changes.len() <= w[1].changes.len(), "one change first");
    }
    for r in &found {
        assert!(
            is_allowed(bank, Some(r.verdict)),
            "{r:?} claims a blocked verdict"
        );
        // An option the bank keeps out of remedies is never proposed, by a change or as the
        // answer a newly asked choice needs.
        let kept_out = |q: QId, mask: u64| {
            bank.questions[q]
                .options
                .iter()
                .enumerate()
                .any(|(i, o)| !o.remedy && mask & (1 << i) != 0)
        };
        for c in &r.changes {
            assert!(
                !kept_out(c.question, c.to & !c.from),
                "{r:?} proposes a kept-out option"
            );
        }
        for a in r.asks.iter().filter(|a| bank.questions[a.question].choice) {
            match &a.needs {
                Some(needs) => assert!(needs.iter().all(|&m| !kept_out(a.question, m)), "{r:?}"),
                None => assert!(
                    !kept_out(a.question, u64::MAX),
                    "{r:?}: any answer, kept-out too"
                ),
            }
        }
        let verdicts = applied(bank, session, outcome, r);
        assert!(!verdicts.is_empty(), "{r:?} leads to no plan");
        for v in &verdicts {
            assert!(
                is_allowed(bank, *v) && *v <= Some(r.verdict),
                "{r:?} gives {v:?}"
            );
        }
        assert_eq!(verdicts.iter().max(), Some(&Some(r.verdict)), "{r:?}");
    }
    found
}

/// A valid answer for any question, chosen by `pick`.
fn some_answer(bank: &Bank, q: QId, pick: u64) -> Answer {
    let question = &bank.questions[q];
    let n = question.options.len();
    match question.kind {
        Kind::Text => Answer::Text(String::new()),
        Kind::Multiple => {
            let mask = pick % ((1 << n) - 1) + 1;
            if question.check_mask(mask).is_ok() {
                Answer::Choice(mask)
            } else {
                Answer::Choice(1 << (pick as usize % n))
            }
        }
        _ => Answer::Choice(1 << (pick as usize % n)),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn every_remedy_of_a_random_plan_holds(picks in proptest::collection::vec(any::<u64>(), 1..24)) {
        let bank = bank();
        let mut s = Session::new(&bank);
        let mut picks = picks.into_iter().cycle();
        while let Some(q) = s.walk(&bank).pending {
            let pick = picks.next().unwrap_or(0);
            s.set(&bank, q, some_answer(&bank, q, pick)).expect("a valid answer");
        }
        let outcome = s.outcome(&bank).expect("complete");
        check_all(&bank, &s, &outcome);
    }
}

#[test]
fn a_plan_without_a_legal_basis_is_never_pointed_to_a_basis_the_bank_keeps_out() {
    let bank = bank();
    let mut s = Session::new(&bank);
    for (id, v) in [
        ("campaign_purpose", json!("Nieuwe leden")),
        ("use_case", json!("address_selection")),
        ("postcode_granularity", json!("pc6_house_number")),
        ("envisia_access", json!("poi_license")),
        ("distribution", json!("direct_marketing")),
        ("audience", json!(["existing_customers"])),
        ("channel", json!(["email"])),
        ("uses_lending_history", json!("no")),
        ("legal_basis", json!("undecided")),
    ] {
        let q = bank.question_id(id).expect("a question of the bank");
        let a = bank.questions[q].parse_answer(&v).expect("a valid answer");
        s.set(&bank, q, a).expect("fits");
    }
    let outcome = s.outcome(&bank).expect("complete");
    let found = check_all(&bank, &s, &outcome);
    let basis = bank.question_id("legal_basis").expect("legal_basis");
    let proposed: Vec<&str> = found
        .iter()
        .flat_map(|r| &r.changes)
        .filter(|c| c.question == basis)
        .map(|c| {
            bank.questions[basis].options[c.to.trailing_zeros() as usize]
                .id
                .as_str()
        })
        .collect();
    assert!(proposed.contains(&"consent"), "{proposed:?}");
    assert!(!proposed.contains(&"public_task"), "{proposed:?}");
}

#[test]
fn every_golden_case_that_is_not_allowed_has_a_remedy_that_holds() {
    let bank = bank();
    let mut paths: Vec<_> = fs::read_dir("tests/golden")
        .expect("tests/golden")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut blocked = 0;
    for path in &paths {
        let case: Value = serde_json::from_str(&fs::read_to_string(path).expect("read"))
            .expect("a golden case is JSON");
        let input = json!({ "answers": case["answers"] }).to_string();
        let name = path.display().to_string();
        let a = assess(&bank, &name, &input).unwrap_or_else(|e| panic!("{e}"));
        let found = check_all(&bank, &a.session, &a.outcome);
        if is_allowed(&bank, verdict(&bank, &a.outcome)) {
            continue;
        }
        blocked += 1;
        assert!(!found.is_empty(), "{name}: no remedy");
        let first = &found[0];
        let verdicts = applied(&bank, &a.session, &a.outcome, first);
        assert!(verdicts.contains(&Some(first.verdict)), "{name}: {first:?}");
    }
    assert!(
        blocked > 0,
        "the golden cases include plans that are not allowed"
    );
}

fn advise_json(test: &str, answers: Value) -> Value {
    let dir = temp_dir(&format!("remedies-{test}"));
    let file = dir.path().join("answers.json");
    fs::write(&file, json!({ "answers": answers }).to_string()).expect("write");
    let out = Command::new(BIN)
        .args(["advise", "--format", "json", "--answers"])
        .arg(&file)
        .env_remove("AVG_WIJZER_STORE")
        .output()
        .expect("run advise");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    serde_json::from_slice(&out.stdout).expect("advise prints JSON")
}

fn direct_marketing() -> Value {
    json!({
        "use_case": "address_selection",
        "postcode_granularity": "pc6_house_number",
        "envisia_access": "poi_license",
        "distribution": "direct_marketing",
        "audience": ["existing_customers"],
        "channel": ["email"],
        "uses_lending_history": "no",
        "legal_basis": "consent",
        "existing_consent": "all"
    })
}

#[test]
fn advise_json_carries_the_remedies_in_the_contracts_form() {
    let bank = bank();
    let allowed = advise_json("allowed", direct_marketing());
    assert!(allowed.get("remedies").is_none() && allowed.get("blocking").is_none());

    let mut plan = direct_marketing();
    plan["audience"] = json!(["existing_customers", "school_library_members"]);
    let v = advise_json("school", plan.clone());
    let keys: Vec<&String> = v.as_object().expect("an object").keys().collect();
    let at = |k: &str| keys.iter().position(|x| *x == k).expect(k);
    assert!(
        at("remedies") < at("actions"),
        "the remedies come before the actions"
    );
    let blocking = &v["blocking"];
    assert!(blocking["warnings"].is_array() && blocking["actions"].is_array());
    let remedies = v["remedies"].as_array().expect("remedies");
    assert!(!remedies.is_empty());
    let verdicts = &bank.findings[bank.verdict.finding].values;
    for r in remedies {
        let changes = r["changes"].as_array().expect("changes");
        assert!((1..=2).contains(&changes.len()));
        for c in changes {
            let id = c["question"].as_str().expect("question id");
            let question = bank.question(id).expect("a question of the bank");
            assert!(question.choice, "{id}");
            assert_eq!(c["from"], plan[id], "from in the answers-file form");
            question
                .parse_answer(&c["to"])
                .expect("to in the answers-file form");
            assert_ne!(c["from"], c["to"]);
        }
        let at = verdicts
            .iter()
            .position(|x| x.value == r["verdict"])
            .expect("a verdict of the bank");
        assert!(is_allowed(&bank, u8::try_from(at).ok()));
        for list in ["adds", "drops"] {
            for a in r[list].as_array().expect(list) {
                assert!(bank.action_id(a.as_str().expect("id")).is_some(), "{a}");
            }
        }
        for q in r["asks"].as_array().expect("asks") {
            let id = q.as_str().expect("id");
            assert!(
                bank.question(id).is_some() && plan.get(id).is_none(),
                "{id}"
            );
        }
    }
    // Dropping the one group the sources forbid comes first: it keeps most of the plan.
    let first = &remedies[0]["changes"][0];
    assert_eq!(first["question"], "audience");
    assert_eq!(first["to"], json!(["existing_customers"]));
}

#[test]
fn advise_json_names_the_answers_an_asked_question_needs() {
    let bank = bank();
    let mut plan = direct_marketing();
    plan["legal_basis"] = json!("undecided");
    plan.as_object_mut().map(|m| m.remove("existing_consent"));
    let v = advise_json("undecided", plan);
    assert_eq!(
        v["blocking"]["decided"], false,
        "undecided is not the strongest verdict"
    );
    for r in v["remedies"].as_array().expect("remedies") {
        let asks: Vec<&str> = r["asks"]
            .as_array()
            .expect("asks")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        let needs = r.get("needs").and_then(Value::as_object);
        for (id, values) in needs.into_iter().flatten() {
            assert!(
                asks.contains(&id.as_str()),
                "{id} needs answers but is not asked"
            );
            let question = bank.question(id).expect("a question");
            for x in values.as_array().expect("a list of answers") {
                question.parse_answer(x).expect("an answer to the question");
            }
        }
        assert_eq!(
            r["ask_labels"].as_array().map(Vec::len),
            Some(asks.len()),
            "a label for each asked question"
        );
    }
}

/// Text, Markdown and the HTML page of a blocked plan: what blocks it, then the remedies, then
/// the findings, then the actions under the heading that says they apply to the changed plan.
#[test]
fn every_form_leads_with_what_blocks_the_plan_and_the_remedies() {
    use avg_wijzer::export::{Format, render};
    use avg_wijzer::record::{Assessment, Campaign};
    use avg_wijzer::text::Lang;
    let bank = bank();
    let mut plan = direct_marketing();
    plan["audience"] = json!(["existing_customers", "school_library_members"]);
    let src = json!({ "answers": plan }).to_string();
    let parsed = assess(&bank, "test", &src).expect("valid answers");
    for lang in [Lang::Nl, Lang::En] {
        let ui = lang.ui();
        let now = "2027-03-01T12:00:00Z";
        let id = "20270301-120000-00000000e1".to_string();
        let mut a = Assessment::start(&bank, id, Campaign::default(), vec![], lang, now);
        a.answer_all(&parsed.session, now).expect("answers");
        let advice = a.record.outcome.clone().expect("complete");
        let first = &advice.remedies[0];
        let html = String::from_utf8(render(&a.record, Format::Html, lang, None)).expect("utf-8");
        for (form, text) in [
            ("text", advice.to_text()),
            ("markdown", advice.to_markdown()),
            ("html", html),
        ] {
            let at = |s: &str| {
                text.find(s)
                    .unwrap_or_else(|| panic!("{form} ({lang:?}) lacks {s:?}"))
            };
            let order = [
                at(ui.blocking),
                at(ui.remedies),
                at(&first.verdict_label),
                at(ui.findings),
                at(ui.once_changed),
                at(ui.required),
            ];
            assert!(
                order.windows(2).all(|w| w[0] < w[1]),
                "{form} ({lang:?}): {order:?}"
            );
        }
    }
}
