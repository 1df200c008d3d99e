//! The documents the advice calls for: their list (each with how much is still to fill in),
//! one document to read, its gaps highlighted and listed above it with what fills them in, and
//! the form that writes it to a file.
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{
    MIN_WIDTH, Targets, item_rows, panel, plain_lines, render_lines, scrolled_text, wrap_lines,
};
use crate::documents::format::provenance;
use crate::documents::{Missing, Rendered, Span as DocSpan};
use crate::json::escape_controls;
use crate::locale::documents::words as frame_words;
use crate::locale::screen::{doc_words, words};
use crate::text::Lang;
use crate::tui::app::{DocScroll, DocumentsView, Model, Reading};
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame, m: &Model, v: &DocumentsView, area: Rect) -> Targets {
    match (&v.reading, v.current()) {
        (Some(r), Some(doc)) => {
            read(frame, m, doc, r, area);
            Targets::new()
        }
        _ => list(frame, m, v, area),
    }
}

fn list(frame: &mut Frame, m: &Model, v: &DocumentsView, area: Rect) -> Targets {
    let d = doc_words(m.lang);
    let t = m.theme;
    let block = panel(d.heading, true, t);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let mut lines = Vec::new();
    if v.docs.is_empty() {
        let none = match &v.why_none {
            Some(why) => format!("{} {}", d.none, capital(why)),
            None => d.none.to_string(),
        };
        lines.extend(plain_lines(wrap_lines(&none, width, "", ""), t.plain()));
        render_lines(frame, lines, 0, inner);
        return Targets::new();
    }
    lines.extend(plain_lines(wrap_lines(d.intro, width, "", ""), t.plain()));
    lines.push(Line::from(""));
    let mut spans = Vec::new();
    for (i, doc) in v.docs.iter().enumerate() {
        let state = match doc.missing.len() {
            0 => d.complete.to_string(),
            n => format!("{n} {}", d.to_fill),
        };
        let mark = if i == v.cursor { "▶ " } else { "  " };
        let row = format!("{}  ({state})", escape_controls(&doc.title));
        let style = match i == v.cursor {
            true => t.selected(),
            false => t.plain(),
        };
        let from = lines.len();
        lines.extend(plain_lines(wrap_lines(&row, width, mark, "    "), style));
        spans.push((from, lines.len()));
    }
    let (start, end) = spans.get(v.cursor).copied().unwrap_or((0, 0));
    let offset = super::scroll_to(start, end, inner.height as usize);
    render_lines(frame, lines, offset, inner);
    item_rows(&spans, offset, inner)
}

/// The rows of the panel in view inside `area` (the body of the screen): what a page is.
pub fn scroll_rows(m: &Model, v: &DocumentsView, area: Rect) -> u16 {
    let gap_rows = match (&v.reading, v.current()) {
        (Some(_), Some(doc)) => {
            let gaps = gap_lines(doc, m.lang, area.width as usize, m.theme).len();
            (gaps.min(usize::from(u16::MAX)) as u16).min(area.height / 3)
        }
        _ => 0,
    };
    area.height.saturating_sub(gap_rows + 2)
}

/// One document: what is still to fill in and how, over the text itself.
fn read(frame: &mut Frame, m: &Model, doc: &Rendered, r: &Reading, area: Rect) {
    let t = m.theme;
    let w = words(m.lang);
    let gaps = gap_lines(doc, m.lang, area.width as usize, t);
    // The gaps take at most a third of the room: the document is what is read here.
    let gap_rows = (gaps.len() as u16).min(area.height / 3);
    let [top, body] =
        Layout::vertical([Constraint::Length(gap_rows), Constraint::Min(3)]).areas(area);
    render_lines(frame, gaps, 0, top);
    let block = panel(&escape_controls(&doc.title), true, t);
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let lines = document_lines(doc, inner.width as usize, t);
    let max = lines.len().saturating_sub(inner.height as usize);
    let offset = match r.scroll {
        DocScroll::Top(n) => n.min(max),
        DocScroll::End(n) => max.saturating_sub(n),
    };
    scrolled_text(
        frame,
        lines,
        offset.min(u16::MAX as usize) as u16,
        (inner, body),
        (w.more_below, w.end_of_text),
        t,
    );
    if let Some(e) = &r.export {
        super::forms::document_export(frame, m, e, area);
    }
}

