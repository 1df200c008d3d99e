//! Fuzzing every parser and the interface, with proptest: an answers file, a record, a question
//! bank and keys, text and clicks in the interface may all come from someone else. Inputs are
//! raw bytes, token soup, and mutations of the valid seeds (`examples/`, the golden answers in
//! `tests/golden/`, `tests/records/`, `questions/`); see `fuzz/mutate.rs`.
//!
//! Each target asserts that nothing panics, that no case takes longer than [`SLOW`] (twice,
//! so a busy machine does not fail it), that nothing hangs (a watchdog ends the run), and the
//! properties named in it. `AVG_WIJZER_FUZZ_CASES` sets the number of cases per target; the
//! default keeps `cargo test --test fuzz` short. A long run:
//!
//! ```sh
//! AVG_WIJZER_FUZZ_CASES=20000 cargo test --release --test fuzz
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
mod common;
#[path = "fuzz/mutate.rs"]
mod mutate;
#[path = "fuzz/tui.rs"]
mod tui;

use std::fmt::Debug;
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, LazyLock, Mutex};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestError, TestRunner};

use avg_wijzer::advice::Advice;
use avg_wijzer::answers;
use avg_wijzer::bank::{self, Bank};
use avg_wijzer::export;
use avg_wijzer::json;
use avg_wijzer::record::{self, Assessment};
use avg_wijzer::store::Summary;
use avg_wijzer::text::Lang;

use common::{BANK, NOW, ROOT, temp_dir};
use mutate::{Input, Seeds};

/// A case slower than this (in a debug build) is a failure: every parser should answer in
/// milliseconds.
pub const SLOW: Duration = Duration::from_secs(2);

/// A case still running after this is a hang: the run is ended with the input.
const HANG: Duration = Duration::from_secs(60);

/// Cases per target without `AVG_WIJZER_FUZZ_CASES`: enough to catch a regression, few
/// enough for the whole file to run in well under a minute in a debug build.
const DEFAULT_CASES: u32 = 150;

fn cases() -> u32 {
    std::env::var("AVG_WIJZER_FUZZ_CASES")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(DEFAULT_CASES)
}

/// The `.json` files of a directory of the repository, sorted.
pub fn json_files(dir: &str) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(Path::new(ROOT).join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// The case running now: since when, and its input (to show if it hangs).
type Running = (Instant, Box<dyn Debug + Send>);

/// Runs `test` on `cases()` inputs from `strategy`, timing each, with a watchdog for hangs;
/// prints how many cases ran and how many of them the parser accepted (`test` says so), which
/// shows whether the inputs get past it. A panic, an error or a slow case fails, with the
/// smallest input proptest finds.
pub fn fuzz<S>(target: &'static str, strategy: S, test: impl Fn(&S::Value) -> Result<bool, String>)
where
    S: Strategy,
    S::Value: Clone + Debug + Send + 'static,
{
    let runs = AtomicU32::new(0);
    let accepted = AtomicU32::new(0);
    let slowest = Mutex::new(Duration::ZERO);
    let current: Arc<Mutex<Option<Running>>> = Arc::default();
    let watchdog = {
        let current = Arc::clone(&current);
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(Duration::from_millis(500));
                // The run is over (a case that panicked leaves its input behind).
                if Arc::strong_count(&current) == 1 {
                    return;
                }
                let Ok(guard) = current.lock() else { return };
                if let Some((started, input)) = &*guard
                    && started.elapsed() > HANG
                {
                    eprintln!("fuzz {target}: HANG (> {HANG:?}) on {input:?}");
                    std::process::exit(101);
                }
            }
        })
    };
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        // A failure is reported within minutes, even with slow cases to shrink.
        max_shrink_time: 120_000,
        ..Config::default()
    });
    let started = Instant::now();
    let result = runner.run(&strategy, |input| {
        let timed = |input: &S::Value| -> Result<Duration, TestCaseError> {
            *current.lock().unwrap() = Some((Instant::now(), Box::new(input.clone())));
            let t = Instant::now();
            let outcome = test(input);
            let took = t.elapsed();
            *current.lock().unwrap() = None;
            runs.fetch_add(1, Ordering::Relaxed);
            if outcome == Ok(true) {
                accepted.fetch_add(1, Ordering::Relaxed);
            }
            outcome.map(|_| took).map_err(TestCaseError::fail)
        };
        let mut took = timed(&input)?;
        if took > SLOW {
            // Once more: a busy machine may have slowed it, a slow input is slow again.
            took = took.min(timed(&input)?);
        }
        let mut s = slowest.lock().unwrap();
        *s = (*s).max(took);
        if took > SLOW {
            return Err(TestCaseError::fail(format!(
                "slow: {took:?} (more than {SLOW:?}) twice"
            )));
        }
        Ok(())
    });
    drop(current);
    let _ = watchdog.join();
    // Straight to the standard error, past the test harness's capture, so the count shows.
    let _ = writeln!(
        std::io::stderr(),
        "fuzz {target}: {} cases ({} accepted) in {:.1} s, slowest {:?}",
        runs.load(Ordering::Relaxed),
        accepted.load(Ordering::Relaxed),
        started.elapsed().as_secs_f64(),
        slowest.lock().unwrap()
    );
    match result {
        Ok(()) => {}
        Err(TestError::Fail(why, input)) => panic!("fuzz {target}: {why}\ninput: {input:?}"),
        Err(TestError::Abort(why)) => panic!("fuzz {target}: aborted: {why}"),
    }
}

