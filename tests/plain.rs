//! The accessible plain mode, driven by piped lines as a screen-reader user or a script would.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::io::Cursor;
use std::process::{Command, ExitCode, Stdio};

use avg_wijzer::bank::Bank;
use avg_wijzer::plain;
use avg_wijzer::text::Lang;

mod common;

fn session(lines: &[&str]) -> (ExitCode, String) {
    session_in(Lang::Nl, lines)
}

fn session_in(lang: Lang, lines: &[&str]) -> (ExitCode, String) {
    let bank = Bank::embedded().unwrap();
    let input = lines.iter().map(|l| format!("{l}\n")).collect::<String>();
    let mut out = Vec::new();
    let code = plain::run(&bank, lang, &mut Cursor::new(input.into_bytes()), &mut out).unwrap();
    (code, String::from_utf8(out).unwrap())
}

#[test]
fn area_map_needs_no_action() {
    let (code, out) = session(&["Inzicht in ons werkgebied", "1", ""]);
    assert_eq!(code, ExitCode::SUCCESS);
    assert!(out.contains("Oordeel: GEEN ACTIE NODIG"), "{out}");
    assert!(out.contains("Geen acties nodig."), "{out}");
}

#[test]
fn coverage_analysis_with_postcodes_and_consent() {
    let (code, out) = session(&["", "2", "1", "1", "1", ""]);
    assert_eq!(code, ExitCode::SUCCESS);
    assert!(out.contains("Oordeel: TOEGESTAAN, MET ACTIES"), "{out}");
    assert!(out.contains("Persoonsgegevens: Waarschijnlijk"), "{out}");
    assert!(out.contains("Toestemming aantoonbaar vastleggen"), "{out}");
}

#[test]
fn door_to_door_with_an_unknown_sticker_regime() {
    // purpose, address selection, full address, POI licence, door to door, regime unknown, consent
    let (code, out) = session(&["", "3", "2", "1", "1", "3", "1", ""]);
    assert_eq!(code, ExitCode::SUCCESS);
    assert!(
        out.contains("Uitzoeken welke stickerregeling de gemeente hanteert"),
        "{out}"
    );
    assert!(out.contains("Adressen uit Postfilter overslaan"), "{out}");
}

#[test]
fn enrichment_in_the_crm_is_profiling() {
    // purpose, enrichment, POI licence, CRM, existing + new customers, e-mail, no lending
    // history, consent, some existing consent
    let (code, out) = session(&["", "4", "1", "1", "1 2", "2", "nee", "1", "2", ""]);
    assert_eq!(code, ExitCode::SUCCESS);
    assert!(out.contains("Profilering: Ja"), "{out}");
    assert!(out.contains("DPIA uitvoeren voordat je begint"), "{out}");
    assert!(out.contains("Transitieplan"), "{out}");
}

#[test]
fn the_school_library_makes_the_plan_not_allowed() {
    let (_, out) = session(&["", "3", "2", "1", "2", "6", "2", "nee", "1", ""]);
    assert!(
        out.contains("Oordeel: NIET TOEGESTAAN ZOALS GEPLAND"),
        "{out}"
    );
    assert!(
        out.contains("Leden van de Bibliotheek op school uit de campagne halen"),
        "{out}"
    );
    // What blocks the plan and how it can be allowed, before the findings and the actions.
    let at = |s: &str| out.find(s).unwrap_or_else(|| panic!("{s:?} in {out}"));
    assert!(
        at("Wat het plan tegenhoudt") < at("Zo kan het wel"),
        "{out}"
    );
    assert!(at("Zo kan het wel") < at("Bevindingen"), "{out}");
    assert!(
        at("Bevindingen") < at("Zodra het plan is aangepast"),
        "{out}"
    );
}

#[test]
fn question_mark_shows_the_help_and_the_reasoning() {
    let (_, out) = session(&["", "?", "1", ""]);
    assert!(out.contains("Uitleg:"), "{out}");
    assert!(out.contains("Waarom deze vraag:"), "{out}");
    assert!(out.contains("Bronnen: Handreiking"), "{out}");
}

#[test]
fn back_goes_to_the_previous_question_and_a_new_answer_changes_the_path() {
    // address selection, then back at the granularity question, then area map instead.
    let (code, out) = session(&["", "3", "terug", "1", ""]);
    assert_eq!(code, ExitCode::SUCCESS);
    assert!(out.contains("Huidig antwoord: 3 (Enter = houden)"), "{out}");
    assert!(out.contains("Oordeel: GEEN ACTIE NODIG"), "{out}");
    assert!(
        !out.contains(" 3. Gaat het om"),
        "the summary holds only the two answers: {out}"
    );
}

#[test]
fn back_on_the_first_question_says_so() {
    let (_, out) = session(&["terug", "", "1", ""]);
    assert!(out.contains("Dit is de eerste vraag."), "{out}");
}

