//! The documents screen's state: the documents the advice calls for, one of them being read,
//! and the form that writes it to a file.
use crate::documents::{Format, Rendered};

use super::{ExportField, TextField};

/// The documents offered for the record in view, made when the screen opened (from the record
/// as stored, with the library's profile as it was then), in the interface's language. Not
/// kept when the screen is left: opening it again makes them anew.
#[derive(Debug)]
pub struct DocumentsView {
    pub docs: Vec<Rendered>,
    /// Why none is offered, said, when the plan itself is the reason.
    pub why_none: Option<String>,
    pub cursor: usize,
    /// The document under the cursor, opened to read.
    pub reading: Option<Reading>,
}

#[derive(Debug)]
pub struct Reading {
    pub scroll: DocScroll,
    /// The form that writes the document to a file, when open.
    pub export: Option<DocExport>,
}

/// Where the text is scrolled to, counted from the top or, after End, from the bottom: the
/// model does not know how many lines the text takes at the terminal's width, so "the end"
/// stays the end whatever the width (and after a resize).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocScroll {
    /// This many lines scrolled past at the top.
    Top(usize),
    /// This many lines left below the bottom of the window.
    End(usize),
}

/// Writing the document being read to a file: md, html or txt, a path; never over a file.
#[derive(Debug)]
pub struct DocExport {
    /// Index into [`Format::ALL`].
    pub format: usize,
    pub path: TextField,
    /// Whether the person typed the path; if not, it follows the format.
    pub path_edited: bool,
    pub focus: ExportField,
}

impl DocumentsView {
    /// The document under the cursor.
    pub fn current(&self) -> Option<&Rendered> {
        self.docs.get(self.cursor)
    }
}

impl DocExport {
    pub fn format(&self) -> Format {
        Format::ALL[self.format.min(Format::ALL.len() - 1)]
    }
}

/// The file a document is written to unless the person types another: the record and the
/// kind, so documents of several records and kinds stand side by side.
pub fn default_document_path(record: &str, kind: &str, format: Format) -> String {
    format!("{record}-{kind}.{}", format.ext())
}