/// A message that reaches a terminal must stay one line and carry no control characters
/// (an escape sequence from a file could steer the terminal).
pub fn one_clean_line(what: &str, message: &str) -> Result<(), String> {
    match message.chars().find(|c| c.is_control()) {
        Some(c) => Err(format!("{what}: control character {c:?} in {message:?}")),
        None => Ok(()),
    }
}

/// Text from bytes as the program would get it; text that is not UTF-8 is refused by the
/// store, but its lossy form still makes a good input for what comes after.
fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

// ---------------------------------------------------------------------------------------------
// Answers files

static ANSWER_SEEDS: LazyLock<Seeds> = LazyLock::new(|| {
    let mut texts: Vec<Vec<u8>> = json_files("examples").into_iter().map(|f| f.1).collect();
    // The golden cases each hold an answers object: as answers files, they walk every path.
    for (_, bytes) in json_files("tests/golden") {
        if let Ok(v) = serde_json::from_slice::<serde_json::Value>(&bytes) {
            let file = serde_json::json!({ "answers": v["answers"] });
            texts.push(serde_json::to_vec_pretty(&file).unwrap());
        }
    }
    Seeds::new(texts)
});

/// What `advise` and `new` do with an answers file: assess, then the advice in every format,
/// the personal-data guard on the campaign, and a record that reads back.
fn answers_case(bytes: &[u8]) -> Result<bool, String> {
    let bank = &*BANK;
    let parsed = match answers::assess(bank, "fuzz.json", &text(bytes)).map_err(|e| e.to_string()) {
        Ok(p) => p,
        Err(e) if e.starts_with("fuzz.json: ") => {
            return one_clean_line("answers error", &e).map(|()| false);
        }
        Err(e) => return Err(format!("error does not name the file: {e:?}")),
    };
    for lang in [Lang::Nl, Lang::En] {
        let c = &parsed.campaign;
        let name = Some(c.name.as_str()).filter(|n| !n.is_empty());
        let advice = Advice::new(bank, &parsed.session, &parsed.outcome, name, lang);
        let _ = (advice.to_text(), advice.to_markdown(), advice.to_json());
        for t in [&c.name, &c.description, &c.organisation] {
            let _ = avg_wijzer::guard::warning(t, lang);
        }
    }
    let (campaign, participants) = (parsed.campaign, parsed.participants);
    let id = "20261123-101500-00000000ff".to_string();
    let mut a = Assessment::start(bank, id, campaign, participants, Lang::Nl, NOW);
    if a.answer_all(&parsed.session, NOW).is_ok() {
        let json = a.record.to_json();
        record::parse(&json).map_err(|e| format!("a record made from it does not read: {e}"))?;
    }
    Ok(true)
}

#[test]
fn fuzz_answers_files() {
    fuzz("answers", mutate::input(), |input: &Input| {
        answers_case(&ANSWER_SEEDS.bytes(input, None))
    });
}

// ---------------------------------------------------------------------------------------------
// Records

static RECORD_SEEDS: LazyLock<Seeds> = LazyLock::new(|| {
    Seeds::new(
        ["tests/records/v1", "tests/records/v2", "tests/records/v3"]
            .into_iter()
            .flat_map(json_files)
            .map(|f| f.1)
            .collect(),
    )
});

