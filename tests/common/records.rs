//! Records made in-process for the record tests: a record fixed to the byte (for snapshots), one
//! in progress, one from the example answers, and answering in the answers-file form.
use serde_json::{Value, json};

use avg_wijzer::answers;
use avg_wijzer::record::{Assessment, Campaign, Decision, Event, Participant, Record};
use avg_wijzer::text::Lang;

use super::{BANK, EXAMPLE};

/// Answers a whole answers file (its answers and the bank's defaults), in the bank's order,
/// at `now`, as `new` does.
pub fn answer_all(a: &mut Assessment<'_>, answers_src: &str, now: &str) {
    let parsed = answers::assess(a.bank, "test", answers_src).expect("a valid answers file");
    a.answer_all(&parsed.session, now).unwrap();
}

/// Answers `question` with `value` (in the answers-file form) at `now`.
pub fn answer(a: &mut Assessment<'_>, question: &str, value: Value, now: &str) {
    let q = a
        .bank
        .question_id(question)
        .expect("a question of the bank");
    let parsed = a.bank.questions[q].parse_answer(&value).unwrap();
    a.answer(q, parsed, now).unwrap();
}

/// The example answers with some answers replaced.
pub fn example_with(changes: Value) -> String {
    let mut v: Value = serde_json::from_str(EXAMPLE).unwrap();
    for (k, x) in changes.as_object().unwrap() {
        v["answers"][k] = x.clone();
    }
    serde_json::to_string_pretty(&v).unwrap()
}

/// The id of [`fixed_record`].
pub const FIXED_ID: &str = "20270101-000000-0000000000";

/// A record fixed to the byte: fixed id and times, a campaign name that needs escaping in
/// every format, a changed answer, notes and a sign-off.
pub fn fixed_record() -> Record {
    let bank = &*BANK;
    let mut a = Assessment::start(
        bank,
        FIXED_ID.into(),
        Campaign {
            name: "Voorjaarsactie <b>&\"2027\"".into(),
            description: "Leden en oud-leden mailen, met een komma; en \"aanhalingstekens\"".into(),
            organisation: "Bibliotheek Voorbeeldstad".into(),
        },
        vec![
            Participant {
                name: "A. de Vries".into(),
                role: "marketing".into(),
            },
            Participant {
                name: "B. Jansen".into(),
                role: "FG".into(),
            },
        ],
        Lang::Nl,
        "2027-01-01T00:00:00Z",
    );
    answer_all(
        &mut a,
        &example_with(json!({ "channel": ["addressed_post"] })),
        "2027-01-01T00:05:00Z",
    );
    answer(&mut a, "channel", json!(["email"]), "2027-01-01T00:10:00Z");
    a.note(
        Some("channel"),
        "Alleen leden die de nieuwsbrief ontvangen.",
        "2027-01-01T00:12:00Z",
    )
    .unwrap();
    a.note(
        None,
        "Besproken in het MT van 1 januari.",
        "2027-01-01T00:13:00Z",
    )
    .unwrap();
    a.sign_off(
        "B. Jansen",
        "2027-01-02",
        Decision::ApprovedWithConditions,
        "Eerst de privacyverklaring aanpassen.",
        "2027-01-02T09:00:00Z",
    )
    .unwrap();
    let mut r = a.record;
    // The bank's hash changes with every edit of the bank; pinned, the snapshots change only
    // when what a person reads changes.
    let pinned = "5a".repeat(32);
    r.bank.sha256 = pinned.clone();
    if let Some(o) = r.outcome.as_mut() {
        o.bank.sha256 = pinned;
    }
    r.seal();
    r
}

/// A record with only some answers: in progress, no advice.
pub fn in_progress_record(id: &str) -> Record {
    let mut a = Assessment::start(
        &BANK,
        id.into(),
        Campaign {
            name: "Halfvol".into(),
            ..Campaign::default()
        },
        vec![],
        Lang::En,
        "2027-02-01T10:00:00Z",
    );
    answer(
        &mut a,
        "use_case",
        json!("address_selection"),
        "2027-02-01T10:01:00Z",
    );
    let mut r = a.record;
    r.seal();
    r
}

/// A completed record from the example answers with `id`, made in-process.
pub fn example_record(id: &str, now: &str) -> Record {
    let mut a = Assessment::start(
        &BANK,
        id.into(),
        Campaign {
            name: "Voorjaarsactie 2027".into(),
            ..Campaign::default()
        },
        vec![],
        Lang::Nl,
        now,
    );
    answer_all(&mut a, EXAMPLE, now);
    let mut r = a.record;
    r.seal();
    r
}

/// The kinds of the events in a record's history, in order.
pub fn event_kinds(r: &Record) -> Vec<&'static str> {
    r.history
        .iter()
        .map(|e| match e {
            Event::Created { .. } => "created",
            Event::Answered { .. } => "answered",
            Event::Changed { .. } => "changed",
            Event::Note { .. } => "note",
            Event::Justified { .. } => "justified",
            Event::CampaignChanged { .. } => "campaign_changed",
            Event::Completed { .. } => "completed",
            Event::SignedOff { .. } => "signed_off",
            Event::Revision { .. } => "revision",
            Event::BankChanged { .. } => "bank_changed",
        })
        .collect()
}
