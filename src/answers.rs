//! The answers file: the input of `advise` (and `new`), as the README describes it.
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};
use serde_path_to_error::Segment;

use crate::bank::Bank;
use crate::engine::{Outcome, Session};
use crate::json::{self, quoted};
use crate::record::{Campaign, Participant};

/// A read and checked answers file: the session it describes and its outcome.
#[derive(Debug)]
pub struct Parsed {
    /// As a record keeps it: what the file leaves out is empty.
    pub campaign: Campaign,
    pub participants: Vec<Participant>,
    pub session: Session,
    pub outcome: Outcome,
    /// Things worth saying that do not stop the advice (answers to questions off the path).
    pub notices: Vec<String>,
}

/// The answers file as written, after [`prepare`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(rename = "$schema")]
    _schema: Option<IgnoredAny>,
    campaign: Option<Object<Campaign>>,
    participants: Option<Vec<Object<Participant>>>,
    answers: Map<String, Value>,
}

const ROOT_KEYS: &[&str] = &["$schema", "campaign", "participants", "answers"];
const CAMPAIGN_KEYS: &[&str] = &["name", "description", "organisation"];

/// Readies the file for serde: fills in what the file may leave out that a record keeps (a
/// campaign's field may be missing or null; a participant's role may be missing or other than
/// text; both are empty in the record, and a participant's other keys are ignored), and puts
/// the keys in the order they are checked in, since serde stops at the first mistake: unknown
/// keys first (a misspelled key explains the rest), then the fields in the order of the format.
fn prepare(root: &mut Value) {
    let Value::Object(root) = root else { return };
    if let Some(Value::Object(c)) = root.get_mut("campaign") {
        for k in CAMPAIGN_KEYS {
            if c.get(*k).is_none_or(Value::is_null) {
                c.insert(k.to_string(), Value::from(""));
            }
        }
        in_order(c, CAMPAIGN_KEYS);
    }
    if let Some(Value::Array(list)) = root.get_mut("participants") {
        for p in list.iter_mut().filter_map(Value::as_object_mut) {
            let role = p.get("role").and_then(Value::as_str).unwrap_or_default();
            let role = Value::from(role);
            p.retain(|k, _| k == "name");
            p.insert("role".to_string(), role);
        }
    }
    in_order(root, ROOT_KEYS);
}

/// Puts the keys of `map` not in `fields` first (as they were), then `fields` in their order.
fn in_order(map: &mut Map<String, Value>, fields: &[&str]) {
    let mut entries: Vec<(String, Value)> = std::mem::take(map).into_iter().collect();
    // Stable, and None (not a field) sorts first.
    entries.sort_by_key(|(k, _)| fields.iter().position(|f| f == k));
    *map = entries.into_iter().collect();
}

/// A `T` read from a JSON object only: serde's derive also reads a struct from a list of its
/// fields, which the answers file does not allow.
struct Object<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct OnlyMap<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for OnlyMap<T> {
            type Value = T;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map))
            }
        }
        d.deserialize_map(OnlyMap(PhantomData)).map(Object)
    }
}

