//! The comparison in the interface: on the start screen `m` marks a record and `c` on another
//! compares the two, `v` compares a record with its previous revision (on the start screen and
//! the advice); the comparison screen scrolls, goes back where it came from and writes the
//! comparison to a file (Markdown or HTML, never over a file unasked). Driven by keys through
//! the workflow over a store, and drawn into ratatui's `TestBackend` at 80×22, 100×30 (one
//! above the other) and 140×40 (side by side).
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;

use avg_wijzer::app;
use avg_wijzer::compare::Comparison;
use avg_wijzer::record::Record;
use avg_wijzer::text::Lang;
use avg_wijzer::tui::app::*;
use avg_wijzer::tui::keymap::{Action, Ctx};
use avg_wijzer::tui::message::Message;

mod common;
use common::compare::{A_ID, B_ID, R2_ID, address_selection, enrichment, revision_pair};
use common::english::english;
use common::screens::{model as screen_model, render};
use common::tui::{key, keys, model, on, typed};
use common::{BANK, Scratch, Ui};

/// A store with the address selection (A_ID, signed off), its revision (R2_ID) and the
/// enrichment (B_ID), and the interface over it with the list read.
fn store() -> (Scratch, Ui<'static>) {
    let scratch = Scratch::new("tui-compare");
    let s = scratch.open_store();
    let (mut a, mut r2) = revision_pair();
    let mut b = enrichment();
    for r in [&mut a, &mut r2, &mut b] {
        s.create(r).unwrap();
    }
    let mut ui = model(&BANK, Some(scratch.open_store()));
    let listing = app::list(&scratch.open_store(), Row::from).unwrap();
    ui.send(Message::Listed(Ok(listing)));
    (scratch, ui)
}

/// Puts the start screen's cursor on the record `id`.
fn to_row(ui: &mut Ui, id: &str) {
    let i = ui.listed().iter().position(|r| r.id() == id).unwrap();
    let Screen::Start(s) = &mut ui.screen else {
        panic!("not on the start screen")
    };
    s.cursor = i + 1;
}

fn marked(ui: &Ui) -> Option<String> {
    match &ui.screen {
        Screen::Start(s) => s.marked.clone(),
        _ => None,
    }
}

fn status(ui: &Ui) -> String {
    ui.status
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

fn comparison<'a>(ui: &'a Ui) -> &'a Comparison {
    match &ui.screen {
        Screen::Compare(v) => &v.comparison,
        _ => panic!("not on the comparison: {}", on(ui)),
    }
}

#[test]
fn a_marked_record_is_compared_with_the_one_under_the_cursor() {
    use Action::*;
    let (_scratch, mut ui) = store();
    // `c` before any mark says what to do.
    to_row(&mut ui, B_ID);
    key(&mut ui, Compare);
    assert_eq!(on(&ui), "start");
    assert!(status(&ui).contains("Markeer eerst een verslag met m"));
    to_row(&mut ui, A_ID);
    key(&mut ui, Mark);
    assert_eq!(marked(&ui).as_deref(), Some(A_ID));
    assert_eq!(
        status(&ui),
        "gemarkeerd: Voorjaarsactie 2027 — kies een tweede verslag en druk c"
    );
    // The mark shows on its row, also with the cursor elsewhere.
    to_row(&mut ui, B_ID);
    let screen = render(&ui, 80, 22);
    assert!(screen.contains("◆  Voorjaarsactie"), "{screen}");
    // `c` on the marked record itself compares nothing.
    to_row(&mut ui, A_ID);
    key(&mut ui, Compare);
    assert_eq!(on(&ui), "start");
    assert!(status(&ui).contains("Kies een ander verslag"));
    to_row(&mut ui, B_ID);
    key(&mut ui, Compare);
    let c = comparison(&ui);
    assert_eq!((c.a.id.as_str(), c.b.id.as_str()), (A_ID, B_ID));
    assert!(!c.is_same());
    // Esc: back to the list as it was, the mark and the cursor kept.
    key(&mut ui, Leave);
    assert_eq!(on(&ui), "start");
    assert_eq!(marked(&ui).as_deref(), Some(A_ID));
    let Screen::Start(s) = &ui.screen else {
        panic!()
    };
    assert_eq!(ui.listed()[s.cursor - 1].id(), B_ID);
    // `m` on the marked record takes the mark away; Esc with a mark takes it away too, and
    // only then leaves the program.
    to_row(&mut ui, A_ID);
    key(&mut ui, Mark);
    assert_eq!(marked(&ui), None);
    key(&mut ui, Mark);
    key(&mut ui, Leave);
    assert_eq!(marked(&ui), None);
    assert_eq!(ui.run, Run::Running);
    key(&mut ui, Leave);
    assert_eq!(ui.run, Run::Done);
}

