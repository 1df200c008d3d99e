//! Screen snapshots of the interface, drawn into ratatui's `TestBackend` at 80×24 and 120×40.
//! Everything is fixed: the record id, the clock and the store's location, so a snapshot changes
//! only when a screen does. Review changes with `cargo insta review`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use avg_wijzer::app;
use avg_wijzer::bank::{Bank, QId};
use avg_wijzer::record::{Assessment, Campaign, Decision, Participant, Status};
use avg_wijzer::store::Listing;
use avg_wijzer::text::Lang;
use avg_wijzer::tui::app::*;
use avg_wijzer::tui::theme::Theme;
use avg_wijzer::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serde_json::{Value, json};

mod common;
use common::{NOW, bank, fixed_clock};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// An assessment with the given answers (question id, answers-file value), in order.
fn assessment<'b>(bank: &'b Bank, answers: &[(&str, Value)]) -> Assessment<'b> {
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
fn complete() -> Vec<(&'static str, Value)> {
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

fn model<'b>(bank: &'b Bank, lang: Lang) -> Model<'b> {
    let mut m = Model::new(bank, lang, String::new());
    m.clock = fixed_clock;
    m.theme = Theme { color: true };
    m.store_shown = "/home/marketing/.local/share/avg-wijzer/verslagen".into();
    m
}

fn summary(id: &str, campaign: &str, status: Status, verdict: Option<&str>, updated: &str) -> Row {
    Row {
        id: id.into(),
        campaign: campaign.into(),
        status,
        verdict: verdict.map(Into::into),
        updated: updated.into(),
        plan: PlanRow::default(),
    }
}

fn listing() -> Listing<Row> {
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
            Row {
                plan: PlanRow {
                    done: 2,
                    total: 5,
                    due: packed_date("2026-11-01"),
                },
                ..summary(
                    "20261120-090000-00000000bb",
                    "Zomerlezen jeugdleden",
                    Status::Completed,
                    Some("allowed_with_actions"),
                    "2026-11-20T09:00:00Z",
                )
            },
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

fn render(m: &Model, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal
        .draw(|f| {
            view::draw(f, m);
        })
        .expect("draw");
    format!("{}", terminal.backend())
}

/// Snapshots the model at both sizes, named `<name>_80x24` and `<name>_120x40`.
fn snap(name: &str, m: &Model) {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(m, w, h));
    }
}

fn on_question<'b>(bank: &'b Bank, answers: &[(&str, Value)]) -> (Model<'b>, QId) {
    let a = assessment(bank, answers);
    let q = a.session.walk(bank).pending.expect("an open question");
    let mut m = model(bank, Lang::Nl);
    m.screen = Screen::Question(Asking::new(bank, q, None, Origin::Flow, Lang::Nl));
    m.work = Some(Work::Editing(app::Work::unsaved(a)));
    (m, q)
}

#[test]
fn start_screen_while_loading() {
    let bank = bank();
    let m = model(&bank, Lang::Nl);
    snap("start_loading", &m);
}

#[test]
fn start_screen_with_records() {
    let bank = bank();
    let mut m = model(&bank, Lang::Nl);
    m.records = Records::Loaded(listing());
    m.screen = Screen::Start(Start { cursor: 1 });
    snap("start_records", &m);
}

#[test]
fn start_screen_in_english() {
    let bank = bank();
    let mut m = model(&bank, Lang::En);
    m.records = Records::Loaded(listing());
    snap("start_en", &m);
}

#[test]
fn new_assessment_form_with_a_guard_warning() {
    let bank = bank();
    let mut m = model(&bank, Lang::Nl);
    let mut f = NewForm::new();
    f.name.set("Voorjaarsactie 2027", Lang::Nl);
    f.description.set("Mail naar jan@example.nl", Lang::Nl);
    f.focus = NewField::Description;
    m.screen = Screen::NewForm(f);
    snap("new_form", &m);
}

#[test]
fn free_text_question() {
    let bank = bank();
    let (mut m, q) = on_question(&bank, &[]);
    assert_eq!(bank.questions[q].kind.name(), "text");
    if let Screen::Question(s) = &mut m.screen {
        s.text.set("Meer jonge gezinnen", Lang::Nl);
    }
    snap("question_text", &m);
}

#[test]
fn single_choice_question() {
    let bank = bank();
    let (m, q) = on_question(&bank, &complete()[..1]);
    assert_eq!(bank.questions[q].kind.name(), "single");
    snap("question_single", &m);
}

#[test]
fn multiple_choice_question_with_boxes_checked() {
    let bank = bank();
    let (mut m, q) = on_question(&bank, &complete()[..5]);
    assert_eq!(bank.questions[q].kind.name(), "multiple");
    if let Screen::Question(s) = &mut m.screen {
        s.marks = 0b101;
        s.cursor = 2;
    }
    snap("question_multiple", &m);
}

