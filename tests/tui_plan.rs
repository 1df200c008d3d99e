//! The action plan in the full-screen interface, driven through `update` as the event loop
//! drives it: the form on the action under the advice's cursor (owner chosen from the
//! participants, a due date, the status cycled, a note), saved through the workflow, refusals
//! shown in the form, leaving with and without changes, a signed-off record changed without a
//! revision, a record opened to read opened to work on first; and drawn (the advice with its
//! plan lines, the form) in Dutch and English.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;

use avg_wijzer::record::plan::ItemStatus;
use avg_wijzer::text::Lang;
use avg_wijzer::tui::action::Action;
use avg_wijzer::tui::app::{Confirm, Overlay, PlanField, Records, Screen};
use avg_wijzer::tui::effect::Effect;
use avg_wijzer::tui::keymap::Ctx;
use avg_wijzer::tui::message::Message;
use avg_wijzer::tui::theme::Theme;
use avg_wijzer::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod common;
use common::english::english;
use common::plan::{file, jan5, jan20, signed_with_plan, started, without_plan, workflow};
use common::{BANK, EXAMPLE, Scratch, Ui};

/// The interface over the scratch store at `clock`, with the record `id` opened to work on and
/// its advice in view (the review's last row shows it).
fn on_advice(s: &Scratch, id: &str, lang: Lang, clock: fn() -> String) -> Ui<'static> {
    let mut ui = Ui::new(&BANK, lang, Some(s.open_store()), false, clock);
    ui.theme = Theme::with_color(false);
    ui.records = Records::Loaded(Default::default());
    ui.open(id);
    key(&mut ui, Action::Bottom);
    key(&mut ui, Action::Select);
    assert!(matches!(ui.screen, Screen::Advice(_)), "on the advice");
    ui
}

/// A completed record of the example (participant "A. de Vries"), made on 5 January 2027.
fn record(s: &Scratch) -> String {
    let wf = workflow(s, jan5);
    started(&wf, EXAMPLE).record().id.clone()
}

fn key(ui: &mut Ui, action: Action) {
    ui.send(Message::Key(action));
}