/// What `list`, `show`, `export`, `verify`, `compare` and resuming in the interface do with a
/// record file.
pub fn record_case(bytes: &[u8]) -> Result<bool, String> {
    let src = text(bytes);
    // verify: the integrity check on any JSON, then the format.
    if let Ok(v) = json::parse_strict(&src) {
        let _ = record::verify_value(&v);
        let _ = record::verify_plan(&v);
        let _ = record::from_value(v);
    }
    // Duplicate keys allowed: what a lenient reader would hand over.
    if let Ok(v) = serde_json::from_slice::<serde_json::Value>(bytes) {
        let _ = record::verify_value(&v);
        let _ = record::from_value(v);
    }
    let r = match record::parse(&src) {
        Ok(r) => r,
        Err(e) => return one_clean_line("record error", &e.to_string()).map(|()| false),
    };
    let _ = Summary::of(&r, "fuzz.json");
    let _ = r.plan_view().progress("2026-11-23");
    for lang in [Lang::Nl, Lang::En] {
        for format in export::Format::ALL {
            let _ = export::render(&r, format, lang, Some(bytes.to_vec()));
        }
        let _ = export::text(&r, lang);
    }
    if let Some(other) = RECORD_SEEDS.texts.first() {
        let other = record::parse(&text(other)).map_err(|e| e.to_string())?;
        for bank in [None, Some(&*BANK)] {
            let c = avg_wijzer::compare::Comparison::new(&r, &other, bank, Lang::Nl);
            for format in avg_wijzer::compare::Format::ALL {
                let _ = avg_wijzer::compare::render(&c, format, Lang::En);
            }
            let c = avg_wijzer::compare::Comparison::new(&other, &r, bank, Lang::En);
            let _ = avg_wijzer::compare::describe(&c, Lang::Nl);
        }
    }
    let mut a = Assessment::resume(&BANK, r, NOW);
    if a.record.is_frozen() {
        a = a.revise("20261123-101500-00000000fe".into(), NOW, None);
    }
    let _ = a.session.walk(&BANK);
    let json = a.record.to_json();
    record::parse(&json).map_err(|e| format!("a reopened record does not read back: {e}"))?;
    Ok(true)
}

#[test]
fn fuzz_records() {
    fuzz("record", mutate::input(), |input: &Input| {
        record_case(&RECORD_SEEDS.bytes(input, None))
    });
}

// ---------------------------------------------------------------------------------------------
// Question banks

static BANK_SEEDS: LazyLock<Seeds> = LazyLock::new(|| {
    Seeds::new(
        bank::EMBEDDED
            .iter()
            .map(|(_, c)| c.as_bytes().to_vec())
            .collect(),
    )
});

/// What happens to one file of the embedded bank.
#[derive(Debug, Clone)]
enum BankEdit {
    /// The file (by number) replaced by the input (a mutated seed is that same file).
    Replace(usize),
    Remove(usize),
    /// The input as a file of its own.
    Add,
}

fn bank_case(edit: &BankEdit, input: &Input) -> Result<bool, String> {
    let mut files: Vec<(String, Vec<u8>)> = bank::EMBEDDED
        .iter()
        .map(|(n, c)| (n.to_string(), c.as_bytes().to_vec()))
        .collect();
    match *edit {
        BankEdit::Replace(i) => {
            let i = i % files.len();
            files[i].1 = BANK_SEEDS.bytes(input, Some(i));
        }
        BankEdit::Remove(i) => {
            files.remove(i % files.len());
        }
        BankEdit::Add => files.push(("extra.json".into(), BANK_SEEDS.bytes(input, None))),
    }
    match Bank::from_bytes(&files, "fuzz") {
        Ok(bank) => {
            // A bank that loads gives advice on the example like any other.
            let example = &ANSWER_SEEDS.texts[0];
            if let Ok(p) = answers::assess(&bank, "voorbeeld.json", &text(example)) {
                let advice = Advice::new(&bank, &p.session, &p.outcome, None, Lang::Nl);
                let _ = (advice.to_text(), advice.to_markdown(), advice.to_json());
            }
            Ok(true)
        }
        Err(e) if e.defects.is_empty() => Err("refused without a defect".into()),
        Err(e) => e
            .defects
            .iter()
            .try_for_each(|d| {
                [Lang::Nl, Lang::En]
                    .iter()
                    .try_for_each(|&lang| one_clean_line("bank defect", &d.said(lang)))
            })
            .map(|()| false),
    }
}

