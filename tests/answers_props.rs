//! Properties of `answers::assess`, in-process: it never panics on any input, every error
//! names the file on one line, the order of the answers does not matter, and every valid set
//! of answers gives an outcome with a note for each answer off the path.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::collections::HashSet;

use proptest::prelude::*;
use serde_json::{Map, Value, json};

use avg_wijzer::answers::assess;

mod advise;
mod common;
use advise::FINDINGS;
use common::BANK;

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
