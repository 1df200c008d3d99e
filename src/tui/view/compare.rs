//! Two records compared: the head (each record's campaign, revision, status and bank), then the
//! sections the exports have (verdict, answers that differ, findings, actions and remedies
//! added and dropped), drawn from the same parts (`compare::render::parts`) so the screen and
//! the files never say different things. From 120 columns A and B stand side by side, A left;
//! narrower, A's answer stands above B's.
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{MIN_WIDTH, Targets, panel, scrolled_text, wrap_lines};
use crate::bank::Bank;
use crate::compare::render::{Body, facts, parts};
use crate::compare::{Comparison, Shown};
use crate::json::escape_controls;
use crate::locale::compare::{screen_words, words as compare_words};
use crate::locale::screen::words;
use crate::text::Lang;
use crate::tui::app::{CompareView, DocScroll, Model};
use crate::tui::theme::Theme;

/// The width from which A and B stand side by side.
pub const SIDE_BY_SIDE: u16 = 120;

pub fn draw(frame: &mut Frame, m: &Model, v: &CompareView, area: Rect) -> Targets {
    let t = m.theme;
    let block = panel(compare_words(m.lang).title, true, t);
    // A column of room on either side: the text never touches the frame.
    let inner = block.inner(area).inner(ratatui::layout::Margin::new(1, 0));
    frame.render_widget(block, area);
    let look = Look {
        lang: m.lang,
        theme: t,
        bank: Some(m.bank),
        width: inner.width as usize,
        wide: area.width >= SIDE_BY_SIDE,
    };
    let lines = lines(&v.comparison, &look);
    let max = lines.len().saturating_sub(inner.height as usize);
    let offset = match v.scroll {
        DocScroll::Top(n) => n.min(max),
        DocScroll::End(n) => max.saturating_sub(n),
    };
    let w = words(m.lang);
    scrolled_text(
        frame,
        lines,
        offset.min(u16::MAX as usize) as u16,
        (inner, area),
        (w.more_below, w.end_of_text),
        t,
    );
    if let Some(e) = &v.export {
        super::forms::compare_export(frame, m, e, area);
    }
    Targets::new()
}

/// The most lines a comparison takes on screen: one above the other, at the narrowest width
/// the interface draws it. Side by side, or wider, it takes no more.
pub fn most_lines(c: &Comparison, lang: Lang) -> usize {
    let look = Look {
        lang,
        theme: Theme::with_color(false),
        bank: None,
        width: MIN_WIDTH as usize - 4,
        wide: false,
    };
    lines(c, &look).len()
}

/// How the comparison is drawn.
struct Look<'a> {
    lang: Lang,
    theme: Theme,
    /// For the verdicts' colours (none: no colour needed, as for counting lines).
    bank: Option<&'a Bank>,
    width: usize,
    /// A and B side by side.
    wide: bool,
}

/// The indent of what a section says under its heading, and of the answers under a question.
const IN: &str = "  ";
const IN2: &str = "    ";
/// Between the columns of A and B.
const BAR: &str = " │ ";

fn lines(c: &Comparison, l: &Look) -> Vec<Line<'static>> {
    let (w, t) = (compare_words(l.lang), l.theme);
    let mut out = head(c, l);
    for part in parts(c, l.lang) {
        out.push(Line::from(""));
        out.push(Line::from(Span::styled(part.title, t.bold())));
        if let Some(note) = part.note {
            out.extend(wrapped(note, l.width, IN, IN, t.plain()));
        }
        match part.body {
            Body::Same => out.push(Line::from(format!("{IN}{}", w.same))),
            Body::Rows { column, rows } => {
                for r in rows {
                    // The verdict's row names nothing: its section's heading says it.
                    let verdict = column.is_empty();
                    if !verdict {
                        let (first, rest) = match r.sub {
                            true => ("  ↳ ", "    "),
                            false => (IN, IN),
                        };
                        out.extend(wrapped(&r.label, l.width, first, rest, t.bold()));
                    }
                    let styles = match verdict {
                        true => [0, 1].map(|i| verdict_style(c.verdicts[i].as_ref(), l)),
                        false => [t.plain(); 2],
                    };
                    let indent = if verdict { IN } else { IN2 };
                    out.extend(pair(&r.a, &r.b, indent, styles, l));
                }
            }
            Body::Delta(added, dropped) => out.extend(delta(&added, &dropped, l)),
        }
    }
    if c.is_same() {
        out.push(Line::from(""));
        out.extend(wrapped(w.no_differences, l.width, "", "", t.bold()));
    }
    out
}

/// Each record's campaign, id, revision, status and bank.
fn head(c: &Comparison, l: &Look) -> Vec<Line<'static>> {
    let (s, t) = (screen_words(l.lang), l.theme);
    let (fa, fb) = (facts(&c.a, l.lang), facts(&c.b, l.lang));
    let mut out = Vec::new();
    if l.wide {
        out.extend(columns(
            &[s.side_a.to_string()],
            &[s.side_b.to_string()],
            "",
            l.width,
            [t.bold(); 2],
        ));
        let (left, right) = column_widths(l.width, IN);
        for ((k, a), (_, b)) in fa.iter().zip(fb.iter()) {
            let a = wrap_lines(&format!("{}: {}", capital(k), clean(a)), left, "", "  ");
            let b = wrap_lines(&format!("{}: {}", capital(k), clean(b)), right, "", "  ");
            out.extend(columns(&a, &b, IN, l.width, [t.plain(); 2]));
        }
    } else {
        // Campaign, revision and status on the first line; the id and the bank under them.
        for (side, f) in [(s.side_a, &fa), (s.side_b, &fb)] {
            let first = format!(
                "{side}  {} — {} {}, {}",
                clean(&f[1].1),
                f[2].0,
                f[2].1,
                f[3].1
            );
            out.extend(wrapped(&first, l.width, "", IN, t.bold()));
            let second = format!("{} · {} {}", f[0].1, f[4].0, clean(&f[4].1));
            out.extend(wrapped(&second, l.width, IN, IN, t.plain()));
        }
    }
    if c.bank_differs {
        let w = compare_words(l.lang);
        out.extend(wrapped(
            &format!("⚠ {} A ≠ B", w.other_bank),
            l.width,
            "",
            IN,
            t.warning(),
        ));
    }
    out
}