/// "Still to fill in: a; b." with the gaps highlighted, and what fills them in.
fn gap_lines(doc: &Rendered, lang: Lang, width: usize, t: Theme) -> Vec<Line<'static>> {
    if doc.missing.is_empty() {
        return Vec::new();
    }
    let d = doc_words(lang);
    let mut segments = vec![(format!("{}: ", d.missing_heading), t.bold())];
    for (i, gap) in doc.missing.iter().enumerate() {
        if i > 0 {
            segments.push(("; ".to_string(), t.plain()));
        }
        segments.push((gap.said(lang), t.missing()));
    }
    let mut lines = wrap_styled(&segments, width);
    let fact = doc.missing.iter().any(|g| matches!(g, Missing::Fact(_)));
    // Justifications are not kept with the answers yet: nothing on screen fills them in.
    let other = doc
        .missing
        .iter()
        .any(|g| !matches!(g, Missing::Fact(_) | Missing::Justification { .. }));
    for (show, hint) in [(fact, d.profile_hint), (other, d.record_hint)] {
        if show {
            lines.extend(plain_lines(wrap_lines(hint, width, "", ""), t.plain()));
        }
    }
    lines
}

/// The most lines a document takes on screen: at the narrowest width the interface draws it
/// (a panel's inside on the smallest terminal). Wider, it takes no more.
pub fn most_lines(doc: &Rendered) -> usize {
    document_lines(doc, MIN_WIDTH as usize - 2, Theme::with_color(false)).len()
}

/// The document as lines of `width`: the draft's warning and where it comes from, its
/// sections, its sources and notes, and what is still to fill in. Everything from the record
/// or the profile is drawn with its control characters escaped.
fn document_lines(doc: &Rendered, width: usize, t: Theme) -> Vec<Line<'static>> {
    let fw = frame_words(doc.lang);
    let mut lines = plain_lines(wrap_lines(fw.draft, width, "", ""), t.bold());
    lines.extend(plain_lines(
        wrap_lines(&escape_controls(&provenance(doc, fw)), width, "", ""),
        t.plain(),
    ));
    for b in &doc.blocks {
        if let Some(h) = &b.heading {
            lines.push(Line::from(""));
            lines.extend(plain_lines(
                wrap_lines(&escape_controls(h), width, "", ""),
                t.bold(),
            ));
        }
        for p in &b.paragraphs {
            lines.push(Line::from(""));
            let segments: Vec<(String, Style)> = p
                .iter()
                .map(|s| match s {
                    DocSpan::Text(text) => (text.clone(), t.plain()),
                    DocSpan::Missing(gap) => (gap.marker(doc.lang), t.missing()),
                })
                .collect();
            lines.extend(wrap_styled(&segments, width));
        }
    }
    let notes: Vec<String> = doc
        .notes
        .iter()
        .map(|n| format!("{} ({} {})", n.title, fw.checked, n.checked))
        .collect();
    for (heading, items) in [(fw.sources, &doc.sources), (fw.law_notes, &notes)] {
        if items.is_empty() {
            continue;
        }
        lines.push(Line::from(""));
        lines.extend(plain_lines(
            wrap_lines(&format!("{heading}:"), width, "", ""),
            t.bold(),
        ));
        for item in items.iter() {
            lines.extend(plain_lines(
                wrap_lines(&escape_controls(item), width, "- ", "  "),
                t.plain(),
            ));
        }
    }
    lines
}

