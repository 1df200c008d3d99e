//! The question bank: questions, findings, actions, warnings, notes and rules, loaded from JSON
//! and compiled to indexes. The bank is the legal knowledge; nothing legal lives in Rust.
pub mod condition;
pub mod lint;
mod load;
pub mod scale;
pub mod source;

use std::collections::HashMap;

use serde_json::Value;

pub use condition::Cond;
pub use load::{LoadError, hash_files};

use crate::engine::Answer;
use crate::text::Text;

pub type QId = usize;
pub type FId = usize;
pub type AId = usize;
pub type WId = usize;
pub type NId = usize;
pub type RId = usize;

/// The files of the bank shipped with the program, embedded at build time.
pub const EMBEDDED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/embedded_bank.rs"));

/// The embedded bank's SHA-256, computed at build time.
pub const EMBEDDED_SHA256: &str = include!(concat!(env!("OUT_DIR"), "/embedded_sha256.rs"));

#[derive(Debug)]
pub struct Bank {
    pub id: String,
    pub version: String,
    pub title: Text,
    /// SHA-256 over the bank's files (name and content, sorted by name), in hex.
    pub sha256: String,
    /// Where the bank came from, for messages: "ingebouwd" or a directory.
    pub origin: String,
    pub start: QId,
    pub questions: Vec<Question>,
    pub findings: Vec<Finding>,
    pub actions: Vec<Action>,
    pub warnings: Vec<Warning>,
    pub notes: Vec<Note>,
    pub rules: Vec<Rule>,
    pub verdict: Verdict,
    /// The fields of a draft processing-register entry (AVG art. 30).
    pub register: Vec<RegisterField>,
    /// Definitions nothing refers to (the lint reports them).
    pub unused_defs: Vec<String>,
    question_index: HashMap<String, QId>,
}

/// How required actions decide the verdict when no rule sets a stronger value.
#[derive(Debug)]
pub struct Verdict {
    pub finding: FId,
    pub without_required_actions: u8,
    pub with_required_actions: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Single,
    Multiple,
    YesNo,
    YesNoUnknown,
    Text,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Single => "single",
            Kind::Multiple => "multiple",
            Kind::YesNo => "yes_no",
            Kind::YesNoUnknown => "yes_no_unknown",
            Kind::Text => "text",
        }
    }
}

#[derive(Debug)]
pub struct Question {
    pub id: String,
    pub kind: Kind,
    pub prompt: Text,
    pub help: Text,
    pub reasoning: Text,
    pub sources: Vec<String>,
    pub options: Vec<AnswerOption>,
    pub default: Option<Answer>,
    pub next: Vec<Branch>,
    /// The file the question was defined in, for messages.
    pub file: String,
}

#[derive(Debug)]
pub struct AnswerOption {
    pub id: String,
    pub label: Text,
    pub exclusive: bool,
}

#[derive(Debug)]
pub struct Branch {
    pub when: Cond,
    pub to: Target,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Question(QId),
    End,
}

#[derive(Debug)]
pub struct Finding {
    pub id: String,
    pub title: Text,
    /// From weakest to strongest: when rules disagree, the strongest wins.
    pub values: Vec<FindingValue>,
    pub default: Option<u8>,
    pub rationale: Text,
    pub sources: Vec<String>,
    /// The file it was defined in, for messages.
    pub file: String,
}

#[derive(Debug)]
pub struct FindingValue {
    pub value: Value,
    pub label: Text,
}

#[derive(Debug)]
pub struct Action {
    pub id: String,
    pub title: Text,
    pub rationale: Text,
    pub sources: Vec<String>,
    /// The file it was defined in, for messages.
    pub file: String,
}

#[derive(Debug)]
pub struct Warning {
    pub id: String,
    pub title: Text,
    pub text: Text,
    pub sources: Vec<String>,
    /// The file it was defined in, for messages.
    pub file: String,
}

#[derive(Debug)]
pub struct Note {
    pub id: String,
    pub title: Text,
    pub text: Text,
    pub sources: Vec<String>,
    pub checked: String,
    /// The file it was defined in, for messages.
    pub file: String,
}

