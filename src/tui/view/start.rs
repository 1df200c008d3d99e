//! The start screen: a new assessment, the library's profile, the records in the store, and
//! where the store is.
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::{Targets, item_rows, scroll_to, truncate, wrap_lines};
use crate::locale::screen::words;
use crate::record::time;
use crate::text::Lang;
use crate::tui::app::{Chain, Hits, Model, Records, Row, Start, TextField};
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
    /// The archive's rows, when it is shown instead of the records.
    pub archive: Option<&'a [Row]>,
    /// The filter typed, and whether it is being typed.
    pub filter: Option<&'a TextField>,
    pub typing: bool,
    /// The rows the filter lets through, when worked out.
    pub hits: Option<&'a Hits>,
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
            archive: s.archive.as_deref(),
            filter: s.filter.as_ref(),
            typing: s.typing,
            hits: s.hits.as_ref(),
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
    let chosen = s.cursor > 0;
    let [top, list, foot] = Layout::vertical([
        Constraint::Length(4),
        Constraint::Min(3),
        Constraint::Length(1 + u16::from(unreadable > 0) + u16::from(chosen)),
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
    let mut detail = None;
    let lw = crate::locale::listing::list_words(m.lang);
    match (m.records, m.archive) {
        (_, Some(rows)) => {
            lines.push(heading(m, lw.archive_heading, rows, width));
            if rows.is_empty() {
                lines.push(Line::from(format!("   {}", lw.archive_empty)));
            } else {
                detail = table(m, rows, list, &mut lines, &mut targets);
            }
        }
        (Records::Loading, _) => lines.push(Line::from(format!("   {}", w.loading))),
        (Records::Failed(e), _) => {
            for l in wrap_lines(&format!("{}: {e}", w.list_failed), width - 3, "   ", "   ") {
                lines.push(Line::from(Span::styled(l, t.error())));
            }
        }
        (Records::Loaded(l), _) if l.records.is_empty() => {
            lines.push(Line::from(Span::styled(
                format!("   {}", w.records_heading),
                t.bold(),
            )));
            lines.push(Line::from(format!("   {}", w.no_records)));
        }
        (Records::Loaded(l), _) => {
            lines.push(heading(m, w.records_heading, &l.records, width));
            detail = table(m, &l.records, list, &mut lines, &mut targets);
        }
    }
    // While the filter is typed, the terminal's cursor stands at its end.
    if m.typing
        && let Some(line) = lines.first()
    {
        let x = list.x + (line.width() as u16).min(list.width.saturating_sub(1));
        frame.set_cursor_position((x, list.y));
    }
    super::render_lines(frame, lines, 0, list);

    let mut foot_lines = Vec::new();
    if chosen {
        foot_lines.push(Line::from(truncate(&detail.unwrap_or_default(), width)));
    }
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

/// The list's heading: its name and how many records; with a filter, how many it lets
/// through and the filter itself.
fn heading<'l>(m: &StartView, name: &str, rows: &[Row], width: usize) -> Line<'l> {
    let lw = crate::locale::listing::list_words(m.lang);
    let text = match m.filter {
        Some(f) => {
            let needle = f.text.trim().to_lowercase();
            let needle = (!needle.is_empty()).then_some(needle.as_str());
            let n = Start::filtered(needle, m.hits, rows, m.bank, m.lang).count();
            let bar = if m.typing { "" } else { " (Esc)" };
            format!(
                "   {name} ({n} {} {}) · {}: {}{bar}",
                lw.of,
                rows.len(),
                lw.filter,
                crate::text::one_line(&f.text)
            )
        }
        None => format!("   {name} ({})", rows.len()),
    };
    Line::from(Span::styled(truncate(&text, width), m.theme.bold()))
}

/// The columns at `width`: the campaign gets what the others leave. At 80 columns the id is
/// its last 6 characters and the update its date only (the line below the list names the row
/// under the cursor in full, with the time); from 100 on the id is its last 10 characters
/// (the random part of a new id) and the time is shown, from 120 who signed, from 150 the
/// date in words. The time is local, as everywhere.
struct Columns {
    id: usize,
    status: usize,
    verdict: usize,
    plan: usize,
    date: usize,
    signed: usize,
}

impl Columns {
    fn at(width: usize) -> Columns {
        let (id, status, verdict, plan, date, signed) = match width {
            150.. => (10, 12, 25, 13, 24, 20),
            120.. => (10, 11, 22, 12, 16, 16),
            100.. => (10, 11, 18, 12, 16, 0),
            _ => (6, 11, 11, 12, 10, 0),
        };
        Columns {
            id,
            status,
            verdict,
            plan,
            date,
            signed,
        }
    }

    /// The update time as this column holds it.
    fn when(&self, at: &str, lang: crate::text::Lang) -> String {
        match self.date {
            24.. => time::in_words(at, lang),
            16.. => time::in_digits(at, lang),
            _ => time::in_digits(at, lang).chars().take(self.date).collect(),
        }
    }
}

const REV_W: usize = 3;

/// The rows that fit in `list`, with their column heading, into `lines`; their places into
/// `targets`. Returns the line that names the row under the cursor in full.
fn table(
    m: &StartView,
    rows: &[Row],
    list: Rect,
    lines: &mut Vec<Line>,
    targets: &mut Targets,
) -> Option<String> {
    let w = words(m.lang);
    let lw = crate::locale::listing::list_words(m.lang);
    let pw = crate::locale::screen::plan_words(m.lang);
    let t = m.theme;
    let width = list.width as usize;
    let c = Columns::at(width);
    let shown_cols = [c.plan, c.signed].iter().filter(|&&x| x > 0).count();
    let campaign_w = width.saturating_sub(
        3 + c.id + REV_W + c.status + c.verdict + c.plan + c.date + c.signed + 5 + shown_cols,
    );
    let today = time::local_date(&(m.clock)());
    let plan = |p: &crate::tui::app::PlanRow| match (p.total, p.is_past_due(&today)) {
        (0, _) => "—".to_string(),
        (_, true) => format!("{}/{} {}", p.done, p.total, pw.late),
        (_, false) => format!("{}/{}", p.done, p.total),
    };
    let cell = |out: &mut String, text: &str, w: usize| {
        if w > 0 {
            out.push_str(&format!("{:<w$} ", truncate(text, w)));
        }
    };
    let row_text = |cells: [&str; 8]| {
        let mut out = String::with_capacity(width);
        for (text, w) in cells.iter().zip([
            campaign_w, c.id, REV_W, c.status, c.verdict, c.plan, c.date, c.signed,
        ]) {
            cell(&mut out, text, w);
        }
        out.trim_end().to_string()
    };
    lines.push(Line::from(Span::styled(
        format!(
            "   {}",
            row_text([
                w.col_campaign,
                lw.col_id,
                lw.col_rev,
                w.col_status,
                w.col_verdict,
                pw.col_plan,
                w.col_updated,
                lw.col_signed,
            ])
        ),
        t.bold(),
    )));
    let needle = m
        .filter
        .map(|f| f.text.trim().to_lowercase())
        .filter(|n| !n.is_empty());
    let shown = || Start::filtered(needle.as_deref(), m.hits, rows, m.bank, m.lang);
    // Only the rows that fit are built, so 10,000 records draw as fast as ten.
    let room = (list.height as usize).saturating_sub(2).max(1);
    let selected = m.cursor.checked_sub(1);
    let first = selected.map_or(0, |i| scroll_to(i, i + 1, room));
    let mut detail = None;
    let mut any = false;
    for (k, i) in shown().enumerate().skip(first).take(room) {
        any = true;
        let r = &rows[i];
        // Below the two heading lines, one line a record; row 0 is "new assessment".
        let y = list.y + 2 + (k - first) as u16;
        if y < list.bottom() {
            targets.push((Rect::new(list.x, y, list.width, 1), k + 1));
        }
        let name = if r.campaign().trim().is_empty() {
            w.no_name
        } else {
            r.campaign()
        };
        // The fold mark of a campaign with older revisions; those are indented under it.
        let name = match (r.chain, r.unfolded, needle.is_some()) {
            (Chain::Head, false, false) => format!("▸ {name}"),
            (Chain::Head, true, false) => format!("▾ {name}"),
            (Chain::Older, _, false) => format!("  └ {name}"),
            _ => name.to_string(),
        };
        let id = r.id();
        let short = id.get(id.len().saturating_sub(c.id)..).unwrap_or(id);
        let verdict = r.verdict().map_or("—", |v| {
            m.bank.and_then(|b| b.verdict_label(v, m.lang)).unwrap_or(v)
        });
        let signers = match r.signers() {
            "" => "—",
            s => s,
        };
        let text = row_text([
            &name,
            short,
            &r.revision.to_string(),
            r.status.label(m.lang),
            verdict,
            &plan(&r.plan),
            &c.when(r.updated(), m.lang),
            signers,
        ]);
        // The marked record (A of a comparison) has a sign before the cursor's place.
        let mark = if m.marked == Some(id) { '◆' } else { ' ' };
        if selected == Some(k) {
            lines.push(Line::from(Span::styled(
                format!("{mark}▶ {text}"),
                t.selected(),
            )));
            detail = Some(detail_line(m, r, &plan(&r.plan)));
        } else {
            lines.push(Line::from(format!("{mark}  {text}")));
        }
    }
    if !any {
        lines.push(Line::from(format!("   {}", lw.no_match)));
    }
    detail
}

/// The row under the cursor in full: its whole id (to type in `compare ID ID`), when it was
/// last written, its plan and who signed.
fn detail_line(m: &StartView, r: &Row, plan: &str) -> String {
    let lw = crate::locale::listing::list_words(m.lang);
    let pw = crate::locale::screen::plan_words(m.lang);
    // The revision is in its column; the time is here whole even where the column holds
    // only the date.
    let mut line = format!(" Id {} · {}", r.id(), time::in_digits(r.updated(), m.lang));
    if r.chain == Chain::Head && !r.unfolded {
        line.push_str(&format!(" · → {}", lw.older_revisions));
    }
    if r.plan.total > 0 {
        line.push_str(&format!(" · {} {plan}", pw.col_plan));
    }
    if !r.signers().is_empty() {
        line.push_str(&format!(
            " · {} {}",
            lw.signed_by,
            crate::text::one_line(r.signers())
        ));
    }
    line
}
