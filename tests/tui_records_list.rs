//! The start screen's record list as a list of campaigns: a chain of revisions folded under its
//! newest and unfolded, the columns at 80, 100 and 120 columns, the full id of the row under
//! the cursor, the filter typed over the list, and archiving a draft (never a signed record)
//! and restoring it, through the store.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use avg_wijzer::record::Status;
use avg_wijzer::store::Listing;
use avg_wijzer::text::Lang;
use avg_wijzer::tui::app::*;
use avg_wijzer::tui::effect::Effect;
use avg_wijzer::tui::keymap::Action;
use avg_wijzer::tui::message::Message;
use avg_wijzer::tui::update::update;

mod common;
use common::screens::{model, render};
use common::{EXAMPLE, Scratch, bank};

const C3: &str = "20261125-090000-00000000c3";
const C2: &str = "20261120-090000-00000000c2";
const C1: &str = "20261101-090000-00000000c1";

fn row(id: &str, campaign: &str, status: Status, verdict: Option<&str>, at: &str) -> Row {
    Row::new(id, campaign, status, verdict, at, PlanRow::default())
}

/// A campaign in three revisions (the newest in progress, two signed off) among two records
/// of their own.
fn chain_listing() -> Listing<Row> {
    let mut c3 = row(
        C3,
        "Voorjaarsactie 2027",
        Status::InProgress,
        None,
        "2026-11-25T09:00:00Z",
    );
    c3.revision = 3;
    let mut c2 = row(
        C2,
        "Voorjaarsactie 2027",
        Status::SignedOff,
        Some("allowed_with_actions"),
        "2026-11-20T09:00:00Z",
    )
    .signed_by("B. Jansen");
    c2.revision = 2;
    let c1 = row(
        C1,
        "Voorjaarsactie 2027",
        Status::SignedOff,
        Some("not_allowed"),
        "2026-11-01T09:00:00Z",
    )
    .signed_by("A. de Vries");
    let mut records = vec![
        c3,
        row(
            "20261124-100000-00000000aa",
            "Zomerlezen jeugdleden",
            Status::Completed,
            Some("no_action_needed"),
            "2026-11-24T10:00:00Z",
        ),
        c2,
        row(
            "20261110-100000-00000000bb",
            "",
            Status::InProgress,
            None,
            "2026-11-10T10:00:00Z",
        ),
        c1,
    ];
    let links: Vec<(Box<str>, Box<str>)> = [(C3, C2), (C2, C1)]
        .iter()
        .map(|(a, b)| ((*a).into(), (*b).into()))
        .collect();
    chain_rows(&mut records, &links);
    Listing {
        records,
        unreadable: vec![],
    }
}

fn send<'b>(m: &mut Model<'b>, action: Action) -> Option<Effect<'b>> {
    update(m, Message::Key(action))
}

fn type_in(m: &mut Model, text: &str) {
    for c in text.chars() {
        update(m, Message::Input(c));
    }
}

/// The ids in view, in order.
fn in_view(m: &Model) -> Vec<String> {
    let Screen::Start(s) = &m.screen else {
        panic!("not on the start screen")
    };
    let needle = s.needle();
    let rows = m.start_rows();
    Start::shown(needle.as_deref(), rows, Some(m.bank), m.lang)
        .map(|i| rows[i].id().to_string())
        .collect()
}

/// `m` marks the record under the cursor among the rows in view: with a chain folded, the
/// second row in view is the one after the chain, not the chain's older revision.
#[test]
fn a_mark_is_put_on_the_row_in_view() {
    let bank = bank();
    let mut m = model(&bank, Lang::Nl);
    m.records = Records::Loaded(chain_listing());
    send(&mut m, Action::Down);
    send(&mut m, Action::Down);
    let second = in_view(&m)[1].clone();
    assert_eq!(second, "20261124-100000-00000000aa");
    send(&mut m, Action::Mark);
    let Screen::Start(s) = &m.screen else {
        panic!("not on the start screen")
    };
    assert_eq!(s.marked.as_deref(), Some(second.as_str()));
}

const SIZES: [(u16, u16); 3] = [(80, 22), (100, 30), (120, 40)];

#[test]
fn a_chain_of_revisions_is_folded_under_its_newest_and_unfolds() {
    let bank = bank();
    let mut m = model(&bank, Lang::Nl);
    m.records = Records::Loaded(chain_listing());
    send(&mut m, Action::Down);
    assert_eq!(in_view(&m).len(), 3, "the older revisions are folded");
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("list_folded_{w}x{h}"), render(&m, w, h));
    }
    send(&mut m, Action::Right);
    assert_eq!(
        in_view(&m),
        [
            C3,
            C2,
            C1,
            "20261124-100000-00000000aa",
            "20261110-100000-00000000bb"
        ]
    );
    // Down onto the oldest revision, whose full id is named below the list.
    send(&mut m, Action::Down);
    send(&mut m, Action::Down);
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("list_unfolded_{w}x{h}"), render(&m, w, h));
    }
    assert!(render(&m, 80, 22).contains(C1), "the full id is shown");
    // `-` (or ←) on an older revision folds its chain, the cursor back on the newest.
    send(&mut m, Action::Fold);
    assert_eq!(in_view(&m).len(), 3);
    let Screen::Start(s) = &m.screen else {
        panic!()
    };
    assert_eq!(s.cursor, 1);
    send(&mut m, Action::Unfold);
    assert_eq!(in_view(&m).len(), 5);
}

