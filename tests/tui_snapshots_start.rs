//! Screen snapshots of the interface's start, drawn into ratatui's `TestBackend` at 80×24 and
//! 120×40: the start screen loading, with records and in English, the new-assessment form, the
//! screen too small to draw on; and the first frame and the record list kept in step.
//! Everything is fixed: the record id, the clock and the store's location, so a snapshot changes
//! only when a screen does. Review changes with `cargo insta review`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use avg_wijzer::record::Status;
use avg_wijzer::text::Lang;
use avg_wijzer::tui::app::*;
use avg_wijzer::tui::theme::Theme;
use avg_wijzer::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod common;
use common::bank;
use common::screens::{SIZES, assessment, complete, listing, model, render};

#[test]
fn start_screen_while_loading() {
    let bank = bank();
    let m = model(&bank, Lang::Nl);
    snap!("start_loading", &m);
}

#[test]
fn start_screen_with_records() {
    let bank = bank();
    let mut m = model(&bank, Lang::Nl);
    m.records = Records::Loaded(listing());
    m.screen = Screen::Start(Start {
        cursor: 1,
        ..Start::default()
    });
    snap!("start_records", &m);
}

#[test]
fn start_screen_in_english() {
    let bank = bank();
    let mut m = model(&bank, Lang::En);
    m.records = Records::Loaded(listing());
    snap!("start_en", &m);
}

#[test]
fn new_assessment_form_with_a_guard_warning() {
    let bank = bank();
    let mut m = model(&bank, Lang::Nl);
    let mut f = NewForm::new();
    f.name.set("Voorjaarsactie 2027", Lang::Nl);
    f.description.set("Mail naar jan@example.nl", Lang::Nl);
    f.focus = NewField::Description;
    m.screen = Screen::NewForm(f);
    snap!("new_form", &m);
}

#[test]
fn too_small() {
    let bank = bank();
    let m = model(&bank, Lang::Nl);
    for (w, h) in [(79, 22), (80, 21), (40, 10)] {
        insta::assert_snapshot!(format!("too_small_{w}x{h}"), render(&m, w, h));
    }
}

#[test]
fn the_record_list_is_kept_in_step_without_reading_the_store() {
    let bank = bank();
    let a = assessment(&bank, &complete());
    let row = Row::of(&a.record);
    assert_eq!(row.status, Status::Completed);
    assert_eq!(row.id(), a.record.id.as_str());
    assert_eq!(row.campaign(), "Voorjaarsactie 2027");
    assert_eq!(row.verdict(), Some("allowed_with_actions"));
}

#[test]
fn the_first_frame_before_loading_is_the_start_screen() {
    let bank = bank();
    let mut m = model(&bank, Lang::Nl);
    m.theme = Theme { color: false };
    for (w, h) in SIZES {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
        terminal
            .draw(|f| view::draw_first(f, Lang::Nl, m.theme, &m.store_shown))
            .expect("draw");
        assert_eq!(format!("{}", terminal.backend()), render(&m, w, h));
    }
}
