//! The answers file: the input of `advise` (and `new`), as the README describes it.
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};
use serde_path_to_error::Segment;

use crate::bank::{Allowed, AnswerError, Bank, Question};
use crate::engine::{Outcome, Session};
use crate::json::{self, Problem};
use crate::record::{Campaign, Participant};

/// A read and checked answers file: the session it describes and its outcome.
#[derive(Debug)]
pub struct Parsed {
    /// As a record keeps it: what the file leaves out is empty.
    pub campaign: Campaign,
    pub participants: Vec<Participant>,
    pub session: Session,
    /// The justifications given, by question id: each for a question that asks for one, as
    /// text (trimmed; an empty one is left out).
    pub justifications: BTreeMap<String, String>,
    pub outcome: Outcome,
    /// Things worth saying that do not stop the advice (answers to questions off the path).
    pub notices: Vec<Notice>,
}

/// Something worth saying about an answers file that does not stop the advice; said by
/// `crate::locale::answers`, in Dutch by `Display`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// An answer to a question that is not on the path these answers take: it is ignored.
    OffPath {
        /// How messages call the file.
        file: String,
        question: String,
    },
    /// A justification for a question that is not on the path: kept, but not in the advice.
    JustificationOffPath { file: String, question: String },
}

/// Why an answers file was refused: which file, and what is wrong with it. Said by
/// `crate::locale::answers` as one line naming the file (and the question, when there is one);
/// in Dutch by `Display`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswersError {
    /// How messages call the file: its path, or standard input in the run's language.
    pub file: String,
    pub mistake: Mistake,
}

/// What is wrong with an answers file. Strings from the file are kept as they are; the locale
/// quotes or escapes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mistake {
    /// Nothing but white space.
    Empty,
    /// Not JSON, cut short, or a key given twice.
    Json {
        line: usize,
        column: usize,
        problem: Problem,
    },
    /// The file is JSON, but not an object.
    NotAnObject {
        found: Found,
    },
    /// The object has no "answers".
    NoAnswers,
    CampaignNotAnObject {
        found: Found,
    },
    ParticipantsNotAList {
        found: Found,
    },
    AnswersNotAnObject {
        found: Found,
    },
    /// A key the format does not have; `field` and `allowed` as written in messages
    /// ("campaign.budget"; "campaign.name", …).
    UnknownField {
        field: String,
        allowed: Vec<String>,
    },
    /// A campaign field (one of the format's) that is not text.
    CampaignFieldNotText {
        field: &'static str,
        found: Found,
    },
    /// The participant at `index` (from 0) is not an object.
    ParticipantNotAnObject {
        index: usize,
    },
    /// Not reached by the file's format; serde's words, at the path (escaped) where it stopped.
    Other {
        path: String,
        problem: Problem,
    },
    /// An answer to a question the bank does not have; `known` are the bank's question ids.
    UnknownQuestion {
        id: String,
        known: Vec<String>,
    },
    /// An answer that does not fit its question.
    Answer {
        question: String,
        error: AnswerError,
    },
    /// "justifications" is not an object.
    JustificationsNotAnObject {
        found: Found,
    },
    /// A justification for a question the bank does not have; `asking` are the questions
    /// that ask for one.
    JustificationUnknownQuestion {
        id: String,
        asking: Vec<String>,
    },
    /// A justification for a question that asks for none.
    NoJustificationAsked {
        question: String,
        asking: Vec<String>,
    },
    /// A justification that is not text.
    JustificationNotText {
        question: String,
        found: Found,
    },
    /// A justification longer than [`crate::bank::MAX_TEXT`] characters.
    JustificationTooLong {
        question: String,
    },
    /// A question on the path without an answer or a default.
    Unanswered {
        question: String,
        allowed: Allowed,
    },
}

/// What kind of JSON value was found where another was expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    Null,
    Bool,
    Number,
    Text,
    List,
    Object,
}