#[test]
fn fuzz_banks() {
    let edit = prop_oneof![
        8 => any::<usize>().prop_map(BankEdit::Replace),
        1 => any::<usize>().prop_map(BankEdit::Remove),
        1 => Just(BankEdit::Add),
    ];
    fuzz("bank", (edit, mutate::input()), |(edit, input)| {
        bank_case(edit, input)
    });
}

// ---------------------------------------------------------------------------------------------
// The interface

#[test]
fn fuzz_interface() {
    let base = tui::base();
    fuzz("tui", tui::case(), |case| tui::run(base.path(), case));
    let reached = tui::REACHED
        .lock()
        .map(|r| format!("{r:?}"))
        .unwrap_or_default();
    let _ = writeln!(
        std::io::stderr(),
        "fuzz tui: cases reaching each place: {reached}"
    );
}

// ---------------------------------------------------------------------------------------------
// What the fuzzing found, kept as tests

/// A record's id names its file: a record from elsewhere with the id `../ontsnapt` was saved
/// outside the store when opened and saved. Such a record is now unreadable.
#[test]
fn a_record_whose_id_is_a_path_is_unreadable() {
    let tmp = temp_dir("fuzz-id");
    let dir = tmp.path();
    let store_dir = dir.join("store");
    std::fs::create_dir_all(&store_dir).unwrap();
    let (name, bytes) = &json_files("tests/records/v1")[0];
    let id = name.trim_end_matches(".json");
    let hostile = text(bytes).replace(&format!("\"id\": \"{id}\""), "\"id\": \"../ontsnapt\"");
    assert_ne!(hostile, text(bytes));
    let e = record::parse(&hostile).unwrap_err().to_string();
    assert_eq!(
        e,
        "de inhoud klopt niet met het formaat: id: \"../ontsnapt\" is geen verslag-id (alleen letters, cijfers, - en _, hoogstens 64)"
    );
    for bad in ["", ".", "a/b", "a\\b", "a b", "x\u{0}", &"a".repeat(65)] {
        let r = text(bytes).replace(
            &format!("\"id\": \"{id}\""),
            &format!("\"id\": {}", json::quoted(bad)),
        );
        assert!(record::parse(&r).is_err(), "{bad:?}");
    }

    std::fs::write(store_dir.join("20270101-000000-00000000ee.json"), &hostile).unwrap();
    let store = avg_wijzer::store::Store::open(&store_dir).unwrap();
    assert!(store.load("20270101").is_err());
    let listing = store.list().unwrap();
    assert_eq!(listing.unreadable.len(), 1);
    assert!(listing.unreadable[0].1.contains("geen verslag-id"));
    assert!(!dir.join("ontsnapt.json").exists());
}

/// Pasting checked the whole field after every character: 10,000 characters took about 20 s
/// in a debug build. A paste is now checked once, and ends as typing it would.
#[test]
fn a_long_paste_is_quick_and_ends_as_typing_would() {
    use avg_wijzer::tui::app::{Model, Screen};
    use avg_wijzer::tui::keymap::Action;
    use avg_wijzer::tui::message::Message;
    use avg_wijzer::tui::update::update;

    let name = |m: &Model| match &m.screen {
        Screen::NewForm(f) => f.name.clone(),
        _ => panic!("not on the form"),
    };
    let form = || {
        let mut m = Model::new(&BANK, Lang::Nl, String::new());
        update(&mut m, Message::Key(Action::Select));
        m
    };
    let mut m = form();
    let long = "j.jansen@example.nl 06-12345678 ".repeat(400);
    let t = Instant::now();
    update(&mut m, Message::Paste(long));
    assert!(t.elapsed() < SLOW, "{:?}", t.elapsed());
    let field = name(&m);
    assert_eq!(field.text.chars().count(), avg_wijzer::engine::MAX_TEXT);
    assert!(
        field.warning.is_some(),
        "the guard still sees the pasted text"
    );

    // In the middle of a text, with control characters and past the limit: as typed.
    let (mut typed, mut pasted) = (form(), form());
    let start = "a".repeat(avg_wijzer::engine::MAX_TEXT - 40);
    let piece = "Piet\u{1b}[31m (FG)\n\t06-1234 5678 \u{202e}漢字 en nog wat meer tekst";
    for m in [&mut typed, &mut pasted] {
        update(m, Message::Paste(start.clone()));
        for _ in 0..5 {
            update(m, Message::Key(Action::Left));
        }
    }
    for c in piece.chars() {
        update(&mut typed, Message::Input(c));
    }
    update(&mut pasted, Message::Paste(piece.to_string()));
    assert_eq!(name(&pasted), name(&typed));
    assert_eq!(
        name(&pasted).text.chars().count(),
        avg_wijzer::engine::MAX_TEXT
    );
}

