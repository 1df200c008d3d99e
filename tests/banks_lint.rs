//! Question banks that load but are not sound, and the exact lines `lint` gives about them:
//! questions never asked, dead ends, findings without a value, actions and rules that never
//! apply, missing or unwritten texts and sources, stable ids (docs/stable-ids.md) removed,
//! branches that look ahead, unused definitions.
//!
//! Only the lint finds these, and it also requires every stable id, which a tiny bank cannot
//! have: so each case runs the real binary (`avg-wijzer lint DIR`) on a copy of the shipped bank
//! with one edit and checks the heading, the counts line, exactly the defect lines, the count and
//! the exit code. Banks that do not load are in `banks_load`; what these share is in
//! `common::banks`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use serde_json::json;

mod common;
use common::banks::{TempBank, assert_lint_defects, item, remove_key};

// ---------------------------------------------------------------------------------------------
// Banks that load but are not sound: the shipped bank with one edit.

#[test]
fn question_never_reached() {
    let bank = TempBank::shipped("unreachable");
    bank.edit("questions.json", |v| {
        let mut orphan = item(v, "questions", "external_agency").clone();
        orphan["id"] = json!("orphan");
        orphan["default"] = json!("no");
        orphan["next"] = json!([{ "to": "end" }]);
        v["questions"].as_array_mut().unwrap().push(orphan);
    });
    assert_lint_defects(
        &bank.lint(),
        &bank.path(),
        &["questions.json: vraag \"orphan\" wordt op geen enkel pad gesteld"],
    );
}

#[test]
fn dead_end_when_the_last_branch_has_a_condition() {
    let bank = TempBank::shipped("dead-end");
    bank.edit("questions.json", |v| {
        item(v, "questions", "li_balance")["next"] =
            json!([{ "when": { "answer": "li_balance", "is": "yes" }, "to": "end" }]);
    });
    assert_lint_defects(
        &bank.lint(),
        &bank.path(),
        &[
            "questions.json: vraag \"li_balance\": geen enkele tak van \"next\" past (doodlopend pad) bij campaign_purpose=\"\", use_case=\"coverage_analysis\", postcode_granularity=\"pc6\", envisia_access=\"poi_license\", legal_basis=\"legitimate_interest\", li_interest=\"yes\", li_compatible=\"yes\", li_necessary=\"yes\", li_balance=\"no\"",
            // Rules 1.1: the balance-fails warning comes only from li_balance = no, which this
            // dead end cuts off.
            "rules.json: regel \"li_balance_fails\" is op geen enkel pad van toepassing",
            "warnings.json: waarschuwing \"li_balance_fails\" wordt op geen enkel pad gegeven",
        ],
    );
}

#[test]
fn finding_without_default_that_a_path_never_sets() {
    let bank = TempBank::shipped("finding-no-default");
    bank.edit("findings.json", |v| {
        remove_key(item(v, "findings", "telecom_rules"), "default");
    });
    assert_lint_defects(
        &bank.lint(),
        &bank.path(),
        &[
            "findings.json: pad zonder uitkomst: bevinding \"telecom_rules\" krijgt geen waarde (geen regel zet haar en er is geen default) bij campaign_purpose=\"\", use_case=\"area_map\"",
        ],
    );
}

#[test]
fn action_no_rule_gives() {
    let bank = TempBank::shipped("action-never-given");
    bank.edit("rules.json", |v| {
        item(v, "rules", "personal_data_always")["recommend"] = json!(["inform_publicly"]);
    });
    assert_lint_defects(
        &bank.lint(),
        &bank.path(),
        &["actions.json: actie \"brief_staff\" wordt op geen enkel pad geadviseerd"],
    );
}

#[test]
fn rule_that_never_applies() {
    let bank = TempBank::shipped("rule-never-applies");
    bank.edit("rules.json", |v| {
        // Phone is asked only after the area map has ended the walk.
        let rule = json!({
            "id": "phone_on_map",
            "from": "1",
            "when": { "all": [{ "ref": "area_map" }, { "answer": "channel", "includes": "phone" }] },
            "set": { "telecom_rules": true }
        });
        v["rules"].as_array_mut().unwrap().push(rule);
    });
    assert_lint_defects(
        &bank.lint(),
        &bank.path(),
        &["rules.json: regel \"phone_on_map\" is op geen enkel pad van toepassing"],
    );
}

#[test]
fn english_text_missing() {
    let bank = TempBank::shipped("en-missing");
    bank.edit("questions.json", |v| {
        remove_key(&mut item(v, "questions", "audience")["prompt"], "en");
    });
    assert_lint_defects(
        &bank.lint(),
        &bank.path(),
        &["questions.json: vraag \"audience\": prompt (en) ontbreekt"],
    );
}

