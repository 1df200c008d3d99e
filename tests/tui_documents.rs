//! The documents screen of the interface (from the advice, `d`): snapshots of the list and of a
//! document read, with its gaps, in Dutch and English, at 80×24, 120×40 and below the smallest
//! size; and, driven by keys through the workflow, the way from the advice to a document
//! written to a file (never over one) and back.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;

use avg_wijzer::app;
use avg_wijzer::documents::Rendered;
use avg_wijzer::profile::Field;
use avg_wijzer::record::{Assessment, Campaign, Participant};
use avg_wijzer::text::Lang;
use avg_wijzer::tui::app::*;
use avg_wijzer::tui::keymap::{Action, Ctx};
use avg_wijzer::tui::theme::Theme;
use avg_wijzer::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod common;
use common::documents::{case, cases, no_facts, parsed};
use common::english::english;
use common::tui::{answer_all, begin, key, keys, model as ui_model, on};
use common::{BANK, NOW, Scratch, bank, fixed_clock};

/// The documents offered for the case of each use with direct marketing by consent, as the
/// library with an empty profile gets them: every fact of the library missing.
fn docs(lang: Lang) -> Vec<Rendered> {
    let (_, answers, kinds) = cases().remove(4);
    let p = parsed(&answers);
    let none = |_: &str| None;
    let c = case(&p, &no_facts, &none);
    kinds
        .iter()
        .map(|k| c.render(BANK.documents().iter().find(|d| d.id == *k).unwrap(), lang))
        .collect()
}

fn model(lang: Lang, view: DocumentsView) -> Model<'static> {
    let mut m = Model::new(&BANK, lang, String::new());
    m.clock = fixed_clock;
    m.theme = Theme::with_color(true);
    let a = Assessment::start(
        &BANK,
        "20270115-090000-0000000000".into(),
        Campaign {
            name: "Voorjaarsactie 2027".into(),
            description: String::new(),
            organisation: String::new(),
        },
        vec![Participant {
            name: "Anna".into(),
            role: "marketing".into(),
        }],
        lang,
        NOW,
    );
    m.work = Some(Work::Editing(app::Work::unsaved(a)));
    m.screen = Screen::Documents(view);
    m
}

fn listed(lang: Lang) -> DocumentsView {
    DocumentsView {
        docs: docs(lang),
        why_none: None,
        cursor: 1,
        reading: None,
    }
}

fn reading(lang: Lang, scroll: DocScroll) -> DocumentsView {
    DocumentsView {
        reading: Some(Reading {
            scroll,
            export: None,
        }),
        cursor: 0,
        ..listed(lang)
    }
}

fn render(m: &Model, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal
        .draw(|f| {
            view::draw(f, m);
        })
        .expect("draw");
    format!("{}", terminal.backend())
}

fn snap(name: &str, m: &Model) {
    for (w, h) in [(80, 22), (80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(m, w, h));
    }
}

#[test]
fn the_list_of_documents() {
    snap("documents_list", &model(Lang::Nl, listed(Lang::Nl)));
    let m = model(Lang::En, listed(Lang::En));
    snap("documents_list_en", &m);
    english("documents list", &render(&m, 120, 40));
}

#[test]
fn none_offered_says_why() {
    let why = "het advies kan het plan nog niet beoordelen".to_string();
    let v = DocumentsView {
        docs: Vec::new(),
        why_none: Some(why),
        cursor: 0,
        reading: None,
    };
    let screen = render(&model(Lang::Nl, v), 80, 24);
    assert!(
        screen.contains("Het advies vraagt om geen documenten. Het advies kan het plan nog"),
        "{screen}"
    );
}

