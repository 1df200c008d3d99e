//! Two records compared: marked on the start screen (`m`, then `c` on the other), or a record
//! with the revision it continues (`v`, on the start screen and the advice). Reading them is an
//! effect; the screen scrolls, writes the comparison to a file (Markdown or HTML, never over a
//! file unasked) and goes back to where it was opened from.
use super::documents::scrolled;
use super::export::format_or_field;
use super::*;
use crate::app::CompareError;
use crate::locale::compare::{marked, screen_words};
use crate::tui::effect::{Compared, Which};

/// The record under the start screen's cursor, if the cursor is on one: among the rows in
/// view (the folds and the filter), as every start-screen key finds it.
fn chosen<'a>(m: &'a Model) -> Option<&'a Row> {
    let Screen::Start(s) = &m.screen else {
        return None;
    };
    let (_, row) = super::start::in_view(m, s.cursor);
    row.and_then(|i| m.start_rows().get(i))
}

fn marked_id<'a>(m: &'a Model) -> Option<&'a str> {
    match &m.screen {
        Screen::Start(s) => s.marked.as_deref(),
        _ => None,
    }
}

fn set_mark(m: &mut Model, id: Option<String>) {
    if let Screen::Start(s) = &mut m.screen {
        s.marked = id;
    }
}

/// `m`: the record under the cursor becomes A (`m` on it again takes the mark away).
pub(super) fn mark(m: &mut Model) {
    let w = screen_words(m.lang);
    let Some(row) = chosen(m) else {
        info(m, w.choose_record);
        return;
    };
    let (id, campaign) = (row.id().to_string(), row.campaign().to_string());
    if marked_id(m) == Some(id.as_str()) {
        set_mark(m, None);
        info(m, w.unmarked);
        return;
    }
    set_mark(m, Some(id));
    info(m, marked(&campaign, m.lang));
}

/// Esc on the start screen with a record marked: the mark goes, the program stays.
pub(super) fn unmark(m: &mut Model) -> bool {
    if marked_id(m).is_none() {
        return false;
    }
    set_mark(m, None);
    info(m, screen_words(m.lang).unmarked);
    true
}

/// `c`: the marked record (A) compared with the one under the cursor (B).
pub(super) fn compare_marked<'b>(m: &mut Model<'b>) -> Step<'b> {
    let w = screen_words(m.lang);
    let Some(a) = marked_id(m).map(str::to_string) else {
        info(m, w.mark_first);
        return None;
    };
    let Some(b) = chosen(m).map(|r| r.id().to_string()) else {
        info(m, w.choose_record);
        return None;
    };
    if a == b {
        info(m, w.other_record);
        return None;
    }
    Some(Effect::Compare {
        which: Which::Two { a, b },
        lang: m.lang,
    })
}

/// `v` on the start screen: the record under the cursor with its previous revision.
pub(super) fn previous_of_chosen<'b>(m: &mut Model<'b>) -> Step<'b> {
    let Some(id) = chosen(m).map(|r| r.id().to_string()) else {
        info(m, screen_words(m.lang).choose_record);
        return None;
    };
    Some(Effect::Compare {
        which: Which::Previous(id),
        lang: m.lang,
    })
}

/// `v` on the advice: the record open with its previous revision, as stored. One that
/// continues none is said at once, without reading the store.
pub(super) fn previous_of_open<'b>(m: &mut Model<'b>) -> Step<'b> {
    let record = m.record()?;
    if record.previous.is_none() {
        error(m, screen_words(m.lang).no_previous);
        return None;
    }
    Some(Effect::Compare {
        which: Which::Previous(record.id.clone()),
        lang: m.lang,
    })
}

