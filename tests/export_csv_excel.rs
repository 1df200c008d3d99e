//! `export ID --format csv` for Dutch Excel: UTF-8 with a byte order mark, `;` between the
//! cells (or `--separator`), CRLF line ends, local times in digits that Excel reads as dates.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
mod common;
use common::Scratch;
use common::records::example_record;

fn rows(text: &str, delimiter: u8) -> Vec<Vec<String>> {
    let rest = text
        .strip_prefix('\u{feff}')
        .expect("a byte order mark first");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(delimiter)
        .from_reader(rest.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn the_record_csv_is_made_for_dutch_excel() {
    let s = Scratch::new("export-csv-excel");
    let id = "20261101-100000-aaaaaaaaaa";
    let mut r = example_record(id, "2026-11-01T10:00:00Z");
    s.open_store().create(&mut r).unwrap();
    let out = s.run(&["export", id, "--format", "csv"]);
    out.assert_ok();
    assert_eq!(
        out.stdout.matches('\n').count(),
        out.stdout.matches("\r\n").count()
    );
    let semicolons = rows(&out.stdout, b';');
    assert_eq!(semicolons.len(), 2);
    assert_eq!(semicolons[0].len(), semicolons[1].len());
    assert!(semicolons[0].len() > 10, "{semicolons:?}");
    let completed = semicolons[0].iter().position(|h| h == "Afgerond").unwrap();
    // 10:00 UTC on 1 November is 11:00 in the Netherlands.
    assert_eq!(semicolons[1][completed], "01-11-2026 11:00");

    let out = s.run(&["export", id, "--format", "csv", "--separator", ","]);
    out.assert_ok();
    let commas = rows(&out.stdout, b',');
    assert_eq!(commas, semicolons, "the same cells, another separator");
    let out = s.run(&["export", id, "--format", "csv", "--separator", "tab"]);
    out.assert_ok();
    assert_eq!(rows(&out.stdout, b'\t'), semicolons);

    let out = s.run(&["--lang", "en", "export", id, "--format", "csv"]);
    out.assert_ok();
    let en = rows(&out.stdout, b';');
    let completed = en[0].iter().position(|h| h == "Completed").unwrap();
    assert_eq!(en[1][completed], "2026-11-01 11:00", "ISO in English");
}