#[test]
fn a_document_with_its_gaps_highlighted_and_listed() {
    let m = model(Lang::Nl, reading(Lang::Nl, DocScroll::Top(0)));
    snap("documents_read", &m);
    let screen = render(&m, 80, 24);
    assert!(screen.contains("Nog in te vullen: "), "{screen}");
    assert!(screen.contains("p op het startscherm"), "{screen}");
    assert!(
        screen.contains("[ontbreekt: naam van de bibliotheek]"),
        "{screen}"
    );
    // The gaps are highlighted in the text itself: the cells of a marker have their own style.
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| drop(view::draw(f, &m))).unwrap();
    let buf = terminal.backend().buffer();
    let marked = (0..24)
        .any(|y| (0..80).any(|x| buf[(x, y)].symbol() == "[" && buf[(x, y)].style().bg.is_some()));
    assert!(marked, "{screen}");

    let m = model(Lang::En, reading(Lang::En, DocScroll::Top(0)));
    snap("documents_read_en", &m);
    english("document read", &render(&m, 120, 40));
}

#[test]
fn a_document_scrolled_to_its_end_and_the_export_form() {
    snap(
        "documents_read_end",
        &model(Lang::Nl, reading(Lang::Nl, DocScroll::End(0))),
    );
    let mut v = reading(Lang::Nl, DocScroll::Top(3));
    if let Some(r) = &mut v.reading {
        r.export = Some(DocExport {
            format: 1,
            path: TextField::with_text(
                "20270115-090000-0000000000-privacy_paragraph.html",
                Lang::Nl,
            ),
            path_edited: false,
            focus: ExportField::Format,
        });
    }
    snap("documents_export", &model(Lang::Nl, v));
}

#[test]
fn below_the_smallest_size_it_says_so_and_survives_a_resize() {
    let m = model(Lang::Nl, reading(Lang::Nl, DocScroll::End(0)));
    let small = render(&m, 60, 20);
    assert!(small.contains("Maak het venster groter"), "{small}");
    // Back to a usable size: the same place, the end of the text.
    let big = render(&m, 80, 24);
    assert!(big.contains("einde"), "{big}");
}

