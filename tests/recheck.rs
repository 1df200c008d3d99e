//! The recheck after the rules changed: with a copy of the shipped bank whose rule on former
//! customers recommends the retention policy instead of requiring it (version 9.9.0),
//! `recheck` names exactly the records with former customers in their audience, signed-off ones
//! first, then newest first, in Dutch and English and as JSON; a record that fails verification
//! is named; the records are not written; a bank whose version alone changed lists nothing.
//! And the same comparison in words when such a record is opened: the TUI's panel and the plain
//! mode's lines.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use avg_wijzer::bank::Bank;
use avg_wijzer::recheck::{AskWhy, recheck};
use avg_wijzer::record::{Assessment, Campaign, Decision};
use avg_wijzer::store;
use avg_wijzer::text::Lang;
use avg_wijzer::tui::app::{Overlay, Records, Screen};
use avg_wijzer::tui::keymap::Action;
use avg_wijzer::tui::message::Message;
use avg_wijzer::tui::theme::Theme;
use serde_json::{Value, json};

mod common;
use common::banks::{TempBank, bank_without_phone};
use common::english::english;
use common::records::{answer_all, example_with, in_progress_record};
use common::{BANK, EXAMPLE, Scratch, Ui, fixed_clock};

/// The ids of the records [`store`] made, by what the changed bank does to them.
struct Made {
    /// Completed, 1 November, former customers: differs.
    old: String,
    /// Signed off, 2 November, former customers: differs.
    signed: String,
    /// Completed, 3 November, existing customers only: the same advice.
    same: String,
    /// Completed, 4 November, former customers: differs.
    newest: String,
}

fn record(id: &str, name: &str, answers: &str, now: &str) -> Assessment<'static> {
    let campaign = Campaign {
        name: name.into(),
        ..Campaign::default()
    };
    let mut a = Assessment::start(&BANK, id.into(), campaign, vec![], Lang::Nl, now);
    answer_all(&mut a, answers, now);
    a
}

fn store(s: &Scratch) -> Made {
    let st = s.open_store();
    let mut old = record(
        "20261101-100000-aaaaaaaaaa",
        "Alpha",
        EXAMPLE,
        "2026-11-01T10:00:00Z",
    );
    st.create(&mut old.record).unwrap();
    let mut signed = record(
        "20261102-100000-bbbbbbbbbb",
        "Bravo",
        EXAMPLE,
        "2026-11-02T10:00:00Z",
    );
    signed
        .sign_off(
            "B. Jansen",
            "2026-11-02",
            Decision::Approved,
            "",
            "2026-11-02T10:00:00Z",
        )
        .unwrap();
    st.create(&mut signed.record).unwrap();
    let members = example_with(json!({ "audience": ["existing_customers"] }));
    let mut same = record(
        "20261103-100000-cccccccccc",
        "Charlie",
        &members,
        "2026-11-03T10:00:00Z",
    );
    st.create(&mut same.record).unwrap();
    let mut newest = record(
        "20261104-100000-dddddddddd",
        "Delta",
        EXAMPLE,
        "2026-11-04T10:00:00Z",
    );
    st.create(&mut newest.record).unwrap();
    let mut busy = in_progress_record("20261105-100000-eeeeeeeeee");
    st.create(&mut busy).unwrap();
    Made {
        old: old.record.id,
        signed: signed.record.id,
        same: same.record.id,
        newest: newest.record.id,
    }
}

/// The shipped bank as version 9.9.0; `change` says whether the rule on former customers
/// recommends the retention policy instead of requiring it.
/// The changed bank, and it loaded.
fn changed_bank_loaded() -> (TempBank, Bank) {
    let dir = changed_bank(true);
    let files = store::read_bank_dir(std::path::Path::new(&dir.path())).unwrap();
    let bank = Bank::from_bytes(&files, &dir.path()).unwrap();
    (dir, bank)
}

fn changed_bank(change: bool) -> TempBank {
    let bank = TempBank::shipped("recheck");
    bank.edit("bank.json", |v| v["bank"]["version"] = json!("9.9.0"));
    if change {
        bank.edit("rules.json", |v| {
            for r in v["rules"].as_array_mut().unwrap() {
                if r["id"] == "former_customers" {
                    let o = r.as_object_mut().unwrap();
                    let required = o.remove("require").unwrap();
                    o.insert("recommend".into(), required);
                }
            }
        });
    }
    bank
}

/// The ids in the order `text` names them, of those in `ids`.
fn named_in_order<'a>(text: &str, ids: &[&'a str]) -> Vec<&'a str> {
    let mut found: Vec<(usize, &str)> = ids
        .iter()
        .filter_map(|id| text.find(id).map(|at| (at, *id)))
        .collect();
    found.sort();
    found.into_iter().map(|(_, id)| id).collect()
}