/// Text in styles, wrapped at spaces to `width` columns: a line break in the text starts a new
/// line, a word longer than a line is cut, and a space takes the style of the text it is in
/// (so a gap's marker stays highlighted as one). Control characters are escaped.
fn wrap_styled(segments: &[(String, Style)], width: usize) -> Vec<Line<'static>> {
    let width = width.max(1);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut line: Vec<(String, Style)> = Vec::new();
    let mut used = 0;
    // The word being gathered (it may span styles) and the space before it.
    let mut word: Vec<(String, Style)> = Vec::new();
    let mut space: Option<Style> = None;
    let flush = |line: &mut Vec<(String, Style)>,
                 used: &mut usize,
                 word: &mut Vec<(String, Style)>,
                 space: &mut Option<Style>,
                 lines: &mut Vec<Line<'static>>| {
        let len: usize = word.iter().map(|(s, _)| s.width()).sum();
        if len == 0 {
            return;
        }
        let gap = usize::from(*used > 0 && space.is_some());
        if *used > 0 && *used + gap + len > width {
            lines.push(to_line(std::mem::take(line)));
            *used = 0;
        } else if gap == 1
            && let Some(style) = *space
        {
            match line.last_mut() {
                Some((s, st)) if *st == style => s.push(' '),
                _ => line.push((" ".to_string(), style)),
            }
            *used += 1;
        }
        for (text, style) in word.drain(..) {
            for c in text.chars() {
                let cw = c.to_string().width();
                if *used + cw > width && *used > 0 {
                    lines.push(to_line(std::mem::take(line)));
                    *used = 0;
                }
                match line.last_mut() {
                    Some((s, st)) if *st == style => s.push(c),
                    _ => line.push((c.to_string(), style)),
                }
                *used += cw;
            }
        }
        *space = None;
    };
    for (text, style) in segments {
        for (i, part) in text.split('\n').enumerate() {
            if i > 0 {
                flush(&mut line, &mut used, &mut word, &mut space, &mut lines);
                lines.push(to_line(std::mem::take(&mut line)));
                used = 0;
                space = None;
            }
            for c in part.chars() {
                if c == ' ' || c == '\t' {
                    flush(&mut line, &mut used, &mut word, &mut space, &mut lines);
                    space = Some(*style);
                } else {
                    let c = escape_controls(&c.to_string());
                    match word.last_mut() {
                        Some((s, st)) if *st == *style => s.push_str(&c),
                        _ => word.push((c, *style)),
                    }
                }
            }
        }
    }
    flush(&mut line, &mut used, &mut word, &mut space, &mut lines);
    if !line.is_empty() {
        lines.push(to_line(line));
    }
    lines
}

fn to_line(parts: Vec<(String, Style)>) -> Line<'static> {
    Line::from(
        parts
            .into_iter()
            .map(|(s, st)| Span::styled(s, st))
            .collect::<Vec<_>>(),
    )
}

/// A refusal's reason as a sentence of its own.
fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect::<String>() + ".",
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn styled_text_wraps_at_spaces_keeps_breaks_and_escapes_controls() {
        let plain = Style::default();
        let gap = Style::default().add_modifier(ratatui::style::Modifier::BOLD);
        let segments = vec![
            ("Wij werken met ".to_string(), plain),
            ("[ontbreekt: naam]".to_string(), gap),
            (". Vragen?\nMail \u{1b}[31m ons".to_string(), plain),
        ];
        let lines = wrap_styled(&segments, 20);
        assert_eq!(
            text(&lines),
            [
                "Wij werken met",
                "[ontbreekt: naam].",
                "Vragen?",
                "Mail \\u001b[31m ons"
            ]
        );
        // The marker is one highlighted run, its space included.
        assert!(
            lines[1]
                .spans
                .iter()
                .any(|s| s.content == "[ontbreekt: naam]" && s.style == gap)
        );
        // A word longer than the line is cut.
        let long = wrap_styled(&[("abcdefghij".to_string(), plain)], 4);
        assert_eq!(text(&long), ["abcd", "efgh", "ij"]);
    }
}
