//! A sign-off freezes a record (and only a completed record is signed off), `compare` lists
//! what differs between two records, and `new` saves a record from an answers file: warning
//! about personal data in the campaign, refusing bad answers without saving anything.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::collections::BTreeMap;
use std::fs;

use serde_json::{Value, json};

use avg_wijzer::guard;
use avg_wijzer::record::{self, Decision, Status};
use avg_wijzer::text::Lang;

mod common;
use common::records::{event_kinds, example_with, in_progress_record};
use common::{EXAMPLE, Scratch, check_store_records};

// ---------------------------------------------------------------------------------------------
// Sign-off, compare, new

#[test]
fn a_sign_off_freezes_the_record() {
    let s = Scratch::new("signoff");
    let id = s.new_record("answers.json", EXAMPLE);
    let path = s.record_path(&id);
    let unsigned = fs::read(&path).unwrap();

    let refused = |args: &[&str], why: &str| {
        let mut all = vec!["signoff", id.as_str()];
        all.extend_from_slice(args);
        s.run(&all).assert_error(2, why);
    };
    refused(
        &[
            "--name",
            "B. Jansen",
            "--decision",
            "approved",
            "--date",
            "23-11-2026",
        ],
        &format!("verslag {id}: \"23-11-2026\" is geen datum als 2026-11-23"),
    );
    refused(
        &[
            "--name",
            "  ",
            "--decision",
            "approved",
            "--date",
            "2026-11-23",
        ],
        &format!("verslag {id}: de naam van de FG ontbreekt"),
    );
    assert_eq!(
        fs::read(&path).unwrap(),
        unsigned,
        "a refusal changes nothing"
    );

    let out = s.run(&[
        "signoff",
        &id[..16],
        "--name",
        "B. Jansen",
        "--decision",
        "rejected",
        "--date",
        "2026-11-23",
        "--remarks",
        "Eerst de grondslag regelen.",
    ]);
    out.assert_ok();
    check_store_records(&s, &[]);
    let signed = fs::read(&path).unwrap();
    let r = record::parse(std::str::from_utf8(&signed).unwrap()).unwrap();
    assert_eq!(
        out.stdout,
        format!(
            "{id}: afgetekend (afgekeurd)\nvingerafdruk (sha256): {}\n",
            r.integrity.hash
        )
    );
    assert_eq!(r.status, Status::SignedOff);
    let so = r.signoff.as_ref().unwrap();
    assert_eq!(
        (
            so.name.as_str(),
            so.date.as_str(),
            so.decision,
            so.remarks.as_str()
        ),
        (
            "B. Jansen",
            "2026-11-23",
            Decision::Rejected,
            "Eerst de grondslag regelen."
        )
    );
    assert_eq!(event_kinds(&r).last().copied(), Some("signed_off"));
    let out = s.run(&["list"]);
    assert!(
        out.stdout.lines().nth(1).unwrap().contains("afgetekend"),
        "{}",
        out.stdout
    );

    // A second sign-off is refused and changes nothing.
    for decision in ["approved", "rejected"] {
        s.run(&["signoff", &id, "--name", "C. de Boer", "--decision", decision])
            .assert_error(
                2,
                &format!(
                    "verslag {id}: dit verslag is afgetekend en staat vast; een wijziging wordt een nieuwe revisie"
                ),
            );
        assert_eq!(fs::read(&path).unwrap(), signed);
    }
    s.run(&["verify", &id]).assert_ok();
}

#[test]
fn a_record_in_progress_cannot_be_signed_off() {
    let s = Scratch::new("signoff-early");
    let id = "20270201-100000-00000000b1";
    let mut r = in_progress_record(id);
    s.open_store().create(&mut r).unwrap();
    let before = fs::read(s.record_path(id)).unwrap();
    s.run(&[
        "signoff",
        id,
        "--name",
        "B. Jansen",
        "--decision",
        "approved",
    ])
    .assert_error(
        2,
        &format!(
            "verslag {id}: nog niet alle vragen zijn beantwoord; aftekenen kan pas bij een advies"
        ),
    );
    assert_eq!(fs::read(s.record_path(id)).unwrap(), before);
    let out = s.run(&["list"]);
    assert!(out.stdout.contains("bezig"), "{}", out.stdout);
}

