//! What the lint finds wrong with a bank, typed: where (the file, the item, the field) and what.
//! `crate::locale::lint` says each in Dutch or English; `Display` gives the Dutch.
//!
//! Ids, fields, values and texts here come from the bank's files and are kept as written; they
//! are shown as the lint has always shown them, and cleaned on the way to the terminal.
use serde_json::Value;

use crate::text::{Lang, Text};

/// A defect the bank loader found and left for the lint to report (a definition nothing
/// uses), as the loader gives it.
pub type FromLoader = crate::bank::Defect;

/// The section of a bank file an item is defined in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Question,
    Finding,
    Action,
    Warning,
    Note,
    RegisterField,
    Conflict,
    Rule,
}

/// Within an item, the part a defect is about.
#[derive(Debug, Clone, PartialEq)]
pub enum Within {
    /// One option of a question, by its id.
    Option(String),
    /// One value of a finding.
    Value(Value),
    /// The conditional part numbered so in a list of parts (`help_parts`, `parts`,
    /// `reason.parts`).
    Part(&'static str, usize),
}

/// An item of the bank as a maintainer finds it: the file, the section and the id, and
/// possibly a part of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub file: String,
    pub section: Section,
    pub id: String,
    pub within: Option<Within>,
}

impl Place {
    pub fn new(file: &str, section: Section, id: &str) -> Place {
        Place {
            file: file.to_string(),
            section,
            id: id.to_string(),
            within: None,
        }
    }

    /// The same item, narrowed to a part of it.
    pub fn within(&self, within: Within) -> Place {
        Place {
            within: Some(within),
            ..self.clone()
        }
    }
}

/// A field of an item as the file names it (`prompt`, `parts[0].sources[1]`), with the
/// language when it is one language of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub path: String,
    pub lang: Option<Lang>,
}

impl Field {
    pub fn new(path: impl Into<String>, lang: Option<Lang>) -> Field {
        Field {
            path: path.into(),
            lang,
        }
    }
}

/// Something an outcome holds, named by its ids (a conflict's two items).
#[derive(Debug, Clone, PartialEq)]
pub enum Named {
    /// An action; `required` when only a required one counts.
    Action {
        id: String,
        required: bool,
    },
    Warning(String),
    Note(String),
    /// A finding with one of its values.
    Finding {
        id: String,
        value: Value,
    },
}

impl Named {
    pub fn of(item: crate::bank::Item, bank: &crate::bank::Bank) -> Named {
        use crate::bank::Item;
        match item {
            Item::Action(a, required) => Named::Action {
                id: bank.actions[a].id.clone(),
                required,
            },
            Item::Warning(w) => Named::Warning(bank.warnings[w].id.clone()),
            Item::Note(n) => Named::Note(bank.notes[n].id.clone()),
            Item::Finding(f, v) => Named::Finding {
                id: bank.findings[f].id.clone(),
                value: bank.findings[f].values[usize::from(v)].value.clone(),
            },
        }
    }
}

/// A path through the bank as a maintainer can type it into an answers file: each question's
/// id with its answer as JSON, in the order asked. No answers at all is the start.
#[derive(Debug, Clone, PartialEq)]
pub struct Answers(pub Vec<(String, Value)>);

/// One defect of a bank.
#[derive(Debug, Clone, PartialEq)]
pub enum Defect {
    /// A text is empty in one language.
    Missing { place: Place, field: Field },
    /// A text says only "TODO" in one language.
    Todo { place: Place, field: Field },
    /// No source given.
    NoSource { place: Place },
    /// A note's `checked` is not a month like `2026-11`.
    CheckedNotAMonth { place: Place, found: String },
    /// A text or source outside the notes cites current law (these citations, as written).
    CitesCurrentLaw {
        place: Place,
        field: Field,
        citations: Vec<String>,
    },
    /// The program's own list of stable ids does not parse (serde's words).
    StableIdsUnreadable(String),
    /// A stable question is not in the bank.
    StableQuestionMissing { id: String },
    /// A stable question is of another kind than its stable one.
    StableQuestionKind {
        file: String,
        id: String,
        kind: String,
        is: String,
    },
    /// A stable question lacks one of its stable options.
    StableOptionMissing {
        file: String,
        id: String,
        option: String,
    },
    /// A question that is not stable has no default.
    DefaultNeeded { file: String, id: String },
    /// A stable finding is not in the bank.
    StableFindingMissing { id: String },
    /// A stable finding lacks one of its stable values.
    StableValueMissing { id: String, value: Value },
    /// A stable action is not in the bank.
    StableActionMissing { id: String },
    /// Conditions test more options of a multiple-choice question than the lint combines.
    TooManyTestedOptions {
        place: Place,
        tested: u32,
        most: u32,
    },
    /// A branch looks at questions asked only after it.
    LooksAhead {
        place: Place,
        branch: usize,
        later: Vec<String>,
    },
    /// No branch fits on this path.
    DeadEnd { place: Place, path: Answers },
    /// A finding gets no value on this path.
    NoValue {
        file: String,
        finding: String,
        path: Answers,
    },
    /// A declared conflict is broken on this path: both items stand in one outcome.
    Conflict {
        place: Place,
        /// Boxed: the rare defect need not make every other one as large.
        items: Box<[Named; 2]>,
        path: Answers,
        why: Text,
    },
    /// A question asked on no path.
    NeverAsked { place: Place },
    /// A rule that applies on no path.
    NeverApplies { place: Place },
    /// An action advised on no path.
    NeverAdvised { place: Place },
    /// A warning or note given on no path.
    NeverGiven { place: Place },
    /// What the loader found and left for the lint.
    Loader(FromLoader),
}