#[test]
fn v_compares_a_record_with_its_previous_revision() {
    use Action::*;
    let (_scratch, mut ui) = store();
    to_row(&mut ui, R2_ID);
    key(&mut ui, Previous);
    let c = comparison(&ui);
    assert_eq!((c.a.id.as_str(), c.b.id.as_str()), (A_ID, R2_ID));
    assert!(
        c.answers
            .iter()
            .any(|d| d.question.id == "legal_basis" && d.differs())
    );
    key(&mut ui, Leave);
    assert_eq!(on(&ui), "start");
}

#[test]
fn a_first_revision_has_none_to_compare_with() {
    use Action::*;
    let (_scratch, mut ui) = store();
    to_row(&mut ui, B_ID);
    key(&mut ui, Previous);
    assert_eq!(on(&ui), "start");
    let said = status(&ui);
    assert!(said.contains("geen vorige revisie"), "{said}");
    // Said in this front end's keys, not the command line's.
    assert!(said.contains("m op het ene, c op het andere"), "{said}");
    assert!(!said.contains("compare "), "{said}");
    // On "new assessment" there is no record to compare.
    keys(&mut ui, &[Top, Previous]);
    assert!(status(&ui).contains("Kies eerst een verslag"));
}

#[test]
fn v_on_the_advice_compares_and_esc_goes_back_to_it() {
    use Action::*;
    let (_scratch, mut ui) = store();
    to_row(&mut ui, R2_ID);
    key(&mut ui, Select);
    assert_eq!(on(&ui), "advice");
    // The legend offers `v` where there is a previous revision.
    assert!(render(&ui, 100, 30).contains("v  vorige revisie"));
    key(&mut ui, Previous);
    let c = comparison(&ui);
    assert_eq!((c.a.id.as_str(), c.b.id.as_str()), (A_ID, R2_ID));
    key(&mut ui, Leave);
    assert_eq!(on(&ui), "advice");
    assert_eq!(ui.record().map(|r| r.id.as_str()), Some(R2_ID));
    // The first revision's advice says at once that there is none.
    key(&mut ui, Leave);
    to_row(&mut ui, B_ID);
    key(&mut ui, Select);
    assert!(!render(&ui, 100, 30).contains("vorige revisie"));
    key(&mut ui, Previous);
    assert_eq!(on(&ui), "advice");
    assert!(status(&ui).contains("geen vorige revisie"));
}

#[test]
fn the_comparison_scrolls_within_its_length() {
    use Action::*;
    let (_scratch, mut ui) = store();
    to_row(&mut ui, A_ID);
    key(&mut ui, Mark);
    to_row(&mut ui, B_ID);
    key(&mut ui, Compare);
    let scroll = |ui: &Ui| match &ui.screen {
        Screen::Compare(v) => v.scroll,
        _ => panic!(),
    };
    let top = render(&ui, 80, 22);
    assert!(top.contains("meer: PgDn"), "{top}");
    key(&mut ui, PageDown);
    assert_eq!(scroll(&ui), DocScroll::Top(15));
    assert_ne!(render(&ui, 80, 22), top);
    key(&mut ui, Bottom);
    let end = render(&ui, 80, 22);
    assert!(end.contains(" einde "), "{end}");
    keys(&mut ui, &[PageUp, Top]);
    assert_eq!(scroll(&ui), DocScroll::Top(0));
    for _ in 0..100 {
        key(&mut ui, Down);
    }
    // Never past the end at the narrowest width.
    assert_eq!(render(&ui, 80, 22), end);
}

/// The path field of the open export form, emptied and typed anew.
fn type_path(ui: &mut Ui, path: &str) {
    key(ui, Action::NextPanel);
    assert_eq!(ui.context(), Ctx::Typing);
    key(ui, Action::Clear);
    typed(ui, path);
}

#[test]
fn the_comparison_is_written_as_markdown_or_html_and_replaced_only_when_confirmed() {
    use Action::*;
    let (scratch, mut ui) = store();
    to_row(&mut ui, R2_ID);
    key(&mut ui, Previous);
    key(&mut ui, Export);
    let path_of = |ui: &Ui| match &ui.screen {
        Screen::Compare(v) => v.export.as_ref().map(|e| e.path.text.clone()),
        _ => None,
    };
    // The suggested name follows the format until one is typed.
    assert_eq!(
        path_of(&ui).as_deref(),
        Some(format!("vergelijking-{A_ID}-{R2_ID}.md").as_str())
    );
    key(&mut ui, Down);
    assert_eq!(
        path_of(&ui).as_deref(),
        Some(format!("vergelijking-{A_ID}-{R2_ID}.html").as_str())
    );
    key(&mut ui, Up);
    let md = scratch.path("vergelijking.md");
    type_path(&mut ui, md.to_str().unwrap());
    key(&mut ui, Select);
    // Written, the form closed, the whole path said.
    assert_eq!(
        status(&ui),
        format!("Vergelijking geschreven naar: {}", md.display())
    );
    assert!(matches!(&ui.screen, Screen::Compare(v) if v.export.is_none()));
    let text = fs::read_to_string(&md).unwrap();
    assert!(
        text.starts_with("# Vergelijking van twee verslagen\n"),
        "{text}"
    );
    assert!(
        text.contains(&format!("| Verslag | {A_ID} | {R2_ID} |")),
        "{text}"
    );
    assert!(text.contains("## Antwoorden"), "{text}");
    assert!(text.contains("Gerechtvaardigd belang"), "{text}");
    // Over the same file: asked first; "no" leaves the file as it was.
    fs::write(&md, "eerder").unwrap();
    key(&mut ui, Export);
    key(&mut ui, Down); // HTML
    type_path(&mut ui, md.to_str().unwrap());
    key(&mut ui, Select);
    assert!(matches!(
        ui.overlay,
        Overlay::Confirm(Confirm::OverwriteComparison { .. })
    ));
    key(&mut ui, No);
    assert_eq!(fs::read_to_string(&md).unwrap(), "eerder");
    key(&mut ui, Select);
    key(&mut ui, Yes);
    let html = fs::read_to_string(&md).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.contains("<h1>Vergelijking van twee verslagen</h1>"));
    // Esc closes the form, then the screen.
    keys(&mut ui, &[Export, Leave]);
    assert_eq!(on(&ui), "compare");
    key(&mut ui, Leave);
    assert_eq!(on(&ui), "start");
}

