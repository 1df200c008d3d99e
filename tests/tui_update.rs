//! The interface's update function: a message in, the model out. Navigation, changing an
//! earlier answer, notes, sign-off and revisions, resuming from the store, and leaving.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use avg_wijzer::app;
use avg_wijzer::bank::{Bank, Kind};
use avg_wijzer::engine::Answer;
use avg_wijzer::record::{self, Assessment, Campaign, Status};
use avg_wijzer::store::{Listing, Store};
use avg_wijzer::text::Lang;
use avg_wijzer::tui::app::*;
use avg_wijzer::tui::keymap::{Action, Ctx};
use avg_wijzer::tui::message::Message;

mod common;
use common::{Scratch, Ui, bank, fixed_clock};

fn model(bank: &Bank, store: Option<Store>) -> Ui<'_> {
    Ui::new(bank, Lang::Nl, store, false, fixed_clock)
}

fn key(m: &mut Ui, a: Action) {
    m.send(Message::Key(a));
}

fn keys(m: &mut Ui, actions: &[Action]) {
    for &a in actions {
        key(m, a);
    }
}

fn typed(m: &mut Ui, text: &str) {
    for c in text.chars() {
        m.send(Message::Input(c));
    }
}

/// The id of the question on screen.
fn on<'a>(m: &'a Model) -> &'a str {
    match &m.screen {
        Screen::Question(s) => &m.bank.questions[s.q].id,
        Screen::Review(_) => "review",
        Screen::Advice(_) => "advice",
        Screen::Start(_) => "start",
        Screen::NewForm(_) => "new",
        Screen::SignOff(_) => "sign-off",
        Screen::Export(_) => "export",
    }
}

fn answer_of(m: &Model, id: &str) -> Option<Answer> {
    let q = m.bank.question_id(id)?;
    m.assessment()?.session.answer(q).cloned()
}

/// From the start screen through the new-assessment form to the first question.
fn begin(m: &mut Ui) {
    key(m, Action::Select);
    assert_eq!(on(m), "new");
    assert_eq!(m.context(), Ctx::Typing);
    typed(m, "Voorjaarsactie 2027");
    keys(m, &[Action::Select, Action::Select]);
    typed(m, "Anna (marketing), Piet (FG)");
    key(m, Action::Select);
    assert_eq!(on(m), "campaign_purpose");
}

/// From the start screen to the audience question (multiple choice) of a direct-marketing
/// campaign.
fn to_audience(m: &mut Ui) {
    use Action::*;
    begin(m);
    typed(m, "Doel");
    key(m, Select);
    keys(m, &[Down, Down, Select, Down, Select, Select, Down, Select]);
    assert_eq!(on(m), "audience");
}

/// Answers the example campaign from the first question to the review.
fn answer_all(m: &mut Ui) {
    use Action::*;
    typed(m, "Meer jonge gezinnen");
    key(m, Select);
    keys(m, &[Down, Down, Select]); // use_case: address_selection
    keys(m, &[Down, Select]); // pc6_house_number
    key(m, Select); // poi_license
    keys(m, &[Down, Select]); // direct_marketing
    keys(m, &[Toggle, Down, Down, Toggle, Select]); // existing + former customers
    keys(m, &[Down, Toggle, Select]); // e-mail
    keys(m, &[Down, Select]); // lending history: no
    key(m, Select); // consent
    keys(m, &[Down, Select]); // some
}

#[test]
fn a_whole_assessment_by_keys_reaches_the_advice() {
    let bank = bank();
    let mut m = model(&bank, None);
    begin(&mut m);
    let r = m.record().expect("record");
    assert_eq!(r.campaign.name, "Voorjaarsactie 2027");
    assert_eq!(r.participants.len(), 2);
    assert_eq!(r.participants[1].role, "FG");
    answer_all(&mut m);
    assert_eq!(on(&m), "review");
    key(&mut m, Action::Bottom);
    key(&mut m, Action::Select);
    assert_eq!(on(&m), "advice");
    let r = m.record().expect("record");
    assert_eq!(r.status, Status::Completed);
    assert_eq!(r.answers.len(), 10);
    assert_eq!(
        r.outcome.as_ref().map(|o| o.verdict.value.clone()),
        Some(serde_json::json!("allowed_with_actions"))
    );
}

