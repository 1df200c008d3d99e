//! The questionnaire: one question with its options, the explanation beside it, the questions
//! answered so far, and an honest progress line. Also the review of all answers.
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::{
    Targets, item_rows, panel, plain_lines, render_lines, scroll_to, scrolled_text, text_field,
    truncate, wrap_lines,
};
use crate::bank::{Kind, QId};
use crate::engine::Answer;
use crate::locale::screen::words;
use crate::tui::app::{Asking, Explain, Model, Pane, Review, bit};

pub fn draw(frame: &mut Frame, m: &Model, s: &Asking, area: Rect) -> Targets {
    let Some(a) = m.assessment() else {
        return Targets::new();
    };
    let walk = a.session.walk(m.bank);
    let steps: Vec<QId> = walk.steps().collect();
    let [progress, main] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    draw_progress(frame, m, s.q, &steps, progress);

    let wide = area.width >= 110;
    // From 160 columns (a projector's 200×50) the answers and the explanation share the width
    // with the question instead of keeping their narrow columns.
    let projector = area.width >= super::PROJECTOR_WIDTH;
    let explain = s.explain == Explain::Shown;
    let side_w = if wide { 34 } else { 36 };
    let (answers_w, explain_w) = if projector {
        (area.width / 4, area.width * 3 / 8)
    } else {
        (30, 42)
    };
    let mut constraints = Vec::new();
    if wide {
        constraints.push(Constraint::Length(answers_w));
    }
    constraints.push(Constraint::Min(30));
    let right = if wide {
        explain.then_some(Pane::Explanation)
    } else if s.focus == Pane::Answers {
        Some(Pane::Answers)
    } else {
        explain.then_some(Pane::Explanation)
    };
    if right.is_some() {
        constraints.push(Constraint::Length(if wide { explain_w } else { side_w }));
    }
    let cols = Layout::horizontal(constraints).split(main);
    let mut i = 0;
    if wide {
        answers_list(frame, m, s, (&steps, projector), cols[0]);
        i = 1;
    }
    let targets = question_panel(frame, m, s, &steps, cols[i]);
    match right {
        Some(Pane::Explanation) => explanation(frame, m, s, cols[i + 1]),
        Some(Pane::Answers) => answers_list(frame, m, s, (&steps, projector), cols[i + 1]),
        _ => {}
    }
    targets
}

/// "Vraag 3 van 5–9": the path's length depends on the answers still to come, so it is shown
/// as the range the bank allows from here, never as a guess.
fn draw_progress(frame: &mut Frame, m: &Model, q: QId, steps: &[QId], area: Rect) {
    let w = words(m.lang);
    let position = steps.iter().position(|&x| x == q).unwrap_or(steps.len());
    let (lo, hi) = m.bank.span_from(q);
    let (min_total, max_total) = (position + lo, position + hi);
    let text = if min_total == max_total {
        format!(" {} {} {} {min_total}", w.question, position + 1, w.of)
    } else {
        format!(
            " {} {} {} {min_total}–{max_total} ({})",
            w.question,
            position + 1,
            w.of,
            w.depends
        )
    };
    let bar_w = (area.width as usize).saturating_sub(text.chars().count() + 2);
    let scale = |n: usize| n * bar_w / max_total.max(1);
    let done = scale(position);
    let current = scale(position + 1) - done;
    let certain = scale(min_total) - done - current;
    let rest = bar_w.saturating_sub(done + current + certain);
    let bar = format!(
        "{}{}{}{}",
        "█".repeat(done),
        "▓".repeat(current.max(1)),
        "░".repeat(certain),
        "·".repeat(rest.saturating_sub(usize::from(current == 0)))
    );
    let line = Line::from(vec![
        Span::styled(text, m.theme.bold()),
        Span::raw("  "),
        Span::raw(bar),
    ]);
    super::one_line(
        frame.buffer_mut(),
        &line,
        ratatui::style::Style::new(),
        area,
    );
}

