//! The interface's update function on the start screen and the new-assessment form, with a
//! store: the record list arriving later, editing a field, opening a saved record read-only,
//! resuming an unfinished one, refusing an altered one unless accepted (then continued as a
//! revision), and the list following sign-off and revision. What these tests share is in
//! `common::tui`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use avg_wijzer::app;
use avg_wijzer::record::{self, Assessment, Campaign, Status};
use avg_wijzer::store::Listing;
use avg_wijzer::text::Lang;
use avg_wijzer::tui::app::*;
use avg_wijzer::tui::keymap::Action;
use avg_wijzer::tui::message::Message;

mod common;
use common::tui::{answer_all, answer_of, begin, choice, key, keys, model, on, typed};
use common::{Scratch, Ui, bank, fixed_clock};

#[test]
fn the_record_list_arrives_later_and_keeps_the_cursor_in_range() {
    let bank = bank();
    let mut m = model(&bank, None);
    assert!(matches!(m.records, Records::Loading));
    key(&mut m, Action::Bottom);
    m.send(Message::Listed(Ok(Listing::default())));
    assert!(matches!(m.records, Records::Loaded(_)));
    m.send(Message::Listed(Err("kapot".into())));
    assert!(matches!(m.records, Records::Failed(_)));
    key(&mut m, Action::Select);
    assert_eq!(on(&m), "new");
}

#[test]
fn delete_and_ctrl_u_edit_a_field() {
    let bank = bank();
    let mut m = model(&bank, None);
    key(&mut m, Action::Select);
    typed(&mut m, "Voorjaar");
    keys(
        &mut m,
        &[
            Action::Top,
            Action::EraseForward,
            Action::Bottom,
            Action::EraseForward,
        ],
    );
    let name = |m: &Model| match &m.screen {
        Screen::NewForm(f) => (f.name.text.clone(), f.name.cursor),
        _ => panic!("not on the form"),
    };
    assert_eq!(
        name(&m),
        ("oorjaar".to_string(), 7),
        "Delete at the end does nothing"
    );
    key(&mut m, Action::Clear);
    assert_eq!(name(&m), (String::new(), 0));
}

#[test]
fn a_saved_record_opens_read_only_with_its_advice() {
    use Action::*;
    let store = Scratch::new("view");
    let bank = bank();
    let s = store.open_store();
    let now = fixed_clock();
    let mut a = Assessment::start(
        &bank,
        s.new_id(&now),
        Campaign::default(),
        vec![],
        Lang::Nl,
        &now,
    );
    for (id, v) in [("campaign_purpose", "x"), ("use_case", "area_map")] {
        let q = bank.question_id(id).unwrap();
        let ans = bank.questions[q]
            .parse_answer(&serde_json::json!(v))
            .unwrap();
        a.answer(q, ans, &now).unwrap();
    }
    s.create(&mut a.record).unwrap();
    let mut m = model(&bank, Some(store.open_store()));
    m.send(Message::Listed(Ok(app::list(
        &store.open_store(),
        Row::from,
    )
    .unwrap())));
    keys(&mut m, &[Down, Select]);
    assert_eq!(on(&m), "advice");
    assert!(m.work.as_ref().is_some_and(Work::is_read_only));
    // Read-only: no note; e continues it for changes.
    key(&mut m, Note);
    assert!(matches!(m.overlay, Overlay::None));
    key(&mut m, Edit);
    assert!(m.assessment().is_some());
    assert_eq!(on(&m), "review");
}

#[test]
fn every_answer_is_saved_and_an_unfinished_record_resumes() {
    use Action::*;
    let store = Scratch::new("resume");
    let bank = bank();
    let mut m = model(&bank, Some(store.open_store()));
    begin(&mut m);
    typed(&mut m, "Doel");
    key(&mut m, Select);
    keys(&mut m, &[Down, Down, Select]);
    let id = m.record().expect("record").id.clone();
    // On disk after each answer, without leaving.
    let saved = store.open_store().load(&id).expect("saved record").record;
    assert_eq!(saved.answers.len(), 2);
    assert_eq!(saved.status, Status::InProgress);
    drop(m);

    let mut m = model(&bank, Some(store.open_store()));
    m.open(&id);
    assert_eq!(on(&m), "postcode_granularity");
    assert_eq!(
        answer_of(&m, "use_case"),
        choice(&bank, "use_case", "address_selection")
    );
    // From the start screen too: Enter on an unfinished record continues it.
    let listing = app::list(&store.open_store(), Row::from).expect("list");
    m.send(Message::Listed(Ok(listing)));
    key(&mut m, Leave);
    assert_eq!(on(&m), "start");
    assert_eq!(m.listed().len(), 1);
    let Screen::Start(s) = &m.screen else {
        panic!()
    };
    assert_eq!(s.cursor, 1, "the record just left is under the cursor");
    key(&mut m, Select);
    assert_eq!(on(&m), "postcode_granularity");
}