#[test]
fn yes_no_question() {
    let bank = bank();
    let (m, q) = on_question(&bank, &complete()[..7]);
    assert_eq!(bank.questions[q].kind.name(), "yes_no");
    snap("question_yes_no", &m);
}

#[test]
fn yes_no_unknown_question() {
    let bank = bank();
    let (m, q) = on_question(
        &bank,
        &[
            ("campaign_purpose", json!("")),
            ("use_case", json!("address_selection")),
            ("postcode_granularity", json!("pc6")),
        ],
    );
    assert_eq!(bank.questions[q].kind.name(), "yes_no_unknown");
    snap("question_yes_no_unknown", &m);
}

#[test]
fn question_with_the_answered_list_focused_and_a_note() {
    let bank = bank();
    let (mut m, _) = on_question(&bank, &complete()[..4]);
    let mut a = assessment(&bank, &complete()[..4]);
    a.note(Some("use_case"), "Besproken met de FG", NOW)
        .expect("note");
    m.work = Some(Work::Editing(app::Work::unsaved(a)));
    if let Screen::Question(s) = &mut m.screen {
        s.focus = Pane::Answers;
        s.answers_cursor = 1;
    }
    snap("question_answers_list", &m);
}

#[test]
fn question_with_the_explanation_hidden() {
    let bank = bank();
    let (mut m, _) = on_question(&bank, &complete()[..2]);
    if let Screen::Question(s) = &mut m.screen {
        s.explain = Explain::Hidden;
    }
    snap("question_explanation_hidden", &m);
}

#[test]
fn help_open() {
    let bank = bank();
    let (mut m, _) = on_question(&bank, &complete()[..2]);
    m.overlay = Overlay::Help { scroll: 0 };
    snap("help", &m);
}

#[test]
fn note_editor_open() {
    let bank = bank();
    let (mut m, q) = on_question(&bank, &complete()[..2]);
    m.overlay = Overlay::Note {
        question: Some(q),
        field: TextField::with_text("Bel 06-12345678 voor de cijfers", Lang::Nl),
    };
    snap("note", &m);
}

#[test]
fn leave_with_unconfirmed_choices_asks() {
    let bank = bank();
    let (mut m, _) = on_question(&bank, &complete()[..5]);
    m.overlay = Overlay::Confirm(Confirm::Discard);
    snap("confirm_discard", &m);
}

#[test]
fn review_screen() {
    let bank = bank();
    let mut m = model(&bank, Lang::Nl);
    m.work = Some(Work::Editing(app::Work::unsaved(assessment(
        &bank,
        &complete(),
    ))));
    m.screen = Screen::Review(Review { cursor: 2 });
    snap("review", &m);
}

#[test]
fn advice_screen() {
    let bank = bank();
    let mut m = model(&bank, Lang::Nl);
    m.work = Some(Work::Editing(app::Work::unsaved(assessment(
        &bank,
        &complete(),
    ))));
    m.screen = Screen::Advice(AdviceView::default());
    snap("advice", &m);
}

#[test]
fn advice_with_an_action_expanded() {
    let bank = bank();
    let mut m = model(&bank, Lang::Nl);
    m.work = Some(Work::Editing(app::Work::unsaved(assessment(
        &bank,
        &complete(),
    ))));
    let mut v = AdviceView {
        cursor: 1,
        ..AdviceView::default()
    };
    v.expanded.insert(1);
    m.screen = Screen::Advice(v);
    snap("advice_expanded", &m);
}

/// The example campaign with school-library members in the audience: not allowed as planned.
fn with_school_library_members() -> Vec<(&'static str, Value)> {
    complete()
        .into_iter()
        .map(|(id, v)| match id {
            "audience" => (id, json!(["existing_customers", "school_library_members"])),
            _ => (id, v),
        })
        .collect()
}

#[test]
fn advice_not_allowed_leads_with_what_blocks_it_and_the_remedies() {
    let bank = bank();
    let a = assessment(&bank, &with_school_library_members());
    let advice = a.record.outcome.clone().expect("complete");
    assert!(!advice.remedies.is_empty(), "remedies for a blocked plan");
    let items = advice_items(&advice);
    let first_remedy = items
        .iter()
        .position(|i| matches!(i, AdviceItem::Remedy(_)))
        .expect("a remedy on the screen");
    assert!(items[..first_remedy].iter().all(|i| i.leads()));
    assert!(items.iter().skip_while(|i| i.leads()).all(|i| !i.leads()));
    let mut m = model(&bank, Lang::Nl);
    m.work = Some(Work::Editing(app::Work::unsaved(a)));
    let mut v = AdviceView {
        cursor: first_remedy,
        ..AdviceView::default()
    };
    v.expanded.insert(first_remedy);
    m.screen = Screen::Advice(v);
    snap("advice_not_allowed", &m);
}

