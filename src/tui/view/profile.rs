//! The form of the library's profile, over the start screen's room: one row per item (its
//! label, then its field), so the whole profile fits in 80 × 24; the item with the cursor is
//! shown whole below the rows when its field cannot show it.
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{panel, plain_lines, render_lines, wrap_lines};
use crate::locale::profile::missing;
use crate::locale::screen::words;
use crate::profile::Field;
use crate::tui::app::{Model, ProfileForm};

/// How a line break shows in a field of one row: a character of its own, so the cursor moves
/// over it as over any other.
const BREAK: char = '↵';

pub fn draw(frame: &mut Frame, m: &Model, f: &ProfileForm, area: Rect) {
    let w = words(m.lang);
    let t = m.theme;
    let block = panel(w.profile_title, true, t);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let mut lines = plain_lines(wrap_lines(w.profile_intro, width, "", ""), t.plain());
    lines.push(Line::from(""));
    let label_w = Field::ALL
        .iter()
        .map(|x| x.label(m.lang).chars().count() + 1)
        .max()
        .unwrap_or(0);
    // "▶ " or "  ", the label, a space, then the field between brackets.
    let room = width.saturating_sub(2 + label_w + 1 + 2).max(4);
    let mut cursor = None;
    for field in Field::ALL {
        let focused = f.focus == field;
        let tf = f.field(field);
        let chars: Vec<char> = tf
            .text
            .chars()
            .map(|c| if c == '\n' { BREAK } else { c })
            .collect();
        let start = if focused {
            tf.cursor.saturating_sub(room - 1)
        } else {
            0
        };
        let shown: String = match (chars.is_empty(), focused) {
            (true, false) => format!("({})", missing(m.lang)),
            _ => chars.iter().skip(start).take(room).collect(),
        };
        let pad = room.saturating_sub(shown.chars().count());
        let label = format!("{}:", field.label(m.lang));
        let style = if focused { t.selected() } else { t.plain() };
        if focused {
            let x = 2 + label_w + 1 + 1 + tf.cursor.saturating_sub(start);
            cursor = Some((x as u16, lines.len() as u16));
        }
        lines.push(Line::from(vec![
            Span::styled(
                format!("{}{label:<label_w$} [", if focused { "▶ " } else { "  " }),
                t.bold(),
            ),
            Span::styled(format!("{shown}{}", " ".repeat(pad)), style),
            Span::raw("]"),
        ]));
        // The personal-data warning where a member's data would be out of place: the
        // contacts are the library's own, and an address is meant to be one.
        if let Some(warning) = tf.warning.as_ref().filter(|_| field.multi_line()) {
            for l in wrap_lines(
                &format!("⚠ {warning}"),
                width.saturating_sub(2),
                "  ",
                "    ",
            ) {
                lines.push(Line::from(Span::styled(l, t.warning())));
            }
        }
    }
    let focused = f.field(f.focus);
    if f.focus.multi_line() {
        lines.push(Line::from(""));
        lines.extend(plain_lines(
            wrap_lines(w.profile_lines, width, "", ""),
            t.plain(),
        ));
    }
    // The item with the cursor, whole, when its field shows only part of it.
    if focused.text.contains('\n') || focused.text.chars().count() > room {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            format!("{}:", f.focus.label(m.lang)),
            t.bold(),
        )));
        lines.extend(plain_lines(
            wrap_lines(&focused.text, width.saturating_sub(2), "  ", "  "),
            t.plain(),
        ));
    }
    // The rows fit from 80 × 24 on; in a lower window the part with the cursor is shown.
    let h = inner.height as usize;
    let offset = cursor.map_or(0, |(_, y)| (y as usize + 2).saturating_sub(h));
    if let Some((x, y)) = cursor
        && (y as usize) >= offset
    {
        frame.set_cursor_position((inner.x + x, inner.y + y - offset as u16));
    }
    render_lines(frame, lines, offset, inner);
}
