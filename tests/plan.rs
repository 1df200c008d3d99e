//! The action plan through the workflow: edited before and after the sign-off without touching
//! the fingerprint or the FG's signature, sealed on its own (a tampered plan is found and named,
//! a tampered assessment still is), carried into a revision, and following the advice when
//! actions drop out or come in. (Records of every format, progress, refusals and the store's
//! checks: `tests/plan_records.rs`.)
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;

use serde_json::{Value, json};

use avg_wijzer::app::{Event, PlanChange as Change, Saved, Workflow};
use avg_wijzer::engine::Level;
use avg_wijzer::record::plan::{ItemStatus, PlanEvent};
use avg_wijzer::record::{self};

mod common;
use common::english::english;
use common::plan::*;
use common::records::example_with;
use common::{BANK, EXAMPLE, Scratch, check_store_records, reseal};

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
