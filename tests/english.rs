//! `--lang en` is English throughout: every screen of the interface, the plain mode, and
//! every command's output, with nothing Dutch but what the user typed. A record made in
//! Dutch is listed and continued in English too.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use avg_wijzer::bank::Bank;
use avg_wijzer::store::Store;
use avg_wijzer::text::Lang;
use avg_wijzer::tui::keymap::Action;
use avg_wijzer::tui::message::Message;
use avg_wijzer::tui::view;

mod common;
use common::english::english;
use common::{Scratch, Ui};

const ANSWERS: &str = r#"{
  "campaign": { "name": "Spring campaign" },
  "answers": {
    "campaign_purpose": "More young families",
    "use_case": "address_selection",
    "postcode_granularity": "pc6_house_number",
    "envisia_access": "poi_license",
    "distribution": "direct_marketing",
    "audience": ["existing_customers", "former_customers"],
    "channel": ["email"],
    "uses_lending_history": "no",
    "legal_basis": "consent",
    "existing_consent": "some"
  }
}"#;

fn clock() -> String {
    "2026-11-30T10:00:00Z".into()
}

#[test]
fn every_command_speaks_english() {
    let s = Scratch::new("english-commands");
    s.write("answers.json", ANSWERS);
    let en = |args: &[&str]| {
        let mut all = vec!["--lang", "en"];
        all.extend_from_slice(args);
        let out = s.run(&all);
        out.assert_ok();
        english(
            &format!("{args:?}"),
            &format!("{}\n{}", out.stdout, out.stderr),
        );
        out.stdout
    };
    let id = en(&["new", "--answers", "answers.json"]).trim().to_string();
    // A record made in Dutch, listed and shown beside it.
    let out = s.run(&["new", "--answers", "answers.json"]);
    out.assert_ok();
    let dutch = out.stdout.trim().to_string();
    en(&["advise", "--answers", "answers.json"]);
    en(&["advise", "--answers", "answers.json", "--format", "md"]);
    en(&["list"]);
    en(&["show", &id]);
    for format in ["md", "html", "csv"] {
        en(&["export", &id, "--format", format]);
    }
    en(&["compare", &id, &dutch]);
    en(&[
        "signoff",
        &id,
        "--name",
        "Jane Smith",
        "--decision",
        "approved-with-conditions",
        "--conditions",
        "Update the privacy statement first",
    ]);
    en(&["list"]);
    en(&["show", &id]);
    en(&["verify", &id]);
}

#[test]
fn the_plain_mode_speaks_english() {
    let bank = Bank::embedded().expect("bank");
    let mut out = Vec::new();
    // A line that is not an answer on the way: said in English too.
    let input = "More young families\nmaybe\n3\n2\n1\n2\n1 2\n2\n2\n1\n2\n\n";
    avg_wijzer::plain::run(&bank, Lang::En, &mut input.as_bytes(), &mut out).expect("runs");
    let out = String::from_utf8(out).expect("UTF-8");
    assert!(
        out.contains("\"maybe\"; choose a number from 1 to"),
        "{out}"
    );
    english("plain mode", &out);
}

/// The screen in view, by name.
fn on(ui: &Ui) -> &'static str {
    use avg_wijzer::tui::app::Screen;
    match &ui.screen {
        Screen::Start(_) => "start",
        Screen::NewForm(_) => "new",
        Screen::Question(_) => "question",
        Screen::Review(_) => "review",
        Screen::Advice(_) => "advice",
        Screen::SignOff(_) => "sign-off",
        Screen::Export(_) => "export",
        Screen::Documents(_) => "documents",
        Screen::Register(_) => "register",
        Screen::Compare(_) => "compare",
    }
}

fn render(ui: &Ui, what: &str) {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test terminal");
    terminal
        .draw(|f| {
            view::draw(f, ui);
        })
        .expect("draw");
    english(what, &format!("{}", terminal.backend()));
}

