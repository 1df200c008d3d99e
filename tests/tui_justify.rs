//! The justification field of the question screen, driven by `update` as a person would: Tab
//! to it under the yes/no, type, Enter saves it with the answer; it is optional; leaving with
//! it unsaved asks first; coming back shows it; the review shows it. A snapshot of the screen in
//! Dutch and English.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use avg_wijzer::app;
use avg_wijzer::bank::Bank;
use avg_wijzer::record::{Assessment, Campaign, Event};
use avg_wijzer::text::Lang;
use avg_wijzer::tui::app::*;
use avg_wijzer::tui::keymap::{Action, Ctx};
use avg_wijzer::tui::theme::Theme;
use avg_wijzer::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serde_json::json;

mod common;
use common::tui::{answer_of, begin, choice, key, keys, model, on, typed};
use common::{NOW, bank, fixed_clock};

/// From the first question to the first condition of the legitimate interest.
fn to_li_interest(m: &mut common::Ui) {
    use Action::*;
    typed(m, "Meer jeugdleden");
    key(m, Select);
    keys(m, &[Down, Select]); // coverage analysis
    keys(m, &[Down, Select]); // full address
    key(m, Select); // POI licence
    keys(m, &[Down, Select]); // legitimate interest
    assert_eq!(on(m), "li_interest");
}

fn focus(m: &Model) -> Pane {
    match &m.screen {
        Screen::Question(s) => s.focus,
        _ => panic!("not on a question"),
    }
}

fn field(m: &Model) -> String {
    match &m.screen {
        Screen::Question(s) => s.justification.text.clone(),
        _ => panic!("not on a question"),
    }
}

#[test]
fn tab_to_the_field_type_and_enter_saves_it_with_the_answer() {
    use Action::*;
    let bank = bank();
    let mut m = model(&bank, None);
    begin(&mut m);
    to_li_interest(&mut m);
    key(&mut m, NextPanel);
    assert_eq!(focus(&m), Pane::Justification);
    assert_eq!(m.context(), Ctx::Typing);
    typed(&mut m, "Meer jeugdleden in wijk X.");
    key(&mut m, Select);
    assert_eq!(on(&m), "li_compatible");
    assert_eq!(
        answer_of(&m, "li_interest"),
        choice(&bank, "li_interest", "yes")
    );
    let r = m.record().unwrap();
    assert_eq!(
        r.justification("li_interest"),
        Some("Meer jeugdleden in wijk X.")
    );
    assert!(matches!(r.history.last(), Some(Event::Justified { .. })));
    // Optional: Enter on the options answers without one.
    key(&mut m, Select);
    assert_eq!(on(&m), "li_necessary");
    assert_eq!(m.record().unwrap().justification("li_compatible"), None);
    // Back to the first condition: the field holds what was saved.
    keys(&mut m, &[Back, Back]);
    assert_eq!(on(&m), "li_interest");
    assert_eq!(field(&m), "Meer jeugdleden in wijk X.");
    // Down in the field goes on to the next panel, Up from the options does not reach it.
    key(&mut m, NextPanel);
    key(&mut m, Clear);
    key(&mut m, Select);
    assert_eq!(m.record().unwrap().justification("li_interest"), None);
}

#[test]
fn leaving_with_an_unsaved_justification_asks_first() {
    use Action::*;
    let bank = bank();
    let mut m = model(&bank, None);
    begin(&mut m);
    to_li_interest(&mut m);
    key(&mut m, NextPanel);
    typed(&mut m, "Nog niet bewaard");
    key(&mut m, Leave);
    assert!(matches!(m.overlay, Overlay::Confirm(Confirm::Discard)));
    key(&mut m, No);
    assert_eq!(on(&m), "li_interest");
    assert_eq!(field(&m), "Nog niet bewaard");
    // The guard warns in the field as in any other.
    typed(&mut m, " 06-12345678");
    let Screen::Question(s) = &m.screen else {
        panic!()
    };
    assert!(s.justification.warning.is_some());
}

#[test]
fn a_question_without_one_has_no_field_to_tab_to() {
    use Action::*;
    let bank = bank();
    let mut m = model(&bank, None);
    begin(&mut m);
    typed(&mut m, "Doel");
    key(&mut m, Select);
    assert_eq!(on(&m), "use_case");
    for _ in 0..4 {
        key(&mut m, NextPanel);
        assert_ne!(focus(&m), Pane::Justification);
    }
}

#[test]
fn the_review_shows_it_under_the_answer() {
    use Action::*;
    let bank = bank();
    let mut m = model(&bank, None);
    begin(&mut m);
    to_li_interest(&mut m);
    key(&mut m, NextPanel);
    typed(&mut m, "Meer jeugdleden in wijk X.");
    keys(&mut m, &[Select, Select, Select, Select]);
    assert_eq!(on(&m), "review");
    let screen = render(&m, 100, 40);
    assert!(
        screen.contains("Toelichting: Meer jeugdleden in wijk X."),
        "{screen}"
    );
}

// ---------------------------------------------------------------------------------------------
// Snapshots

fn render(m: &Model, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal
        .draw(|f| {
            view::draw(f, m);
        })
        .expect("draw");
    format!("{}", terminal.backend())
}

/// The first condition of the legitimate interest on screen, its justification typed.
fn on_li_interest(bank: &Bank, lang: Lang) -> Model<'_> {
    let mut a = Assessment::start(
        bank,
        "20261123-101500-00000000aa".into(),
        Campaign {
            name: "Jeugdleden wijk X".into(),
            ..Campaign::default()
        },
        vec![],
        lang,
        NOW,
    );
    for (id, v) in [
        ("campaign_purpose", json!("Meer jeugdleden")),
        ("use_case", json!("coverage_analysis")),
        ("postcode_granularity", json!("pc6_house_number")),
        ("envisia_access", json!("poi_license")),
        ("legal_basis", json!("legitimate_interest")),
    ] {
        let q = bank.question_id(id).unwrap();
        let answer = bank.questions[q].parse_answer(&v).unwrap();
        a.answer(q, answer, NOW).unwrap();
    }
    let q = a.session.walk(bank).pending.unwrap();
    let mut m = Model::new(bank, lang, String::new());
    m.clock = fixed_clock;
    m.theme = Theme::with_color(true);
    let mut s = Asking::new(bank, q, None, Origin::Flow, lang);
    s.focus = Pane::Justification;
    s.justification = TextField::with_text("Meer jeugdleden in wijk X", lang);
    m.screen = Screen::Question(s);
    m.work = Some(Work::Editing(app::Work::unsaved(a)));
    m
}

#[test]
fn question_with_a_justification_field() {
    let bank = bank();
    for (lang, name) in [(Lang::Nl, "nl"), (Lang::En, "en")] {
        let m = on_li_interest(&bank, lang);
        let screen = render(&m, 80, 24);
        insta::assert_snapshot!(format!("justification_field_{name}_80x24"), screen);
        let small = render(&m, 80, 22);
        insta::assert_snapshot!(format!("justification_field_{name}_80x22"), small);
    }
    let m = on_li_interest(&bank, Lang::En);
    let screen = render(&m, 120, 40);
    for needle in [
        "What is the library's interest?",
        "Justification (optional)",
        "[Meer jeugdleden in wijk X",
        "Tab: to the justification.",
    ] {
        assert!(screen.contains(needle), "{needle:?} in {screen}");
    }
}
