//! The form of the library's profile in the full-screen interface: driven through `update` as
//! the event loop drives it (opened from the start screen, filled in, saved through the
//! workflow, left with and without changes, a save refused, a profile that cannot be read),
//! and drawn, in Dutch and English.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;

use avg_wijzer::app;
use avg_wijzer::profile::Field;
use avg_wijzer::store::{PROFILE_FILE, Seen};
use avg_wijzer::text::Lang;
use avg_wijzer::tui::action::Action;
use avg_wijzer::tui::app::{Confirm, Overlay, Records, Screen};
use avg_wijzer::tui::message::Message;
use avg_wijzer::tui::theme::Theme;
use avg_wijzer::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod common;
use common::english::english;
use common::profile::full;
use common::{BANK, Scratch, Ui, fixed_clock};

fn ui(s: &Scratch, lang: Lang) -> Ui<'static> {
    let mut ui = Ui::new(&BANK, lang, Some(s.open_store()), false, fixed_clock);
    ui.theme = Theme::with_color(false);
    ui.records = Records::Loaded(Default::default());
    ui
}

fn key(ui: &mut Ui, action: Action) {
    ui.send(Message::Key(action));
}

fn typed(ui: &mut Ui, text: &str) {
    for c in text.chars() {
        ui.send(Message::Input(c));
    }
}

/// The text of the field `f` on the profile's form.
fn field(ui: &Ui, f: Field) -> String {
    ui.profile_form()
        .expect("the form is open")
        .field(f)
        .text
        .clone()
}

fn status(ui: &Ui) -> String {
    ui.status
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

fn draw(ui: &Ui, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| {
            view::draw(f, ui);
        })
        .unwrap();
    format!("{}", terminal.backend())
}

#[test]
fn the_form_fills_in_saves_and_opens_again() {
    let s = Scratch::new("profile-tui");
    let mut ui = ui(&s, Lang::Nl);
    key(&mut ui, Action::Profile);
    assert!(matches!(ui.overlay, Overlay::Profile(_)));
    assert!(
        matches!(ui.screen, Screen::Start(_)),
        "over the start screen"
    );
    assert_eq!(ui.profile_form().unwrap().focus, Field::Name);
    typed(&mut ui, "Bibliotheek Rivierenland");
    key(&mut ui, Action::NextPanel);
    key(&mut ui, Action::NextPanel);
    typed(&mut ui, "4012 3456");
    // A line break only where the item holds several lines.
    key(&mut ui, Action::NewLine);
    assert_eq!(field(&ui, Field::Kvk), "4012 3456");
    key(&mut ui, Action::PrevPanel);
    key(&mut ui, Action::PrevPanel);
    key(&mut ui, Action::PrevPanel);
    assert_eq!(ui.profile_form().unwrap().focus, Field::Retention, "round");
    ui.send(Message::Paste(
        "Deelnemerslijsten: 1 jaar\r\nFoto's: 2 jaar".into(),
    ));
    key(&mut ui, Action::PrevPanel);
    typed(&mut ui, "Versleutelde laptops");
    key(&mut ui, Action::NewLine);
    typed(&mut ui, "Tweestapsverificatie");
    key(&mut ui, Action::Select);
    assert!(matches!(ui.overlay, Overlay::None), "saved and closed");
    assert_eq!(status(&ui), "Bibliotheekprofiel bewaard.");
    let p = s.open_store().load_profile().unwrap().profile;
    assert_eq!(p.get(Field::Name), Some("Bibliotheek Rivierenland"));
    assert_eq!(p.get(Field::Kvk), Some("40123456"));
    assert_eq!(
        p.get(Field::Security),
        Some("Versleutelde laptops\nTweestapsverificatie")
    );
    assert_eq!(
        p.get(Field::Retention),
        Some("Deelnemerslijsten: 1 jaar\nFoto's: 2 jaar")
    );
    assert_eq!(p.missing().len(), 4);

    // Opened again, the form holds what was saved; Enter without a change writes nothing.
    key(&mut ui, Action::Profile);
    assert_eq!(field(&ui, Field::Kvk), "40123456");
    assert_eq!(field(&ui, Field::Address), "");
    let before = fs::read(s.store().join(PROFILE_FILE)).unwrap();
    key(&mut ui, Action::Select);
    assert!(matches!(ui.overlay, Overlay::None));
    assert_eq!(status(&ui), "Bibliotheekprofiel niet gewijzigd.");
    assert_eq!(fs::read(s.store().join(PROFILE_FILE)).unwrap(), before);
}

#[test]
fn a_refused_value_keeps_the_form_open_on_its_field() {
    let s = Scratch::new("profile-tui-refused");
    let mut ui = ui(&s, Lang::Nl);
    key(&mut ui, Action::Profile);
    typed(&mut ui, "Bibliotheek");
    key(&mut ui, Action::NextPanel);
    key(&mut ui, Action::NextPanel);
    typed(&mut ui, "123");
    key(&mut ui, Action::NextPanel);
    key(&mut ui, Action::Select);
    assert!(matches!(ui.overlay, Overlay::Profile(_)), "the form stays");
    assert_eq!(ui.profile_form().unwrap().focus, Field::Kvk);
    assert_eq!(
        status(&ui),
        "KvK-nummer: \"123\" is geen KvK-nummer: dat zijn 8 cijfers, zoals 12345678"
    );
    assert!(!s.store().join(PROFILE_FILE).exists(), "nothing saved");
    key(&mut ui, Action::Clear);
    key(&mut ui, Action::Select);
    assert!(matches!(ui.overlay, Overlay::None));
    assert_eq!(
        s.open_store()
            .load_profile()
            .unwrap()
            .profile
            .get(Field::Name),
        Some("Bibliotheek")
    );
}

