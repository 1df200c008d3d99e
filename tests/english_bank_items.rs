//! A question bank whose items are of the wrong shape is refused with every defect said in the
//! run's language, English naming the same files, ids and keys as the Dutch: questions and
//! their options, findings and their values, the `bank` section, text parts, conditions,
//! conflicts and the register's fields. Each case is the small valid bank
//! (`tests/banks/valid_small`) with one thing broken.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use serde_json::{Value, json};

mod common;
use common::banks::item;
use common::small_bank::{TestBank, assert_said};

// ---------------------------------------------------------------------------------------------
// Questions, findings, the bank section, conflicts and the register.

#[test]
fn questions_findings_and_the_bank_section() {
    let b = TestBank::new("items");
    b.edit("questions.json", |v| {
        let q = item(v, "questions", "activity");
        q["default"] = json!("nope");
        q["options"][1]["exclusive"] = json!(true);
        item(v, "questions", "has_consent")["next"] = json!([]);
        item(v, "questions", "has_consent")["kind"] = json!("yes_no_maybe");
    });
    b.edit("content.json", |v| {
        item(v, "findings", "contact_data")["default"] = json!(1);
        item(v, "rules", "mailing")["set"] = json!({ "contact_data": "maybe" });
    });
    b.raw(
        "extra.json",
        json!({ "bank": { "id": "x", "version": "1", "title": { "nl": "X" }, "start": "activity",
            "verdict": { "finding": "contact_data", "without_required_actions": false,
                         "with_required_actions": true } } })
        .to_string(),
    );
    assert_said(
        &b.refused(),
        &[
            "extra.json: de sectie \"bank\" staat er twee keer in (ook in bank.json)",
            "questions.json: vraag \"has_consent\": onbekend soort \"yes_no_maybe\"; toegestaan: single, multiple, yes_no, yes_no_unknown, text",
            "content.json: bevinding \"contact_data\": standaardwaarde 1 is geen van de waarden (false, true)",
            "questions.json: vraag \"activity\": optie \"mailing\": \"exclusive\" geldt alleen bij meerkeuzevragen",
            "questions.json: vraag \"activity\": standaardantwoord: \"nope\" is niet toegestaan; toegestaan: map_only, mailing",
            "questions.json: vraag \"has_consent\": \"next\" is leeg: waar gaat het pad na deze vraag heen?",
            "content.json: regel \"mailing\", set.contact_data: waarde \"maybe\" is niet toegestaan; toegestaan: false, true",
            "content.json: regel \"email_without_consent\", when.all[1]: vraag \"has_consent\" is een open vraag; alleen \"answered\" kan daarop testen",
        ],
        &[
            "extra.json: the section \"bank\" is given twice (also in bank.json)",
            "questions.json: question \"has_consent\": unknown kind \"yes_no_maybe\"; allowed: single, multiple, yes_no, yes_no_unknown, text",
            "content.json: finding \"contact_data\": default value 1 is none of the values (false, true)",
            "questions.json: question \"activity\": option \"mailing\": \"exclusive\" applies only to multiple-choice questions",
            "questions.json: question \"activity\": default answer: \"nope\" is not allowed; allowed: map_only, mailing",
            "questions.json: question \"has_consent\": \"next\" is empty: where does the path go after this question?",
            "content.json: rule \"mailing\", set.contact_data: value \"maybe\" is not allowed; allowed: false, true",
            "content.json: rule \"email_without_consent\", when.all[1]: question \"has_consent\" is an open question; only \"answered\" can test it",
        ],
    );
}

