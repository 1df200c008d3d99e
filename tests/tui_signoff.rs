//! The sign-off form as an FG trusts it: no decision chosen for them, a summary of what will
//! be frozen before anything is signed (signed only with the explicit yes), the conditions
//! required with "approved with conditions", further signers with their roles; and snapshots of
//! the form and the summary at the smallest size and a larger one.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use avg_wijzer::app;
use avg_wijzer::record::{Decision, Event, Signer, Status};
use avg_wijzer::text::Lang;
use avg_wijzer::tui::app::*;
use avg_wijzer::tui::keymap::{Action, Ctx};

mod common;
use common::screens::{assessment, complete, render};
use common::tui::{answer_all, begin, key, keys, model, on, typed};
use common::{Scratch, Ui, bank};

/// From the start to the sign-off form of a completed assessment, saved in `store`.
fn to_sign_off<'b>(bank: &'b avg_wijzer::bank::Bank, store: &Scratch) -> Ui<'b> {
    let mut m = model(bank, Some(store.open_store()));
    begin(&mut m);
    answer_all(&mut m);
    keys(&mut m, &[Action::Bottom, Action::Select]);
    key(&mut m, Action::SignOff);
    assert_eq!(on(&m), "sign-off");
    m
}

fn form<'a>(m: &'a Model) -> &'a SignOffForm {
    match &m.screen {
        Screen::SignOff(f) => f,
        _ => panic!("not on the sign-off form"),
    }
}

fn error_text(m: &Model) -> String {
    let n = m.status.as_ref().expect("a notice");
    assert_eq!(n.kind, NoticeKind::Error);
    n.text.clone()
}

#[test]
fn no_decision_is_chosen_for_the_fg_and_signing_without_one_says_so() {
    use Action::*;
    let store = Scratch::new("no-preselection");
    let bank = bank();
    let mut m = to_sign_off(&bank, &store);
    assert_eq!(form(&m).decision, None);
    assert_eq!(
        form(&m).role.text,
        "functionaris gegevensbescherming (FG)",
        "the FG's role, in the interface's language"
    );
    typed(&mut m, "Fatima de Vries");
    // Name → role → date → decision (left alone) → remarks; Enter there checks.
    keys(&mut m, &[Select, Select, Select, Select]);
    assert_eq!(form(&m).focus, SignField::Remarks);
    key(&mut m, Select);
    assert!(
        error_text(&m).contains("kies een besluit"),
        "{}",
        error_text(&m)
    );
    assert_eq!(
        form(&m).focus,
        SignField::Decision,
        "the focus where it is missing"
    );
    assert!(!form(&m).confirming);
    assert!(m.record().unwrap().signoff.is_none());
    // → chooses the first, ← goes round to the last.
    key(&mut m, Right);
    assert_eq!(form(&m).decision, Some(Decision::Approved));
    key(&mut m, Left);
    assert_eq!(form(&m).decision, Some(Decision::Rejected));
}

#[test]
fn enter_shows_the_summary_and_only_yes_signs() {
    use Action::*;
    let store = Scratch::new("summary");
    let bank = bank();
    let mut m = to_sign_off(&bank, &store);
    typed(&mut m, "Fatima de Vries");
    keys(&mut m, &[Select, Select, Select, Right, Select]);
    typed(&mut m, "Goed voorbereid");
    key(&mut m, Select);
    assert!(form(&m).confirming, "the summary, not a sign-off");
    assert_eq!(m.context(), Ctx::Dialog);
    let shown = render(&m, 80, 22);
    for part in [
        "Oordeel: Toegestaan, met acties",
        "Verplichte acties: 8",
        "Ondertekend door: Fatima de Vries, functionaris gegevensbescherming (FG)",
        "Datum: 23 november 2026",
        "Besluit: goedgekeurd",
        "Opmerkingen: Goed voorbereid",
        "Druk op j om af te tekenen",
    ] {
        assert!(shown.contains(part), "{part}\n{shown}");
    }
    // Enter does not sign here, nor does typing; Esc goes back with everything kept.
    key(&mut m, Select);
    typed(&mut m, "x");
    assert!(m.record().unwrap().signoff.is_none());
    key(&mut m, No);
    let f = form(&m);
    assert!(!f.confirming);
    assert_eq!(f.name.text, "Fatima de Vries");
    assert_eq!(f.remarks.text, "Goed voorbereid");
    assert_eq!(f.decision, Some(Decision::Approved));
    assert!(m.record().unwrap().signoff.is_none());
    // Again, and yes.
    keys(&mut m, &[Select, Yes]);
    assert_eq!(on(&m), "advice");
    let r = m.record().unwrap();
    assert_eq!(r.status, Status::SignedOff);
    assert_eq!(r.signoff.as_ref().unwrap().remarks, "Goed voorbereid");
}

#[test]
fn approved_with_conditions_needs_the_conditions() {
    use Action::*;
    let store = Scratch::new("conditions");
    let bank = bank();
    let mut m = to_sign_off(&bank, &store);
    typed(&mut m, "Fatima de Vries");
    keys(&mut m, &[Select, Select, Select]);
    assert!(!form(&m).fields().contains(&SignField::Conditions));
    keys(&mut m, &[Right, Right]);
    assert!(
        form(&m).fields().contains(&SignField::Conditions),
        "shown for it"
    );
    // Past the empty conditions to the remarks, and Enter: refused, the focus on them.
    keys(&mut m, &[NextPanel, NextPanel]);
    assert_eq!(form(&m).focus, SignField::Remarks);
    key(&mut m, Select);
    assert!(error_text(&m).contains("voorwaarden"), "{}", error_text(&m));
    assert_eq!(form(&m).focus, SignField::Conditions);
    typed(&mut m, "Eerst de privacyverklaring aanpassen");
    keys(&mut m, &[NextPanel, Select]);
    let shown = render(&m, 100, 30);
    assert!(
        shown.contains("Voorwaarden: Eerst de privacyverklaring aanpassen"),
        "{shown}"
    );
    key(&mut m, Yes);
    let r = m.record().unwrap().clone();
    let so = r.signoff.as_ref().unwrap();
    assert_eq!(so.conditions, "Eerst de privacyverklaring aanpassen");
    // On the advice screen too.
    let shown = render(&m, 120, 200);
    assert!(
        shown.contains("Voorwaarden: Eerst de privacyverklaring aanpassen"),
        "{shown}"
    );
}

