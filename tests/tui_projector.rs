//! The interface on a projector (issue 12): every screen at 80×22, 120×40 and 200×50
//! (snapshots), the wide layout from 160 columns on, PgDn and PgUp by a page, and the
//! high-contrast theme (`--theme contrast`, F2): black on white only, and no information in
//! colour alone in any theme.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use avg_wijzer::tui::app::*;
use avg_wijzer::tui::keymap::Action;
use avg_wijzer::tui::message::Message;
use avg_wijzer::tui::theme::Theme;
use ratatui::style::{Color, Modifier};

mod common;
use common::BANK;
use common::screens::{PROJECTOR_SIZES, buffer, complete, every_screen, on_question, render};

#[test]
fn every_screen_at_every_size() {
    for (name, m) in every_screen() {
        for (w, h) in PROJECTOR_SIZES {
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(&m, w, h));
        }
    }
}

/// The screen of that name (see [`every_screen`]).
fn screen(name: &str) -> Model<'static> {
    every_screen()
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, m)| m)
        .unwrap_or_else(|| panic!("no screen {name}"))
}

/// The model after `msg`.
fn send<'b>(m: &mut Model<'b>, msg: Message<'b>) {
    let _ = avg_wijzer::tui::update::update(m, msg);
}

/// The text of rows `rows` of the columns `cols` of a drawn screen.
fn cells(screen: &str, rows: std::ops::Range<usize>, cols: std::ops::Range<usize>) -> Vec<String> {
    screen
        .lines()
        .skip(rows.start)
        .take(rows.len())
        .map(|l| {
            l.trim_matches('"')
                .chars()
                .skip(cols.start)
                .take(cols.len())
                .collect()
        })
        .collect()
}

/// PgDn scrolls the explanation by its height less one line, at every size: at the smallest,
/// where the explanation is more than two pages long, the line that was last in view is the
/// first after it. PgUp goes back.
#[test]
fn page_down_scrolls_the_explanation_by_a_page() {
    for (w, h) in PROJECTOR_SIZES {
        let (mut m, _) = on_question(&BANK, &complete()[..5]);
        send(&mut m, Message::Resize(w, h));
        let before = render(&m, w, h);
        // Header, progress line, the panel's top border; its bottom border, status, legend.
        let rows = usize::from(h) - 7;
        send(&mut m, Message::Key(Action::PageDown));
        let Screen::Question(s) = &m.screen else {
            panic!("on the question")
        };
        assert_eq!(usize::from(s.explain_scroll), rows - 1, "at {w}×{h}");
        let after = render(&m, w, h);
        if (w, h) == (80, 22) {
            // The explanation is the right-hand panel, 36 wide.
            let inner = 45..79;
            let last = cells(&before, 3 + rows - 1..3 + rows, inner.clone());
            assert_eq!(cells(&after, 3..4, inner), last, "{before}\n{after}");
        }
        send(&mut m, Message::Key(Action::PageUp));
        assert_eq!(render(&m, w, h), before);
    }
}

/// The advice, a document and the help scroll by a page of their own panel too.
#[test]
fn page_down_scrolls_the_advice_a_document_and_the_help_by_a_page() {
    let (w, h) = (120u16, 40u16);
    // The advice: the chrome (4), the verdict and the line above it (2), the borders (2).
    let mut m = screen("advice");
    send(&mut m, Message::Resize(w, h));
    send(&mut m, Message::Key(Action::PageDown));
    let Screen::Advice(v) = &m.screen else {
        panic!("on the advice")
    };
    assert_eq!(v.scroll, h - 8 - 1);
    // The help: its box leaves a line above and below the screen, and has borders.
    let mut m = screen("help");
    send(&mut m, Message::Resize(w, h));
    send(&mut m, Message::Key(Action::PageDown));
    assert!(matches!(m.overlay, Overlay::Help { scroll } if scroll == h - 4 - 1));
    // A document: under the gaps (at most a third of the room).
    let mut m = screen("document");
    send(&mut m, Message::Resize(w, h));
    let before = render(&m, w, h);
    send(&mut m, Message::Key(Action::PageDown));
    let Screen::Documents(v) = &m.screen else {
        panic!("on the documents")
    };
    let Some(DocScroll::Top(n)) = v.reading.as_ref().map(|r| r.scroll) else {
        panic!("reading from the top")
    };
    let top = before
        .lines()
        .position(|l| l.contains("┌ ▶ Paragraaf"))
        .expect("the document's panel");
    let rows = usize::from(h) - 4 - top - 1;
    assert_eq!(n, rows - 1, "{before}");
}

