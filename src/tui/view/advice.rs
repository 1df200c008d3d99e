//! The advice: the verdict in one line (colour, symbol and word), the findings, the required
//! and then the recommended actions, warnings, reasons and the notes on current law — each
//! expandable to its rationale and sources — and the sign-off.
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Targets, item_rows, panel, plain_lines, render_lines, scroll_to, wrap_lines};
use crate::advice::Advice;
use crate::locale::screen::words;
use crate::tui::app::{AdviceItem, AdviceView, Model, advice_items};
use crate::tui::theme::Severity;

/// How serious the verdict is: its value's place among the bank's verdict values.
pub fn severity(m: &Model, advice: &Advice) -> Severity {
    verdict_severity(m.bank, &advice.verdict.value)
}

/// How serious the verdict `value` is in `bank`: first of its values good, last bad.
pub fn verdict_severity(bank: &crate::bank::Bank, value: &serde_json::Value) -> Severity {
    let values = &bank.findings[bank.verdict.finding].values;
    match values.iter().position(|v| &v.value == value) {
        Some(0) => Severity::Good,
        Some(i) if i + 1 == values.len() => Severity::Bad,
        Some(_) => Severity::Caution,
        None => Severity::Unknown,
    }
}

/// The verdict's line (more when it does not fit): symbol and words, so it never rests on
/// colour.
fn verdict_lines(m: &Model, advice: &Advice, width: u16) -> Vec<String> {
    let verdict = format!(
        " {} {}: {} ",
        severity(m, advice).symbol(),
        m.lang.ui().verdict.to_uppercase(),
        advice.verdict.label.to_uppercase()
    );
    wrap_lines(&verdict, usize::from(width).saturating_sub(2), "", " ")
}

/// The advice's room in `area` (the body of the screen) and, on a wide screen (a projector),
/// a column beside it for the answers: the verdict and the actions keep a readable width, and
/// the answers need not be scrolled to.
fn columns(area: Rect) -> (Rect, Option<Rect>) {
    if area.width < super::PROJECTOR_WIDTH {
        return (area, None);
    }
    let [main, side] = Layout::horizontal([
        Constraint::Length(super::READABLE.min(area.width * 3 / 5)),
        Constraint::Min(30),
    ])
    .areas(area);
    (main, Some(side))
}

/// The rows of the advice's panel inside `area` (the body of the screen): what a page is.
pub fn scroll_rows(m: &Model, area: Rect) -> u16 {
    let (area, _) = columns(area);
    let top = match m.record().and_then(|r| r.outcome.as_ref()) {
        Some(advice) => verdict_lines(m, advice, area.width).len() as u16 + 1,
        None => 0,
    };
    area.height.saturating_sub(top + 2)
}

