//! The processing register from the plain mode's start menu (`register`): the format and the
//! file asked line by line, written through the workflow, never over a file unasked, and what
//! came of it said in lines (the rows, and each record left out with why).
use super::*;
use crate::app::{ExportError, RegisterAs, Target};
use crate::export::register::Format;
use crate::locale::register::{self as reg, form_words};

/// Whether `line` asks for the register at the start menu.
pub(super) fn asks_register(line: &str) -> bool {
    matches!(
        line.trim().to_lowercase().as_str(),
        "register" | "verwerkingsregister"
    )
}

/// Asks for the format and the file and writes the register. `false` when the input ended.
pub(super) fn write_register(
    wf: &Workflow,
    lang: Lang,
    words: &Words,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> Result<bool> {
    let r = form_words(lang);
    writeln!(out, "{}", wrap(r.ask_format, W, "", ""))?;
    let Some(line) = prompt(input, out)? else {
        return Ok(false);
    };
    let format = match line.trim().to_lowercase().as_str() {
        "" | "1" | "xlsx" => Format::Xlsx,
        "2" | "csv" => Format::Csv,
        "3" | "md" | "markdown" => Format::Md,
        other => {
            writeln!(
                out,
                "{}: \"{other}\". {}",
                words.not_understood, r.not_written
            )?;
            return Ok(true);
        }
    };
    let default = format!("{}.{}", reg::file_stem(lang), format.ext());
    writeln!(out, "{} {default}):", r.ask_path)?;
    let Some(line) = prompt(input, out)? else {
        return Ok(false);
    };
    // As every export: `~` expanded, and the path said is where it went.
    let file = crate::store::export_path(match line.trim() {
        "" => &default,
        given => given,
    });
    let path = crate::text::for_terminal(&file.display().to_string()).into_owned();
    let how = RegisterAs {
        format,
        lang,
        separator: ';',
    };
    let mut force = false;
    loop {
        let target = Target::File {
            path: &file,
            force,
            mode: crate::store::EXPORT_MODE,
        };
        let why = match wf.register(how, target) {
            Ok(made) => {
                for line in reg::report(&made, &path, lang) {
                    let rest = if line.starts_with("- ") { "  " } else { "" };
                    writeln!(out, "{}", wrap(&line, W, "", rest))?;
                }
                return Ok(true);
            }
            // Never replaced unasked: ask.
            Err(ExportError::Exists(_)) if !force => {
                writeln!(out, "{path}: {}", r.ask_overwrite)?;
                let Some(line) = prompt(input, out)? else {
                    return Ok(false);
                };
                if yes_or_no(&line) == Some(true) {
                    force = true;
                    continue;
                }
                writeln!(out, "{}", r.not_written)?;
                return Ok(true);
            }
            Err(ExportError::Exists(e)) => e.said(lang),
            Err(ExportError::Altered(e)) => e.said(lang),
            Err(ExportError::NoSignature { id }) => {
                crate::locale::commands::no_signature(&id, lang)
            }
            Err(ExportError::Other(e)) => crate::locale::store::said(&e, lang),
        };
        let line = format!("{} {why}", r.not_written);
        writeln!(out, "{}", wrap(&line, W, "", "  "))?;
        return Ok(true);
    }
}
