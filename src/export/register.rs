//! The processing register (AVG art. 30) over a whole store: one row per processing, made of a
//! record (its advice's register fields, verdict, sign-off and plan) and the library's profile
//! (the controller, the FG, the security measures and the default retention). The rows go to
//! a [`Writer`] one at a time, so a register of 10,000 records never holds them all as rows.
//!
//! A profile item that is missing is written as [`Cell::Missing`], which every format shows
//! as missing (`locale::register::missing`): a register must not look complete when it is not.
use anyhow::Result;

use super::sheet::{BOM, csv_line};
use crate::locale::register as words;
use crate::profile::{Field, Profile};
use crate::record::{Record, time};
use crate::text::{Lang, md_escape};

/// The register's columns, in the order of art. 30 (who, why, whom, what, to whom, from where,
/// where to, how long, how safe), then the assessment, then how to find and check its record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Processing,
    Controller,
    Address,
    Kvk,
    FgName,
    FgContact,
    PrivacyContact,
    Purpose,
    DataSubjects,
    DataCategories,
    Recipients,
    Source,
    Transfers,
    Retention,
    Security,
    LegalBasis,
    Dpia,
    Verdict,
    Status,
    Completed,
    SignedBy,
    SignedOn,
    Decision,
    Plan,
    Revision,
    Id,
    Fingerprint,
}

impl Column {
    pub const ALL: [Column; 27] = [
        Column::Processing,
        Column::Controller,
        Column::Address,
        Column::Kvk,
        Column::FgName,
        Column::FgContact,
        Column::PrivacyContact,
        Column::Purpose,
        Column::DataSubjects,
        Column::DataCategories,
        Column::Recipients,
        Column::Source,
        Column::Transfers,
        Column::Retention,
        Column::Security,
        Column::LegalBasis,
        Column::Dpia,
        Column::Verdict,
        Column::Status,
        Column::Completed,
        Column::SignedBy,
        Column::SignedOn,
        Column::Decision,
        Column::Plan,
        Column::Revision,
        Column::Id,
        Column::Fingerprint,
    ];

    /// The id of the register field in the bank (`questions/register.json`) that fills the
    /// column, for the columns the advice gives.
    fn bank_field(self) -> Option<&'static str> {
        Some(match self {
            Column::Purpose => "purpose",
            Column::DataSubjects => "data_subjects",
            Column::DataCategories => "data_categories",
            Column::Recipients => "recipients",
            Column::Source => "source",
            Column::Transfers => "transfers",
            Column::LegalBasis => "legal_basis",
            Column::Retention => "retention",
            Column::Dpia => "dpia",
            _ => return None,
        })
    }

    /// The profile item that fills the column.
    fn profile_field(self) -> Option<Field> {
        Some(match self {
            Column::Controller => Field::Name,
            Column::Address => Field::Address,
            Column::Kvk => Field::Kvk,
            Column::FgName => Field::FgName,
            Column::FgContact => Field::FgContact,
            Column::PrivacyContact => Field::PrivacyContact,
            Column::Security => Field::Security,
            _ => return None,
        })
    }

    /// The column's width in a spreadsheet, in characters.
    pub fn width(self) -> f64 {
        match self {
            Column::Revision => 8.0,
            Column::Kvk | Column::Completed | Column::SignedOn => 14.0,
            Column::Status | Column::Decision | Column::Dpia | Column::Verdict => 22.0,
            Column::Id => 28.0,
            Column::Fingerprint => 66.0,
            c if c.is_long() => 48.0,
            _ => 26.0,
        }
    }

    /// Whether the column holds sentences, wrapped in a spreadsheet's cell.
    pub fn is_long(self) -> bool {
        matches!(
            self,
            Column::Purpose
                | Column::DataSubjects
                | Column::DataCategories
                | Column::Recipients
                | Column::Source
                | Column::Transfers
                | Column::Retention
                | Column::Security
                | Column::LegalBasis
                | Column::Dpia
                | Column::Plan
                | Column::Address
        )
    }
}

/// One cell of the register.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// A profile item that is not filled in.
    Missing,
    /// A moment as a record keeps it (RFC 3339, UTC), shown in Dutch local time.
    Moment(String),
    /// A calendar date `YYYY-MM-DD`.
    Day(String),
    Number(u32),
}

impl Cell {
    /// The cell as text, for CSV and Markdown: dates in digits a spreadsheet reads as dates.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Missing => words::missing(lang).to_string(),
            Cell::Moment(at) => time::in_digits(at, lang),
            Cell::Day(d) => time::date_in_digits(d, lang),
            Cell::Number(n) => n.to_string(),
        }
    }
}

/// The row of the record `r`, with the library's `profile`; the plan's progress as of `today`
/// (`YYYY-MM-DD`). Values from the record are in the record's language, as they were shown.
pub fn row(r: &Record, profile: &Profile, today: &str, lang: Lang) -> Vec<Cell> {
    Column::ALL
        .iter()
        .map(|&c| cell(c, r, profile, today, lang))
        .collect()
}

