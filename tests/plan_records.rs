//! The action plan on records of every format (1 and 2 get a plan and keep their version and
//! fingerprint; the fixtures of format 3), its progress and what is past due on given days,
//! every refusal, and the store's check that a plan-only change saved elsewhere is never
//! overwritten.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;

use serde_json::Value;

use avg_wijzer::app::{PlanChange as Change, PlanError, SaveFailure, Saved};
use avg_wijzer::record::plan::{ItemStatus, Text};
use avg_wijzer::record::{self, Campaign};
use avg_wijzer::text::Lang;

mod common;
use common::english::english;
use common::plan::*;
use common::{EXAMPLE, Scratch, check_store_records};

#[test]
fn records_of_formats_1_and_2_get_a_plan_and_keep_their_version_and_fingerprint() {
    let s = Scratch::new("plan-old-formats");
    for (version, id, format_version) in [
        ("v2", "20261130-055919-8ab0ba4ceb", 2),
        ("v1", "20261123-061428-f07db3e4a9", 1),
    ] {
        let bytes = fixture(&s, version, id);
        let old: Value = serde_json::from_slice(&bytes).unwrap();
        // Untouched: every action of the signed advice is an open item.
        let r = record::parse(std::str::from_utf8(&bytes).unwrap()).unwrap();
        let view = r.plan_view();
        assert!(!view.is_empty());
        assert!(
            view.lines
                .iter()
                .all(|l| l.item == avg_wijzer::record::plan::Item::open())
        );

        let wf = workflow(&s, jan20);
        let mut work = wf.open(id).unwrap().work;
        let done = wf
            .plan(
                &mut work,
                "1",
                &Change {
                    owner: Some("A. de Vries".into()),
                    status: Some(ItemStatus::Done),
                    ..change()
                },
            )
            .unwrap();
        assert_eq!(done.saved, Saved::Yes, "{id}");
        let new = file(&s, id);
        assert_eq!(new["format_version"], format_version, "{id}");
        assert_eq!(
            without_plan(new.clone()),
            old,
            "{id}: the signed content as it was"
        );
        assert_eq!(record::fingerprint_of(&new), record::fingerprint_of(&old));
        let out = s.run(&["verify", id]);
        out.assert_ok();
        assert!(
            out.stdout.contains("  actieplan: intact, 1 gebeurtenis,"),
            "{id}: {}",
            out.stdout
        );
    }
    check_store_records(&s, &[]);
}

#[test]
fn the_v3_fixtures_open_verify_and_are_written_as_they_were() {
    let s = Scratch::new("plan-v3-fixtures");
    let allowed = allowed_signers(&s);
    for id in ["20261130-121232-de130f5811", "20261130-055919-8ab0ba4ceb"] {
        let bytes = fixture(&s, "v3", id);
        let text = String::from_utf8(bytes).unwrap();
        common::assert_record_file(&text, id);
        let r = record::parse(&text).unwrap();
        assert!(!r.plan.is_empty());
        let out = s.run(&["verify", id, "--allowed-signers", &allowed]);
        out.assert_ok();
        assert!(
            out.stdout.contains("  actieplan: intact,")
                && out.stdout.contains("  handtekening: klopt;"),
            "{}",
            out.stdout
        );
    }
    let text =
        fs::read_to_string(format!("{FIXTURES}/v3/20261130-121232-de130f5811.json")).unwrap();
    let r = record::parse(&text).unwrap();
    let view = r.plan_view();
    let line = view.find("2").unwrap();
    assert_eq!(
        (
            line.item.owner.as_str(),
            line.item.status,
            line.item.due.as_deref()
        ),
        ("A. de Vries", ItemStatus::Done, Some("2027-01-15"))
    );
    assert_eq!(
        view.find("3").unwrap().item.status,
        ItemStatus::NotApplicable
    );
    // A change to how records are written needs a new format version and fixtures of its own.
    if record::VERSION == 3 {
        assert_eq!(
            r.clone().to_json(),
            text,
            "version 3 is no longer written as it was; bump record::VERSION"
        );
    }
}