#[test]
fn back_and_forward_keep_the_answers() {
    use Action::*;
    let bank = bank();
    let mut m = model(&bank, None);
    begin(&mut m);
    typed(&mut m, "Doel");
    key(&mut m, Select);
    keys(&mut m, &[Down, Down, Select]);
    assert_eq!(on(&m), "postcode_granularity");
    key(&mut m, Back);
    assert_eq!(on(&m), "use_case");
    // The saved answer is under the cursor.
    let Screen::Question(s) = &m.screen else {
        panic!()
    };
    assert_eq!(s.cursor, 2);
    key(&mut m, Forward);
    assert_eq!(on(&m), "postcode_granularity");
    // Forward past an open question is refused, in words.
    key(&mut m, Forward);
    assert_eq!(on(&m), "postcode_granularity");
    assert!(m.status.is_some());
    keys(&mut m, &[Back, Back]);
    assert_eq!(on(&m), "campaign_purpose");
    key(&mut m, Back);
    assert_eq!(on(&m), "campaign_purpose");
    assert_eq!(
        answer_of(&m, "campaign_purpose"),
        Some(Answer::Text("Doel".into()))
    );
}

#[test]
fn changing_an_earlier_answer_from_the_review_changes_the_path() {
    use Action::*;
    let bank = bank();
    let mut m = model(&bank, None);
    begin(&mut m);
    answer_all(&mut m);
    assert_eq!(on(&m), "review");
    // Row 2 is use_case; make it an area map, which ends the path at once.
    keys(&mut m, &[Down, Select]);
    assert_eq!(on(&m), "use_case");
    keys(&mut m, &[Top, Select]);
    assert_eq!(on(&m), "review");
    let a = m.assessment().expect("assessment");
    assert_eq!(a.session.walk(&bank).path.len(), 2);
    // The answers off the path are kept, and come back when the path returns.
    assert!(answer_of(&m, "legal_basis").is_some());
    keys(&mut m, &[Top, Down, Select, Down, Down, Select]);
    assert_eq!(on(&m), "review");
    let r = m.record().expect("record");
    assert!(
        r.history
            .iter()
            .any(|e| matches!(e, record::Event::Changed { .. }))
    );
}

#[test]
fn an_earlier_answer_is_changed_from_the_side_list() {
    use Action::*;
    let bank = bank();
    let mut m = model(&bank, None);
    begin(&mut m);
    typed(&mut m, "Doel");
    key(&mut m, Select);
    keys(&mut m, &[Down, Select]); // coverage analysis
    assert_eq!(on(&m), "postcode_granularity");
    key(&mut m, Edit);
    let Screen::Question(s) = &m.screen else {
        panic!()
    };
    assert_eq!(s.focus, Pane::Answers);
    assert_eq!(s.answers_cursor, 1);
    key(&mut m, Select);
    assert_eq!(on(&m), "use_case");
    keys(&mut m, &[Down, Select]); // address selection
    // After a jump, on to the first open question.
    assert_eq!(on(&m), "postcode_granularity");
}

#[test]
fn checkboxes_respect_an_exclusive_option_and_need_one() {
    use Action::*;
    let bank = bank();
    let mut m = model(&bank, None);
    to_audience(&mut m);
    keys(&mut m, &[Toggle, Select]);
    assert_eq!(on(&m), "channel");
    // Enter with nothing checked is refused.
    key(&mut m, Select);
    assert_eq!(on(&m), "channel");
    assert_eq!(m.status.as_ref().map(|n| n.kind), Some(NoticeKind::Error));
    // "none" is exclusive: checking it clears the others, and the reverse.
    keys(&mut m, &[Toggle, Bottom, Toggle]);
    let Screen::Question(s) = &m.screen else {
        panic!()
    };
    let q = &bank.questions[s.q];
    assert_eq!(q.kind, Kind::Multiple);
    assert_eq!(s.marks, 1 << (q.options.len() - 1));
    keys(&mut m, &[Top, Toggle]);
    let Screen::Question(s) = &m.screen else {
        panic!()
    };
    assert_eq!(s.marks, 1);
}

