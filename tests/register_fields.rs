//! What the register says about a processing beyond its record — the source of the data and
//! transfers outside the EEA — is the bank's knowledge (`questions/register.json`), said once:
//! the register's columns, the advice's draft entry and the register-entry document read the
//! same fields. A record made before the bank had them gets them from the bank at hand. And a
//! chain of revisions that loops is named, not dropped silently.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use avg_wijzer::bank::QId;
use avg_wijzer::record::Previous;
use avg_wijzer::text::Lang;

mod common;
use common::documents::{cases, parsed, render};
use common::english::english;
use common::register::{at, create, read_csv, record};
use common::{BANK, Scratch};

fn field(id: &str) -> &'static avg_wijzer::bank::RegisterField {
    BANK.register
        .iter()
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("the bank has a register field {id}"))
}

#[test]
fn every_use_has_a_source_and_says_transfers_in_both_languages() {
    let mut cases: Vec<(&str, serde_json::Value)> =
        cases().into_iter().map(|(n, a, _)| (n, a)).collect();
    // The one use the documents' cases leave out: a spreadsheet kept apart.
    cases.push((
        "snapshot_alone",
        serde_json::json!({
            "use_case": "enrichment", "envisia_access": "poi_license",
            "crm_coupling": "spreadsheet_snapshot", "combined_with_user_file": "no"
        }),
    ));
    for (name, answers) in cases {
        let p = parsed(&answers);
        let on_path = |q: QId| {
            if p.outcome.path.contains(&q) {
                p.session.answer(q)
            } else {
                None
            }
        };
        for id in ["source", "transfers"] {
            let nl = field(id).value(&BANK, Lang::Nl, &on_path);
            let en = field(id).value(&BANK, Lang::En, &on_path);
            assert!(!nl.trim().is_empty(), "{name}: {id} empty");
            assert!(!en.trim().is_empty(), "{name}: {id} empty in English");
            english(&format!("{name}: {id}"), &en);
        }
    }
}

#[test]
fn the_register_entry_shows_the_bank_fields_with_their_sources() {
    let (_, answers, offered) = cases()
        .into_iter()
        .find(|(name, ..)| *name == "coverage_legitimate_interest")
        .unwrap();
    assert!(offered.contains(&"register_entry"));
    let p = parsed(&answers);
    let doc = render(&p, "register_entry", Lang::Nl);
    let block = |heading: &str| {
        let b = doc
            .blocks
            .iter()
            .find(|b| b.heading.as_deref() == Some(heading))
            .unwrap_or_else(|| panic!("a section {heading}"));
        doc.plain(&b.paragraphs[0])
    };
    assert!(
        block("Bron van de gegevens").starts_with("Het eigen gebruikersbestand"),
        "{}",
        block("Bron van de gegevens")
    );
    assert!(block("Doorgifte buiten de EER").starts_with("Geen: "));
    // The source's part cites where it comes from, in the document's sources.
    assert!(
        doc.sources
            .iter()
            .any(|s| s == "Handreiking, Dekking & potentie analyse, p.8"),
        "{:?}",
        doc.sources
    );
    // A part that does not hold on the path is not cited.
    assert!(
        !doc.sources
            .iter()
            .any(|s| s == "Handreiking, Werkgebied in kaart, p.8")
    );
}

#[test]
fn a_record_of_an_earlier_bank_gets_the_fields_from_the_bank_at_hand() {
    for lang in [Lang::Nl, Lang::En] {
        let s = Scratch::new("register-old-bank");
        let mut a = record(
            "20261101-100000-aaaaaaaaaa",
            "Oud",
            lang,
            "2026-11-01T10:00:00Z",
        );
        // As bank 1.2.0 made it: without the two fields.
        a.record.bank.version = "1.2.0".into();
        a.record.bank.sha256 = "0".repeat(64);
        let advice = a.record.outcome.as_mut().unwrap();
        advice
            .register
            .retain(|l| l.id != "source" && l.id != "transfers");
        create(&s, &mut a.record);
        let lang_arg = if lang == Lang::En { "en" } else { "nl" };
        let out = s.run(&["--lang", lang_arg, "register", "--format", "csv"]);
        out.assert_ok();
        let rows = read_csv(out.stdout.as_bytes());
        assert_eq!(rows.len(), 2, "{rows:?}");
        let (source, transfers) = match lang {
            Lang::Nl => ("Bron van de gegevens", "Doorgifte buiten de EER"),
            Lang::En => ("Source of the data", "Transfers outside the EEA"),
        };
        // The record's values are in its own language, from the bank at hand.
        let (whooz, none) = match lang {
            Lang::Nl => ("Whooz (Whize), via de Envisia-tool", "Geen: "),
            Lang::En => ("Whooz (Whize), through the Envisia tool", "None: "),
        };
        assert!(at(&rows, 1, source).starts_with(whooz), "{rows:?}");
        assert!(at(&rows, 1, transfers).starts_with(none), "{rows:?}");
    }
}

#[test]
fn a_chain_that_loops_is_named_in_both_languages() {
    let s = Scratch::new("register-loop");
    let (x, y) = ("20261101-100000-xxxxxxxxxx", "20261102-100000-yyyyyyyyyy");
    for (id, before) in [(x, y), (y, x)] {
        let mut r = record(id, "Kring", Lang::Nl, "2026-11-01T10:00:00Z").record;
        r.previous = Some(Previous {
            id: before.into(),
            hash: None,
        });
        r.revision = 2;
        create(&s, &mut r);
    }
    let mut fine = record(
        "20261103-100000-zzzzzzzzzz",
        "Gewoon",
        Lang::Nl,
        "2026-11-03T10:00:00Z",
    );
    create(&s, &mut fine.record);
    let out = s.run(&["register", "--format", "csv"]);
    // Not whole: exit code 1, the register itself written.
    assert_eq!(out.code, 1, "{}", out.stderr);
    let rows = read_csv(out.stdout.as_bytes());
    assert_eq!(rows.len(), 2, "only the record outside the loop: {rows:?}");
    for id in [x, y] {
        let line = out
            .stderr
            .lines()
            .find(|l| l.contains(&format!("verslag {id} noemt")))
            .unwrap_or_else(|| panic!("{id} named: {}", out.stderr));
        assert!(line.contains("niet in het register"), "{line}");
        assert!(line.contains("in een kring"), "{line}");
    }
    let out = s.run(&["--lang", "en", "register", "--format", "csv"]);
    assert_eq!(out.code, 1);
    for id in [x, y] {
        assert!(
            out.stderr
                .contains(&format!("not in the register: record {id} names")),
            "{}",
            out.stderr
        );
    }
    english("a looping chain", &out.stderr);
}