#[test]
fn the_summary_lets_any_answer_be_changed() {
    // Area map, then from the summary change answer 2 (use case) to coverage analysis.
    let (code, out) = session(&["", "1", "2", "2", "2", "1", "1", ""]);
    assert_eq!(code, ExitCode::SUCCESS);
    assert!(out.contains("Je antwoorden:"), "{out}");
    assert!(out.contains("Persoonsgegevens: Ja"), "{out}");
}

#[test]
fn input_that_is_not_understood_gets_asked_again() {
    let (code, out) = session(&["", "7", "banaan", "1", ""]);
    assert_eq!(code, ExitCode::SUCCESS);
    assert!(
        out.contains("Dat begrijp ik niet: \"7\"; kies een nummer van 1 tot 4"),
        "{out}"
    );
    assert!(
        out.contains("Dat begrijp ik niet: \"banaan\"; kies een nummer van 1 tot 4"),
        "{out}"
    );
}

#[test]
fn an_exclusive_option_cannot_be_combined() {
    let (_, out) = session(&["", "3", "2", "1", "2", "1", "2 4"]);
    assert!(
        out.contains("\"none\" kan niet samen met andere opties gekozen worden"),
        "{out}"
    );
}

#[test]
fn input_ending_early_says_so_and_fails() {
    let (code, out) = session(&["", "3"]);
    assert_eq!(code, ExitCode::from(2));
    assert!(
        out.contains("De invoer hield op voordat alle vragen beantwoord waren."),
        "{out}"
    );
}

#[test]
fn stop_quits_without_advice() {
    let (code, out) = session(&["", "stop"]);
    assert_eq!(code, ExitCode::SUCCESS);
    assert!(out.contains("Gestopt."), "{out}");
    assert!(!out.contains("Oordeel"), "{out}");
}

#[test]
fn english_when_asked() {
    let (_, out) = session_in(Lang::En, &["", "1", ""]);
    assert!(out.contains("Question 2"), "{out}");
    assert!(out.contains("Verdict: NO ACTION NEEDED"), "{out}");
}

#[test]
fn the_binary_picks_plain_mode_when_its_output_is_not_a_terminal() {
    let tmp = common::temp_dir("plain");
    let store = tmp.path().join("store");
    let mut child = Command::new(common::BIN)
        .env("AVG_WIJZER_STORE", &store)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    // Campaign name, participants, purpose, use case 1, then the advice and no sign-off.
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Test\n\n\n1\n\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("Vraag 1"), "{stdout}");
    assert!(stdout.contains("Oordeel: GEEN ACTIE NODIG"), "{stdout}");
    assert!(
        !stdout.contains('\u{1b}'),
        "plain mode writes no escape codes"
    );
    let saved = std::fs::read_dir(&store)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") && !n.starts_with('.'))
        .count();
    assert_eq!(saved, 1, "the session was saved as one record");
}

/// "notitie" without text begins a note of several lines; ended at once by an empty line it
/// removes the note: said as removed, and the record's history shows a removal, not an empty
/// note (blanks typed after "notitie" are no note either).
#[test]
fn an_empty_note_removes_the_note_and_says_so() {
    let s = common::Scratch::new("plain-note-removed");
    let lines = "Test\n\nx\nnotitie bel de POI\nnotitie   \n\nstop\n";
    let out = s.run_fed(&["--plain"], lines.as_bytes());
    assert!(out.stdout.contains("Notitie bewaard."), "{}", out.stdout);
    assert!(out.stdout.contains("Notitie verwijderd."), "{}", out.stdout);
    let listing = s.open_store().list().expect("list");
    let id = &listing.records[0].id;
    let r = s.open_store().load(id).expect("load").record;
    assert!(r.notes.is_empty());
    let shown = s.run(&["show", id]);
    assert!(
        shown.stdout.contains("notitie weggehaald:"),
        "{}",
        shown.stdout
    );
    assert!(!shown.stdout.contains("\"\""), "{}", shown.stdout);
}

/// With `--new` a script's lines mean the same whatever the store holds: run twice, the same
/// input makes two complete records, where without it the second run was asked whether to
/// continue the first and its lines shifted by one.
#[test]
fn a_piped_script_with_new_is_safe_to_run_twice() {
    let s = common::Scratch::new("plain-new-twice");
    let lines = "Werkgebied 2027\nAnna (marketing)\nInzicht in ons werkgebied\n1\n\n";
    for run in 1..=2 {
        let out = s.run_fed(&["--plain", "--new"], lines.as_bytes());
        assert_eq!(out.code, 0, "run {run}: {}{}", out.stdout, out.stderr);
        assert!(
            !out.stdout.contains("nog niet zijn afgetekend"),
            "{}",
            out.stdout
        );
    }
    let listing = s.open_store().list().expect("list");
    assert_eq!(listing.records.len(), 2);
    for summary in &listing.records {
        let r = s.open_store().load(&summary.id).expect("load").record;
        assert_eq!(r.campaign.name, "Werkgebied 2027");
        assert_eq!(r.answers.len(), 2);
        assert!(r.outcome.is_some());
    }
    // `--new` and `--resume` say opposite things.
    let both = s.run_fed(&["--plain", "--new", "--resume", "x"], b"");
    assert_eq!(both.code, 2);
}
