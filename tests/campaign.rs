//! The campaign as editable data (issue 12): its name, description and participants change
//! after the start through one verb of the workflow, each change an event of the history
//! (`campaign_changed`); the same campaign again changes nothing; after the sign-off a change
//! makes a new revision; the record still fits the schema. Notes of several lines keep their
//! lines in every export, and the plain mode takes `campagne` and a note of several lines.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;
use std::path::Path;

use serde_json::{Value, json};

use avg_wijzer::app::{Event, Saved, SignOffInput, Workflow};
use avg_wijzer::bank::Bank;
use avg_wijzer::engine::Session;
use avg_wijzer::export::{self, Format};
use avg_wijzer::record::{
    self, Campaign, CampaignEdit, CampaignField, Decision, Event as History, Participant, Refusal,
};
use avg_wijzer::store::Store;
use avg_wijzer::text::Lang;

mod common;
use common::{BANK, Scratch, VALIDATOR};

fn now() -> String {
    "2026-11-30T10:00:00Z".into()
}

fn workflow<'b>(bank: &'b Bank, dir: &Path) -> Workflow<'b> {
    Workflow::new(bank, Some(Store::open(dir).expect("store")), false).with_clock(now)
}

/// A complete record (an area map) with two participants, saved; its id.
fn complete(wf: &Workflow) -> String {
    let mut s = Session::new(wf.bank);
    for (id, v) in [
        ("campaign_purpose", "Leesbevordering"),
        ("use_case", "area_map"),
    ] {
        let q = wf.bank.question_id(id).unwrap();
        s.set(
            wf.bank,
            q,
            wf.bank.questions[q].parse_answer(&json!(v)).unwrap(),
        )
        .unwrap();
    }
    let (work, saved) = wf
        .start_answered(
            Campaign {
                name: "Wijkkaart".into(),
                description: "Kaart van de wijk".into(),
                ..Campaign::default()
            },
            Participant::parse_list("Anna (marketing), Piet (FG)"),
            Lang::Nl,
            &s,
        )
        .unwrap();
    assert_eq!(saved, Saved::Yes);
    work.record().id.clone()
}

