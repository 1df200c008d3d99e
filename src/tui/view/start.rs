//! The start screen: a new assessment, the library's profile, the records in the store, and
//! where the store is.
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::{Targets, item_rows, scroll_to, truncate, wrap_lines};
use crate::locale::screen::words;
use crate::record::time;
use crate::text::Lang;
use crate::tui::app::{Model, Records, Start};
use crate::tui::theme::Theme;

/// What the start screen shows; drawn from the model, or before there is one (the first
/// frame).
pub struct StartView<'a> {
    /// Not yet loaded on the first frame, which lists nothing.
    pub bank: Option<&'a crate::bank::Bank>,
    pub lang: Lang,
    pub theme: Theme,
    pub records: &'a Records,
    pub cursor: usize,
    /// The record marked as A of a comparison, by id.
    pub marked: Option<&'a str>,
    pub store_shown: &'a str,
    /// The clock due dates are measured by (read only once records are listed).
    pub clock: fn() -> String,
}

impl<'a> StartView<'a> {
    pub fn of(m: &'a Model, s: &'a Start) -> StartView<'a> {
        StartView {
            bank: Some(m.bank),
            lang: m.lang,
            theme: m.theme,
            records: &m.records,
            cursor: s.cursor,
            marked: s.marked.as_deref(),
            store_shown: &m.store_shown,
            clock: m.clock,
        }
    }
}

/// Draws the start screen; returns where its rows are (0 is "new assessment").
pub fn draw(frame: &mut Frame, m: &StartView, area: Rect) -> Targets {
    let w = words(m.lang);
    let t = m.theme;
    let s = m;
    let width = area.width as usize;
    let unreadable = match m.records {
        Records::Loaded(l) => l.unreadable.len(),
        _ => 0,
    };
    let [top, list, foot] = Layout::vertical([
        Constraint::Length(4),
        Constraint::Min(3),
        Constraint::Length(1 + u16::from(unreadable > 0)),
    ])
    .areas(area);

    let new_style = if s.cursor == 0 {
        t.selected()
    } else {
        t.bold()
    };
    let marker = if s.cursor == 0 { "▶" } else { " " };
    let top_lines = vec![
        Line::from(""),
        Line::from(Span::styled(
            format!(" {marker} {}", w.start_new),
            new_style,
        )),
        Line::from(format!(
            "   {}   {}",
            w.start_profile,
            crate::locale::register::form_words(m.lang).start
        )),
        Line::from(""),
    ];
    super::render_lines(frame, top_lines, 0, top);
    // The line of the profile and the register is no place of the cursor (whose places are
    // "new assessment" and the records, each a target of a click): `p` and `r` open them,
    // from anywhere on the screen.
    let mut targets = item_rows(&[(1, 2)], 0, top);

    let mut lines: Vec<Line> = Vec::new();
    match m.records {
        Records::Loading => lines.push(Line::from(format!("   {}", w.loading))),
        Records::Failed(e) => {
            for l in wrap_lines(&format!("{}: {e}", w.list_failed), width - 3, "   ", "   ") {
                lines.push(Line::from(Span::styled(l, t.error())));
            }
        }
        Records::Loaded(l) if l.records.is_empty() => {
            lines.push(Line::from(Span::styled(
                format!("   {}", w.records_heading),
                t.bold(),
            )));
            lines.push(Line::from(format!("   {}", w.no_records)));
        }
        Records::Loaded(l) => {
            lines.push(Line::from(Span::styled(
                format!("   {} ({})", w.records_heading, l.records.len()),
                t.bold(),
            )));
            // Columns: campaign, status, verdict, updated; the campaign gets what is left.
            // The verdict column holds the usual verdicts whole from 90 columns on. The
            // updated column holds the local date in words ("30 september 2026"), and from
            // 110 columns on the time as well.
            // The plan column holds "4/9 te laat" ("4/9 past due").
            let (status_w, verdict_w, plan_w, date_w) = if width >= 110 {
                (12, 32, 13, 24)
            } else if width >= 90 {
                (12, 25, 13, 17)
            } else {
                (11, 18, 12, 16)
            };
            let pw = crate::locale::screen::plan_words(m.lang);
            let today = time::local_date(&(m.clock)());
            let plan = |p: &crate::tui::app::PlanRow| match (p.total, p.is_past_due(&today)) {
                (0, _) => "—".to_string(),
                (_, true) => format!("{}/{} {}", p.done, p.total, pw.late),
                (_, false) => format!("{}/{}", p.done, p.total),
            };
            let when = |at: &str| {
                if date_w >= 24 {
                    time::in_words(at, m.lang)
                } else {
                    time::day_in_words(at, m.lang)
                }
            };
            let campaign_w = width.saturating_sub(3 + status_w + verdict_w + plan_w + date_w + 5);
            let row = |c: &str, s: &str, v: &str, p: &str, d: &str| {
                format!(
                    "{:<campaign_w$} {:<status_w$} {:<verdict_w$} {:<plan_w$} {:<date_w$}",
                    truncate(c, campaign_w),
                    truncate(s, status_w),
                    truncate(v, verdict_w),
                    truncate(p, plan_w),
                    truncate(d, date_w),
                )
            };
            lines.push(Line::from(Span::styled(
                format!(
                    "   {}",
                    row(
                        w.col_campaign,
                        w.col_status,
                        w.col_verdict,
                        pw.col_plan,
                        w.col_updated
                    )
                ),
                t.bold(),
            )));
            // Only the rows that fit are built, so 10,000 records draw as fast as ten.
            let room = (list.height as usize).saturating_sub(2).max(1);
            let selected = s.cursor.checked_sub(1);
            let first = selected.map_or(0, |i| scroll_to(i, i + 1, room));
            for (i, r) in l.records.iter().enumerate().skip(first).take(room) {
                // Below the two heading lines, one line a record; row 0 is "new assessment".
                let y = list.y + 2 + (i - first) as u16;
                if y < list.bottom() {
                    targets.push((Rect::new(list.x, y, list.width, 1), i + 1));
                }
                let name = if r.campaign().trim().is_empty() {
                    w.no_name
                } else {
                    r.campaign()
                };
                let verdict = r.verdict().map_or("—", |v| {
                    m.bank.and_then(|b| b.verdict_label(v, m.lang)).unwrap_or(v)
                });
                let text = row(
                    name,
                    r.status.label(m.lang),
                    verdict,
                    &plan(&r.plan),
                    &when(r.updated()),
                );
                // The marked record (A of a comparison) has a sign before the cursor's place.
                let mark = if m.marked == Some(r.id()) { '◆' } else { ' ' };
                if selected == Some(i) {
                    lines.push(Line::from(Span::styled(
                        format!("{mark}▶ {text}"),
                        t.selected(),
                    )));
                } else {
                    lines.push(Line::from(format!("{mark}  {text}")));
                }
            }
        }
    }
    super::render_lines(frame, lines, 0, list);

    let mut foot_lines = Vec::new();
    if unreadable > 0 {
        foot_lines.push(Line::from(Span::styled(
            format!(" ⚠ {unreadable} {}", w.unreadable),
            t.warning(),
        )));
    }
    foot_lines.push(Line::from(truncate(
        &format!(" {}: {}", w.store, m.store_shown),
        width,
    )));
    super::render_lines(frame, foot_lines, 0, foot);
    targets
}