#[test]
fn compare_lists_the_differing_answers_findings_and_actions() {
    let s = Scratch::new("compare");
    let a = s.new_record("a.json", EXAMPLE);
    let b = s.new_record(
        "b.json",
        &example_with(json!({ "channel": ["addressed_post"] })),
    );
    let c = s.new_record(
        "c.json",
        r#"{ "campaign": { "name": "Wijkkaart" }, "answers": { "use_case": "area_map" } }"#,
    );
    check_store_records(&s, &[]);

    let out = s.run(&["compare", &a, &b]);
    out.assert_ok();
    assert_eq!(
        out.stdout,
        format!(
            "A: {a} — Voorjaarsactie 2027 (revisie 1, afgerond)\n\
             B: {b} — Voorjaarsactie 2027 (revisie 1, afgerond)\n\n\
             Oordeel\n  A: Toegestaan, met acties | B: Toegestaan, met acties\n\n\
             Antwoorden\n  Via welk kanaal benader je hen?\n    A: E-mail | B: Geadresseerde post\n\n\
             Bevindingen\n  gelijk\n\n\
             Verplichte acties\n  Niet meer in B:\n    \
             - Per e-mail alleen eigen, soortgelijke producten en diensten, met afmeldmogelijkheid\n\n\
             Aanbevolen acties\n  gelijk\n"
        )
    );

    let out = s.run(&["compare", &a, &c]);
    out.assert_ok();
    let text = &out.stdout;
    // The questions in the order they are asked, each answer by its label.
    let lines: Vec<&str> = text.lines().collect();
    let at = |line: &str| {
        lines
            .iter()
            .position(|l| *l == line)
            .unwrap_or_else(|| panic!("no line {line:?} in\n{text}"))
    };
    let asked = [
        "  Hoe wil je Whize gebruiken?",
        "  Gaat het om alleen postcodes, of om postcodes met huisnummer?",
        "  Via welk kanaal benader je hen?",
        "  Op welke grondslag verwerkt de bibliotheek de persoonsgegevens?",
    ]
    .map(at);
    assert!(asked.is_sorted(), "{asked:?} in\n{text}");
    for line in [
        "    A: Adressen selecteren van een (sub)segment (toepassing 3) | B: Werkgebied in kaart brengen (toepassing 1)",
        "    A: Postcode met huisnummer (een volledig adres) | B: (niet gevraagd)",
        "  A: Toegestaan, met acties | B: Geen actie nodig",
        "  Persoonsgegevens",
        "    A: Ja | B: Nee",
        "    - Verwerking opnemen in het verwerkingsregister",
        "    - Medewerkers informeren over Whize",
    ] {
        at(line);
    }
    assert!(!text.contains("Geen verschillen"));

    let out = s.run(&["compare", &a, &a]);
    out.assert_ok();
    assert!(
        out.stdout
            .ends_with("\nGeen verschillen in campagne, antwoorden, bevindingen of acties.\n"),
        "{}",
        out.stdout
    );
    let out = s.run(&["--lang", "en", "compare", &a, &b]);
    out.assert_ok();
    assert!(
        out.stdout
            .contains("\nAnswers\n  Through which channel will you approach them?\n    A: E-mail"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("\nFindings\n  the same\n"),
        "{}",
        out.stdout
    );
    s.run(&["compare", &a, "2099"])
        .assert_error(2, "geen verslag met id \"2099\" in store");
}

#[test]
fn new_warns_about_personal_data_in_the_campaign_but_saves() {
    let s = Scratch::new("new-guard");
    let description = "Vragen naar jan.jansen@example.nl sturen";
    let mut v: Value = serde_json::from_str(EXAMPLE).unwrap();
    v["campaign"]["description"] = json!(description);
    s.write("answers.json", serde_json::to_string_pretty(&v).unwrap());
    let out = s.run(&["new", "--answers", "answers.json"]);
    out.assert_ok();
    let warning = guard::warning(description, Lang::Nl).expect("the guard sees an e-mail address");
    assert_eq!(
        out.stderr,
        format!("avg-wijzer: answers.json: campaign.description: {warning}\n")
    );
    let id = out.stdout.trim();
    assert_eq!(out.stdout, format!("{id}\n"));
    let r = record::parse(&fs::read_to_string(s.record_path(id)).unwrap()).unwrap();
    assert_eq!(r.campaign.description, description);
    assert_eq!(r.status, Status::Completed);
    check_store_records(&s, &[]);
}

#[test]
fn new_refuses_bad_answers_and_saves_nothing() {
    let s = Scratch::new("new-bad");
    s.write("answers.json", example_with(json!({ "channel": ["fax"] })));
    let out = s.run(&["new", "--answers", "answers.json"]);
    assert_eq!(out.code, 2, "{out:?}");
    assert_eq!(out.stdout, "");
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    assert!(out.stderr.contains("answers.json") && out.stderr.contains("channel"));
    let files = if s.store().exists() {
        s.store_files()
    } else {
        BTreeMap::new()
    };
    assert!(files.is_empty(), "{:?}", files.keys());
}