#[test]
fn notes_are_saved_and_guarded() {
    use Action::*;
    let bank = bank();
    let mut m = model(&bank, None);
    begin(&mut m);
    typed(&mut m, "Doel");
    key(&mut m, Select);
    key(&mut m, Note);
    assert_eq!(m.context(), Ctx::Typing);
    typed(&mut m, "Bel 06-12345678");
    let Overlay::Note { field, .. } = &m.overlay else {
        panic!()
    };
    assert!(
        field
            .warning
            .as_deref()
            .unwrap_or("")
            .contains("telefoonnummer")
    );
    key(&mut m, Select);
    let r = m.record().expect("record");
    assert_eq!(
        r.notes.get("use_case").map(String::as_str),
        Some("Bel 06-12345678")
    );
    // Esc leaves a note as it was.
    key(&mut m, Note);
    typed(&mut m, " en meer");
    key(&mut m, Leave);
    let r = m.record().expect("record");
    assert_eq!(
        r.notes.get("use_case").map(String::as_str),
        Some("Bel 06-12345678")
    );
}

#[test]
fn leaving_with_unconfirmed_checkboxes_asks_first() {
    use Action::*;
    let bank = bank();
    let mut m = model(&bank, None);
    to_audience(&mut m);
    assert_eq!(on(&m), "audience");
    key(&mut m, Toggle);
    key(&mut m, Leave);
    assert!(matches!(m.overlay, Overlay::Confirm(Confirm::Discard)));
    assert_eq!(m.context(), Ctx::Dialog);
    key(&mut m, No);
    assert_eq!(on(&m), "audience");
    key(&mut m, Leave);
    key(&mut m, Yes);
    assert_eq!(on(&m), "start");
    // Nothing confirmed was lost: the earlier answers are in the record, now off screen.
    assert_eq!(m.run, Run::Running);
    key(&mut m, Leave);
    assert_eq!(m.run, Run::Done);
}

