//! The summary before signing: what will be frozen, and the one key that signs.
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::{panel, plain_lines, render_lines, wrap_lines};
use crate::tui::app::{Model, SignOffForm};

/// What the FG is about to sign, each part on its own line, and below it, always in view, how
/// to sign (the explicit yes) or go back.
pub fn summary(frame: &mut Frame, m: &Model, f: &SignOffForm, area: Rect) {
    let (s, t, lang) = (crate::locale::signoff::words(m.lang), m.theme, m.lang);
    let block = panel(s.confirm_title, true, t);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let keys = wrap_lines(s.confirm_keys, width, "", "");
    let [body, foot] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(keys.len() as u16)]).areas(inner);
    let mut lines = plain_lines(wrap_lines(s.confirm_intro, width, "", ""), t.plain());
    lines.push(Line::from(""));
    let mut part = |label: &str, value: &str, bold: bool| {
        let text = format!("{label}: {value}");
        let style = if bold { t.bold() } else { t.plain() };
        lines.extend(plain_lines(wrap_lines(&text, width, "", "  "), style));
    };
    let also = f.signers();
    let advice = m.record().and_then(|r| r.outcome.as_ref());
    for (label, value, bold) in crate::locale::signoff::summary(&f.draft(&also), advice, lang) {
        part(label, &value, bold);
    }
    let key = match f.key.text.trim() {
        "" => s.no_key.to_string(),
        k => k.to_string(),
    };
    part(s.key, &key, false);
    render_lines(frame, lines, 0, body);
    let keys = keys
        .into_iter()
        .map(|l| Line::from(Span::styled(l, t.bold())))
        .collect();
    render_lines(frame, keys, 0, foot);
}
