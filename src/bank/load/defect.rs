//! What is wrong with a bank's files, typed: where it is (the file, the line and column where the
//! JSON reader knows them, the item and the keys leading to the wrong value) and what is wrong.
//! `crate::locale::bank` says it in either language; nothing here builds a sentence.
use crate::bank::documents::TemplateError;
use crate::bank::{AnswerError, Kind};
use crate::json::Problem;

/// One defect of a bank: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Defect {
    pub place: Place,
    pub kind: DefectKind,
}

/// Where a defect is. Everything in it but the item's noun comes from the bank's files (or the
/// directory it was given as), so it is said escaped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub file: Origin,
    /// Line and column, where the JSON reader knows them.
    pub at: Option<(usize, usize)>,
    /// The item the defect is in: `vraag "audience"`.
    pub item: Option<Named>,
    /// The keys from the item (or the file) to the wrong value, as written in the file:
    /// `["help_parts", "parts[0].when"]`. The same in every language.
    pub path: Vec<String>,
}

/// The file a defect is in, or the bank as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A file of the bank, or the directory it was read from, by the name it was given.
    File(String),
    /// The bank built into the program.
    Embedded,
}

/// An item of the bank by its kind and id: `vraag "audience"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub noun: Noun,
    pub id: String,
}

/// The kinds of things a bank names by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noun {
    Question,
    Finding,
    Action,
    Warning,
    Note,
    Rule,
    Definition,
    RegisterField,
    Conflict,
    AnswerOption,
    Document,
}

/// What is wrong. Ids, keys, values (as JSON) and file names in it are the files' own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DefectKind {
    // The files.
    /// The bank has no files at all.
    NoFiles,
    EmptyFile,
    /// Not UTF-8, from this byte on (counted from 1).
    NotUtf8 {
        byte: usize,
    },
    /// Not JSON, or not in the format of a bank file.
    Json(Problem),

    // Sections and ids.
    /// The item of the place is defined twice; the other one is in `also_in`.
    Duplicate {
        also_in: String,
    },
    BankTwice {
        also_in: String,
    },
    NoBankSection,
    /// A question with the id "end", which `next` uses for the end of a path.
    ReservedEnd,
    UnknownQuestionKind {
        kind: String,
    },
    /// A reference to something that does not exist; `known` lists what does, where that
    /// helps.
    Unknown {
        noun: Noun,
        id: String,
        known: Option<Vec<String>>,
    },
    /// A definition nothing refers to (the item of the place).
    Unused,

    // Findings and their values, each value as JSON.
    NoValues,
    ValueTwice {
        value: String,
    },
    DefaultNotAValue {
        value: String,
        values: Vec<String>,
    },
    ValueNotAllowed {
        value: String,
        allowed: Vec<String>,
    },
    /// A value of the verdict that the finding does not have.
    VerdictNotAValue {
        value: String,
        finding: String,
    },
    /// A value a conflict's item gives a finding that does not have it.
    ItemNotAValue {
        value: String,
        finding: String,
    },

    // Register fields and conflicts.
    TextOrAnswer,
    NotTwoItems {
        n: usize,
    },
    OneKindOfItem,
    LevelOrIs,
    LevelNotAllowed {
        level: String,
    },

    // Questions.
    OptionsNotExpected {
        kind: Kind,
    },
    TooFewOptions,
    TooManyOptions,
    OptionTwice {
        option: String,
    },
    ExclusiveNotMultiple {
        option: String,
    },
    InsteadOfNotMultiple {
        option: String,
    },
    UnknownInsteadOf {
        option: String,
        other: String,
    },
    NextEmpty,
    ChoiceOnText,
    /// A text question asks for a justification: its answer is free text already.
    JustificationOnText,
    /// A `justification` without a Dutch prompt: nothing to ask.
    JustificationNoPrompt,
    BadDefault(AnswerError),
    /// The questions, by id, from the first to the one met again.
    QuestionCycle {
        chain: Vec<String>,
    },

    // Conditions.
    /// Something else than an object where a condition was expected (as JSON).
    NotACondition {
        found: String,
    },
    NotAList {
        found: String,
    },
    RefNotAName,
    /// `answered` or `answer` (the key) not followed by a question id.
    NotAQuestionId {
        key: &'static str,
    },
    NoTest,
    UnknownTest {
        test: String,
    },
    OpenQuestion {
        question: String,
    },
    IsOnMultiple {
        question: String,
    },
    IncludesOnSingle {
        question: String,
    },
    OptionNotText {
        found: String,
    },
    NoSuchOption {
        question: String,
        option: String,
        options: Vec<String>,
    },
    UnknownCondition {
        keys: Vec<String>,
    },
    /// The definitions, by name, from the first to the one met again.
    DefCycle {
        chain: Vec<String>,
    },

    // Documents.
    /// A document with an empty `offered_with`: it would never be offered.
    NotOffered,
    /// An action in a document's `offered_with` that the bank does not have.
    UnknownOfferedWith {
        action: String,
    },
    /// A note in a section's or part's `notes` that the bank does not have.
    UnknownNoteRef {
        note: String,
    },
    NoSections,
    NoParts,
    /// No section or part of the document cites a source.
    NoSources,
    /// The text in this language ("nl" or "en") is empty.
    MissingLanguage {
        lang: &'static str,
    },
    /// The braces of a text cannot be read.
    Template(TemplateError),
    /// A placeholder outside the closed set.
    UnknownPlaceholder {
        name: String,
    },
    /// A placeholder naming a question or register field the bank does not have.
    UnknownInPlaceholder {
        noun: Noun,
        id: String,
    },
    /// The Dutch and English texts of a part hold different placeholders.
    PlaceholdersDiffer,
    /// A placeholder in a title or heading.
    PlaceholderNotAllowed,
}

