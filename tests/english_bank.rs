//! A question bank that does not load is refused with every defect said in the run's language:
//! English with `--lang en`, naming the same files, ids and keys as the Dutch, which stays as it
//! was. Each case is the small valid bank (`tests/banks/valid_small`) with one thing broken.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use avg_wijzer::bank::{Bank, Defect, DefectKind, LoadError, Origin, Place};
use avg_wijzer::text::Lang;

mod common;
use common::english::english;
use common::{ROOT, Scratch};

/// The small valid bank copied into `bank/` of a scratch directory.
struct TestBank {
    scratch: Scratch,
}

impl TestBank {
    fn new(case: &str) -> TestBank {
        let scratch = Scratch::new(&format!("english-bank-{case}"));
        let src = Path::new(ROOT).join("tests/banks/valid_small");
        for entry in fs::read_dir(&src).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            scratch.write(&format!("bank/{name}"), fs::read(&path).unwrap());
        }
        TestBank { scratch }
    }

    fn dir(&self) -> PathBuf {
        self.scratch.path("bank")
    }

    /// Writes a file of the bank as it is, bytes and all.
    fn raw(&self, name: &str, bytes: impl AsRef<[u8]>) -> &TestBank {
        self.scratch.write(&format!("bank/{name}"), bytes);
        self
    }

    /// Reads a bank file as JSON, lets `f` change it, writes it back.
    fn edit(&self, name: &str, f: impl FnOnce(&mut Value)) -> &TestBank {
        let path = self.dir().join(name);
        let mut v: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        f(&mut v);
        fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
        self
    }

    fn remove(&self, name: &str) -> &TestBank {
        fs::remove_file(self.dir().join(name)).unwrap();
        self
    }

    /// The bank as the program loads it from disk.
    fn load(&self) -> Result<Bank, LoadError> {
        let files = avg_wijzer::store::read_bank_dir(&self.dir()).unwrap();
        Bank::from_bytes(&files, "bank")
    }

    fn refused(&self) -> LoadError {
        match self.load() {
            Ok(_) => panic!("the broken bank loads"),
            Err(e) => e,
        }
    }

    /// `avg-wijzer --lang LANG --questions bank ARGS…` in the scratch directory.
    fn run(&self, lang: &str, args: &[&str]) -> common::Out {
        let mut all = vec!["--lang", lang, "--questions", "bank"];
        all.extend_from_slice(args);
        self.scratch.run(&all)
    }
}

/// The item with this id in a section of a bank file.
fn item<'a>(file: &'a mut Value, section: &str, id: &str) -> &'a mut Value {
    file[section]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|x| x["id"] == id)
        .unwrap_or_else(|| panic!("no {section} item {id}"))
}

/// The quoted parts of a line (`"media"`), as the files wrote them.
fn quoted(line: &str) -> Vec<&str> {
    line.split('"').skip(1).step_by(2).collect()
}

