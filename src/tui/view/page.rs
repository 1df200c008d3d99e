//! How far PgDn and PgUp scroll: a page of the panel in view, less one line that stays in
//! sight so the eye finds its place. Reckoned from the window's size as the screens lay it
//! out, so a page on a projector's 200×50 is as whole as one on 80×22.
use ratatui::layout::Rect;

use super::{MIN_HEIGHT, MIN_WIDTH, advice, documents};
use crate::tui::app::{Model, Overlay, Screen};
use crate::tui::keymap::Action;

/// [`page`] for `action`: worked out only for PgUp and PgDn, the keys that use it (laying out
/// the panel in view is not work for every key); 1 for any other.
pub fn page_for(m: &Model, action: Action) -> u16 {
    match action {
        Action::PageUp | Action::PageDown => page(m),
        _ => 1,
    }
}

/// The lines PgDn scrolls on what is in view now (at least one).
pub fn page(m: &Model) -> u16 {
    let (w, h) = m.window.unwrap_or((MIN_WIDTH, MIN_HEIGHT));
    // The header, one line of status (a key clears a longer one) and the two of the legend.
    let body = Rect::new(0, 1, w, h.saturating_sub(4));
    let text = super::readable(body);
    let rows = match (&m.overlay, &m.screen) {
        // The help's box leaves a line above and below; the recheck's is at most 22 high.
        (Overlay::Help { .. }, _) => h.saturating_sub(4),
        (Overlay::Recheck { .. }, _) => h.saturating_sub(2).min(22).saturating_sub(2),
        // The progress line, then the panels' borders.
        (_, Screen::Question(_)) => body.height.saturating_sub(3),
        (_, Screen::Advice(_)) => advice::scroll_rows(m, body),
        (_, Screen::Documents(v)) => documents::scroll_rows(m, v, text),
        _ => body.height.saturating_sub(2),
    };
    rows.saturating_sub(1).max(1)
}