/// The question and its options; returns where the options are.
fn question_panel(frame: &mut Frame, m: &Model, s: &Asking, steps: &[QId], area: Rect) -> Targets {
    let w = words(m.lang);
    let t = m.theme;
    let question = &m.bank.questions[s.q];
    let position = steps.iter().position(|&x| x == s.q).unwrap_or(steps.len());
    let title = format!("{} {}", w.question, position + 1);
    let block = panel(
        &title,
        matches!(s.focus, Pane::Options | Pane::Justification),
        t,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let given = m.assessment().and_then(|a| a.session.answer(s.q));

    let mut lines: Vec<Line> = plain_lines(
        wrap_lines(question.prompt.get(m.lang), width, "", ""),
        t.bold(),
    );
    lines.push(Line::from(""));
    let mut spans = Vec::new();
    let mut text_cursor = None;
    if question.kind == Kind::Text {
        let (field, cursor) =
            text_field(w.your_answer, &s.text, s.focus == Pane::Options, width, t);
        let top = lines.len();
        lines.extend(field);
        text_cursor = cursor.map(|(x, y)| (x, y + top as u16));
    } else {
        for (i, o) in question.options.iter().enumerate() {
            let bit = bit(i);
            let mark = match (question.kind, given) {
                (Kind::Multiple, _) => {
                    if s.marks & bit != 0 {
                        "[x]"
                    } else {
                        "[ ]"
                    }
                }
                (_, Some(Answer::Choice(g))) if g & bit != 0 => "(•)",
                _ => "( )",
            };
            let here = i == s.cursor;
            let arrow = if here { "▶" } else { " " };
            let first = format!("{arrow} {mark} ");
            let opt_lines = wrap_lines(
                o.label.get(m.lang),
                width.saturating_sub(1),
                &first,
                "      ",
            );
            let style = if here && s.focus == Pane::Options {
                t.selected()
            } else {
                t.plain()
            };
            spans.push((lines.len(), lines.len() + opt_lines.len()));
            lines.extend(plain_lines(opt_lines, style));
        }
    }
    // The justification the question asks for besides its answer: its prompt, then the field.
    let mut field_span = None;
    if let Some(j) = &question.justification {
        lines.push(Line::from(""));
        let top = lines.len();
        lines.extend(plain_lines(
            wrap_lines(j.prompt.get(m.lang), width, "", ""),
            t.plain(),
        ));
        let focused = s.focus == Pane::Justification;
        let (field, cursor) =
            text_field(w.justification_field, &s.justification, focused, width, t);
        let at = lines.len();
        lines.extend(field);
        if let Some((x, y)) = cursor {
            text_cursor = Some((x, y + at as u16));
        }
        field_span = focused.then_some((top, lines.len()));
    }
    lines.push(Line::from(""));
    let hint = match question.kind {
        Kind::Multiple => w.hint_multiple,
        Kind::Text => w.hint_text,
        _ => w.hint_single,
    };
    lines.extend(plain_lines(wrap_lines(hint, width, "", ""), t.plain()));
    if question.justification.is_some() {
        lines.extend(plain_lines(
            wrap_lines(w.hint_justification, width, "", ""),
            t.plain(),
        ));
    }
    if let Some(note) = m.record().and_then(|r| r.notes.get(&question.id)) {
        lines.push(Line::from(""));
        lines.extend(plain_lines(
            wrap_lines(&format!("{}: {note}", w.note), width, "✎ ", "  "),
            t.plain(),
        ));
    }
    let (from, to) = field_span
        .or_else(|| spans.get(s.cursor).copied())
        .unwrap_or_default();
    let offset = scroll_to(from, to, inner.height as usize);
    render_lines(frame, lines, offset, inner);
    if let Some((x, y)) = text_cursor
        && (y as usize) >= offset
        && (y as usize - offset) < inner.height as usize
    {
        frame.set_cursor_position((inner.x + x, inner.y + y - offset as u16));
    }
    item_rows(&spans, offset, inner)
}

fn explanation(frame: &mut Frame, m: &Model, s: &Asking, area: Rect) {
    let w = words(m.lang);
    let t = m.theme;
    let question = &m.bank.questions[s.q];
    let block = panel(w.explanation, s.focus == Pane::Explanation, t);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let help = m
        .assessment()
        .map(|a| a.session.help(m.bank, s.q, m.lang))
        .unwrap_or_else(|| question.help.get(m.lang).to_string());
    let mut lines: Vec<Line> = plain_lines(wrap_lines(&help, width, "", ""), t.plain());
    if !question.reasoning.get(m.lang).trim().is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(w.reasoning, t.bold())));
        lines.extend(plain_lines(
            wrap_lines(question.reasoning.get(m.lang), width, "", ""),
            t.plain(),
        ));
    }
    if let Some(j) = &question.justification
        && !j.help.get(m.lang).trim().is_empty()
    {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(w.justification, t.bold())));
        lines.extend(plain_lines(
            wrap_lines(j.help.get(m.lang), width, "", ""),
            t.plain(),
        ));
    }
    if !question.sources.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(m.lang.ui().sources, t.bold())));
        for src in &question.sources {
            lines.extend(plain_lines(wrap_lines(src, width, "- ", "  "), t.plain()));
        }
    }
    scrolled_text(
        frame,
        lines,
        s.explain_scroll,
        (inner, area),
        (w.more_below, w.end_of_text),
        t,
    );
}

