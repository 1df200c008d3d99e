//! What lies over a screen: the help (all keys, from the keymap table), the note editor and the
//! yes/no questions.
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{centered, plain_lines, popup, scrolled_text, wrap_lines};
use crate::locale::recheck as said;
use crate::locale::screen::words;
use crate::recheck::Recheck;
use crate::tui::app::{Confirm, Model, Overlay};
use crate::tui::keymap::{Ctx, KEYS};

pub fn draw(frame: &mut Frame, m: &Model, area: Rect) {
    match &m.overlay {
        // Drawn in the room of the screen it covers (see `super::draw`).
        Overlay::None | Overlay::Profile(_) | Overlay::Plan(_) => {}
        Overlay::Help { scroll } => help(frame, m, *scroll, area),
        Overlay::Recheck { recheck, scroll } => rechecked(frame, m, recheck, *scroll, area),
        Overlay::Note { question, field } => super::note::draw(frame, m, *question, field, area),
        Overlay::Campaign(f) => super::campaign::draw(frame, m, f, area),
        Overlay::Confirm(c) => {
            // The campaign's form stays in view under the question whether to leave it.
            if let Confirm::DiscardCampaign(f) = c {
                super::campaign::draw(frame, m, f, area);
            }
            let w = words(m.lang);
            let text = match c {
                Confirm::Discard
                | Confirm::DiscardProfile(_)
                | Confirm::DiscardPlan(_)
                | Confirm::DiscardCampaign(_) => w.confirm_discard.to_string(),
                Confirm::Overwrite { path, .. }
                | Confirm::OverwriteRegister { path, .. }
                | Confirm::OverwriteComparison { path, .. } => {
                    // Typed or pasted: shown with its control characters escaped.
                    let path = crate::json::escape_controls(path);
                    format!("{path}: {}", w.confirm_overwrite)
                }
                Confirm::Archive {
                    id,
                    title,
                    restore: false,
                } => crate::locale::listing::confirm_archive(title, id, m.lang),
                Confirm::Archive { id, title, .. } => {
                    crate::locale::listing::confirm_restore(title, id, m.lang)
                }
            };
            let rect = centered(area, 60, 8);
            let inner = popup(frame, rect, w.confirm_title, m.theme);
            let mut lines = plain_lines(
                wrap_lines(&text, inner.width as usize, "", ""),
                m.theme.bold(),
            );
            lines.push(Line::from(""));
            lines.push(Line::from(w.yes_no));
            super::render_lines(frame, lines, 0, inner);
        }
    }
}

/// What the advice of the record just opened would be under the current rules.
fn rechecked(frame: &mut Frame, m: &Model, r: &Recheck, scroll: u16, area: Rect) {
    let w = words(m.lang);
    let t = m.theme;
    let outer_width = area.width.saturating_sub(4).min(90);
    // Inside the panel's borders.
    let width = usize::from(outer_width.saturating_sub(2));
    let mut lines: Vec<Line> = plain_lines(
        wrap_lines(&said::differs_heading(r, m.lang), width, "", ""),
        t.bold(),
    );
    lines.push(Line::from(""));
    for line in said::lines(r, m.bank, m.lang) {
        lines.extend(plain_lines(wrap_lines(&line, width, "• ", "  "), t.plain()));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        said::panel_leave(m.lang),
        t.bold(),
    )));
    // As high as its lines and borders, at most 22 rows (`page` scrolls by that).
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let rect = centered(
        area,
        outer_width,
        height.min(area.height.saturating_sub(2)).min(22),
    );
    let inner = popup(frame, rect, said::panel_title(m.lang), t);
    scrolled_text(
        frame,
        lines,
        scroll,
        (inner, rect),
        (w.more_help, w.end_of_text),
        t,
    );
}

fn help(frame: &mut Frame, m: &Model, scroll: u16, area: Rect) {
    let w = words(m.lang);
    let t = m.theme;
    let rect = centered(
        area,
        area.width.saturating_sub(4).min(100),
        area.height.saturating_sub(2),
    );
    let inner = popup(frame, rect, w.help_title, t);
    let width = inner.width as usize;
    let mut lines: Vec<Line> = plain_lines(wrap_lines(w.help_intro, width, "", ""), t.plain());
    let key_w = 22.min(width / 3);
    for (ctx, heading) in [
        (Ctx::Nav, w.help_nav),
        (Ctx::Typing, w.help_typing),
        (Ctx::Lines, w.help_lines),
        (Ctx::Dialog, w.help_dialog),
    ] {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(heading, t.bold())));
        for b in KEYS.iter().filter(|b| b.ctx == ctx) {
            let keys = b.keys_label(m.lang);
            let indent = " ".repeat(key_w + 2);
            let text = wrap_lines(b.long(m.lang), width.saturating_sub(key_w + 2), "", "");
            for (i, l) in text.into_iter().enumerate() {
                let left = if i == 0 {
                    format!("  {keys:<key_w$}")
                } else {
                    indent.clone()
                };
                lines.push(Line::from(vec![Span::styled(left, t.bold()), Span::raw(l)]));
            }
        }
    }
    scrolled_text(
        frame,
        lines,
        scroll,
        (inner, rect),
        (w.more_help, w.end_of_text),
        t,
    );
}