fn cell(c: Column, r: &Record, profile: &Profile, today: &str, lang: Lang) -> Cell {
    let text = |s: &str| Cell::Text(s.to_string());
    let from_profile = |f: Field| profile.get(f).map_or(Cell::Missing, text);
    if let Some(f) = c.profile_field() {
        return from_profile(f);
    }
    if let Some(id) = c.bank_field() {
        let value = r
            .outcome
            .as_ref()
            .and_then(|a| a.register.iter().find(|l| l.id == id))
            .map(|l| l.value.trim())
            .filter(|v| !v.is_empty());
        return match (value, c) {
            (Some(v), _) => text(v),
            // The advice names no retention period: the library's default holds.
            (None, Column::Retention) => from_profile(Field::Retention),
            (None, _) => text(""),
        };
    }
    let signoff = r.signoff.as_ref();
    match c {
        Column::Processing => text(r.title(lang)),
        Column::Verdict => text(r.outcome.as_ref().map_or("", |a| a.verdict.label.as_str())),
        Column::Status => text(r.status.label(lang)),
        Column::Completed => r
            .completed
            .as_ref()
            .map_or(text(""), |at| Cell::Moment(at.clone())),
        Column::SignedBy => text(&signoff.map(|s| s.signed_by()).unwrap_or_default()),
        Column::SignedOn => signoff.map_or(text(""), |s| Cell::Day(s.date.clone())),
        // The conditions with the decision they belong to.
        Column::Decision => text(&signoff.map_or(String::new(), |s| s.decision_said(lang))),
        Column::Plan => text(&plan(r, today, lang)),
        Column::Revision => Cell::Number(r.revision),
        Column::Id => text(&r.id),
        Column::Fingerprint => text(&r.integrity.hash),
        _ => text(""),
    }
}

/// How far the plan has come on `today`, and what is past due; empty when the advice has no
/// actions.
fn plan(r: &Record, today: &str, lang: Lang) -> String {
    let view = r.plan_view();
    if view.is_empty() {
        return String::new();
    }
    let p = view.progress(today);
    let mut s = crate::locale::plan::progress(&p, lang);
    if !p.past_due.is_empty() {
        s.push_str("; ");
        s.push_str(&crate::locale::plan::past_due(&view, &p, lang));
    }
    s
}

/// The formats of the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Csv,
    Md,
}

impl Format {
    /// In the order a form offers them: the spreadsheet a register keeper opens first.
    pub const ALL: [Format; 3] = [Format::Xlsx, Format::Csv, Format::Md];

    /// The file name's extension.
    pub fn ext(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Csv => "csv",
            Format::Md => "md",
        }
    }
}

/// The register being written, row by row.
pub enum Writer {
    Csv {
        out: String,
        separator: char,
        lang: Lang,
    },
    Md {
        out: String,
        lang: Lang,
    },
    Xlsx(Box<super::xlsx::Sheet>),
}

impl Writer {
    /// A register with its header written. `separator` is for CSV only.
    pub fn new(format: Format, lang: Lang, separator: char) -> Result<Writer> {
        let headers: Vec<String> = Column::ALL
            .iter()
            .map(|c| c.header(lang).to_string())
            .collect();
        Ok(match format {
            Format::Csv => {
                let mut out = String::from(BOM);
                out.push_str(&csv_line(&headers, separator));
                Writer::Csv {
                    out,
                    separator,
                    lang,
                }
            }
            Format::Md => {
                let mut out = format!("# {}\n\n", words::title(lang));
                out.push_str(&md_line(&headers));
                out.push('|');
                out.push_str(&" --- |".repeat(headers.len()));
                out.push('\n');
                Writer::Md { out, lang }
            }
            Format::Xlsx => Writer::Xlsx(Box::new(super::xlsx::Sheet::new(lang)?)),
        })
    }

    /// The language of the headers and the tool's own words, in which [`row`] makes a row.
    pub fn lang(&self) -> Lang {
        match self {
            Writer::Csv { lang, .. } | Writer::Md { lang, .. } => *lang,
            Writer::Xlsx(sheet) => sheet.lang(),
        }
    }

    /// Adds a row made by [`row`].
    pub fn add(&mut self, cells: &[Cell]) -> Result<()> {
        match self {
            Writer::Csv {
                out,
                separator,
                lang,
            } => {
                let cells: Vec<String> = cells.iter().map(|c| c.text(*lang)).collect();
                out.push_str(&csv_line(&cells, *separator));
            }
            Writer::Md { out, lang } => {
                let cells: Vec<String> = cells.iter().map(|c| c.text(*lang)).collect();
                out.push_str(&md_line(&cells));
            }
            Writer::Xlsx(sheet) => sheet.add(cells)?,
        }
        Ok(())
    }

    /// The register's bytes. Text is cleaned as every export is ([`crate::text::for_terminal`]):
    /// a control from a record has no place in a register.
    pub fn finish(self) -> Result<Vec<u8>> {
        let clean = |s: String| crate::text::for_terminal(&s).into_owned().into_bytes();
        match self {
            Writer::Csv { out, .. } | Writer::Md { out, .. } => Ok(clean(out)),
            Writer::Xlsx(sheet) => sheet.finish(),
        }
    }
}

/// One row of a Markdown table: every cell on one line (a line break becomes a space), its
/// `|` and markup escaped.
fn md_line(cells: &[String]) -> String {
    let mut s = String::from("|");
    for c in cells {
        s.push(' ');
        s.push_str(&md_escape(c));
        s.push_str(" |");
    }
    s.push('\n');
    s
}