/// F2 switches between the themes on every screen, also in a text field and under the help,
/// and again back; `--theme contrast` starts with it, and the help says so.
#[test]
fn f2_switches_the_theme_anywhere() {
    use crossterm::event::{KeyCode, KeyEvent};
    for (name, mut m) in every_screen() {
        assert!(!m.theme.contrast);
        let msg = avg_wijzer::tui::keymap::message(KeyEvent::from(KeyCode::F(2)), m.context())
            .unwrap_or_else(|| panic!("F2 does something on {name}"));
        assert!(matches!(msg, Message::Key(Action::Theme)), "{name}");
        send(&mut m, msg);
        assert!(m.theme.contrast, "{name}");
        send(&mut m, Message::Key(Action::Theme));
        assert!(!m.theme.contrast, "{name}");
    }
    let text = render(&screen("help"), 120, 200);
    assert!(text.contains("F2"), "{text}");
    assert!(text.contains("Hoog contrast aan of uit"), "{text}");
}

#[test]
fn the_theme_flag_is_offered_and_checked() {
    let s = common::Scratch::new("theme-flag");
    let help = s.run(&["--help"]);
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("--theme <THEME>"), "{}", help.stdout);
    assert!(help.stdout.contains("contrast"), "{}", help.stdout);
    let wrong = s.run(&["--theme", "neon", "list"]);
    assert_eq!(wrong.code, 2, "{}", wrong.stderr);
    assert!(wrong.stderr.contains("contrast"), "{}", wrong.stderr);
    // Accepted everywhere, as --lang is (the plain mode and the commands ignore it).
    for theme in ["default", "contrast"] {
        let ok = s.run(&["--theme", theme, "list"]);
        assert_eq!(ok.code, 0, "{theme}: {}", ok.stderr);
    }
    use avg_wijzer::cli::{Args, ThemeArg};
    let parsed = |argv: &[&str]| Args::try_from_in_language(argv.iter().copied()).unwrap();
    assert_eq!(parsed(&["avg-wijzer"]).theme, ThemeArg::Default);
    let contrast = parsed(&["avg-wijzer", "--theme", "contrast"]).theme;
    assert_eq!(contrast, ThemeArg::Contrast);
    assert!(contrast.theme().contrast);
}

