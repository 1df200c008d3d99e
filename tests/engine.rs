//! The engine as a pure function: which question comes next, how changing an answer reshapes
//! the path, and — over random walks — that every path ends in a complete outcome.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use avg_wijzer::bank::{AId, Bank, Kind, QId};
use avg_wijzer::engine::{Answer, AnswerError, Session};
use proptest::prelude::*;

mod common;
use common::bank;

fn q(bank: &Bank, id: &str) -> QId {
    bank.question_id(id)
        .unwrap_or_else(|| panic!("no question {id}"))
}

fn answer(bank: &Bank, s: &mut Session, id: &str, value: serde_json::Value) {
    let qid = q(bank, id);
    let a = bank.questions[qid].parse_answer(&value).unwrap();
    s.set(bank, qid, a).unwrap();
}

fn path_ids(bank: &Bank, s: &Session) -> Vec<String> {
    s.walk(bank)
        .path
        .iter()
        .map(|&x| bank.questions[x].id.clone())
        .collect()
}

#[test]
fn the_walk_asks_only_what_matters_on_the_path() {
    let bank = bank();
    let mut s = Session::new(&bank);
    assert_eq!(s.walk(&bank).pending, Some(q(&bank, "campaign_purpose")));
    answer(&bank, &mut s, "campaign_purpose", "Meer jeugdleden".into());
    assert_eq!(s.walk(&bank).pending, Some(q(&bank, "use_case")));
    answer(&bank, &mut s, "use_case", "area_map".into());
    let walk = s.walk(&bank);
    assert!(walk.is_complete());
    assert_eq!(path_ids(&bank, &s), ["campaign_purpose", "use_case"]);
    let outcome = s.outcome(&bank).unwrap();
    assert!(outcome.actions.is_empty());
}

#[test]
fn changing_an_earlier_answer_keeps_what_still_fits_and_remembers_the_rest() {
    let bank = bank();
    let mut s = Session::new(&bank);
    for (id, v) in [
        ("campaign_purpose", serde_json::json!("")),
        ("use_case", "address_selection".into()),
        ("postcode_granularity", "pc6_house_number".into()),
        ("envisia_access", "own_contract".into()),
        ("distribution", "direct_marketing".into()),
        ("audience", serde_json::json!(["existing_customers"])),
        ("channel", serde_json::json!(["email"])),
        ("uses_lending_history", "no".into()),
        ("legal_basis", "consent".into()),
        ("existing_consent", "all".into()),
    ] {
        answer(&bank, &mut s, id, v);
    }
    assert!(s.walk(&bank).is_complete());

    // Coverage analysis asks neither the distribution nor the audience: they fall off the path,
    // while granularity, Envisia access and the legal basis still fit and are kept.
    answer(&bank, &mut s, "use_case", "coverage_analysis".into());
    assert!(s.walk(&bank).is_complete());
    assert_eq!(
        path_ids(&bank, &s),
        [
            "campaign_purpose",
            "use_case",
            "postcode_granularity",
            "envisia_access",
            "legal_basis"
        ]
    );
    let dormant: Vec<&str> = s
        .dormant(&bank)
        .iter()
        .map(|&x| bank.questions[x].id.as_str())
        .collect();
    assert_eq!(
        dormant,
        [
            "distribution",
            "audience",
            "channel",
            "uses_lending_history",
            "existing_consent"
        ]
    );
    let outcome = s.outcome(&bank).unwrap();
    let ids: Vec<&str> = outcome
        .actions
        .iter()
        .map(|a| bank.actions[a.action].id.as_str())
        .collect();
    assert!(
        !ids.contains(&"explicit_opt_in_existing"),
        "dormant answers must not count: {ids:?}"
    );
    assert!(ids.contains(&"processor_agreement"));

    // Back to address selection: the remembered answers come back.
    answer(&bank, &mut s, "use_case", "address_selection".into());
    assert!(s.walk(&bank).is_complete());
    assert!(s.dormant(&bank).is_empty());
}

#[test]
fn answers_that_do_not_fit_are_refused_with_the_reason() {
    let bank = bank();
    let mut s = Session::new(&bank);
    let channel = q(&bank, "channel");
    let none = bank.questions[channel].option_index("none").unwrap();
    let email = bank.questions[channel].option_index("email").unwrap();
    assert!(matches!(
        s.set(&bank, channel, Answer::Choice(1 << none | 1 << email)),
        Err(AnswerError::NotCombinable { .. })
    ));
    assert!(matches!(
        s.set(&bank, channel, Answer::Choice(0)),
        Err(AnswerError::Empty { .. })
    ));
    assert!(matches!(
        s.set(&bank, channel, Answer::Text("e-mail".into())),
        Err(AnswerError::WrongType { .. })
    ));
    let use_case = q(&bank, "use_case");
    assert!(matches!(
        s.set(&bank, use_case, Answer::Choice(0b11)),
        Err(AnswerError::WrongType { .. })
    ));
    assert!(matches!(
        s.set(&bank, use_case, Answer::Choice(1 << 40)),
        Err(AnswerError::NoSuchOption { n: 41, .. })
    ));
    assert!(
        s.answer(use_case).is_none(),
        "a refused answer leaves nothing behind"
    );
}

#[test]
fn progress_is_a_range_because_the_path_depends_on_the_answers() {
    let bank = bank();
    let (lo, hi) = bank.span_from(bank.start);
    assert_eq!(lo, 2, "purpose and use case, then area_map ends");
    assert!(hi > lo && hi <= bank.questions.len());
    assert_eq!(bank.span_from(q(&bank, "li_balance")), (1, 1));
}

/// A valid answer for any question, chosen by `pick`.
fn some_answer(bank: &Bank, qid: QId, pick: u64) -> Answer {
    let question = &bank.questions[qid];
    match question.kind {
        Kind::Text => Answer::Text(format!("tekst {pick}")),
        Kind::Multiple => {
            let n = question.options.len();
            let mut mask = pick % ((1 << n) - 1) + 1;
            if question.check_mask(mask).is_err() {
                mask = 1 << (pick as usize % n);
            }
            Answer::Choice(mask)
        }
        _ => Answer::Choice(1 << (pick as usize % question.options.len())),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Random walks, with random changes to earlier answers along the way, always end in a
    /// complete outcome: every finding has a value, each action appears once.
    #[test]
    fn every_random_walk_ends_in_a_complete_outcome(picks in proptest::collection::vec(any::<u64>(), 1..60)) {
        let bank = bank();
        let mut s = Session::new(&bank);
        let mut steps = 0;
        let mut picks = picks.into_iter().cycle();
        loop {
            let walk = s.walk(&bank);
            let Some(next) = walk.pending else { break };
            let pick = picks.next().unwrap_or(0);
            // Now and then go back and change an earlier answer instead.
            if pick % 7 == 0 && steps < 40 && !walk.path.is_empty() {
                let back = walk.path[(pick as usize / 7) % walk.path.len()];
                s.set(&bank, back, some_answer(&bank, back, pick / 3)).unwrap();
            } else {
                s.set(&bank, next, some_answer(&bank, next, pick)).unwrap();
            }
            steps += 1;
            prop_assert!(steps < 500, "the walk does not end");
        }
        let outcome = s.outcome(&bank).expect("a complete walk has an outcome");
        prop_assert!(outcome.findings.iter().all(Option::is_some));
        let mut ids: Vec<AId> = outcome.actions.iter().map(|a| a.action).collect();
        ids.sort();
        ids.dedup();
        prop_assert_eq!(ids.len(), outcome.actions.len());
        prop_assert!(outcome.path.iter().all(|&x| s.answer(x).is_some()));
    }
}