fn campaign_events(r: &record::Record) -> Vec<(CampaignField, Value, Value)> {
    r.history
        .iter()
        .filter_map(|e| match e {
            History::CampaignChanged {
                field, from, to, ..
            } => Some((*field, from.clone(), to.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn a_change_of_the_campaign_is_in_the_history_and_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let wf = workflow(&BANK, dir.path());
    let id = complete(&wf);
    let mut work = wf.open(&id).unwrap().work;
    let edit = CampaignEdit {
        name: "  Wijkkaart 2027 ".into(),
        description: "Kaart van de wijk".into(),
        // Piet's role changed, Anna left, Joke came; an empty row is no participant.
        participants: vec![
            Participant {
                name: "Piet".into(),
                role: "FG, privacy".into(),
            },
            Participant {
                name: "Joke".into(),
                role: "directie".into(),
            },
            Participant {
                name: " ".into(),
                role: String::new(),
            },
        ],
    };
    let changed = wf.campaign(&mut work, &edit).expect("taken");
    assert_eq!(changed.saved, Saved::Yes);
    assert!(
        changed.events.is_empty(),
        "no revision: {:?}",
        changed.events
    );
    let r = Store::open(dir.path()).unwrap().load(&id).unwrap().record;
    assert_eq!(r.campaign.name, "Wijkkaart 2027");
    assert_eq!(r.participants, edit.participants[..2]);
    // The advice carries the new name as its title.
    assert_eq!(r.title(Lang::Nl), "Wijkkaart 2027");
    let events = campaign_events(&r);
    assert_eq!(events.len(), 2, "{events:?}");
    assert_eq!(
        events[0],
        (
            CampaignField::Name,
            json!("Wijkkaart"),
            json!("Wijkkaart 2027")
        )
    );
    assert_eq!(events[1].0, CampaignField::Participants);
    assert_eq!(
        events[1].1,
        json!([{"name": "Anna", "role": "marketing"}, {"name": "Piet", "role": "FG"}])
    );
    // The record file fits the schema, and verifies.
    let file: Value =
        serde_json::from_slice(&fs::read(dir.path().join(format!("{id}.json"))).unwrap()).unwrap();
    assert!(VALIDATOR.is_valid(&file), "{file:#}");
    assert!(matches!(
        record::verify_value(&file),
        record::Verification::Intact
    ));
    // The history says it in words.
    let text = String::from_utf8(export::render(&r, Format::Md, Lang::Nl, None)).unwrap();
    assert!(
        text.contains("campagne gewijzigd: naam: \"Wijkkaart\" → \"Wijkkaart 2027\""),
        "{text}"
    );
    assert!(
        text.contains("Piet (FG, privacy), Joke (directie)"),
        "{text}"
    );
    // The same campaign again (white space aside): no change, nothing written.
    let before = fs::read(dir.path().join(format!("{id}.json"))).unwrap();
    let again = CampaignEdit {
        name: "Wijkkaart 2027".into(),
        ..edit
    };
    let changed = wf.campaign(&mut work, &again).expect("taken");
    assert_eq!(changed.saved, Saved::Unchanged);
    assert_eq!(
        fs::read(dir.path().join(format!("{id}.json"))).unwrap(),
        before
    );
}

#[test]
fn after_the_sign_off_a_change_of_the_campaign_is_a_new_revision() {
    let dir = tempfile::tempdir().unwrap();
    let wf = workflow(&BANK, dir.path());
    let id = complete(&wf);
    let mut work = wf.open(&id).unwrap().work;
    let input = SignOffInput {
        name: "F. de Vries",
        date: "2026-11-30",
        decision: Decision::Approved,
        remarks: "",
        role: "FG",
        conditions: "",
        also: &[],
    };
    wf.sign_off(&mut work, input, None, |_| unreachable!("no key"))
        .expect("signed");
    let signed = fs::read(dir.path().join(format!("{id}.json"))).unwrap();
    let mut work = wf.open(&id).unwrap().work;
    let edit = CampaignEdit {
        description: "Kaart van de wijk, voorjaar 2027".into(),
        ..CampaignEdit::of(&work.record().campaign, &work.record().participants)
    };
    let changed = wf.campaign(&mut work, &edit).expect("taken");
    let [Event::Revised { from, to, .. }] = changed.events.as_slice() else {
        panic!("one revision, not {:?}", changed.events);
    };
    assert_eq!(from, &id);
    assert_ne!(to, &id);
    assert_eq!(work.record().revision, 2);
    let kinds: Vec<&str> = work
        .record()
        .history
        .iter()
        .map(|e| match e {
            History::Revision { .. } => "revision",
            History::CampaignChanged { .. } => "campaign_changed",
            _ => "other",
        })
        .collect();
    assert_eq!(kinds, ["revision", "campaign_changed"]);
    // What was signed is untouched.
    assert_eq!(
        fs::read(dir.path().join(format!("{id}.json"))).unwrap(),
        signed
    );
    // The assessment itself refuses a change of a signed-off record.
    let mut a = wf.open(&id).unwrap().work.assessment().clone();
    assert_eq!(a.set_campaign(&edit, &now()), Err(Refusal::Frozen));
}

#[test]
fn too_many_or_too_long_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let wf = workflow(&BANK, dir.path());
    let id = complete(&wf);
    let mut work = wf.open(&id).unwrap().work;
    let many = CampaignEdit {
        participants: (0..=record::MAX_PARTICIPANTS)
            .map(|i| Participant {
                name: format!("P{i}"),
                role: String::new(),
            })
            .collect(),
        ..CampaignEdit::default()
    };
    assert!(wf.campaign(&mut work, &many).is_err());
    let long = CampaignEdit {
        name: "x".repeat(avg_wijzer::engine::MAX_TEXT + 1),
        ..CampaignEdit::default()
    };
    assert!(wf.campaign(&mut work, &long).is_err());
    assert_eq!(work.record().campaign.name, "Wijkkaart", "nothing changed");
}

// ---------------------------------------------------------------------------------------------
// Notes of several lines in the exports

fn with_note(dir: &Path, note: &str) -> record::Record {
    let wf = workflow(&BANK, dir);
    let id = complete(&wf);
    let mut work = wf.open(&id).unwrap().work;
    wf.note(&mut work, Some("use_case"), note).unwrap();
    wf.note(&mut work, None, "Sessie\nregel twee").unwrap();
    work.record().clone()
}

#[test]
fn a_note_keeps_its_lines_in_markdown_without_breaking_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let r = with_note(
        dir.path(),
        "Eerste regel\n- geen lijst\n2. geen nummer\n# geen kop",
    );
    let md = String::from_utf8(export::render(&r, Format::Md, Lang::Nl, None)).unwrap();
    // The question's text, then the note; each next line a hard break inside the item.
    assert!(
        md.contains(
            "- Bij \"Hoe wil je Whize gebruiken?\": Eerste regel\\\n  \\- geen lijst\\\n  2\\. geen nummer\\\n  \\# geen kop\n"
        ),
        "{md}"
    );
    assert!(
        md.contains("- Bij de hele sessie: Sessie\\\n  regel twee\n"),
        "{md}"
    );
}

#[test]
fn a_note_keeps_its_lines_in_html_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let r = with_note(dir.path(), "Eerste <b>regel</b>\nTweede & laatste");
    let html = String::from_utf8(export::render(&r, Format::Html, Lang::Nl, None)).unwrap();
    assert!(
        html.contains("Eerste &lt;b&gt;regel&lt;/b&gt;<br>\nTweede &amp; laatste</li>"),
        "{html}"
    );
    assert!(!html.contains("<b>regel"), "{html}");
    // The text of `show` keeps the lines too.
    let text = export::text(&r, Lang::Nl);
    assert!(text.contains("Eerste <b>regel</b>\n"), "{text}");
}

// ---------------------------------------------------------------------------------------------
// The plain mode

#[test]
fn the_plain_mode_changes_the_campaign_and_takes_a_note_of_several_lines() {
    let s = Scratch::new("plain-campaign");
    let lines = [
        "Wijkkaart",
        "Anna (marketing)",
        "Leesbevordering", // the first question
        "campagne",        // at the second question
        "",                // the name kept
        "Kaart van de wijk, voorjaar",
        "Anna (marketing), Piet (FG)",
        "notitie",
        "Eerste regel",
        "Tweede regel",
        "",
        "notitie kort",
        "1", // the area map: complete
        "campagne",
        "Wijkkaart 2027",
        "",
        "-", // no participants
        "",  // the advice
    ]
    .map(|l| format!("{l}\n"))
    .concat();
    let out = s.run_fed(&["--plain", "--new"], lines.as_bytes());
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(out.stdout.contains("Campagne gewijzigd."), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("Typ de notitie; een lege regel sluit haar af."),
        "{}",
        out.stdout
    );
    let id = s.open_store().list().unwrap().records[0].id.clone();
    let r = s.open_store().load(&id).unwrap().record;
    assert_eq!(r.campaign.name, "Wijkkaart 2027");
    assert_eq!(r.campaign.description, "Kaart van de wijk, voorjaar");
    assert!(r.participants.is_empty());
    // "notitie <tekst>" still replaces it in one line; the lines came first.
    assert_eq!(r.notes.get("use_case").map(String::as_str), Some("kort"));
    let notes: Vec<&str> = r
        .history
        .iter()
        .filter_map(|e| match e {
            History::Note { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(notes, ["Eerste regel\nTweede regel", "kort"]);
    assert_eq!(campaign_events(&r).len(), 4);
}
