//! The CSV export: one header and one row for a processing register kept in a spreadsheet.
//!
//! Made for Dutch Excel, which most libraries use: UTF-8 with a byte order mark (without it
//! Excel reads the text as Windows-1252 and garbles every `ë`), `;` between cells (Dutch
//! Excel splits on `;`, the list separator of a Dutch Windows, and shows a comma-separated
//! file as one column), CRLF line ends, and local times in digits (`30-11-2026 11:39`) that
//! Excel reads as dates. Another separator may be asked for (`--separator`).
//!
//! The spreadsheet that opens the file may still read it otherwise: others split on `,`, tab
//! or `|`, and a program that does not honour the quotes starts a new cell after every such
//! separator and a new row after every line break. So a formula starter is defused not only
//! at the start of a cell but after every character that could start a cell in any of those
//! readings.
use super::words;
use crate::record::{Record, time};
use crate::text::Lang;

/// The byte order mark that tells Excel the file is UTF-8.
pub const BOM: &str = "\u{feff}";

/// The separator unless another is asked for: Dutch Excel's.
pub const SEPARATOR: char = ';';

/// A CSV header and one row, separated by `;`: the record and the fields of a
/// processing-register entry, for a register kept in a spreadsheet.
pub fn csv(r: &Record, lang: Lang) -> String {
    csv_with(r, lang, SEPARATOR)
}

/// [`csv`] with `separator` between the cells.
pub fn csv_with(r: &Record, lang: Lang, separator: char) -> String {
    let w = words(lang);
    let ui = lang.ui();
    let mut header: Vec<String> = vec![
        "id".into(),
        w.campaign.into(),
        w.organisation.into(),
        w.status.into(),
        w.completed.into(),
        ui.verdict.into(),
    ];
    let mut row: Vec<String> = vec![
        r.id.clone(),
        r.campaign.name.clone(),
        r.campaign.organisation.clone(),
        r.status.label(lang).into(),
        r.completed
            .as_deref()
            .map(|at| time::in_digits(at, lang))
            .unwrap_or_default(),
        r.outcome
            .as_ref()
            .map(|a| a.verdict.label.clone())
            .unwrap_or_default(),
    ];
    if let Some(a) = &r.outcome {
        for line in &a.register {
            header.push(line.label.clone());
            row.push(line.value.clone());
        }
    }
    header.extend([
        w.signoff.to_string(),
        w.key.to_string(),
        w.bank.to_string(),
        w.integrity.to_string(),
    ]);
    row.extend([
        r.signoff
            .as_ref()
            .map(|s| {
                let date = time::date_in_digits(&s.date, lang);
                format!("{} ({}, {date})", s.decision_said(lang), s.signed_by())
            })
            .unwrap_or_default(),
        r.signoff
            .as_ref()
            .map(|_| super::signer_key(r, w))
            .unwrap_or_default(),
        format!("{} {}", r.bank.id, r.bank.version),
        r.integrity.hash.clone(),
    ]);
    format!(
        "{BOM}{}{}",
        csv_line(&header, separator),
        csv_line(&row, separator)
    )
}

/// One line of cells, each quoted and defused, with `separator` between them and CRLF at
/// the end (RFC 4180, and what Excel writes itself).
pub fn csv_line(cells: &[String], separator: char) -> String {
    let mut s = String::new();
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            s.push(separator);
        }
        s.push_str(&csv_cell(c, separator));
    }
    s.push_str("\r\n");
    s
}

/// Characters a spreadsheet may read as the start of a formula (tab and carriage return
/// because some programs drop them and then see what follows).
fn starts_formula(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// Characters after which some spreadsheet's reading of this file starts a new cell: the
/// usual separators, the one asked for, and line breaks for a reading that ignores the quotes.
fn separates(c: char, separator: char) -> bool {
    c == separator || matches!(c, ',' | ';' | '\t' | '|' | '\n' | '\r')
}

/// One cell, always in quotes (RFC 4180: quotes inside doubled). Wherever a cell could start
/// in some reading (see the module comment), a formula starter that follows — after any spaces
/// and quote characters, which a spreadsheet may skip — gets a `'` before it: the spreadsheet
/// then shows text, and the comma reading gives the original text with only that `'` added.
fn csv_cell(s: &str, separator: char) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    out.push('"');
    let mut cell_may_start = true;
    for (i, c) in s.char_indices() {
        if cell_may_start
            && s[i..]
                .chars()
                .find(|&n| n != ' ' && n != '"')
                .is_some_and(starts_formula)
        {
            out.push('\'');
        }
        if c == '"' {
            out.push('"');
        }
        out.push(c);
        cell_may_start = separates(c, separator);
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cell_is_quoted_and_formulas_defused_wherever_a_cell_may_start() {
        assert_eq!(csv_cell("gewoon", ';'), "\"gewoon\"");
        assert_eq!(csv_cell("", ';'), "\"\"");
        assert_eq!(csv_cell("a, b", ';'), "\"a, b\"");
        assert_eq!(csv_cell("zeg \"hoi\"", ';'), "\"zeg \"\"hoi\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(1)", ';'), "\"'=HYPERLINK(1)\"");
        assert_eq!(csv_cell("Actie;=1+1;x", ';'), "\"Actie;'=1+1;x\"");
        assert_eq!(csv_cell("a, =1|@b", ';'), "\"a,' =1|'@b\"");
        assert_eq!(csv_cell("x\t=1", ';'), "\"x\t'=1\"");
        assert_eq!(csv_cell("x;\"=1", ';'), "\"x;'\"\"=1\"");
        assert_eq!(csv_cell("regel\n-2", ';'), "\"regel\n'-2\"");
        // The separator asked for starts a cell too.
        assert_eq!(csv_cell("a:=1", ':'), "\"a:'=1\"");
        assert_eq!(csv_cell("a:=1", ';'), "\"a:=1\"");
        // A minus inside a word or a sentence is left alone.
        assert_eq!(
            csv_cell("Whize-(sub)segment - ja", ';'),
            "\"Whize-(sub)segment - ja\""
        );
    }
}
