//! `register`: the processing register over a whole store. One row per processing (the newest
//! completed or signed-off revision of each chain, nothing in progress), the library's profile
//! in every row (a missing item marked, never filled in), the CSV read back as Dutch Excel
//! reads it (BOM, `;`), Markdown, `-o` never overwriting, and hostile record content.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;

use avg_wijzer::app::Workflow;
use avg_wijzer::record::{Assessment, Campaign, Decision, Record};
use avg_wijzer::text::Lang;

mod common;
use common::records::{answer_all, in_progress_record};
use common::{BANK, EXAMPLE, Scratch, fixed_clock};

/// A campaign name that a spreadsheet would run as a formula and a terminal would obey.
const HOSTILE: &str = "=HYPERLINK(\"http://x.invalid\";\"klik\")\u{1b}[2J | *vet*";

/// The ids of the records [`store`] made.
pub struct Made {
    /// Completed, with a hostile campaign name.
    pub completed: String,
    /// Signed off on 2 January 2027.
    pub signed: String,
    /// In progress: not in the register.
    pub in_progress: String,
    /// Signed off, then continued as a new revision: not in the register.
    pub old: String,
    /// The revision that continues `old`: in the register.
    pub new: String,
}

fn record(id: &str, name: &str, lang: Lang, now: &str) -> Assessment<'static> {
    let mut a = Assessment::start(
        &BANK,
        id.into(),
        Campaign {
            name: name.into(),
            ..Campaign::default()
        },
        vec![],
        lang,
        now,
    );
    answer_all(&mut a, EXAMPLE, now);
    a
}

fn create(s: &Scratch, r: &mut Record) {
    s.open_store().create(r).unwrap();
}

/// A store with one record of each kind, and a profile with the name, KvK number, FG and FG
/// contact given, the address, privacy contact, security measures and retention missing.
pub fn store(s: &Scratch, lang: Lang) -> Made {
    let mut a = record(
        "20261101-100000-aaaaaaaaaa",
        HOSTILE,
        lang,
        "2026-11-01T10:00:00Z",
    );
    create(s, &mut a.record);
    let mut b = record(
        "20261102-100000-bbbbbbbbbb",
        "Najaarsactie",
        lang,
        "2026-11-02T10:00:00Z",
    );
    b.sign_off(
        "B. Jansen",
        "2027-01-02",
        Decision::ApprovedWithConditions,
        "",
        "2026-11-02T11:00:00Z",
    )
    .unwrap();
    create(s, &mut b.record);
    let mut c = in_progress_record("20261103-100000-cccccccccc");
    create(s, &mut c);
    let mut d = record(
        "20261104-100000-dddddddddd",
        "Ketenactie",
        lang,
        "2026-11-04T10:00:00Z",
    );
    d.sign_off(
        "B. Jansen",
        "2026-11-05",
        Decision::Approved,
        "",
        "2026-11-05T10:00:00Z",
    )
    .unwrap();
    create(s, &mut d.record);
    // A change after the sign-off makes a new revision.
    let wf = Workflow::new(&BANK, Some(s.open_store()), false).with_clock(fixed_clock);
    let mut work = wf.open(&d.record.id).unwrap().work;
    wf.note(&mut work, None, "Tweede ronde").unwrap();
    let new = work.record().id.clone();
    assert_ne!(new, d.record.id);
    let out = s.run(&[
        "library",
        "--name",
        "Bibliotheek Voorbeeldstad",
        "--kvk",
        "1234 5678",
        "--fg-name",
        "+B. Jansen",
        "--fg-contact",
        "@fg-voorbeeldstad",
    ]);
    out.assert_ok();
    Made {
        completed: a.record.id,
        signed: b.record.id,
        in_progress: c.id,
        old: d.record.id,
        new,
    }
}

/// The cells of a CSV read as Dutch Excel reads it: the BOM first, then `;` between cells.
pub fn read_csv(bytes: &[u8]) -> Vec<Vec<String>> {
    let rest = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .expect("a byte order mark first");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(b';')
        .from_reader(rest)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// The cell of `row` under the header `header`.
pub fn at<'a>(rows: &'a [Vec<String>], row: usize, header: &str) -> &'a str {
    let col = rows[0]
        .iter()
        .position(|h| h == header)
        .unwrap_or_else(|| panic!("no column {header:?} in {:?}", rows[0]));
    &rows[row][col]
}

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
        assert_eq!(at(&rows, row, "Doorgifte buiten de EER"), "Geen");
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
    assert_eq!(
        at(&rows, 2, "Vingerafdruk (sha256)"),
        signed.integrity.hash
    );

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
        assert!(out.stderr.contains("is geen scheidingsteken"), "{}", out.stderr);
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
    let table: Vec<&str> = lines.iter().copied().filter(|l| l.starts_with('|')).collect();
    assert_eq!(table.len(), 5, "header, rule and three rows: {}", out.stdout);
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
        out.stderr
            .starts_with(&format!("avg-wijzer: verslag \"{}\" staat niet in het register: ", made.signed)),
        "{}",
        out.stderr
    );
    let rows = read_csv(out.stdout.as_bytes());
    assert_eq!(rows.len(), 3);
    assert!(!out.stdout.contains("Andere actie"));
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
    assert!(out.stdout.starts_with("# Processing register (GDPR art. 30)\n"));
    assert!(out.stdout.contains("MISSING (complete the profile: avg-wijzer library)"));
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