#[derive(Debug)]
pub struct Rule {
    pub id: String,
    pub from: String,
    pub when: Cond,
    pub set: Vec<(FId, u8)>,
    pub require: Vec<AId>,
    pub recommend: Vec<AId>,
    pub warn: Vec<WId>,
    pub notes: Vec<NId>,
    pub reason: Option<Reason>,
    pub file: String,
}

#[derive(Debug)]
pub struct RegisterField {
    pub id: String,
    pub label: Text,
    pub parts: Vec<RegisterPart>,
    pub file: String,
}

#[derive(Debug)]
pub struct RegisterPart {
    pub when: Cond,
    pub content: RegisterContent,
}

#[derive(Debug)]
pub enum RegisterContent {
    Text(Text),
    /// The answer given to this question, as the person reads it.
    Answer(QId),
}

#[derive(Debug)]
pub struct Reason {
    pub text: Text,
    pub sources: Vec<String>,
}

impl Bank {
    /// The bank shipped with the program.
    pub fn embedded() -> Result<Bank, LoadError> {
        let files: Vec<(String, String)> = EMBEDDED
            .iter()
            .map(|(n, c)| (n.to_string(), c.to_string()))
            .collect();
        load::compile(&files, "ingebouwde vragenbank", Some(EMBEDDED_SHA256))
    }

    /// Compiles a bank from its files (name, content). Refuses a broken bank with every defect.
    pub fn from_files(files: &[(String, String)], origin: &str) -> Result<Bank, LoadError> {
        load::compile(files, origin, None)
    }

    /// Compiles a bank from files as read from disk: a file that is not UTF-8 is a defect like
    /// any other. A byte-order mark at the start is allowed.
    pub fn from_bytes(files: &[(String, Vec<u8>)], origin: &str) -> Result<Bank, LoadError> {
        let mut defects = Vec::new();
        let mut texts = Vec::new();
        for (name, bytes) in files {
            match std::str::from_utf8(bytes) {
                Ok(t) => texts.push((name.clone(), t.trim_start_matches('\u{feff}').to_string())),
                Err(e) => defects.push(format!(
                    "{name}: geen geldige UTF-8 (bij byte {})",
                    e.valid_up_to() + 1
                )),
            }
        }
        if !defects.is_empty() {
            return Err(LoadError::new(defects));
        }
        Bank::from_files(&texts, origin)
    }

    pub fn question_id(&self, id: &str) -> Option<QId> {
        self.question_index.get(id).copied()
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.question_id(id).map(|q| &self.questions[q])
    }

    pub fn finding_id(&self, id: &str) -> Option<FId> {
        self.findings.iter().position(|f| f.id == id)
    }

    pub fn action_id(&self, id: &str) -> Option<AId> {
        self.actions.iter().position(|a| a.id == id)
    }
}

impl Question {
    /// The option ids a person may give, in order (yes/no questions included).
    pub fn option_ids(&self) -> impl Iterator<Item = &str> {
        self.options.iter().map(|o| o.id.as_str())
    }

    pub fn option_index(&self, id: &str) -> Option<usize> {
        self.options.iter().position(|o| o.id == id)
    }

    /// "a, b, c": for messages that list what is allowed.
    pub fn allowed_values(&self) -> String {
        match self.kind {
            Kind::Text => "vrije tekst".to_string(),
            _ => self.option_ids().collect::<Vec<_>>().join(", "),
        }
    }
}

impl Bank {
    /// The fewest and the most questions a walk can still ask from `q` on, `q` included. The
    /// path changes with the answers, so progress is shown as this range, never as a guess.
    pub fn span_from(&self, q: QId) -> (usize, usize) {
        fn go(bank: &Bank, q: QId, memo: &mut Vec<Option<(usize, usize)>>) -> (usize, usize) {
            if let Some(s) = memo[q] {
                return s;
            }
            // Guard against re-entry: a bank loaded through `from_files` has no cycles.
            memo[q] = Some((1, 1));
            let (mut lo, mut hi) = (usize::MAX, 0);
            for b in &bank.questions[q].next {
                let (l, h) = match b.to {
                    Target::End => (0, 0),
                    Target::Question(t) => go(bank, t, memo),
                };
                lo = lo.min(l);
                hi = hi.max(h);
            }
            let span = (lo.saturating_add(1).min(hi + 1), hi + 1);
            memo[q] = Some(span);
            span
        }
        go(self, q, &mut vec![None; self.questions.len()])
    }
}