fn typed(ui: &mut Ui, text: &str) {
    for c in text.chars() {
        ui.send(Message::Input(c));
    }
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

/// The item of `action` in the record file, as JSON.
fn item(s: &Scratch, id: &str, action: &str) -> serde_json::Value {
    file(s, id)["plan"]["items"][action].clone()
}

#[test]
fn the_form_changes_the_item_under_the_cursor_and_the_advice_shows_it() {
    let s = Scratch::new("tui-plan-change");
    let id = record(&s);
    let mut ui = on_advice(&s, &id, Lang::Nl, jan20);
    // The second required action: the privacy statement.
    key(&mut ui, Action::Down);
    key(&mut ui, Action::Plan);
    let form = ui.plan_form().expect("the form is open");
    assert_eq!(form.action, "update_privacy_statement");
    assert_eq!((form.number, form.focus), (2, PlanField::Owner));
    assert!(!form.signed);
    assert_eq!(ui.context(), Ctx::Typing);
    // The owner chosen from the participants.
    key(&mut ui, Action::Choose);
    assert_eq!(ui.plan_form().unwrap().owner.text, "A. de Vries");
    key(&mut ui, Action::NextPanel);
    typed(&mut ui, "2027-01-15");
    key(&mut ui, Action::NextPanel);
    // The status is chosen with the arrows.
    assert_eq!(ui.context(), Ctx::Nav);
    key(&mut ui, Action::Right);
    assert_eq!(ui.plan_form().unwrap().status, ItemStatus::InProgress);
    key(&mut ui, Action::Down);
    // In the reason's field Down is the next field, as the keymap gives it while typing.
    key(&mut ui, Action::NextPanel);
    assert_eq!(ui.plan_form().unwrap().focus, PlanField::Note);
    typed(&mut ui, "concept bij de jurist");
    key(&mut ui, Action::Select);

    assert!(matches!(ui.overlay, Overlay::None), "the form closed");
    let said = status(&ui);
    assert!(said.starts_with("Actieplan bewaard: "), "{said}");
    assert!(said.contains("status open → bezig"), "{said}");
    let saved = item(&s, &id, "update_privacy_statement");
    assert_eq!(saved["owner"], "A. de Vries");
    assert_eq!(saved["due"], "2027-01-15");
    assert_eq!(saved["status"], "in_progress");
    assert_eq!(saved["note"], "concept bij de jurist");
    // On 20 January the item is past its date: marked on its line, and in the plan's summary.
    let screen = draw(&ui, 100, 30);
    assert!(
        screen.contains(
            "eigenaar: A. de Vries · uiterlijk: 15 januari 2027 · status: bezig · ⚠ te laat"
        ),
        "{screen}"
    );
    insta::assert_snapshot!("advice_with_plan_80x24", draw(&ui, 80, 24));
    insta::assert_snapshot!("advice_with_plan_80x22", draw(&ui, 80, 22));
}

#[test]
fn a_refusal_is_shown_in_the_form_and_nothing_is_written() {
    let s = Scratch::new("tui-plan-refused");
    let id = record(&s);
    let before = fs::read(s.record_path(&id)).unwrap();
    let mut ui = on_advice(&s, &id, Lang::Nl, jan20);
    key(&mut ui, Action::Plan);
    key(&mut ui, Action::NextPanel);
    typed(&mut ui, "15-01-2027");
    key(&mut ui, Action::NextPanel);
    key(&mut ui, Action::Select);
    let form = ui.plan_form().expect("the form stays");
    assert_eq!(form.focus, PlanField::Due, "on the field refused");
    assert_eq!(
        form.refused.as_deref(),
        Some("\"15-01-2027\" is geen datum als 2027-01-15")
    );
    assert!(draw(&ui, 80, 24).contains("Niet bewaard: \"15-01-2027\" is geen datum"));
    // Not applicable needs a reason: refused, the cursor on the reason.
    key(&mut ui, Action::Clear);
    key(&mut ui, Action::NextPanel);
    key(&mut ui, Action::Left);
    assert_eq!(ui.plan_form().unwrap().status, ItemStatus::NotApplicable);
    key(&mut ui, Action::Select);
    let form = ui.plan_form().expect("the form stays");
    assert_eq!(form.focus, PlanField::Reason);
    assert!(
        form.refused
            .as_deref()
            .unwrap()
            .contains("vraagt om een reden")
    );
    assert_eq!(
        fs::read(s.record_path(&id)).unwrap(),
        before,
        "nothing written"
    );

    // With the reason it is saved, and the refusal is gone.
    typed(&mut ui, "Geen nieuwe verwerking");
    key(&mut ui, Action::Select);
    assert!(matches!(ui.overlay, Overlay::None));
    let saved = item(&s, &id, "register_processing");
    assert_eq!(saved["status"], "not_applicable");
    assert_eq!(saved["reason"], "Geen nieuwe verwerking");
}

#[test]
fn an_unknown_action_is_refused_in_the_words_of_the_interface() {
    for (lang, words) in [
        (
            Lang::Nl,
            "geen actie \"zzz\" in het actieplan van dit verslag",
        ),
        (Lang::En, "no action \"zzz\" in this record's action plan"),
    ] {
        let s = Scratch::new("tui-plan-unknown");
        let id = record(&s);
        let mut ui = on_advice(&s, &id, lang, jan20);
        key(&mut ui, Action::Plan);
        // The action is gone from the plan by the time the form is saved.
        if let Overlay::Plan(f) = &mut ui.overlay {
            f.action = "zzz".into();
        }
        key(&mut ui, Action::NextPanel);
        typed(&mut ui, "2027-01-15");
        key(&mut ui, Action::Select);
        let refused = ui.plan_form().and_then(|f| f.refused.clone());
        let refused = refused.expect("refused in the form");
        assert!(refused.starts_with(words), "{refused}");
        // The interface has no command line to point at.
        assert!(!refused.contains("avg-wijzer"), "{refused}");
        if lang == Lang::En {
            english("the plan's refusal", &refused);
        }
    }
}

#[test]
fn leaving_with_changes_asks_first_and_without_goes_back_at_once() {
    let s = Scratch::new("tui-plan-leave");
    let id = record(&s);
    let mut ui = on_advice(&s, &id, Lang::Nl, jan20);
    key(&mut ui, Action::Plan);
    key(&mut ui, Action::Leave);
    assert!(matches!(ui.overlay, Overlay::None), "nothing typed: gone");
    key(&mut ui, Action::Plan);
    typed(&mut ui, "Anna");
    key(&mut ui, Action::Leave);
    assert!(matches!(
        ui.overlay,
        Overlay::Confirm(Confirm::DiscardPlan(_))
    ));
    assert!(ui.plan_form().is_some(), "still drawn under the question");
    key(&mut ui, Action::No);
    assert_eq!(
        ui.plan_form().unwrap().owner.text,
        "Anna",
        "back, as it was"
    );
    key(&mut ui, Action::Leave);
    key(&mut ui, Action::Yes);
    assert!(matches!(ui.overlay, Overlay::None));
    assert!(matches!(ui.screen, Screen::Advice(_)));
    assert!(file(&s, &id).get("plan").is_none(), "nothing written");
    // Saving what did not change says so and writes nothing.
    key(&mut ui, Action::Plan);
    key(&mut ui, Action::Select);
    assert_eq!(status(&ui), "Niets gewijzigd in het actieplan.");
    assert!(file(&s, &id).get("plan").is_none());
}

#[test]
fn the_note_is_guarded_like_other_free_text() {
    let s = Scratch::new("tui-plan-guard");
    let id = record(&s);
    let mut ui = on_advice(&s, &id, Lang::Nl, jan20);
    key(&mut ui, Action::Plan);
    key(&mut ui, Action::PrevPanel);
    assert_eq!(ui.plan_form().unwrap().focus, PlanField::Note);
    typed(&mut ui, "gebeld met 06-12345678");
    let warning = ui.plan_form().unwrap().note.warning.clone();
    assert!(
        warning
            .as_deref()
            .is_some_and(|w| w.contains("telefoonnummer")),
        "{warning:?}"
    );
    assert!(draw(&ui, 80, 24).contains("⚠ Let op: dit lijkt op een telefoonnummer"));
}

#[test]
fn a_signed_off_record_changes_its_plan_without_a_revision() {
    let s = Scratch::new("tui-plan-signed");
    let id = signed_with_plan(&s);
    let before = without_plan(file(&s, &id));
    let mut ui = on_advice(&s, &id, Lang::Nl, jan20);
    key(&mut ui, Action::Down);
    key(&mut ui, Action::Plan);
    let form = ui.plan_form().expect("the form is open");
    assert!(form.signed);
    assert_eq!(form.owner.text, "A. de Vries", "filled in with the item");
    let screen = draw(&ui, 80, 24);
    assert!(screen.contains("de aftekening blijft staan"), "{screen}");
    insta::assert_snapshot!("plan_form_signed_80x24", screen);
    insta::assert_snapshot!("plan_form_signed_80x22", draw(&ui, 80, 22));
    keys_to_status(&mut ui);
    key(&mut ui, Action::Right);
    key(&mut ui, Action::Select);
    let said = status(&ui);
    assert_eq!(
        said,
        "Actieplan bewaard; de aftekening blijft staan: status bezig → klaar"
    );
    let after = file(&s, &id);
    assert_eq!(after["id"], id.as_str(), "the same record");
    assert_eq!(
        without_plan(after.clone()),
        before,
        "the sealed part as it was"
    );
    assert_eq!(
        after["plan"]["items"]["update_privacy_statement"]["status"],
        "done"
    );
}

fn keys_to_status(ui: &mut Ui) {
    key(ui, Action::NextPanel);
    key(ui, Action::NextPanel);
    assert_eq!(ui.plan_form().unwrap().focus, PlanField::Status);
}

#[test]
fn a_record_opened_to_read_is_opened_to_work_on_with_the_form_on_the_same_action() {
    let s = Scratch::new("tui-plan-read");
    let id = signed_with_plan(&s);
    let mut ui = Ui::new(&BANK, Lang::Nl, Some(s.open_store()), false, jan20);
    ui.records = Records::Loaded(Default::default());
    ui.0.perform(Effect::Read { id: id.clone() });
    assert!(ui.work.as_ref().is_some_and(|w| w.is_read_only()));
    key(&mut ui, Action::Down);
    key(&mut ui, Action::Plan);
    assert!(
        !ui.work.as_ref().unwrap().is_read_only(),
        "opened to work on"
    );
    assert_eq!(
        ui.plan_form().map(|f| f.action.as_str()),
        Some("update_privacy_statement")
    );
    match &ui.screen {
        Screen::Advice(v) => assert_eq!(v.cursor, 1, "the same entry"),
        _ => panic!("not on the advice"),
    }
}

#[test]
fn an_entry_that_is_no_action_has_no_plan() {
    let s = Scratch::new("tui-plan-none");
    let id = record(&s);
    let mut ui = on_advice(&s, &id, Lang::Nl, jan20);
    key(&mut ui, Action::Bottom);
    key(&mut ui, Action::Plan);
    assert!(ui.plan_form().is_none());
    assert!(
        status(&ui).starts_with("Kies eerst een actie"),
        "{}",
        status(&ui)
    );
}

#[test]
fn in_english_the_form_and_the_plan_lines_are_english() {
    let s = Scratch::new("tui-plan-en");
    let id = signed_with_plan(&s);
    let mut ui = on_advice(&s, &id, Lang::En, jan20);
    let advice = draw(&ui, 100, 30);
    assert!(
        advice.contains(
            "owner: A. de Vries · due: 15 January 2027 · status: in progress · ⚠ past due"
        ),
        "{advice}"
    );
    key(&mut ui, Action::Down);
    key(&mut ui, Action::Plan);
    typed(&mut ui, "x");
    let form = draw(&ui, 80, 24);
    insta::assert_snapshot!("plan_form_en_80x24", form);
    insta::assert_snapshot!("plan_form_en_80x22", draw(&ui, 80, 22));
    // The screen's own words, not the record's.
    let words: String = form
        .lines()
        .skip(2)
        .filter(|l| !l.contains("A. de Vries"))
        .collect::<Vec<_>>()
        .join("\n");
    english(
        "the plan's form",
        &words.replace(['│', '┌', '┐', '└', '┘', '─', '▶', '"'], " "),
    );
}

#[test]
fn a_row_of_the_list_stays_slim_and_knows_what_is_past_due() {
    use avg_wijzer::record::plan::Tally;
    use avg_wijzer::tui::app::{PlanRow, Row, packed_date};
    // 10,000 records in the store: the start screen's rows are most of the session's memory.
    // A row's strings are one allocation beside it (see `Row`).
    assert!(
        std::mem::size_of::<Row>() <= 40,
        "{}",
        std::mem::size_of::<Row>()
    );
    // Its parts come back as they went in, an empty verdict still a verdict.
    for verdict in [None, Some(""), Some("not_allowed")] {
        let row = Row::new(
            "20261123-101500-00000000aa",
            "Zomerlezen — jeugd",
            avg_wijzer::record::Status::Completed,
            verdict,
            "2026-11-23T10:15:00Z",
            PlanRow::default(),
        );
        assert_eq!(
            (row.id(), row.campaign(), row.verdict(), row.updated()),
            (
                "20261123-101500-00000000aa",
                "Zomerlezen — jeugd",
                verdict,
                "2026-11-23T10:15:00Z"
            )
        );
    }
    // The packed dates keep the order of the dates.
    let dates = [
        "1999-12-31",
        "2026-11-30",
        "2026-12-01",
        "2027-01-01",
        "2127-12-31",
        "2200-01-01",
    ];
    for pair in dates.windows(2) {
        assert!(packed_date(pair[0]) < packed_date(pair[1]), "{pair:?}");
    }
    assert_eq!(packed_date("morgen"), 0);
    let tally = Tally {
        required_done: 4,
        required_total: 9,
        first_due: Some("2027-01-15".into()),
        ..Tally::default()
    };
    let row = PlanRow::of(Some(&tally));
    assert_eq!((row.done, row.total), (4, 9));
    assert!(!row.is_past_due("2027-01-15"), "due today is not late");
    assert!(row.is_past_due("2027-01-16"));
    assert!(tally.is_past_due("2027-01-16") && !tally.is_past_due("2027-01-15"));
    assert!(
        !PlanRow::of(None).is_past_due("2099-01-01"),
        "no plan, nothing late"
    );
}