#[test]
fn options_values_parts_and_conditions_of_the_wrong_shape() {
    let b = TestBank::new("shapes");
    let label = json!({ "nl": "x", "en": "x" });
    b.edit("questions.json", |v| {
        let q = item(v, "questions", "activity");
        q["options"][0]["instead_of"] = json!(["mailing"]);
        q["options"]
            .as_array_mut()
            .unwrap()
            .push(json!({ "id": "mailing", "label": label }));
        q["help_parts"] = json!([{ "when": { "answered": 5 }, "text": label }]);
        let q = item(v, "questions", "media");
        q["options"][0]["instead_of"] = json!(["fax"]);
        q["next"][0]["when"] = json!({ "all": 5 });
        item(v, "questions", "has_consent")["options"] = json!([{ "id": "x", "label": label }]);
        let questions = v["questions"].as_array_mut().unwrap();
        questions.push(
            json!({ "id": "end", "kind": "text", "choice": true, "prompt": label,
            "next": [{ "to": "end" }] }),
        );
        questions.push(json!({ "id": "pick", "kind": "single", "prompt": label,
            "options": [{ "id": "only", "label": label }], "next": [{ "to": "end" }] }));
        let many: Vec<Value> = (0..65)
            .map(|i| json!({ "id": format!("o{i}"), "label": label }))
            .collect();
        questions.push(json!({ "id": "many", "kind": "single", "prompt": label,
            "options": many, "next": [{ "to": "end" }] }));
    });
    b.edit("content.json", |v| {
        let findings = v["findings"].as_array_mut().unwrap();
        findings.push(json!({ "id": "empty", "title": label, "values": [] }));
        findings.push(json!({ "id": "twice", "title": label, "values": [
            { "value": 1, "label": label }, { "value": 1, "label": label }
        ] }));
        let r = item(v, "rules", "mailing");
        r["when"] = json!({ "ref": 5 });
        r["reason"]["parts"] = json!([{ "when": { "answered": "nope" }, "text": label }]);
        item(v, "rules", "email_without_consent")["when"] =
            json!({ "answer": "activity", "in": [5] });
        item(v, "actions", "record_mailing")["parts"] =
            json!([{ "when": { "not": { "answered": "x" } }, "text": label }]);
        v["conflicts"] = json!([{ "id": "c", "items": [{}, { "action": "ask_consent" }],
            "why": label }]);
    });
    b.edit("bank.json", |v| {
        v["bank"]["verdict"] = json!({ "finding": "contact_data",
            "without_required_actions": false, "with_required_actions": "maybe" });
    });
    assert_said(
        &b.refused(),
        &[
            "questions.json: vraag \"end\": die id is gereserveerd voor het einde van een pad",
            "content.json: bevinding \"empty\" heeft geen waarden",
            "content.json: bevinding \"twice\": waarde 1 staat er twee keer in",
            "questions.json: vraag \"activity\": optie \"mailing\" staat er twee keer in",
            "questions.json: vraag \"activity\": optie \"map_only\": \"instead_of\" geldt alleen bij meerkeuzevragen",
            "questions.json: vraag \"activity\", help_parts, parts[0].when: \"answered\" verwacht een vraag-id",
            "questions.json: vraag \"media\": optie \"post\", instead_of: onbekende optie \"fax\"",
            "questions.json: vraag \"media\", next[0].when: verwacht een lijst, gevonden: 5",
            "questions.json: vraag \"has_consent\": een vraag van soort yes_no heeft geen \"options\"",
            "questions.json: vraag \"end\": \"choice\" geldt alleen voor keuzevragen, niet voor vrije tekst",
            "questions.json: vraag \"pick\": een keuzevraag heeft minstens twee opties nodig",
            "questions.json: vraag \"many\": hoogstens 64 opties per vraag",
            "content.json: regel \"mailing\", when: \"ref\" verwacht de naam van een definitie",
            "content.json: regel \"mailing\", reason, parts[0].when: onbekende vraag \"nope\"",
            "content.json: regel \"email_without_consent\", when: verwacht een optie-id als tekst, gevonden: 5",
            "content.json: actie \"record_mailing\", parts[0].when.not: onbekende vraag \"x\"",
            "content.json: conflict \"c\", items[0]: geef precies één van \"action\", \"warning\", \"note\" en \"finding\"",
            "bank.json: bank.verdict.with_required_actions: \"maybe\" is geen waarde van bevinding \"contact_data\"",
        ],
        &[
            "questions.json: question \"end\": that id is reserved for the end of a path",
            "content.json: finding \"empty\" has no values",
            "content.json: finding \"twice\": value 1 is given twice",
            "questions.json: question \"activity\": option \"mailing\" is given twice",
            "questions.json: question \"activity\": option \"map_only\": \"instead_of\" applies only to multiple-choice questions",
            "questions.json: question \"activity\", help_parts, parts[0].when: \"answered\" expects a question id",
            "questions.json: question \"media\": option \"post\", instead_of: unknown option \"fax\"",
            "questions.json: question \"media\", next[0].when: expected a list, found: 5",
            "questions.json: question \"has_consent\": a question of kind yes_no has no \"options\"",
            "questions.json: question \"end\": \"choice\" applies only to choice questions, not to free text",
            "questions.json: question \"pick\": a choice question needs at least two options",
            "questions.json: question \"many\": at most 64 options per question",
            "content.json: rule \"mailing\", when: \"ref\" expects the name of a definition",
            "content.json: rule \"mailing\", reason, parts[0].when: unknown question \"nope\"",
            "content.json: rule \"email_without_consent\", when: expected an option id as text, found: 5",
            "content.json: action \"record_mailing\", parts[0].when.not: unknown question \"x\"",
            "content.json: conflict \"c\", items[0]: give exactly one of \"action\", \"warning\", \"note\" and \"finding\"",
            "bank.json: bank.verdict.with_required_actions: \"maybe\" is not a value of finding \"contact_data\"",
        ],
    );
}