impl Found {
    fn of(v: &Value) -> Found {
        match v {
            Value::Null => Found::Null,
            Value::Bool(_) => Found::Bool,
            Value::Number(_) => Found::Number,
            Value::String(_) => Found::Text,
            Value::Array(_) => Found::List,
            Value::Object(_) => Found::Object,
        }
    }
}

impl std::error::Error for AnswersError {}

/// The answers file as written, after [`prepare`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(rename = "$schema")]
    _schema: Option<IgnoredAny>,
    campaign: Option<Object<Campaign>>,
    participants: Option<Vec<Object<Participant>>>,
    answers: Map<String, Value>,
    justifications: Option<Map<String, Value>>,
}

const ROOT_KEYS: &[&str] = &[
    "$schema",
    "campaign",
    "participants",
    "answers",
    "justifications",
];
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
/// names the file, the question and what was expected.
pub fn assess(bank: &Bank, name: &str, src: &str) -> Result<Parsed, AnswersError> {
    let refused = |mistake| AnswersError {
        file: name.to_string(),
        mistake,
    };
    if src.trim().is_empty() {
        return Err(refused(Mistake::Empty));
    }
    let mut root = json::parse_strict(src.trim_start_matches('\u{feff}')).map_err(|e| {
        refused(Mistake::Json {
            line: e.line(),
            column: e.column(),
            problem: e.problem(),
        })
    })?;
    prepare(&mut root);
    let file: Object<File> =
        serde_path_to_error::deserialize(&root).map_err(|e| refused(mistake(&root, &e)))?;
    let File {
        campaign,
        participants,
        answers,
        justifications,
        ..
    } = file.0;
    let campaign = campaign.map(|c| c.0).unwrap_or_default();
    let participants = participants
        .unwrap_or_default()
        .into_iter()
        .map(|p| p.0)
        .collect();

    let mut session = Session::new(bank);
    let misfit = |question: &Question, error| {
        refused(Mistake::Answer {
            question: question.id.clone(),
            error,
        })
    };
    for (id, value) in &answers {
        let Some(q) = bank.question_id(id) else {
            return Err(refused(Mistake::UnknownQuestion {
                id: id.clone(),
                known: bank.questions.iter().map(|q| q.id.clone()).collect(),
            }));
        };
        let question = &bank.questions[q];
        let answer = question
            .parse_answer(value)
            .map_err(|e| misfit(question, e))?;
        session
            .set(bank, q, answer)
            .map_err(|e| misfit(question, e))?;
    }
    // Questions the bank adds beyond the stable ones (docs/stable-ids.md) have defaults; any other gap is an error.
    let walk = loop {
        let walk = session.walk(bank);
        let Some(q) = walk.pending else { break walk };
        let question = &bank.questions[q];
        match &question.default {
            Some(d) => session
                .set(bank, q, d.clone())
                .map_err(|e| misfit(question, e))?,
            None => {
                return Err(refused(Mistake::Unanswered {
                    question: question.id.clone(),
                    allowed: question.allowed(),
                }));
            }
        }
    };
    let justifications = justified(bank, justifications.unwrap_or_default()).map_err(refused)?;
    let mut notices: Vec<Notice> = answers
        .keys()
        .filter_map(|id| bank.question_id(id))
        .filter(|q| !walk.contains(*q))
        .map(|q| Notice::OffPath {
            file: name.to_string(),
            question: bank.questions[q].id.clone(),
        })
        .collect();
    notices.extend(
        justifications
            .keys()
            .filter_map(|id| bank.question_id(id))
            .filter(|q| !walk.contains(*q))
            .map(|q| Notice::JustificationOffPath {
                file: name.to_string(),
                question: bank.questions[q].id.clone(),
            }),
    );
    let outcome = session.evaluate(bank, walk.path);
    Ok(Parsed {
        campaign,
        participants,
        session,
        justifications,
        outcome,
        notices,
    })
}

