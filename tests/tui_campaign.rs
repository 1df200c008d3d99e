//! The campaign's form and the note editor of the interface (issue 12), driven by `update` as a
//! person would: `o` on a question opens the campaign's form (name, short description,
//! participants to add, edit and remove), Enter saves it through the workflow, Esc asks before
//! it loses a change; a note is a text area (Enter a new line, Up and Down by row, Ctrl-S
//! saves); notes are shown under their question on the review and in the advice. Snapshots of
//! the form, the editor with a long note, the review and the advice's notes at 80×22 and
//! 100×30.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use avg_wijzer::app;
use avg_wijzer::record::{CampaignField, Event};
use avg_wijzer::text::Lang;
use avg_wijzer::tui::app::*;
use avg_wijzer::tui::keymap::{Action, Ctx};

mod common;
use common::screens::{assessment, complete, model as screen_model, render};
use common::tui::{begin, key, keys, model, on, typed};
use common::{Scratch, bank};

/// The sizes of this part's snapshots: the smallest window and a projector's common one.
const SIZES: [(u16, u16); 2] = [(80, 22), (100, 30)];

fn snap(name: &str, m: &Model) {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(m, w, h));
    }
}

fn form<'a>(m: &'a Model) -> &'a CampaignForm {
    match &m.overlay {
        Overlay::Campaign(f) => f,
        _ => panic!("the campaign's form is not open"),
    }
}

fn status(m: &Model) -> String {
    m.status
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

#[test]
fn the_form_changes_name_description_and_participants() {
    use Action::*;
    let store = Scratch::new("tui-campaign");
    let bank = bank();
    let mut m = model(&bank, Some(store.open_store()));
    begin(&mut m);
    typed(&mut m, "Doel");
    key(&mut m, Select);
    assert_eq!(on(&m), "use_case");
    key(&mut m, EditCampaign);
    assert_eq!(m.context(), Ctx::Typing);
    assert_eq!(form(&m).people.len(), 2);
    assert_eq!(form(&m).name.text, "Voorjaarsactie 2027");
    key(&mut m, Clear);
    typed(&mut m, "Voorjaar 2027");
    key(&mut m, NextPanel);
    typed(&mut m, "Gezinnen in wijk X, maart");
    key(&mut m, NextPanel);
    assert_eq!(form(&m).focus, CampaignFocus::Person(0));
    key(&mut m, RemoveRow); // Anna leaves
    assert_eq!(form(&m).people.len(), 1);
    assert_eq!(form(&m).people[0].0.text, "Piet");
    key(&mut m, AddRow);
    assert_eq!(form(&m).focus, CampaignFocus::Person(1));
    typed(&mut m, "Joke");
    key(&mut m, NextPanel);
    typed(&mut m, "directie");
    key(&mut m, Select);
    assert!(matches!(m.overlay, Overlay::None), "the form closes");
    assert_eq!(status(&m), "Campagne gewijzigd.");
    assert_eq!(on(&m), "use_case", "back on the question");
    let r = m.record().unwrap();
    assert_eq!(r.campaign.name, "Voorjaar 2027");
    assert_eq!(r.campaign.description, "Gezinnen in wijk X, maart");
    let people: Vec<(&str, &str)> = r
        .participants
        .iter()
        .map(|p| (p.name.as_str(), p.role.as_str()))
        .collect();
    assert_eq!(people, [("Piet", "FG"), ("Joke", "directie")]);
    let fields: Vec<CampaignField> = r
        .history
        .iter()
        .filter_map(|e| match e {
            Event::CampaignChanged { field, .. } => Some(*field),
            _ => None,
        })
        .collect();
    assert_eq!(
        fields,
        [
            CampaignField::Name,
            CampaignField::Description,
            CampaignField::Participants
        ]
    );
    // On disk too.
    let id = r.id.clone();
    let saved = store.open_store().load(&id).unwrap().record;
    assert_eq!(saved.campaign.name, "Voorjaar 2027");
}

#[test]
fn leaving_the_form_with_a_change_asks_first_and_nothing_unchanged_is_saved() {
    use Action::*;
    let bank = bank();
    let mut m = model(&bank, None);
    begin(&mut m);
    typed(&mut m, "Doel");
    key(&mut m, Select);
    // Nothing changed: said, and the form closes.
    keys(&mut m, &[EditCampaign, Select]);
    assert!(matches!(m.overlay, Overlay::None));
    assert_eq!(status(&m), "Niets gewijzigd.");
    // A change, then Esc: asked; "no" goes back to the form as it was.
    key(&mut m, EditCampaign);
    typed(&mut m, " (concept)");
    key(&mut m, Leave);
    assert!(matches!(
        m.overlay,
        Overlay::Confirm(Confirm::DiscardCampaign(_))
    ));
    key(&mut m, No);
    assert_eq!(form(&m).name.text, "Voorjaarsactie 2027 (concept)");
    keys(&mut m, &[Leave, Yes]);
    assert!(matches!(m.overlay, Overlay::None));
    assert_eq!(m.record().unwrap().campaign.name, "Voorjaarsactie 2027");
    // With the cursor on no participant there is nothing to remove.
    key(&mut m, EditCampaign);
    key(&mut m, RemoveRow);
    assert_eq!(form(&m).people.len(), 2);
}

#[test]
fn the_review_opens_the_form_too() {
    use Action::*;
    let bank = bank();
    let mut m = model(&bank, None);
    begin(&mut m);
    common::tui::answer_all(&mut m);
    assert_eq!(on(&m), "review");
    key(&mut m, EditCampaign);
    assert!(matches!(m.overlay, Overlay::Campaign(_)));
}

#[test]
fn a_note_is_written_in_lines_and_saved_with_ctrl_s() {
    use Action::*;
    let bank = bank();
    let mut m = model(&bank, None);
    begin(&mut m);
    typed(&mut m, "Doel");
    key(&mut m, Select);
    key(&mut m, Note);
    assert_eq!(m.context(), Ctx::Lines);
    typed(&mut m, "Eerste");
    key(&mut m, NewLine);
    typed(&mut m, "Tweede regel");
    key(&mut m, Up);
    typed(&mut m, "!");
    key(&mut m, Down);
    key(&mut m, Bottom);
    typed(&mut m, ".");
    key(&mut m, Select);
    assert!(matches!(m.overlay, Overlay::None));
    let note = m.record().unwrap().notes.get("use_case").cloned();
    assert_eq!(note.as_deref(), Some("Eerste!\nTweede regel."));
    // Pasted lines keep their breaks.
    key(&mut m, Note);
    key(&mut m, Clear);
    m.send(avg_wijzer::tui::message::Message::Paste("a\r\nb".into()));
    key(&mut m, Select);
    let note = m.record().unwrap().notes.get("use_case").cloned();
    assert_eq!(note.as_deref(), Some("a\nb"));
}

// ---------------------------------------------------------------------------------------------
// Snapshots

/// The model on the fourth question of the example, its record with notes and two
/// participants.
fn noted(bank: &avg_wijzer::bank::Bank, answers: usize) -> Model<'_> {
    let mut a = assessment(bank, &complete()[..answers]);
    a.note(
        Some("use_case"),
        "Besproken met de FG.\nNog uitzoeken: de stickerregeling van de gemeente.",
        common::NOW,
    )
    .unwrap();
    a.note(None, "Workshop 12 maart, zaal 2", common::NOW)
        .unwrap();
    a.record.participants.push(avg_wijzer::record::Participant {
        name: "Piet".into(),
        role: "FG".into(),
    });
    let mut m = screen_model(bank, Lang::Nl);
    m.work = Some(Work::Editing(app::Work::unsaved(a)));
    m
}