#[test]
fn leaving_with_changes_asks_first() {
    let s = Scratch::new("profile-tui-leave");
    let mut ui = ui(&s, Lang::Nl);
    // Nothing changed: Esc leaves at once.
    key(&mut ui, Action::Profile);
    key(&mut ui, Action::Leave);
    assert!(matches!(ui.overlay, Overlay::None));
    // Something typed: Esc asks; no goes back to the form as it was.
    key(&mut ui, Action::Profile);
    typed(&mut ui, "Bieb");
    key(&mut ui, Action::Leave);
    assert!(matches!(
        ui.overlay,
        Overlay::Confirm(Confirm::DiscardProfile(_))
    ));
    assert!(draw(&ui, 80, 24).contains("Toch verlaten?"));
    assert!(
        draw(&ui, 80, 24).contains("Bibliotheekprofiel"),
        "the form stays in view"
    );
    key(&mut ui, Action::No);
    assert!(matches!(ui.overlay, Overlay::Profile(_)));
    assert_eq!(field(&ui, Field::Name), "Bieb");
    // Yes gives it up: nothing saved, back on the start screen.
    key(&mut ui, Action::Leave);
    key(&mut ui, Action::Yes);
    assert!(matches!(ui.overlay, Overlay::None));
    assert!(matches!(ui.screen, Screen::Start(_)));
    assert!(!s.store().join(PROFILE_FILE).exists());
}

#[test]
fn a_save_after_another_is_refused_and_the_form_stays() {
    let s = Scratch::new("profile-tui-elsewhere");
    let mut ui = ui(&s, Lang::Nl);
    key(&mut ui, Action::Profile);
    typed(&mut ui, "Mijn venster");
    // Another process saves the profile meanwhile.
    app::set_profile(&s.open_store(), &[(Field::Kvk, "12345678")]).unwrap();
    key(&mut ui, Action::Select);
    assert!(matches!(ui.overlay, Overlay::Profile(_)), "the form stays");
    assert!(
        status(&ui).starts_with("Opslaan mislukt: ")
            && status(&ui).contains(
                "het bibliotheekprofiel is intussen door een ander venster of proces opgeslagen"
            ),
        "{}",
        status(&ui)
    );
    let p = s.open_store().load_profile().unwrap().profile;
    assert_eq!(
        (p.get(Field::Name), p.get(Field::Kvk)),
        (None, Some("12345678"))
    );
}

#[test]
fn an_unreadable_profile_is_said_on_the_start_screen() {
    let s = Scratch::new("profile-tui-unreadable");
    let mut ui = ui(&s, Lang::En);
    fs::write(s.store().join(PROFILE_FILE), "{\"format\": 1}").unwrap();
    key(&mut ui, Action::Profile);
    assert!(matches!(ui.overlay, Overlay::None));
    assert_eq!(
        status(&ui),
        format!(
            "{}: not an AVG-wijzer library profile (\"format\" is not \"avg-wijzer-library\")",
            s.store().join(PROFILE_FILE).display()
        )
    );
}

#[test]
fn the_form_speaks_english_and_fits_80_by_24() {
    let s = Scratch::new("profile-tui-en");
    app::set_profile(
        &s.open_store(),
        &[(
            Field::Security,
            "Versleutelde laptops\nTweestapsverificatie",
        )],
    )
    .unwrap();
    let mut ui = ui(&s, Lang::En);
    let start = draw(&ui, 80, 24);
    assert!(start.contains("Library profile (p)"), "{start}");
    english("the start screen", &start);
    key(&mut ui, Action::Profile);
    for _ in 0..6 {
        key(&mut ui, Action::NextPanel);
    }
    let screen = draw(&ui, 80, 24);
    // Every label in view, the last one too.
    for f in Field::ALL {
        assert!(screen.contains(f.label(Lang::En)), "{f:?} in\n{screen}");
    }
    assert!(screen.contains("Ctrl-J"), "{screen}");
    // The library's own words (Dutch here) are left out of the check.
    english(
        "the profile's form",
        &screen
            .replace("Versleutelde laptops", "")
            .replace("Tweestapsverificatie", ""),
    );
    // Below 80 × 22 the form makes way for the request to enlarge the window.
    assert!(draw(&ui, 79, 24).contains("Make the window larger"));
    assert!(draw(&ui, 80, 21).contains("Make the window larger"));
}

#[test]
fn the_form_on_screen() {
    let s = Scratch::new("profile-tui-snapshot");
    s.open_store()
        .save_profile(&full(), &Seen::NO_FILE)
        .unwrap();
    let mut ui = ui(&s, Lang::Nl);
    key(&mut ui, Action::Profile);
    for _ in 0..6 {
        key(&mut ui, Action::NextPanel);
    }
    assert_eq!(ui.profile_form().unwrap().focus, Field::Security);
    insta::assert_snapshot!("profile_form_80x22", draw(&ui, 80, 22));
    insta::assert_snapshot!("profile_form_80x24", draw(&ui, 80, 24));
    insta::assert_snapshot!("profile_form_120x40", draw(&ui, 120, 40));
}