#[test]
fn progress_and_past_due_on_given_days() {
    let s = Scratch::new("plan-progress");
    let wf = workflow(&s, jan5);
    let mut work = started(&wf, EXAMPLE);
    for (action, due, st) in [
        ("1", "2027-01-10", ItemStatus::Done),
        ("2", "2027-01-14", ItemStatus::InProgress),
        ("3", "2027-01-15", ItemStatus::Open),
        ("9", "2027-01-01", ItemStatus::Open),
    ] {
        wf.plan(
            &mut work,
            action,
            &Change {
                due: Some(due.into()),
                status: Some(st),
                ..change()
            },
        )
        .unwrap();
    }
    wf.plan(
        &mut work,
        "4",
        &Change {
            status: Some(ItemStatus::NotApplicable),
            reason: Some("geen bestaande klanten".into()),
            due: Some("2027-01-01".into()),
            ..change()
        },
    )
    .unwrap();
    let view = work.plan();
    let on = |day: &str| view.progress(day);
    // Done and not applicable count as done; only needed, unsettled items are past due.
    assert_eq!(
        (
            on("2027-01-05").required_done,
            on("2027-01-05").required_total
        ),
        (2, 8)
    );
    assert_eq!(on("2027-01-05").recommended_total, 3);
    assert_eq!(on("2027-01-01").past_due, Vec::<usize>::new());
    assert_eq!(on("2027-01-02").past_due, [9]);
    assert_eq!(on("2027-01-15").past_due, [2, 9]);
    assert_eq!(on("2027-01-16").past_due, [2, 3, 9]);
    // Today is the day in the Netherlands: at 23:30 UTC on 14 January it is the 15th there.
    fn late() -> String {
        "2027-01-14T23:30:00Z".into()
    }
    let wf = workflow(&s, late);
    assert_eq!(wf.today(), "2027-01-15");
    assert_eq!(view.progress(&wf.today()).past_due, [2, 9]);
    // Settled items are not past due.
    wf.plan(&mut work, "2", &status(ItemStatus::Done)).unwrap();
    assert_eq!(work.plan().progress("2027-02-01").past_due, [3, 9]);
}

