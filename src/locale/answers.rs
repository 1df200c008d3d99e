//! What is wrong with an answers file, and what is worth saying about one, as one line that
//! names the file (and the question, when there is one). The file's keys and values are
//! quoted as written; the question ids and field names are the format's and the bank's own.

use crate::answers::{AnswersError, Found, Mistake, Notice};
use crate::json::quoted;
use crate::text::Lang;

fn found(f: Found, lang: Lang) -> &'static str {
    match (f, lang) {
        (Found::Null, _) => "null",
        (Found::Bool, Lang::Nl) => "een waar/onwaar-waarde",
        (Found::Bool, Lang::En) => "a true/false value",
        (Found::Number, Lang::Nl) => "een getal",
        (Found::Number, Lang::En) => "a number",
        (Found::Text, Lang::Nl) => "tekst",
        (Found::Text, Lang::En) => "text",
        (Found::List, Lang::Nl) => "een lijst",
        (Found::List, Lang::En) => "a list",
        (Found::Object, Lang::Nl) => "een object",
        (Found::Object, Lang::En) => "an object",
    }
}

impl Mistake {
    /// What is wrong, without the file's name.
    pub fn said(&self, lang: Lang) -> String {
        match (self, lang) {
            (Mistake::Empty, Lang::Nl) => {
                "het bestand is leeg; verwacht een JSON-object met \"answers\"".to_string()
            }
            (Mistake::Empty, Lang::En) => {
                "the file is empty; expected a JSON object with \"answers\"".to_string()
            }
            (
                Mistake::Json {
                    line,
                    column,
                    problem,
                },
                Lang::Nl,
            ) => format!("regel {line} kolom {column}: {}", problem.said(lang)),
            (
                Mistake::Json {
                    line,
                    column,
                    problem,
                },
                Lang::En,
            ) => format!("line {line} column {column}: {}", problem.said(lang)),
            (Mistake::NotAnObject { found: f }, Lang::Nl) => format!(
                "verwacht een JSON-object met \"answers\", gevonden: {}",
                found(*f, lang)
            ),
            (Mistake::NotAnObject { found: f }, Lang::En) => format!(
                "expected a JSON object with \"answers\", found: {}",
                found(*f, lang)
            ),
            (Mistake::NoAnswers, Lang::Nl) => {
                "\"answers\" ontbreekt; verwacht een object met een antwoord per vraag-id"
                    .to_string()
            }
            (Mistake::NoAnswers, Lang::En) => {
                "\"answers\" is missing; expected an object with an answer per question id"
                    .to_string()
            }
            (Mistake::CampaignNotAnObject { found: f }, Lang::Nl) => format!(
                "\"campaign\" moet een object zijn, zoals {{\"name\": \"Voorjaarsactie\"}}; gevonden: {}",
                found(*f, lang)
            ),
            (Mistake::CampaignNotAnObject { found: f }, Lang::En) => format!(
                "\"campaign\" must be an object, like {{\"name\": \"Spring campaign\"}}; found: {}",
                found(*f, lang)
            ),
            (Mistake::ParticipantsNotAList { found: f }, Lang::Nl) => format!(
                "\"participants\" moet een lijst zijn, gevonden: {}",
                found(*f, lang)
            ),
            (Mistake::ParticipantsNotAList { found: f }, Lang::En) => format!(
                "\"participants\" must be a list, found: {}",
                found(*f, lang)
            ),
            (Mistake::AnswersNotAnObject { found: f }, Lang::Nl) => format!(
                "\"answers\" moet een object zijn, gevonden: {}",
                found(*f, lang)
            ),
            (Mistake::AnswersNotAnObject { found: f }, Lang::En) => {
                format!("\"answers\" must be an object, found: {}", found(*f, lang))
            }
            (Mistake::UnknownField { field, allowed }, Lang::Nl) => format!(
                "onbekend veld {}; toegestaan: {}",
                quoted(field),
                allowed.join(", ")
            ),
            (Mistake::UnknownField { field, allowed }, Lang::En) => format!(
                "unknown field {}; allowed: {}",
                quoted(field),
                allowed.join(", ")
            ),
            (Mistake::CampaignFieldNotText { field, found: f }, Lang::Nl) => format!(
                "campaign.{field} moet tekst zijn, gevonden: {}",
                found(*f, lang)
            ),
            (Mistake::CampaignFieldNotText { field, found: f }, Lang::En) => {
                format!("campaign.{field} must be text, found: {}", found(*f, lang))
            }
            (Mistake::ParticipantNotAnObject { index }, Lang::Nl) => {
                format!("participants[{index}] moet een object zijn met \"name\" (en \"role\")")
            }
            (Mistake::ParticipantNotAnObject { index }, Lang::En) => {
                format!("participants[{index}] must be an object with \"name\" (and \"role\")")
            }
            (Mistake::Other { path, problem }, _) => format!("{path}: {}", problem.said(lang)),
            (Mistake::UnknownQuestion { id, known }, Lang::Nl) => format!(
                "onbekende vraag {}; bekende vragen: {}",
                quoted(id),
                known.join(", ")
            ),
            (Mistake::UnknownQuestion { id, known }, Lang::En) => format!(
                "unknown question {}; known questions: {}",
                quoted(id),
                known.join(", ")
            ),
            (Mistake::Answer { question, error }, Lang::Nl) => {
                format!("vraag \"{question}\": {}", error.said(lang))
            }
            (Mistake::Answer { question, error }, Lang::En) => {
                format!("question \"{question}\": {}", error.said(lang))
            }
            (Mistake::JustificationsNotAnObject { found: f }, Lang::Nl) => format!(
                "\"justifications\" moet een object zijn met een toelichting per vraag-id, gevonden: {}",
                found(*f, lang)
            ),
            (Mistake::JustificationsNotAnObject { found: f }, Lang::En) => format!(
                "\"justifications\" must be an object with a justification per question id, found: {}",
                found(*f, lang)
            ),
            (Mistake::JustificationUnknownQuestion { id, asking }, Lang::Nl) => format!(
                "toelichting bij onbekende vraag {}; een toelichting kan bij: {}",
                quoted(id),
                asking.join(", ")
            ),
            (Mistake::JustificationUnknownQuestion { id, asking }, Lang::En) => format!(
                "justification for unknown question {}; a justification can go with: {}",
                quoted(id),
                asking.join(", ")
            ),
            (Mistake::NoJustificationAsked { question, asking }, Lang::Nl) => format!(
                "vraag \"{question}\" vraagt niet om een toelichting; een toelichting kan bij: {}",
                asking.join(", ")
            ),
            (Mistake::NoJustificationAsked { question, asking }, Lang::En) => format!(
                "question \"{question}\" does not ask for a justification; a justification can go with: {}",
                asking.join(", ")
            ),
            (Mistake::JustificationNotText { question, found: f }, Lang::Nl) => format!(
                "de toelichting bij vraag \"{question}\" moet tekst zijn, gevonden: {}",
                found(*f, lang)
            ),
            (Mistake::JustificationNotText { question, found: f }, Lang::En) => format!(
                "the justification for question \"{question}\" must be text, found: {}",
                found(*f, lang)
            ),
            (Mistake::JustificationTooLong { question }, Lang::Nl) => format!(
                "de toelichting bij vraag \"{question}\" is langer dan {} tekens",
                crate::bank::MAX_TEXT
            ),
            (Mistake::JustificationTooLong { question }, Lang::En) => format!(
                "the justification for question \"{question}\" is longer than {} characters",
                crate::bank::MAX_TEXT
            ),
            (
                Mistake::Unanswered {
                    question,
                    allowed: a,
                },
                Lang::Nl,
            ) => format!(
                "vraag \"{question}\" staat op het pad maar heeft geen antwoord; toegestaan: {}",
                a.said(lang)
            ),
            (
                Mistake::Unanswered {
                    question,
                    allowed: a,
                },
                Lang::En,
            ) => format!(
                "question \"{question}\" is on the path but has no answer; allowed: {}",
                a.said(lang)
            ),
        }
    }
}