#[test]
fn every_screen_speaks_english() {
    use Action::*;
    let dir = tempfile::tempdir().expect("a temp dir");
    let bank = Bank::embedded().expect("bank");
    // A complete record made in Dutch, without a campaign name, waits in the store.
    let mut dutch = Ui::new(
        &bank,
        Lang::Nl,
        Some(Store::open(dir.path()).unwrap()),
        false,
        clock,
    );
    dutch.send(Message::Key(Select));
    dutch.send(Message::Key(Select));
    dutch.send(Message::Key(Select));
    dutch.send(Message::Key(Select));
    for c in "Doel".chars() {
        dutch.send(Message::Input(c));
    }
    dutch.send(Message::Key(Select));
    dutch.send(Message::Key(Select)); // the area map: advice at once
    let store = Store::open(dir.path()).unwrap();
    let listed = avg_wijzer::app::list(&store, avg_wijzer::tui::app::Row::from);
    let mut ui = Ui::new(&bank, Lang::En, Some(store), false, clock);
    ui.send(Message::Listed(listed.map_err(|e| e.to_string())));
    render(&ui, "start");
    ui.send(Message::Key(Help));
    render(&ui, "help");
    ui.send(Message::Key(Leave));
    // The processing register's form, and what it said after writing.
    ui.send(Message::Key(Register));
    assert_eq!(on(&ui), "register");
    render(&ui, "register");
    ui.send(Message::Key(NextPanel));
    ui.send(Message::Key(Clear));
    for c in dir
        .path()
        .join("register.xlsx")
        .display()
        .to_string()
        .chars()
    {
        ui.send(Message::Input(c));
    }
    ui.send(Message::Key(Select));
    render(&ui, "register written");
    ui.send(Message::Key(Leave));
    assert_eq!(on(&ui), "start");
    // The Dutch record, continued in English.
    ui.send(Message::Key(Down));
    ui.send(Message::Key(Edit));
    render(&ui, "the Dutch record continued");
    assert_eq!(on(&ui), "review");
    ui.send(Message::Key(Bottom));
    ui.send(Message::Key(Select));
    render(&ui, "its advice");
    assert_eq!(on(&ui), "advice");
    assert_eq!(
        ui.record().map(|r| r.lang),
        Some(Lang::En),
        "given in English"
    );
    ui.send(Message::Key(Leave));
    // A new assessment, by keys.
    ui.send(Message::Key(Top));
    ui.send(Message::Key(Select));
    render(&ui, "new assessment");
    for c in "Spring campaign".chars() {
        ui.send(Message::Input(c));
    }
    ui.send(Message::Key(Select));
    ui.send(Message::Key(Select));
    ui.send(Message::Key(Select));
    render(&ui, "first question");
    for c in "More young families".chars() {
        ui.send(Message::Input(c));
    }
    ui.send(Message::Key(Select));
    render(&ui, "second question");
    ui.send(Message::Key(Note));
    render(&ui, "note");
    ui.send(Message::Key(Leave));
    for keys in [
        &[Down, Down, Select][..],
        &[Down, Select],
        &[Select],
        &[Down, Select],
    ] {
        for &k in keys {
            ui.send(Message::Key(k));
        }
        render(&ui, "a question");
    }
    ui.send(Message::Key(Toggle));
    render(&ui, "checkboxes");
    for k in [
        Down, Down, Toggle, Select, Down, Toggle, Select, Down, Select, Select,
    ] {
        ui.send(Message::Key(k));
    }
    ui.send(Message::Key(Down));
    ui.send(Message::Key(Select));
    render(&ui, "review");
    assert_eq!(on(&ui), "review");
    ui.send(Message::Key(Bottom));
    ui.send(Message::Key(Select));
    render(&ui, "advice");
    assert_eq!(on(&ui), "advice");
    ui.send(Message::Key(Select));
    render(&ui, "advice, an entry open");
    ui.send(Message::Key(Export));
    render(&ui, "export");
    assert_eq!(on(&ui), "export");
    ui.send(Message::Key(Leave));
    ui.send(Message::Key(Documents));
    render(&ui, "documents");
    assert_eq!(on(&ui), "documents");
    ui.send(Message::Key(Select));
    render(&ui, "a document");
    ui.send(Message::Key(Export));
    render(&ui, "a document's export");
    for _ in 0..3 {
        ui.send(Message::Key(Leave));
    }
    assert_eq!(on(&ui), "advice");
    ui.send(Message::Key(SignOff));
    render(&ui, "sign-off");
    assert_eq!(on(&ui), "sign-off");
    for _ in 0..5 {
        ui.send(Message::Key(Select));
    }
    render(&ui, "a refused sign-off");
    assert!(ui.status.is_some(), "the refusal is said");
    // Filled in, two signers and conditions: the summary before signing is English too.
    if let avg_wijzer::tui::app::Screen::SignOff(f) = &mut ui.screen {
        f.name = avg_wijzer::tui::app::TextField::with_text("Jane Smith", Lang::En);
        f.decision = Some(avg_wijzer::record::Decision::ApprovedWithConditions);
        f.conditions = avg_wijzer::tui::app::TextField::with_text("Update the statement", Lang::En);
        f.also.push(Default::default());
        f.also[0].name = avg_wijzer::tui::app::TextField::with_text("John Doe", Lang::En);
        f.also[0].role = avg_wijzer::tui::app::TextField::with_text("director", Lang::En);
    }
    render(&ui, "the sign-off form with two signers");
    if let avg_wijzer::tui::app::Screen::SignOff(f) = &mut ui.screen {
        f.confirming = true;
    }
    render(&ui, "the summary before signing");
    ui.send(Message::Key(No));
    ui.send(Message::Key(Leave));
    render(&ui, "confirm");
}

