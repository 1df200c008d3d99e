//! The action plan through the workflow: edited before and after the sign-off without touching
//! the fingerprint or the FG's signature, sealed on its own (a tampered plan is found and named,
//! a tampered assessment still is), carried into a revision, following the advice when actions
//! drop out or come in, on records of every format, with its progress on given days, every
//! refusal, and the store's saved-elsewhere check for plan-only changes.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;
use std::path::Path;

use serde_json::{Value, json};

use avg_wijzer::answers;
use avg_wijzer::app::{
    Event, PlanChange as Change, PlanError, SaveFailure, Saved, SignOffInput, Work, Workflow,
};
use avg_wijzer::engine::Level;
use avg_wijzer::record::plan::{Field, ItemStatus, PlanEvent, Text};
use avg_wijzer::record::{self, Campaign, Decision, Participant};
use avg_wijzer::text::Lang;

mod common;
use common::english::english;
use common::records::example_with;
use common::{BANK, EXAMPLE, KEY_PUB, PRINCIPAL, Scratch, check_store_records, reseal};

const KEY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/keys/fg_ed25519");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/records");

fn jan5() -> String {
    "2027-01-05T09:00:00Z".into()
}
fn jan20() -> String {
    "2027-01-20T09:00:00Z".into()
}
fn feb1() -> String {
    "2027-02-01T09:00:00Z".into()
}

fn workflow(s: &Scratch, clock: fn() -> String) -> Workflow<'static> {
    Workflow::new(&BANK, Some(s.open_store()), false).with_clock(clock)
}

