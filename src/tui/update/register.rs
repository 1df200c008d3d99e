//! The processing register from the start screen: a form (format and file) whose Enter asks
//! the driver to write the register through the workflow (`app::register`); an existing file
//! is replaced only after the person confirms. What came of it stays on the form: how many
//! processings went to which file, and each record left out with why.
use super::export::format_or_field;
use super::*;
use crate::app::{ExportError, Registered};
use crate::locale::register as reg;

pub(super) fn open_register(m: &mut Model) {
    m.screen = Screen::Register(RegisterForm::new(m.lang));
}

pub(super) fn register_key<'b>(m: &mut Model<'b>, action: Action) -> Step<'b> {
    if edit_key(m, action) {
        return None;
    }
    let lang = m.lang;
    let Screen::Register(f) = &mut m.screen else {
        return None;
    };
    let n = RegisterFormat::ALL.len();
    match action {
        _ if format_or_field(&mut f.format, &mut f.focus, n, action) => {}
        Action::Select => {
            let (path, format) = (f.path.text.trim().to_string(), f.format());
            return write_register(m, &path, format, false);
        }
        Action::Leave | Action::Back => {
            to_start(m);
            return None;
        }
        _ => {}
    }
    if !f.path_edited {
        f.path.set(&default_register_path(f.format(), lang), lang);
    }
    None
}

/// Asks for the register in `format` at `path`; `force` replaces a file (after the person
/// confirmed).
pub(super) fn write_register<'b>(
    m: &mut Model<'b>,
    path: &str,
    format: RegisterFormat,
    force: bool,
) -> Step<'b> {
    if path.is_empty() {
        error(m, words(m.lang).no_path);
        return None;
    }
    Some(Effect::Register {
        path: path.to_string(),
        format,
        force,
        lang: m.lang,
    })
}

/// What came of writing the register: the form shows the rows and what was left out, the
/// status line the rows; a file that exists is replaced only if the person confirms.
pub(super) fn registered(
    m: &mut Model,
    path: String,
    format: RegisterFormat,
    result: Result<Registered, ExportError>,
) {
    let lang = m.lang;
    match result {
        Ok(made) => {
            let written = reg::written(made.rows, &path, lang);
            let missed = made.left_out.len() + made.unreadable.len();
            if let Screen::Register(f) = &mut m.screen {
                f.report = reg::report(&made, &path, lang);
            }
            // Said as a warning when the register is not whole: a processing may be missing
            // from it.
            match missed {
                0 => info(m, written),
                n => error(m, format!("{written}; {}", reg::some_left_out(n, lang))),
            }
        }
        Err(ExportError::Exists(_)) => {
            m.overlay = Overlay::Confirm(Confirm::OverwriteRegister { path, format });
        }
        Err(ExportError::Altered(e)) => error(m, e.said(lang)),
        Err(ExportError::NoSignature { id }) => {
            error(m, crate::locale::commands::no_signature(&id, lang))
        }
        Err(ExportError::Other(e)) => error(m, crate::locale::store::said(&e, lang)),
    }
}
