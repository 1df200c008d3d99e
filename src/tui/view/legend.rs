//! The key legend at the foot of every screen: the keys that do something there, most useful
//! first, from the keymap table.
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{Chrome, render_lines};
use crate::tui::app::{Model, Screen};
use crate::tui::keymap::{Action, binding};

/// The key legend: the keys that do something here, from the keymap table.
pub(super) fn draw_legend(frame: &mut Frame, c: &Chrome, area: Rect) {
    let (ctx, actions) = (c.legend.0, &c.legend.1);
    let lang = c.lang;
    // Entries are packed whole into lines, so a key never stands apart from its word.
    let width = area.width as usize;
    let mut lines: Vec<Line> = vec![Line::default()];
    let mut used = 0;
    for &a in actions {
        let Some(b) = binding(ctx, a) else { continue };
        // The first key says enough, but at a yes/no question every key is shown.
        let key = if ctx == crate::tui::keymap::Ctx::Dialog {
            b.keys_label(lang)
        } else {
            b.keys
                .first()
                .map(|k| crate::tui::keymap::key_label(*k, lang))
                .unwrap_or_default()
        };
        let key = format!(" {key} ");
        // A shared key says what it does here (see `keymap::SHARED`).
        let short = crate::locale::keys::said(ctx, a, lang).map_or(b.short(lang), |s| s.short);
        let word = format!(" {short}  ");
        let len = key.chars().count() + word.chars().count();
        if used > 0 && used + len > width {
            lines.push(Line::default());
            used = 0;
        }
        if let Some(line) = lines.last_mut() {
            line.push_span(Span::styled(key, c.theme.key()));
            line.push_span(Span::raw(word));
        }
        used += len;
    }
    render_lines(frame, lines, 0, area);
}

