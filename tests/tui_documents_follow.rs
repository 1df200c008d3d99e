//! The interface's documents view follows the library's profile: the documents are made anew
//! each time the view opens (`d`), and the profile is changed on the start screen, so the
//! person who changes it and comes back reads the new facts. A record made in the other
//! language gets its documents in the interface's language, as `document --lang` does, and
//! the status line says so.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use avg_wijzer::documents::{LibraryItem, Missing};
use avg_wijzer::text::Lang;
use avg_wijzer::tui::app::*;
use avg_wijzer::tui::effect::Effect;
use avg_wijzer::tui::keymap::Action;

mod common;
use common::english::english;
use common::register::{create, record};
use common::tui::{key, on, typed};
use common::{Scratch, Ui, bank, fixed_clock};

const ID: &str = "20261101-100000-aaaaaaaaaa";

/// The interface over a store with one completed record made in `made_in`, opened to read.
fn reading<'b>(s: &Scratch, bank: &'b avg_wijzer::bank::Bank, lang: Lang, made_in: Lang) -> Ui<'b> {
    let mut r = record(ID, "Voorjaarsactie", made_in, "2026-11-01T10:00:00Z").record;
    create(s, &mut r);
    let mut ui = Ui::new(bank, lang, Some(s.open_store()), false, fixed_clock);
    ui.0.perform(Effect::Read { id: ID.into() });
    assert_eq!(on(&ui), "advice");
    ui
}

fn docs<'a>(m: &'a Model<'_>) -> &'a [avg_wijzer::documents::Rendered] {
    match &m.screen {
        Screen::Documents(v) => &v.docs,
        _ => panic!("not on the documents: {:?}", m.status),
    }
}

#[test]
fn the_documents_show_the_profile_as_changed_on_the_start_screen() {
    let s = Scratch::new("tui-documents-follow");
    let bank = bank();
    let mut ui = reading(&s, &bank, Lang::Nl, Lang::Nl);
    key(&mut ui, Action::Documents);
    let name_missing = Missing::Fact(LibraryItem::Name);
    assert!(docs(&ui)[0].missing.contains(&name_missing));

    // Back to the advice, to the start screen, and the profile changed there.
    key(&mut ui, Action::Leave);
    assert_eq!(on(&ui), "advice");
    key(&mut ui, Action::Leave);
    assert_eq!(on(&ui), "start");
    key(&mut ui, Action::Profile);
    assert!(ui.profile_form().is_some(), "{:?}", ui.status);
    typed(&mut ui, "Bibliotheek Voorbeeldstad");
    key(&mut ui, Action::Select);
    assert!(ui.profile_form().is_none(), "saved: {:?}", ui.status);

    // The record again, its documents again: the new name, no longer missing.
    ui.0.perform(Effect::Read { id: ID.into() });
    key(&mut ui, Action::Documents);
    let first = &docs(&ui)[0];
    assert!(
        !first.missing.contains(&name_missing),
        "{:?}",
        first.missing
    );
    let text = first
        .blocks
        .iter()
        .flat_map(|b| b.paragraphs.iter().map(|p| first.plain(p)))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(text.contains("Bibliotheek Voorbeeldstad"), "{text}");
}

#[test]
fn a_record_of_the_other_language_gets_documents_in_the_interface_s_language_and_says_so() {
    for (lang, made_in, said) in [
        (Lang::Nl, Lang::En, "Dit verslag is in het Engels gemaakt"),
        (Lang::En, Lang::Nl, "This record was made in Dutch"),
    ] {
        let s = Scratch::new("tui-documents-language");
        let bank = bank();
        let mut ui = reading(&s, &bank, lang, made_in);
        key(&mut ui, Action::Documents);
        assert!(docs(&ui).iter().all(|d| d.lang == lang));
        let status = ui.status.clone().expect("said").text;
        assert!(status.starts_with(said), "{status}");
        if lang == Lang::En {
            english("the documents' language note", &status);
        }
        // A record in the interface's own language says nothing of it.
        let s = Scratch::new("tui-documents-same-language");
        let mut ui = reading(&s, &bank, lang, lang);
        key(&mut ui, Action::Documents);
        assert!(ui.status.as_ref().is_none_or(|n| !n.text.starts_with(said)));
    }
}
