//! Records to compare, made in-process (for `compare` and the interface's comparison): the
//! example campaign's address selection (allowed with actions), an enrichment of the member
//! file (not allowed, with remedies), and the address selection signed off with its second
//! revision on a legitimate interest.
use serde_json::{Value, json};

use avg_wijzer::record::{Assessment, Campaign, Decision, Record};
use avg_wijzer::text::Lang;

use super::records::{answer, answer_all};
use super::{BANK, EXAMPLE};

pub const A_ID: &str = "20270101-090000-00000000a1";
pub const B_ID: &str = "20270102-090000-00000000b1";
pub const R2_ID: &str = "20270103-090000-00000000a2";

/// A completed record with `answers` (the answers file's `answers`), made at `now`.
pub fn made(id: &str, name: &str, answers: Value, now: &str) -> Assessment<'static> {
    let mut a = Assessment::start(
        &BANK,
        id.into(),
        Campaign {
            name: name.into(),
            ..Campaign::default()
        },
        vec![],
        Lang::Nl,
        now,
    );
    let src = json!({ "campaign": { "name": name }, "answers": answers }).to_string();
    answer_all(&mut a, &src, now);
    a
}

pub fn example_answers() -> Value {
    serde_json::from_str::<Value>(EXAMPLE).unwrap()["answers"].clone()
}

/// Address selection by e-mail on consent (allowed with actions).
pub fn address_selection() -> Record {
    made(
        A_ID,
        "Voorjaarsactie 2027",
        example_answers(),
        "2027-01-01T09:00:00Z",
    )
    .record
}

/// Enrichment of the member file, coupled for good, on a legitimate interest: not allowed,
/// with remedies.
pub fn enrichment() -> Record {
    made(
        B_ID,
        "Verrijking ledenbestand",
        json!({
            "use_case": "enrichment",
            "envisia_access": "poi_license",
            "crm_coupling": "crm_structural",
            "audience": ["existing_customers"],
            "channel": ["none"],
            "legal_basis": "legitimate_interest",
            "li_interest": "yes",
            "li_compatible": "yes",
            "li_necessary": "yes",
            "li_balance": "yes"
        }),
        "2027-01-02T09:00:00Z",
    )
    .record
}

/// The address selection signed off, and its second revision: a legitimate interest instead
/// of consent, with a justification and a note.
pub fn revision_pair() -> (Record, Record) {
    let mut a = made(
        A_ID,
        "Voorjaarsactie 2027",
        example_answers(),
        "2027-01-01T09:00:00Z",
    );
    a.sign_off(
        "B. Jansen",
        "2027-01-02",
        Decision::Approved,
        "",
        "2027-01-02T10:00:00Z",
    )
    .unwrap();
    let t = "2027-01-03T09:00:00Z";
    let mut b = a.revise(R2_ID.into(), t, None);
    answer(&mut b, "legal_basis", json!("legitimate_interest"), t);
    for q in ["li_interest", "li_compatible", "li_necessary", "li_balance"] {
        answer(&mut b, q, json!("yes"), t);
    }
    b.justify("li_interest", "More members in district X.", t)
        .unwrap();
    b.note(Some("legal_basis"), "Checked with the FG on 3 January.", t)
        .unwrap();
    (a.record, b.record)
}