#[test]
fn advice_in_english_read_only_and_signed_off() {
    let bank = bank();
    let mut a = assessment(&bank, &complete());
    a.record.lang = Lang::En;
    a.sign_off(
        "Fatima de Vries",
        "2026-11-23",
        Decision::ApprovedWithConditions,
        "Update the privacy statement first",
        NOW,
    )
    .expect("sign-off");
    let mut m = model(&bank, Lang::En);
    m.work = Some(Work::Viewing(a.record));
    m.screen = Screen::Advice(AdviceView::default());
    snap("advice_signed_en", &m);
    // Further down, the sign-off, its date in words.
    let tall = render(&m, 120, 200);
    assert!(
        tall.contains("Signed off by Fatima de Vries (23 November 2026): APPROVED WITH CONDITIONS"),
        "{tall}"
    );
}

#[test]
fn sign_off_form() {
    let bank = bank();
    let mut m = model(&bank, Lang::Nl);
    m.work = Some(Work::Editing(app::Work::unsaved(assessment(
        &bank,
        &complete(),
    ))));
    m.screen = Screen::SignOff(SignOffForm {
        name: TextField::with_text("Fatima de Vries", Lang::Nl),
        date: TextField::with_text("2026-11-23", Lang::Nl),
        decision: 1,
        remarks: TextField::default(),
        key: TextField::with_text("/home/fatima/.ssh/id_ed25519", Lang::Nl),
        passphrase: TextField::with_text("geheim", Lang::Nl),
        focus: SignField::Decision,
    });
    snap("sign_off", &m);
}

#[test]
fn export_form_and_overwrite_question() {
    let bank = bank();
    let mut m = model(&bank, Lang::Nl);
    m.work = Some(Work::Editing(app::Work::unsaved(assessment(
        &bank,
        &complete(),
    ))));
    m.screen = Screen::Export(ExportForm {
        format: 1,
        path: TextField::with_text("20261123-101500-00000000aa.html", Lang::Nl),
        path_edited: false,
        focus: ExportField::Format,
    });
    snap("export", &m);
    m.overlay = Overlay::Confirm(Confirm::Overwrite {
        path: "20261123-101500-00000000aa.html".into(),
        format: ExportFormat::Html,
    });
    snap("export_overwrite", &m);
}

#[test]
fn too_small() {
    let bank = bank();
    let m = model(&bank, Lang::Nl);
    for (w, h) in [(79, 24), (80, 23), (40, 10)] {
        insta::assert_snapshot!(format!("too_small_{w}x{h}"), render(&m, w, h));
    }
}

#[test]
fn a_status_line_error_says_so_in_words() {
    let bank = bank();
    let mut m = model(&bank, Lang::Nl);
    m.status = Some(Notice {
        kind: NoticeKind::Error,
        text: "/verslagen/x.json: opslaan mislukt".into(),
    });
    let screen = render(&m, 80, 24);
    assert!(
        screen.contains("Fout: /verslagen/x.json: opslaan mislukt"),
        "{screen}"
    );
}

#[test]
fn no_color_means_no_colours_anywhere() {
    use ratatui::style::Color;
    let bank = bank();
    let mut m = model(&bank, Lang::Nl);
    m.theme = Theme { color: false };
    m.work = Some(Work::Editing(app::Work::unsaved(assessment(
        &bank,
        &complete(),
    ))));
    m.screen = Screen::Advice(AdviceView::default());
    m.status = Some(Notice {
        kind: NoticeKind::Error,
        text: "x".into(),
    });
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test terminal");
    terminal
        .draw(|f| {
            view::draw(f, &m);
        })
        .expect("draw");
    for cell in terminal.backend().buffer().content() {
        assert_eq!(cell.fg, Color::Reset);
        assert_eq!(cell.bg, Color::Reset);
    }
    // The verdict keeps its meaning in a symbol and words.
    let screen = render(&m, 80, 24);
    assert!(
        screen.contains("! OORDEEL: TOEGESTAAN, MET ACTIES"),
        "{screen}"
    );
}

#[test]
fn the_record_list_is_kept_in_step_without_reading_the_store() {
    let bank = bank();
    let a = assessment(&bank, &complete());
    let row = Row::of(&a.record);
    assert_eq!(row.status, Status::Completed);
    assert_eq!(&*row.id, a.record.id.as_str());
    assert_eq!(&*row.campaign, "Voorjaarsactie 2027");
    assert_eq!(row.verdict.as_deref(), Some("allowed_with_actions"));
}

