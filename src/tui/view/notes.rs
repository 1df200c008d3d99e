//! The notes where they are read back: under their question on the review, and in a section of
//! the advice (the question's text, then the note, its lines kept); and the campaign at the top
//! of the review, so a change made with its form shows at once.
use ratatui::text::{Line, Span};

use super::{plain_lines, wrap_lines};
use crate::locale::campaign::words as campaign_words;
use crate::locale::screen::words;
use crate::record::{Record, SESSION_NOTE};
use crate::tui::app::Model;
use crate::tui::theme::Theme;

/// The note on question `id`, as lines under its question on the review, indented by `indent`.
pub fn under_question(r: &Record, id: &str, indent: &str, width: usize, m: &Model) -> Vec<String> {
    let Some(note) = r.notes.get(id) else {
        return Vec::new();
    };
    let w = words(m.lang);
    wrap_lines(
        &format!("✎ {}: {note}", w.note),
        width,
        &format!("{indent}  "),
        &format!("{indent}    "),
    )
}

/// The advice's section of notes: the note on the whole session first, then each question's
/// in the order asked (a question the bank no longer has by its id), each under its question.
pub fn section(r: &Record, m: &Model, width: usize, t: Theme) -> Vec<Line<'static>> {
    if r.notes.is_empty() {
        return Vec::new();
    }
    let cw = campaign_words(m.lang);
    let mut lines = vec![
        Line::from(""),
        Line::from(Span::styled(
            format!("{} ({})", cw.notes, r.notes.len()),
            t.bold(),
        )),
    ];
    let mut notes: Vec<(Option<usize>, &str, &str)> = r
        .notes
        .iter()
        .map(|(id, note)| {
            let place = m.bank.question_id(id).map(|q| q.index());
            (place, id.as_str(), note.as_str())
        })
        .collect();
    // The session's note first, then the bank's order, then what the bank no longer has.
    notes.sort_by_key(|(place, id, _)| (*id != SESSION_NOTE, place.is_none(), *place));
    for (_, id, note) in notes {
        let about = match m.bank.question_id(id) {
            _ if id == SESSION_NOTE => cw.session.to_string(),
            Some(q) => m.bank.questions[q].prompt.get(m.lang).to_string(),
            None => id.to_string(),
        };
        lines.extend(plain_lines(
            wrap_lines(&about, width, "  - ", "    "),
            t.plain(),
        ));
        lines.extend(plain_lines(
            wrap_lines(note, width, "    ✎ ", "      "),
            t.plain(),
        ));
    }
    lines
}

/// The campaign in a few lines: its name, short description and participants.
pub fn campaign(r: &Record, m: &Model, width: usize, t: Theme) -> Vec<Line<'static>> {
    let dw = crate::locale::document::words(m.lang);
    let mut lines = Vec::new();
    for (label, value) in [
        (dw.campaign, r.title(m.lang).to_string()),
        (dw.description, r.campaign.description.clone()),
        (
            dw.participants,
            crate::record::Participant::list_line(&r.participants),
        ),
    ] {
        if value.trim().is_empty() {
            continue;
        }
        lines.extend(plain_lines(
            wrap_lines(&format!("{label}: {value}"), width, "", "  "),
            t.plain(),
        ));
    }
    lines
}
