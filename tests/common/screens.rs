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

/// The sizes every screen is drawn at for the projector (`tui_projector`): the smallest, the
/// common one, and a projector's 200×50.
pub const PROJECTOR_SIZES: [(u16, u16); 3] = [(80, 22), (120, 40), (200, 50)];

/// Every screen of the interface, each by its name, as a model in Dutch on the example
/// campaign at the fixed clock: start, new form, question, review, advice, plan, documents
/// (the list and one read), sign-off form, export form and help. A screen added to the
/// interface gets a line here, and every test that walks the screens (sizes, themes) takes
/// it in.
pub fn every_screen() -> Vec<(&'static str, Model<'static>)> {
    use avg_wijzer::tui::app::*;
    let bank: &'static Bank = &super::BANK;
    let answered = |screen: Screen| {
        let mut m = model(bank, Lang::Nl);
        m.work = Some(Work::Editing(app::Work::unsaved(assessment(
            bank,
            &complete(),
        ))));
        m.screen = screen;
        m
    };
    let mut out = Vec::new();

    let mut m = model(bank, Lang::Nl);
    m.records = avg_wijzer::tui::app::Records::Loaded(listing());
    m.screen = Screen::Start(Start {
        cursor: 2,
        ..Start::default()
    });
    out.push(("start", m));

    let mut m = model(bank, Lang::Nl);
    let mut f = NewForm::new();
    f.name.set("Voorjaarsactie 2027", Lang::Nl);
    f.focus = NewField::Description;
    m.screen = Screen::NewForm(f);
    out.push(("new_form", m));

    // The audience (several answers before it, one with a long prompt).
    let (mut m, _) = on_question(bank, &complete()[..5]);
    if let Screen::Question(s) = &mut m.screen {
        s.cursor = 1;
    }
    out.push(("question", m));

    out.push(("review", answered(Screen::Review(Review { cursor: 2 }))));

    let mut v = AdviceView {
        cursor: 1,
        ..AdviceView::default()
    };
    v.expanded.insert(1);
    out.push(("advice", answered(Screen::Advice(v))));

    let mut m = answered(Screen::Advice(AdviceView::default()));
    let view = m.plan_view();
    let line = view.lines.first().expect("an action in the plan");
    m.overlay = Overlay::Plan(Box::new(PlanForm::new(
        line,
        vec!["Anna".into()],
        false,
        Lang::Nl,
    )));
    out.push(("plan", m));

    let docs = || {
        let (_, answers, kinds) = super::documents::cases().remove(4);
        let p = super::documents::parsed(&answers);
        let none = |_: &str| None;
        let c = super::documents::case(&p, &super::documents::no_facts, &none);
        kinds
            .iter()
            .map(|k| {
                c.render(
                    bank.documents().iter().find(|d| d.id == *k).unwrap(),
                    Lang::Nl,
                )
            })
            .collect::<Vec<_>>()
    };
    out.push((
        "documents",
        answered(Screen::Documents(DocumentsView {
            docs: docs(),
            why_none: None,
            cursor: 1,
            reading: None,
        })),
    ));
    out.push((
        "document",
        answered(Screen::Documents(DocumentsView {
            docs: docs(),
            why_none: None,
            cursor: 0,
            reading: Some(Reading {
                scroll: DocScroll::Top(0),
                export: None,
            }),
        })),
    ));

    out.push((
        "sign_off",
        answered(Screen::SignOff(Box::new(SignOffForm {
            name: TextField::with_text("Fatima de Vries", Lang::Nl),
            decision: Some(avg_wijzer::record::Decision::Approved),
            ..SignOffForm::new("2026-11-23", Lang::Nl)
        }))),
    ));

    out.push((
        "export",
        answered(Screen::Export(ExportForm {
            format: 1,
            path: TextField::with_text("20261123-101500-00000000aa.html", Lang::Nl),
            path_edited: false,
            focus: ExportField::Format,
        })),
    ));

    let (mut m, _) = on_question(bank, &complete()[..5]);
    m.overlay = Overlay::Help { scroll: 0 };
    out.push(("help", m));
    out
}

/// The model drawn at `w`×`h`, as the backend's buffer: its cells, with their styles.
pub fn buffer(m: &Model, w: u16, h: u16) -> ratatui::buffer::Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal
        .draw(|f| {
            view::draw(f, m);
        })
        .expect("draw");
    terminal.backend().buffer().clone()
}