/// The comparison screen over the start screen, in `lang`.
fn screen(a: &Record, b: &Record, lang: Lang) -> Model<'static> {
    let mut m = screen_model(&BANK, lang);
    m.screen = Screen::Compare(Box::new(CompareView::new(
        Box::new(Comparison::new(a, b, Some(&BANK), lang)),
        Screen::Start(Start::default()),
        lang,
    )));
    m
}

fn snap(name: &str, m: &Model) {
    for (w, h) in [(80, 22), (100, 30), (140, 40)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(m, w, h));
    }
}

#[test]
fn the_comparison_side_by_side_and_one_above_the_other() {
    snap(
        "compare_use_cases",
        &screen(&address_selection(), &enrichment(), Lang::Nl),
    );
    let (a, r2) = revision_pair();
    snap("compare_revision", &screen(&a, &r2, Lang::Nl));
    let m = screen(&a, &r2, Lang::En);
    for (w, h) in [(100, 30), (140, 40)] {
        english("comparison", &render(&m, w, h));
    }
    // Scrolled to the end: the remedies of the plan that is not allowed.
    let mut m = screen(&address_selection(), &enrichment(), Lang::Nl);
    if let Screen::Compare(v) = &mut m.screen {
        v.scroll = DocScroll::End(0);
    }
    snap("compare_use_cases_end", &m);
}

#[test]
fn the_export_form_and_the_mark_on_the_start_screen() {
    let (a, r2) = revision_pair();
    let mut m = screen(&a, &r2, Lang::Nl);
    if let Screen::Compare(v) = &mut m.screen {
        let path = default_compare_path(&v.comparison, CompareExport::FORMATS[0], Lang::Nl);
        v.export = Some(CompareExport {
            format: 0,
            path: TextField::with_text(&path, Lang::Nl),
            path_edited: false,
            focus: ExportField::Format,
        });
    }
    for (w, h) in [(80, 22), (100, 30)] {
        insta::assert_snapshot!(format!("compare_export_{w}x{h}"), render(&m, w, h));
    }
    let mut m = screen_model(&BANK, Lang::Nl);
    m.records = Records::Loaded(common::screens::listing());
    m.screen = Screen::Start(Start {
        cursor: 3,
        marked: Some("20261120-090000-00000000bb".into()),
        ..Start::default()
    });
    m.status = Some(Notice {
        kind: NoticeKind::Info,
        text: avg_wijzer::locale::compare::marked("Zomerlezen jeugdleden", Lang::Nl),
    });
    for (w, h) in [(80, 22), (100, 30)] {
        insta::assert_snapshot!(format!("start_marked_{w}x{h}"), render(&m, w, h));
    }
}

/// A record's texts (its campaign, a note) hold escape sequences: drawn, they are codes to
/// read, never characters that steer the terminal, side by side or one above the other.
#[test]
fn a_records_control_characters_are_drawn_as_codes() {
    let (mut a, b) = (address_selection(), enrichment());
    a.campaign.name = "Actie \x1b]0;titel\x07 \u{202e}x".into();
    a.notes
        .insert("channel".into(), "notitie\x1b[31m rood\r\nB: nep".into());
    let m = screen(&a, &b, Lang::Nl);
    for (w, h) in [(80, 22), (100, 30), (140, 40)] {
        let screen = render(&m, w, h);
        assert!(!screen.chars().any(avg_wijzer::text::steers), "{screen}");
        assert!(screen.contains("Actie \\u001b]0;titel\\u0007"), "{screen}");
    }
    let mut m = m;
    if let Screen::Compare(v) = &mut m.screen {
        v.scroll = DocScroll::Top(20);
    }
    let screen = render(&m, 140, 40);
    assert!(
        screen.contains("notitie\\u001b[31m rood\\r\\nB: nep"),
        "{screen}"
    );
}
