//! The answers file: the input of `advise` (and `new`), as fixed in INTERFACE.md.
use serde_json::{Map, Value};

use crate::bank::Bank;
use crate::engine::{Outcome, Session};
use crate::json::{self, quoted};

/// A campaign as an answers file describes it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Campaign {
    pub name: Option<String>,
    pub description: Option<String>,
    pub organisation: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Participant {
    pub name: String,
    pub role: String,
}

impl Parsed {
    /// The campaign and participants as a record keeps them (what the file leaves out is empty).
    pub fn for_record(&self) -> (crate::record::Campaign, Vec<crate::record::Participant>) {
        let c = &self.campaign;
        let campaign = crate::record::Campaign {
            name: c.name.clone().unwrap_or_default(),
            description: c.description.clone().unwrap_or_default(),
            organisation: c.organisation.clone().unwrap_or_default(),
        };
        let participants = self
            .participants
            .iter()
            .map(|p| crate::record::Participant {
                name: p.name.clone(),
                role: p.role.clone(),
            })
            .collect();
        (campaign, participants)
    }
}

/// A read and checked answers file: the session it describes and its outcome.
#[derive(Debug)]
pub struct Parsed {
    pub campaign: Campaign,
    pub participants: Vec<Participant>,
    pub session: Session,
    pub outcome: Outcome,
    /// Things worth saying that do not stop the advice (answers to questions off the path).
    pub notices: Vec<String>,
}

const ROOT_KEYS: &[&str] = &["$schema", "campaign", "participants", "answers"];
const CAMPAIGN_KEYS: &[&str] = &["name", "description", "organisation"];

/// Reads an answers file (`name` is how messages call it) and walks the bank with it. The error
/// is one line naming the file, the question and what was expected.
pub fn assess(bank: &Bank, name: &str, src: &str) -> Result<Parsed, String> {
    if src.trim().is_empty() {
        return Err(format!(
            "{name}: het bestand is leeg; verwacht een JSON-object met \"answers\""
        ));
    }
    let root = json::parse_strict(src.trim_start_matches('\u{feff}')).map_err(|e| {
        format!(
            "{name}: regel {} kolom {}: {}",
            e.line(),
            e.column(),
            json::describe(&e)
        )
    })?;
    let Value::Object(root) = root else {
        return Err(format!(
            "{name}: verwacht een JSON-object met \"answers\", gevonden: {}",
            kind_of(&root)
        ));
    };
    check_keys(&root, ROOT_KEYS, name, "")?;
    let campaign = match root.get("campaign") {
        None | Some(Value::Null) => Campaign::default(),
        Some(Value::Object(c)) => {
            check_keys(c, CAMPAIGN_KEYS, name, "campaign.")?;
            let field = |k: &str| -> Result<Option<String>, String> {
                match c.get(k) {
                    None | Some(Value::Null) => Ok(None),
                    Some(Value::String(s)) => Ok(Some(s.clone())),
                    Some(v) => Err(format!(
                        "{name}: campaign.{k} moet tekst zijn, gevonden: {}",
                        kind_of(v)
                    )),
                }
            };
            Campaign {
                name: field("name")?,
                description: field("description")?,
                organisation: field("organisation")?,
            }
        }
        Some(v) => {
            return Err(format!(
                "{name}: \"campaign\" moet een object zijn, zoals {{\"name\": \"Voorjaarsactie\"}}; gevonden: {}",
                kind_of(v)
            ));
        }
    };
    let participants = match root.get("participants") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let text = |k: &str| p.get(k).and_then(Value::as_str).map(str::to_string);
                match (text("name"), text("role")) {
                    (Some(name), role) => Ok(Participant {
                        name,
                        role: role.unwrap_or_default(),
                    }),
                    _ => Err(format!(
                        "{name}: participants[{i}] moet een object zijn met \"name\" (en \"role\")"
                    )),
                }
            })
            .collect::<Result<_, _>>()?,
        Some(v) => {
            return Err(format!(
                "{name}: \"participants\" moet een lijst zijn, gevonden: {}",
                kind_of(v)
            ));
        }
    };
    let answers = match root.get("answers") {
        Some(Value::Object(a)) => a,
        None => {
            return Err(format!(
                "{name}: \"answers\" ontbreekt; verwacht een object met een antwoord per vraag-id"
            ));
        }
        Some(v) => {
            return Err(format!(
                "{name}: \"answers\" moet een object zijn, gevonden: {}",
                kind_of(v)
            ));
        }
    };

    let mut session = Session::new(bank);
    for (id, value) in answers {
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
    // Questions the bank adds beyond RULES.md have defaults; any other gap is an error.
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

fn check_keys(
    m: &Map<String, Value>,
    allowed: &[&str],
    name: &str,
    prefix: &str,
) -> Result<(), String> {
    match m.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(k) => Err(format!(
            "{name}: onbekend veld {}; toegestaan: {}",
            quoted(&format!("{prefix}{k}")),
            allowed
                .iter()
                .map(|a| format!("{prefix}{a}"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
        None => Ok(()),
    }
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