/// The defects said in Dutch are exactly `nl` (as before: Display and `said(Nl)` alike) and in
/// English exactly `en`: English throughout, and naming the same file, ids and keys.
fn assert_said(e: &LoadError, nl: &[&str], en: &[&str]) {
    assert_eq!(e.to_string(), nl.join("\n"));
    assert_eq!(e.said(Lang::Nl), nl.join("\n"));
    assert_eq!(e.said(Lang::En), en.join("\n"));
    assert_eq!(e.defects.len(), en.len());
    for (d, (nl, en)) in e.defects.iter().zip(nl.iter().zip(en)) {
        assert_eq!(d.to_string(), *nl);
        assert_eq!(d.said(Lang::En), *en);
        english(nl, en);
        let file = |s: &str| s.split(':').next().unwrap_or("").to_string();
        assert_eq!(file(en), file(nl), "the file is named alike");
        for q in quoted(nl) {
            assert!(
                en.contains(&format!("\"{q}\"")),
                "{en}: lost \"{q}\" of {nl}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Files that are not a bank's JSON.

#[test]
fn json_that_is_broken_cut_short_or_given_a_key_twice() {
    let b = TestBank::new("json");
    b.raw("questions.json", "{\n  \"questions\": [}\n");
    assert_said(
        &b.refused(),
        &["questions.json:2:17: ongeldige JSON: expected value"],
        &["questions.json:2:17: invalid JSON: expected value"],
    );
    b.raw("questions.json", "{\n  \"questions\": [\n");
    assert_said(
        &b.refused(),
        &["questions.json:3:0: het bestand houdt op voordat de JSON af is (afgekapt?)"],
        &["questions.json:3:0: the file ends before the JSON is complete (cut off?)"],
    );
    b.raw("questions.json", "{\"questions\": [], \"questions\": []}");
    assert_said(
        &b.refused(),
        &["questions.json:1:29: de sleutel \"questions\" staat er twee keer in"],
        &["questions.json:1:29: the key \"questions\" is given twice"],
    );
}

#[test]
fn a_file_that_is_empty_or_not_utf8() {
    let b = TestBank::new("empty");
    b.raw("extra.json", " \n");
    b.raw("more.json", b"{\"defs\": \xff}");
    assert_said(
        &b.refused(),
        &["more.json: geen geldige UTF-8 (bij byte 10)"],
        &["more.json: not valid UTF-8 (at byte 10)"],
    );
    b.remove("more.json");
    assert_said(
        &b.refused(),
        &[
            "extra.json: het bestand is leeg; verwacht een JSON-object met secties als \"questions\"",
        ],
        &["extra.json: the file is empty; expected a JSON object with sections like \"questions\""],
    );
}

#[test]
fn an_unknown_key_and_a_missing_text() {
    let b = TestBank::new("keys");
    b.edit("questions.json", |v| {
        let q = item(v, "questions", "media");
        q["promt"] = q["prompt"].clone();
    });
    let nl = "questions.json:19:13: klopt niet met het formaat: unknown field `promt`, expected one of `id`, `kind`, `prompt`, `help`, `help_parts`, `reasoning`, `choice`, `remedy_weight`, `sources`, `options`, `default`, `next`, `justification`";
    let en = "questions.json:19:13: does not fit the format: unknown field `promt`, expected one of `id`, `kind`, `prompt`, `help`, `help_parts`, `reasoning`, `choice`, `remedy_weight`, `sources`, `options`, `default`, `next`, `justification`";
    let e = b.refused();
    assert_eq!(e.defects.len(), 1);
    // serde's line and column depend on how the file was written; the words do not.
    let (got_nl, got_en) = (e.to_string(), e.said(Lang::En));
    assert_eq!(
        got_nl.split_once(": ").unwrap().1,
        nl.split_once(": ").unwrap().1
    );
    assert_eq!(
        got_en.split_once(": ").unwrap().1,
        en.split_once(": ").unwrap().1
    );
    english(&got_nl, &got_en);

    let b = TestBank::new("missing-text");
    b.edit("content.json", |v| {
        item(v, "warnings", "email_without_consent")
            .as_object_mut()
            .unwrap()
            .remove("text");
    });
    let e = b.refused();
    let en = e.said(Lang::En);
    assert!(
        en.starts_with("content.json:")
            && en.ends_with(": does not fit the format: missing field `text`"),
        "{en}"
    );
    assert!(
        e.to_string()
            .ends_with(": klopt niet met het formaat: missing field `text`")
    );
    english(&e.to_string(), &en);
}

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

/// A bank of no files at all (the command line refuses an empty directory before this).
#[test]
fn a_bank_of_no_files() {
    assert_said(
        &Bank::from_bytes(&[], "bank").unwrap_err(),
        &["bank: geen .json-bestanden gevonden"],
        &["bank: no .json files found"],
    );
}

#[test]
fn a_bank_without_its_section_names_the_directory() {
    let b = TestBank::new("no-section");
    b.remove("bank.json");
    assert_said(
        &b.refused(),
        &["bank: geen enkel bestand heeft de sectie \"bank\" (id, version, title, start, verdict)"],
        &["bank: no file has the section \"bank\" (id, version, title, start, verdict)"],
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

// ---------------------------------------------------------------------------------------------
// Text from the files stays on one clean line in either language.

#[test]
fn control_characters_from_the_files_are_escaped_in_either_language() {
    let b = TestBank::new("escapes");
    b.edit("questions.json", |v| {
        item(v, "questions", "media")["next"] = json!([{ "to": "x\u{1b}[31m\n\u{9b}\u{202e}" }]);
    });
    b.edit("content.json", |v| {
        v["defs"]["bad\ndef"] = json!({ "answered": "nope\r" });
    });
    let e = b.refused();
    let escaped = "x\\u001b[31m\\n\\u009b\\u202e";
    assert_said(
        &e,
        &[
            &format!("questions.json: vraag \"media\", next[0].to: onbekende vraag \"{escaped}\""),
            "content.json: defs.bad\\ndef: onbekende vraag \"nope\\r\"",
        ],
        &[
            &format!(
                "questions.json: question \"media\", next[0].to: unknown question \"{escaped}\""
            ),
            "content.json: defs.bad\\ndef: unknown question \"nope\\r\"",
        ],
    );
    for lang in [Lang::Nl, Lang::En] {
        let said = e.said(lang);
        assert_eq!(said.lines().count(), 2, "{said}");
        assert!(
            !said.chars().any(|c| c.is_control() && c != '\n'),
            "{said:?}"
        );
    }
}

/// The bank built into the program is named in words of the language, where a defect is in
/// no one of its files.
#[test]
fn the_built_in_bank_is_named_in_either_language() {
    let d = Defect {
        place: Place {
            file: Origin::Embedded,
            at: None,
            item: None,
            path: Vec::new(),
        },
        kind: DefectKind::NoFiles,
    };
    assert_eq!(
        d.to_string(),
        "ingebouwde vragenbank: geen .json-bestanden gevonden"
    );
    assert_eq!(
        d.said(Lang::En),
        "the built-in question bank: no .json files found"
    );
}

// ---------------------------------------------------------------------------------------------
// The command line.

/// Every command that loads `--questions` refuses a broken bank in the run's language: the
/// heading and every defect, on stderr, with exit code 2 and nothing on stdout.
#[test]
fn the_commands_refuse_a_broken_bank_in_the_language_of_the_run() {
    let b = TestBank::new("cli");
    b.scratch.write(
        "answers.json",
        fs::read(Path::new(ROOT).join("tests/banks/valid_small.answers.json")).unwrap(),
    );
    b.edit("questions.json", |v| {
        item(v, "questions", "has_consent")["next"] = json!([{ "to": "media" }]);
    });
    b.edit("content.json", |v| {
        item(v, "rules", "mailing")["require"] = json!(["record"]);
    });
    let en = "avg-wijzer: question bank bank refused:\n\
        content.json: rule \"mailing\", require: unknown action \"record\"; known: ask_consent, record_mailing\n\
        questions.json: the questions form a cycle: media → has_consent → media\n";
    let nl = "avg-wijzer: vragenbank bank geweigerd:\n\
        content.json: regel \"mailing\", require: onbekende actie \"record\"; bekend: ask_consent, record_mailing\n\
        questions.json: de vragen vormen een kring: media → has_consent → media\n";
    let commands: [&[&str]; 4] = [
        &["advise", "--answers", "answers.json"],
        &["new", "--answers", "answers.json"],
        &["list"],
        &["--plain"],
    ];
    for args in commands {
        let out = b.run("en", args);
        assert_eq!(
            (out.code, out.stdout.as_str()),
            (2, ""),
            "{args:?}: {}",
            out.stderr
        );
        assert_eq!(out.stderr, en, "{args:?}");
        english(&format!("{args:?}"), &out.stderr);
        let out = b.run("nl", args);
        assert_eq!(
            (out.code, out.stdout.as_str()),
            (2, ""),
            "{args:?}: {}",
            out.stderr
        );
        assert_eq!(out.stderr, nl, "{args:?}");
    }
}

/// A JSON problem inside a file of the bank: serde's words behind the language's own.
#[test]
fn advise_says_a_json_problem_in_the_language_of_the_run() {
    let b = TestBank::new("cli-json");
    b.raw("questions.json", "{\n  \"questions\": [\n");
    let out = b.run("en", &["advise", "--answers", "-"]);
    out.assert_error(
        2,
        "question bank bank refused:\n\
         questions.json:3:0: the file ends before the JSON is complete (cut off?)",
    );
    english("advise", &out.stderr);
    let out = b.run("nl", &["advise", "--answers", "-"]);
    out.assert_error(
        2,
        "vragenbank bank geweigerd:\n\
         questions.json:3:0: het bestand houdt op voordat de JSON af is (afgekapt?)",
    );
}
