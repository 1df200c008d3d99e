//! `register`: the processing register over a whole store. One row per processing (the newest
//! completed or signed-off revision of each chain, nothing in progress), the library's profile
//! in every row (a missing item marked, never filled in), the CSV read back as Dutch Excel
//! reads it (BOM, `;`), Markdown, `-o` never overwriting, and hostile record content.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;

use avg_wijzer::text::Lang;

mod common;
use common::Scratch;
use common::register::{at, read_csv, store};

#[test]
fn the_csv_register_has_one_row_per_finished_processing_as_dutch_excel_reads_it() {
    let s = Scratch::new("register-csv");
    let made = store(&s, Lang::Nl);
    let out = s.run(&["register", "--format", "csv"]);
    out.assert_ok();
    // CRLF line ends, as Excel writes them.
    assert_eq!(
        out.stdout.matches('\n').count(),
        out.stdout.matches("\r\n").count()
    );
    let rows = read_csv(out.stdout.as_bytes());
    assert_eq!(rows.len(), 4, "a header and three processings: {rows:?}");
    assert!(rows.iter().all(|r| r.len() == rows[0].len()));
    let ids: Vec<&str> = (1..4).map(|i| at(&rows, i, "Verslag (id)")).collect();
    // Oldest first; nothing in progress, and of the chain only its newest revision.
    assert_eq!(ids, [made.completed.as_str(), &made.signed, &made.new]);
    assert!(!out.stdout.contains(&made.in_progress));
    assert!(!out.stdout.contains(&made.old));

    // The profile in every row; what it lacks is marked, not made up.
    for row in 1..4 {
        assert_eq!(
            at(&rows, row, "Verwerkingsverantwoordelijke"),
            "Bibliotheek Voorbeeldstad"
        );
        assert_eq!(at(&rows, row, "KvK-nummer"), "12345678");
        assert!(at(&rows, row, "Adres").starts_with("ONTBREEKT"));
        assert!(at(&rows, row, "Beveiligingsmaatregelen").starts_with("ONTBREEKT"));
        assert!(at(&rows, row, "Contact voor privacyvragen").starts_with("ONTBREEKT"));
        // The profile's values are defused like every other cell.
        assert_eq!(
            at(&rows, row, "Functionaris gegevensbescherming (FG)"),
            "'+B. Jansen"
        );
        assert_eq!(at(&rows, row, "Contact FG"), "'@fg-voorbeeldstad");
        assert!(at(&rows, row, "Doorgifte buiten de EER").starts_with("Geen: "));
        assert!(at(&rows, row, "Bron van de gegevens").starts_with("Whooz"));
        // The bank's register fields, as the advice gave them.
        assert!(at(&rows, row, "Doel van de verwerking").contains("Direct marketing"));
        assert!(at(&rows, row, "Ontvangers en verwerkers").contains("Whooz"));
        assert_eq!(at(&rows, row, "Grondslag"), "Toestemming");
        assert!(at(&rows, row, "Actieplan").contains("verplicht klaar"));
    }
    // Local Dutch time in digits, which Excel reads as a date.
    assert_eq!(at(&rows, 1, "Afgerond op"), "01-11-2026 11:00");
    assert_eq!(at(&rows, 2, "Datum aftekening"), "02-01-2027");
    assert_eq!(at(&rows, 2, "Afgetekend door"), "B. Jansen");
    assert_eq!(at(&rows, 2, "Besluit"), "goedgekeurd met voorwaarden");
    assert_eq!(at(&rows, 1, "Afgetekend door"), "");
    assert_eq!(at(&rows, 3, "Revisie"), "2");
    // The hostile name: a formula defused, the escape written out, the rest as it was.
    let name = at(&rows, 1, "Verwerking (campagne)");
    assert!(name.starts_with("'=HYPERLINK("), "{name}");
    assert!(name.contains("\\u{1b}[2J"), "{name}");
    assert!(!out.stdout.contains('\u{1b}'));
    // The fingerprint is the record's.
    let signed = s.open_store().load(&made.signed).unwrap().record;
    assert_eq!(at(&rows, 2, "Vingerafdruk (sha256)"), signed.integrity.hash);

    // Another separator when asked.
    let out = s.run(&["register", "--format", "csv", "--separator", ","]);
    out.assert_ok();
    let rest = out.stdout.strip_prefix('\u{feff}').unwrap();
    let rows: Vec<_> = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(rest.as_bytes())
        .records()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(rows.len(), 4);
    for bad in ["ab", "a", "\"", " "] {
        let out = s.run(&["register", "--format", "csv", "--separator", bad]);
        assert_eq!(out.code, 2);
        assert!(
            out.stderr.contains("is geen scheidingsteken"),
            "{}",
            out.stderr
        );
    }
}

