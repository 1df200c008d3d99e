//! The library's profile: kept by the store in `library.json` (round trip, a hostile file, two
//! saves at once, the list leaving it out), set and shown by `library` in Dutch and English,
//! and the organisation of a new assessment. Its form in the interface is tested in
//! `tests/tui_profile.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;

use avg_wijzer::app::{self, ProfileError, Workflow};
use avg_wijzer::profile::{Field, Profile};
use avg_wijzer::record::Campaign;
use avg_wijzer::store::{LoadedProfile, PROFILE_FILE, Seen, Store, StoreError};
use avg_wijzer::text::Lang;
use serde_json::Value;

mod common;
use common::english::english;
use common::{BANK, EXAMPLE, Scratch, fixed_clock};

/// A profile with every item given; the security measures on two lines.
fn full() -> Profile {
    let mut p = Profile::default();
    for (field, value) in [
        (Field::Name, "Bibliotheek Rivierenland"),
        (Field::Address, "Markt 1, 4001 AA Tiel"),
        (Field::Kvk, "4012 3456"),
        (Field::FgName, "M. de Vries"),
        (Field::FgContact, "fg@bibliotheek-rivierenland.nl"),
        (Field::PrivacyContact, "Postbus 12, 4000 AA Tiel"),
        (
            Field::Security,
            "Versleutelde laptops\nTweestapsverificatie",
        ),
        (Field::Retention, "Deelnemerslijsten: 1 jaar"),
    ] {
        p.set(field, value).unwrap();
    }
    p
}

/// What the store refuses, in `lang`.
fn said(e: &anyhow::Error, lang: Lang) -> String {
    avg_wijzer::locale::store::said(e, lang)
}

// --- the store -------------------------------------------------------------------------------

#[test]
fn the_profile_round_trips_through_the_store() {
    let s = Scratch::new("profile-round-trip");
    let store = s.open_store();
    let empty = store.load_profile().unwrap();
    assert_eq!(
        empty,
        LoadedProfile {
            profile: Profile::default(),
            seen: Seen::NO_FILE
        },
        "no file yet is an empty profile"
    );
    assert!(!store.profile_path().exists(), "reading writes nothing");

    let seen = store.save_profile(&full(), &Seen::NO_FILE).unwrap();
    let back = store.load_profile().unwrap();
    assert_eq!(back.profile, full());
    assert_eq!(back.profile.get(Field::Kvk), Some("40123456"));
    assert_eq!(back.seen, seen);
    assert!(back.profile.is_complete());

    let v: Value =
        serde_json::from_str(&fs::read_to_string(store.profile_path()).unwrap()).unwrap();
    assert_eq!(v["format"], "avg-wijzer-library");
    assert_eq!(v["format_version"], 1);
    assert_eq!(
        v["security_measures"],
        "Versleutelde laptops\nTweestapsverificatie"
    );
    #[cfg(unix)]
    assert_eq!(common::mode(&store.profile_path()), 0o600);

    // A cleared item is missing again, written as null.
    let mut less = full();
    less.set(Field::FgName, "").unwrap();
    store.save_profile(&less, &seen).unwrap();
    let v: Value =
        serde_json::from_str(&fs::read_to_string(store.profile_path()).unwrap()).unwrap();
    assert_eq!(v["fg_name"], Value::Null);
    assert_eq!(
        store.load_profile().unwrap().profile.missing(),
        [Field::FgName]
    );
}

