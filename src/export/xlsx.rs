//! The processing register as a real spreadsheet (Office Open XML, no macros): a bold header
//! row that stays in view, the processing's name that stays in view beside it, a filter on
//! every column, widths that fit, long texts wrapped, and dates as Excel dates in Dutch local
//! time, so the register keeper can sort and filter on them.
//!
//! Every text is written as text (`write_string`): a cell from a record that starts with `=`
//! is shown, never computed. What would steer a terminal is escaped visibly, as in every other
//! export ([`for_terminal`]).
use anyhow::Result;
use rust_xlsxwriter::{
    Color, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, XlsxError,
};

use super::register::{Cell, Column};
use crate::locale::register as words;
use crate::record::time;
use crate::text::{Lang, for_terminal};

/// The most characters an Excel cell holds.
const CELL_MOST: usize = 32_767;

/// The register sheet being written.
pub struct Sheet {
    /// The workbook with its one sheet, which keeps only the row being written in memory: the
    /// rows before it wait in an unnamed temporary file that the system removes when the
    /// program ends, however it ends. Holding every cell took 86 MiB for 10,000 records
    /// (bar: 50 MiB).
    book: Workbook,
    lang: Lang,
    /// The next row to write (row 0 is the header).
    next: u32,
    plain: Format,
    wrapped: Format,
    missing: Format,
    moment: Format,
    day: Format,
}

impl Sheet {
    /// A sheet with its header, widths and frozen panes.
    pub fn new(lang: Lang) -> Result<Sheet> {
        let (moment, day) = match lang {
            // Dutch Excel's own way of writing a date; the cell is a date whatever the format.
            Lang::Nl => ("dd-mm-yyyy hh:mm", "dd-mm-yyyy"),
            Lang::En => ("yyyy-mm-dd hh:mm", "yyyy-mm-dd"),
        };
        let top = Format::new().set_align(FormatAlign::Top);
        let mut book = Workbook::new();
        book.add_worksheet_with_low_memory().map_err(failed)?;
        let mut s = Sheet {
            book,
            lang,
            next: 1,
            wrapped: top.clone().set_text_wrap(),
            missing: top
                .clone()
                .set_text_wrap()
                .set_italic()
                .set_font_color(Color::RGB(0x00_9C_00_06))
                .set_background_color(Color::RGB(0x00_FF_C7_CE)),
            moment: top.clone().set_num_format(moment),
            day: top.clone().set_num_format(day),
            plain: top,
        };
        let header = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_background_color(Color::RGB(0x00_DD_EB_F7))
            .set_border_bottom(FormatBorder::Thin);
        let sheet = s.book.worksheet_from_index(0).map_err(failed)?;
        sheet.set_name(words::sheet_name(lang)).map_err(failed)?;
        for (i, c) in Column::ALL.iter().enumerate() {
            let col = col(i);
            sheet
                .write_string_with_format(0, col, c.header(lang), &header)
                .map_err(failed)?;
            sheet.set_column_width(col, c.width()).map_err(failed)?;
        }
        // The header row and the processing's name stay in view while scrolling.
        sheet.set_freeze_panes(1, 1).map_err(failed)?;
        Ok(s)
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Writes one row.
    pub fn add(&mut self, cells: &[Cell]) -> Result<()> {
        let row = self.next;
        let sheet = self.book.worksheet_from_index(0).map_err(failed)?;
        for (i, (cell, c)) in cells.iter().zip(Column::ALL).enumerate() {
            let col = col(i);
            let text_format = if c.is_long() {
                &self.wrapped
            } else {
                &self.plain
            };
            let written = match cell {
                Cell::Text(s) => sheet.write_string_with_format(row, col, fit(s), text_format),
                Cell::Missing => sheet.write_string_with_format(
                    row,
                    col,
                    words::missing(self.lang),
                    &self.missing,
                ),
                Cell::Number(n) => {
                    sheet.write_number_with_format(row, col, f64::from(*n), &self.plain)
                }
                Cell::Moment(at) => match moment(at) {
                    Some(t) => sheet.write_datetime_with_format(row, col, t, &self.moment),
                    None => sheet.write_string_with_format(row, col, fit(at), &self.plain),
                },
                Cell::Day(d) => match day(d) {
                    Some(t) => sheet.write_datetime_with_format(row, col, t, &self.day),
                    None => sheet.write_string_with_format(row, col, fit(d), &self.plain),
                },
            };
            written.map_err(failed)?;
        }
        self.next += 1;
        Ok(())
    }

    /// The workbook's bytes, with a filter on every column.
    pub fn finish(mut self) -> Result<Vec<u8>> {
        let last = col(Column::ALL.len() - 1);
        let rows = self.next.saturating_sub(1).max(1);
        let sheet = self.book.worksheet_from_index(0).map_err(failed)?;
        sheet.autofilter(0, 0, rows, last).map_err(failed)?;
        self.book.save_to_buffer().map_err(failed)
    }
}

fn col(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
}

/// Text as a cell holds it: cleaned for the terminal like every export, and cut (marked with
/// `…`) where it would pass the most a cell holds.
fn fit(s: &str) -> String {
    let s = for_terminal(s);
    if s.chars().count() <= CELL_MOST {
        return s.into_owned();
    }
    let mut cut: String = s.chars().take(CELL_MOST - 1).collect();
    cut.push('…');
    cut
}

/// A moment (RFC 3339) as an Excel date and time in Dutch local time.
fn moment(at: &str) -> Option<ExcelDateTime> {
    let (y, mo, d, h, mi, s) = time::local_fields(at)?;
    excel_date(y, mo, d)?
        .and_hms(u16::try_from(h).ok()?, u8::try_from(mi).ok()?, f64::from(s))
        .ok()
}

/// A calendar date `YYYY-MM-DD` as an Excel date.
fn day(date: &str) -> Option<ExcelDateTime> {
    let (y, m, d) = time::date_fields(date)?;
    excel_date(y, m, d)
}

fn excel_date(y: i16, m: i8, d: i8) -> Option<ExcelDateTime> {
    ExcelDateTime::from_ymd(
        u16::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    )
    .ok()
}

/// The spreadsheet could not be made; what the library said (it names the cell or the
/// limit), said by `locale::register`.
#[derive(Debug)]
pub struct XlsxFailed(pub String);

impl std::error::Error for XlsxFailed {}

fn failed(e: XlsxError) -> anyhow::Error {
    XlsxFailed(e.to_string()).into()
}
