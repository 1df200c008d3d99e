//! The interface's update function on the question screen and the review: a message in, the
//! model out. Answering by keys to the advice, going back and forth, changing an earlier answer
//! from the review or the side list, checkboxes and their exclusive option, notes, leaving with
//! unconfirmed marks, and the mouse (a click moves, a second chooses; a checkbox or an advice
//! entry toggles at once). What these tests share is in `common::tui`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use avg_wijzer::bank::Kind;
use avg_wijzer::engine::Answer;
use avg_wijzer::record::{self, Status};
use avg_wijzer::tui::app::*;
use avg_wijzer::tui::keymap::{Action, Ctx};
use avg_wijzer::tui::message::Message;

mod common;
use common::bank;
use common::tui::{answer_all, answer_of, begin, choice, key, keys, model, on, to_audience, typed};

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

#[test]
fn notes_are_saved_and_guarded() {
    use Action::*;
    let bank = bank();
    let mut m = model(&bank, None);
    begin(&mut m);
    typed(&mut m, "Doel");
    key(&mut m, Select);
    key(&mut m, Note);
    assert_eq!(m.context(), Ctx::Lines);
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
        choice(&bank, "use_case", "address_selection")
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

/// While the window is too small only the request to enlarge it shows: no key, typed text,
/// paste or click acts on the question under it; Ctrl-C still quits.
#[test]
fn nothing_but_quitting_works_while_the_window_is_too_small() {
    let bank = bank();
    let mut m = model(&bank, None);
    begin(&mut m);
    typed(&mut m, "Doel");
    key(&mut m, Action::Select);
    assert_eq!(on(&m), "use_case");
    m.send(Message::Resize(80, 21));
    keys(
        &mut m,
        &[Action::Down, Action::Select, Action::Leave, Action::Help],
    );
    m.send(Message::Click(0));
    m.send(Message::Click(0));
    m.send(Message::Paste("x".into()));
    m.send(Message::Resize(80, 22));
    assert_eq!(on(&m), "use_case");
    assert!(answer_of(&m, "use_case").is_none());
    assert!(matches!(m.overlay, Overlay::None));
    match &m.screen {
        Screen::Question(s) => assert_eq!(s.cursor, 0),
        _ => unreachable!(),
    }
    m.send(Message::Resize(79, 40));
    key(&mut m, Action::Exit);
    assert_eq!(m.run, Run::Done);
}