#[test]
fn the_first_frame_before_loading_is_the_start_screen() {
    let bank = bank();
    let mut m = model(&bank, Lang::Nl);
    m.theme = Theme { color: false };
    for (w, h) in SIZES {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
        terminal
            .draw(|f| view::draw_first(f, Lang::Nl, m.theme, &m.store_shown))
            .expect("draw");
        assert_eq!(format!("{}", terminal.backend()), render(&m, w, h));
    }
}

/// Draws the model; returns the screen's rows as text and where the view says its items are.
fn draw_targets(m: &Model, w: u16, h: u16) -> (Vec<String>, view::Targets) {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    let mut targets = view::Targets::new();
    terminal.draw(|f| targets = view::draw(f, m)).expect("draw");
    let buffer = terminal.backend().buffer();
    let rows = (0..h)
        .map(|y| (0..w).map(|x| buffer[(x, y)].symbol()).collect())
        .collect();
    (rows, targets)
}

/// Every item a click can land on is where the view draws it: with the cursor put on item
/// `i`, the cursor mark shows on the first row the view gives for item `i`, inside it.
#[test]
fn clicks_land_on_the_rows_where_the_items_are_drawn() {
    let bank = bank();
    let mut screens: Vec<(&str, Model)> = Vec::new();
    let mut start = model(&bank, Lang::Nl);
    start.records = Records::Loaded(listing());
    screens.push(("start", start));
    screens.push(("multiple", on_question(&bank, &complete()[..5]).0));
    screens.push(("single", on_question(&bank, &complete()[..1]).0));
    let mut review = model(&bank, Lang::Nl);
    review.work = Some(Work::Editing(app::Work::unsaved(assessment(
        &bank,
        &complete(),
    ))));
    review.screen = Screen::Review(Review::default());
    screens.push(("review", review));
    let mut advice = model(&bank, Lang::Nl);
    advice.work = Some(Work::Editing(app::Work::unsaved(assessment(
        &bank,
        &complete(),
    ))));
    advice.screen = Screen::Advice(AdviceView::default());
    screens.push(("advice", advice));
    for (name, mut m) in screens {
        for (w, h) in SIZES {
            let (_, targets) = draw_targets(&m, w, h);
            assert!(targets.len() >= 3, "{name} {w}×{h}: {targets:?}");
            for &(_, i) in &targets {
                match &mut m.screen {
                    Screen::Start(s) => s.cursor = i,
                    Screen::Question(s) => s.cursor = i,
                    Screen::Review(r) => r.cursor = i,
                    Screen::Advice(v) => v.cursor = i,
                    _ => unreachable!(),
                }
                let (rows, now) = draw_targets(&m, w, h);
                let rect = now
                    .iter()
                    .find(|&&(_, j)| j == i)
                    .map(|&(r, _)| r)
                    .unwrap_or_else(|| panic!("{name} {w}×{h}: item {i} gone"));
                let row: String = rows[rect.y as usize]
                    .chars()
                    .skip(rect.x as usize)
                    .take(rect.width as usize)
                    .collect();
                assert!(
                    row.contains('▶'),
                    "{name} {w}×{h}: item {i} at row {}: {row:?}",
                    rect.y
                );
            }
        }
    }
}

/// A record's text that would reorder or steer the terminal (bidi overrides, escapes) reaches
/// no cell of the screen: not in the list, not on the advice screen. (ratatui leaves out the
/// controls and the zero-width bidi marks; this holds the drawing to that.)
#[test]
fn text_that_would_steer_the_terminal_reaches_no_cell() {
    let bank = bank();
    let evil = "Actie\u{202e}lanigiro\u{202c} \u{1b}]52;c;aGFsbG8=\u{7}\u{9b}31m\u{2066}x";
    let mut m = model(&bank, Lang::Nl);
    m.records = Records::Loaded(Listing {
        records: vec![summary(
            "20261123-101500-00000000aa",
            evil,
            Status::InProgress,
            None,
            "2026-11-23T10:15:00Z",
        )],
        unreadable: vec![("x\u{202e}.json".into(), evil.into())],
    });
    let mut a = assessment(&bank, &complete());
    a.record.campaign.name = evil.into();
    // The cells themselves, as they go to the terminal (the backend's text form leaves out
    // what is not shown).
    let cells = |m: &Model| {
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test terminal");
        terminal
            .draw(|f| {
                view::draw(f, m);
            })
            .expect("draw");
        let buffer = terminal.backend().buffer();
        buffer
            .content
            .iter()
            .map(|c| c.symbol().to_string())
            .collect::<String>()
    };
    let mut screens = vec![cells(&m)];
    m.work = Some(Work::Editing(app::Work::unsaved(a)));
    m.screen = Screen::Advice(AdviceView::default());
    screens.push(cells(&m));
    for screen in screens {
        assert!(screen.contains("Actie"), "{screen}");
        assert!(
            !screen.chars().any(avg_wijzer::text::steers),
            "a steering character on screen: {screen:?}"
        );
    }
}
