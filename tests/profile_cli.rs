//! The library's profile on the command line and in a new assessment: set, cleared and shown by
//! `library` in Dutch and English and as JSON, invalid input refused with one message, and the
//! organisation a new assessment takes from the profile. How the store keeps the profile is
//! tested in `tests/profile_store.rs`, its form in the interface in `tests/tui_profile.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;

use avg_wijzer::app::{self, Workflow};
use avg_wijzer::profile::Field;
use avg_wijzer::record::Campaign;
use avg_wijzer::store::PROFILE_FILE;
use avg_wijzer::text::Lang;
use serde_json::Value;

mod common;
use common::english::english;
use common::profile::full;
use common::{BANK, EXAMPLE, Scratch, fixed_clock};

// --- the command line ------------------------------------------------------------------------

/// What `library` shows of the profile `full()` with the FG's name cleared.
const SHOWN: &str = "\
Bibliotheekprofiel (store/library.json)

Naam van de organisatie:            Bibliotheek Rivierenland
Adres van de organisatie:           Markt 1, 4001 AA Tiel
KvK-nummer:                         40123456
Naam van de FG:                     ontbreekt
Contactgegevens van de FG:          fg@bibliotheek-rivierenland.nl
Contactadres voor privacyvragen:    Postbus 12, 4000 AA Tiel
Standaard beveiligingsmaatregelen:  Versleutelde laptops
                                    Tweestapsverificatie
Standaard bewaartermijnen:          Deelnemerslijsten: 1 jaar

1 van de 8 gegevens ontbreekt; vul het aan met avg-wijzer library (zie --help).
";

/// The options that set every item of `full()`.
fn set_all() -> Vec<&'static str> {
    vec![
        "library",
        "--name",
        "Bibliotheek Rivierenland",
        "--address",
        "Markt 1, 4001 AA Tiel",
        "--kvk",
        "4012 3456",
        "--fg-name",
        "M. de Vries",
        "--fg-contact",
        "fg@bibliotheek-rivierenland.nl",
        "--privacy-contact",
        "Postbus 12, 4000 AA Tiel",
        "--security",
        "Versleutelde laptops\nTweestapsverificatie",
        "--retention",
        "Deelnemerslijsten: 1 jaar",
    ]
}

#[test]
fn library_shows_sets_and_clears_in_dutch() {
    let s = Scratch::new("profile-cli");
    let out = s.run(&["library"]);
    out.assert_ok();
    assert!(out.stdout.starts_with("Bibliotheekprofiel (store/library.json)\n\nNaam van de organisatie:            ontbreekt\n"), "{}", out.stdout);
    assert!(
        out.stdout.ends_with(
            "\n8 van de 8 gegevens ontbreken; vul ze aan met avg-wijzer library (zie --help).\n"
        ),
        "{}",
        out.stdout
    );
    assert!(
        !s.store().join(PROFILE_FILE).exists(),
        "showing writes nothing"
    );

    let out = s.run(&set_all());
    out.assert_ok();
    assert!(
        out.stdout.starts_with("Bewaard: Naam van de organisatie, Adres van de organisatie, KvK-nummer, Naam van de FG, Contactgegevens van de FG, Contactadres voor privacyvragen, Standaard beveiligingsmaatregelen, Standaard bewaartermijnen.\n\nBibliotheekprofiel"),
        "{}",
        out.stdout
    );
    assert_eq!(s.open_store().load_profile().unwrap().profile, full());

    let out = s.run(&["library", "--fg-name", ""]);
    out.assert_ok();
    assert_eq!(out.stdout, format!("Bewaard: Naam van de FG.\n\n{SHOWN}"));
    let out = s.run(&["library"]);
    assert_eq!(out.stdout, SHOWN);
    // The same again changes nothing, and writes nothing.
    let before = fs::metadata(s.store().join(PROFILE_FILE))
        .unwrap()
        .modified()
        .unwrap();
    let out = s.run(&["library", "--kvk", "40123456"]);
    assert_eq!(
        out.stdout,
        format!("Niets gewijzigd; het profiel was al zo.\n\n{SHOWN}")
    );
    let after = fs::metadata(s.store().join(PROFILE_FILE))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(before, after);
}

