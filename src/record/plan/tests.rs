use serde_json::{Value, json};

use super::*;
use crate::engine::Level;

fn action(id: &str, level: Level) -> ActionView {
    ActionView {
        id: id.into(),
        level,
        title: format!("Title of {id}"),
        rationale: String::new(),
        sources: Vec::new(),
    }
}

fn actions() -> Vec<ActionView> {
    vec![
        action("b_rec", Level::Recommended),
        action("a_req", Level::Required),
        action("c_req", Level::Required),
    ]
}

const T: &str = "2027-01-10T09:00:00Z";

fn owner(o: &str) -> Change {
    Change {
        owner: Some(o.into()),
        ..Change::default()
    }
}

#[test]
fn an_untouched_plan_reads_as_the_advice_and_is_not_stored() {
    let mut plan = Plan::default();
    assert!(!plan.follow(&actions(), T));
    assert!(plan.is_empty());
    let view = plan.view(&actions());
    let order: Vec<(usize, &str)> = view
        .lines
        .iter()
        .map(|l| (l.number, l.action.as_str()))
        .collect();
    assert_eq!(order, [(1, "a_req"), (2, "c_req"), (3, "b_rec")]);
    assert!(view.lines.iter().all(|l| l.item == Item::open()));
    let p = view.progress("2027-01-10");
    assert_eq!((p.required_done, p.required_total), (0, 2));
    assert_eq!((p.recommended_done, p.recommended_total), (0, 1));
}

#[test]
fn the_first_change_starts_the_plan_with_every_action() {
    let mut plan = Plan::default();
    let changes = plan
        .apply(&actions(), "c_req", &owner(" Anna "), T)
        .unwrap();
    assert_eq!(
        changes,
        [FieldChange {
            field: Field::Owner,
            from: String::new(),
            to: "Anna".into()
        }]
    );
    assert_eq!(plan.items.len(), 3);
    assert_eq!(plan.items["c_req"].owner, "Anna");
    assert_eq!(plan.history.len(), 1);
    // The same again changes nothing and records nothing.
    assert_eq!(
        plan.apply(&actions(), "c_req", &owner("Anna"), T),
        Ok(vec![])
    );
    assert_eq!(plan.history.len(), 1);
}

#[test]
fn refusals() {
    let mut plan = Plan::default();
    let a = actions();
    let na = Change {
        status: Some(ItemStatus::NotApplicable),
        ..Change::default()
    };
    assert_eq!(plan.apply(&a, "a_req", &na, T), Err(PlanError::NoReason));
    let with_reason = |r: &str| Change {
        reason: Some(r.into()),
        ..na.clone()
    };
    assert_eq!(
        plan.apply(&a, "a_req", &with_reason("  "), T),
        Err(PlanError::NoReason)
    );
    let reason_only = Change {
        reason: Some("want".into()),
        ..Change::default()
    };
    assert_eq!(
        plan.apply(&a, "a_req", &reason_only, T),
        Err(PlanError::ReasonWithoutNotApplicable)
    );
    assert_eq!(
        plan.apply(&a, "zzz", &owner("x"), T),
        Err(PlanError::UnknownAction("zzz".into()))
    );
    assert_eq!(
        plan.apply(&a, "a_req", &Change::default(), T),
        Err(PlanError::NothingGiven)
    );
    let due = |d: &str| Change {
        due: Some(d.into()),
        ..Change::default()
    };
    assert_eq!(
        plan.apply(&a, "a_req", &due("15-01-2027"), T),
        Err(PlanError::BadDate("15-01-2027".into()))
    );
    assert_eq!(
        plan.apply(&a, "a_req", &owner(&"x".repeat(MAX_OWNER + 1)), T),
        Err(PlanError::TooLong {
            text: Text::Owner,
            max: MAX_OWNER
        })
    );
    assert_eq!(
        plan.apply(&a, "a_req", &owner("a\nb"), T),
        Err(PlanError::Control(Text::Owner))
    );
    let bidi = Change {
        note: Some("ok\u{202e}kcab".into()),
        ..Change::default()
    };
    assert_eq!(
        plan.apply(&a, "a_req", &bidi, T),
        Err(PlanError::Control(Text::Note))
    );
    // Nothing refused was recorded.
    assert!(plan.is_empty());
    // A reason with not_applicable is taken, and goes when the status does.
    plan.apply(&a, "a_req", &with_reason("geen e-mail"), T)
        .unwrap();
    assert_eq!(plan.items["a_req"].reason, "geen e-mail");
    let reopened = Change {
        status: Some(ItemStatus::Open),
        ..Change::default()
    };
    let changes = plan.apply(&a, "a_req", &reopened, T).unwrap();
    assert_eq!(
        changes.iter().map(|c| c.field).collect::<Vec<_>>(),
        [Field::Status, Field::Reason]
    );
    assert_eq!(plan.items["a_req"].reason, "");
    // A date can be taken away again.
    plan.apply(&a, "a_req", &due("2027-02-01"), T).unwrap();
    plan.apply(&a, "a_req", &due(""), T).unwrap();
    assert_eq!(plan.items["a_req"].due, None);
}