/// From the advice to the documents and back, through the workflow: the list, a document
/// read and scrolled, written to a file in the chosen format, never over an existing file, and
/// the library's profile filling what was missing.
#[test]
fn from_the_advice_a_document_is_read_and_written_never_over_a_file() {
    use Action::*;
    let store = Scratch::new("tui-documents");
    let bank = bank();
    let mut m = ui_model(&bank, Some(store.open_store()));
    begin(&mut m);
    answer_all(&mut m);
    keys(&mut m, &[Bottom, Select]);
    assert_eq!(on(&m), "advice");
    key(&mut m, Documents);
    let Screen::Documents(v) = &m.screen else {
        panic!("not on the documents: {:?}", m.status);
    };
    let kinds: Vec<&str> = v.docs.iter().map(|d| d.kind.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "privacy_paragraph",
            "consent_request",
            "reminder_emails",
            "public_page",
            "staff_briefing",
            "register_entry"
        ]
    );
    // The profile is empty: the library's name is missing (the form left it empty too).
    assert!(v.docs[0].missing.len() > 1);
    let id = v.docs[0].record.clone();

    // Down to the public page, open it, scroll.
    keys(&mut m, &[Down, Down, Down, Select]);
    let reading = |m: &Model| match &m.screen {
        Screen::Documents(v) => v.reading.as_ref().map(|r| (v.cursor, r.scroll)),
        _ => None,
    };
    assert_eq!(reading(&m), Some((3, DocScroll::Top(0))));
    keys(&mut m, &[PageDown, Down]);
    // A page is the panel's rows less one: 12 at 80×22 under three lines of gaps.
    assert_eq!(reading(&m), Some((3, DocScroll::Top(13))));
    keys(&mut m, &[Bottom, Up]);
    assert_eq!(reading(&m), Some((3, DocScroll::End(1))));
    key(&mut m, Top);
    assert_eq!(reading(&m), Some((3, DocScroll::Top(0))));

    // Export: HTML chosen, the path follows; Enter writes it, owner-only, and says where.
    key(&mut m, Export);
    key(&mut m, Down);
    let path = format!("{id}-public_page.html");
    let form_path = |m: &Model| match &m.screen {
        Screen::Documents(v) => v
            .reading
            .as_ref()
            .and_then(|r| r.export.as_ref())
            .map(|e| e.path.text.clone()),
        _ => None,
    };
    assert_eq!(form_path(&m).as_deref(), Some(path.as_str()));
    // A path in the scratch directory, typed.
    key(&mut m, NextPanel);
    assert_eq!(m.context(), Ctx::Typing);
    key(&mut m, Clear);
    let file = store.path("pagina.html");
    common::tui::typed(&mut m, &file.display().to_string());
    key(&mut m, Select);
    let written = fs::read_to_string(&file).unwrap();
    assert!(written.starts_with("<!DOCTYPE html>"), "{written}");
    #[cfg(unix)]
    assert_eq!(common::mode(&file), 0o600);
    let status = m.status.clone().expect("said");
    assert_eq!(status.kind, NoticeKind::Info);
    assert_eq!(
        status.text,
        format!("Document geschreven naar: {}", file.display())
    );
    assert!(form_path(&m).is_none(), "the form closes");

    // Again to the same file: refused, the file as it was, the form still open.
    fs::write(&file, "eigen tekst").unwrap();
    key(&mut m, Export);
    key(&mut m, NextPanel);
    key(&mut m, Clear);
    common::tui::typed(&mut m, &file.display().to_string());
    key(&mut m, Select);
    assert_eq!(fs::read_to_string(&file).unwrap(), "eigen tekst");
    let status = m.status.clone().expect("said");
    assert_eq!(status.kind, NoticeKind::Error);
    assert!(status.text.contains("bestaat al"), "{}", status.text);
    assert!(form_path(&m).is_some());

    // Esc closes the form, then the document, then the list: the advice again.
    key(&mut m, Leave);
    assert!(reading(&m).is_some());
    key(&mut m, Leave);
    assert!(reading(&m).is_none());
    key(&mut m, Leave);
    assert_eq!(on(&m), "advice");

    // The profile filled in: the documents, opened again, have the library's facts.
    app::set_profile(
        &store.open_store(),
        &[
            (Field::Name, "Bibliotheek Voorbeeldstad"),
            (Field::PrivacyContact, "privacy@bieb.example"),
        ],
    )
    .unwrap();
    key(&mut m, Documents);
    let Screen::Documents(v) = &m.screen else {
        panic!("not on the documents");
    };
    let text = String::from_utf8(avg_wijzer::documents::format::render(
        &v.docs[0],
        avg_wijzer::documents::Format::Txt,
    ))
    .unwrap();
    assert!(text.contains("Bibliotheek Voorbeeldstad"), "{text}");
    assert!(text.contains("privacy@bieb.example"), "{text}");
}

/// Text from a record or the profile that would steer the terminal is drawn as visible codes,
/// in the text and in the list of gaps alike.
#[test]
fn hostile_text_in_a_document_reaches_no_cell_raw() {
    use avg_wijzer::documents::{Missing, Span};
    let mut v = reading(Lang::Nl, DocScroll::Top(0));
    let doc = &mut v.docs[0];
    doc.blocks[0].paragraphs[0].insert(0, Span::Text("\u{1b}[2J\u{202e}Rood\n".into()));
    doc.missing.push(Missing::Answer {
        question: "x".into(),
        prompt: "\u{1b}]0;titel\u{7}".into(),
    });
    let screen = render(&model(Lang::Nl, v), 120, 40);
    assert!(
        !screen.contains('\u{1b}') && !screen.contains('\u{202e}'),
        "{screen}"
    );
    assert!(screen.contains("\\u001b[2J\\u202eRood"), "{screen}");
    assert!(screen.contains("\\u001b]0;titel\\u0007"), "{screen}");
}
