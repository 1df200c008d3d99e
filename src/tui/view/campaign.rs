//! The campaign's form over the question or the review: the name and the short description,
//! then the participants, one row each with a name and a role. The part with the cursor is
//! kept in view when the list is longer than the window.
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{centered, plain_lines, popup, scroll_sign, text_field, wrap_lines};
use crate::locale::campaign::words as campaign_words;
use crate::locale::screen::words;
use crate::tui::app::{CampaignFocus, CampaignForm, Model, TextField};
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame, m: &Model, f: &CampaignForm, area: Rect) {
    let w = words(m.lang);
    let cw = campaign_words(m.lang);
    let t = m.theme;
    // Clear of the header's first line and the key legend's two.
    let rect = centered(
        area,
        area.width.saturating_sub(4).min(96),
        area.height.saturating_sub(4),
    );
    let inner = popup(frame, rect, cw.title, t);
    let width = inner.width as usize;
    let mut lines = plain_lines(wrap_lines(cw.intro, width, "", ""), t.plain());
    lines.push(Line::from(""));
    let mut cursor = None;
    for (focus, label, field) in [
        (CampaignFocus::Name, w.field_name, &f.name),
        (
            CampaignFocus::Description,
            w.field_description,
            &f.description,
        ),
    ] {
        let (field_lines, at) = text_field(label, field, f.focus == focus, width, t);
        if let Some((x, y)) = at {
            cursor = Some((x, y + lines.len() as u16));
        }
        lines.extend(field_lines);
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(cw.participants, t.bold())));
    if f.people.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("  {}", cw.none),
            t.plain(),
        )));
    }
    // "▶ 1. Naam [……] Rol [……]": the two fields share the room after the number and labels.
    let number_w = f.people.len().to_string().len();
    let fixed =
        2 + number_w + 2 + cw.person.chars().count() + 2 + 2 + cw.role.chars().count() + 2 + 1;
    let room = width.saturating_sub(fixed);
    let (name_w, role_w) = ((room * 3 / 5).max(4), (room - room * 3 / 5).max(4));
    for (i, (name, role)) in f.people.iter().enumerate() {
        let on = matches!(f.focus, CampaignFocus::Person(j) | CampaignFocus::Role(j) if j == i);
        let y = lines.len() as u16;
        let mut spans = vec![Span::styled(
            format!(
                "{}{:>number_w$}. {} [",
                if on { "▶ " } else { "  " },
                i + 1,
                cw.person
            ),
            t.bold(),
        )];
        let (shown, at) = boxed(name, name_w, f.focus == CampaignFocus::Person(i), t);
        let name_x = spans[0].content.chars().count();
        spans.push(shown);
        spans.push(Span::styled(format!("] {} [", cw.role), t.bold()));
        let role_x = name_x + name_w + 2 + cw.role.chars().count() + 2;
        let (shown_role, at_role) = boxed(role, role_w, f.focus == CampaignFocus::Role(i), t);
        spans.push(shown_role);
        spans.push(Span::styled("]", t.bold()));
        if let Some(x) = at {
            cursor = Some(((name_x + x) as u16, y));
        }
        if let Some(x) = at_role {
            cursor = Some(((role_x + x) as u16, y));
        }
        lines.push(Line::from(spans));
        let warning = match f.focus {
            CampaignFocus::Person(j) if j == i => name.warning.as_ref(),
            CampaignFocus::Role(j) if j == i => role.warning.as_ref(),
            _ => None,
        };
        if let Some(warning) = warning {
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
    lines.push(Line::from(""));
    lines.extend(plain_lines(
        wrap_lines(w.no_personal_data, width, "", ""),
        t.plain(),
    ));
    // The lines around the cursor, when the list is longer than the window.
    let h = inner.height as usize;
    let offset = cursor.map_or(0, |(_, y)| (y as usize + 2).saturating_sub(h));
    if let Some((x, y)) = cursor
        && (y as usize) >= offset
    {
        frame.set_cursor_position((inner.x + x, inner.y + y - offset as u16));
    }
    let total = lines.len();
    super::render_lines(frame, lines, offset, inner);
    scroll_sign(
        frame,
        (offset, total, inner.height),
        rect,
        (w.more_help, w.end_of_text),
        t,
    );
}

/// The part of `field` that fits in `width` columns (its end, when the cursor is there),
/// padded; and where the cursor stands in it when the field has it.
fn boxed(
    field: &TextField,
    width: usize,
    focused: bool,
    t: Theme,
) -> (Span<'static>, Option<usize>) {
    let start = match focused {
        true => field.cursor.saturating_sub(width.saturating_sub(1)),
        false => 0,
    };
    let shown: String = field.text.chars().skip(start).take(width).collect();
    let pad = width.saturating_sub(shown.chars().count());
    let style = if focused { t.selected() } else { t.plain() };
    (
        Span::styled(format!("{shown}{}", " ".repeat(pad)), style),
        focused.then(|| field.cursor - start),
    )
}
