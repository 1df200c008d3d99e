//! What is wrong with a question bank's files, for its maintainer, in either language. Each
//! defect is one line: the file (with line and column where known), the item and the keys to
//! the wrong value, and what is wrong. Ids, keys, values and file names are the files' own and
//! stay as written, with control characters escaped so a line stays one clean line.

use crate::bank::documents::{LibraryItem, TemplateError};
use crate::bank::{Defect, DefectKind, LoadError, Named, Noun, Origin, Place};
use crate::json::escape_controls;
use crate::text::Lang;

impl Noun {
    pub fn said(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Noun::Question, Lang::Nl) => "vraag",
            (Noun::Question, Lang::En) => "question",
            (Noun::Finding, Lang::Nl) => "bevinding",
            (Noun::Finding, Lang::En) => "finding",
            (Noun::Action, Lang::Nl) => "actie",
            (Noun::Action, Lang::En) => "action",
            (Noun::Warning, Lang::Nl) => "waarschuwing",
            (Noun::Warning, Lang::En) => "warning",
            (Noun::Note, Lang::Nl) => "notitie",
            (Noun::Note, Lang::En) => "note",
            (Noun::Rule, Lang::Nl) => "regel",
            (Noun::Rule, Lang::En) => "rule",
            (Noun::Definition, Lang::Nl) => "definitie",
            (Noun::Definition, Lang::En) => "definition",
            (Noun::RegisterField, Lang::Nl) => "registerveld",
            (Noun::RegisterField, Lang::En) => "register field",
            (Noun::Conflict, _) => "conflict",
            (Noun::AnswerOption, Lang::Nl) => "optie",
            (Noun::AnswerOption, Lang::En) => "option",
            (Noun::Document, _) => "document",
        }
    }
}

impl Named {
    /// `vraag "audience"`.
    pub fn said(&self, lang: Lang) -> String {
        format!("{} \"{}\"", self.noun.said(lang), self.id)
    }
}

impl Origin {
    pub fn said(&self, lang: Lang) -> &str {
        match (self, lang) {
            (Origin::File(name), _) => name,
            (Origin::Embedded, Lang::Nl) => "ingebouwde vragenbank",
            (Origin::Embedded, Lang::En) => "the built-in question bank",
        }
    }
}

impl Place {
    /// `questions.json:8:7`, `questions.json: vraag "x", next[0].when`, `bank.json: bank.start`;
    /// not escaped (see [`Defect::said`]).
    fn said(&self, lang: Lang) -> String {
        let mut s = self.file.said(lang).to_string();
        if let Some((line, column)) = self.at {
            s.push_str(&format!(":{line}:{column}"));
        }
        let path = self.path.join(", ");
        match &self.item {
            Some(item) => {
                s.push_str(": ");
                s.push_str(&item.said(lang));
                if !path.is_empty() {
                    s.push_str(", ");
                    s.push_str(&path);
                }
            }
            None if !path.is_empty() => {
                s.push_str(": ");
                s.push_str(&path);
            }
            None => {}
        }
        s
    }
}

impl Defect {
    /// The defect on one line, in `lang`. What came from the files is escaped as a whole: the
    /// words around it have no control characters, so escaping the line escapes exactly them.
    pub fn said(&self, lang: Lang) -> String {
        let place = self.place.said(lang);
        let what = self.kind.said(lang);
        let line = match self.kind.of_the_item() {
            true => format!("{place} {what}"),
            false => format!("{place}: {what}"),
        };
        escape_controls(&line)
    }
}

dutch_display!(Defect);