/// From 160 columns the answered questions are shown whole and the explanation is wide; below,
/// they are cut to a line as before.
#[test]
fn from_160_columns_answered_questions_are_whole_and_the_explanation_wide() {
    let (m, _) = on_question(&BANK, &complete()[..5]);
    let joined = |text: &str| {
        text.lines()
            .map(|l| l.trim_matches('"').split('│').nth(1).unwrap_or("").trim())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let wide = render(&m, 200, 50);
    let answer = "→ Direct marketing: gekoppeld aan ons gebruikersbestand, op naam, per post of \
                  e-mail (toepassing 3B)";
    assert!(joined(&wide).contains(answer), "{wide}");
    assert!(joined(&wide).contains("4. Hoe gebruikt de bibliotheek de Envisia-tool van Whooz?"));
    let narrow = render(&m, 120, 40);
    assert!(!joined(&narrow).contains(answer), "{narrow}");
    let explanation_width = |text: &str| {
        let top = text.lines().nth(2).unwrap();
        let from = top.find("┌ Uitleg").expect("the explanation");
        top[from..].chars().count() - 1
    };
    assert!(explanation_width(&wide) >= 70, "{wide}");
    assert!(explanation_width(&narrow) <= 43, "{narrow}");
}

fn contrast(color: bool) -> Theme {
    Theme {
        color,
        contrast: true,
    }
}

/// The high-contrast theme draws black on bright white only: no grey, no colour, every cell
/// with both set; the verdict and the chosen rows are in reverse video and bold. Without
/// colour (NO_COLOR) it sets no colour at all.
#[test]
fn the_contrast_theme_is_black_on_white_only() {
    let bw = [Color::Black, Color::White];
    for (name, mut m) in every_screen() {
        m.theme = contrast(true);
        for (w, h) in PROJECTOR_SIZES {
            let buf = buffer(&m, w, h);
            for cell in buf.content() {
                assert!(bw.contains(&cell.fg), "{name} {w}×{h}: {cell:?}");
                assert!(bw.contains(&cell.bg), "{name} {w}×{h}: {cell:?}");
                assert!(!cell.modifier.contains(Modifier::DIM), "{name}: {cell:?}");
            }
            // Something is chosen or emphasised in reverse video and bold on every screen.
            let strong = Modifier::REVERSED | Modifier::BOLD;
            let below_header = &buf.content()[usize::from(w)..];
            assert!(
                below_header.iter().any(|c| c.modifier.contains(strong)),
                "{name} {w}×{h}"
            );
        }
        m.theme = contrast(false);
        let buf = buffer(&m, 120, 40);
        assert!(
            buf.content()
                .iter()
                .all(|c| c.fg == Color::Reset && c.bg == Color::Reset),
            "{name} without colour"
        );
    }
}

/// Information is never in colour alone: each theme draws the same characters on every
/// screen, and in the default theme a colour is only where words or signs say the same (the
/// verdict, an error, a document's gap).
#[test]
fn information_is_never_in_colour_alone() {
    for (name, mut m) in every_screen() {
        for (w, h) in PROJECTOR_SIZES {
            m.theme = Theme::with_color(true);
            let colour = render(&m, w, h);
            let buf = buffer(&m, w, h);
            for theme in [Theme::with_color(false), contrast(true), contrast(false)] {
                m.theme = theme;
                assert_eq!(render(&m, w, h), colour, "{name} {w}×{h} {theme:?}");
            }
            // A coloured line says what its colour means, or goes on from one that does (a
            // list of gaps wrapped over lines).
            let mut said = false;
            for (y, line) in colour.lines().enumerate() {
                let row = &buf.content()[y * usize::from(w)..(y + 1) * usize::from(w)];
                if row
                    .iter()
                    .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
                {
                    said = false;
                    continue;
                }
                said |= ["OORDEEL:", "Fout:", "[ontbreekt:", "Nog in te vullen:"]
                    .iter()
                    .any(|w| line.contains(w));
                assert!(said, "{name} {w}×{h}: colour without words: {line}");
            }
        }
    }
}

/// The contrast theme on the advice, as a projector shows it.
#[test]
fn the_advice_in_the_contrast_theme() {
    let mut m = screen("advice");
    m.theme = contrast(true);
    let buf = buffer(&m, 200, 50);
    // The verdict's badge: bold, reversed, with its sign.
    let verdict_row = (0..50u16)
        .find(|&y| (0..200u16).any(|x| buf[(x, y)].symbol() == "!"))
        .expect("the verdict's sign");
    let badge: Vec<_> = (0..200u16)
        .map(|x| &buf[(x, verdict_row)])
        .filter(|c| c.modifier.contains(Modifier::REVERSED | Modifier::BOLD))
        .collect();
    assert!(badge.len() > 20, "{badge:?}");
    insta::assert_snapshot!("advice_contrast_200x50", render(&m, 200, 50));
}