#[test]
fn ctrl_c_always_exits() {
    let bank = bank();
    let mut m = model(&bank, None);
    begin(&mut m);
    key(&mut m, Action::Note);
    key(&mut m, Action::Exit);
    assert_eq!(m.run, Run::Done);
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
        bank.questions[bank.question_id("use_case").unwrap()]
            .choice("address_selection")
            .ok()
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
fn the_fg_signs_the_sign_off_with_an_ssh_key_from_the_form() {
    use Action::*;
    let store = Scratch::new("signed");
    let bank = bank();
    let mut m = model(&bank, Some(store.open_store()));
    begin(&mut m);
    answer_all(&mut m);
    keys(&mut m, &[Bottom, Select]);
    key(&mut m, SignOff);
    typed(&mut m, "Fatima de Vries");
    let keys_dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/keys");
    // A protected key without its passphrase: refused in words, nothing signed or saved.
    keys(&mut m, &[NextPanel, NextPanel, NextPanel, NextPanel]);
    typed(&mut m, &format!("{keys_dir}/fg_ed25519_protected"));
    key(&mut m, Select);
    assert_eq!(on(&m), "sign-off");
    let status = m.status.as_ref().expect("an error");
    assert_eq!(status.kind, NoticeKind::Error);
    assert!(
        status.text.contains("vul de wachtwoordzin in"),
        "{}",
        status.text
    );
    let r = m.record().expect("record");
    assert!(r.signoff.is_none() && r.signature.is_none());
    assert!(
        store
            .open_store()
            .load(&r.id)
            .unwrap()
            .record
            .signoff
            .is_none()
    );
    // With the passphrase (typed in the masked field) it is signed, saved and said.
    key(&mut m, NextPanel);
    typed(&mut m, "geheime wachtwoordzin");
    key(&mut m, Select);
    assert_eq!(on(&m), "advice");
    let r = m.record().expect("record").clone();
    let sig = r.signature.as_ref().expect("signed with the key");
    assert!(sig.armored.starts_with("-----BEGIN SSH SIGNATURE-----"));
    let status = m.status.as_ref().expect("said");
    assert!(
        status.text.contains("ondertekend met je SSH-sleutel"),
        "{}",
        status.text
    );
    let saved = store.open_store().load(&r.id).unwrap();
    assert!(saved.unverified.is_none());
    assert_eq!(saved.record.signature.as_ref(), Some(sig));
    // The passphrase is kept nowhere: not in the form's place, not in the record file.
    let file = std::fs::read_to_string(store.store().join(format!("{}.json", r.id))).unwrap();
    assert!(!file.contains("geheime wachtwoordzin") && !file.contains("PRIVATE KEY"));
}

#[test]
fn sign_off_freezes_and_a_change_makes_a_revision() {
    use Action::*;
    let store = Scratch::new("revision");
    let bank = bank();
    let mut m = model(&bank, Some(store.open_store()));
    begin(&mut m);
    answer_all(&mut m);
    keys(&mut m, &[Bottom, Select]);
    assert_eq!(on(&m), "advice");
    key(&mut m, SignOff);
    assert_eq!(on(&m), "sign-off");
    // A sign-off without a name is refused, in words.
    keys(&mut m, &[Select, Select, Select, Select]);
    assert_eq!(on(&m), "sign-off");
    assert_eq!(m.status.as_ref().map(|n| n.kind), Some(NoticeKind::Error));
    // From the remarks past the key and its passphrase, round to the name.
    keys(&mut m, &[NextPanel, NextPanel, NextPanel]);
    typed(&mut m, "Fatima de Vries");
    keys(&mut m, &[NextPanel, NextPanel, Right, NextPanel]);
    typed(&mut m, "Eerst de privacyverklaring");
    key(&mut m, Select);
    assert_eq!(on(&m), "advice");
    let first = m.record().expect("record").clone();
    assert_eq!(first.status, Status::SignedOff);
    let signoff = first.signoff.as_ref().expect("signed");
    assert_eq!(signoff.name, "Fatima de Vries");
    assert_eq!(signoff.decision, record::Decision::ApprovedWithConditions);
    assert_eq!(
        store
            .open_store()
            .load(&first.id)
            .expect("saved")
            .record
            .status,
        Status::SignedOff
    );

    // Changing an answer now continues as a new revision; the signed record stays.
    keys(&mut m, &[Edit, Top, Down, Select, Down, Select]);
    let second = m.record().expect("record").clone();
    assert_ne!(second.id, first.id);
    assert_eq!(second.revision, 2);
    assert_eq!(
        second.previous.as_ref().map(|p| p.id.as_str()),
        Some(first.id.as_str())
    );
    assert_eq!(
        store
            .open_store()
            .load(&first.id)
            .expect("first")
            .record
            .status,
        Status::SignedOff
    );
    assert_eq!(
        store
            .open_store()
            .load(&second.id)
            .expect("second")
            .record
            .revision,
        2
    );
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
fn export_never_overwrites_without_asking() {
    use Action::*;
    let store = Scratch::new("export");
    let bank = bank();
    let mut m = model(&bank, Some(store.open_store()));
    begin(&mut m);
    answer_all(&mut m);
    keys(&mut m, &[Bottom, Select, Export]);
    assert_eq!(on(&m), "export");
    let out = store.store().join("uit.md");
    std::fs::write(&out, "eerder").unwrap();
    key(&mut m, NextPanel);
    assert_eq!(m.context(), Ctx::Typing);
    let Screen::Export(f) = &mut m.screen else {
        panic!()
    };
    f.path.set(&out.display().to_string(), Lang::Nl);
    key(&mut m, Select);
    assert!(matches!(
        m.overlay,
        Overlay::Confirm(Confirm::Overwrite { .. })
    ));
    key(&mut m, No);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "eerder");
    key(&mut m, Select);
    key(&mut m, Yes);
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("Voorjaarsactie 2027")
    );
    assert_eq!(on(&m), "advice");
}

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
fn a_click_moves_the_cursor_and_a_second_click_chooses() {
    use Action::*;
    let bank = bank();
    let mut m = model(&bank, None);
    // Row 0 of the start screen, "new assessment", is under the cursor: a click opens it.
    m.send(Message::Click(0));
    assert_eq!(on(&m), "new");
    typed(&mut m, "Klik");
    keys(&mut m, &[Select, Select, Select]);
    typed(&mut m, "Doel");
    key(&mut m, Select);
    assert_eq!(on(&m), "use_case");
    // Single choice: the first click only moves.
    m.send(Message::Click(2));
    assert_eq!(on(&m), "use_case");
    let Screen::Question(s) = &m.screen else {
        panic!()
    };
    assert_eq!(s.cursor, 2);
    m.send(Message::Click(2));
    assert_eq!(on(&m), "postcode_granularity");
    assert_eq!(
        answer_of(&m, "use_case"),
        bank.questions[bank.question_id("use_case").unwrap()]
            .choice("address_selection")
            .ok()
    );
    // While an overlay is open, clicks on what lies under it do nothing.
    key(&mut m, Help);
    m.send(Message::Click(1));
    m.send(Message::Click(1));
    assert!(matches!(m.overlay, Overlay::Help { .. }));
    assert_eq!(on(&m), "postcode_granularity");
}

