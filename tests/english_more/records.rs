//! The records' part: why a record file is unreadable (`show`, `list`, also from the list's
//! cache, `list --json`), and why an answer was dropped from a record's history.
use std::fs;

use serde_json::{Value, json};

use avg_wijzer::record::{self, Assessment, Campaign, Event, GivenAnswer, Malformed, Unreadable};
use avg_wijzer::text::Lang;

use crate::common::english::english;
use crate::common::records::answer_all;
use crate::common::{BANK, EXAMPLE, ROOT, Scratch};

// ---------------------------------------------------------------------------------------------
// 2 and 3. Why a record file is unreadable: show, list (fresh and from the cache), list --json

/// The bad record files of these tests: (file name, content, English, Dutch).
fn bad_records(good: &str) -> Vec<(String, String, &'static str, &'static str)> {
    let good: Value = serde_json::from_str(good).unwrap();
    let with = |change: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        change(&mut v);
        serde_json::to_string_pretty(&v).unwrap()
    };
    vec![
        (
            "20270101-000000-00000000a0.json".into(),
            with(&|v| v["format_version"] = json!(0)),
            "the content does not match the format: unknown format version 0",
            "de inhoud klopt niet met het formaat: onbekende formaatversie 0",
        ),
        (
            "20270101-000000-00000000a1.json".into(),
            with(&|v| v["id"] = json!("a b")),
            "the content does not match the format: id: \"a b\" is not a record id (only letters, digits, - and _, at most 64)",
            "de inhoud klopt niet met het formaat: id: \"a b\" is geen verslag-id (alleen letters, cijfers, - en _, hoogstens 64)",
        ),
        (
            "20270101-000000-00000000a2.json".into(),
            with(&|v| {
                v["answers"]["channel"]["value"] = json!([[[[[[[[["email"]]]]]]]]]);
            }),
            "the content does not match the format: answers.channel.value: nested deeper than 8 levels",
            "de inhoud klopt niet met het formaat: answers.channel.value: dieper genest dan 8 niveaus",
        ),
        (
            "20270101-000000-00000000a3.json".into(),
            "{\"format\": \"avg-wijzer-record\",".into(),
            "not valid JSON: line 1 column 31: the file ends before the JSON is complete (cut off?)",
            "geen geldige JSON: regel 1 kolom 31: het bestand houdt op voordat de JSON af is (afgekapt?)",
        ),
        (
            "20270101-000000-00000000a4.json".into(),
            "{\"format\": \"avg-wijzer-record\", \"format_version\": 2, \"x\": [1,]}".into(),
            "not valid JSON: line 1 column 62: invalid JSON: trailing comma",
            "geen geldige JSON: regel 1 kolom 62: ongeldige JSON: trailing comma",
        ),
        (
            "20270101-000000-00000000a5.json".into(),
            "{\"format\": \"avg-wijzer-record\", \"format_version\": 2, \"id\": 1, \"id\": 2}"
                .into(),
            "not valid JSON: line 1 column 66: the key \"id\" is given twice",
            "geen geldige JSON: regel 1 kolom 66: de sleutel \"id\" staat er twee keer in",
        ),
    ]
}

