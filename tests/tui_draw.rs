//! What holds for the interface's drawing on any screen, checked in ratatui's `TestBackend`: an
//! error on the status line is said in words, without colour nothing is coloured, a click lands
//! on the row where its item is drawn, and text that would steer the terminal reaches no cell.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use avg_wijzer::app;
use avg_wijzer::record::Status;
use avg_wijzer::store::Listing;
use avg_wijzer::text::Lang;
use avg_wijzer::tui::app::*;
use avg_wijzer::tui::theme::Theme;
use avg_wijzer::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod common;
use common::bank;
use common::screens::{SIZES, assessment, complete, listing, model, on_question, render, summary};

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
    m.theme = Theme::with_color(false);
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

/// In the answered list "▶" is the cursor, as in every list, and only the cursor: the
/// question on screen has a mark of its own. With "▶" on both, six presses of Up from
/// question 11 opened question 4 where the user counted to 5.
#[test]
fn in_the_answered_list_the_arrow_is_the_cursor_only() {
    let bank = bank();
    let (mut m, q) = on_question(&bank, &complete()[..4]);
    let here = {
        let a = m.assessment().unwrap();
        a.session.walk(&bank).steps().position(|x| x == q).unwrap() + 1
    };
    if let Screen::Question(s) = &mut m.screen {
        // Where `e` puts the cursor: the question before this one.
        s.focus = Pane::Answers;
        s.answers_cursor = here - 2;
    }
    let screen = render(&m, 120, 40);
    let list: Vec<String> = screen
        .lines()
        .map(|l| l.chars().skip(1).take(30).collect())
        .filter(|l: &String| !l.is_empty())
        .collect();
    let row = |n: usize| {
        list.iter()
            .find(|l| l.contains(&format!(" {n}. ")))
            .unwrap_or_else(|| panic!("question {n} in the list:\n{screen}"))
    };
    assert!(row(here - 1).contains('▶'), "{screen}");
    assert!(!row(here).contains('▶'), "{screen}");
    assert!(row(here).contains('●'), "{screen}");
    // Besides the focused panel's title.
    let arrows = list
        .iter()
        .filter(|l| l.contains('▶') && !l.starts_with('┌'));
    assert_eq!(arrows.count(), 1, "{screen}");
}

/// The advice and the review, when longer than their panel, say so in its bottom border, as
/// the explanation does: at 100×30 "Naar het advies" is below the fold. Scrolled to the end,
/// the border says that.
#[test]
fn the_advice_and_the_review_say_when_more_follows() {
    let bank = bank();
    let mut m = model(&bank, Lang::Nl);
    m.work = Some(Work::Editing(app::Work::unsaved(assessment(
        &bank,
        &complete(),
    ))));
    let bottom = |screen: &str| {
        screen
            .lines()
            .rfind(|l| l.contains('└'))
            .unwrap_or_default()
            .to_string()
    };
    m.screen = Screen::Review(Review::default());
    let screen = render(&m, 100, 30);
    assert!(!screen.contains("Naar het advies"), "{screen}");
    assert!(bottom(&screen).contains("meer: PgDn"), "{screen}");
    m.screen = Screen::Review(Review { cursor: 99 });
    let screen = render(&m, 100, 30);
    assert!(screen.contains("Naar het advies"), "{screen}");
    assert!(bottom(&screen).contains("einde"), "{screen}");
    m.screen = Screen::Advice(AdviceView::default());
    for (w, h) in [(80, 22), (100, 30)] {
        let screen = render(&m, w, h);
        assert!(bottom(&screen).contains("meer: PgDn"), "{screen}");
    }
}

/// A new revision's ids are never cut off in the status line, at any width from the
/// smallest: the line wraps (it was one line, cut at the window's edge, "→ 20261130-").
#[test]
fn a_new_revisions_id_is_shown_whole_at_every_width() {
    let bank = bank();
    let mut m = model(&bank, Lang::Nl);
    let (from, to) = ("20261130-034725-4c7125d8a2", "20261130-034726-5d8236e9b3");
    let said = avg_wijzer::locale::screen::words(Lang::Nl).revised;
    m.status = Some(Notice {
        kind: NoticeKind::Info,
        text: format!("Notitie bewaard. {said} {from} → {to}"),
    });
    for w in 80..=160 {
        let screen = render(&m, w, 22);
        assert!(
            screen.contains(from) && screen.contains(to),
            "{w}:\n{screen}"
        );
    }
}