/// The comparison came: its screen, over the one it was asked from. A record in it that
/// fails verification is said; refused (no previous revision, a record not found), the
/// screen stays.
pub(super) fn compared(m: &mut Model, result: Result<Compared, CompareError>) {
    let lang = m.lang;
    match result {
        Ok(c) => {
            let from = std::mem::replace(&mut m.screen, Screen::Start(Start::default()));
            m.screen = Screen::Compare(Box::new(CompareView::new(c.comparison, from, lang)));
            if !c.altered.is_empty() {
                let said: Vec<String> = c.altered.iter().map(|a| a.said(lang)).collect();
                error(m, said.join(" "));
            }
        }
        Err(CompareError::NoPrevious { .. }) => error(m, screen_words(lang).no_previous),
        Err(e) => error(m, e.said(lang)),
    }
}

pub(super) fn compare_key<'b>(m: &mut Model<'b>, action: Action) -> Step<'b> {
    if edit_key(m, action) {
        return None;
    }
    let lang = m.lang;
    let page = usize::from(crate::tui::view::page_for(m, action));
    let Screen::Compare(v) = &mut m.screen else {
        return None;
    };
    if v.export.is_some() {
        return export_form_key(m, action);
    }
    match action {
        a if moves_cursor(a) => {
            v.scroll = scrolled(v.scroll, a, (page, v.most));
        }
        Action::Export => {
            let path = default_compare_path(&v.comparison, CompareExport::FORMATS[0], lang);
            v.export = Some(CompareExport {
                format: 0,
                path: TextField::with_text(&path, lang),
                path_edited: false,
                focus: ExportField::Format,
            });
        }
        Action::Leave | Action::Back | Action::Left => back(m),
        _ => {}
    }
    None
}

/// Back to the screen the comparison was opened from, as it was.
fn back(m: &mut Model) {
    let screen = std::mem::replace(&mut m.screen, Screen::Start(Start::default()));
    m.screen = match screen {
        Screen::Compare(v) => *v.from,
        other => other,
    };
}

/// A key in the form that writes the comparison.
fn export_form_key<'b>(m: &mut Model<'b>, action: Action) -> Step<'b> {
    let lang = m.lang;
    let Screen::Compare(v) = &mut m.screen else {
        return None;
    };
    let e = v.export.as_mut()?;
    let n = CompareExport::FORMATS.len();
    match action {
        _ if format_or_field(&mut e.format, &mut e.focus, n, action) => {}
        Action::Select => {
            let (path, format) = (e.path.text.trim().to_string(), e.format());
            return write_comparison(m, &path, format, false);
        }
        Action::Leave | Action::Back => {
            v.export = None;
            return None;
        }
        _ => {}
    }
    if !e.path_edited {
        e.path
            .set(&default_compare_path(&v.comparison, e.format(), lang), lang);
    }
    None
}

/// Asks for the comparison in view in `format` at `path`; `force` replaces a file (after the
/// person confirmed).
pub(super) fn write_comparison<'b>(
    m: &mut Model<'b>,
    path: &str,
    format: crate::compare::Format,
    force: bool,
) -> Step<'b> {
    if path.is_empty() {
        error(m, words(m.lang).no_path);
        return None;
    }
    let Screen::Compare(v) = &m.screen else {
        return None;
    };
    let content = crate::compare::render(&v.comparison, format, m.lang).into_bytes();
    Some(Effect::WriteComparison {
        path: path.to_string(),
        content,
        format,
        force,
    })
}

/// What came of writing: the form closes and the path is said; a file that exists is
/// replaced only if the person confirms; refused otherwise, the form stays.
pub(super) fn written(
    m: &mut Model,
    path: String,
    format: crate::compare::Format,
    result: Result<(), CompareError>,
) {
    match result {
        Ok(()) => {
            let shown = crate::json::escape_controls(&path);
            info(m, format!("{}: {shown}", screen_words(m.lang).written));
            if let Screen::Compare(v) = &mut m.screen {
                v.export = None;
            }
        }
        Err(CompareError::Exists(_)) => {
            m.overlay = Overlay::Confirm(Confirm::OverwriteComparison { path, format });
        }
        Err(e) => error(m, e.said(m.lang)),
    }
}