impl LoadError {
    /// Every defect, one a line, in `lang`.
    pub fn said(&self, lang: Lang) -> String {
        self.defects
            .iter()
            .map(|d| d.said(lang))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

dutch_display!(LoadError);

/// `"a", "b"` as the files write them: ids in quotes.
fn quoted_list(items: &[String]) -> String {
    items
        .iter()
        .map(|k| format!("\"{k}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

impl DefectKind {
    /// What is wrong, without where, in `lang`; not escaped (see [`Defect::said`]).
    fn said(&self, lang: Lang) -> String {
        use DefectKind as D;
        let nl = lang == Lang::Nl;
        match self {
            D::NoFiles => match nl {
                true => "geen .json-bestanden gevonden".into(),
                false => "no .json files found".into(),
            },
            D::EmptyFile => match nl {
                true => "het bestand is leeg; verwacht een JSON-object met secties als \"questions\"".into(),
                false => "the file is empty; expected a JSON object with sections like \"questions\"".into(),
            },
            D::NotUtf8 { byte } => match nl {
                true => format!("geen geldige UTF-8 (bij byte {byte})"),
                false => format!("not valid UTF-8 (at byte {byte})"),
            },
            D::Json(problem) => problem.said(lang),
            D::Duplicate { also_in } => match nl {
                true => format!("is dubbel gedefinieerd (ook in {also_in})"),
                false => format!("is defined twice (also in {also_in})"),
            },
            D::BankTwice { also_in } => match nl {
                true => format!("de sectie \"bank\" staat er twee keer in (ook in {also_in})"),
                false => format!("the section \"bank\" is given twice (also in {also_in})"),
            },
            D::NoBankSection => match nl {
                true => "geen enkel bestand heeft de sectie \"bank\" (id, version, title, start, verdict)".into(),
                false => "no file has the section \"bank\" (id, version, title, start, verdict)".into(),
            },
            D::ReservedEnd => match nl {
                true => "die id is gereserveerd voor het einde van een pad".into(),
                false => "that id is reserved for the end of a path".into(),
            },
            D::UnknownQuestionKind { kind } => match nl {
                true => format!("onbekend soort \"{kind}\"; toegestaan: single, multiple, yes_no, yes_no_unknown, text"),
                false => format!("unknown kind \"{kind}\"; allowed: single, multiple, yes_no, yes_no_unknown, text"),
            },
            D::Unknown { noun, id, known } => {
                let noun = noun.said(lang);
                let known = match (known, nl) {
                    (None, _) => String::new(),
                    (Some(k), true) => format!("; bekend: {}", k.join(", ")),
                    (Some(k), false) => format!("; known: {}", k.join(", ")),
                };
                match nl {
                    true => format!("onbekende {noun} \"{id}\"{known}"),
                    false => format!("unknown {noun} \"{id}\"{known}"),
                }
            }
            D::Unused => match nl {
                true => "wordt nergens gebruikt".into(),
                false => "is not used anywhere".into(),
            },
            D::NoValues => match nl {
                true => "heeft geen waarden".into(),
                false => "has no values".into(),
            },
            D::ValueTwice { value } => match nl {
                true => format!("waarde {value} staat er twee keer in"),
                false => format!("value {value} is given twice"),
            },
            D::DefaultNotAValue { value, values } => match nl {
                true => format!("standaardwaarde {value} is geen van de waarden ({})", values.join(", ")),
                false => format!("default value {value} is none of the values ({})", values.join(", ")),
            },
            D::ValueNotAllowed { value, allowed } => match nl {
                true => format!("waarde {value} is niet toegestaan; toegestaan: {}", allowed.join(", ")),
                false => format!("value {value} is not allowed; allowed: {}", allowed.join(", ")),
            },
            D::VerdictNotAValue { value, finding } => match nl {
                true => format!("{value} is geen waarde van bevinding \"{finding}\""),
                false => format!("{value} is not a value of finding \"{finding}\""),
            },
            D::ItemNotAValue { value, finding } => match nl {
                true => format!("waarde {value} is geen waarde van bevinding \"{finding}\""),
                false => format!("value {value} is not a value of finding \"{finding}\""),
            },
            D::TextOrAnswer => match nl {
                true => "geef precies één van \"text\" en \"answer\"".into(),
                false => "give exactly one of \"text\" and \"answer\"".into(),
            },
            D::NotTwoItems { n } => match nl {
                true => format!("\"items\" noemt precies twee dingen, niet {n}"),
                false => format!("\"items\" names exactly two things, not {n}"),
            },
            D::OneKindOfItem => match nl {
                true => "geef precies één van \"action\", \"warning\", \"note\" en \"finding\"".into(),
                false => "give exactly one of \"action\", \"warning\", \"note\" and \"finding\"".into(),
            },
            D::LevelOrIs => match nl {
                true => "\"level\" hoort bij \"action\" en \"is\" bij \"finding\"".into(),
                false => "\"level\" goes with \"action\" and \"is\" with \"finding\"".into(),
            },
            D::LevelNotAllowed { level } => match nl {
                true => format!("\"{level}\" is niet toegestaan; toegestaan: required, any"),
                false => format!("\"{level}\" is not allowed; allowed: required, any"),
            },
            D::OptionsNotExpected { kind } => match nl {
                true => format!("een vraag van soort {} heeft geen \"options\"", kind.name()),
                false => format!("a question of kind {} has no \"options\"", kind.name()),
            },
            D::TooFewOptions => match nl {
                true => "een keuzevraag heeft minstens twee opties nodig".into(),
                false => "a choice question needs at least two options".into(),
            },
            D::TooManyOptions => match nl {
                true => "hoogstens 64 opties per vraag".into(),
                false => "at most 64 options per question".into(),
            },
            D::OptionTwice { option } => match nl {
                true => format!("optie \"{option}\" staat er twee keer in"),
                false => format!("option \"{option}\" is given twice"),
            },
            D::ExclusiveNotMultiple { option } => match nl {
                true => format!("optie \"{option}\": \"exclusive\" geldt alleen bij meerkeuzevragen"),
                false => format!("option \"{option}\": \"exclusive\" applies only to multiple-choice questions"),
            },
            D::InsteadOfNotMultiple { option } => match nl {
                true => format!("optie \"{option}\": \"instead_of\" geldt alleen bij meerkeuzevragen"),
                false => format!("option \"{option}\": \"instead_of\" applies only to multiple-choice questions"),
            },
            D::UnknownInsteadOf { option, other } => match nl {
                true => format!("optie \"{option}\", instead_of: onbekende optie \"{other}\""),
                false => format!("option \"{option}\", instead_of: unknown option \"{other}\""),
            },
            D::NextEmpty => match nl {
                true => "\"next\" is leeg: waar gaat het pad na deze vraag heen?".into(),
                false => "\"next\" is empty: where does the path go after this question?".into(),
            },
            D::ChoiceOnText => match nl {
                true => "\"choice\" geldt alleen voor keuzevragen, niet voor vrije tekst".into(),
                false => "\"choice\" applies only to choice questions, not to free text".into(),
            },
            D::JustificationOnText => match nl {
                true => "\"justification\" geldt niet voor een vraag van soort text: het antwoord is al vrije tekst".into(),
                false => "\"justification\" does not apply to a question of kind text: its answer is free text already".into(),
            },
            D::JustificationNoPrompt => match nl {
                true => "een toelichting heeft een \"prompt\" nodig, ten minste in het Nederlands (\"nl\")".into(),
                false => "a justification needs a \"prompt\", at least in Dutch (\"nl\")".into(),
            },
            D::BadDefault(e) => match nl {
                true => format!("standaardantwoord: {}", e.said(lang)),
                false => format!("default answer: {}", e.said(lang)),
            },
            D::QuestionCycle { chain } => match nl {
                true => format!("de vragen vormen een kring: {}", chain.join(" → ")),
                false => format!("the questions form a cycle: {}", chain.join(" → ")),
            },
            D::NotACondition { found } => match nl {
                true => format!("een voorwaarde is een object, zoals {{\"answer\": \"use_case\", \"is\": \"area_map\"}}; gevonden: {found}"),
                false => format!("a condition is an object, like {{\"answer\": \"use_case\", \"is\": \"area_map\"}}; found: {found}"),
            },
            D::NotAList { found } => match nl {
                true => format!("verwacht een lijst, gevonden: {found}"),
                false => format!("expected a list, found: {found}"),
            },
            D::RefNotAName => match nl {
                true => "\"ref\" verwacht de naam van een definitie".into(),
                false => "\"ref\" expects the name of a definition".into(),
            },
            D::NotAQuestionId { key } => match nl {
                true => format!("\"{key}\" verwacht een vraag-id"),
                false => format!("\"{key}\" expects a question id"),
            },
            D::NoTest => match nl {
                true => "geen test".into(),
                false => "no test".into(),
            },
            D::UnknownTest { test } => match nl {
                true => format!("onbekende test \"{test}\"; gebruik is, in, includes of includes_any"),
                false => format!("unknown test \"{test}\"; use is, in, includes or includes_any"),
            },
            D::OpenQuestion { question } => match nl {
                true => format!("vraag \"{question}\" is een open vraag; alleen \"answered\" kan daarop testen"),
                false => format!("question \"{question}\" is an open question; only \"answered\" can test it"),
            },
            D::IsOnMultiple { question } => match nl {
                true => format!("vraag \"{question}\" is een meerkeuzevraag: gebruik \"includes\" of \"includes_any\""),
                false => format!("question \"{question}\" is a multiple-choice question: use \"includes\" or \"includes_any\""),
            },
            D::IncludesOnSingle { question } => match nl {
                true => format!("vraag \"{question}\" is geen meerkeuzevraag: gebruik \"is\" of \"in\""),
                false => format!("question \"{question}\" is not a multiple-choice question: use \"is\" or \"in\""),
            },
            D::OptionNotText { found } => match nl {
                true => format!("verwacht een optie-id als tekst, gevonden: {found}"),
                false => format!("expected an option id as text, found: {found}"),
            },
            D::NoSuchOption { question, option, options } => match nl {
                true => format!("vraag \"{question}\" heeft geen optie \"{option}\"; opties: {}", options.join(", ")),
                false => format!("question \"{question}\" has no option \"{option}\"; options: {}", options.join(", ")),
            },
            D::UnknownCondition { keys } => match nl {
                true => format!("onbekende voorwaarde met {}; gebruik answer+is/in/includes/includes_any, answered, all, any, not of ref", quoted_list(keys)),
                false => format!("unknown condition with {}; use answer+is/in/includes/includes_any, answered, all, any, not or ref", quoted_list(keys)),
            },
            D::DefCycle { chain } => match nl {
                true => format!("definities verwijzen in een kring naar elkaar: {}", chain.join(" → ")),
                false => format!("definitions refer to each other in a cycle: {}", chain.join(" → ")),
            },
            // The documents (`questions/documents.json`).
            D::NotOffered => match nl {
                true => "\"offered_with\" is leeg: een document wordt alleen aangeboden bij acties van het advies".into(),
                false => "\"offered_with\" is empty: a document is only offered with actions of the advice".into(),
            },
            D::UnknownOfferedWith { action } => match nl {
                true => format!("offered_with: onbekende actie \"{action}\""),
                false => format!("offered_with: unknown action \"{action}\""),
            },
            D::UnknownNoteRef { note } => match nl {
                true => format!("notes: onbekende notitie \"{note}\""),
                false => format!("notes: unknown note \"{note}\""),
            },
            D::NoSections => match nl {
                true => "heeft geen secties".into(),
                false => "has no sections".into(),
            },
            D::NoParts => match nl {
                true => "heeft geen delen (parts)".into(),
                false => "has no parts".into(),
            },
            D::NoSources => match nl {
                true => "geen bron: geen enkele sectie of deel heeft \"sources\"".into(),
                false => "no source: not one section or part has \"sources\"".into(),
            },
            D::MissingLanguage { lang: code } => match nl {
                true => format!("de tekst in \"{code}\" ontbreekt"),
                false => format!("the text in \"{code}\" is missing"),
            },
            D::Template(TemplateError::Unclosed) => match nl {
                true => "een { zonder }; schrijf {{ voor een accolade".into(),
                false => "a { without }; write {{ for a brace".into(),
            },
            D::Template(TemplateError::Unopened) => match nl {
                true => "een } zonder {; schrijf }} voor een accolade".into(),
                false => "a } without {; write }} for a brace".into(),
            },
            D::Template(TemplateError::BadName(n)) => match nl {
                true => format!("{{{n}}} is geen plaatshouder: gebruik letters, cijfers, _ en ."),
                false => format!("{{{n}}} is not a placeholder: use letters, digits, _ and ."),
            },
            D::UnknownPlaceholder { name } => {
                let library = LibraryItem::ALL.map(|i| format!("{{{}}}", i.key())).join(", ");
                match nl {
                    true => format!("onbekende plaatshouder {{{name}}}; bekend: {library}, {{campaign.name}}, {{answer.VRAAG}}, {{justification.VRAAG}}, {{register.VELD}}, {{participants.fg}}, {{date}}"),
                    false => format!("unknown placeholder {{{name}}}; known: {library}, {{campaign.name}}, {{answer.QUESTION}}, {{justification.QUESTION}}, {{register.FIELD}}, {{participants.fg}}, {{date}}"),
                }
            }
            D::UnknownInPlaceholder { noun, id } => {
                let what = noun.said(lang);
                match (nl, noun) {
                    // "registerveld" is a het-word: "onbekend", not "onbekende".
                    (true, Noun::RegisterField) => format!("plaatshouder met onbekend {what} \"{id}\""),
                    (true, _) => format!("plaatshouder met onbekende {what} \"{id}\""),
                    (false, _) => format!("placeholder with unknown {what} \"{id}\""),
                }
            }
            D::PlaceholdersDiffer => match nl {
                true => "de Nederlandse en de Engelse tekst hebben niet dezelfde plaatshouders".into(),
                false => "the Dutch and the English text do not have the same placeholders".into(),
            },
            D::PlaceholderNotAllowed => match nl {
                true => "een titel of kop heeft geen plaatshouders".into(),
                false => "a title or heading has no placeholders".into(),
            },
        }
    }
}