/// The file's justifications, each checked: for a question that asks for one, as text of at
/// most [`crate::bank::MAX_TEXT`] characters. White space around one is no part of it; an
/// empty one is none.
fn justified(bank: &Bank, given: Map<String, Value>) -> Result<BTreeMap<String, String>, Mistake> {
    let asking = || {
        bank.questions
            .iter()
            .filter(|q| q.justification.is_some())
            .map(|q| q.id.clone())
            .collect()
    };
    let mut out = BTreeMap::new();
    for (id, value) in given {
        let Some(q) = bank.question_id(&id) else {
            return Err(Mistake::JustificationUnknownQuestion {
                id,
                asking: asking(),
            });
        };
        if bank.questions[q].justification.is_none() {
            return Err(Mistake::NoJustificationAsked {
                question: id,
                asking: asking(),
            });
        }
        let Value::String(text) = &value else {
            return Err(Mistake::JustificationNotText {
                question: id,
                found: Found::of(&value),
            });
        };
        let text = text.trim();
        if text.chars().count() > crate::bank::MAX_TEXT {
            return Err(Mistake::JustificationTooLong { question: id });
        }
        if !text.is_empty() {
            out.insert(id, text.to_string());
        }
    }
    Ok(out)
}

/// What the file got wrong, in the answers file's own terms rather than serde's: where serde
/// stopped (the path) says which rule was broken, and the value found there what was given.
fn mistake(root: &Value, e: &serde_path_to_error::Error<serde_json::Error>) -> Mistake {
    let path: Vec<&Segment> = e.path().iter().collect();
    match path.as_slice() {
        [] if root.is_object() => Mistake::NoAnswers,
        [] => Mistake::NotAnObject {
            found: Found::of(root),
        },
        [Segment::Map { key }] if key == "campaign" => Mistake::CampaignNotAnObject {
            found: Found::of(&root[key]),
        },
        [Segment::Map { key }] if key == "participants" => Mistake::ParticipantsNotAList {
            found: Found::of(&root[key]),
        },
        [Segment::Map { key }] if key == "answers" => Mistake::AnswersNotAnObject {
            found: Found::of(&root[key]),
        },
        [Segment::Map { key }] if key == "justifications" => Mistake::JustificationsNotAnObject {
            found: Found::of(&root[key]),
        },
        [Segment::Map { key }] if !ROOT_KEYS.contains(&key.as_str()) => unknown(key, ROOT_KEYS, ""),
        [Segment::Map { key: c }, Segment::Map { key }] if c == "campaign" => {
            match CAMPAIGN_KEYS.iter().copied().find(|k| *k == key.as_str()) {
                Some(field) => Mistake::CampaignFieldNotText {
                    field,
                    found: Found::of(&root[c][key]),
                },
                None => unknown(key, CAMPAIGN_KEYS, "campaign."),
            }
        }
        [Segment::Map { key }, Segment::Seq { index }, ..] if key == "participants" => {
            Mistake::ParticipantNotAnObject { index: *index }
        }
        // Not reached by the file's format; said in serde's words rather than not at all.
        _ => Mistake::Other {
            path: json::escape_controls(&e.path().to_string()),
            problem: Problem::of(e.inner()),
        },
    }
}

fn unknown(key: &str, allowed: &[&str], prefix: &str) -> Mistake {
    Mistake::UnknownField {
        field: format!("{prefix}{key}"),
        allowed: allowed.iter().map(|a| format!("{prefix}{a}")).collect(),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use serde_json::json;

    use super::*;

    static BANK: LazyLock<Bank> = LazyLock::new(|| Bank::embedded().expect("the bank loads"));

    fn assess_json(v: Value) -> Result<Parsed, String> {
        assess(&BANK, "a.json", &v.to_string()).map_err(|e| e.to_string())
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
        let e = |src: &str| assess(&BANK, "a.json", src).unwrap_err().to_string();
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
            "a.json: onbekend veld \"x\"; toegestaan: $schema, campaign, participants, answers, \
             justifications"
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
