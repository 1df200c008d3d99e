//! Resuming a record after the question bank changed: what still fits is kept, only what
//! changed is asked again, and the history says so. Frozen records change only by revision.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use avg_wijzer::bank::Bank;
use avg_wijzer::record::{Assessment, Campaign, Decision, Event, Refusal, Status};
use avg_wijzer::text::Lang;
use serde_json::json;

mod common;
use common::banks::bank_without_phone;
use common::records::answer;

const T0: &str = "2027-01-01T10:00:00Z";
const T1: &str = "2027-01-02T10:00:00Z";

fn direct_marketing(bank: &Bank) -> Assessment<'_> {
    let mut a = Assessment::start(
        bank,
        "r1".into(),
        Campaign::default(),
        Vec::new(),
        Lang::Nl,
        T0,
    );
    for (id, v) in [
        ("campaign_purpose", json!("Leden terugwinnen")),
        ("use_case", json!("address_selection")),
        ("postcode_granularity", json!("pc6_house_number")),
        ("envisia_access", json!("poi_license")),
        ("distribution", json!("direct_marketing")),
        ("audience", json!(["existing_customers"])),
        ("channel", json!(["email", "phone"])),
        ("uses_lending_history", json!("no")),
        ("external_agency", json!("no")),
        ("phone_purpose", json!("research")),
        ("legal_basis", json!("consent")),
        ("existing_consent", json!("all")),
    ] {
        answer(&mut a, id, v, T0);
    }
    a
}

#[test]
fn resuming_with_a_changed_bank_keeps_what_fits_and_asks_again_what_changed() {
    let old = Bank::embedded().unwrap();
    let a = direct_marketing(&old);
    assert_eq!(a.record.status, Status::Completed);
    let record = a.record.clone();

    let new = bank_without_phone();
    let b = Assessment::resume(&new, record, T1);
    // The channel answer named an option that is gone: dropped, and asked again.
    let walk = b.session.walk(&new);
    assert_eq!(walk.pending, new.question_id("channel"));
    assert!(!b.record.answers.contains_key("channel"));
    for kept in [
        "use_case",
        "postcode_granularity",
        "distribution",
        "audience",
        "legal_basis",
    ] {
        assert!(
            b.record.answers.contains_key(kept),
            "{kept} still fits and is kept"
        );
    }
    assert_eq!(b.record.status, Status::InProgress);
    assert!(b.record.outcome.is_none());
    assert_eq!(b.record.bank.version, "2.0.0");
    match b.record.history.last().unwrap() {
        Event::BankChanged {
            at,
            from,
            to,
            dropped,
            asks,
        } => {
            assert_eq!(at, T1);
            assert_eq!(
                (from.version.as_str(), to.version.as_str()),
                (old.version.as_str(), "2.0.0")
            );
            // The channel is asked again because its answer was dropped, not as a new question.
            assert!(asks.is_empty(), "{asks:?}");
            assert_eq!(dropped.len(), 1);
            assert_eq!(dropped[0].question, "channel");
            assert!(
                dropped[0].reason.contains("\"phone\" is niet toegestaan"),
                "{}",
                dropped[0].reason
            );
        }
        e => panic!("expected a bank change in the history, got {e:?}"),
    }
}

#[test]
fn resuming_with_the_same_bank_changes_nothing() {
    let bank = Bank::embedded().unwrap();
    let a = direct_marketing(&bank);
    let b = Assessment::resume(&bank, a.record.clone(), T1);
    assert_eq!(b.record.answers, a.record.answers);
    assert_eq!(b.record.history, a.record.history);
    assert_eq!(b.record.outcome, a.record.outcome);
}

#[test]
fn a_signed_off_record_is_frozen_and_changes_by_revision() {
    let bank = Bank::embedded().unwrap();
    let mut a = direct_marketing(&bank);
    a.sign_off(
        "Piet Jansen",
        "2027-01-01",
        Decision::ApprovedWithConditions,
        "Eerst de DPIA",
        T0,
    )
    .unwrap();
    assert_eq!(a.record.status, Status::SignedOff);
    let q = bank.question_id("legal_basis").unwrap();
    let li = bank.questions[q].choice("legitimate_interest").unwrap();
    assert_eq!(a.answer(q, li.clone(), T1), Err(Refusal::Frozen));
    assert_eq!(a.note(None, "later", T1), Err(Refusal::Frozen));

    // Sealed as a save would, so the revision can name the signed record's fingerprint.
    let signed_hash = {
        let mut signed = a.record.clone();
        signed.seal();
        a.record.integrity = signed.integrity.clone();
        signed.integrity.hash
    };
    let mut r = a.revise("r2".into(), T1, None);
    assert_eq!(
        (
            r.record.revision,
            r.record.previous.as_ref().map(|p| p.id.as_str()),
            r.record.previous.as_ref().and_then(|p| p.hash.clone())
        ),
        (2, Some("r1"), Some(signed_hash.clone()))
    );
    assert!(r.record.signoff.is_none());
    assert!(
        matches!(r.record.history[0], Event::Revision { ref previous, ref previous_hash, ref altered, .. }
            if previous == "r1" && previous_hash.as_ref() == Some(&signed_hash) && altered.is_empty())
    );
    r.answer(q, li, T1).unwrap();
    assert!(
        matches!(r.record.history.iter().find(|e| matches!(e, Event::Changed { .. })), Some(Event::Changed { question, .. }) if question == "legal_basis")
    );
    // The signed record itself is untouched.
    assert_eq!(a.record.answers["legal_basis"].value, json!("consent"));
}

#[test]
fn a_sign_off_needs_advice_a_name_and_a_real_date() {
    let bank = Bank::embedded().unwrap();
    let mut fresh = Assessment::start(
        &bank,
        "r".into(),
        Campaign::default(),
        Vec::new(),
        Lang::Nl,
        T0,
    );
    assert!(matches!(
        fresh.sign_off("FG", "2027-01-01", Decision::Approved, "", T0),
        Err(Refusal::Incomplete)
    ));
    let mut a = direct_marketing(&bank);
    assert!(matches!(
        a.sign_off(" ", "2027-01-01", Decision::Approved, "", T0),
        Err(Refusal::NoName)
    ));
    assert!(matches!(
        a.sign_off("FG", "1-1-2027", Decision::Approved, "", T0),
        Err(Refusal::BadDate(_))
    ));
    assert!(
        a.sign_off("FG", "2027-01-01", Decision::Rejected, "", T0)
            .is_ok()
    );
}

#[test]
fn changing_an_answer_is_recorded_from_and_to() {
    let bank = Bank::embedded().unwrap();
    let mut a = direct_marketing(&bank);
    let before = a.record.history.len();
    answer(&mut a, "existing_consent", json!("some"), T0);
    answer(&mut a, "existing_consent", json!("some"), T0);
    let new: Vec<&Event> = a.record.history[before..].iter().collect();
    assert_eq!(
        new.len(),
        1,
        "one change, and giving the same answer again adds nothing: {new:?}"
    );
    assert!(
        matches!(new[0], Event::Changed { question, from, to, .. } if question == "existing_consent" && from == &json!("all") && to == &json!("some"))
    );
    let advice = a.record.outcome.as_ref().unwrap();
    assert!(
        advice
            .actions
            .iter()
            .any(|x| x.id == "consent_transition_plan"),
        "the advice shown follows the change"
    );
}