#[test]
fn recheck_names_exactly_the_changed_records_signed_first_then_newest() {
    let s = Scratch::new("recheck-names");
    let made = store(&s);
    let all = [&*made.old, &*made.signed, &*made.same, &*made.newest];
    let before = s.store_files();
    let bank = changed_bank(true);
    let out = s.run(&["--questions", &bank.path(), "recheck"]);
    out.assert_ok();
    let expected = vec![&*made.signed, &*made.newest, &*made.old];
    assert_eq!(
        named_in_order(&out.stdout, &all),
        expected,
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("afgetekend door B. Jansen op 2026-11-02 (goedgekeurd)")
    );
    assert!(
        out.stdout
            .contains(&format!("vragenbank avg-wijzer-whize {}", BANK.version))
    );
    assert!(
        out.stdout
            .contains("Oordeel: Toegestaan, met acties (ongewijzigd)")
    );
    assert!(out.stdout.contains("Aanbevolen in plaats van verplicht:"));
    assert!(out.stdout.contains(
        "4 verslagen gecontroleerd tegen vragenbank avg-wijzer-whize 9.9.0: bij 3 zou het advies nu anders zijn (1 afgetekend). Niet gecontroleerd: 1 nog bezig."
    ), "{}", out.stdout);

    let en = s.run(&["--questions", &bank.path(), "recheck", "--lang", "en"]);
    en.assert_ok();
    assert_eq!(named_in_order(&en.stdout, &all), expected);
    assert!(
        en.stdout
            .contains("signed off by B. Jansen on 2026-11-02 (approved)")
    );
    assert!(en.stdout.contains("Recommended instead of required:"));
    english("recheck --lang en", &en.stdout);

    let json = s.run(&["--questions", &bank.path(), "recheck", "--json"]);
    json.assert_ok();
    let v: Value = serde_json::from_str(&json.stdout).unwrap();
    let ids: Vec<&str> = v["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, expected);
    assert_eq!(
        (v["checked"].clone(), v["differing"].clone()),
        (json!(4), json!(3))
    );
    assert_eq!(v["not_checked"]["in_progress"], json!(1));
    assert_eq!(v["bank"]["version"], json!("9.9.0"));
    let first = &v["records"][0];
    assert_eq!(first["status"], json!("signed_off"));
    assert_eq!(first["signoff"]["name"], json!("B. Jansen"));
    assert_eq!(first["bank"]["version"], json!(BANK.version));
    assert_eq!(
        first["verdict"],
        json!({ "then": "allowed_with_actions", "now": "allowed_with_actions" })
    );
    assert_eq!(
        first["actions"],
        json!({
            "added": [{ "id": "retention_policy", "level": "recommended" }],
            "dropped": [{ "id": "retention_policy", "level": "required" }],
        })
    );
    assert_eq!(first["asks"], json!([]));

    // A script may ask for exit 1 when something differs.
    let strict = s.run(&["--questions", &bank.path(), "recheck", "--exit-code"]);
    assert_eq!(strict.code, 1);
    // Nothing was written: every record to the byte.
    assert_eq!(s.store_files(), before);
}

#[test]
fn the_same_advice_under_a_new_version_or_the_same_bank_is_not_listed() {
    let s = Scratch::new("recheck-same");
    store(&s);
    let bank = changed_bank(false);
    for args in [
        vec![
            "--questions",
            bank.path().leak() as &str,
            "recheck",
            "--exit-code",
        ],
        vec!["recheck", "--exit-code"],
    ] {
        let out = s.run(&args);
        out.assert_ok();
        assert!(
            out.stdout.starts_with("4 verslagen gecontroleerd"),
            "{}",
            out.stdout
        );
        assert!(out.stdout.contains("bij 0 zou het advies nu anders zijn"));
    }
}

#[test]
fn a_record_that_fails_verification_is_named_not_skipped() {
    let s = Scratch::new("recheck-altered");
    let made = store(&s);
    let path = s.record_path(&made.old);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("Alpha", "Echo")).unwrap();
    let bank = changed_bank(true);
    let out = s.run(&["--questions", &bank.path(), "recheck", "--lang", "en"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(out.stderr.contains("not checked:"), "{}", out.stderr);
    assert!(out.stderr.contains(&made.old), "{}", out.stderr);
    assert!(!out.stdout.contains(&made.old));
    assert!(
        out.stdout
            .contains("Not checked: 1 in progress, 1 altered or not holding."),
        "{}",
        out.stdout
    );
    let json = s.run(&["--questions", &bank.path(), "recheck", "--json"]);
    let v: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["failed"][0]["id"], json!(made.old));
}

#[test]
fn an_answer_no_longer_allowed_is_asked_again_and_the_verdict_waits_for_it() {
    let answers = example_with(
        json!({ "channel": ["email", "phone"], "phone_purpose": "research", "external_agency": "no" }),
    );
    let a = record("r1", "Bellen", &answers, "2026-11-01T10:00:00Z");
    let bank = bank_without_phone();
    let r = recheck(&a.record, &bank).expect("the record has advice");
    assert!(r.differs());
    assert_eq!(r.verdict.now, None);
    assert_eq!(r.asks[0].question, "channel");
    assert_eq!(r.asks[0].why, AskWhy::NoLongerFits);
    assert!(r.actions_added.is_empty() && r.actions_dropped.is_empty());
    let said = avg_wijzer::locale::recheck::lines(&r, &bank, Lang::En).join("\n");
    assert!(
        said.contains("known only once the questions below are answered"),
        "{said}"
    );
    assert!(
        said.contains("Asked again (the answer no longer fits):"),
        "{said}"
    );
    english("recheck lines", &said);
    // Under its own bank a record's advice is the same.
    assert!(!recheck(&a.record, &BANK).unwrap().differs());
}

/// The interface on the store of `s` under `bank`, without colour, its list read (empty).
fn ui_on<'b>(s: &Scratch, bank: &'b Bank, lang: Lang) -> Ui<'b> {
    let mut ui = Ui::new(bank, lang, Some(s.open_store()), false, fixed_clock);
    ui.theme = Theme::with_color(false);
    ui.records = Records::Loaded(Default::default());
    ui
}