/// A completed record of `answers`, started (and saved) by `wf`.
fn started(wf: &Workflow<'static>, answers: &str) -> Work<'static> {
    let parsed = answers::assess(&BANK, "test", answers).unwrap();
    let (work, saved) = wf
        .start_answered(
            Campaign {
                name: "Voorjaarsactie 2027".into(),
                ..Campaign::default()
            },
            vec![Participant {
                name: "A. de Vries".into(),
                role: "marketing".into(),
            }],
            Lang::Nl,
            &parsed.session,
        )
        .unwrap();
    assert_eq!(saved, Saved::Yes);
    work
}

fn change() -> Change {
    Change::default()
}

fn status(s: ItemStatus) -> Change {
    Change {
        status: Some(s),
        ..change()
    }
}

fn file(s: &Scratch, id: &str) -> Value {
    serde_json::from_str(&fs::read_to_string(s.record_path(id)).unwrap()).unwrap()
}

/// The record file without its plan: the sealed content, integrity and signature.
fn without_plan(mut v: Value) -> Value {
    v.as_object_mut().unwrap().remove("plan");
    v
}

fn allowed_signers(s: &Scratch) -> String {
    let path = s.write(
        "allowed_signers",
        format!("{PRINCIPAL} namespaces=\"avg-wijzer\" {KEY_PUB}"),
    );
    path.to_str().unwrap().to_string()
}

/// A record whose plan was changed before the sign-off (item 2: owner, date, in progress),
/// signed off with the FG's key; its id.
fn signed_with_plan(s: &Scratch) -> String {
    let wf = workflow(s, jan5);
    let mut work = started(&wf, EXAMPLE);
    let done = wf
        .plan(
            &mut work,
            "2",
            &Change {
                owner: Some("A. de Vries".into()),
                due: Some("2027-01-15".into()),
                status: Some(ItemStatus::InProgress),
                by: Some("A. de Vries".into()),
                ..change()
            },
        )
        .unwrap();
    assert_eq!(done.action, "update_privacy_statement");
    assert_eq!(
        done.changes.iter().map(|c| c.field).collect::<Vec<_>>(),
        [Field::Owner, Field::Due, Field::Status]
    );
    assert_eq!(done.saved, Saved::Yes);
    wf.sign_off(
        &mut work,
        SignOffInput {
            name: "B. Jansen",
            date: "2027-01-05",
            decision: Decision::ApprovedWithConditions,
            remarks: "Eerst de privacyverklaring aanpassen.",
        },
        Some(Path::new(KEY)),
        |_| Ok(String::new()),
    )
    .unwrap();
    work.record().id.clone()
}

#[test]
fn the_plan_changes_after_the_sign_off_without_touching_what_was_signed() {
    let s = Scratch::new("plan-lifecycle");
    let wf = workflow(&s, jan5);
    let mut work = started(&wf, EXAMPLE);
    let id = work.record().id.clone();
    // Untouched: not stored, and every action of the advice is an open item.
    assert!(file(&s, &id).get("plan").is_none());
    let view = work.plan();
    assert_eq!(view.lines.len(), 11);
    assert!(view.lines.iter().all(|l| l.item.status == ItemStatus::Open));
    assert_eq!(
        view.lines
            .iter()
            .filter(|l| l.level == Some(Level::Required))
            .count(),
        8
    );
    // Before the sign-off the plan is saved with the record; the first change starts it with
    // every action.
    let before = wf
        .plan(&mut work, "register_processing", &status(ItemStatus::Done))
        .unwrap();
    assert_eq!(before.saved, Saved::Yes);
    assert_eq!(
        file(&s, &id)["plan"]["items"].as_object().unwrap().len(),
        11
    );

    let id = signed_with_plan(&s);
    let signed = file(&s, &id);
    let fingerprint = signed["integrity"]["hash"].as_str().unwrap().to_string();
    assert_eq!(signed["format_version"], 3);
    assert_eq!(signed["plan"]["seal"]["record"], json!(fingerprint));
    let files = s.store_files().len();

    // After the sign-off, by someone else on another day.
    let wf = workflow(&s, jan20);
    let mut work = wf.open(&id).unwrap().work;
    let done = wf
        .plan(
            &mut work,
            "update_privacy_statement",
            &Change {
                status: Some(ItemStatus::Done),
                note: Some("privacyverklaring v3 gepubliceerd 12-01".into()),
                by: Some("A. de Vries".into()),
                ..change()
            },
        )
        .unwrap();
    assert_eq!(done.saved, Saved::Yes);
    assert!(done.events.is_empty(), "no revision: {:?}", done.events);
    assert_eq!(s.store_files().len(), files, "no new file");
    let after = file(&s, &id);
    // The sealed content, its integrity block and the signature are as they were.
    assert_eq!(without_plan(after.clone()), without_plan(signed.clone()));
    assert_eq!(record::fingerprint_of(&after), fingerprint);
    assert_ne!(after["plan"], signed["plan"]);
    assert_eq!(
        after["plan"]["history"].as_array().unwrap().len(),
        2,
        "one event per change"
    );
    assert_eq!(after["plan"]["history"][1]["at"], "2027-01-20T09:00:00Z");
    assert_eq!(after["plan"]["history"][1]["by"], "A. de Vries");
    assert!(s.open_store().load(&id).unwrap().unverified.is_none());
    check_store_records(&s, &[]);

    // verify: the signed part intact, the signature the FG's, the plan intact.
    let out = s.run(&[
        "verify",
        &id,
        "--allowed-signers",
        &allowed_signers(&s),
        "--expect",
        &fingerprint,
    ]);
    out.assert_ok();
    for line in [
        format!("intact — verslag {id} (revisie 1), sha256 {fingerprint}"),
        "  actieplan: intact, 2 gebeurtenissen, de hashketen vanaf deze vingerafdruk klopt".into(),
        "  handtekening: klopt; gezet met sleutel".into(),
        "  vingerafdruk uit het register (--expect): klopt".into(),
    ] {
        assert!(out.stdout.contains(&line), "{line}\n{}", out.stdout);
    }
    let out = s.run(&["--lang", "en", "verify", &id]);
    out.assert_ok();
    assert!(
        out.stdout.contains(
            "  action plan: intact, 2 events, the hash chain from this fingerprint holds\n"
        ),
        "{}",
        out.stdout
    );
    english("verify", &out.stdout);
}

#[test]
fn a_tampered_plan_is_named_and_the_signed_part_still_holds() {
    let s = Scratch::new("plan-tampered");
    let id = signed_with_plan(&s);
    let good = fs::read_to_string(s.record_path(&id)).unwrap();
    let allowed = allowed_signers(&s);

    // An item changed by hand.
    let mut v: Value = serde_json::from_str(&good).unwrap();
    v["plan"]["items"]["update_privacy_statement"]["status"] = json!("done");
    fs::write(
        s.record_path(&id),
        serde_json::to_string_pretty(&v).unwrap(),
    )
    .unwrap();
    let out = s.run(&["verify", &id, "--allowed-signers", &allowed]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stdout.contains(&format!("intact — verslag {id}")),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("  handtekening: klopt;"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(
            "  actieplan: GEWIJZIGD na het opslaan; wat niet meer klopt: actie update_privacy_statement\n"
        ),
        "{}",
        out.stdout
    );
    let out = s.run(&["--lang", "en", "verify", &id]);
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.contains(
            "  action plan: ALTERED after it was saved; what no longer holds: action update_privacy_statement\n"
        ),
        "{}",
        out.stdout
    );
    english("verify", &out.stdout);
    // It is not worked on, nor exported, as if it held.
    let wf = workflow(&s, jan20);
    let refused = wf.open(&id).err().expect("refused");
    let altered = refused.downcast_ref::<record::Altered>().unwrap();
    assert_eq!(altered.parts, ["plan"]);
    s.run(&["export", &id, "--format", "md"]).assert_error(
        2,
        &format!("verslag {id} is na het opslaan gewijzigd (plan): niet voort te zetten, af te tekenen of te exporteren. Controleer het met avg-wijzer verify {id}; --accept-altered zet het voort als nieuwe revisie die dat vermeldt"),
    );

    // An event of its history changed by hand, the items left alone.
    let mut v: Value = serde_json::from_str(&good).unwrap();
    v["plan"]["history"][0]["changes"][0]["to"] = json!("B. Jansen");
    fs::write(
        s.record_path(&id),
        serde_json::to_string_pretty(&v).unwrap(),
    )
    .unwrap();
    let out = s.run(&["verify", &id]);
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.contains(
            "  actieplan: GEWIJZIGD na het opslaan; wat niet meer klopt: de hashketen is gebroken bij gebeurtenis 1 van 1\n"
        ),
        "{}",
        out.stdout
    );

    // The plan of another record put in: sealed with another fingerprint.
    let other = signed_with_plan(&s);
    let mut v: Value = serde_json::from_str(&good).unwrap();
    v["plan"] = file(&s, &other)["plan"].clone();
    fs::write(
        s.record_path(&id),
        serde_json::to_string_pretty(&v).unwrap(),
    )
    .unwrap();
    let out = s.run(&["verify", &id]);
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.contains("de hashketen is gebroken bij gebeurtenis 1 van 1; het is verzegeld bij een andere vingerafdruk dan die van dit verslag"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_tampered_assessment_is_still_caught_with_a_plan() {
    let s = Scratch::new("plan-assessment-tampered");
    let id = signed_with_plan(&s);
    let good = fs::read_to_string(s.record_path(&id)).unwrap();
    let allowed = allowed_signers(&s);

    // The remarks changed, nothing resealed: the signed part is altered; the plan, sealed
    // with the fingerprint the file states, still holds.
    let mut v: Value = serde_json::from_str(&good).unwrap();
    v["signoff"]["remarks"] = json!("Geen voorwaarden.");
    fs::write(
        s.record_path(&id),
        serde_json::to_string_pretty(&v).unwrap(),
    )
    .unwrap();
    let out = s.run(&["verify", &id]);
    assert_eq!(out.code, 1);
    assert!(
        out.stdout
            .contains("GEWIJZIGD na het opslaan; wat niet meer klopt: signoff\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("  actieplan: intact, 1 gebeurtenis"),
        "{}",
        out.stdout
    );

    // Resealed as the program would: the FG's signature no longer fits, and the plan was
    // sealed with the fingerprint the record had.
    reseal(&mut v);
    fs::write(
        s.record_path(&id),
        serde_json::to_string_pretty(&v).unwrap(),
    )
    .unwrap();
    let out = s.run(&["verify", &id, "--allowed-signers", &allowed]);
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.contains("  handtekening: KLOPT NIET"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("het is verzegeld bij een andere vingerafdruk dan die van dit verslag"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_revision_carries_the_plan_and_follows_its_advice() {
    let s = Scratch::new("plan-revision");
    let id = signed_with_plan(&s);
    let signed = fs::read(s.record_path(&id)).unwrap();
    let wf = workflow(&s, jan20);
    let mut work = wf.open(&id).unwrap().work;
    let channel = BANK.question_id("channel").unwrap();
    let post = BANK.questions[channel]
        .parse_answer(&json!(["addressed_post"]))
        .unwrap();
    let changed = wf.answer(&mut work, channel, post).unwrap();
    assert!(matches!(&changed.events[..], [Event::Revised { from, .. }] if *from == id));
    assert_eq!(changed.saved, Saved::Yes);
    assert_eq!(
        fs::read(s.record_path(&id)).unwrap(),
        signed,
        "the signed record as it was"
    );

    let new = work.record().id.clone();
    let v = file(&s, &new);
    let item = &v["plan"]["items"]["update_privacy_statement"];
    assert_eq!(item["owner"], "A. de Vries");
    assert_eq!(item["status"], "in_progress");
    assert_eq!(item["due"], "2027-01-15");
    // The action the new advice no longer has: kept, no longer needed.
    assert_eq!(v["plan"]["items"]["similar_products_only"]["needed"], false);
    let last = &v["plan"]["history"][1];
    assert_eq!(
        (last["event"].as_str(), last["action"].as_str()),
        (Some("dropped"), Some("similar_products_only"))
    );
    // Sealed with the revision's own fingerprint.
    assert_eq!(v["plan"]["seal"]["record"], v["integrity"]["hash"]);
    assert!(s.open_store().load(&new).unwrap().unverified.is_none());
    check_store_records(&s, &[]);
}

#[test]
fn items_of_dropped_actions_are_kept_and_new_actions_get_an_open_item() {
    let s = Scratch::new("plan-follows");
    let wf = workflow(&s, jan5);
    let mut work = started(&wf, EXAMPLE);
    let id = work.record().id.clone();
    wf.plan(
        &mut work,
        "similar_products_only",
        &Change {
            owner: Some("Piet".into()),
            status: Some(ItemStatus::InProgress),
            ..change()
        },
    )
    .unwrap();
    let channel = BANK.question_id("channel").unwrap();
    let answer = |v: Value| BANK.questions[channel].parse_answer(&v).unwrap();
    wf.answer(&mut work, channel, answer(json!(["addressed_post"])))
        .unwrap();
    let item = &work.record().plan.items["similar_products_only"];
    assert!(!item.needed);
    assert_eq!(
        (item.owner.as_str(), item.status),
        ("Piet", ItemStatus::InProgress)
    );
    let view = work.plan();
    let last = view.lines.last().unwrap();
    assert_eq!(
        (last.number, last.action.as_str(), last.level),
        (11, "similar_products_only", None)
    );
    let p = view.progress("2027-01-05");
    assert_eq!((p.required_done, p.required_total), (0, 7));
    // Saved: the file says so too.
    let v = file(&s, &id);
    assert_eq!(v["plan"]["items"]["similar_products_only"]["needed"], false);
    assert_eq!(v["plan"]["items"]["similar_products_only"]["owner"], "Piet");
    // Changed by its number, though no longer needed.
    wf.plan(
        &mut work,
        "11",
        &Change {
            note: Some("niet meer nodig: alleen post".into()),
            ..change()
        },
    )
    .unwrap();
    // Back in the advice: as it was.
    wf.answer(&mut work, channel, answer(json!(["email"])))
        .unwrap();
    let item = &work.record().plan.items["similar_products_only"];
    assert!(item.needed && item.owner == "Piet");
    assert!(matches!(
        work.record().plan.history.last(),
        Some(PlanEvent::Restored { action, .. }) if action == "similar_products_only"
    ));

    // The other way round: an action the plan did not know gets an open item.
    let mut work = started(&wf, &example_with(json!({ "channel": ["addressed_post"] })));
    wf.plan(&mut work, "1", &status(ItemStatus::Done)).unwrap();
    assert!(
        !work
            .record()
            .plan
            .items
            .contains_key("similar_products_only")
    );
    wf.answer(&mut work, channel, answer(json!(["email"])))
        .unwrap();
    assert!(matches!(
        work.record().plan.history.last(),
        Some(PlanEvent::Added { action, .. }) if action == "similar_products_only"
    ));
    assert_eq!(
        work.record().plan.items["similar_products_only"],
        avg_wijzer::record::plan::Item::open()
    );
    check_store_records(&s, &[]);
}

/// A fixture copied into the store.
fn fixture(s: &Scratch, version: &str, id: &str) -> Vec<u8> {
    let bytes = fs::read(format!("{FIXTURES}/{version}/{id}.json")).unwrap();
    fs::create_dir_all(s.store()).unwrap();
    fs::write(s.record_path(id), &bytes).unwrap();
    bytes
}

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

#[test]
fn an_altered_record_continued_knowingly_gets_its_plan_change_in_a_new_revision() {
    let s = Scratch::new("plan-altered");
    let wf = workflow(&s, feb1);
    let mut work = started(&wf, EXAMPLE);
    let id = work.record().id.clone();
    wf.plan(&mut work, "1", &status(ItemStatus::Done)).unwrap();
    let mut v = file(&s, &id);
    v["campaign"]["name"] = json!("Anders");
    let altered = serde_json::to_string_pretty(&v).unwrap();
    fs::write(s.record_path(&id), &altered).unwrap();
    let wf = Workflow::new(&BANK, Some(s.open_store()), true).with_clock(feb1);
    let mut work = wf.open(&id).unwrap().work;
    let done = wf
        .plan(&mut work, "2", &status(ItemStatus::InProgress))
        .unwrap();
    assert!(matches!(
        &done.events[..],
        [Event::Revised { altered: true, .. }]
    ));
    assert_eq!(fs::read_to_string(s.record_path(&id)).unwrap(), altered);
    let new = file(&s, &work.record().id);
    assert_eq!(
        new["plan"]["items"]["register_processing"]["status"],
        "done"
    );
    assert_eq!(
        new["plan"]["items"]["update_privacy_statement"]["status"],
        "in_progress"
    );
    check_store_records(&s, &[&format!("{id}.json")]);
}
