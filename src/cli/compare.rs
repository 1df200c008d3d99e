//! `compare`: two records side by side, or a record and the revision it continues, as text on
//! the screen or as Markdown or HTML for the register.
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;

use super::checks::parse_mode;
use super::{Args, Failure, bad, load_bank, print_out, warn_unverified, workflow};
use crate::app::{CompareError, write_comparison};
use crate::compare::{Format, render};
use crate::text::Lang;

/// What `compare` is given.
#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// Verslag A, het uitgangspunt (id of een uniek begin ervan); met --previous het verslag
    /// dat met zijn vorige revisie wordt vergeleken
    #[arg(value_name = "ID_A")]
    id_a: String,
    /// Verslag B: wat erbij komt en wat vervalt, gezien vanuit A
    #[arg(
        value_name = "ID_B",
        required_unless_present = "previous",
        conflicts_with = "previous"
    )]
    id_b: Option<String>,
    /// Vergelijk het verslag met de vorige revisie, die het voortzet (A is dan die vorige
    /// revisie, B het verslag zelf)
    #[arg(long)]
    previous: bool,
    /// text (voor het scherm), md (Markdown) of html (één printbare pagina); standaard volgens
    /// de extensie van -o, anders text
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
    /// Schrijf naar dit bestand in plaats van naar de standaarduitvoer
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Vervang een bestaand bestand
    #[arg(long)]
    force: bool,
    /// Rechten van het bestand, octaal (standaard 600: alleen voor jezelf leesbaar, zoals de
    /// verslagen)
    #[arg(long, value_name = "OCTAAL", value_parser = |s: &str| parse_mode(s, Lang::Nl), default_value = "600")]
    mode: u32,
}

/// The formats `compare --format` accepts; see [`Format`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Text,
    Md,
    Html,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Text => Format::Text,
            FormatArg::Md => Format::Md,
            FormatArg::Html => Format::Html,
        }
    }
}

fn refused(e: CompareError, lang: Lang) -> Failure {
    match e {
        CompareError::Other(e) => bad(e),
        e => Failure::bad_input(e.said(lang)),
    }
}

pub(super) fn run(args: &Args, c: &CompareArgs) -> Result<ExitCode, Failure> {
    let lang = args.lang;
    let bank = load_bank(args)?;
    let wf = workflow(args, &bank)?;
    let pair = match (&c.id_b, c.previous) {
        (Some(b), false) => wf.compare_pair(&c.id_a, b),
        _ => wf.compare_previous(&c.id_a),
    }
    .map_err(|e| refused(e, lang))?;
    warn_unverified(&pair.a, lang);
    warn_unverified(&pair.b, lang);
    let format = c
        .format
        .map(Format::from)
        .or_else(|| {
            c.output
                .as_ref()
                .and_then(|p| Format::of_file(&p.to_string_lossy()))
        })
        .unwrap_or(Format::Text);
    let content = render(&wf.comparison(&pair, lang), format, lang);
    match &c.output {
        None => print_out(&content),
        Some(path) => {
            write_comparison(path, content.as_bytes(), c.force, c.mode)
                .map_err(|e| refused(e, lang))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