#[test]
fn english_option_label_empty() {
    let bank = TempBank::shipped("en-empty-label");
    bank.edit("questions.json", |v| {
        item(v, "questions", "audience")["options"][0]["label"]["en"] = json!("");
    });
    assert_lint_defects(
        &bank.lint(),
        &bank.path(),
        &["questions.json: vraag \"audience\", optie \"existing_customers\": label (en) ontbreekt"],
    );
}

#[test]
fn text_still_todo() {
    let bank = TempBank::shipped("todo");
    bank.edit("actions.json", |v| {
        item(v, "actions", "dpia")["rationale"]["nl"] = json!("TODO");
    });
    assert_lint_defects(
        &bank.lint(),
        &bank.path(),
        &["actions.json: actie \"dpia\": rationale (nl) is nog niet geschreven (TODO)"],
    );
}

#[test]
fn source_list_empty() {
    let bank = TempBank::shipped("sources-empty");
    bank.edit("warnings.json", |v| {
        item(v, "warnings", "combining_makes_profiling")["sources"] = json!([]);
    });
    assert_lint_defects(
        &bank.lint(),
        &bank.path(),
        &["warnings.json: waarschuwing \"combining_makes_profiling\": geen bron (sources is leeg)"],
    );
}

#[test]
fn stable_action_removed() {
    let bank = TempBank::shipped("stable-action-removed");
    bank.edit("actions.json", |v| {
        v["actions"]
            .as_array_mut()
            .unwrap()
            .retain(|a| a["id"] != "brief_staff");
    });
    bank.edit("rules.json", |v| {
        item(v, "rules", "personal_data_always")["recommend"] = json!(["inform_publicly"]);
    });
    // The staff briefing is offered with that action: offered with another, the bank loads and
    // the lint has only the missing stable action to say.
    bank.edit("documents.json", |v| {
        item(v, "documents", "staff_briefing")["offered_with"] = json!(["inform_publicly"]);
    });
    assert_lint_defects(
        &bank.lint(),
        &bank.path(),
        &["vaste actie \"brief_staff\" (docs/stable-ids.md) ontbreekt"],
    );
}

#[test]
fn non_rules_question_without_default() {
    let bank = TempBank::shipped("no-default");
    bank.edit("questions.json", |v| {
        remove_key(item(v, "questions", "campaign_purpose"), "default");
    });
    assert_lint_defects(
        &bank.lint(),
        &bank.path(),
        &[
            "questions.json: vraag \"campaign_purpose\" staat niet in docs/stable-ids.md en heeft dus een \"default\" nodig, zodat een antwoordbestand met alleen de vaste vragen altijd werkt",
        ],
    );
}

#[test]
fn branch_looks_at_a_question_asked_later() {
    let bank = TempBank::shipped("forward-reference");
    bank.edit("questions.json", |v| {
        item(v, "questions", "use_case")["next"][0]["when"] = json!({ "all": [
            { "answer": "use_case", "is": "area_map" },
            { "answer": "channel", "includes": "phone" }
        ] });
    });
    assert_lint_defects(
        &bank.lint(),
        &bank.path(),
        &[
            "questions.json: vraag \"use_case\", next[0].when kijkt naar \"channel\", die pas later gesteld wordt",
            // The broken branch sends "area map" down the other questions, where the declared
            // conflicts catch what follows.
            "conflicts.json: conflict \"no_personal_data_choose_basis\": actie \"choose_legal_basis\" en bevinding \"personal_data\" = \"no\" staan samen in één advies bij campaign_purpose=\"\", use_case=\"area_map\", postcode_granularity=\"pc6\", envisia_access=\"poi_license\", crm_coupling=\"crm_structural\", audience=[\"existing_customers\"], channel=[\"none\"], legal_basis=\"undecided\"; dat kan niet: Zonder persoonsgegevens is geen grondslag onder de AVG nodig.",
            "conflicts.json: conflict \"no_personal_data_processor_agreement\": actie \"processor_agreement\" en bevinding \"personal_data\" = \"no\" staan samen in één advies bij campaign_purpose=\"\", use_case=\"area_map\", postcode_granularity=\"pc6\", envisia_access=\"poi_license\", crm_coupling=\"crm_structural\", audience=[\"existing_customers\"], channel=[\"phone\"], external_agency=\"yes\", phone_purpose=\"research\", legal_basis=\"consent\", existing_consent=\"all\"; dat kan niet: Zonder persoonsgegevens is geen verwerkersovereenkomst nodig.",
        ],
    );
}

#[test]
fn an_unused_definition_is_reported() {
    let bank = TempBank::shipped("def-unused");
    bank.edit("rules.json", |v| {
        v["defs"]["nobody"] = json!({ "answer": "use_case", "is": "area_map" });
    });
    assert_lint_defects(
        &bank.lint(),
        &bank.path(),
        &["rules.json: definitie \"nobody\" wordt nergens gebruikt"],
    );
}