#[test]
fn an_altered_record_is_refused_unless_accepted_and_then_continued_as_a_revision() {
    let store = Scratch::new("altered");
    let bank = bank();
    let mut m = model(&bank, Some(store.open_store()));
    begin(&mut m);
    typed(&mut m, "Doel");
    key(&mut m, Action::Select);
    let id = m.record().expect("record").id.clone();
    drop(m);
    let path = store.store().join(format!("{id}.json"));
    let forged = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\"Doel\"", "\"Iets anders\"");
    std::fs::write(&path, &forged).unwrap();

    let mut m = model(&bank, Some(store.open_store()));
    m.open(&id);
    let status = m.status.as_ref().expect("refused");
    assert_eq!(status.kind, NoticeKind::Error);
    assert!(
        status.text.contains("is na het opslaan gewijzigd (answers"),
        "{}",
        status.text
    );
    assert!(m.work.is_none());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), forged);

    // Accepted: opened as it is, and nothing written until a change.
    let mut m = Ui::new(&bank, Lang::Nl, Some(store.open_store()), true, fixed_clock);
    m.open(&id);
    assert_eq!(m.record().expect("opened").id, id);
    assert!(
        m.status
            .as_ref()
            .is_some_and(|n| n.text.contains("na het opslaan gewijzigd")),
        "{:?}",
        m.status.as_ref().map(|n| &n.text)
    );
    key(&mut m, Action::Leave);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), forged);
    assert_eq!(
        store.open_store().list().unwrap().records.len(),
        1,
        "no revision"
    );
    // The first change continues it as a new revision, whose history says so.
    m.open(&id);
    key(&mut m, Action::Select);
    let r = m.record().expect("continued").clone();
    assert_ne!(r.id, id);
    assert!(
        m.status
            .as_ref()
            .is_some_and(|n| n.text.contains("gewijzigde verslag")),
        "{:?}",
        m.status.as_ref().map(|n| &n.text)
    );
    assert!(
        matches!(&r.history[0], record::Event::Revision { altered, .. } if !altered.is_empty())
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), forged);
    assert!(
        store
            .open_store()
            .load(&r.id)
            .expect("saved")
            .unverified
            .is_none()
    );
}

/// The list on the start screen shows each record as it was last written: signed off after a
/// sign-off, and a revision beside the record it continues. Opening a signed record and
/// leaving it adds nothing.
#[test]
fn the_list_follows_sign_off_and_revision_and_opening_adds_nothing() {
    use Action::*;
    let store = Scratch::new("list");
    let bank = bank();
    let mut m = model(&bank, Some(store.open_store()));
    m.send(Message::Listed(Ok(Listing::default())));
    begin(&mut m);
    answer_all(&mut m);
    keys(&mut m, &[Bottom, Select, SignOff]);
    typed(&mut m, "Fatima de Vries");
    // Name → role → date → decision (chosen) → remarks; the summary, and yes.
    keys(
        &mut m,
        &[Select, Select, Select, Right, Select, Select, Yes],
    );
    assert_eq!(on(&m), "advice");
    let signed = m.record().expect("record").id.clone();
    key(&mut m, Leave);
    let rows: Vec<_> = m
        .listed()
        .iter()
        .map(|r| (r.id().to_string(), r.status))
        .collect();
    assert_eq!(rows, [(signed.clone(), Status::SignedOff)]);

    // Opened again and left without a change: no revision, on disk or in the list.
    key(&mut m, Edit);
    assert!(
        m.status
            .as_ref()
            .is_some_and(|n| n.text.contains("nieuwe revisie")),
        "{:?}",
        m.status
    );
    key(&mut m, Leave);
    assert_eq!(m.listed().len(), 1);
    assert_eq!(store.open_store().list().unwrap().records.len(), 1);

    // A change makes the revision, listed on top of the signed record.
    key(&mut m, Edit);
    assert_eq!(on(&m), "review");
    keys(&mut m, &[Top, Down, Select, Down, Select]);
    let revision = m.record().expect("record").id.clone();
    assert_ne!(revision, signed);
    key(&mut m, Leave);
    let rows: Vec<_> = m
        .listed()
        .iter()
        .map(|r| (r.id().to_string(), r.status))
        .collect();
    assert_eq!(rows[0].0, revision);
    assert_eq!(rows[1], (signed, Status::SignedOff));
    assert_eq!(store.open_store().list().unwrap().records.len(), 2);
}