/// What B adds and drops: side by side, what only A has (dropped) stands left and what only B
/// has (added) right; one above the other, added first, as the exports list them.
fn delta(added: &[String], dropped: &[String], l: &Look) -> Vec<Line<'static>> {
    let (w, t) = (compare_words(l.lang), l.theme);
    let items = |list: &[String], width: usize| -> Vec<String> {
        list.iter()
            .flat_map(|i| wrap_lines(&clean(i), width, "- ", "  "))
            .collect()
    };
    if l.wide {
        let (left, right) = column_widths(l.width, IN);
        let mut out = columns(
            &[heading(w.dropped, dropped)],
            &[heading(w.added, added)],
            IN,
            l.width,
            [t.bold(); 2],
        );
        out.extend(columns(
            &items(dropped, left),
            &items(added, right),
            IN,
            l.width,
            [t.plain(); 2],
        ));
        return out;
    }
    let mut out = Vec::new();
    for (name, list) in [(w.added, added), (w.dropped, dropped)] {
        if list.is_empty() {
            continue;
        }
        out.push(Line::from(Span::styled(format!("{IN}{name}:"), t.bold())));
        let room = l.width.saturating_sub(IN2.len());
        for line in items(list, room) {
            out.push(Line::from(format!("{IN2}{line}")));
        }
    }
    out
}

/// "Erbij in B:" over a list, or nothing over none.
fn heading(name: &str, list: &[String]) -> String {
    match list.is_empty() {
        true => String::new(),
        false => format!("{name}:"),
    }
}

/// A's and B's value of one row: side by side, or "A  …" above "B  …".
fn pair(a: &str, b: &str, indent: &str, styles: [Style; 2], l: &Look) -> Vec<Line<'static>> {
    let (a, b) = (clean(a), clean(b));
    if l.wide {
        let (left, right) = column_widths(l.width, indent);
        let a = wrap_lines(&a, left, "", "");
        let b = wrap_lines(&b, right, "", "");
        return columns(&a, &b, indent, l.width, styles);
    }
    let mut out = Vec::new();
    for (side, text, style) in [("A", &a, styles[0]), ("B", &b, styles[1])] {
        let room = l.width.saturating_sub(indent.len() + 3);
        for (i, line) in wrap_lines(text, room, "", "").into_iter().enumerate() {
            let label = if i == 0 { side } else { " " };
            out.push(Line::from(vec![
                Span::styled(format!("{indent}{label}  "), l.theme.bold()),
                Span::styled(line, style),
            ]));
        }
    }
    out
}

/// Where the bar between A and B stands: in the middle, whatever the indent, so B's column
/// starts at the same place on every line.
fn bar_at(width: usize) -> usize {
    width.saturating_sub(BAR.len()) / 2
}

/// The widths of A's column after `indent` and of B's.
fn column_widths(width: usize, indent: &str) -> (usize, usize) {
    let at = bar_at(width);
    (
        at.saturating_sub(indent.len()).max(1),
        width.saturating_sub(at + BAR.len()).max(1),
    )
}

/// Two columns of lines side by side in `width`, A's after `indent`.
fn columns(
    a: &[String],
    b: &[String],
    indent: &str,
    width: usize,
    styles: [Style; 2],
) -> Vec<Line<'static>> {
    let col = column_widths(width, indent).0;
    let rows = a.len().max(b.len());
    (0..rows)
        .map(|i| {
            let left = a.get(i).map_or("", String::as_str);
            let right = b.get(i).map_or("", String::as_str);
            let pad = " ".repeat(col.saturating_sub(left.width()));
            Line::from(vec![
                Span::raw(indent.to_string()),
                Span::styled(left.to_string(), styles[0]),
                Span::raw(format!("{pad}{BAR}")),
                Span::styled(right.to_string(), styles[1]),
            ])
        })
        .collect()
}

/// Text wrapped to `width` in one style.
fn wrapped(text: &str, width: usize, first: &str, rest: &str, style: Style) -> Vec<Line<'static>> {
    wrap_lines(&clean(text), width, first, rest)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, style)))
        .collect()
}

/// A text from a record or the bank, drawn: its control characters escaped.
fn clean(s: &str) -> String {
    escape_controls(s)
}

/// The verdict in its colour, as the advice shows it (its words say the same).
fn verdict_style(v: Option<&Shown>, l: &Look) -> Style {
    let (Some(v), Some(bank)) = (v, l.bank) else {
        return l.theme.plain();
    };
    l.theme
        .verdict(super::advice::verdict_severity(bank, &v.value))
}

/// "revisie" → "Revisie", for a label at the start of a line.
fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
