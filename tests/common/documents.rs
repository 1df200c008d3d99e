//! The cases of the document tests (tests/documents.rs, tests/documents_cli.rs): a case of each
//! use as an answers file with the documents it is offered, the library's facts, and a
//! document rendered in-process.
use serde_json::{Value, json};

use avg_wijzer::answers::{Parsed, assess};
use avg_wijzer::documents::{Case, LibraryItem, Rendered};
use avg_wijzer::text::Lang;

use super::BANK;

/// A case of each use, as an answers file: its name, answers, and the documents it is offered.
pub fn cases() -> Vec<(&'static str, Value, Vec<&'static str>)> {
    let all_but = |skip: &[&str]| -> Vec<&'static str> {
        KINDS
            .iter()
            .copied()
            .filter(|k| !skip.contains(k))
            .collect()
    };
    vec![
        ("area_map", json!({ "use_case": "area_map" }), vec![]),
        (
            "coverage_legitimate_interest",
            json!({
                "use_case": "coverage_analysis", "postcode_granularity": "pc6_house_number",
                "envisia_access": "poi_license", "legal_basis": "legitimate_interest",
                "li_interest": "yes", "li_compatible": "yes", "li_necessary": "yes", "li_balance": "yes"
            }),
            all_but(&["consent_request", "reminder_emails"]),
        ),
        (
            "door_to_door_legitimate_interest",
            json!({
                "use_case": "address_selection", "postcode_granularity": "pc6_house_number",
                "envisia_access": "own_contract", "distribution": "door_to_door",
                "municipal_sticker_regime": "opt_out", "legal_basis": "legitimate_interest",
                "li_interest": "yes", "li_necessary": "yes", "li_balance": "yes"
            }),
            all_but(&["consent_request", "reminder_emails"]),
        ),
        (
            "door_to_door_postcodes",
            json!({
                "use_case": "address_selection", "postcode_granularity": "pc6",
                "sparse_area": "no", "envisia_access": "poi_license",
                "distribution": "door_to_door", "municipal_sticker_regime": "opt_in"
            }),
            vec!["privacy_paragraph", "register_entry"],
        ),
        (
            "direct_marketing_consent",
            json!({
                "use_case": "address_selection", "postcode_granularity": "pc6_house_number",
                "envisia_access": "poi_license", "distribution": "direct_marketing",
                "audience": ["existing_customers", "new_customers", "former_customers"],
                "channel": ["email"], "uses_lending_history": "no",
                "legal_basis": "consent", "existing_consent": "some"
            }),
            all_but(&["li_worksheet"]),
        ),
        (
            "direct_marketing_legitimate_interest",
            json!({
                "use_case": "address_selection", "postcode_granularity": "pc6_house_number",
                "envisia_access": "poi_license", "distribution": "direct_marketing",
                "audience": ["existing_customers", "youth_members"],
                "channel": ["addressed_post"], "uses_lending_history": "no",
                "legal_basis": "legitimate_interest",
                "li_interest": "yes", "li_compatible": "yes", "li_necessary": "yes", "li_balance": "yes"
            }),
            all_but(&["consent_request", "reminder_emails"]),
        ),
        (
            "enrichment_consent",
            json!({
                "use_case": "enrichment", "envisia_access": "poi_license",
                "crm_coupling": "crm_structural",
                "audience": ["existing_customers", "youth_members"],
                "channel": ["email", "addressed_post"], "uses_lending_history": "yes",
                "legal_basis": "consent", "existing_consent": "none"
            }),
            all_but(&["li_worksheet"]),
        ),
    ]
}

/// The stable kinds of document (docs/stable-ids.md), in the bank's order.
pub const KINDS: [&str; 7] = [
    "privacy_paragraph",
    "consent_request",
    "reminder_emails",
    "public_page",
    "staff_briefing",
    "li_worksheet",
    "register_entry",
];

pub const RECORD: &str = "20270115-090000-0000000000";
pub const DATE: &str = "2027-01-15";

/// An answers file with a campaign, two participants (one the FG) and `answers`.
pub fn answers_file(answers: &Value) -> String {
    let mut answers = answers.clone();
    answers["campaign_purpose"] = json!("Meer jonge gezinnen bereiken");
    serde_json::to_string_pretty(&json!({
        "campaign": { "name": "Voorjaarsactie 2027", "organisation": "Bibliotheek Voorbeeldstad" },
        "participants": [
            { "name": "A. de Vries", "role": "marketing" },
            { "name": "B. Jansen", "role": "FG" }
        ],
        "answers": answers
    }))
    .unwrap()
}

pub fn parsed(answers: &Value) -> Parsed {
    assess(&BANK, "test", &answers_file(answers)).expect("a valid answers file")
}

/// The library's facts, as its profile gives them.
pub fn full_facts(item: LibraryItem) -> Option<String> {
    Some(
        match item {
            LibraryItem::Name => "Bibliotheek Voorbeeldstad",
            LibraryItem::Address => "Stationsplein 1, 1234 AB Voorbeeldstad",
            LibraryItem::Kvk => "12345678",
            LibraryItem::FgName => "B. Jansen",
            LibraryItem::FgContact => "fg@bibliotheek-voorbeeldstad.nl",
            LibraryItem::PrivacyContact => "privacy@bibliotheek-voorbeeldstad.nl",
            LibraryItem::SecurityMeasures => "Versleuteling, toegangsbeheer per rol, logging",
            LibraryItem::Retention => "2 jaar na einde lidmaatschap",
        }
        .to_string(),
    )
}

pub fn no_facts(_: LibraryItem) -> Option<String> {
    None
}

/// Justifications for every legitimate-interest question but the balancing test, so that a
/// worksheet shows both.
pub fn some_justifications(q: &str) -> Option<&'static str> {
    match q {
        "li_interest" => {
            Some("Bereik onder jonge gezinnen daalt nu; dat raakt de bibliotheek zelf.")
        }
        "li_compatible" => Some("Leden kregen altijd al informatie over activiteiten."),
        "li_necessary" => Some("Gebiedscijfers van CBS zijn te grof per wijk."),
        _ => None,
    }
}

pub fn case<'a>(
    p: &'a Parsed,
    facts: &'a dyn Fn(LibraryItem) -> Option<String>,
    justification: &'a dyn Fn(&str) -> Option<&'a str>,
) -> Case<'a> {
    Case {
        bank: &BANK,
        session: &p.session,
        outcome: &p.outcome,
        record: RECORD,
        campaign: &p.campaign.name,
        participants: &p.participants,
        justification,
        facts,
        date: DATE,
    }
}

pub fn offered(p: &Parsed) -> Vec<String> {
    let none = |_: &str| None;
    case(p, &no_facts, &none)
        .offered()
        .iter()
        .map(|d| d.id.clone())
        .collect()
}

pub fn render(p: &Parsed, kind: &str, lang: Lang) -> Rendered {
    let just = |q: &str| some_justifications(q);
    let c = case(p, &full_facts, &just);
    let doc = BANK.documents().iter().find(|d| d.id == kind).unwrap();
    assert_eq!(c.refusal(doc), None, "{kind} is offered");
    c.render(doc, lang)
}

pub fn text_of(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap()
}