pub fn draw(frame: &mut Frame, m: &Model, v: &AdviceView, area: Rect) -> Targets {
    let w = words(m.lang);
    let ui = m.lang.ui();
    let t = m.theme;
    let Some(record) = m.record() else {
        return Targets::new();
    };
    let Some(advice) = &record.outcome else {
        let p = Paragraph::new(w.no_advice_yet);
        frame.render_widget(p, area);
        return Targets::new();
    };
    let (area, side) = columns(area);
    let sev = severity(m, advice);
    let verdict_lines = verdict_lines(m, advice, area.width);
    let [top, body] = Layout::vertical([
        Constraint::Length(verdict_lines.len() as u16 + 1),
        Constraint::Min(3),
    ])
    .areas(area);
    let mut vl: Vec<Line> = Vec::new();
    vl.push(Line::from(""));
    for l in verdict_lines {
        vl.push(Line::from(vec![
            Span::raw(" "),
            Span::styled(l, t.verdict(sev)),
        ]));
    }
    super::render_lines(frame, vl, 0, top);

    let block = panel(ui.advice, true, t);
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let width = inner.width as usize;
    let items = advice_items(advice);
    let plan = m.plan_view();
    let today = m.today();
    let mut lines: Vec<Line> = Vec::new();
    let mut spans = Vec::new();
    let heading = |lines: &mut Vec<Line>, text: String| {
        if !lines.is_empty() {
            lines.push(Line::from(""));
        }
        lines.push(Line::from(Span::styled(text, t.bold())));
    };

    let findings = |lines: &mut Vec<Line>| {
        heading(lines, ui.findings.to_string());
        for f in &advice.finding_labels {
            lines.extend(plain_lines(
                wrap_lines(&format!("{}: {}", f.title, f.label), width, "  ", "    "),
                t.plain(),
            ));
        }
    };
    // A blocked plan leads with what blocks it and the remedies; the findings and the actions
    // (under a heading that says they apply to the changed plan) follow.
    let count = |f: fn(&AdviceItem) -> bool| items.iter().filter(|i| f(i)).count();
    let mut lead_done = false;
    let mut actions_heading = advice.actions_heading(ui);
    let mut section = None;
    for (i, item) in items.iter().enumerate() {
        if !item.leads() && !lead_done {
            lead_done = true;
            no_remedy(&mut lines, advice, &heading, width, t);
            findings(&mut lines);
        }
        let (name, count) = match item {
            AdviceItem::BlockingWarning(_) | AdviceItem::BlockingAction(_) => (
                advice.blocking_heading(ui).unwrap_or(ui.warnings),
                count(|i| {
                    matches!(
                        i,
                        AdviceItem::BlockingWarning(_) | AdviceItem::BlockingAction(_)
                    )
                }),
            ),
            AdviceItem::Remedy(_) => (ui.remedies, advice.remedies.len()),
            AdviceItem::Required(_) => {
                (ui.required, count(|i| matches!(i, AdviceItem::Required(_))))
            }
            AdviceItem::Recommended(_) => (
                ui.recommended,
                count(|i| matches!(i, AdviceItem::Recommended(_))),
            ),
            AdviceItem::Warning(_) => (ui.warnings, count(|i| matches!(i, AdviceItem::Warning(_)))),
            AdviceItem::Reason(_) => (w.why_verdict, advice.reasons.len()),
            AdviceItem::Note(_) => (ui.law_notes, advice.notes.len()),
        };
        if matches!(item, AdviceItem::Required(_) | AdviceItem::Recommended(_))
            && let Some(text) = actions_heading.take()
        {
            heading(&mut lines, text.to_uppercase());
        }
        if section != Some(name) {
            heading(&mut lines, format!("{name} ({count})"));
            section = Some(name);
        }
        let open = v.expanded.contains(&i);
        let selected = i == v.cursor;
        let fold = if open { "▾" } else { "▸" };
        let arrow = if selected { "▶" } else { " " };
        let first = format!("{arrow}{fold} ");
        let item_lines = entry(advice, *item, open, &first, width, ui);
        let style: Style = if selected { t.selected() } else { t.plain() };
        let start = lines.len();
        lines.extend(plain_lines(item_lines, style));
        if let AdviceItem::Required(a) | AdviceItem::Recommended(a) | AdviceItem::BlockingAction(a) =
            item
            && let Some(line) = plan
                .lines
                .iter()
                .find(|l| l.action == advice.actions[*a].id)
        {
            lines.extend(plan_line(line, &today, width, m.lang, t));
        }
        spans.push((start, lines.len()));
    }
    if !lead_done {
        no_remedy(&mut lines, advice, &heading, width, t);
        findings(&mut lines);
    }
    if advice.actions.is_empty() {
        heading(&mut lines, ui.no_actions.to_string());
    }

    if !plan.is_empty() {
        let pw = crate::locale::screen::plan_words(m.lang);
        let p = plan.progress(&today);
        heading(&mut lines, pw.heading.to_string());
        for (text, style) in [
            (crate::locale::plan::progress(&p, m.lang), t.plain()),
            (
                crate::locale::plan::past_due(&plan, &p, m.lang),
                if p.past_due.is_empty() {
                    t.plain()
                } else {
                    t.warning()
                },
            ),
        ] {
            lines.extend(plain_lines(wrap_lines(&text, width, "  ", "    "), style));
        }
    }

    heading(&mut lines, w.signoff_heading.to_string());
    match &record.signoff {
        Some(s) => {
            let text = format!(
                "{} {} ({}): {}",
                w.signed_by,
                s.signed_by(),
                crate::record::time::date_in_words(&s.date, m.lang),
                s.decision.label(m.lang).to_uppercase()
            );
            lines.extend(plain_lines(wrap_lines(&text, width, "  ", "  "), t.bold()));
            if !s.conditions.is_empty() {
                let label = crate::locale::signoff::words(m.lang).conditions;
                lines.extend(plain_lines(
                    wrap_lines(&format!("{label}: {}", s.conditions), width, "  ", "  "),
                    t.bold(),
                ));
            }
            if !s.remarks.is_empty() {
                lines.extend(plain_lines(
                    wrap_lines(&format!("{}: {}", w.remarks, s.remarks), width, "  ", "  "),
                    t.plain(),
                ));
            }
            let key = match &record.signature {
                Some(sig) => format!("{}: {}", w.key_line, sig.key_fingerprint),
                None => w.no_key_line.to_string(),
            };
            let fingerprint = format!("{}: {}", w.fingerprint, record.integrity.hash);
            for line in [key, fingerprint] {
                lines.extend(plain_lines(wrap_lines(&line, width, "  ", "  "), t.plain()));
            }
        }
        None => lines.push(Line::from(format!("  {}", w.not_signed))),
    }

    match side {
        None => {
            heading(&mut lines, ui.answers.to_string());
            lines.extend(answer_lines(advice, width, t));
        }
        Some(side) => {
            let block = panel(ui.answers, false, t);
            let room = block.inner(side);
            frame.render_widget(block, side);
            let answers = answer_lines(advice, room.width as usize, t);
            let sign = (w.more_below, w.end_of_text);
            super::scrolled_text(frame, answers, 0, (room, side), sign, t);
        }
    }
    lines.extend(super::notes::section(record, m, width, t));

    let height = inner.height as usize;
    let (from, to) = spans.get(v.cursor).copied().unwrap_or_default();
    let base = scroll_to(from, to, height);
    let max = lines.len().saturating_sub(height);
    let offset = (base + v.scroll as usize).min(max);
    let total = lines.len();
    render_lines(frame, lines, offset, inner);
    super::scroll_sign(
        frame,
        (offset, total, inner.height),
        body,
        (w.more_below, w.end_of_text),
        t,
    );
    item_rows(&spans, offset, inner)
}

