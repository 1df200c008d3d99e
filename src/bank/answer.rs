//! Answers: what a person gave for one question, checked against the question's kind. They
//! live with the questions (conditions and defaults are written in them); the engine keeps them.

use serde_json::Value;

use super::{AnswerOption, Kind, Question};

/// An answer. Choice answers are a bit mask of the options chosen: one bit for single choice
/// and yes/no questions, one or more for multiple choice.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Answer {
    Choice(u64),
    Text(String),
}

/// Free text longer than this is refused: notes and purposes are a few sentences, not files.
pub const MAX_TEXT: usize = 10_000;

/// What a question allows, for a message: free text, or its option ids in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Allowed {
    FreeText,
    Options(Vec<String>),
}

/// Why an answer does not fit a question. Shown to the person who gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerError {
    /// The wrong JSON type: a list where one value was expected, or the reverse.
    WrongType {
        expected: Expected,
        allowed: Allowed,
    },
    NotAllowed {
        value: String,
        allowed: Allowed,
    },
    /// A choice by number beyond the question's options (the `n`th option, from 1).
    NoSuchOption {
        n: u32,
        allowed: Allowed,
    },
    Empty {
        allowed: Allowed,
    },
    NotCombinable {
        option: String,
        allowed: Allowed,
    },
    TooLong,
}

/// What an answer should have been.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// Text between quotes (a text question in an answers file).
    QuotedText,
    /// A list of options as text, like ["a", "b"].
    ListOfTexts,
    /// A list of options, like ["a", "b"].
    List,
    /// One option as text.
    OneText,
    /// One of the options (text given to a choice question).
    AnOption,
    /// Text (a choice given to a text question).
    Text,
    /// Exactly one option (several given to a single-choice question).
    ExactlyOne,
}

impl Question {
    /// Reads an answer in the answers-file form: a string for single choice, yes/no and text;
    /// a list of strings for multiple choice.
    pub fn parse_answer(&self, v: &Value) -> Result<Answer, AnswerError> {
        let allowed = self.allowed();
        match (self.kind, v) {
            (Kind::Text, Value::String(s)) => self.text_answer(s),
            (Kind::Text, _) => Err(AnswerError::WrongType {
                expected: Expected::QuotedText,
                allowed,
            }),
            (Kind::Multiple, Value::Array(items)) => {
                let mut ids = Vec::with_capacity(items.len());
                for item in items {
                    match item.as_str() {
                        Some(s) => ids.push(s),
                        None => {
                            return Err(AnswerError::WrongType {
                                expected: Expected::ListOfTexts,
                                allowed,
                            });
                        }
                    }
                }
                self.choices(&ids)
            }
            (Kind::Multiple, _) => Err(AnswerError::WrongType {
                expected: Expected::List,
                allowed,
            }),
            (_, Value::String(s)) => self.choice(s),
            (_, _) => Err(AnswerError::WrongType {
                expected: Expected::OneText,
                allowed,
            }),
        }
    }

    pub fn text_answer(&self, s: &str) -> Result<Answer, AnswerError> {
        if s.chars().count() > MAX_TEXT {
            return Err(AnswerError::TooLong);
        }
        Ok(Answer::Text(s.to_string()))
    }

    /// One option by id, for single choice and yes/no questions.
    pub fn choice(&self, id: &str) -> Result<Answer, AnswerError> {
        match self.option_index(id) {
            Some(i) => Ok(Answer::Choice(1 << i)),
            None => Err(AnswerError::NotAllowed {
                value: id.to_string(),
                allowed: self.allowed(),
            }),
        }
    }

    /// Several options by id, for multiple choice. Giving one twice is harmless.
    pub fn choices(&self, ids: &[&str]) -> Result<Answer, AnswerError> {
        let mut mask = 0u64;
        for id in ids {
            match self.option_index(id) {
                Some(i) => mask |= 1 << i,
                None => {
                    return Err(AnswerError::NotAllowed {
                        value: id.to_string(),
                        allowed: self.allowed(),
                    });
                }
            }
        }
        self.check_mask(mask)?;
        Ok(Answer::Choice(mask))
    }

    /// A set of options is a valid multiple-choice answer: not empty, exclusive options alone.
    pub fn check_mask(&self, mask: u64) -> Result<(), AnswerError> {
        if mask == 0 {
            return Err(AnswerError::Empty {
                allowed: self.allowed(),
            });
        }
        if mask.count_ones() > 1
            && let Some(o) = self
                .options
                .iter()
                .enumerate()
                .find(|(i, o)| o.exclusive && mask & (1 << i) != 0)
        {
            return Err(AnswerError::NotCombinable {
                option: o.1.id.clone(),
                allowed: self.allowed(),
            });
        }
        Ok(())
    }

    /// The answer in the answers-file form.
    pub fn answer_json(&self, a: &Answer) -> Value {
        match (self.kind, a) {
            (_, Answer::Text(s)) => Value::String(s.clone()),
            (Kind::Multiple, Answer::Choice(m)) => Value::Array(
                self.chosen(*m)
                    .map(|o| Value::String(o.id.clone()))
                    .collect(),
            ),
            (_, Answer::Choice(m)) => self
                .chosen(*m)
                .next()
                .map(|o| Value::String(o.id.clone()))
                .unwrap_or(Value::Null),
        }
    }

    /// The options in a choice mask, in the bank's order.
    pub fn chosen(&self, mask: u64) -> impl Iterator<Item = &AnswerOption> {
        self.options
            .iter()
            .enumerate()
            .filter(move |(i, _)| mask & (1 << i) != 0)
            .map(|(_, o)| o)
    }

    /// The answer as a person reads it: option labels, or the text itself.
    pub fn answer_label(&self, a: &Answer, lang: crate::text::Lang) -> String {
        match a {
            Answer::Text(s) => s.clone(),
            Answer::Choice(m) => self
                .chosen(*m)
                .map(|o| o.label.get(lang))
                .collect::<Vec<_>>()
                .join("; "),
        }
    }
}