#[test]
fn campaign_form_snapshot() {
    let bank = bank();
    let mut m = noted(&bank, 3);
    let q = m.assessment().unwrap().session.walk(&bank).pending.unwrap();
    m.screen = Screen::Question(Asking::new(&bank, q, None, Origin::Flow, Lang::Nl));
    let mut f = CampaignForm::new(m.record().unwrap(), Lang::Nl);
    f.add();
    f.people[2].0.set("Joke", Lang::Nl);
    f.focus = CampaignFocus::Role(2);
    m.overlay = Overlay::Campaign(Box::new(f));
    snap("campaign_form", &m);
}

#[test]
fn note_editor_with_a_long_note_snapshot() {
    let bank = bank();
    let mut m = noted(&bank, 3);
    let q = m.assessment().unwrap().session.walk(&bank).pending.unwrap();
    m.screen = Screen::Question(Asking::new(&bank, q, None, Origin::Flow, Lang::Nl));
    let text = (1..=14)
        .map(|i| {
            format!("Regel {i}: wat er in de workshop over deze vraag is gezegd, en door wie.")
        })
        .collect::<Vec<_>>()
        .join("\n");
    m.overlay = Overlay::Note {
        question: Some(q),
        field: TextField::with_text(&text, Lang::Nl),
    };
    snap("note_long", &m);
}

#[test]
fn review_with_notes_snapshot() {
    let bank = bank();
    let mut m = noted(&bank, complete().len());
    m.screen = Screen::Review(Review { cursor: 1 });
    snap("review_notes", &m);
    let screen = render(&m, 100, 30);
    assert!(
        screen.contains("✎ Notitie: Besproken met de FG."),
        "{screen}"
    );
    assert!(
        screen.contains("Deelnemers: Anna (marketing), Piet (FG)"),
        "{screen}"
    );
}

#[test]
fn advice_notes_section_snapshot() {
    let bank = bank();
    let mut m = noted(&bank, complete().len());
    // Scrolled to the end, where the notes are.
    m.screen = Screen::Advice(AdviceView {
        scroll: u16::MAX,
        ..AdviceView::default()
    });
    snap("advice_notes", &m);
    let screen = render(&m, 100, 30);
    assert!(screen.contains("Notities (2)"), "{screen}");
    assert!(screen.contains("Bij de hele sessie"), "{screen}");
    assert!(screen.contains("Hoe wil je Whize gebruiken?"), "{screen}");
    assert!(screen.contains("✎ Besproken met de FG."), "{screen}");
}
