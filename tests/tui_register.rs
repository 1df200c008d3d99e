//! The processing register from the interface's start screen (`r`): a form like the record's
//! export (format, file), written through the workflow by the driver, never over a file
//! unasked, saying how many processings went to which file and naming each record left out
//! with why; in Dutch and English.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;

use avg_wijzer::record::Previous;
use avg_wijzer::text::Lang;
use avg_wijzer::tui::app::*;
use avg_wijzer::tui::keymap::{Action, Ctx, binding};
use avg_wijzer::tui::view::legend_actions;

mod common;
use common::english::english;
use common::register::{create, record, store};
use common::tui::{key, keys, on, typed};
use common::{Scratch, Ui, bank, fixed_clock};

fn report(m: &Model) -> Vec<String> {
    match &m.screen {
        Screen::Register(f) => f.report.clone(),
        _ => panic!("not on the register's form"),
    }
}

/// Two records that each name the other as their previous revision.
fn a_loop(s: &Scratch) {
    let (x, y) = ("20261201-100000-xxxxxxxxxx", "20261202-100000-yyyyyyyyyy");
    for (id, before) in [(x, y), (y, x)] {
        let mut r = record(id, "Kring", Lang::Nl, "2026-12-01T10:00:00Z").record;
        r.previous = Some(Previous {
            id: before.into(),
            hash: None,
        });
        r.revision = 2;
        create(s, &mut r);
    }
}

#[test]
fn from_the_start_screen_the_register_is_written_never_over_a_file_unasked() {
    use Action::*;
    let s = Scratch::new("tui-register");
    store(&s, Lang::Nl);
    let bank = bank();
    let mut m = Ui::new(&bank, Lang::Nl, Some(s.open_store()), false, fixed_clock);
    assert_eq!(on(&m), "start");
    // The key is in the start screen's legend and in the help, in both languages.
    assert!(legend_actions(&m).1.contains(&Register));
    let b = binding(Ctx::Nav, Register).expect("a key for the register");
    assert!(b.long(Lang::Nl).contains("verwerkingsregister"));
    english("the register's key", b.long(Lang::En));

    key(&mut m, Register);
    assert_eq!(on(&m), "register");
    // The path follows the format until it is typed.
    key(&mut m, Down);
    let path = |m: &Model| match &m.screen {
        Screen::Register(f) => f.path.text.clone(),
        _ => String::new(),
    };
    assert_eq!(path(&m), "verwerkingsregister.csv");
    key(&mut m, NextPanel);
    assert_eq!(m.context(), Ctx::Typing);
    key(&mut m, Clear);
    let file = s.path("register.csv");
    typed(&mut m, &file.display().to_string());
    key(&mut m, Select);
    let written = fs::read_to_string(&file).unwrap();
    assert!(written.starts_with('\u{feff}'), "a CSV for Excel");
    assert_eq!(written.lines().count(), 4, "{written}");
    #[cfg(unix)]
    assert_eq!(common::mode(&file), 0o600);
    let status = m.status.clone().expect("said");
    assert_eq!(status.kind, NoticeKind::Info);
    assert_eq!(
        status.text,
        format!(
            "3 verwerkingen in het register geschreven naar {}",
            file.display()
        )
    );
    assert_eq!(report(&m).len(), 1, "nothing left out: {:?}", report(&m));

    // Again: the file exists, so the interface asks; no keeps it as it was.
    fs::write(&file, "eigen tekst").unwrap();
    key(&mut m, Select);
    assert!(matches!(
        m.overlay,
        Overlay::Confirm(Confirm::OverwriteRegister { .. })
    ));
    key(&mut m, No);
    assert_eq!(fs::read_to_string(&file).unwrap(), "eigen tekst");
    key(&mut m, Select);
    key(&mut m, Yes);
    assert!(fs::read_to_string(&file).unwrap().starts_with('\u{feff}'));

    // Records left out are named on the form, and the status line says the register is not
    // whole.
    a_loop(&s);
    keys(&mut m, &[Select, Yes]);
    let status = m.status.clone().expect("said");
    assert_eq!(status.kind, NoticeKind::Error, "{}", status.text);
    assert!(
        status
            .text
            .contains("2 verslagen of bestanden staan er niet in")
    );
    let lines = report(&m);
    assert_eq!(lines[1], "Niet in het register:");
    assert_eq!(
        lines.iter().filter(|l| l.contains("in een kring")).count(),
        2,
        "{lines:?}"
    );
    // Esc goes back to the start screen.
    key(&mut m, Leave);
    assert_eq!(on(&m), "start");
}

#[test]
fn the_register_form_in_english() {
    use Action::*;
    let s = Scratch::new("tui-register-en");
    store(&s, Lang::En);
    a_loop(&s);
    let bank = bank();
    let mut m = Ui::new(&bank, Lang::En, Some(s.open_store()), false, fixed_clock);
    key(&mut m, Register);
    keys(&mut m, &[Down, Down, NextPanel, Clear]);
    let file = s.path("register.md");
    typed(&mut m, &file.display().to_string());
    key(&mut m, Select);
    assert!(
        fs::read_to_string(&file)
            .unwrap()
            .starts_with("# Processing register")
    );
    let status = m.status.clone().expect("said");
    assert!(
        status.text.starts_with("3 register entries written to"),
        "{}",
        status.text
    );
    let lines = report(&m);
    assert_eq!(lines[1], "Not in the register:");
    english("the register's report", &lines.join("\n"));
    english("the register's status", &status.text);
}
