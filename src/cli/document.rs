//! `document`: the documents the advice of a record calls for (a privacy-statement paragraph,
//! a consent request, a register entry…), listed, or one of them written out.
use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;

use super::{Failure, bad, print_out, warn};
use crate::app::{DocumentError, Workflow, write_document};
use crate::documents::Format;
use crate::locale::documents as words;
use crate::text::Lang;

/// The formats `document --format` accepts; see [`Format`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Md,
    Html,
    Txt,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Md => Format::Md,
            FormatArg::Html => Format::Html,
            FormatArg::Txt => Format::Txt,
        }
    }
}

/// What `document` is asked for.
pub(super) struct Request<'a> {
    pub id: &'a str,
    pub kind: Option<&'a str>,
    pub output: Option<&'a Path>,
    pub format: Option<Format>,
}

fn refused(e: DocumentError, lang: Lang) -> Failure {
    match e {
        DocumentError::Other(e) => bad(e),
        e => Failure::bad_input(e.said(lang)),
    }
}

pub(super) fn document(wf: &Workflow, req: &Request, lang: Lang) -> Result<ExitCode, Failure> {
    let d = wf.drafting(req.id).map_err(|e| refused(e, lang))?;
    if let Some(from) = &d.other_bank {
        warn(&words::other_bank(&d.record.id, from, lang));
    }
    let Some(kind) = req.kind else {
        let offered: Vec<(String, String)> = d
            .offered()
            .iter()
            .map(|x| (x.id.clone(), x.title.get(lang).to_string()))
            .collect();
        return print_out(&match offered.is_empty() {
            true => words::none_offered(&d.record.id, d.blocked().as_ref(), lang),
            false => words::offered(&d.record.id, &offered, lang),
        });
    };
    let doc = d.draft(kind, lang).map_err(|e| refused(e, lang))?;
    let format = req
        .format
        .or_else(|| {
            req.output
                .and_then(|p| Format::of_file(&p.to_string_lossy()))
        })
        .unwrap_or(Format::Md);
    let content = crate::documents::format::render(&doc, format);
    let done = match req.output {
        None => print_out(&String::from_utf8_lossy(&content))?,
        Some(path) => {
            write_document(path, &content).map_err(|e| refused(e, lang))?;
            ExitCode::SUCCESS
        }
    };
    // Said once the document is out, as the last thing the user sees.
    if !doc.missing.is_empty() {
        warn(&words::still_missing(&doc.missing, lang));
    }
    Ok(done)
}
