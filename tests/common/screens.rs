//! What the tests that draw the interface (`tui_snapshots_*`, `tui_draw`) share: the model at a
//! fixed clock, theme and store location, an assessment of the example campaign answered up to
//! a point, a list of records, drawing into ratatui's `TestBackend`, and [`snap!`], which
//! snapshots a screen at both sizes.
use avg_wijzer::app;
use avg_wijzer::bank::{Bank, QId};
use avg_wijzer::record::{Assessment, Campaign, Participant, Status};
use avg_wijzer::store::Listing;
use avg_wijzer::text::Lang;
use avg_wijzer::tui::app::{Asking, Model, Origin, PlanRow, Row, Screen, Work, packed_date};
use avg_wijzer::tui::theme::Theme;
use avg_wijzer::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serde_json::{Value, json};

use super::{NOW, fixed_clock};

/// The sizes every screen is snapshotted at: the smallest (80×22, an 80×24 terminal inside
/// tmux with a status line and a little more), the common one and a large one.
pub const SIZES: [(u16, u16); 3] = [(80, 22), (80, 24), (120, 40)];

/// An assessment with the given answers (question id, answers-file value), in order.
pub fn assessment<'b>(bank: &'b Bank, answers: &[(&str, Value)]) -> Assessment<'b> {
    let mut a = Assessment::start(
        bank,
        "20261123-101500-00000000aa".into(),
        Campaign {
            name: "Voorjaarsactie 2027".into(),
            description: "Jonge gezinnen in de wijk".into(),
            organisation: String::new(),
        },
        vec![Participant {
            name: "Anna".into(),
            role: "marketing".into(),
        }],
        Lang::Nl,
        NOW,
    );
    for (id, v) in answers {
        let q = bank.question_id(id).expect("question id");
        let answer = bank.questions[q].parse_answer(v).expect("valid answer");
        a.answer(q, answer, NOW).expect("answer accepted");
    }
    a
}

/// The example campaign: address selection by e-mail, with consent.
pub fn complete() -> Vec<(&'static str, Value)> {
    vec![
        (
            "campaign_purpose",
            json!("Meer jonge gezinnen laten kennismaken"),
        ),
        ("use_case", json!("address_selection")),
        ("postcode_granularity", json!("pc6_house_number")),
        ("envisia_access", json!("poi_license")),
        ("distribution", json!("direct_marketing")),
        (
            "audience",
            json!(["existing_customers", "former_customers"]),
        ),
        ("channel", json!(["email"])),
        ("uses_lending_history", json!("no")),
        ("legal_basis", json!("consent")),
        ("existing_consent", json!("some")),
    ]
}

/// The model in `lang`, in colour, at the fixed clock, with a fixed store location shown.
pub fn model<'b>(bank: &'b Bank, lang: Lang) -> Model<'b> {
    let mut m = Model::new(bank, lang, String::new());
    m.clock = fixed_clock;
    m.theme = Theme::with_color(true);
    m.store_shown = "/home/marketing/.local/share/avg-wijzer/verslagen".into();
    m
}

/// A row of the record list.
pub fn summary(
    id: &str,
    campaign: &str,
    status: Status,
    verdict: Option<&str>,
    updated: &str,
) -> Row {
    Row::new(id, campaign, status, verdict, updated, PlanRow::default())
}

/// Three records, one in progress, one completed and one signed off.
pub fn listing() -> Listing<Row> {
    Listing {
        records: vec![
            summary(
                "20261123-101500-00000000aa",
                "Voorjaarsactie 2027",
                Status::InProgress,
                None,
                "2026-11-23T10:15:00Z",
            ),
            // An item past its due date (the tests' clock says 23 November 2026).
            Row::new(
                "20261120-090000-00000000bb",
                "Zomerlezen jeugdleden",
                Status::Completed,
                Some("allowed_with_actions"),
                "2026-11-20T09:00:00Z",
                PlanRow {
                    done: 2,
                    total: 5,
                    due: packed_date("2026-11-01"),
                },
            ),
            summary(
                "20261101-143000-00000000cc",
                "",
                Status::SignedOff,
                Some("no_action_needed"),
                "2026-11-01T14:30:00Z",
            ),
        ],
        unreadable: vec![],
    }
}

/// The model drawn at `w`×`h`, as the backend's text.
pub fn render(m: &Model, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal
        .draw(|f| {
            view::draw(f, m);
        })
        .expect("draw");
    format!("{}", terminal.backend())
}

/// Snapshots the model at both sizes, named `<name>_80x24` and `<name>_120x40`. A macro, not a
/// function: insta names a snapshot's file after the module its assertion is written in, so
/// expanded in a test file the files are named after that test binary, as `cargo insta` expects.
#[macro_export]
macro_rules! snap {
    ($name:expr, $m:expr) => {{
        use $crate::common::screens::render;
        let (name, m): (&str, &avg_wijzer::tui::app::Model) = ($name, $m);
        for (w, h) in $crate::common::screens::SIZES {
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(m, w, h));
        }
    }};
}

/// The model in Dutch on the open question after these answers, and that question.
pub fn on_question<'b>(bank: &'b Bank, answers: &[(&str, Value)]) -> (Model<'b>, QId) {
    let a = assessment(bank, answers);
    let q = a.session.walk(bank).pending.expect("an open question");
    let mut m = model(bank, Lang::Nl);
    m.screen = Screen::Question(Asking::new(bank, q, None, Origin::Flow, Lang::Nl));
    m.work = Some(Work::Editing(app::Work::unsaved(a)));
    (m, q)
}