#[test]
fn conditions_typed_for_another_decision_are_not_kept() {
    use Action::*;
    let store = Scratch::new("conditions-dropped");
    let bank = bank();
    let mut m = to_sign_off(&bank, &store);
    typed(&mut m, "Fatima de Vries");
    keys(&mut m, &[Select, Select, Select, Right, Right, NextPanel]);
    typed(&mut m, "Iets");
    // Back to the decision, and on to "rejected": no conditions asked or kept.
    keys(&mut m, &[PrevPanel, Right, NextPanel, Select, Yes]);
    let so = m.record().unwrap().signoff.clone().unwrap();
    assert_eq!(so.decision, Decision::Rejected);
    assert_eq!(so.conditions, "");
}

#[test]
fn two_signers_each_with_a_role() {
    use Action::*;
    let store = Scratch::new("two-signers-tui");
    let bank = bank();
    let mut m = to_sign_off(&bank, &store);
    typed(&mut m, "Fatima de Vries");
    keys(&mut m, &[Select, Select, Select, Right, Select, NextPanel]);
    assert_eq!(form(&m).focus, SignField::AddSigner);
    assert_eq!(m.context(), Ctx::Nav);
    key(&mut m, Select);
    assert_eq!(form(&m).focus, SignField::SignerName(0));
    typed(&mut m, "Jan Smit");
    // A second line added and left empty is no signer; a role missing is said.
    keys(
        &mut m,
        &[
            NextPanel, NextPanel, Select, NextPanel, NextPanel, NextPanel,
        ],
    );
    assert_eq!(form(&m).also.len(), 2);
    assert_eq!(form(&m).focus, SignField::Key);
    key(&mut m, Select);
    assert!(error_text(&m).contains("de rol van ondertekenaar 2 ontbreekt"));
    assert_eq!(form(&m).focus, SignField::SignerRole(0));
    assert_eq!(form(&m).also.len(), 1);
    typed(&mut m, "directeur");
    keys(&mut m, &[NextPanel, NextPanel, Select]);
    let shown = render(&m, 80, 22);
    assert!(
        shown.contains("Fatima de Vries, functionaris gegevensbescherming (FG); Jan"),
        "{shown}"
    );
    key(&mut m, Yes);
    let r = m.record().unwrap().clone();
    let so = r.signoff.as_ref().unwrap();
    let jan = Signer {
        name: "Jan Smit".into(),
        role: "directeur".into(),
    };
    assert_eq!(so.role, "functionaris gegevensbescherming (FG)");
    assert_eq!(so.also, std::slice::from_ref(&jan));
    assert!(r.history.iter().any(|e| matches!(
        e,
        Event::SignedOff { role, also, .. }
            if role == "functionaris gegevensbescherming (FG)" && also == std::slice::from_ref(&jan)
    )));
    let saved = store.open_store().load(&r.id).unwrap();
    assert!(saved.unverified.is_none(), "saved and intact");
    assert_eq!(saved.record.signoff, r.signoff);
}

/// A model on the sign-off form of the example, filled in as `fill` says.
fn drawn(fill: impl FnOnce(&mut SignOffForm)) -> (avg_wijzer::bank::Bank, SignOffForm) {
    let mut f = SignOffForm::new("2026-11-23", Lang::Nl);
    fill(&mut f);
    (bank(), f)
}

fn snap_sizes(name: &str, bank: &avg_wijzer::bank::Bank, f: SignOffForm) {
    let mut m = common::screens::model(bank, Lang::Nl);
    m.work = Some(Work::Editing(app::Work::unsaved(assessment(
        bank,
        &complete(),
    ))));
    m.screen = Screen::SignOff(Box::new(f));
    for (w, h) in [(80, 22), (100, 30)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(&m, w, h));
    }
}

fn filled(f: &mut SignOffForm) {
    f.name = TextField::with_text("Fatima de Vries", Lang::Nl);
    f.decision = Some(Decision::ApprovedWithConditions);
    f.conditions = TextField::with_text("Eerst de privacyverklaring aanpassen", Lang::Nl);
    f.also.push(SignerFields {
        name: TextField::with_text("Jan Smit", Lang::Nl),
        role: TextField::with_text("directeur", Lang::Nl),
    });
}

#[test]
fn snapshot_the_empty_form() {
    let (bank, f) = drawn(|_| {});
    snap_sizes("sign_off_empty", &bank, f);
}

#[test]
fn snapshot_the_form_with_conditions_and_a_second_signer() {
    let (bank, f) = drawn(|f| {
        filled(f);
        f.focus = SignField::SignerRole(0);
    });
    snap_sizes("sign_off_two_signers", &bank, f);
}

#[test]
fn snapshot_the_summary_before_signing() {
    let (bank, f) = drawn(|f| {
        filled(f);
        f.remarks = TextField::with_text("Besproken met de directie", Lang::Nl);
        f.confirming = true;
    });
    snap_sizes("sign_off_summary", &bank, f);
}
