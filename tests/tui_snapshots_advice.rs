//! Screen snapshots of the interface once the questions are answered, drawn into ratatui's
//! `TestBackend` at 80×24 and 120×40: the review, the advice (an action expanded, a plan not
//! allowed with its remedies, a signed-off record read in English), the sign-off form and the
//! export form with its question whether to overwrite.
//! Everything is fixed: the record id, the clock and the store's location, so a snapshot changes
//! only when a screen does. Review changes with `cargo insta review`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use avg_wijzer::app;
use avg_wijzer::record::Decision;
use avg_wijzer::text::Lang;
use avg_wijzer::tui::app::*;
use serde_json::{Value, json};

mod common;
use common::screens::{assessment, complete, model, render};
use common::{NOW, bank};

#[test]
fn review_screen() {
    let bank = bank();
    let mut m = model(&bank, Lang::Nl);
    m.work = Some(Work::Editing(app::Work::unsaved(assessment(
        &bank,
        &complete(),
    ))));
    m.screen = Screen::Review(Review { cursor: 2 });
    snap!("review", &m);
}

#[test]
fn advice_screen() {
    let bank = bank();
    let mut m = model(&bank, Lang::Nl);
    m.work = Some(Work::Editing(app::Work::unsaved(assessment(
        &bank,
        &complete(),
    ))));
    m.screen = Screen::Advice(AdviceView::default());
    snap!("advice", &m);
}

#[test]
fn advice_with_an_action_expanded() {
    let bank = bank();
    let mut m = model(&bank, Lang::Nl);
    m.work = Some(Work::Editing(app::Work::unsaved(assessment(
        &bank,
        &complete(),
    ))));
    let mut v = AdviceView {
        cursor: 1,
        ..AdviceView::default()
    };
    v.expanded.insert(1);
    m.screen = Screen::Advice(v);
    snap!("advice_expanded", &m);
}

/// The example campaign with school-library members in the audience: not allowed as planned.
fn with_school_library_members() -> Vec<(&'static str, Value)> {
    complete()
        .into_iter()
        .map(|(id, v)| match id {
            "audience" => (id, json!(["existing_customers", "school_library_members"])),
            _ => (id, v),
        })
        .collect()
}

#[test]
fn advice_not_allowed_leads_with_what_blocks_it_and_the_remedies() {
    let bank = bank();
    let a = assessment(&bank, &with_school_library_members());
    let advice = a.record.outcome.clone().expect("complete");
    assert!(!advice.remedies.is_empty(), "remedies for a blocked plan");
    let items = advice_items(&advice);
    let first_remedy = items
        .iter()
        .position(|i| matches!(i, AdviceItem::Remedy(_)))
        .expect("a remedy on the screen");
    assert!(items[..first_remedy].iter().all(|i| i.leads()));
    assert!(items.iter().skip_while(|i| i.leads()).all(|i| !i.leads()));
    let mut m = model(&bank, Lang::Nl);
    m.work = Some(Work::Editing(app::Work::unsaved(a)));
    let mut v = AdviceView {
        cursor: first_remedy,
        ..AdviceView::default()
    };
    v.expanded.insert(first_remedy);
    m.screen = Screen::Advice(v);
    snap!("advice_not_allowed", &m);
}

#[test]
fn advice_in_english_read_only_and_signed_off() {
    let bank = bank();
    let mut a = assessment(&bank, &complete());
    a.record.lang = Lang::En;
    a.sign_off(
        "Fatima de Vries",
        "2026-11-23",
        Decision::ApprovedWithConditions,
        "Update the privacy statement first",
        NOW,
    )
    .expect("sign-off");
    let mut m = model(&bank, Lang::En);
    m.work = Some(Work::Viewing(a.record));
    m.screen = Screen::Advice(AdviceView::default());
    snap!("advice_signed_en", &m);
    // Further down, the sign-off, its date in words.
    let tall = render(&m, 120, 200);
    assert!(
        tall.contains("Signed off by Fatima de Vries (23 November 2026): APPROVED WITH CONDITIONS"),
        "{tall}"
    );
}

#[test]
fn sign_off_form() {
    let bank = bank();
    let mut m = model(&bank, Lang::Nl);
    m.work = Some(Work::Editing(app::Work::unsaved(assessment(
        &bank,
        &complete(),
    ))));
    let mut f = SignOffForm::new("2026-11-23", Lang::Nl);
    f.name = TextField::with_text("Fatima de Vries", Lang::Nl);
    f.decision = Some(Decision::ApprovedWithConditions);
    f.conditions = TextField::with_text("Eerst de privacyverklaring aanpassen", Lang::Nl);
    f.key = TextField::with_text("/home/fatima/.ssh/id_ed25519", Lang::Nl);
    f.passphrase = TextField::with_text("geheim", Lang::Nl);
    f.focus = SignField::Decision;
    m.screen = Screen::SignOff(Box::new(f));
    snap!("sign_off", &m);
}

#[test]
fn export_form_and_overwrite_question() {
    let bank = bank();
    let mut m = model(&bank, Lang::Nl);
    m.work = Some(Work::Editing(app::Work::unsaved(assessment(
        &bank,
        &complete(),
    ))));
    m.screen = Screen::Export(ExportForm {
        format: 1,
        path: TextField::with_text("20261123-101500-00000000aa.html", Lang::Nl),
        path_edited: false,
        focus: ExportField::Format,
    });
    snap!("export", &m);
    m.overlay = Overlay::Confirm(Confirm::Overwrite {
        path: "20261123-101500-00000000aa.html".into(),
        format: ExportFormat::Html,
    });
    snap!("export_overwrite", &m);
}
