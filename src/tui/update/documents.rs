//! The documents the advice calls for: the list, one of them read (scrolled), and written to a
//! file in the format the person chooses, never over an existing one. Making them and writing
//! one are effects; choosing, scrolling and rendering the bytes to write happen here.
use super::export::format_or_field;
use super::*;
use crate::app::{DocumentError, Drafts};
use crate::documents::{Format, format};
use crate::locale::screen::doc_words;
use crate::tui::view::documents::most_lines;

/// Asks for the documents of the record in view: they are made from the record as it is
/// stored, with the library's profile as it is now. They are made anew each time the view
/// opens, and the view is left for the advice before the profile can be changed (on the start
/// screen), so the documents always show the profile as it was when they were opened.
pub(super) fn open_documents<'b>(m: &mut Model<'b>) -> Step<'b> {
    let id = m.record()?.id.clone();
    Some(Effect::Documents { id, lang: m.lang })
}

/// The documents came: the list is in view. Refused (a record altered on disk, not finished,
/// a profile that cannot be read): said, and the advice stays.
pub(super) fn made(m: &mut Model, result: Result<Drafts, DocumentError>) {
    match result {
        Err(e) => error(m, e.said(m.lang)),
        Ok(d) => {
            // Documents come in the interface's language, as the command gives them in that
            // of --lang: a record made in the other language is said, since its free text
            // stays as it was typed.
            let mut said = Vec::new();
            if let Some(from) = &d.other_bank {
                said.push(crate::locale::documents::other_bank(
                    &d.record, from, m.lang,
                ));
            }
            if m.record().is_some_and(|r| r.lang != m.lang) {
                said.push(doc_words(m.lang).other_language.to_string());
            }
            if !said.is_empty() {
                info(m, said.join(" "));
            }
            m.screen = Screen::Documents(DocumentsView {
                why_none: d.blocked.map(|why| why.said(m.lang)),
                docs: d.docs,
                cursor: 0,
                reading: None,
            });
        }
    }
}

/// A document was written, or not: where to is said; refused, the form stays open to choose
/// another name.
pub(super) fn written(m: &mut Model, path: String, result: Result<(), DocumentError>) {
    match result {
        Ok(()) => {
            let shown = crate::json::escape_controls(&path);
            info(m, format!("{}: {shown}", doc_words(m.lang).written));
            if let Screen::Documents(DocumentsView {
                reading: Some(r), ..
            }) = &mut m.screen
            {
                r.export = None;
            }
        }
        Err(e) => error(m, e.said(m.lang)),
    }
}

pub(super) fn documents_key<'b>(m: &mut Model<'b>, action: Action) -> Step<'b> {
    if edit_key(m, action) {
        return None;
    }
    let page = usize::from(crate::tui::view::page_for(m, action));
    let Screen::Documents(v) = &mut m.screen else {
        return None;
    };
    let n = v.docs.len();
    let Some(r) = &mut v.reading else {
        match action {
            a if moves_cursor(a) => v.cursor = step(v.cursor, n, a),
            Action::Select | Action::Right if n > 0 => {
                v.reading = Some(Reading {
                    scroll: DocScroll::Top(0),
                    export: None,
                })
            }
            Action::Back | Action::Leave | Action::Left => to_advice(m),
            _ => {}
        }
        return None;
    };
    if r.export.is_some() {
        return export_form_key(m, action);
    }
    // Fields apart, so the document is read while its reading state changes.
    let doc = v.docs.get(v.cursor);
    match action {
        a if moves_cursor(a) => r.scroll = scrolled(r.scroll, a, (page, doc.map_or(0, most_lines))),
        Action::Export => {
            let doc = doc?;
            r.export = Some(DocExport {
                format: 0,
                path: TextField::with_text(
                    &default_document_path(&doc.record, &doc.kind, Format::ALL[0]),
                    m.lang,
                ),
                path_edited: false,
                focus: ExportField::Format,
            });
        }
        Action::Back | Action::Leave | Action::Left => v.reading = None,
        _ => {}
    }
    None
}

/// Where the text is after a scrolling key, a page being `page` lines. `bound` is the most
/// lines the text can take on a screen the interface works on: a scroll from the top stops
/// there, one from the end at the top; the view holds both within the text at its real width.
pub(super) fn scrolled(at: DocScroll, action: Action, (page, bound): (usize, usize)) -> DocScroll {
    let down = |n: usize, by: usize| (n + by).min(bound);
    match (action, at) {
        (Action::Top, _) => DocScroll::Top(0),
        (Action::Bottom, _) => DocScroll::End(0),
        (Action::Down, DocScroll::Top(n)) => DocScroll::Top(down(n, 1)),
        (Action::PageDown, DocScroll::Top(n)) => DocScroll::Top(down(n, page)),
        (Action::Up, DocScroll::Top(n)) => DocScroll::Top(n.saturating_sub(1)),
        (Action::PageUp, DocScroll::Top(n)) => DocScroll::Top(n.saturating_sub(page)),
        (Action::Down, DocScroll::End(n)) => DocScroll::End(n.saturating_sub(1)),
        (Action::PageDown, DocScroll::End(n)) => DocScroll::End(n.saturating_sub(page)),
        (Action::Up, DocScroll::End(n)) => DocScroll::End(down(n, 1)),
        (Action::PageUp, DocScroll::End(n)) => DocScroll::End(down(n, page)),
        (_, at) => at,
    }
}

/// A key in the form that writes the document being read.
fn export_form_key<'b>(m: &mut Model<'b>, action: Action) -> Step<'b> {
    let lang = m.lang;
    let Screen::Documents(v) = &mut m.screen else {
        return None;
    };
    let doc = v.docs.get(v.cursor)?;
    let e = v.reading.as_mut().and_then(|r| r.export.as_mut())?;
    let n = Format::ALL.len();
    match action {
        _ if format_or_field(&mut e.format, &mut e.focus, n, action) => {}
        Action::Select => {
            let path = e.path.text.trim().to_string();
            if path.is_empty() {
                error(m, words(lang).no_path);
                return None;
            }
            let content = format::render(doc, e.format());
            return Some(Effect::WriteDocument { path, content });
        }
        Action::Leave | Action::Back => {
            if let Some(r) = v.reading.as_mut() {
                r.export = None;
            }
            return None;
        }
        _ => {}
    }
    if !e.path_edited {
        let path = default_document_path(&doc.record, &doc.kind, e.format());
        e.path.set(&path, lang);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolling_from_the_top_stops_at_the_bound_and_from_the_end_at_the_top() {
        let mut at = DocScroll::Top(0);
        for _ in 0..5 {
            at = scrolled(at, Action::PageDown, (10, 25));
        }
        assert_eq!(at, DocScroll::Top(25));
        at = scrolled(at, Action::Up, (10, 25));
        assert_eq!(at, DocScroll::Top(24));
        at = scrolled(at, Action::Bottom, (10, 25));
        assert_eq!(at, DocScroll::End(0));
        at = scrolled(at, Action::Down, (10, 25));
        assert_eq!(at, DocScroll::End(0));
        at = scrolled(at, Action::PageUp, (10, 25));
        assert_eq!(at, DocScroll::End(10));
        for _ in 0..5 {
            at = scrolled(at, Action::PageUp, (10, 25));
        }
        assert_eq!(at, DocScroll::End(25));
        assert_eq!(scrolled(at, Action::Top, (10, 25)), DocScroll::Top(0));
    }
}
