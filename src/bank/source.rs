//! The bank files as written by a maintainer: the serde shapes of `questions/*.json`. They are
//! compiled into a [`crate::bank::Bank`] (ids resolved to indexes) by `load`.
use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use crate::text::Text;

/// One bank file. Every section is optional, so a maintainer may split the bank as they like.
/// `D` is what is read of the documents: their sources, or nothing ([`Skipped`]) when they
/// are compiled later (see [`crate::bank::Bank::embedded`]).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part<D = Vec<super::documents::Source>> {
    /// Where an editor finds the schema of bank files (`docs/bank.schema.json`); ignored.
    #[serde(rename = "$schema")]
    pub schema: Option<String>,
    pub bank: Option<Meta>,
    #[serde(default)]
    pub questions: Vec<Question>,
    #[serde(default)]
    pub findings: Vec<Finding>,
    #[serde(default)]
    pub actions: Vec<Action>,
    #[serde(default)]
    pub warnings: Vec<Warning>,
    #[serde(default)]
    pub notes: Vec<Note>,
    /// Named conditions; parsed by hand (see `condition`) so errors can name their place.
    #[serde(default)]
    pub defs: BTreeMap<String, Value>,
    #[serde(default)]
    pub rules: Vec<Rule>,
    /// The fields of a draft processing-register entry (AVG art. 30), filled from the answers.
    #[serde(default)]
    pub register: Vec<RegisterField>,
    /// Pairs of things that must never stand in one advice (the lint proves it on every path).
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
    /// The documents a library may generate from an assessment.
    #[serde(default)]
    pub documents: D,
}

/// A section read over and not kept: its JSON is checked, nothing is allocated for it.
#[derive(Debug, Default)]
pub struct Skipped;

impl<'de> Deserialize<'de> for Skipped {
    fn deserialize<De: serde::Deserializer<'de>>(d: De) -> Result<Skipped, De::Error> {
        serde::de::IgnoredAny::deserialize(d).map(|_| Skipped)
    }
}

impl Part<Skipped> {
    /// The part as the compiler takes it, with no documents.
    pub fn without_documents(self) -> Part {
        Part {
            schema: self.schema,
            bank: self.bank,
            questions: self.questions,
            findings: self.findings,
            actions: self.actions,
            warnings: self.warnings,
            notes: self.notes,
            defs: self.defs,
            rules: self.rules,
            register: self.register,
            conflicts: self.conflicts,
            documents: Vec::new(),
        }
    }
}

/// A piece of an advice text shown only where its condition holds, with its own sources: so a
/// text that serves several cases speaks, on each path, only of that path.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextPart {
    #[serde(default, deserialize_with = "present")]
    pub when: Option<Value>,
    pub text: Text,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// Two items that contradict each other when they appear in one outcome.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    pub id: String,
    pub items: Vec<ItemRef>,
    /// Why the two cannot stand together, for the maintainer who meets the lint's message.
    pub why: Text,
}

/// One side of a conflict: an action (at any level, or only when required), a warning, a note,
/// or a finding with a given value.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemRef {
    pub action: Option<String>,
    /// With `action`: "required" to match only a required action.
    pub level: Option<String>,
    pub warning: Option<String>,
    pub note: Option<String>,
    pub finding: Option<String>,
    /// With `finding`: the value it must have.
    #[serde(default, deserialize_with = "present")]
    pub is: Option<Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegisterField {
    pub id: String,
    pub label: Text,
    pub parts: Vec<RegisterPart>,
}

/// A piece of a register field: a text, or the answer to a question, given when `when` holds.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegisterPart {
    #[serde(default, deserialize_with = "present")]
    pub when: Option<Value>,
    pub text: Option<Text>,
    pub answer: Option<String>,
    /// Where the part comes from; a document that shows the field cites them.
    #[serde(default)]
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub id: String,
    pub version: String,
    pub title: Text,
    pub start: String,
    pub verdict: VerdictSpec,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerdictSpec {
    pub finding: String,
    pub without_required_actions: Value,
    pub with_required_actions: Value,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub kind: String,
    pub prompt: Text,
    #[serde(default)]
    pub help: Text,
    /// Parts of the help shown only where their condition holds on the answers given so far.
    #[serde(default)]
    pub help_parts: Vec<TextPart>,
    #[serde(default)]
    pub reasoning: Text,
    /// The library's own choice (granularity, channel, legal basis…), as opposed to a fact:
    /// the remedies of a plan that is not allowed change only these.
    #[serde(default)]
    pub choice: bool,
    /// How much of the plan changing this choice gives up, for ranking remedies (default 1):
    /// choosing another legal basis keeps the campaign (0); reaching people another way makes
    /// it another campaign (2 or more).
    #[serde(default = "one")]
    pub remedy_weight: u8,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub options: Vec<AnswerOption>,
    pub default: Option<Value>,
    #[serde(default)]
    pub next: Vec<Branch>,
    /// Asks, besides the answer, for a short justification in free text (the legitimate
    /// interest's conditions: what the interest is, why no lighter means suffices...).
    pub justification: Option<Justification>,
}

/// What a question asks to be justified, and help for writing it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Justification {
    pub prompt: Text,
    #[serde(default)]
    pub help: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    pub id: String,
    pub label: Text,
    #[serde(default)]
    pub exclusive: bool,
    /// `false` for an option a remedy must never propose (say, a legal basis the sources know
    /// no library to rely on), although the plan would be allowed with it.
    #[serde(default = "yes")]
    pub remedy: bool,
    /// In a multiple-choice answer, the options a remedy may swap for this one (say, the youth
    /// member instead of the parent who is not a member). Other swaps would only relabel the
    /// same people, so a remedy otherwise only leaves options out.
    #[serde(default)]
    pub instead_of: Vec<String>,
}

fn yes() -> bool {
    true
}

fn one() -> u8 {
    1
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Branch {
    /// `null` is kept (and refused), so it cannot silently mean "always".
    #[serde(default, deserialize_with = "present")]
    pub when: Option<Value>,
    pub to: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    pub id: String,
    pub title: Text,
    pub values: Vec<FindingValue>,
    /// Distinguishes "no default" from an explicit `null` default.
    #[serde(default, deserialize_with = "present")]
    pub default: Option<Value>,
    #[serde(default)]
    pub rationale: Text,
    #[serde(default)]
    pub sources: Vec<String>,
}

fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(d).map(Some)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingValue {
    pub value: Value,
    pub label: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: String,
    pub title: Text,
    #[serde(default)]
    pub rationale: Text,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub parts: Vec<TextPart>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Warning {
    pub id: String,
    pub title: Text,
    pub text: Text,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub parts: Vec<TextPart>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub id: String,
    pub title: Text,
    pub text: Text,
    #[serde(default)]
    pub sources: Vec<String>,
    /// The month (YYYY-MM) the note was last checked against current law.
    pub checked: String,
    #[serde(default)]
    pub parts: Vec<TextPart>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    /// Which numbered domain rule this implements (as the golden cases name them).
    #[serde(default)]
    pub from: String,
    #[serde(default, deserialize_with = "present")]
    pub when: Option<Value>,
    #[serde(default)]
    pub set: BTreeMap<String, Value>,
    #[serde(default)]
    pub require: Vec<String>,
    #[serde(default)]
    pub recommend: Vec<String>,
    #[serde(default)]
    pub warn: Vec<String>,
    #[serde(default)]
    pub notes: Vec<String>,
    pub reason: Option<Reason>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reason {
    pub text: Text,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub parts: Vec<TextPart>,
}
