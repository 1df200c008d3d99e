//! Why an answer does not fit its question, in the words of the person who gave it.

use crate::bank::{Allowed, AnswerError, Expected, MAX_TEXT};
use crate::json::quoted;
use crate::text::Lang;

fn expected(e: Expected, lang: Lang) -> &'static str {
    match (e, lang) {
        (Expected::QuotedText, Lang::Nl) => "tekst tussen aanhalingstekens",
        (Expected::QuotedText, Lang::En) => "text between quotes",
        (Expected::ListOfTexts, Lang::Nl) => "een lijst van opties als tekst, zoals [\"a\", \"b\"]",
        (Expected::ListOfTexts, Lang::En) => "a list of options as text, like [\"a\", \"b\"]",
        (Expected::List, Lang::Nl) => "een lijst van opties, zoals [\"a\", \"b\"]",
        (Expected::List, Lang::En) => "a list of options, like [\"a\", \"b\"]",
        (Expected::OneText, Lang::Nl) => "één optie als tekst",
        (Expected::OneText, Lang::En) => "one option as text",
        (Expected::AnOption, Lang::Nl) => "een van de opties",
        (Expected::AnOption, Lang::En) => "one of the options",
        (Expected::Text, Lang::Nl) => "tekst",
        (Expected::Text, Lang::En) => "text",
        (Expected::ExactlyOne, Lang::Nl) => "precies één optie",
        (Expected::ExactlyOne, Lang::En) => "exactly one option",
    }
}

impl Allowed {
    /// "a, b, c", or free text, in `lang`.
    pub fn said(&self, lang: Lang) -> String {
        match (self, lang) {
            (Allowed::FreeText, Lang::Nl) => "vrije tekst".to_string(),
            (Allowed::FreeText, Lang::En) => "free text".to_string(),
            (Allowed::Options(ids), _) => ids.join(", "),
        }
    }
}

impl AnswerError {
    /// Why the answer does not fit, in `lang`.
    pub fn said(&self, lang: Lang) -> String {
        match (self, lang) {
            (
                AnswerError::WrongType {
                    expected: e,
                    allowed,
                },
                Lang::Nl,
            ) => {
                format!(
                    "verwacht {}; toegestaan: {}",
                    expected(*e, lang),
                    allowed.said(lang)
                )
            }
            (
                AnswerError::WrongType {
                    expected: e,
                    allowed,
                },
                Lang::En,
            ) => {
                format!(
                    "expected {}; allowed: {}",
                    expected(*e, lang),
                    allowed.said(lang)
                )
            }
            (AnswerError::NotAllowed { value, allowed }, Lang::Nl) => {
                format!(
                    "{} is niet toegestaan; toegestaan: {}",
                    quoted(value),
                    allowed.said(lang)
                )
            }
            (AnswerError::NotAllowed { value, allowed }, Lang::En) => {
                format!(
                    "{} is not allowed; allowed: {}",
                    quoted(value),
                    allowed.said(lang)
                )
            }
            (AnswerError::NoSuchOption { n, allowed }, Lang::Nl) => {
                format!(
                    "\"optie {n}\" is niet toegestaan; toegestaan: {}",
                    allowed.said(lang)
                )
            }
            (AnswerError::NoSuchOption { n, allowed }, Lang::En) => {
                format!(
                    "\"option {n}\" is not allowed; allowed: {}",
                    allowed.said(lang)
                )
            }
            (AnswerError::Empty { allowed }, Lang::Nl) => {
                format!(
                    "kies minstens één optie; toegestaan: {}",
                    allowed.said(lang)
                )
            }
            (AnswerError::Empty { allowed }, Lang::En) => {
                format!(
                    "choose at least one option; allowed: {}",
                    allowed.said(lang)
                )
            }
            (AnswerError::NotCombinable { option, allowed }, Lang::Nl) => format!(
                "\"{option}\" kan niet samen met andere opties gekozen worden; toegestaan: {}",
                allowed.said(lang)
            ),
            (AnswerError::NotCombinable { option, allowed }, Lang::En) => format!(
                "\"{option}\" cannot be chosen together with other options; allowed: {}",
                allowed.said(lang)
            ),
            (AnswerError::TooLong, Lang::Nl) => format!("de tekst is langer dan {MAX_TEXT} tekens"),
            (AnswerError::TooLong, Lang::En) => {
                format!("the text is longer than {MAX_TEXT} characters")
            }
        }
    }
}

dutch_display!(AnswerError);