impl DefectKind {
    /// Whether the item of the place is the subject of the sentence (`vraag "x" is dubbel
    /// gedefinieerd`) rather than where it is (`vraag "x": optie ...`).
    pub fn of_the_item(&self) -> bool {
        matches!(
            self,
            DefectKind::Duplicate { .. } | DefectKind::NoValues | DefectKind::Unused
        )
    }
}

impl Place {
    /// A file (or the bank's directory), as a whole.
    pub(crate) fn file(name: &str) -> Place {
        Place::of(Origin::File(name.to_string()))
    }

    pub(crate) fn of(file: Origin) -> Place {
        Place {
            file,
            at: None,
            item: None,
            path: Vec::new(),
        }
    }

    /// An item of a file.
    pub(crate) fn item(file: &str, noun: Noun, id: &str) -> Place {
        Place {
            item: Some(Named {
                noun,
                id: id.to_string(),
            }),
            ..Place::file(file)
        }
    }

    /// At this line and column of the file.
    pub(crate) fn line(mut self, line: usize, column: usize) -> Place {
        self.at = Some((line, column));
        self
    }

    /// A further part of the path, after a comma: `next[0]`, `set`.
    pub(crate) fn then(&self, part: impl Into<String>) -> Place {
        let mut p = self.clone();
        p.path.push(part.into());
        p
    }

    /// A key inside the last part of the path: `next[0].when`.
    pub(crate) fn key(&self, key: &str) -> Place {
        match self.path.is_empty() {
            true => self.then(key),
            false => self.extend(&format!(".{key}")),
        }
    }

    /// An index inside the last part of the path: `all[1]`.
    pub(crate) fn index(&self, i: usize) -> Place {
        self.extend(&format!("[{i}]"))
    }

    /// One language's text of the last part of the path: `parts[0].text (en)`.
    pub(crate) fn in_language(&self, lang: &str) -> Place {
        self.extend(&format!(" ({lang})"))
    }

    fn extend(&self, s: &str) -> Place {
        let mut p = self.clone();
        match p.path.last_mut() {
            Some(last) => last.push_str(s),
            None => p.path.push(s.to_string()),
        }
        p
    }
}
