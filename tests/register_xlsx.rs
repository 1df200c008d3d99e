//! `register --format xlsx`, opened as a spreadsheet program opens it (calamine): one sheet,
//! a bold header, one row per processing, dates that are dates in Dutch local time, the
//! profile's values and its missing items marked, a formula from a record kept as text, the
//! header and first column frozen, and no macros.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx};

use avg_wijzer::text::Lang;

mod common;
use common::Scratch;
use common::register::store;

fn workbook(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(bytes.to_vec())).expect("a spreadsheet calamine opens")
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => panic!("not text: {other:?}"),
    }
}

/// The Excel serial number of a day and time: days since 30 December 1899.
fn serial(days_since_1899_12_30: u32, hour: u32, minute: u32) -> f64 {
    f64::from(days_since_1899_12_30) + f64::from(hour * 60 + minute) / (24.0 * 60.0)
}

#[test]
fn the_xlsx_register_is_a_spreadsheet_with_real_dates() {
    let s = Scratch::new("register-xlsx");
    let made = store(&s, Lang::Nl);
    let out = s.run(&["register", "--format", "xlsx", "-o", "register.xlsx"]);
    out.assert_ok();
    let bytes = std::fs::read(s.path("register.xlsx")).unwrap();
    let mut book = workbook(&bytes);
    assert_eq!(book.sheet_names(), ["Verwerkingsregister"]);
    let range = book.worksheet_range("Verwerkingsregister").unwrap();
    assert_eq!(range.start(), Some((0, 0)));
    let rows: Vec<&[Data]> = range.rows().collect();
    assert_eq!(rows.len(), 4, "a header and three processings");
    let header: Vec<String> = rows[0].iter().map(text).collect();
    let col = |h: &str| header.iter().position(|x| x == h).unwrap();
    let cell = |row: usize, h: &str| &rows[row][col(h)];
    assert_eq!(header[0], "Verwerking (campagne)");
    assert_eq!(header.len(), 27);

    // One row per processing, oldest first; of the chain only the newest revision.
    let ids: Vec<String> = (1..4).map(|r| text(cell(r, "Verslag (id)"))).collect();
    assert_eq!(
        ids,
        [
            made.completed.clone(),
            made.signed.clone(),
            made.new.clone()
        ]
    );
    assert!(!ids.contains(&made.old) && !ids.contains(&made.in_progress));

    // Dates are dates, in Dutch local time: completed at 10:00 UTC on 1 November is 11:00.
    match cell(1, "Afgerond op") {
        Data::DateTime(t) => {
            assert!(t.is_datetime());
            let want = serial(46327, 11, 0);
            assert!((t.as_f64() - want).abs() < 1e-6, "{} ≠ {want}", t.as_f64());
        }
        other => panic!("not a date: {other:?}"),
    }
    match cell(2, "Datum aftekening") {
        Data::DateTime(t) => assert_eq!(t.as_f64(), 46389.0, "2 January 2027"),
        other => panic!("not a date: {other:?}"),
    }
    assert!(matches!(cell(3, "Revisie"), Data::Float(n) if *n == 2.0));

    // The profile's values; what it lacks is marked missing.
    for row in 1..4 {
        assert_eq!(
            text(cell(row, "Verwerkingsverantwoordelijke")),
            "Bibliotheek Voorbeeldstad"
        );
        assert_eq!(text(cell(row, "KvK-nummer")), "12345678");
        assert_eq!(
            text(cell(row, "Functionaris gegevensbescherming (FG)")),
            "+B. Jansen",
            "a spreadsheet cell of text needs no defusing"
        );
        assert_eq!(text(cell(row, "Contact FG")), "@fg-voorbeeldstad");
        assert!(text(cell(row, "Adres")).starts_with("ONTBREEKT"));
        assert!(text(cell(row, "Beveiligingsmaatregelen")).starts_with("ONTBREEKT"));
        assert_eq!(text(cell(row, "Grondslag")), "Toestemming");
    }
    assert_eq!(text(cell(2, "Afgetekend door")), "B. Jansen");
    assert_eq!(text(cell(2, "Besluit")), "goedgekeurd met voorwaarden");

    // The hostile name is text, with its escape written out; there is no formula anywhere.
    let name = text(cell(1, "Verwerking (campagne)"));
    assert!(
        name.starts_with("=HYPERLINK(\"http://x.invalid\""),
        "{name}"
    );
    assert!(
        name.contains("\\u{1b}[2J") && !name.contains('\u{1b}'),
        "{name}"
    );
    let formulas = book.worksheet_formula("Verwerkingsregister").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));

    // The header is bold, the long texts wrap, a missing item stands out.
    let styles = book.worksheet_style("Verwerkingsregister").unwrap();
    let style = |row: u32, h: &str| styles.get((row, col(h) as u32)).cloned().unwrap();
    assert!(style(0, "Verwerking (campagne)").font.unwrap().is_bold());
    assert!(!style(1, "Oordeel").font.is_some_and(|f| f.is_bold()));
    assert!(
        style(1, "Doel van de verwerking")
            .alignment
            .unwrap()
            .wrap_text
    );
    assert!(style(1, "Adres").font.unwrap().is_italic());

    // The archive: the header row and first column frozen, a filter, no macros.
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let names: Vec<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
    assert!(
        names.iter().all(|n| !n.to_lowercase().contains("vba")),
        "{names:?}"
    );
    let mut sheet = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut sheet)
        .unwrap();
    assert!(sheet.contains(r#"<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>"#), "{sheet}");
    assert!(sheet.contains("<autoFilter ref=\"A1:AA4\"/>"), "{sheet}");
    assert!(sheet.contains("<cols>"), "column widths: {sheet}");
}

#[test]
fn the_xlsx_register_goes_to_a_pipe_and_in_english() {
    let s = Scratch::new("register-xlsx-en");
    store(&s, Lang::En);
    let out = s
        .command(&["--lang", "en", "register", "--format", "xlsx"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"PK"), "a zip archive on the pipe");
    let mut book = workbook(&out.stdout);
    assert_eq!(book.sheet_names(), ["Processing register"]);
    let range = book.worksheet_range("Processing register").unwrap();
    let header: Vec<String> = range.rows().next().unwrap().iter().map(text).collect();
    common::english::english("register --format xlsx, header", &header.join(" | "));
    assert_eq!(header[0], "Processing (campaign)");
    assert!(header.contains(&"Data protection officer (DPO)".to_string()));
    let missing = header.iter().position(|h| h == "Address").unwrap();
    let row: Vec<&Data> = range.rows().nth(1).unwrap().iter().collect();
    assert_eq!(
        text(row[missing]),
        "MISSING (complete the profile: avg-wijzer library)"
    );
}