/// What the store refuses is said in English too: a missing file, an unknown or ambiguous id,
/// a file that is too large, a record that was changed after saving.
#[test]
fn the_stores_refusals_speak_english() {
    let s = Scratch::new("english-refusals");
    s.write("answers.json", ANSWERS);
    let first = s.run(&["new", "--answers", "answers.json"]);
    first.assert_ok();
    s.run(&["new", "--answers", "answers.json"]).assert_ok();
    let id = first.stdout.trim().to_string();
    let refused = |args: &[&str], says: &str| {
        let mut all = vec!["--lang", "en"];
        all.extend_from_slice(args);
        let out = s.run(&all);
        assert_eq!(out.code, 2, "{args:?}: {out:?}");
        assert!(out.stderr.contains(says), "{args:?}: {}", out.stderr);
        english(&format!("{args:?}"), &out.stderr);
    };
    refused(&["new", "--answers", "missing.json"], "does not exist");
    refused(&["show", "19990101"], "no record with id");
    refused(&["show", "2026"], "fits 2 records");
    refused(&["show", "../answers"], "is not a record id");
    refused(&["advise", "--answers", "/dev/zero"], "too large");
    // A record changed after it was saved is not exported.
    let path = s.record_path(&id);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("Spring campaign", "Autumn campaign")).unwrap();
    refused(
        &["export", &id, "--format", "md"],
        "was altered after it was saved",
    );
}

/// Signing the sign-off with a key that is not one is refused in English, naming the file.
#[test]
fn a_key_that_does_not_sign_is_refused_in_english() {
    use avg_wijzer::app::{SignOffError, SignOffInput, Workflow};
    use avg_wijzer::record::{Campaign, Decision};
    let dir = tempfile::tempdir().unwrap();
    let bank = Bank::embedded().unwrap();
    let wf = Workflow::new(&bank, Some(Store::open(dir.path()).unwrap()), false).with_clock(clock);
    let mut answers = avg_wijzer::engine::Session::new(&bank);
    for (q, v) in [("campaign_purpose", "Reading"), ("use_case", "area_map")] {
        let q = bank.question_id(q).unwrap();
        let a = bank.questions[q]
            .parse_answer(&serde_json::json!(v))
            .unwrap();
        answers.set(&bank, q, a).unwrap();
    }
    let (mut work, _) = wf
        .start_answered(Campaign::default(), vec![], Lang::En, &answers)
        .unwrap();
    let not_a_key = dir.path().join("notes.txt");
    std::fs::write(&not_a_key, "not a key").unwrap();
    let input = SignOffInput {
        name: "Jane Smith",
        date: "2026-11-30",
        decision: Decision::Approved,
        remarks: "",
        role: "data protection officer (FG)",
        conditions: "",
        also: &[],
    };
    let Err(SignOffError::Key(e)) = wf.sign_off(&mut work, input, Some(&not_a_key), |_| {
        unreachable!("not asked for a passphrase")
    }) else {
        panic!("refused");
    };
    let said = avg_wijzer::locale::store::said(&e, Lang::En);
    assert!(said.starts_with(&not_a_key.display().to_string()), "{said}");
    assert!(said.contains("not an OpenSSH private key"), "{said}");
    english("the key refused", &said);
}

/// A protected key with nothing to give its passphrase: the command says how, in English.
#[test]
fn a_protected_key_without_its_passphrase_is_explained_in_english() {
    let s = Scratch::new("english-passphrase");
    let id = s.new_record("answers.json", ANSWERS);
    let key = format!("{}/tests/keys/fg_ed25519_protected", common::ROOT);
    let args = [
        "signoff",
        &id,
        "--name",
        "Jane Smith",
        "--decision",
        "approved",
        "--key",
        &key,
    ];
    let mut en_args = vec!["--lang", "en"];
    en_args.extend(args);
    let en = s.run(&en_args);
    assert_eq!(en.code, 2, "{en:?}");
    assert!(
        en.stderr.contains("the key is protected with a passphrase; give it in the environment variable AVG_WIJZER_KEY_PASSPHRASE"),
        "{}",
        en.stderr
    );
    english("the passphrase refused", &en.stderr);
    let nl = s.run(&args);
    assert!(
        nl.stderr.contains("de sleutel is beveiligd met een wachtwoordzin; geef die in de omgevingsvariabele AVG_WIJZER_KEY_PASSPHRASE"),
        "{}",
        nl.stderr
    );
}