#[test]
fn show_and_list_say_why_a_record_is_unreadable_in_english() {
    let s = Scratch::new("more-unreadable");
    let good_id = s.new_record("answers.json", EXAMPLE);
    let good = fs::read_to_string(s.record_path(&good_id)).unwrap();
    let bad = bad_records(&good);
    for (name, content, _, _) in &bad {
        s.write(&format!("store/{name}"), content);
    }
    // Too large for a record: the store's own reason, not the record's.
    let huge = s.write("store/20270101-000000-00000000a9.json", "");
    fs::File::options()
        .write(true)
        .open(&huge)
        .unwrap()
        .set_len(17 << 20)
        .unwrap();
    let huge = (
        "20270101-000000-00000000a9.json",
        "too large (17 MiB); a record may be at most 16 MiB",
        "te groot (17 MiB); een verslag mag hoogstens 16 MiB zijn",
    );

    for (name, _, en, nl) in &bad {
        let id = name.trim_end_matches(".json");
        let out = s.run(&["--lang", "en", "show", id]);
        out.assert_error(2, &format!("store/{name}: {en}"));
        english(name, &out.stderr);
        s.run(&["show", id])
            .assert_error(2, &format!("store/{name}: {nl}"));
    }

    // Dutch first, so that the English is read from the cache the Dutch wrote; then English
    // first, from files read afresh, after the cache is gone.
    let tail = |lang: Lang| -> String {
        let mut lines: Vec<String> = bad
            .iter()
            .map(|(name, _, en, nl)| (name.as_str(), if lang == Lang::En { en } else { nl }))
            .chain([(huge.0, if lang == Lang::En { &huge.1 } else { &huge.2 })])
            .map(|(name, why)| match lang {
                Lang::En => format!("Unreadable: {name}: {why}\n"),
                Lang::Nl => format!("Onleesbaar: {name}: {why}\n"),
            })
            .collect();
        lines.sort();
        lines.concat()
    };
    for round in ["first", "cached", "afresh"] {
        if round == "afresh" {
            fs::remove_file(s.store().join(".index.jsonl")).unwrap();
        }
        let langs = match round {
            "afresh" => [Lang::En, Lang::Nl],
            _ => [Lang::Nl, Lang::En],
        };
        for lang in langs {
            let out = s.run(&["--lang", lang.code(), "list"]);
            out.assert_ok();
            assert!(
                out.stdout.ends_with(&tail(lang)),
                "{round}, {lang:?}: got\n{}\nwanted the tail\n{}",
                out.stdout,
                tail(lang)
            );
            if lang == Lang::En {
                english(round, &out.stdout);
            }
        }
    }

    for (lang, pick) in [(Lang::En, 2), (Lang::Nl, 3)] {
        let out = s.run(&["--lang", lang.code(), "list", "--json"]);
        out.assert_ok();
        let v: Value = serde_json::from_str(&out.stdout).unwrap();
        let reported: Vec<(String, String)> = v["unreadable"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| {
                (
                    u["file"].as_str().unwrap().to_string(),
                    u["reason"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let mut wanted: Vec<(String, String)> = bad
            .iter()
            .map(|b| (b.0.clone(), if pick == 2 { b.2 } else { b.3 }.to_string()))
            .chain([(
                huge.0.to_string(),
                if pick == 2 { huge.1 } else { huge.2 }.to_string(),
            )])
            .collect();
        wanted.sort();
        assert_eq!(reported, wanted, "{lang:?}");
    }
}

/// The typed reasons read as they did as text: `Malformed` from serde's words, and every
/// reason in English free of Dutch.
#[test]
fn every_unreadable_reason_has_its_english() {
    assert_eq!(
        Malformed::from("answers.channel: missing field `at`"),
        Malformed::Format("answers.channel: missing field `at`".into())
    );
    let reasons = [
        Unreadable::Empty,
        Unreadable::Foreign,
        Unreadable::Future(9),
        Unreadable::NoVersion,
        Unreadable::Invalid(Malformed::UnknownVersion(0)),
        Unreadable::Renamed { id: "x".into() },
        record::parse("{\"a\": [").unwrap_err(),
    ];
    for why in &reasons {
        let en = why.said(Lang::En);
        english(&format!("{why:?}"), &en);
        assert_ne!(en, why.said(Lang::Nl), "{why:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// 6. Why an answer was dropped, in a record's history

/// Whitespace (the line breaks of wrapped text) as single spaces.
fn spaced(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A completed record made in `lang` from the example answers.
fn made_in(lang: Lang, id: &str) -> record::Record {
    let now = "2027-01-01T10:00:00Z";
    let mut a = Assessment::start(&BANK, id.into(), Campaign::default(), vec![], lang, now);
    answer_all(&mut a, EXAMPLE, now);
    a.record
}

/// A completed record made in English whose bank has changed since (another hash) and that
/// answers a question the bank no longer asks.
fn record_with_a_removed_question(id: &str) -> record::Record {
    let mut r = made_in(Lang::En, id);
    r.answers.insert(
        "retired".into(),
        GivenAnswer {
            value: json!("yes"),
            at: "2027-01-01T10:00:00Z".into(),
        },
    );
    r.bank.sha256 = "0".repeat(64);
    r.seal();
    r
}

#[test]
fn a_dropped_answer_is_said_in_the_language_of_the_reader() {
    let r = record_with_a_removed_question("20270101-100000-00000000d0");
    let resumed = Assessment::resume(&BANK, r, "2027-01-02T10:00:00Z").record;
    let dropped = resumed
        .history
        .iter()
        .find_map(|e| match e {
            Event::BankChanged { dropped, .. } => Some(dropped.clone()),
            _ => None,
        })
        .expect("a bank change in the history");
    assert_eq!(dropped.len(), 1);
    // Kept as a code, not as a sentence in one language.
    assert_eq!(dropped[0].reason, "question_removed");

    let en = avg_wijzer::export::text(&resumed, Lang::En);
    assert!(
        spaced(&en).contains("to be answered again: retired (this question no longer exists)"),
        "{en}"
    );
    english("show --lang en", &en);
    let md = avg_wijzer::export::markdown(&resumed, Lang::En);
    assert!(
        spaced(&md).contains("retired (this question no longer exists)"),
        "{md}"
    );
    english("the Markdown export in English", &md);
    // The Dutch frame says it in Dutch, as before.
    let nl = avg_wijzer::export::text(&resumed, Lang::Nl);
    assert!(
        spaced(&nl).contains("opnieuw te beantwoorden: retired (deze vraag bestaat niet meer)"),
        "{nl}"
    );

    // A record saved before the code holds the Dutch sentence: it opens, verifies and shows
    // it as it is, in either language.
    let old = fs::read_to_string(format!(
        "{ROOT}/tests/records/v1/20261120-090000-00000000a1.json"
    ))
    .unwrap();
    let old = record::parse(&old).unwrap();
    for lang in [Lang::En, Lang::Nl] {
        let shown = avg_wijzer::export::text(&old, lang);
        assert!(
            spaced(&shown).contains("sticker_check (deze vraag bestaat niet meer)"),
            "{shown}"
        );
    }
}

/// An answer that no longer fits is kept as the sentence that says why, in the record's
/// language: a record made in English keeps it in English.
#[test]
fn an_answer_that_no_longer_fits_is_kept_in_the_records_language() {
    let mut r = made_in(Lang::Nl, "20270101-100000-00000000d1");
    r.answers.get_mut("channel").unwrap().value = json!(["fax"]);
    r.bank.sha256 = "0".repeat(64);
    for (lang, said) in [
        (Lang::En, "\"fax\" is not allowed; allowed: "),
        (Lang::Nl, "\"fax\" is niet toegestaan; toegestaan: "),
    ] {
        let mut r = r.clone();
        r.lang = lang;
        let resumed = Assessment::resume(&BANK, r, "2027-01-02T10:00:00Z").record;
        let Some(Event::BankChanged { dropped, .. }) = resumed.history.last() else {
            panic!("a bank change last: {:?}", resumed.history.last());
        };
        assert_eq!(dropped[0].question, "channel");
        assert!(dropped[0].reason.starts_with(said), "{}", dropped[0].reason);
        if lang == Lang::En {
            english("the reason in an English record", &dropped[0].reason);
        }
    }
}

/// End to end: the plain mode, continuing the record in English, says which answer is asked
/// again and why in English; `show` of the saved record too.
#[test]
fn the_plain_mode_says_a_dropped_answer_in_english() {
    let s = Scratch::new("more-dropped");
    let id = "20270101-100000-00000000d2";
    let mut r = record_with_a_removed_question(id);
    s.write(&format!("store/{id}.json"), r.to_json());
    let out = s.run_fed(&["--plain", "--lang", "en", "--resume", id], b"stop\n");
    assert!(
        out.stdout
            .contains("  - retired: this question no longer exists\n"),
        "{}",
        out.stdout
    );
    english("the plain mode's opening", &out.stdout);
    // The record as it is after the session, in English.
    let out = s.run(&["--lang", "en", "show", id]);
    out.assert_ok();
    english("show --lang en", &out.stdout);
}
