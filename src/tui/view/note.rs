//! The note editor: a text area of several lines over the question, the review or the advice.
//! The text wraps to the area's width, the rows around the cursor are shown when the note is
//! longer than the area, and the keys that save, break a line and cancel stand under it.
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{centered, plain_lines, popup, scroll_sign, wrap_lines};
use crate::bank::QId;
use crate::locale::campaign::words as campaign_words;
use crate::locale::screen::words;
use crate::tui::app::{Model, TextField, cursor_row, note_width, text_rows};

pub fn draw(frame: &mut Frame, m: &Model, question: Option<QId>, field: &TextField, area: Rect) {
    let w = words(m.lang);
    let t = m.theme;
    let title = match question {
        Some(q) => super::truncate(
            &format!("{}: {}", w.note_on, m.bank.questions[q].prompt.get(m.lang)),
            area.width.saturating_sub(20) as usize,
        ),
        None => w.session_note.to_string(),
    };
    // As wide as `Model::note_width` reckons, which Up and Down move by.
    let rect = centered(
        area,
        area.width.saturating_sub(8).min(90),
        area.height.saturating_sub(4).min(20),
    );
    let inner = popup(frame, rect, &title, t);
    let width = inner.width as usize;
    // The window's width, as `Model::note_width` reckons from the size last reported.
    let text_w = note_width(area.width).min(width.saturating_sub(3)).max(1);
    let mut head = plain_lines(wrap_lines(w.note_intro, width, "", ""), t.plain());
    head.push(Line::from(Span::styled(format!("▶ {}", w.note), t.bold())));
    let mut foot = Vec::new();
    if let Some(warning) = &field.warning {
        for l in wrap_lines(
            &format!("⚠ {warning}"),
            width.saturating_sub(2),
            "  ",
            "    ",
        ) {
            foot.push(Line::from(Span::styled(l, t.warning())));
        }
    }
    foot.extend(plain_lines(
        wrap_lines(campaign_words(m.lang).note_keys, width, "", ""),
        t.bold(),
    ));
    let room = (inner.height as usize)
        .saturating_sub(head.len() + foot.len())
        .max(1);
    let rows = text_rows(&field.text, text_w);
    let at = cursor_row(&rows, field.cursor);
    // The rows around the cursor: as few scrolled away as keep it in view.
    let offset = at.saturating_sub(room - 1);
    let chars: Vec<char> = field.text.chars().collect();
    let mut lines = head;
    let top = lines.len();
    for r in rows.iter().skip(offset).take(room) {
        let shown: String = chars[r.start.min(chars.len())..r.end.min(chars.len())]
            .iter()
            .collect();
        let pad = text_w.saturating_sub(shown.chars().count());
        lines.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(format!("{shown}{}", " ".repeat(pad)), t.selected()),
        ]));
    }
    // The rest of the area shows as empty rows, so it reads as a place to write.
    for _ in rows.len().saturating_sub(offset)..room {
        lines.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(" ".repeat(text_w), t.selected()),
        ]));
    }
    lines.extend(foot);
    let x = 2 + field.cursor.saturating_sub(rows[at].start);
    let y = top + at - offset;
    frame.set_cursor_position((inner.x + x as u16, inner.y + y as u16));
    super::render_lines(frame, lines, 0, inner);
    // A long note says on the border whether more of it lies below.
    scroll_sign(
        frame,
        (offset, rows.len(), room as u16),
        rect,
        (campaign_words(m.lang).note_more, w.end_of_text),
        t,
    );
}
