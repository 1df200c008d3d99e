//! The summary before signing: what will be frozen, and the one key that signs.
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::{panel, plain_lines, render_lines, wrap_lines};
use crate::engine::Level;
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
    let advice = m.record().and_then(|r| r.outcome.as_ref());
    if let Some(a) = advice {
        part(s.verdict, &a.verdict.label, true);
        let required = a.actions.iter().filter(|x| x.level == Level::Required);
        part(s.required, &required.count().to_string(), false);
    }
    let signers = crate::record::Signer::line(
        std::iter::once(crate::record::Signer {
            name: f.name.text.trim().to_string(),
            role: f.role.text.trim().to_string(),
        })
        .chain(f.signers()),
    );
    part(s.signers, &signers, true);
    let date = crate::record::time::date_in_words(f.date.text.trim(), lang);
    part(s.date, &date, false);
    let decision = f.decision.map_or("", |d| d.label(lang));
    part(s.decision, decision, true);
    if f.asks_conditions() {
        part(s.conditions, f.conditions.text.trim(), false);
    }
    let or_none = |x: &str| match x.trim() {
        "" => s.none.to_string(),
        x => x.to_string(),
    };
    part(s.remarks, &or_none(&f.remarks.text), false);
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