#[test]
fn a_click_on_a_checkbox_or_an_advice_entry_toggles_it_at_once() {
    use Action::*;
    let bank = bank();
    let mut m = model(&bank, None);
    to_audience(&mut m);
    assert_eq!(
        bank.questions[bank.question_id(on(&m)).unwrap()]
            .kind
            .name(),
        "multiple"
    );
    m.send(Message::Click(1));
    m.send(Message::Click(3));
    m.send(Message::Click(1));
    let Screen::Question(s) = &m.screen else {
        panic!()
    };
    assert_eq!((s.marks, s.cursor), (0b1000, 1));

    let mut m = model(&bank, None);
    begin(&mut m);
    answer_all(&mut m);
    keys(&mut m, &[Bottom, Select]);
    assert_eq!(on(&m), "advice");
    m.send(Message::Click(2));
    let Screen::Advice(v) = &m.screen else {
        panic!()
    };
    assert_eq!(
        (v.cursor, v.expanded.iter().copied().collect::<Vec<_>>()),
        (2, vec![2])
    );
}

#[test]
fn confirming_no_checkbox_says_so_in_the_interfaces_words() {
    let bank = bank();
    let mut m = model(&bank, None);
    to_audience(&mut m);
    key(&mut m, Action::Select);
    assert_eq!(on(&m), "audience");
    let status = m.status.as_ref().expect("a message");
    assert_eq!(status.kind, NoticeKind::Error);
    assert_eq!(
        status.text,
        "Vink eerst minstens één antwoord aan met Spatie."
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
    keys(&mut m, &[Select, Select, Select, Select]);
    assert_eq!(on(&m), "advice");
    let signed = m.record().expect("record").id.clone();
    key(&mut m, Leave);
    let rows: Vec<_> = m
        .listed()
        .iter()
        .map(|r| (r.id.to_string(), r.status))
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
        .map(|r| (r.id.to_string(), r.status))
        .collect();
    assert_eq!(rows[0].0, revision);
    assert_eq!(rows[1], (signed, Status::SignedOff));
    assert_eq!(store.open_store().list().unwrap().records.len(), 2);
}

/// `update` itself touches nothing outside the model: it hands back what it wants done, and
/// an answer takes the open record along with the effect, to come back with the result.
#[test]
fn update_asks_for_effects_and_does_no_io() {
    use avg_wijzer::tui::effect::Effect;
    use avg_wijzer::tui::update::update;
    let bank = bank();
    let mut m = Model::new(&bank, Lang::Nl, String::new());
    assert!(update(&mut m, Message::Key(Action::Select)).is_none());
    for c in "Actie".chars() {
        assert!(update(&mut m, Message::Input(c)).is_none());
    }
    update(&mut m, Message::Key(Action::Select));
    update(&mut m, Message::Key(Action::Select));
    match update(&mut m, Message::Key(Action::Select)) {
        Some(Effect::Start { campaign, .. }) => assert_eq!(campaign.name, "Actie"),
        _ => panic!("a new record is asked for"),
    }
    assert!(
        m.work.is_none(),
        "nothing is made before the effect's result"
    );

    let a = Assessment::start(
        &bank,
        "x".into(),
        Campaign::default(),
        vec![],
        Lang::Nl,
        "now",
    );
    m.work = Some(Work::Editing(avg_wijzer::app::Work::unsaved(a)));
    m.screen = Screen::Question(Asking::new(&bank, bank.start, None, Origin::Flow, Lang::Nl));
    for c in "Lezen".chars() {
        update(&mut m, Message::Input(c));
    }
    match update(&mut m, Message::Key(Action::Select)) {
        Some(Effect::Answer { work, q, .. }) => {
            assert_eq!(q, bank.start);
            assert!(
                work.record().answers.is_empty(),
                "answered by the workflow, not here"
            );
        }
        _ => panic!("an answer is asked for"),
    }
    assert!(m.work.is_none(), "the record went with the effect");
}