impl AnswersError {
    /// The mistake behind the file's name, in `lang`.
    pub fn said(&self, lang: Lang) -> String {
        format!("{}: {}", self.file, self.mistake.said(lang))
    }
}

dutch_display!(AnswersError);

impl Notice {
    pub fn said(&self, lang: Lang) -> String {
        match (self, lang) {
            (Notice::OffPath { file, question }, Lang::Nl) => format!(
                "{file}: antwoord op \"{question}\" genegeerd: die vraag staat niet op het pad van deze antwoorden"
            ),
            (Notice::OffPath { file, question }, Lang::En) => format!(
                "{file}: answer to \"{question}\" ignored: that question is not on the path of these answers"
            ),
            (Notice::JustificationOffPath { file, question }, Lang::Nl) => format!(
                "{file}: toelichting bij \"{question}\" staat niet in het advies: die vraag staat niet op het pad van deze antwoorden"
            ),
            (Notice::JustificationOffPath { file, question }, Lang::En) => format!(
                "{file}: the justification for \"{question}\" is not in the advice: that question is not on the path of these answers"
            ),
        }
    }
}

dutch_display!(Notice);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::Allowed;
    use crate::json::Problem;

    fn error(mistake: Mistake) -> AnswersError {
        AnswersError {
            file: "a.json".into(),
            mistake,
        }
    }

    /// The mistakes no answers file reaches through the embedded bank: a text question
    /// without a default (a bank of one's own may have one), and serde's words at a path the
    /// format does not have.
    #[test]
    fn mistakes_beyond_the_embedded_bank_are_said_in_either_language() {
        let e = error(Mistake::Unanswered {
            question: "purpose".into(),
            allowed: Allowed::FreeText,
        });
        assert_eq!(
            e.to_string(),
            "a.json: vraag \"purpose\" staat op het pad maar heeft geen antwoord; toegestaan: vrije tekst"
        );
        assert_eq!(
            e.said(Lang::En),
            "a.json: question \"purpose\" is on the path but has no answer; allowed: free text"
        );
        let e = error(Mistake::Other {
            path: "answers.x".into(),
            problem: Problem::Format("invalid type: map, expected a string".into()),
        });
        assert_eq!(
            e.to_string(),
            "a.json: answers.x: klopt niet met het formaat: invalid type: map, expected a string"
        );
        assert_eq!(
            e.said(Lang::En),
            "a.json: answers.x: does not fit the format: invalid type: map, expected a string"
        );
    }
}
