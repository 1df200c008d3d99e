//! The comparison screen's state: two records compared (the typed model of `crate::compare`,
//! made when the screen opened), how far it is scrolled, the form that writes it to a file, and
//! the screen it was opened from, which Esc brings back as it was.
use crate::compare::{Comparison, Format};

use super::{DocScroll, ExportField, Screen, TextField};

pub struct CompareView {
    pub comparison: Box<Comparison>,
    pub scroll: DocScroll,
    /// The form that writes the comparison to a file, when open.
    pub export: Option<CompareExport>,
    /// The screen the comparison was opened from (the start screen or the advice).
    pub from: Box<Screen>,
    /// The most lines the comparison takes on a screen the interface works on, where a
    /// scroll stops: laid out once, not at every key.
    pub most: usize,
}

impl CompareView {
    /// The comparison `c` in `lang`, at its top, opened from `from`.
    pub fn new(c: Box<Comparison>, from: Screen, lang: crate::text::Lang) -> CompareView {
        CompareView {
            most: crate::tui::view::compare::most_lines(&c, lang),
            comparison: c,
            scroll: DocScroll::Top(0),
            export: None,
            from: Box::new(from),
        }
    }
}

/// Writing the comparison to a file: Markdown or HTML, a path; an existing file is replaced
/// only after the person confirms.
#[derive(Debug)]
pub struct CompareExport {
    /// Index into [`CompareExport::FORMATS`].
    pub format: usize,
    pub path: TextField,
    /// Whether the person typed the path; if not, it follows the format.
    pub path_edited: bool,
    pub focus: ExportField,
}

impl CompareExport {
    /// The formats offered: those for the register (the text form is for the terminal).
    pub const FORMATS: [Format; 2] = [Format::Md, Format::Html];

    pub fn format(&self) -> Format {
        Self::FORMATS[self.format.min(Self::FORMATS.len() - 1)]
    }
}

/// The file a comparison is written to unless the person types another: both records' ids,
/// so comparisons of other pairs stand beside it.
pub fn default_compare_path(c: &Comparison, format: Format, lang: crate::text::Lang) -> String {
    let stem = crate::locale::compare::screen_words(lang).file_stem;
    format!("{stem}-{}-{}.{}", c.a.id, c.b.id, format.ext())
}