/// The keys shown in the legend for what is on screen now, most useful first.
pub fn legend_actions(m: &Model) -> (crate::tui::keymap::Ctx, Vec<Action>) {
    use crate::tui::app::{ExportField, ExportForm, Overlay, Pane, RegisterForm, SignField};
    use crate::tui::keymap::Ctx;
    use Action::*;
    let ctx = m.context();
    let actions = match (&m.overlay, &m.screen) {
        (Overlay::Help { .. } | Overlay::Recheck { .. }, _) => vec![Up, Down, PageDown, Leave],
        (Overlay::Note { .. }, _) => vec![Select, NewLine, Up, Down, Leave],
        (Overlay::Campaign(_), _) => vec![Select, NextPanel, AddRow, RemoveRow, Leave],
        (Overlay::Confirm(_), _) => vec![Yes, No],
        (Overlay::Profile(f), _) => {
            let mut v = vec![Select, NextPanel, PrevPanel];
            if f.focus.multi_line() {
                v.push(NewLine);
            }
            v.extend([Clear, Leave]);
            v
        }
        (Overlay::Plan(f), _) => match f.focus {
            crate::tui::app::PlanField::Status => vec![Left, Right, Down, Up, Select, Leave],
            crate::tui::app::PlanField::Owner => vec![Select, NextPanel, Choose, Clear, Leave],
            _ => vec![Select, NextPanel, PrevPanel, Clear, Leave],
        },
        (_, Screen::Start(s)) => start_legend(s),
        (_, Screen::NewForm(_)) => vec![Select, NextPanel, PrevPanel, Leave],
        (_, Screen::Question(s)) => {
            let kind = m.bank.questions[s.q].kind;
            match (ctx, s.focus) {
                (Ctx::Typing, _) => vec![Select, NextPanel, Erase, Clear, Leave],
                (_, crate::tui::app::Pane::Answers) => {
                    vec![Up, Down, Select, NextPanel, Help, Leave]
                }
                (_, Pane::Explanation) => vec![Up, Down, NextPanel, Explain, Help, Leave],
                _ => {
                    let mut v = vec![Up, Down, Select];
                    if kind == crate::bank::Kind::Multiple {
                        v.push(Toggle);
                    }
                    // The campaign last: where the legend has no room for it, the help has it.
                    v.extend([
                        Back,
                        Forward,
                        NextPanel,
                        Explain,
                        Edit,
                        Note,
                        Help,
                        Leave,
                        EditCampaign,
                    ]);
                    v
                }
            }
        }
        (_, Screen::Review(_)) => vec![Up, Down, Select, Back, Note, Help, Leave, EditCampaign],
        (_, Screen::Advice(_)) => {
            let mut v = vec![Up, Down, Toggle, Plan, Export, Documents];
            if m.record().is_some_and(|r| !r.is_frozen()) {
                v.push(SignOff);
            }
            // Only where there is one to compare with.
            if m.record().is_some_and(|r| r.previous.is_some()) {
                v.push(Previous);
            }
            // Back does what Edit does (an assessment open for changes) or what Leave does (a
            // record opened to read), so the legend leaves it out to make room for Documents;
            // scrolling comes last: where the legend has no room for it, the help still has it.
            v.extend([Edit, Help, Leave, PageDown]);
            v
        }
        (_, Screen::SignOff(f)) => {
            if f.confirming {
                vec![Yes, No]
            } else if f.focus == SignField::Decision {
                vec![Left, Right, Down, Up, Select, Leave]
            } else if f.focus == SignField::AddSigner {
                vec![Select, Down, Up, Leave]
            } else {
                vec![Select, NextPanel, PrevPanel, Leave]
            }
        }
        (_, Screen::Documents(v)) => documents_legend(v),
        (_, Screen::Compare(v)) => match &v.export {
            None => vec![Down, Up, PageDown, PageUp, Export, Leave, Help],
            Some(e) if e.focus == ExportField::Format => vec![Up, Down, NextPanel, Select, Leave],
            Some(_) => vec![Select, NextPanel, Erase, Clear, Leave],
        },
        (_, Screen::Export(ExportForm { focus, .. }))
        | (_, Screen::Register(RegisterForm { focus, .. })) => {
            if *focus == ExportField::Format {
                vec![Up, Down, NextPanel, Select, Leave]
            } else {
                vec![Select, NextPanel, Erase, Clear, Leave]
            }
        }
    };
    (ctx, actions)
}

pub(super) fn start_legend(s: &crate::tui::app::Start) -> Vec<Action> {
    use Action::*;
    // The arrows are left out here: the list's own keys need the room at 80 columns.
    match (s.typing, s.archive.is_some(), s.cursor) {
        (true, _, _) => vec![Select, Erase, Leave],
        (_, true, 0) => vec![ShowArchive, Filter, Help, Leave],
        (_, true, _) => vec![Archive, ShowArchive, Filter, Help, Leave],
        (_, _, 0) => vec![Select, Filter, ShowArchive, Profile, Register, Help, Leave],
        _ => {
            let mut v = vec![Select, Edit, Filter, Unfold, Archive, Mark];
            // `c` only once there is a record marked to compare with.
            if s.marked.is_some() {
                v.push(Compare);
            }
            // The profile's and the register's keys are named above the list.
            v.extend([Previous, ShowArchive, Help, Leave]);
            v
        }
    }
}

fn documents_legend(v: &crate::tui::app::DocumentsView) -> Vec<Action> {
    use crate::tui::app::ExportField;
    use Action::*;
    match v.reading.as_ref().map(|r| r.export.as_ref()) {
        None if v.docs.is_empty() => vec![Leave, Help],
        None => vec![Up, Down, Select, Leave, Help],
        Some(None) => vec![Down, Up, PageDown, PageUp, Top, Bottom, Export, Leave, Help],
        Some(Some(e)) if e.focus == ExportField::Format => {
            vec![Up, Down, NextPanel, Select, Leave]
        }
        Some(Some(_)) => vec![Select, NextPanel, Erase, Clear, Leave],
    }
}