/// A key with a control character in a record (found by fuzzing: DEL in "completed"), or an
/// id with an escape sequence in a bank, reached the terminal raw through the message.
#[test]
fn a_control_character_from_a_file_is_escaped_in_messages() {
    let (_, bytes) = &json_files("tests/records/v1")[0];
    // A wrong value, and a key (which serde_path_to_error puts in the path).
    for (from, to, expected) in [
        (
            "\"completed\"",
            "\"c\u{7f}mpleted\\u001b[2J\"",
            "unknown variant `c\\u007fmpleted\\u001b[2J`",
        ),
        (
            "\"campaign\": {",
            "\"campaign\": {\"x\\u001b[2J\u{7f}\": 1, ",
            "campaign.x\\u001b[2J\\u007f: unknown field `x\\u001b[2J\\u007f`",
        ),
    ] {
        let hostile = text(bytes).replacen(from, to, 1);
        assert_ne!(hostile, text(bytes));
        let e = record::parse(&hostile).unwrap_err().to_string();
        one_clean_line("record error", &e).unwrap();
        assert!(e.contains(expected), "{e}");
    }

    let mut files: Vec<(String, Vec<u8>)> = bank::EMBEDDED
        .iter()
        .map(|(n, c)| (n.to_string(), c.as_bytes().to_vec()))
        .collect();
    let (_, bank_file) = files
        .iter_mut()
        .find(|(n, _)| n == "bank.json")
        .expect("bank.json");
    let changed = text(bank_file).replacen(
        "\"start\": \"campaign_purpose\"",
        "\"start\": \"\\u001b[31m\u{9b}\"",
        1,
    );
    assert_ne!(changed, text(bank_file));
    *bank_file = changed.into_bytes();
    let e = Bank::from_bytes(&files, "fuzz").unwrap_err();
    assert!(!e.defects.is_empty());
    for d in &e.defects {
        one_clean_line("bank defect", &d.to_string()).unwrap();
        one_clean_line("bank defect", &d.said(Lang::En)).unwrap();
    }
    assert!(e.to_string().contains("\\u001b[31m\\u009b"), "{e}");
}

/// Found by fuzzing: a record with an answer nested 123 levels deep was read, and reopening it
/// moved that answer (which no longer fits) two levels deeper, into the history: once saved,
/// the record could not be read any more.
#[test]
fn a_record_with_a_deeply_nested_answer_is_unreadable() {
    let (_, bytes) = &json_files("tests/records/v1")[0];
    let mut v: serde_json::Value = serde_json::from_slice(bytes).unwrap();
    let nested = |depth| {
        (0..depth).fold(serde_json::Value::Null, |inner, _| {
            serde_json::json!([inner])
        })
    };
    let first = v["answers"]
        .as_object()
        .unwrap()
        .keys()
        .next()
        .unwrap()
        .clone();
    v["answers"][&first]["value"] = nested(123);
    let e = record::parse(&v.to_string()).unwrap_err().to_string();
    assert_eq!(
        e,
        format!(
            "de inhoud klopt niet met het formaat: answers.{first}.value: dieper genest dan 8 niveaus"
        )
    );

    // At the limit: read, reopened (the answer moves to the history), saved, read back.
    v["answers"][&first]["value"] = nested(8);
    let r = record::parse(&v.to_string()).unwrap();
    let mut a = Assessment::resume(&BANK, r, NOW);
    let dropped = a.record.history.iter().rev().find_map(|e| match e {
        record::Event::BankChanged { dropped, .. } => Some(dropped.len()),
        _ => None,
    });
    assert_eq!(dropped, Some(1));
    record::parse(&a.record.to_json()).unwrap();
}
