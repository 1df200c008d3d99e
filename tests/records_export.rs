//! Finding and exporting records: ids may be abbreviated to any unique prefix, exports never
//! overwrite without `--force`, the command line exports what the library does, and the exports
//! of a fixed record are pinned by insta snapshots (`tests/snapshots/`).
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;

use avg_wijzer::text::Lang;
use avg_wijzer::{export, record};

mod common;
use common::records::{FIXED_ID, example_record, fixed_record};
use common::{EXAMPLE, Scratch, check_store_records};

// ---------------------------------------------------------------------------------------------
// Ids and prefixes

#[test]
fn ids_may_be_abbreviated_to_any_unique_prefix() {
    let s = Scratch::new("prefix");
    let store = s.open_store();
    let ids = [
        "20270101-000000-aaaaaaaaaa",
        "20270101-000000-aaaaabbbbb",
        "20270102-000000-cccccccccc",
    ];
    for (i, id) in ids.iter().enumerate() {
        let mut r = example_record(id, &format!("2027-01-0{}T00:00:00Z", i + 1));
        store.create(&mut r).unwrap();
    }
    check_store_records(&s, &[]);

    let out = s.run(&["show", "20270102"]);
    out.assert_ok();
    assert!(
        out.stdout
            .starts_with("Verslag 20270102-000000-cccccccccc (revisie 1)\n"),
        "{}",
        out.stdout
    );
    let out = s.run(&["show", "20270101-000000-aaaaab"]);
    out.assert_ok();
    assert!(
        out.stdout
            .starts_with("Verslag 20270101-000000-aaaaabbbbb ")
    );
    // The whole id, and the file name, work too.
    s.run(&["show", ids[0]]).assert_ok();
    s.run(&["show", &format!("{}.json", ids[0])]).assert_ok();

    let ambiguous = "\"20270101-000000-aaaaa\" past bij 2 verslagen (20270101-000000-aaaaaaaaaa, 20270101-000000-aaaaabbbbb); typ meer tekens van het id";
    s.run(&["show", "20270101-000000-aaaaa"])
        .assert_error(2, ambiguous);
    s.run(&["export", "20270101-000000-aaaaa", "--format", "csv"])
        .assert_error(2, ambiguous);
    s.run(&["verify", "20270101-000000-aaaaa"])
        .assert_error(2, ambiguous);
    s.run(&["compare", "20270101-000000-aaaaa", "20270102"])
        .assert_error(2, ambiguous);
    s.run(&[
        "signoff",
        "20270101-000000-aaaaa",
        "--name",
        "B. Jansen",
        "--decision",
        "approved",
    ])
    .assert_error(2, ambiguous);
    s.run(&["show", "2027"]).assert_error(
        2,
        "\"2027\" past bij 3 verslagen (20270101-000000-aaaaaaaaaa, 20270101-000000-aaaaabbbbb, 20270102-000000-cccccccccc); typ meer tekens van het id",
    );
    s.run(&["show", "2099"])
        .assert_error(2, "geen verslag met id \"2099\" in store");
    s.run(&["show", ""])
        .assert_error(2, "geef een verslag-id (of het begin ervan)");

    // Every command takes a prefix.
    let out = s.run(&["export", "20270102", "--format", "json"]);
    out.assert_ok();
    assert_eq!(
        out.stdout.as_bytes(),
        fs::read(s.record_path(ids[2])).unwrap()
    );
    let out = s.run(&["verify", "20270101-000000-aaaaaa"]);
    out.assert_ok();
    assert!(out.stdout.contains(ids[0]));
    let out = s.run(&["compare", "20270101-000000-aaaaaa", "20270102"]);
    out.assert_ok();
    assert!(out.stdout.starts_with(&format!("A: {} ", ids[0])));
    let out = s.run(&[
        "signoff",
        "20270102",
        "--name",
        "B. Jansen",
        "--decision",
        "approved",
        "--date",
        "2027-01-05",
    ]);
    out.assert_ok();
    let hash = record::parse(&fs::read_to_string(s.record_path(ids[2])).unwrap())
        .unwrap()
        .integrity
        .hash;
    assert_eq!(
        out.stdout,
        format!(
            "{}: afgetekend (goedgekeurd)\nvingerafdruk (sha256): {hash}\n",
            ids[2]
        )
    );
    check_store_records(&s, &[]);
}

// ---------------------------------------------------------------------------------------------
// Export

