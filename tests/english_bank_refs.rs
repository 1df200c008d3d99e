//! A question bank whose parts refer to each other wrongly is refused with every defect said in
//! the run's language, English naming the same files, ids and keys as the Dutch: an id defined
//! twice, an id that names nothing, a condition that does not fit its question, definitions and
//! questions in a cycle; and the unused definition the lint reports, in either language. Each
//! case is the small valid bank (`tests/banks/valid_small`) with one thing broken.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use serde_json::json;

use avg_wijzer::text::Lang;

mod common;
use common::banks::item;
use common::english::english;
use common::small_bank::{TestBank, assert_said};

// ---------------------------------------------------------------------------------------------
// Ids: given twice, unknown, reserved.

#[test]
fn an_id_defined_twice_names_both_files() {
    let b = TestBank::new("duplicate");
    b.raw(
        "extra.json",
        json!({ "questions": [{
            "id": "has_consent", "kind": "yes_no",
            "prompt": { "nl": "Nog eens?", "en": "Again?" },
            "next": [{ "to": "end" }]
        }], "defs": { "mailing": { "answered": "media" } } })
        .to_string(),
    );
    assert_said(
        &b.refused(),
        &[
            "questions.json: vraag \"has_consent\" is dubbel gedefinieerd (ook in extra.json)",
            "extra.json: definitie \"mailing\" is dubbel gedefinieerd (ook in content.json)",
        ],
        &[
            "questions.json: question \"has_consent\" is defined twice (also in extra.json)",
            "extra.json: definition \"mailing\" is defined twice (also in content.json)",
        ],
    );
}

#[test]
fn unknown_ids_in_conditions_branches_and_rules() {
    let b = TestBank::new("unknown");
    b.edit("questions.json", |v| {
        let q = item(v, "questions", "activity");
        q["next"][0]["when"] = json!({ "answer": "activty", "is": "map_only" });
        q["next"][1]["to"] = json!("medium");
    });
    b.edit("content.json", |v| {
        item(v, "rules", "mailing")["require"] = json!(["record"]);
        item(v, "rules", "mailing")["when"] = json!({ "ref": "mailng" });
        item(v, "rules", "mailing")["set"] = json!({ "contact": true });
    });
    b.edit("bank.json", |v| v["bank"]["start"] = json!("activiteit"));
    assert_said(
        &b.refused(),
        &[
            "questions.json: vraag \"activity\", next[0].when: onbekende vraag \"activty\"",
            "questions.json: vraag \"activity\", next[1].to: onbekende vraag \"medium\"",
            "content.json: regel \"mailing\", when: onbekende definitie \"mailng\"; bekend: mailing",
            "content.json: regel \"mailing\", set: onbekende bevinding \"contact\"",
            "content.json: regel \"mailing\", require: onbekende actie \"record\"; bekend: ask_consent, record_mailing",
            "bank.json: bank.start: onbekende vraag \"activiteit\"",
        ],
        &[
            "questions.json: question \"activity\", next[0].when: unknown question \"activty\"",
            "questions.json: question \"activity\", next[1].to: unknown question \"medium\"",
            "content.json: rule \"mailing\", when: unknown definition \"mailng\"; known: mailing",
            "content.json: rule \"mailing\", set: unknown finding \"contact\"",
            "content.json: rule \"mailing\", require: unknown action \"record\"; known: ask_consent, record_mailing",
            "bank.json: bank.start: unknown question \"activiteit\"",
        ],
    );
}

#[test]
fn conditions_that_do_not_fit_their_question() {
    let b = TestBank::new("conditions");
    b.edit("questions.json", |v| {
        item(v, "questions", "activity")["next"][0]["when"] =
            json!({ "answer": "activity", "is": "map" });
    });
    b.edit("content.json", |v| {
        item(v, "rules", "email_without_consent")["when"] = json!({ "all": [
            { "answer": "media", "is": "email" },
            { "answer": "has_consent", "includes": "no" },
            { "answer": "has_consent", "equals": "no" },
            { "question": "media" },
            null
        ]});
    });
    assert_said(
        &b.refused(),
        &[
            "questions.json: vraag \"activity\", next[0].when: vraag \"activity\" heeft geen optie \"map\"; opties: map_only, mailing",
            "content.json: regel \"email_without_consent\", when.all[0]: vraag \"media\" is een meerkeuzevraag: gebruik \"includes\" of \"includes_any\"",
            "content.json: regel \"email_without_consent\", when.all[1]: vraag \"has_consent\" is geen meerkeuzevraag: gebruik \"is\" of \"in\"",
            "content.json: regel \"email_without_consent\", when.all[2]: onbekende test \"equals\"; gebruik is, in, includes of includes_any",
            "content.json: regel \"email_without_consent\", when.all[3]: onbekende voorwaarde met \"question\"; gebruik answer+is/in/includes/includes_any, answered, all, any, not of ref",
            "content.json: regel \"email_without_consent\", when.all[4]: een voorwaarde is een object, zoals {\"answer\": \"use_case\", \"is\": \"area_map\"}; gevonden: null",
        ],
        &[
            "questions.json: question \"activity\", next[0].when: question \"activity\" has no option \"map\"; options: map_only, mailing",
            "content.json: rule \"email_without_consent\", when.all[0]: question \"media\" is a multiple-choice question: use \"includes\" or \"includes_any\"",
            "content.json: rule \"email_without_consent\", when.all[1]: question \"has_consent\" is not a multiple-choice question: use \"is\" or \"in\"",
            "content.json: rule \"email_without_consent\", when.all[2]: unknown test \"equals\"; use is, in, includes or includes_any",
            "content.json: rule \"email_without_consent\", when.all[3]: unknown condition with \"question\"; use answer+is/in/includes/includes_any, answered, all, any, not or ref",
            "content.json: rule \"email_without_consent\", when.all[4]: a condition is an object, like {\"answer\": \"use_case\", \"is\": \"area_map\"}; found: null",
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// Definitions and cycles.

#[test]
fn a_definition_that_refers_to_itself() {
    let b = TestBank::new("def-self");
    b.edit("content.json", |v| {
        v["defs"]["mailing"] = json!({ "not": { "ref": "mailing" } });
    });
    assert_said(
        &b.refused(),
        &[
            "content.json: defs.mailing.not: definities verwijzen in een kring naar elkaar: mailing → mailing",
        ],
        &[
            "content.json: defs.mailing.not: definitions refer to each other in a cycle: mailing → mailing",
        ],
    );
}

#[test]
fn questions_in_a_cycle() {
    let b = TestBank::new("cycle");
    b.edit("questions.json", |v| {
        item(v, "questions", "has_consent")["next"] = json!([{ "to": "media" }]);
    });
    assert_said(
        &b.refused(),
        &["questions.json: de vragen vormen een kring: media → has_consent → media"],
        &["questions.json: the questions form a cycle: media → has_consent → media"],
    );
}

/// Not a load defect: the bank loads, and the lint reports the definition.
#[test]
fn an_unused_definition() {
    let b = TestBank::new("unused");
    b.edit("content.json", |v| {
        v["defs"]["nobody"] = json!({ "answered": "media" });
    });
    let bank = b.load().unwrap();
    assert_eq!(bank.unused_defs.len(), 1);
    let d = &bank.unused_defs[0];
    assert_eq!(
        d.to_string(),
        "content.json: definitie \"nobody\" wordt nergens gebruikt"
    );
    assert_eq!(
        d.said(Lang::En),
        "content.json: definition \"nobody\" is not used anywhere"
    );
    english("unused definition", &d.said(Lang::En));
}