/// Reads an answers file (`name` is how messages call it) and walks the bank with it. The error
/// is one line naming the file, the question and what was expected.
pub fn assess(bank: &Bank, name: &str, src: &str) -> Result<Parsed, String> {
    if src.trim().is_empty() {
        return Err(format!(
            "{name}: het bestand is leeg; verwacht een JSON-object met \"answers\""
        ));
    }
    let mut root = json::parse_strict(src.trim_start_matches('\u{feff}'))
        .map_err(|e| format!("{name}: regel {} kolom {}: {e}", e.line(), e.column()))?;
    prepare(&mut root);
    let file: Object<File> = serde_path_to_error::deserialize(&root)
        .map_err(|e| format!("{name}: {}", refusal(&root, &e)))?;
    let File {
        campaign,
        participants,
        answers,
        ..
    } = file.0;
    let campaign = campaign.map(|c| c.0).unwrap_or_default();
    let participants = participants
        .unwrap_or_default()
        .into_iter()
        .map(|p| p.0)
        .collect();

    let mut session = Session::new(bank);
    for (id, value) in &answers {
        let Some(q) = bank.question_id(id) else {
            let known: Vec<&str> = bank.questions.iter().map(|q| q.id.as_str()).collect();
            return Err(format!(
                "{name}: onbekende vraag {}; bekende vragen: {}",
                quoted(id),
                known.join(", ")
            ));
        };
        let question = &bank.questions[q];
        let answer = question
            .parse_answer(value)
            .map_err(|e| format!("{name}: vraag \"{id}\": {e}"))?;
        session
            .set(bank, q, answer)
            .map_err(|e| format!("{name}: vraag \"{id}\": {e}"))?;
    }
    // Questions the bank adds beyond the stable ones (docs/stable-ids.md) have defaults; any other gap is an error.
    let walk = loop {
        let walk = session.walk(bank);
        let Some(q) = walk.pending else { break walk };
        let question = &bank.questions[q];
        match &question.default {
            Some(d) => session
                .set(bank, q, d.clone())
                .map_err(|e| format!("{name}: vraag \"{}\": {e}", question.id))?,
            None => {
                return Err(format!(
                    "{name}: vraag \"{}\" staat op het pad maar heeft geen antwoord; toegestaan: {}",
                    question.id,
                    question.allowed_values()
                ));
            }
        }
    };
    let notices = answers
        .keys()
        .filter_map(|id| bank.question_id(id))
        .filter(|q| !walk.contains(*q))
        .map(|q| format!("{name}: antwoord op \"{}\" genegeerd: die vraag staat niet op het pad van deze antwoorden", bank.questions[q].id))
        .collect();
    let outcome = session.evaluate(bank, walk.path);
    Ok(Parsed {
        campaign,
        participants,
        session,
        outcome,
        notices,
    })
}

/// What the file got wrong, in the answers file's own words rather than serde's: where serde
/// stopped (the path) says which rule was broken, and the value found there what was given.
fn refusal(root: &Value, e: &serde_path_to_error::Error<serde_json::Error>) -> String {
    let path: Vec<&Segment> = e.path().iter().collect();
    match path.as_slice() {
        [] if root.is_object() => {
            "\"answers\" ontbreekt; verwacht een object met een antwoord per vraag-id".to_string()
        }
        [] => format!(
            "verwacht een JSON-object met \"answers\", gevonden: {}",
            kind_of(root)
        ),
        [Segment::Map { key }] if key == "campaign" => format!(
            "\"campaign\" moet een object zijn, zoals {{\"name\": \"Voorjaarsactie\"}}; gevonden: {}",
            kind_of(&root[key])
        ),
        [Segment::Map { key }] if key == "participants" => format!(
            "\"participants\" moet een lijst zijn, gevonden: {}",
            kind_of(&root[key])
        ),
        [Segment::Map { key }] if key == "answers" => format!(
            "\"answers\" moet een object zijn, gevonden: {}",
            kind_of(&root[key])
        ),
        [Segment::Map { key }] if !ROOT_KEYS.contains(&key.as_str()) => unknown(key, ROOT_KEYS, ""),
        [Segment::Map { key: c }, Segment::Map { key }] if c == "campaign" => {
            if CAMPAIGN_KEYS.contains(&key.as_str()) {
                format!(
                    "campaign.{key} moet tekst zijn, gevonden: {}",
                    kind_of(&root[c][key])
                )
            } else {
                unknown(key, CAMPAIGN_KEYS, "campaign.")
            }
        }
        [Segment::Map { key }, Segment::Seq { index }, ..] if key == "participants" => {
            format!("participants[{index}] moet een object zijn met \"name\" (en \"role\")")
        }
        // Not reached by the file's format; said in serde's words rather than not at all.
        _ => format!(
            "{}: {}",
            json::escape_controls(&e.path().to_string()),
            json::describe(e.inner())
        ),
    }
}

