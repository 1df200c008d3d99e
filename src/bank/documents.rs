//! The documents a library may generate from an assessment (a privacy-statement paragraph, a
//! consent request, a register entry…): texts in the bank, filled from the answers and the
//! library's facts, offered only where the advice calls for them.
//!
//! As written in `questions/*.json` ([`Source`]), a text may hold placeholders from a closed
//! set (`{library.name}`, `{answer.campaign_purpose}`, `{register.purpose}`…). The loader
//! resolves them ([`Slot`]), so a misspelt one is refused at load time, never shown.
use serde::Deserialize;
use serde_json::Value;

use super::{AId, Cond, NId, QId};
use crate::text::{Lang, Text};

/// A fact about the library that only the library knows (its profile), not the assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LibraryItem {
    Name,
    Address,
    /// The number in the Dutch chamber of commerce's register.
    Kvk,
    /// The data protection officer (functionaris gegevensbescherming, FG).
    FgName,
    FgContact,
    /// Where people send questions and objections about their data.
    PrivacyContact,
    SecurityMeasures,
    /// The library's own retention policy.
    Retention,
}

impl LibraryItem {
    pub const ALL: [LibraryItem; 8] = [
        LibraryItem::Name,
        LibraryItem::Address,
        LibraryItem::Kvk,
        LibraryItem::FgName,
        LibraryItem::FgContact,
        LibraryItem::PrivacyContact,
        LibraryItem::SecurityMeasures,
        LibraryItem::Retention,
    ];

    /// Its placeholder, without the braces.
    pub fn key(self) -> &'static str {
        match self {
            LibraryItem::Name => "library.name",
            LibraryItem::Address => "library.address",
            LibraryItem::Kvk => "library.kvk",
            LibraryItem::FgName => "fg.name",
            LibraryItem::FgContact => "fg.contact",
            LibraryItem::PrivacyContact => "privacy_contact",
            LibraryItem::SecurityMeasures => "security_measures",
            LibraryItem::Retention => "retention",
        }
    }
}

/// What a placeholder stands for, resolved against the bank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Library(LibraryItem),
    /// The campaign's name, as the record keeps it.
    CampaignName,
    /// The answer to a question as the person reads it (its text, or its options' labels).
    Answer(QId),
    /// The free-text justification given with the answer to a question.
    Justification(QId),
    /// The value of a field of the bank's draft register entry (its place in `Bank::register`).
    Register(usize),
    /// The participants with the role of data protection officer (FG).
    FgParticipants,
    /// The date the document is made.
    Date,
}

/// A piece of a text: words of the bank, or a placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Slot(Slot),
}

/// A text with placeholders, in both languages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Template {
    pub nl: Vec<Piece>,
    pub en: Vec<Piece>,
}

impl Template {
    pub fn get(&self, lang: Lang) -> &[Piece] {
        match lang {
            Lang::Nl => &self.nl,
            Lang::En => &self.en,
        }
    }
}

/// One document a library may generate.
#[derive(Debug)]
pub struct Document {
    /// The kind, a stable id (docs/stable-ids.md): `privacy_paragraph`, `register_entry`…
    pub id: String,
    pub title: Text,
    /// Offered only when the advice has one of these actions (any level)…
    pub offered_with: Vec<AId>,
    /// …and this holds on the answers of the path.
    pub when: Cond,
    pub sections: Vec<Section>,
    /// The file it was defined in, for messages.
    pub file: String,
}

/// A part of a document: a heading, and paragraphs fitted to the answers.
#[derive(Debug)]
pub struct Section {
    pub heading: Option<Text>,
    pub when: Cond,
    pub parts: Vec<Part>,
    pub sources: Vec<String>,
    /// The dated notes on current law the section follows where the law goes further than the
    /// sources.
    pub notes: Vec<NId>,
}

/// A paragraph, or the rest of the one before it, shown where its condition holds.
#[derive(Debug)]
pub struct Part {
    pub when: Cond,
    pub text: Template,
    /// Appended to the paragraph before it (after a space) instead of starting one.
    pub continues: bool,
    pub sources: Vec<String>,
    pub notes: Vec<NId>,
}

/// A document as written in a bank file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: Text,
    #[serde(default)]
    pub offered_with: Vec<String>,
    #[serde(default, deserialize_with = "present")]
    pub when: Option<Value>,
    pub sections: Vec<SectionSource>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionSource {
    pub heading: Option<Text>,
    #[serde(default, deserialize_with = "present")]
    pub when: Option<Value>,
    pub parts: Vec<PartSource>,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartSource {
    #[serde(default, deserialize_with = "present")]
    pub when: Option<Value>,
    pub text: Text,
    #[serde(default)]
    pub continues: bool,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub notes: Vec<String>,
}

/// `null` is kept (and refused), so it cannot silently mean "always".
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(d).map(Some)
}

impl super::RegisterField {
    /// The field's value on a path, as the draft register entry shows it: the parts whose
    /// condition holds, each text or answer as a person reads it, joined by "; ". Empty when no
    /// part holds.
    pub fn value<'a>(
        &self,
        bank: &super::Bank,
        lang: Lang,
        on_path: &impl Fn(QId) -> Option<&'a super::Answer>,
    ) -> String {
        let value: Vec<String> = self
            .parts
            .iter()
            .filter(|p| p.when.holds(on_path))
            .filter_map(|p| match &p.content {
                super::RegisterContent::Text(t) => Some(t.get(lang).to_string()),
                super::RegisterContent::Answer(q) => {
                    on_path(*q).map(|a| bank.questions[*q].answer_label(a, lang))
                }
            })
            .filter(|s| !s.trim().is_empty())
            .collect();
        value.join("; ")
    }
}

/// A piece of a text as written: words, or the name inside a placeholder's braces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Raw {
    Text(String),
    Placeholder(String),
}

/// Why a text's placeholders cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateError {
    /// A `{` without its `}`.
    Unclosed,
    /// A `}` without its `{`.
    Unopened,
    /// `{}`, or a name with a space or a brace in it.
    BadName(String),
}

/// Splits a text into words and placeholders: `{name}` is a placeholder, `{{` and `}}` are a
/// brace.
pub fn split(s: &str) -> Result<Vec<Raw>, TemplateError> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                text.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                text.push('}');
            }
            '}' => return Err(TemplateError::Unopened),
            '{' => {
                let mut name = String::new();
                loop {
                    match chars.next() {
                        None => return Err(TemplateError::Unclosed),
                        Some('}') => break,
                        Some(c) => name.push(c),
                    }
                }
                let well_formed = !name.is_empty()
                    && name
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
                if !well_formed {
                    return Err(TemplateError::BadName(name));
                }
                if !text.is_empty() {
                    out.push(Raw::Text(std::mem::take(&mut text)));
                }
                out.push(Raw::Placeholder(name));
            }
            c => text.push(c),
        }
    }
    if !text.is_empty() {
        out.push(Raw::Text(text));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_split_from_the_words() {
        assert_eq!(
            split("{library.name} werkt met Whize {{x}}.").unwrap(),
            [
                Raw::Placeholder("library.name".into()),
                Raw::Text(" werkt met Whize {x}.".into()),
            ]
        );
        assert_eq!(split("a {b"), Err(TemplateError::Unclosed));
        assert_eq!(split("a } b"), Err(TemplateError::Unopened));
        assert_eq!(split("{}"), Err(TemplateError::BadName(String::new())));
        assert_eq!(
            split("{library name}"),
            Err(TemplateError::BadName("library name".into()))
        );
    }
}
