//! `register`: the processing register over the whole store, for the register keeper.
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;

use super::checks::parse_mode;
use super::{Args, Failure, Message, bad, load_bank, open_store, print_out, warn};
use crate::app::{self, ExportError, RegisterAs, Target};
use crate::export::register::Format;
use crate::locale::register as words;
use crate::text::Lang;

/// What `register` is given.
#[derive(Debug, clap::Args)]
pub struct RegisterArgs {
    /// xlsx (een spreadsheet voor Excel), csv (voor Excel: puntkomma's, UTF-8 met BOM) of md
    /// (Markdown)
    #[arg(long, value_enum)]
    format: FormatArg,
    /// Schrijf naar dit bestand in plaats van naar de standaarduitvoer (xlsx alleen naar een
    /// bestand of een omleiding, niet naar het scherm)
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Vervang een bestaand bestand
    #[arg(long)]
    force: bool,
    /// Rechten van het bestand, octaal (standaard 600: alleen voor jezelf leesbaar, zoals de
    /// verslagen)
    #[arg(long, value_name = "OCTAAL", value_parser = |s: &str| parse_mode(s, Lang::Nl), default_value = "600")]
    mode: u32,
    /// Het scheidingsteken tussen de cellen van een csv (standaard ; zoals Nederlandse Excel
    /// het leest); "tab" voor een tab
    #[arg(long, value_name = "TEKEN", value_parser = parse_separator, default_value = ";")]
    separator: char,
}

/// The formats `register --format` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Xlsx,
    Csv,
    Md,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Xlsx => Format::Xlsx,
            FormatArg::Csv => Format::Csv,
            FormatArg::Md => Format::Md,
        }
    }
}

/// A CSV separator: one character that cannot be part of a quoted cell's syntax (a quote, a
/// line break) or of a value read as a number or word (a letter, a digit, a space); `tab` for
/// a tab.
pub(super) fn parse_separator(s: &str) -> Result<char, String> {
    if s == "tab" || s == "\\t" {
        return Ok('\t');
    }
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None)
            if c == '\t'
                || !(c.is_alphanumeric()
                    || c.is_whitespace()
                    || c.is_control()
                    || crate::text::steers(c)
                    || c == '"'
                    || c == '\'') =>
        {
            Ok(c)
        }
        _ => Err(crate::locale::commands::not_a_separator(s, Lang::Nl)),
    }
}

/// `register`: the register to a file or standard output; records left out and files that
/// are not readable records are named on standard error, and make the exit code 1, as a
/// register that may miss a processing is not whole.
pub(super) fn run(args: &Args, r: &RegisterArgs) -> Result<ExitCode, Failure> {
    let lang = args.lang;
    let format = Format::from(r.format);
    // A spreadsheet's bytes on a terminal are noise and may steer it: a file, or a pipe.
    if format == Format::Xlsx && r.output.is_none() && std::io::stdout().is_terminal() {
        return Err(Failure::bad_input(words::xlsx_to_terminal(lang)));
    }
    let store = open_store(args)?;
    let bank = load_bank(args)?;
    let target = match &r.output {
        None => Target::Out,
        Some(path) => Target::File {
            path,
            force: r.force,
            mode: r.mode,
        },
    };
    let how = RegisterAs {
        format,
        lang,
        separator: r.separator,
    };
    let today = crate::record::time::today();
    let made = app::register(&store, &bank, &today, how, target).map_err(|e| match e {
        ExportError::Exists(e) => Failure::bad_input(e.said(lang)),
        ExportError::Altered(e) => Failure::bad_input(e.said(lang)),
        ExportError::NoSignature { id } => {
            Failure::bad_input(crate::locale::commands::no_signature(&id, lang))
        }
        ExportError::Other(e) => bad(e),
    })?;
    for why in words::left_out_lines(&made, lang) {
        warn(&words::left_out(&why, lang));
    }
    let done = match (made.content, format) {
        (Some(bytes), Format::Xlsx) => write_bytes(&bytes),
        (Some(text), _) => print_out(&String::from_utf8_lossy(&text)),
        (None, _) => {
            if let Some(path) = &r.output {
                eprintln!(
                    "{}",
                    crate::text::for_terminal(&words::written(
                        made.rows,
                        &path.display().to_string(),
                        lang
                    ))
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }?;
    if made.left_out.is_empty() && made.unreadable.is_empty() {
        Ok(done)
    } else {
        Ok(ExitCode::from(1))
    }
}

/// Writes the spreadsheet's bytes to standard output (a pipe or a file: see [`run`]).
fn write_bytes(bytes: &[u8]) -> Result<ExitCode, Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(Failure {
            code: 1,
            message: Message::Output(e),
        }),
    }
}