#[test]
fn a_filter_narrows_the_list_as_it_is_typed() {
    let bank = bank();
    let mut m = model(&bank, Lang::Nl);
    m.records = Records::Loaded(chain_listing());
    send(&mut m, Action::Filter);
    assert_eq!(m.context(), avg_wijzer::tui::keymap::Ctx::Typing);
    // By campaign, in any case; every revision that fits is shown, unfolded.
    type_in(&mut m, "VOORJAAR");
    assert_eq!(in_view(&m), [C3, C2, C1]);
    insta::assert_snapshot!("list_filter_80x22", render(&m, 80, 22));
    // Backspace widens it again; by who signed.
    send(&mut m, Action::Clear);
    type_in(&mut m, "jansen");
    assert_eq!(in_view(&m), [C2]);
    // By the verdict's label, and by id.
    send(&mut m, Action::Clear);
    type_in(&mut m, "geen actie");
    assert_eq!(in_view(&m), ["20261124-100000-00000000aa"]);
    send(&mut m, Action::Clear);
    type_in(&mut m, "00bb");
    assert_eq!(in_view(&m), ["20261110-100000-00000000bb"]);
    // Enter keeps it and the list's keys work on what it lets through.
    send(&mut m, Action::Select);
    assert_eq!(m.context(), avg_wijzer::tui::keymap::Ctx::Nav);
    assert_eq!(in_view(&m).len(), 1);
    let effect = send(&mut m, Action::Select);
    assert!(matches!(&effect, Some(Effect::Open { id, .. }) if id == "20261110-100000-00000000bb"));
    // Esc clears a kept filter before it leaves anything.
    let mut m = model(&bank, Lang::Nl);
    m.records = Records::Loaded(chain_listing());
    send(&mut m, Action::Filter);
    type_in(&mut m, "zomer");
    send(&mut m, Action::Select);
    send(&mut m, Action::Leave);
    assert_eq!(in_view(&m).len(), 3);
    assert_eq!(m.run, Run::Running);
    // Esc while typing clears it too.
    send(&mut m, Action::Filter);
    type_in(&mut m, "niets dat past");
    assert!(in_view(&m).is_empty());
    assert!(render(&m, 80, 22).contains("Geen verslag past"));
    send(&mut m, Action::Leave);
    assert_eq!(in_view(&m).len(), 3);
}

#[test]
fn a_signed_record_is_never_archived_from_the_list() {
    let bank = bank();
    let mut m = model(&bank, Lang::Nl);
    m.records = Records::Loaded(chain_listing());
    send(&mut m, Action::Down);
    send(&mut m, Action::Right);
    send(&mut m, Action::Down); // C2, signed off
    assert!(send(&mut m, Action::Plan).is_none());
    assert!(matches!(m.overlay, Overlay::None));
    let notice = m.status.as_ref().expect("said why");
    assert_eq!(notice.kind, NoticeKind::Error);
    assert!(
        notice.text.contains("nooit gearchiveerd"),
        "{}",
        notice.text
    );
    // A draft asks first; "no" leaves it.
    send(&mut m, Action::Up); // C3, in progress
    send(&mut m, Action::Plan);
    assert!(matches!(
        &m.overlay,
        Overlay::Confirm(Confirm::Archive { id, restore: false, .. }) if id == C3
    ));
    send(&mut m, Action::No);
    assert!(matches!(m.overlay, Overlay::None));
    send(&mut m, Action::Plan);
    let effect = send(&mut m, Action::Yes);
    assert!(matches!(&effect, Some(Effect::Archive { id, restore: false }) if id == C3));
}

#[test]
fn a_draft_is_archived_and_restored_through_the_store() {
    let s = Scratch::new("tui-archive");
    let id = s.new_record("a.json", EXAMPLE);
    let bank = bank();
    let mut ui = common::tui::model(&bank, Some(s.open_store()));
    let listed = avg_wijzer::tui::app::list_rows(&s.open_store()).unwrap();
    ui.send(Message::Listed(Ok(listed)));
    use common::tui::key;
    key(&mut ui, Action::Down);
    key(&mut ui, Action::Plan);
    key(&mut ui, Action::Yes);
    assert!(!s.record_path(&id).exists(), "moved out of the store");
    assert!(ui.0.model.listed().is_empty(), "and out of the list");
    // Tab shows the archive; Enter there asks to restore.
    key(&mut ui, Action::NextPanel);
    key(&mut ui, Action::Down);
    assert_eq!(ui.0.model.start_rows().len(), 1);
    let screen = render(&ui.0.model, 80, 22);
    assert!(screen.contains("Archief (1)"), "{screen}");
    assert!(
        screen.contains(&id),
        "the full id under the cursor: {screen}"
    );
    key(&mut ui, Action::Select);
    key(&mut ui, Action::Yes);
    assert!(s.record_path(&id).exists(), "back in the store");
    assert!(ui.0.model.start_rows().is_empty());
    key(&mut ui, Action::NextPanel);
    assert_eq!(ui.0.model.listed().len(), 1);
    assert_eq!(ui.0.model.listed()[0].id(), id);
}

/// A new revision made in the interface heads its chain at once, the older one folded under
/// it, without reading the store again.
#[test]
fn a_new_revision_heads_its_chain() {
    let mut rows = chain_listing().records;
    let mut c4 = row(
        "20261126-090000-00000000c4",
        "Voorjaarsactie 2027",
        Status::InProgress,
        None,
        "2026-11-26T09:00:00Z",
    );
    c4.revision = 4;
    // As `keep_listed` puts it: at the top.
    rows.insert(0, c4);
    rows[1].chain = Chain::Head;
    chain_new_revision(&mut rows, C3);
    let got: Vec<(u16, Chain)> = rows.iter().map(|r| (r.revision, r.chain)).collect();
    assert_eq!(
        got,
        [
            (4, Chain::Head),
            (3, Chain::Older),
            (2, Chain::Older),
            (1, Chain::Older),
            (1, Chain::Alone),
            (1, Chain::Alone),
        ]
    );
}