fn opened_in_tui(s: &Scratch, id: &str, bank: &Bank, lang: Lang) -> String {
    let mut ui = ui_on(s, bank, lang);
    ui.open(id);
    assert!(
        matches!(ui.overlay, Overlay::Recheck { .. }),
        "the panel is open"
    );
    let screen = common::screens::render(&ui, 100, 30);
    // Any key but scrolling closes it, on the screen opening led to.
    ui.send(Message::Key(Action::Down));
    assert!(matches!(ui.overlay, Overlay::Recheck { .. }));
    ui.send(Message::Key(Action::Leave));
    assert!(matches!(ui.overlay, Overlay::None));
    assert!(!matches!(ui.screen, Screen::Start(_)));
    screen
}

#[test]
fn reading_a_record_shows_the_advice_under_the_current_rules_over_its_own() {
    let s = Scratch::new("recheck-read");
    let made = store(&s);
    let (_dir, bank) = changed_bank_loaded();
    let before = s.store_files();

    let mut ui = ui_on(&s, &bank, Lang::Nl);
    ui.read(&made.signed);
    assert!(
        matches!(ui.overlay, Overlay::Recheck { .. }),
        "the panel is open"
    );
    let screen = common::screens::render(&ui, 100, 30);
    assert!(
        screen.contains("Advies onder de huidige regels"),
        "{screen}"
    );
    assert!(
        screen.contains("Aanbevolen in plaats van verplicht"),
        "{screen}"
    );
    // Closed, the advice as it was shown is read, and nothing is written.
    ui.send(Message::Key(Action::Leave));
    assert!(matches!(ui.overlay, Overlay::None));
    assert!(matches!(ui.screen, Screen::Advice(_)));
    assert_eq!(s.store_files(), before, "reading wrote to the store");

    // The same advice under the new bank: said on the status line, no panel.
    let mut ui = ui_on(&s, &bank, Lang::En);
    ui.read(&made.same);
    assert!(matches!(ui.overlay, Overlay::None));
    let status = format!("{:?}", ui.status);
    assert!(status.contains("the advice stays the same"), "{status}");
}

#[test]
fn opening_a_record_shows_the_advice_under_the_current_rules() {
    let s = Scratch::new("recheck-open");
    let made = store(&s);
    let (dir, bank) = changed_bank_loaded();
    let before = s.store_files();

    let nl = opened_in_tui(&s, &made.signed, &bank, Lang::Nl);
    assert!(nl.contains("Advies onder de huidige regels"), "{nl}");
    assert!(nl.contains("Aanbevolen in plaats van verplicht"), "{nl}");
    let en = opened_in_tui(&s, &made.signed, &bank, Lang::En);
    assert!(en.contains("Advice under the current rules"), "{en}");
    assert!(en.contains("Recommended instead of required"), "{en}");

    // The same advice under the new bank: one word on the status line, no panel.
    let mut ui = ui_on(&s, &bank, Lang::En);
    ui.open(&made.same);
    assert!(matches!(ui.overlay, Overlay::None));
    let status = format!("{:?}", ui.status);
    assert!(status.contains("the advice stays the same"), "{status}");

    // The plain mode: the lines after opening, before any question.
    let out = s.run_fed(
        &[
            "--plain",
            "--questions",
            &dir.path(),
            "--resume",
            &made.old,
            "--lang",
            "en",
        ],
        b"stop\n",
    );
    assert!(
        out.stdout.contains(&format!(
            "Under the current rules (question bank {} → 9.9.0) the advice would differ:",
            BANK.version
        )),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("  - Verdict: Allowed, with actions (unchanged)"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("  - Recommended instead of required:"),
        "{}",
        out.stdout
    );
    // Opening writes nothing.
    assert_eq!(s.store_files(), before);
}