/// Every way a file can be wrong is refused with a typed error that names the file, in either
/// language, and the profile is not read past it.
#[test]
fn a_hostile_profile_file_is_refused_naming_the_file() {
    let s = Scratch::new("profile-hostile");
    let store = s.open_store();
    let path = store.profile_path().display().to_string();
    let head = r#"{"format": "avg-wijzer-library", "format_version": 1"#;
    let cases: Vec<(Vec<u8>, String, &str)> = vec![
        (
            vec![b' '; 2 << 20],
            "te groot (2 MiB); een bibliotheekprofiel mag hoogstens 1 MiB zijn".into(),
            "too large (2 MiB); a library profile may be at most 1 MiB",
        ),
        (b"".to_vec(), "het bestand is leeg".into(), "the file is empty"),
        (
            b"{\"format\": \"avg-wijzer-library\",".to_vec(),
            "regel 1 kolom 32: het bestand houdt op voordat de JSON af is (afgekapt?)".into(),
            "line 1 column 32: the file ends before the JSON is complete (cut off?)",
        ),
        (
            b"\x00\x01garbage".to_vec(),
            "regel 1 kolom 1: ongeldige JSON: expected value".into(),
            "line 1 column 1: invalid JSON: expected value",
        ),
        (
            b"{\"format\": \"avg-wijzer-record\", \"format_version\": 2}".to_vec(),
            "geen bibliotheekprofiel van AVG-wijzer (\"format\" is niet \"avg-wijzer-library\")"
                .into(),
            "not an AVG-wijzer library profile",
        ),
        (
            b"{\"format\": \"avg-wijzer-library\", \"format_version\": 7}".to_vec(),
            "gemaakt met formaatversie 7, nieuwer dan deze versie van AVG-wijzer kan lezen (1); werk AVG-wijzer bij".into(),
            "made with format version 7",
        ),
        (
            format!("{head}, \"website\": \"x\"}}").into_bytes(),
            "de inhoud klopt niet met het formaat: website: unknown field `website`, expected one of"
                .into(),
            "the content does not match the format: website: unknown field `website`",
        ),
        (
            format!("{head}, \"kvk_number\": \"12\"}}").into_bytes(),
            "\"kvk_number\" (KvK-nummer): \"12\" is geen KvK-nummer: dat zijn 8 cijfers, zoals 12345678".into(),
            "\"kvk_number\" (KvK number (trade register)): \"12\" is not a KvK number",
        ),
        (
            format!("{head}, \"fg_name\": \"x\\u001b[31m\"}}").into_bytes(),
            "\"fg_name\" (Naam van de FG): bevat een stuurteken (U+001B); alleen gewone tekst kan erin".into(),
            "holds a control character (U+001B)",
        ),
        (
            format!("{head}, \"organisation_address\": \"a\\nb\"}}").into_bytes(),
            "\"organisation_address\" (Adres van de organisatie): mag maar één regel zijn".into(),
            "must be a single line",
        ),
        (
            format!("{head}, \"fg_name\": \"a\", \"fg_name\": \"b\"}}").into_bytes(),
            "regel 1 kolom 79: de sleutel \"fg_name\" staat er twee keer in".into(),
            "the key \"fg_name\" is given twice",
        ),
        (
            b"{\"format\": \"avg-wijzer-library\", \"format_version\": 1, \"fg_name\": \"\xff\"}"
                .to_vec(),
            "geen geldige UTF-8 (bij byte 67)".into(),
            "not valid UTF-8 (at byte 67)",
        ),
    ];
    for (bytes, nl, en) in cases {
        fs::write(store.profile_path(), &bytes).unwrap();
        let e = store.load_profile().unwrap_err();
        assert!(e.downcast_ref::<StoreError>().is_some(), "typed: {e:#}");
        let dutch = said(&e, Lang::Nl);
        assert!(
            dutch.starts_with(&format!("{path}: {nl}")),
            "{dutch}\nshould start with\n{path}: {nl}"
        );
        assert_eq!(e.to_string(), dutch, "Display is the Dutch");
        let english_said = said(&e, Lang::En);
        assert!(
            english_said.starts_with(&format!("{path}: ")) && english_said.contains(en),
            "{english_said}\nshould hold\n{en}"
        );
        english("a refused profile file", &english_said);
        // The file that cannot be read is never overwritten by a save.
        assert!(store.save_profile(&full(), &Seen::NO_FILE).is_err());
        assert_eq!(fs::read(store.profile_path()).unwrap(), bytes);
    }
}

/// Random damage to a good file never panics: it reads as a profile whose every value passes
/// the checks, or is refused with the file's name.
#[test]
fn damaged_files_never_panic() {
    let s = Scratch::new("profile-damaged");
    let store = s.open_store();
    let good = full().to_json().into_bytes();
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..400 {
        let mut bytes = good.clone();
        for _ in 0..1 + next() % 4 {
            let at = (next() as usize) % bytes.len();
            match next() % 3 {
                0 => bytes[at] = next() as u8,
                1 => {
                    bytes.remove(at);
                }
                _ => bytes.insert(at, next() as u8),
            }
        }
        fs::write(store.profile_path(), &bytes).unwrap();
        match store.load_profile() {
            Ok(loaded) => {
                for (field, value) in loaded.profile.items() {
                    if let Some(v) = value {
                        assert_eq!(field.check(v), Ok(Some(v.to_string())), "{field:?}");
                    }
                }
            }
            Err(e) => {
                let shown = store.profile_path().display().to_string();
                assert!(said(&e, Lang::En).starts_with(&shown), "{e:#}");
            }
        }
    }
}

#[cfg(unix)]
#[test]
fn a_link_or_a_directory_is_not_a_profile() {
    let s = Scratch::new("profile-link");
    let store = s.open_store();
    let elsewhere = s.write("elsewhere.json", full().to_json());
    std::os::unix::fs::symlink(&elsewhere, store.profile_path()).unwrap();
    let e = store.load_profile().unwrap_err();
    assert_eq!(
        said(&e, Lang::Nl),
        format!(
            "{}: is geen gewoon bestand; verwijder het",
            store.profile_path().display()
        )
    );
    // Nor is a save written through the link.
    assert!(
        store
            .save_profile(&Profile::default(), &Seen::NO_FILE)
            .is_err()
    );
    assert_eq!(fs::read_to_string(&elsewhere).unwrap(), full().to_json());
    fs::remove_file(store.profile_path()).unwrap();
    fs::create_dir(store.profile_path()).unwrap();
    assert!(
        said(&store.load_profile().unwrap_err(), Lang::En)
            .ends_with("is not a plain file; remove it")
    );
}

