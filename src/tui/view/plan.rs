//! The form of one item of the action plan, in the room of the advice it covers: one row per
//! field (its label, then the field), what each field takes, the participants to choose from,
//! and why a save was refused. Fits in 80 × 24.
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{panel, plain_lines, render_lines, wrap_lines};
use crate::locale::screen::plan_words;
use crate::record::plan::{Field, ItemStatus};
use crate::text::one_line;
use crate::tui::app::{Model, PlanField, PlanForm, TextField};

fn label(field: PlanField) -> Field {
    match field {
        PlanField::Owner => Field::Owner,
        PlanField::Due => Field::Due,
        PlanField::Status => Field::Status,
        PlanField::Reason => Field::Reason,
        PlanField::Note => Field::Note,
    }
}

pub fn draw(frame: &mut Frame, m: &Model, f: &PlanForm, area: Rect) {
    let pw = plan_words(m.lang);
    let t = m.theme;
    let title = format!("{}: {}. {}", pw.heading, f.number, one_line(&f.title));
    let block = panel(
        &super::truncate(&title, area.width.saturating_sub(4) as usize),
        true,
        t,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let mut lines = plain_lines(wrap_lines(pw.intro, width, "", ""), t.plain());
    if f.signed {
        lines.extend(plain_lines(wrap_lines(pw.signed, width, "", ""), t.bold()));
    }
    lines.push(Line::from(""));
    let label_w = PlanField::ALL
        .iter()
        .map(|x| label(*x).label(m.lang).chars().count() + 1)
        .max()
        .unwrap_or(0);
    // "▶ " or "  ", the label with a capital, a space, then the field between brackets.
    let room = width.saturating_sub(2 + label_w + 1 + 2).max(4);
    let mut cursor = None;
    for field in PlanField::ALL {
        let focused = f.focus == field;
        let head = capital(label(field).label(m.lang));
        let head = format!(
            "{}{:<label_w$} ",
            if focused { "▶ " } else { "  " },
            format!("{head}:")
        );
        let style = if focused { t.selected() } else { t.plain() };
        let mut row = vec![Span::styled(head, t.bold())];
        let tf: Option<&TextField> = match field {
            PlanField::Owner => Some(&f.owner),
            PlanField::Due => Some(&f.due),
            PlanField::Reason => Some(&f.reason),
            PlanField::Note => Some(&f.note),
            PlanField::Status => None,
        };
        match tf {
            Some(tf) => {
                let chars: Vec<char> = tf.text.chars().collect();
                let start = match focused {
                    true => tf.cursor.saturating_sub(room - 1),
                    false => 0,
                };
                let shown: String = chars.iter().skip(start).take(room).collect();
                let pad = room.saturating_sub(shown.chars().count());
                if focused {
                    let x = 2 + label_w + 1 + 1 + tf.cursor.saturating_sub(start);
                    cursor = Some((x as u16, lines.len() as u16));
                }
                row.push(Span::raw("["));
                row.push(Span::styled(format!("{shown}{}", " ".repeat(pad)), style));
                row.push(Span::raw("]"));
            }
            None => {
                let choices: Vec<String> = ItemStatus::ALL
                    .iter()
                    .map(|s| match *s == f.status {
                        true => format!("(•) {}", s.label(m.lang)),
                        false => format!("( ) {}", s.label(m.lang)),
                    })
                    .collect();
                row.push(Span::styled(choices.join("  "), style));
            }
        }
        lines.push(Line::from(row));
        // What the field takes, under it.
        let indent = " ".repeat(2 + label_w + 1);
        let hint = match field {
            PlanField::Owner if f.participants.is_empty() => Some(pw.no_participants.to_string()),
            PlanField::Owner => Some(format!(
                "{}: {}",
                pw.participants,
                f.participants
                    .iter()
                    .map(|p| one_line(p).into_owned())
                    .collect::<Vec<_>>()
                    .join(" · ")
            )),
            PlanField::Due => Some(pw.date_hint.to_string()),
            PlanField::Status if focused => Some(pw.status_hint.to_string()),
            PlanField::Reason if f.status != ItemStatus::NotApplicable => {
                Some(pw.reason_only.to_string())
            }
            _ => None,
        };
        if let Some(hint) = hint {
            lines.extend(plain_lines(
                wrap_lines(&hint, width, &indent, &indent),
                t.plain(),
            ));
        }
        // The personal-data warning, for what is typed as free text.
        if let Some(warning) = tf.and_then(|tf| tf.warning.as_ref())
            && matches!(field, PlanField::Note | PlanField::Reason)
        {
            for l in wrap_lines(&format!("⚠ {warning}"), width, &indent, &indent) {
                lines.push(Line::from(Span::styled(l, t.warning())));
            }
        }
    }
    if let Some(refused) = &f.refused {
        lines.push(Line::from(""));
        for l in wrap_lines(&format!("{}: {refused}", pw.refused), width, "", "  ") {
            lines.push(Line::from(Span::styled(l, t.error())));
        }
    }
    // In a lower window the part with the cursor is shown.
    let h = inner.height as usize;
    let offset = cursor.map_or(0, |(_, y)| (y as usize + 3).saturating_sub(h));
    if let Some((x, y)) = cursor
        && (y as usize) >= offset
    {
        frame.set_cursor_position((inner.x + x, inner.y + y - offset as u16));
    }
    render_lines(frame, lines, offset, inner);
}

/// "eigenaar" → "Eigenaar".
fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