#[test]
fn conflicts_and_register_fields() {
    let b = TestBank::new("conflicts");
    b.raw(
        "extra.json",
        json!({
            "conflicts": [
                { "id": "one", "items": [{ "action": "ask_consent" }],
                  "why": { "nl": "x", "en": "x" } },
                { "id": "two", "items": [
                    { "action": "ask", "level": "sometimes" },
                    { "finding": "contact_data", "is": "maybe" }
                  ], "why": { "nl": "x", "en": "x" } },
                { "id": "three", "items": [
                    { "warning": "spam" }, { "note": "spam_rules", "level": "required" }
                  ], "why": { "nl": "x", "en": "x" } }
            ],
            "register": [{ "id": "purpose", "label": { "nl": "Doel", "en": "Purpose" },
                "parts": [{ "answer": "activiteit" }, { "text": { "nl": "x" }, "answer": "media" }] }]
        })
        .to_string(),
    );
    assert_said(
        &b.refused(),
        &[
            "extra.json: registerveld \"purpose\", parts[0].answer: onbekende vraag \"activiteit\"",
            "extra.json: registerveld \"purpose\", parts[1]: geef precies één van \"text\" en \"answer\"",
            "extra.json: conflict \"one\": \"items\" noemt precies twee dingen, niet 1",
            "extra.json: conflict \"two\", items[0].level: \"sometimes\" is niet toegestaan; toegestaan: required, any",
            "extra.json: conflict \"two\", items[1].is: waarde \"maybe\" is geen waarde van bevinding \"contact_data\"",
            "extra.json: conflict \"three\", items[0]: onbekende waarschuwing \"spam\"",
            "extra.json: conflict \"three\", items[1]: \"level\" hoort bij \"action\" en \"is\" bij \"finding\"",
        ],
        &[
            "extra.json: register field \"purpose\", parts[0].answer: unknown question \"activiteit\"",
            "extra.json: register field \"purpose\", parts[1]: give exactly one of \"text\" and \"answer\"",
            "extra.json: conflict \"one\": \"items\" names exactly two things, not 1",
            "extra.json: conflict \"two\", items[0].level: \"sometimes\" is not allowed; allowed: required, any",
            "extra.json: conflict \"two\", items[1].is: value \"maybe\" is not a value of finding \"contact_data\"",
            "extra.json: conflict \"three\", items[0]: unknown warning \"spam\"",
            "extra.json: conflict \"three\", items[1]: \"level\" goes with \"action\" and \"is\" with \"finding\"",
        ],
    );
}