#[test]
fn the_markdown_register_is_one_table() {
    let s = Scratch::new("register-md");
    let made = store(&s, Lang::Nl);
    let out = s.run(&["register", "--format", "md"]);
    out.assert_ok();
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines[0], "# Verwerkingsregister (AVG art. 30)");
    let table: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.starts_with('|'))
        .collect();
    assert_eq!(
        table.len(),
        5,
        "header, rule and three rows: {}",
        out.stdout
    );
    // Every row has as many cells as the header: a `|` in a name is escaped.
    let pipes = |row: &str| row.len() - row.replace('|', "").len() - row.matches("\\|").count();
    for row in &table {
        assert_eq!(pipes(row), pipes(table[0]), "{row}");
    }
    assert!(out.stdout.contains("\\| \\*vet\\*"));
    assert!(out.stdout.contains(&made.new));
    assert!(!out.stdout.contains(&made.old));
    assert!(out.stdout.contains("ONTBREEKT"));
    assert!(!out.stdout.contains('\u{1b}'));
}

#[test]
fn the_register_never_overwrites_a_file_unasked() {
    let s = Scratch::new("register-exists");
    store(&s, Lang::Nl);
    for format in ["xlsx", "csv", "md"] {
        let file = format!("register.{format}");
        fs::write(s.path(&file), "van mij").unwrap();
        let out = s.run(&["register", "--format", format, "-o", &file]);
        out.assert_error(
            2,
            &format!("{file}: bestaat al; gebruik --force om het te vervangen"),
        );
        assert_eq!(fs::read_to_string(s.path(&file)).unwrap(), "van mij");
        let out = s.run(&["register", "--format", format, "-o", &file, "--force"]);
        out.assert_ok();
        assert_eq!(out.stdout, "");
        assert_eq!(
            out.stderr,
            format!("3 verwerkingen in het register geschreven naar {file}\n")
        );
        assert_ne!(fs::read(s.path(&file)).unwrap(), b"van mij");
        #[cfg(unix)]
        assert_eq!(common::mode(&s.path(&file)), 0o600);
    }
}

#[test]
fn an_altered_record_is_left_out_and_named() {
    let s = Scratch::new("register-altered");
    let made = store(&s, Lang::Nl);
    let path = s.record_path(&made.signed);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replace("Najaarsactie", "Andere actie")).unwrap();
    let out = s.run(&["register", "--format", "csv"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.starts_with(&format!(
            "avg-wijzer: niet in het register: verslag {} is na het opslaan gewijzigd",
            made.signed
        )),
        "{}",
        out.stderr
    );
    let rows = read_csv(out.stdout.as_bytes());
    assert_eq!(rows.len(), 3);
    assert!(!out.stdout.contains("Andere actie"));

    // A file that is not a readable record is named: its processing may be missing.
    fs::write(s.store().join("20261201-100000-eeeeeeeeee.json"), "{kapot").unwrap();
    let out = s.run(&["register", "--format", "csv"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("avg-wijzer: niet in het register: \"20261201-100000-eeeeeeeeee.json\": "),
        "{}",
        out.stderr
    );
    assert_eq!(read_csv(out.stdout.as_bytes()).len(), 3);
}

#[test]
fn an_empty_store_gives_a_header_only() {
    let s = Scratch::new("register-empty");
    fs::create_dir_all(s.store()).unwrap();
    let out = s.run(&["register", "--format", "csv"]);
    out.assert_ok();
    let rows = read_csv(out.stdout.as_bytes());
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][0], "Verwerking (campagne)");
}

#[test]
fn the_register_in_english() {
    let s = Scratch::new("register-en");
    let made = store(&s, Lang::En);
    // An English profile, so that what is checked is the program's words and the records'.
    s.run(&["library", "--name", "Example Library"]).assert_ok();
    let out = s.run(&["--lang", "en", "register", "--format", "md"]);
    out.assert_ok();
    common::english::english("register --format md", &out.stdout);
    assert!(
        out.stdout
            .starts_with("# Processing register (GDPR art. 30)\n")
    );
    assert!(
        out.stdout
            .contains("MISSING (complete the profile: avg-wijzer library)")
    );
    let out = s.run(&["--lang", "en", "register", "--format", "csv"]);
    out.assert_ok();
    let rows = read_csv(out.stdout.as_bytes());
    common::english::english("register --format csv, header", &rows[0].join(" | "));
    assert_eq!(at(&rows, 2, "Date of sign-off"), "2027-01-02");
    assert_eq!(at(&rows, 1, "Completed on"), "2026-11-01 11:00");
    assert_eq!(at(&rows, 2, "Record (id)"), made.signed);
    fs::write(s.path("r.md"), "x").unwrap();
    s.run(&["--lang", "en", "register", "--format", "md", "-o", "r.md"])
        .assert_error(2, "r.md: exists already; use --force to replace it");
    let out = s.run(&["--lang", "en", "register", "--format", "md", "-o", "new.md"]);
    out.assert_ok();
    common::english::english("register -o, stderr", &out.stderr);
    assert_eq!(out.stderr, "3 register entries written to new.md\n");
}
