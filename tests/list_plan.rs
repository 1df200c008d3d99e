//! The action plan's progress in the list: `list` (text and `--json`) and the start screen's
//! rows say how many required actions are done and whether an item is past its due date —
//! decided on the day the list is shown, from counts and the earliest open due date that the
//! list's cache keeps.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use serde_json::Value;

use avg_wijzer::app::PlanChange;
use avg_wijzer::record::plan::ItemStatus;
use avg_wijzer::text::Lang;
use avg_wijzer::tui::app::{Records, Row};
use avg_wijzer::tui::theme::Theme;
use avg_wijzer::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod common;
use common::english::english;
use common::plan::{jan5, jan20, started, workflow};
use common::{BANK, EXAMPLE, Scratch, Ui};

/// A record of the example with item 1 done (its old date never makes it late), item 2 due
/// `due` and item 3 due `later`.
fn record(s: &Scratch, due: &str, later: &str) -> String {
    let wf = workflow(s, jan5);
    let mut work = started(&wf, EXAMPLE);
    for (action, change) in [
        (
            "1",
            PlanChange {
                status: Some(ItemStatus::Done),
                due: Some("2000-01-01".into()),
                ..PlanChange::default()
            },
        ),
        (
            "2",
            PlanChange {
                due: Some(due.into()),
                ..PlanChange::default()
            },
        ),
        (
            "3",
            PlanChange {
                due: Some(later.into()),
                ..PlanChange::default()
            },
        ),
    ] {
        wf.plan(&mut work, action, &change).unwrap();
    }
    work.record().id.clone()
}

#[test]
fn list_says_what_is_done_and_what_is_past_due() {
    let s = Scratch::new("list-plan-text");
    // Past by any clock that runs this test, and far ahead of it; a done item's date never
    // makes it late.
    let late = record(&s, "2020-01-15", "2099-12-31");
    let out = s.run(&["list"]);
    out.assert_ok();
    let row = out.stdout.lines().find(|l| l.starts_with(&late)).unwrap();
    assert!(
        row.contains("1/8 verplicht klaar, te laat"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.starts_with("ID "), "{}", out.stdout);
    assert!(out.stdout.lines().next().unwrap().contains(" ACTIEPLAN "));

    let out = s.run(&["list", "--lang", "en"]);
    let row = out.stdout.lines().find(|l| l.starts_with(&late)).unwrap();
    assert!(
        row.contains("1/8 required done, past due"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.lines().next().unwrap().contains(" ACTION PLAN "));
    english("list", &out.stdout.replace("Voorjaarsactie", ""));

    let out = s.run(&["list", "--json"]);
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    let plan = &v["records"][0]["plan"];
    assert_eq!(
        plan,
        &serde_json::json!({
            "required_done": 1,
            "required_total": 8,
            "recommended_done": 0,
            "recommended_total": 3,
            "first_due": "2020-01-15",
            "past_due": true
        })
    );
}

#[test]
fn nothing_is_late_before_its_date_and_the_list_follows_a_change() {
    let s = Scratch::new("list-plan-ahead");
    let id = record(&s, "2099-01-15", "2099-12-31");
    let out = s.run(&["list"]);
    let row = out.stdout.lines().find(|l| l.starts_with(&id)).unwrap();
    assert!(row.contains("1/8 verplicht klaar "), "{row}");
    assert!(!row.contains("te laat"), "{row}");
    // The list's cache now holds the record; a change to its plan is seen all the same.
    s.run(&["plan", &id, "2", "--status", "done"]).assert_ok();
    let out = s.run(&["list", "--json"]);
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["records"][0]["plan"]["required_done"], 2);
    assert_eq!(v["records"][0]["plan"]["first_due"], "2099-12-31");
    assert_eq!(v["records"][0]["plan"]["past_due"], false);
    // The cache is of the version that keeps the plan.
    let cache = std::fs::read_to_string(s.store().join(".index.jsonl")).unwrap();
    assert!(cache.starts_with(r#"{"avg_wijzer_index":4,"#), "{cache}");
    assert!(cache.contains(r#""first_due":"2099-12-31""#), "{cache}");
}

#[test]
fn a_record_without_advice_has_no_plan_in_the_list() {
    let s = Scratch::new("list-plan-none");
    let store = s.open_store();
    let wf = avg_wijzer::app::Workflow::new(&BANK, Some(store), false);
    let (work, _) = wf.start(Default::default(), vec![], Lang::Nl);
    let out = s.run(&["list", "--json"]);
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["records"][0]["id"], work.record().id.as_str());
    assert!(v["records"][0].get("plan").is_none(), "{v}");
}

/// The start screen on 20 January 2027 with the store's records listed.
fn start_screen(s: &Scratch, lang: Lang, w: u16, h: u16) -> String {
    let store = s.open_store();
    let listing = avg_wijzer::app::list(&store, Row::from).unwrap();
    let mut ui = Ui::new(&BANK, lang, Some(store), false, jan20);
    ui.0.model.theme = Theme::with_color(false);
    ui.0.model.records = Records::Loaded(listing);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| {
            view::draw(f, &ui);
        })
        .unwrap();
    format!("{}", terminal.backend())
}

#[test]
fn the_start_screen_says_it_on_the_day_it_is_shown() {
    let s = Scratch::new("list-plan-start");
    // Due 15 January: on 20 January (the screen's clock) it is late; 31 January is not yet.
    record(&s, "2027-01-15", "2027-01-31");
    let screen = start_screen(&s, Lang::Nl, 80, 24);
    assert!(screen.contains(" Acties klaar "), "{screen}");
    assert!(screen.contains(" 1/8 te laat "), "{screen}");
    let screen = start_screen(&s, Lang::En, 120, 30);
    assert!(screen.contains(" Actions done "), "{screen}");
    assert!(screen.contains(" 1/8 past due "), "{screen}");

    let s = Scratch::new("list-plan-start-ahead");
    record(&s, "2027-01-31", "2027-02-28");
    let screen = start_screen(&s, Lang::Nl, 80, 24);
    assert!(screen.contains(" 1/8 "), "{screen}");
    assert!(!screen.contains("te laat"), "{screen}");
}
