//! Screen snapshots of the interface's questions, drawn into ratatui's `TestBackend` at 80×24 and
//! 120×40: each kind of question, the list of answers focused, the explanation hidden, and what
//! opens over a question (help, a note, the question whether to leave unconfirmed choices).
//! Everything is fixed: the record id, the clock and the store's location, so a snapshot changes
//! only when a screen does. Review changes with `cargo insta review`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use avg_wijzer::app;
use avg_wijzer::text::Lang;
use avg_wijzer::tui::app::*;
use serde_json::json;

mod common;
use common::screens::{assessment, complete, on_question};
use common::{NOW, bank};

#[test]
fn free_text_question() {
    let bank = bank();
    let (mut m, q) = on_question(&bank, &[]);
    assert_eq!(bank.questions[q].kind.name(), "text");
    if let Screen::Question(s) = &mut m.screen {
        s.text.set("Meer jonge gezinnen", Lang::Nl);
    }
    snap!("question_text", &m);
}

#[test]
fn single_choice_question() {
    let bank = bank();
    let (m, q) = on_question(&bank, &complete()[..1]);
    assert_eq!(bank.questions[q].kind.name(), "single");
    snap!("question_single", &m);
}

#[test]
fn multiple_choice_question_with_boxes_checked() {
    let bank = bank();
    let (mut m, q) = on_question(&bank, &complete()[..5]);
    assert_eq!(bank.questions[q].kind.name(), "multiple");
    if let Screen::Question(s) = &mut m.screen {
        s.marks = 0b101;
        s.cursor = 2;
    }
    snap!("question_multiple", &m);
}

#[test]
fn yes_no_question() {
    let bank = bank();
    let (m, q) = on_question(&bank, &complete()[..7]);
    assert_eq!(bank.questions[q].kind.name(), "yes_no");
    snap!("question_yes_no", &m);
}

#[test]
fn yes_no_unknown_question() {
    let bank = bank();
    let (m, q) = on_question(
        &bank,
        &[
            ("campaign_purpose", json!("")),
            ("use_case", json!("address_selection")),
            ("postcode_granularity", json!("pc6")),
        ],
    );
    assert_eq!(bank.questions[q].kind.name(), "yes_no_unknown");
    snap!("question_yes_no_unknown", &m);
}

#[test]
fn question_with_the_answered_list_focused_and_a_note() {
    let bank = bank();
    let (mut m, _) = on_question(&bank, &complete()[..4]);
    let mut a = assessment(&bank, &complete()[..4]);
    a.note(Some("use_case"), "Besproken met de FG", NOW)
        .expect("note");
    m.work = Some(Work::Editing(app::Work::unsaved(a)));
    if let Screen::Question(s) = &mut m.screen {
        s.focus = Pane::Answers;
        s.answers_cursor = 1;
    }
    snap!("question_answers_list", &m);
}

#[test]
fn question_with_the_explanation_hidden() {
    let bank = bank();
    let (mut m, _) = on_question(&bank, &complete()[..2]);
    if let Screen::Question(s) = &mut m.screen {
        s.explain = Explain::Hidden;
    }
    snap!("question_explanation_hidden", &m);
}

#[test]
fn help_open() {
    let bank = bank();
    let (mut m, _) = on_question(&bank, &complete()[..2]);
    m.overlay = Overlay::Help { scroll: 0 };
    snap!("help", &m);
}

#[test]
fn note_editor_open() {
    let bank = bank();
    let (mut m, q) = on_question(&bank, &complete()[..2]);
    m.overlay = Overlay::Note {
        question: Some(q),
        field: TextField::with_text("Bel 06-12345678 voor de cijfers", Lang::Nl),
    };
    snap!("note", &m);
}

#[test]
fn leave_with_unconfirmed_choices_asks() {
    let bank = bank();
    let (mut m, _) = on_question(&bank, &complete()[..5]);
    m.overlay = Overlay::Confirm(Confirm::Discard);
    snap!("confirm_discard", &m);
}