#[test]
fn every_refusal_changes_nothing() {
    let s = Scratch::new("plan-refusals");
    let wf = workflow(&s, jan5);
    // No advice yet.
    let (mut open, _) = wf.start(Campaign::default(), vec![], Lang::Nl);
    assert_eq!(
        wf.plan(&mut open, "1", &status(ItemStatus::Done)),
        Err(PlanError::NoAdvice)
    );
    let mut work = started(&wf, EXAMPLE);
    let id = work.record().id.clone();
    wf.plan(&mut work, "1", &status(ItemStatus::Done)).unwrap();
    let before = fs::read(s.record_path(&id)).unwrap();
    let history = work.record().plan.history.len();
    let text = |t: &str| Some(t.to_string());
    let unknown = |a: &str| PlanError::UnknownAction(a.into());
    let cases: Vec<(&str, Change, PlanError)> = vec![
        ("", status(ItemStatus::Done), unknown("")),
        ("0", status(ItemStatus::Done), unknown("0")),
        ("12", status(ItemStatus::Done), unknown("12")),
        (
            "geen_actie",
            status(ItemStatus::Done),
            unknown("geen_actie"),
        ),
        ("2", change(), PlanError::NothingGiven),
        (
            "2",
            Change {
                due: text("15-01-2027"),
                ..change()
            },
            PlanError::BadDate("15-01-2027".into()),
        ),
        (
            "2",
            Change {
                due: text("2027-02-30"),
                ..change()
            },
            PlanError::BadDate("2027-02-30".into()),
        ),
        ("2", status(ItemStatus::NotApplicable), PlanError::NoReason),
        (
            "2",
            Change {
                reason: text("omdat"),
                ..change()
            },
            PlanError::ReasonWithoutNotApplicable,
        ),
        (
            "2",
            Change {
                owner: text(&"x".repeat(101)),
                ..change()
            },
            PlanError::TooLong {
                text: Text::Owner,
                max: 100,
            },
        ),
        (
            "2",
            Change {
                note: text(&"x".repeat(301)),
                ..change()
            },
            PlanError::TooLong {
                text: Text::Note,
                max: 300,
            },
        ),
        (
            "2",
            Change {
                note: text("regel\nregel"),
                ..change()
            },
            PlanError::Control(Text::Note),
        ),
        (
            "2",
            Change {
                owner: text("A\u{1b}[2J"),
                ..change()
            },
            PlanError::Control(Text::Owner),
        ),
        (
            "2",
            Change {
                status: Some(ItemStatus::NotApplicable),
                reason: text("x\tx"),
                ..change()
            },
            PlanError::Control(Text::Reason),
        ),
        (
            "2",
            Change {
                by: text("B\u{202e}"),
                status: Some(ItemStatus::Done),
                ..change()
            },
            PlanError::Control(Text::By),
        ),
    ];
    for (action, c, wanted) in cases {
        assert_eq!(
            wf.plan(&mut work, action, &c),
            Err(wanted.clone()),
            "{action} {c:?}"
        );
        english(&format!("{wanted:?}"), &wanted.said(Lang::En));
        assert_ne!(wanted.said(Lang::Nl), wanted.said(Lang::En));
    }
    assert_eq!(work.record().plan.history.len(), history);
    assert_eq!(fs::read(s.record_path(&id)).unwrap(), before);
    // How two of them read.
    assert_eq!(
        PlanError::UnknownAction("12".into()).to_string(),
        "geen actie \"12\" in het actieplan; geef haar id of haar nummer uit avg-wijzer plan"
    );
    assert_eq!(
        PlanError::NoReason.said(Lang::En),
        "\"not applicable\" needs a reason: why does this action not apply here?"
    );
    // The same change again is no change: nothing written.
    let same = wf.plan(&mut work, "1", &status(ItemStatus::Done)).unwrap();
    assert_eq!((same.changes.len(), same.saved), (0, Saved::Unchanged));
}

#[test]
fn a_plan_change_saved_elsewhere_meanwhile_is_never_overwritten() {
    let s = Scratch::new("plan-elsewhere");
    let id = signed_with_plan(&s);
    let wf = workflow(&s, jan20);
    let mut first = wf.open(&id).unwrap().work;
    let mut second = wf.open(&id).unwrap().work;
    wf.plan(
        &mut first,
        "3",
        &Change {
            owner: Some("Piet".into()),
            ..change()
        },
    )
    .unwrap();
    let after_first = fs::read(s.record_path(&id)).unwrap();
    let done = wf
        .plan(
            &mut second,
            "4",
            &Change {
                owner: Some("Anna".into()),
                ..change()
            },
        )
        .unwrap();
    assert!(
        matches!(done.saved, Saved::Failed(SaveFailure::SavedElsewhere(_))),
        "{:?}",
        done.saved
    );
    assert_eq!(fs::read(s.record_path(&id)).unwrap(), after_first);
    assert!(second.is_unsaved());

    // The store's own save compares the plan's seal too: the integrity hash alone is the same.
    let store = s.open_store();
    let mut stale =
        record::parse(&String::from_utf8(fs::read(s.record_path(&id)).unwrap()).unwrap()).unwrap();
    wf.plan(
        &mut first,
        "5",
        &Change {
            owner: Some("Kees".into()),
            ..change()
        },
    )
    .unwrap();
    let err = store.save(&mut stale).unwrap_err();
    assert!(
        err.downcast_ref::<avg_wijzer::store::SavedElsewhere>()
            .is_some(),
        "{err:#}"
    );

    // The list shows the record as it was signed: a plan change is not a change of the
    // assessment.
    let listing = wf.list().unwrap();
    let row = listing.records.iter().find(|r| r.id == id).unwrap();
    assert_eq!(row.status, record::Status::SignedOff);
    assert_eq!(row.updated, file(&s, &id)["updated"].as_str().unwrap());
    assert_eq!(row.updated, "2027-01-05T09:00:00Z");
}
