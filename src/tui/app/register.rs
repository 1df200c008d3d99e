//! The processing register's form, opened from the start screen: a format, a file, and what
//! the last write said (how many processings, and each record left out with why).
use super::{ExportField, TextField};
use crate::text::Lang;

pub use crate::export::register::Format as RegisterFormat;

#[derive(Debug)]
pub struct RegisterForm {
    /// Index into [`RegisterFormat::ALL`].
    pub format: usize,
    pub path: TextField,
    /// Whether the person typed the path; if not, it follows the format.
    pub path_edited: bool,
    pub focus: ExportField,
    /// What the last write said, a line each: the rows written and where, then each record
    /// left out and why. Empty before the first write.
    pub report: Vec<String>,
}

impl RegisterForm {
    pub fn new(lang: Lang) -> RegisterForm {
        RegisterForm {
            format: 0,
            path: TextField::with_text(&default_register_path(RegisterFormat::ALL[0], lang), lang),
            path_edited: false,
            focus: ExportField::Format,
            report: Vec::new(),
        }
    }

    pub fn format(&self) -> RegisterFormat {
        RegisterFormat::ALL[self.format.min(RegisterFormat::ALL.len() - 1)]
    }
}

/// The file the register is written to unless the person types another.
pub fn default_register_path(format: RegisterFormat, lang: Lang) -> String {
    format!(
        "{}.{}",
        crate::locale::register::file_stem(lang),
        format.ext()
    )
}