#[test]
fn the_plan_follows_the_advice_and_keeps_what_was_recorded() {
    let mut plan = Plan::default();
    plan.apply(&actions(), "c_req", &owner("Anna"), T).unwrap();
    let fewer = vec![
        action("a_req", Level::Required),
        action("d_new", Level::Required),
    ];
    assert!(plan.follow(&fewer, "2027-01-11T00:00:00Z"));
    assert!(!plan.items["c_req"].needed);
    assert_eq!(plan.items["c_req"].owner, "Anna");
    assert!(plan.items["d_new"].needed);
    let kinds: Vec<&str> = plan.history[1..]
        .iter()
        .map(|e| match e {
            PlanEvent::Dropped { action, .. } => action.as_str(),
            PlanEvent::Added { action, .. } => action.as_str(),
            _ => "?",
        })
        .collect();
    assert_eq!(kinds, ["b_rec", "c_req", "d_new"]);
    let view = plan.view(&fewer);
    let gone: Vec<&str> = view
        .lines
        .iter()
        .filter(|l| !l.is_needed())
        .map(|l| l.action.as_str())
        .collect();
    assert_eq!(gone, ["b_rec", "c_req"]);
    // Gone items are changed by their number too, and do not count.
    assert_eq!(view.find("4").map(|l| l.action.as_str()), Some("c_req"));
    assert_eq!(view.progress("2027-01-11").required_total, 2);
    // Back in the advice: counted again, as it was.
    assert!(plan.follow(&actions(), "2027-01-12T00:00:00Z"));
    assert!(plan.items["c_req"].needed && plan.items["c_req"].owner == "Anna");
    assert!(
        matches!(plan.history.last(), Some(PlanEvent::Dropped { action, .. }) if action == "d_new")
    );
    // Following the same advice again changes nothing.
    assert!(!plan.follow(&actions(), "2027-01-13T00:00:00Z"));
}

#[test]
fn progress_counts_settled_items_and_past_due_ones_on_a_given_day() {
    let mut plan = Plan::default();
    let a = actions();
    let set = |status, due: &str| Change {
        status: Some(status),
        due: Some(due.into()),
        reason: (status == ItemStatus::NotApplicable).then(|| "n.v.t.".to_string()),
        ..Change::default()
    };
    plan.apply(&a, "a_req", &set(ItemStatus::Done, "2027-01-05"), T)
        .unwrap();
    plan.apply(&a, "c_req", &set(ItemStatus::InProgress, "2027-01-15"), T)
        .unwrap();
    plan.apply(
        &a,
        "b_rec",
        &set(ItemStatus::NotApplicable, "2027-01-01"),
        T,
    )
    .unwrap();
    let view = plan.view(&a);
    let on = |day: &str| view.progress(day);
    assert_eq!(on("2027-01-15").past_due, Vec::<usize>::new());
    assert_eq!(on("2027-01-16").past_due, [2]);
    let p = on("2027-01-16");
    assert_eq!((p.required_done, p.required_total), (1, 2));
    assert_eq!((p.recommended_done, p.recommended_total), (1, 1));
    assert!(!p.required_complete());
}

fn sealed_value(plan: &Plan, fingerprint: &str) -> Value {
    let mut plan = plan.clone();
    plan.seal_to(fingerprint);
    json!({ "integrity": { "hash": fingerprint }, "plan": plan })
}

#[test]
fn the_seal_names_the_item_and_the_event_that_changed() {
    let mut plan = Plan::default();
    plan.apply(&actions(), "a_req", &owner("Anna"), T).unwrap();
    plan.apply(&actions(), "c_req", &owner("Piet"), T).unwrap();
    let fp = "f".repeat(64);
    let v = sealed_value(&plan, &fp);
    assert_eq!(verify_plan(&v), PlanCheck::Intact { events: 2 });
    assert_eq!(verify_plan(&json!({})), PlanCheck::Absent);
    // It reads back as it was.
    let back: Plan = serde_json::from_value(v["plan"].clone()).unwrap();
    let mut sealed = plan.clone();
    sealed.seal_to(&fp);
    assert_eq!(back, sealed);

    let mut item = v.clone();
    item["plan"]["items"]["c_req"]["status"] = json!("done");
    let PlanCheck::Altered(a) = verify_plan(&item) else {
        panic!("not altered")
    };
    assert_eq!(
        (a.items, a.event, a.foreign),
        (vec!["c_req".into()], None, false)
    );

    let mut event = v.clone();
    event["plan"]["history"][0]["changes"][0]["to"] = json!("Bob");
    let PlanCheck::Altered(a) = verify_plan(&event) else {
        panic!("not altered")
    };
    assert_eq!((a.event, a.events), (Some(1), 2));

    // The same plan on another record breaks at its first event.
    let mut moved = v.clone();
    moved["integrity"]["hash"] = json!("e".repeat(64));
    let PlanCheck::Altered(a) = verify_plan(&moved) else {
        panic!("not altered")
    };
    assert!(a.foreign && a.event == Some(1));

    let mut seal = v;
    seal["plan"]["seal"]["hash"] = json!("0".repeat(64));
    let PlanCheck::Altered(a) = verify_plan(&seal) else {
        panic!("not altered")
    };
    assert!(a.items.is_empty() && a.event.is_none() && !a.foreign);
}