/// The questions on the path and their answers; `whole` shows them wrapped rather than cut
/// to a line.
fn answers_list(
    frame: &mut Frame,
    m: &Model,
    s: &Asking,
    (steps, whole): (&[QId], bool),
    area: Rect,
) {
    let w = words(m.lang);
    let t = m.theme;
    let Some(a) = m.assessment() else { return };
    let block = panel(w.answers_so_far, s.focus == Pane::Answers, t);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let fit = |text: String, first: &str, rest: &str| match whole {
        true => wrap_lines(&text, width, first, rest),
        false => vec![truncate(&format!("{first}{text}"), width)],
    };
    let mut lines = Vec::new();
    let mut span = (0, 0);
    for (i, &q) in steps.iter().enumerate() {
        let question = &m.bank.questions[q];
        let answer = a.session.answer(q);
        // "▶" is the cursor here as in every list; the question on screen has a mark of its
        // own, so the two are never taken for each other.
        let mark = if q == s.q {
            "●"
        } else if answer.is_some() {
            "✓"
        } else {
            "·"
        };
        let selected = s.focus == Pane::Answers && i == s.answers_cursor;
        let arrow = if selected { "▶" } else { " " };
        let style = if selected {
            t.selected()
        } else if q == s.q {
            t.bold()
        } else {
            t.plain()
        };
        let start = lines.len();
        let number = format!("{arrow}{mark} {}. ", i + 1);
        let indent = " ".repeat(number.chars().count());
        let prompt = question.prompt.get(m.lang).to_string();
        lines.extend(plain_lines(fit(prompt, &number, &indent), style));
        let label = answer
            .map(|x| question.answer_label(x, m.lang))
            .map(|l| {
                if l.is_empty() {
                    format!("({})", w.empty)
                } else {
                    l
                }
            })
            .unwrap_or_else(|| w.open.to_string());
        lines.extend(plain_lines(
            fit(format!("→ {label}"), "    ", "      "),
            style,
        ));
        if selected {
            span = (start, lines.len());
        }
    }
    let offset = scroll_to(span.0, span.1, inner.height as usize);
    render_lines(frame, lines, offset, inner);
}

pub fn review(frame: &mut Frame, m: &Model, r: &Review, area: Rect) -> Targets {
    let w = words(m.lang);
    let t = m.theme;
    let Some(a) = m.assessment() else {
        return Targets::new();
    };
    let walk = a.session.walk(m.bank);
    let block = panel(w.review_title, true, t);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let mut lines: Vec<Line> = plain_lines(wrap_lines(w.review_intro, width, "", ""), t.plain());
    lines.push(Line::from(""));
    let campaign = super::notes::campaign(&a.record, m, width, t);
    if !campaign.is_empty() {
        lines.extend(campaign);
        lines.push(Line::from(""));
    }
    let mut spans = Vec::new();
    for (i, &q) in walk.path.iter().enumerate() {
        let question = &m.bank.questions[q];
        let label = a
            .session
            .answer(q)
            .map(|x| question.answer_label(x, m.lang))
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| format!("({})", w.empty));
        let selected = i == r.cursor;
        let arrow = if selected { "▶" } else { " " };
        let number = format!("{arrow} {}. ", i + 1);
        let indent = " ".repeat(number.chars().count());
        let mut item = wrap_lines(question.prompt.get(m.lang), width, &number, &indent);
        item.extend(wrap_lines(
            &format!("→ {label}"),
            width,
            &indent,
            &format!("{indent}  "),
        ));
        if let Some(j) = a.record.justification(&question.id) {
            item.extend(wrap_lines(
                &format!("{}: {j}", w.justification),
                width,
                &format!("{indent}  "),
                &format!("{indent}  "),
            ));
        }
        item.extend(super::notes::under_question(
            &a.record,
            &question.id,
            &indent,
            width,
            m,
        ));
        spans.push((lines.len(), lines.len() + item.len()));
        let style = if selected { t.selected() } else { t.plain() };
        lines.extend(plain_lines(item, style));
    }
    lines.push(Line::from(""));
    let last = walk.path.len();
    let go = if walk.is_complete() {
        w.to_advice
    } else {
        w.to_open_questions
    };
    let selected = r.cursor >= last;
    spans.push((lines.len(), lines.len() + 1));
    lines.push(Line::from(Span::styled(
        format!("{} {go}", if selected { "▶" } else { " " }),
        if selected { t.selected() } else { t.bold() },
    )));
    if let Some(note) = a.record.notes.get(crate::record::SESSION_NOTE) {
        lines.push(Line::from(""));
        lines.extend(plain_lines(
            wrap_lines(&format!("{}: {note}", w.session_note), width, "✎ ", "  "),
            t.plain(),
        ));
    }
    let (from, to) = spans[r.cursor.min(last)];
    let offset = scroll_to(from, to, inner.height as usize);
    let total = lines.len();
    render_lines(frame, lines, offset, inner);
    super::scroll_sign(
        frame,
        (offset, total, inner.height),
        area,
        (w.more_below, w.end_of_text),
        t,
    );
    item_rows(&spans, offset, inner)
}