#[test]
fn export_never_overwrites_without_force() {
    let s = Scratch::new("export-force");
    let id = s.new_record("answers.json", EXAMPLE);
    let prefix = &id[..20];
    for format in ["md", "html", "json", "csv"] {
        let file = format!("out.{format}");
        // Standard output first: what the file must hold.
        let out = s.run(&["export", prefix, "--format", format]);
        out.assert_ok();
        let wanted = out.stdout;
        assert!(!wanted.is_empty());

        // A new file is written without --force.
        s.run(&["export", prefix, "--format", format, "-o", &file])
            .assert_ok();
        assert_eq!(fs::read_to_string(s.path(&file)).unwrap(), wanted);

        // An existing one is not.
        s.write(&file, "oud\n");
        s.run(&["export", prefix, "--format", format, "-o", &file])
            .assert_error(
                2,
                &format!("{file}: bestaat al; gebruik --force om het te vervangen"),
            );
        assert_eq!(fs::read_to_string(s.path(&file)).unwrap(), "oud\n");

        // With --force it is replaced.
        let out = s.run(&["export", prefix, "--format", format, "-o", &file, "--force"]);
        out.assert_ok();
        assert_eq!(out.stdout, "");
        assert_eq!(fs::read_to_string(s.path(&file)).unwrap(), wanted);
    }
    // json is the record file itself, and still verifies.
    assert_eq!(
        fs::read(s.path("out.json")).unwrap(),
        fs::read(s.record_path(&id)).unwrap()
    );
    s.run(&["verify", "out.json"]).assert_ok();
    // csv: a header and one row, the same number of cells.
    let csv = fs::read_to_string(s.path("out.csv")).unwrap();
    assert_eq!(csv.matches("\r\n").count(), 2, "{csv}");
    // No temporary files left behind.
    let leftovers: Vec<String> = fs::read_dir(&s.dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    check_store_records(&s, &[]);
}

#[test]
fn the_cli_exports_what_the_library_exports() {
    let s = Scratch::new("export-cli");
    let mut r = fixed_record();
    s.open_store().create(&mut r).unwrap();
    check_store_records(&s, &[]);
    let r = record::parse(&fs::read_to_string(s.record_path(FIXED_ID)).unwrap()).unwrap();
    for (format, lang, wanted) in [
        ("md", "nl", export::markdown(&r, Lang::Nl)),
        ("html", "nl", export::html(&r, Lang::Nl)),
        ("csv", "nl", export::csv(&r, Lang::Nl)),
        ("md", "en", export::markdown(&r, Lang::En)),
        ("html", "en", export::html(&r, Lang::En)),
        ("csv", "en", export::csv(&r, Lang::En)),
    ] {
        let out = s.run(&["--lang", lang, "export", "2027", "--format", format]);
        out.assert_ok();
        assert_eq!(out.stdout, wanted, "{format} {lang}");
    }
    let out = s.run(&["show", "2027"]);
    out.assert_ok();
    assert_eq!(out.stdout, export::text(&r, Lang::Nl));
    let out = s.run(&["--lang", "en", "show", "2027"]);
    out.assert_ok();
    assert_eq!(out.stdout, export::text(&r, Lang::En));
}

#[test]
fn the_html_export_is_self_contained_and_escapes_what_people_typed() {
    let r = fixed_record();
    for lang in [Lang::Nl, Lang::En] {
        let html = export::html(&r, lang);
        let lower = html.to_lowercase();
        for banned in [
            "http:", "https:", "src=", "<script", "<link", "url(", "@import", "<iframe", "<img",
        ] {
            assert!(!lower.contains(banned), "the HTML holds {banned}");
        }
        assert!(html.starts_with("<!DOCTYPE html>\n"));
        assert!(html.ends_with("</html>\n"));
        assert!(html.contains("<meta charset=\"utf-8\">"));
        assert!(html.contains("<style>"));
        assert!(html.contains("@media print"));
        assert!(html.contains("Voorjaarsactie &lt;b&gt;&amp;&quot;2027&quot;"));
        assert!(!html.contains("<b>"), "the campaign name is escaped");
    }
    let md = export::markdown(&r, Lang::Nl);
    assert!(md.contains(r"Voorjaarsactie \<b\>&"), "{md}");
    let csv = export::csv(&r, Lang::Nl);
    assert!(csv.contains(r#";"Voorjaarsactie <b>&""2027""";"#), "{csv}");
}

#[test]
fn snapshot_markdown() {
    insta::assert_snapshot!("export_md", export::markdown(&fixed_record(), Lang::Nl));
}

#[test]
fn snapshot_html() {
    insta::assert_snapshot!("export_html", export::html(&fixed_record(), Lang::Nl));
}

#[test]
fn snapshot_csv() {
    insta::assert_snapshot!("export_csv", export::csv(&fixed_record(), Lang::Nl));
}

#[test]
fn snapshot_show_text() {
    insta::assert_snapshot!("show_text", export::text(&fixed_record(), Lang::Nl));
}

#[test]
fn snapshot_show_text_english() {
    insta::assert_snapshot!("show_text_en", export::text(&fixed_record(), Lang::En));
}
