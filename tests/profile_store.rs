//! The library's profile as the store keeps it in `library.json`: the round trip, a hostile or
//! damaged file, a link or a directory in its place, a save over one saved elsewhere, many saves
//! at once, and the list of records leaving it out. The `library` command and a new
//! assessment's organisation are tested in `tests/profile_cli.rs`, the profile's form in the
//! interface in `tests/tui_profile.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;

use avg_wijzer::app::{self, ProfileError};
use avg_wijzer::profile::{Field, Profile};
use avg_wijzer::store::{LoadedProfile, PROFILE_FILE, Seen, Store, StoreError};
use avg_wijzer::text::Lang;
use serde_json::Value;

mod common;
use common::english::english;
use common::profile::full;
use common::{EXAMPLE, Scratch};

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