/// The answers the advice rests on, and the bank it was made with.
fn answer_lines(advice: &Advice, width: usize, t: crate::tui::theme::Theme) -> Vec<Line<'static>> {
    let ui = advice.lang.ui();
    let mut lines = Vec::new();
    for a in &advice.answer_labels {
        let answer = if a.answer.is_empty() {
            format!("({})", ui.none)
        } else {
            a.answer.clone()
        };
        lines.extend(plain_lines(
            wrap_lines(&a.question, width, "  - ", "    "),
            t.plain(),
        ));
        lines.extend(plain_lines(
            wrap_lines(&format!("→ {answer}"), width, "    ", "      "),
            t.plain(),
        ));
        if let Some(j) = &a.justification {
            let line = format!("{}: {j}", ui.justification);
            lines.extend(plain_lines(
                wrap_lines(&line, width, "      ", "      "),
                t.plain(),
            ));
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::from(format!(
        "  {}: {} {}",
        ui.bank, advice.bank.id, advice.bank.version
    )));
    lines
}

/// For a blocked plan without remedies, the remedies' heading and that none was found.
fn no_remedy(
    lines: &mut Vec<Line<'static>>,
    advice: &Advice,
    heading: &impl Fn(&mut Vec<Line<'static>>, String),
    width: usize,
    t: crate::tui::theme::Theme,
) {
    if advice.blocking.is_none() || !advice.remedies.is_empty() {
        return;
    }
    let ui = advice.lang.ui();
    heading(lines, format!("{} (0)", ui.remedies));
    lines.extend(plain_lines(
        wrap_lines(ui.no_remedy, width, "  ", "  "),
        t.plain(),
    ));
}

/// The lines of one entry: its title from `first` on, and when open its text and sources (for
/// a remedy: the verdict it gives, the actions it adds and drops, the questions it asks).
fn entry(
    advice: &Advice,
    item: AdviceItem,
    open: bool,
    first: &str,
    width: usize,
    ui: &crate::locale::advice::Ui,
) -> Vec<String> {
    if let AdviceItem::Remedy(x) = item {
        let r = &advice.remedies[x];
        let mut out = Vec::new();
        for (j, line) in r.change_lines(ui).iter().enumerate() {
            out.extend(wrap_lines(
                line,
                width,
                if j == 0 { first } else { "   " },
                "   ",
            ));
        }
        if open {
            for (label, text) in r.details(ui) {
                let line = format!("{label}: {text}");
                out.extend(wrap_lines(&line, width, "     ", "       "));
            }
        }
        return out;
    }
    let (title, body, sources): (String, &str, &[String]) = match item {
        AdviceItem::Required(a) | AdviceItem::Recommended(a) | AdviceItem::BlockingAction(a) => {
            let a = &advice.actions[a];
            (a.title.clone(), &a.rationale, &a.sources)
        }
        AdviceItem::Warning(x) | AdviceItem::BlockingWarning(x) => {
            let x = &advice.warnings[x];
            (format!("⚠ {}", x.title), &x.text, &x.sources)
        }
        AdviceItem::Reason(x) => {
            let x = &advice.reasons[x];
            (x.text.clone(), "", &x.sources)
        }
        AdviceItem::Note(x) => {
            let x = &advice.notes[x];
            (
                format!("{} ({} {})", x.title, ui.checked, x.checked),
                &x.text,
                &x.sources,
            )
        }
        AdviceItem::Remedy(_) => (String::new(), "", &[]),
    };
    let mut out = wrap_lines(&title, width, first, "   ");
    if open {
        if !body.is_empty() {
            out.extend(wrap_lines(body, width, "     ", "     "));
        }
        out.extend(wrap_lines(
            &format!("{}: {}", ui.sources, sources.join("; ")),
            width,
            "     ",
            "       ",
        ));
    }
    out
}

/// The plan's line under an action: who has it, by when, how far it is; past due marked.
fn plan_line(
    line: &crate::record::plan::Line,
    today: &str,
    width: usize,
    lang: crate::text::Lang,
    t: crate::tui::theme::Theme,
) -> Vec<Line<'static>> {
    use crate::locale::plan::{due, owner, status};
    use crate::record::plan::Field;
    let mut text = format!(
        "{}: {} · {}: {} · {}: {}",
        Field::Owner.label(lang),
        owner(line, lang),
        Field::Due.label(lang),
        due(line, lang),
        Field::Status.label(lang),
        status(line, lang)
    );
    let late = line.is_past_due(today);
    if late {
        let pw = crate::locale::screen::plan_words(lang);
        text = format!("{text} · ⚠ {}", pw.late);
    }
    let style = if late { t.warning() } else { t.plain() };
    plain_lines(wrap_lines(&text, width, "     ", "     "), style)
}