#[test]
fn library_speaks_english() {
    let s = Scratch::new("profile-cli-en");
    let out = s.run(&["--lang", "en", "library"]);
    out.assert_ok();
    english("library, empty", &out.stdout);
    assert!(
        out.stdout.contains("Name of the organisation:"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.ends_with(
        "8 of the 8 items are missing; fill them in with avg-wijzer library (see --help).\n"
    ));
    let mut args = vec!["--lang", "en"];
    args.extend(set_all());
    let out = s.run(&args);
    out.assert_ok();
    assert!(
        out.stdout.starts_with("Saved: Name of the organisation, "),
        "{}",
        out.stdout
    );
    // The values are the library's own words; the frame around them is English.
    let frame: String = out
        .stdout
        .lines()
        .map(|l| l.split_once(':').map_or(l, |(label, _)| label))
        .collect::<Vec<_>>()
        .join("\n");
    english("library, set", &frame);
    let out = s.run(&["--lang", "en", "library", "--kvk", "12"]);
    out.assert_error(
        2,
        "KvK number (trade register): \"12\" is not a KvK number: that is 8 digits, such as 12345678",
    );
    english("library, refused", &out.stderr);
    fs::write(s.store().join(PROFILE_FILE), "{").unwrap();
    let out = s.run(&["--lang", "en", "library"]);
    out.assert_error(
        2,
        "store/library.json: line 1 column 1: the file ends before the JSON is complete (cut off?)",
    );
    english("library, unreadable", &out.stderr);
}

#[test]
fn library_json_is_for_scripts() {
    let s = Scratch::new("profile-json");
    let out = s.run(&[
        "library",
        "--json",
        "--name",
        "Bibliotheek Rivierenland",
        "--kvk",
        "12345678",
    ]);
    out.assert_ok();
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["file"], "store/library.json");
    assert_eq!(
        v["profile"]["organisation_name"],
        "Bibliotheek Rivierenland"
    );
    assert_eq!(v["profile"]["kvk_number"], "12345678");
    assert_eq!(v["profile"]["fg_name"], Value::Null);
    assert_eq!(
        v["changed"],
        serde_json::json!(["organisation_name", "kvk_number"])
    );
    assert_eq!(v["missing"].as_array().unwrap().len(), 6);
    let v: Value = serde_json::from_str(&s.run(&["library", "--json"]).stdout).unwrap();
    assert!(v.get("changed").is_none());
    let keys: Vec<&str> = v["profile"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, Field::ALL.map(Field::key));
}

/// Input the profile does not take gets one message, and nothing of the command is saved.
#[test]
fn invalid_input_gets_one_clear_message_and_saves_nothing() {
    let s = Scratch::new("profile-invalid");
    let long = "x".repeat(301);
    let cases: [(&[&str], &str); 6] = [
        (
            &["--kvk", "1234567"],
            "KvK-nummer: \"1234567\" is geen KvK-nummer: dat zijn 8 cijfers, zoals 12345678",
        ),
        (
            &["--kvk", "1234 5678 9"],
            "KvK-nummer: \"1234 5678 9\" is geen KvK-nummer: dat zijn 8 cijfers, zoals 12345678",
        ),
        (
            &["--name", &long],
            "Naam van de organisatie: te lang: 301 tekens, hoogstens 300",
        ),
        (
            &["--fg-name", "M.\u{1b}[2J de Vries"],
            "Naam van de FG: bevat een stuurteken (U+001B); alleen gewone tekst kan erin",
        ),
        (
            &["--address", "Markt 1\n4001 AA Tiel"],
            "Adres van de organisatie: mag maar één regel zijn",
        ),
        (
            &["--privacy-contact", "privacy@bieb.nl\u{202e}"],
            "Contactadres voor privacyvragen: bevat een stuurteken (U+202E); alleen gewone tekst kan erin",
        ),
    ];
    for (options, message) in cases {
        // A good value beside the refused one is not saved either.
        let mut args = vec!["library", "--retention", "1 jaar"];
        args.extend_from_slice(options);
        s.run(&args).assert_error(2, message);
        assert!(!s.store().join(PROFILE_FILE).exists(), "{options:?}");
    }
    let long_text = "x".repeat(10_001);
    s.run(&["library", "--security", &long_text]).assert_error(
        2,
        "Standaard beveiligingsmaatregelen: te lang: 10001 tekens, hoogstens 10000",
    );
}

// --- the workflow ----------------------------------------------------------------------------

#[test]
fn a_new_assessment_takes_the_organisation_from_the_profile() {
    let s = Scratch::new("profile-organisation");
    let campaign = |organisation: &str| Campaign {
        name: "Voorjaarsactie".into(),
        description: String::new(),
        organisation: organisation.into(),
    };
    let started = |organisation: &str| {
        let wf = Workflow::new(&BANK, Some(s.open_store()), false).with_clock(fixed_clock);
        let (work, _) = wf.start(campaign(organisation), vec![], Lang::Nl);
        work.record().campaign.organisation.clone()
    };
    assert_eq!(started(""), "", "no profile: nothing is made up");
    app::set_profile(
        &s.open_store(),
        &[(Field::Name, "Bibliotheek Rivierenland")],
    )
    .unwrap();
    assert_eq!(started(""), "Bibliotheek Rivierenland");
    assert_eq!(started("  "), "Bibliotheek Rivierenland");
    assert_eq!(
        started("Stichting Lezen"),
        "Stichting Lezen",
        "the campaign's own is kept"
    );
    // The command line's new record too, from an answers file without an organisation.
    let id = s.new_record("answers.json", EXAMPLE);
    let record: Value =
        serde_json::from_str(&fs::read_to_string(s.record_path(&id)).unwrap()).unwrap();
    assert_eq!(
        record["campaign"]["organisation"],
        "Bibliotheek Rivierenland"
    );
    // A profile that cannot be read fills in nothing, and starting still works.
    fs::write(s.store().join(PROFILE_FILE), "kapot").unwrap();
    assert_eq!(started(""), "");
}
