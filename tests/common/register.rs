//! A store for the register's tests (`tests/register*.rs`): one record of each kind the
//! register tells apart, a profile with items given and items missing; and the register's CSV
//! read as Dutch Excel reads it.
use avg_wijzer::app::Workflow;
use avg_wijzer::record::{Assessment, Campaign, Decision, Record};
use avg_wijzer::text::Lang;

use super::records::{answer_all, in_progress_record};
use super::{BANK, EXAMPLE, Scratch, fixed_clock};

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

/// A completed record of the example answers, made at `now`.
pub fn record(id: &str, name: &str, lang: Lang, now: &str) -> Assessment<'static> {
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

/// Writes `r` as a new record of the scratch store.
pub fn create(s: &Scratch, r: &mut Record) {
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