/// A save made from a profile that another save replaced meanwhile is refused, and nothing of
/// it is written.
#[test]
fn a_save_over_a_profile_saved_elsewhere_is_refused() {
    let s = Scratch::new("profile-elsewhere");
    let store = s.open_store();
    let first = store.load_profile().unwrap();
    let second = store.load_profile().unwrap();
    let mut mine = Profile::default();
    mine.set(Field::Name, "Eerste venster").unwrap();
    let saved = app::save_profile(&store, &first, mine.clone()).unwrap();
    assert_eq!(saved.changed, [Field::Name]);
    let mut theirs = Profile::default();
    theirs.set(Field::Kvk, "12345678").unwrap();
    let e = app::save_profile(&store, &second, theirs).unwrap_err();
    let ProfileError::SavedElsewhere(elsewhere) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(elsewhere.file, store.profile_path().display().to_string());
    assert!(
        e.said(Lang::Nl).ends_with(
            "het bibliotheekprofiel is intussen door een ander venster of proces opgeslagen; deze wijziging is niet bewaard, om die andere niet te overschrijven. Lees het profiel opnieuw in en breng je wijziging dan opnieuw aan"
        ),
        "{e}"
    );
    english("saved elsewhere", &e.said(Lang::En));
    assert_eq!(store.load_profile().unwrap().profile, mine);
    // A profile read again takes the change.
    let again = store.load_profile().unwrap();
    let mut both = again.profile.clone();
    both.set(Field::Kvk, "12345678").unwrap();
    app::save_profile(&store, &again, both).unwrap();
    assert_eq!(store.load_profile().unwrap().profile.missing().len(), 6);
}

/// Many processes' worth of saves at once, each setting its own item and trying again when
/// its save was refused: every item ends up set, so no save was lost silently.
#[test]
fn saves_at_once_lose_nothing() {
    let s = Scratch::new("profile-at-once");
    s.open_store();
    let dir = s.store();
    let threads: Vec<_> = Field::ALL
        .into_iter()
        .map(|field| {
            let dir = dir.clone();
            std::thread::spawn(move || {
                let store = Store::open(&dir).unwrap();
                let value = if field == Field::Kvk {
                    "87654321"
                } else {
                    "gezet"
                };
                let mut refused = 0;
                loop {
                    match app::set_profile(&store, &[(field, value)]) {
                        Ok(saved) => return (saved.changed, refused),
                        Err(ProfileError::SavedElsewhere(_)) => refused += 1,
                        Err(e) => panic!("{field:?}: {e}"),
                    }
                }
            })
        })
        .collect();
    for (t, field) in threads.into_iter().zip(Field::ALL) {
        let (changed, _) = t.join().unwrap();
        assert_eq!(changed, [field]);
    }
    let p = Store::open(&dir).unwrap().load_profile().unwrap().profile;
    assert!(p.is_complete(), "lost: {:?}", p.missing());
}

/// The list (and its cache) leaves the profile out, readable or not; no id names it.
#[test]
fn the_list_ignores_the_profile_file() {
    let s = Scratch::new("profile-list");
    let id = s.new_record("answers.json", EXAMPLE);
    for content in [full().to_json(), "kapot".to_string()] {
        fs::write(s.store().join(PROFILE_FILE), &content).unwrap();
        let listing = s.open_store().list().unwrap();
        assert_eq!(listing.records.len(), 1);
        assert_eq!(listing.records[0].id, id);
        assert!(listing.unreadable.is_empty(), "{:?}", listing.unreadable);
        let out = s.run(&["list"]);
        out.assert_ok();
        assert!(!out.stdout.contains("library"), "{}", out.stdout);
        assert!(!out.stdout.contains("Onleesbaar"), "{}", out.stdout);
        let json: Value = serde_json::from_str(&s.run(&["list", "--json"]).stdout).unwrap();
        assert_eq!(json["unreadable"], serde_json::json!([]));
        assert_eq!(json["records"].as_array().unwrap().len(), 1);
        let cache = fs::read_to_string(s.store().join(".index.jsonl")).unwrap();
        assert!(!cache.contains(PROFILE_FILE), "{cache}");
        s.run(&["show", "library"]).assert_error(
            2,
            &format!("geen verslag met id \"library\" in {}", "store"),
        );
    }
}

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