fn unknown(key: &str, allowed: &[&str], prefix: &str) -> String {
    let allowed: Vec<String> = allowed.iter().map(|a| format!("{prefix}{a}")).collect();
    format!(
        "onbekend veld {}; toegestaan: {}",
        quoted(&format!("{prefix}{key}")),
        allowed.join(", ")
    )
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "een waar/onwaar-waarde",
        Value::Number(_) => "een getal",
        Value::String(_) => "tekst",
        Value::Array(_) => "een lijst",
        Value::Object(_) => "een object",
    }
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use serde_json::json;

    use super::*;

    static BANK: LazyLock<Bank> = LazyLock::new(|| Bank::embedded().expect("the bank loads"));

    fn assess_json(v: Value) -> Result<Parsed, String> {
        assess(&BANK, "a.json", &v.to_string())
    }

    fn answers() -> Value {
        json!({ "use_case": "area_map" })
    }

    #[test]
    fn what_the_file_leaves_out_is_empty_in_the_record() {
        let p = assess_json(json!({
            "$schema": ["anything"],
            "campaign": { "name": "Zomer", "description": null },
            "participants": [
                { "name": "Anna", "role": "FG" },
                { "name": "Piet", "role": 5, "phone": "06-12345678" },
                { "name": "Kees" },
            ],
            "answers": answers(),
        }))
        .unwrap();
        assert_eq!(
            p.campaign,
            Campaign {
                name: "Zomer".into(),
                ..Campaign::default()
            }
        );
        let people: Vec<(&str, &str)> = p
            .participants
            .iter()
            .map(|p| (p.name.as_str(), p.role.as_str()))
            .collect();
        assert_eq!(people, [("Anna", "FG"), ("Piet", ""), ("Kees", "")]);
        for empty in [json!(null), json!({})] {
            let p = assess_json(
                json!({ "campaign": empty, "participants": null, "answers": answers() }),
            );
            let p = p.unwrap();
            assert_eq!(p.campaign, Campaign::default());
            assert!(p.participants.is_empty());
        }
    }

    /// serde's derive would read a struct from a list of its fields too.
    #[test]
    fn a_list_is_no_object() {
        let e = |v: Value| assess_json(v).unwrap_err();
        assert_eq!(
            e(json!({ "campaign": ["Zomer", "", ""], "answers": answers() })),
            "a.json: \"campaign\" moet een object zijn, zoals {\"name\": \"Voorjaarsactie\"}; \
             gevonden: een lijst"
        );
        assert_eq!(
            e(json!({ "participants": [["Anna", "FG"]], "answers": answers() })),
            "a.json: participants[0] moet een object zijn met \"name\" (en \"role\")"
        );
        assert_eq!(
            e(json!([null, null, null, answers()])),
            "a.json: verwacht een JSON-object met \"answers\", gevonden: een lijst"
        );
    }

    /// Of several mistakes, an unknown key is reported first, then the fields in the order of
    /// the format, wherever they stand in the file.
    #[test]
    fn mistakes_are_reported_in_the_order_of_the_format() {
        let e = |src: &str| assess(&BANK, "a.json", src).unwrap_err();
        assert_eq!(
            e(r#"{"answers": 5, "participants": 5, "campaign": {"organisation": 5, "name": 5}}"#),
            "a.json: campaign.name moet tekst zijn, gevonden: een getal"
        );
        assert_eq!(
            e(r#"{"campaign": {"name": 5, "budget": 1}, "answers": {}}"#),
            "a.json: onbekend veld \"campaign.budget\"; toegestaan: campaign.name, \
             campaign.description, campaign.organisation"
        );
        assert_eq!(
            e(r#"{"answers": 5, "campaign": 5, "x": 1, "y": 2}"#),
            "a.json: onbekend veld \"x\"; toegestaan: $schema, campaign, participants, answers"
        );
        assert_eq!(
            e(r#"{"answers": 5, "participants": 5}"#),
            "a.json: \"participants\" moet een lijst zijn, gevonden: een getal"
        );
        assert_eq!(
            e(r#"{"participants": [{"name": "A"}]}"#),
            "a.json: \"answers\" ontbreekt; verwacht een object met een antwoord per vraag-id"
        );
    }
}
