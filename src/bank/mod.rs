//! The question bank: questions, findings, actions, warnings, notes and rules, loaded from JSON
//! and compiled to indexes. The bank is the legal knowledge; nothing legal lives in Rust.
mod answer;
pub mod condition;
pub mod documents;
mod ids;
pub mod lint;
mod load;
pub mod source;

use std::collections::HashMap;

use serde_json::Value;

pub use answer::{Allowed, Answer, AnswerError, Expected, MAX_TEXT};
pub use condition::Cond;
pub use ids::{AId, FId, IdSlice, Ids, NId, QId, RId, WId};
pub use load::{Defect, DefectKind, LoadError, Named, Noun, Origin, Place, hash_files};

use crate::text::{Lang, Text};

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
    /// Where the bank came from, for messages: built in, or a directory.
    pub origin: Origin,
    pub start: QId,
    pub questions: Ids<QId, Question>,
    pub findings: Ids<FId, Finding>,
    pub actions: Ids<AId, Action>,
    pub warnings: Ids<WId, Warning>,
    pub notes: Ids<NId, Note>,
    pub rules: Ids<RId, Rule>,
    pub verdict: Verdict,
    /// The fields of a draft processing-register entry (AVG art. 30).
    pub register: Vec<RegisterField>,
    /// Pairs that must never stand in one outcome.
    pub conflicts: Vec<Conflict>,
    /// The documents a library may generate, offered where the advice calls for them; see
    /// [`Bank::documents`].
    documents: std::sync::OnceLock<Vec<documents::Document>>,
    /// Definitions nothing refers to (the lint reports them).
    pub unused_defs: Vec<Defect>,
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
    /// Parts of the help shown only where they hold on the answers given so far.
    pub help_parts: Vec<TextPart>,
    pub reasoning: Text,
    /// The library's own choice rather than a fact: remedies change only these.
    pub choice: bool,
    /// How much of the plan changing this choice gives up, for ranking remedies.
    pub remedy_weight: u8,
    pub sources: Vec<String>,
    pub options: Vec<AnswerOption>,
    pub default: Option<Answer>,
    pub next: Vec<Branch>,
    /// The justification in free text the question asks for besides its answer, if any: an
    /// answer without one is allowed (the documents show it as missing).
    pub justification: Option<Justification>,
    /// The file the question was defined in, for messages.
    pub file: String,
}

/// What a question asks to be justified in free text, and help for writing it.
#[derive(Debug)]
pub struct Justification {
    pub prompt: Text,
    pub help: Text,
}

#[derive(Debug)]
pub struct AnswerOption {
    pub id: String,
    pub label: Text,
    pub exclusive: bool,
    /// Whether a remedy may propose this option.
    pub remedy: bool,
    /// The options (a mask) a remedy may swap for this one in a multiple-choice answer.
    pub instead_of: u64,
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
    pub parts: Vec<TextPart>,
    /// The file it was defined in, for messages.
    pub file: String,
}

#[derive(Debug)]
pub struct Warning {
    pub id: String,
    pub title: Text,
    pub text: Text,
    pub sources: Vec<String>,
    pub parts: Vec<TextPart>,
    /// The file it was defined in, for messages.
    pub file: String,
}

#[derive(Debug)]
pub struct Note {
    pub id: String,
    pub title: Text,
    pub text: Text,
    pub sources: Vec<String>,
    pub parts: Vec<TextPart>,
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
    /// Cited by a document that shows the field where the part holds.
    pub sources: Vec<String>,
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
    pub parts: Vec<TextPart>,
}

/// A piece of a text shown only where its condition holds on the answers, with its own sources.
#[derive(Debug)]
pub struct TextPart {
    pub when: Cond,
    pub text: Text,
    pub sources: Vec<String>,
}

/// A text fitted to the answers: the base text with the parts whose condition holds, and the
/// sources of what is shown (the base's, then each shown part's, without repeats).
pub fn fit<'a>(
    base: &Text,
    sources: &[String],
    parts: &[TextPart],
    lang: Lang,
    answer: &impl Fn(QId) -> Option<&'a Answer>,
) -> (String, Vec<String>) {
    let mut text = base.get(lang).trim().to_string();
    let mut shown: Vec<String> = sources.to_vec();
    for part in parts.iter().filter(|p| p.when.holds(answer)) {
        let piece = part.text.get(lang).trim();
        if !text.is_empty() && !piece.is_empty() {
            text.push(' ');
        }
        text.push_str(piece);
        for s in &part.sources {
            if !shown.contains(s) {
                shown.push(s.clone());
            }
        }
    }
    (text, shown)
}

/// Two items that must never stand in one outcome (a required action and a warning that it is
/// impossible, a finding and a warning that denies it). The lint proves it on every path.
#[derive(Debug)]
pub struct Conflict {
    pub id: String,
    pub items: [Item; 2],
    pub why: Text,
    pub file: String,
}

/// Something an outcome can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// An action; `true` when only a required one counts.
    Action(AId, bool),
    Warning(WId),
    Note(NId),
    /// A finding with the value at this index.
    Finding(FId, u8),
}

impl Item {
    /// How a maintainer names it: `actie "x" (verplicht)`, `bevinding "f" = v`.
    pub fn describe(&self, bank: &Bank) -> String {
        match *self {
            Item::Action(a, true) => format!("actie \"{}\" (verplicht)", bank.actions[a].id),
            Item::Action(a, false) => format!("actie \"{}\"", bank.actions[a].id),
            Item::Warning(w) => format!("waarschuwing \"{}\"", bank.warnings[w].id),
            Item::Note(n) => format!("notitie \"{}\"", bank.notes[n].id),
            Item::Finding(f, v) => format!(
                "bevinding \"{}\" = {}",
                bank.findings[f].id, bank.findings[f].values[v as usize].value
            ),
        }
    }
}

impl Bank {
    /// The verdict's label in `lang`, by its value as a record keeps it ("not_allowed"):
    /// a list shows every record's verdict in the interface's language, whatever language
    /// the record was made in.
    pub fn verdict_label(&self, value: &str, lang: Lang) -> Option<&str> {
        self.findings[self.verdict.finding]
            .values
            .iter()
            .find(|v| v.value.as_str() == Some(value))
            .map(|v| v.label.get(lang))
    }

    /// The bank shipped with the program, without its documents: they are compiled when first
    /// asked for ([`Bank::documents`]). Only the documents view and the `document` command
    /// need them, and compiled at every start they took 0.45 MiB of every run's memory
    /// (measured on `advise`; valgrind's massif on the interface: 0.2 MB of heap that stayed,
    /// besides the compiling code's pages). Left for later, the interface's peak went from
    /// 9.2 to 8.8 MiB on an empty store and from 10.6 to 10.2 MiB with 10,000 records
    /// (benches/perf.rs, group tui). The lint and the tests compile the embedded bank's
    /// documents with the rest, so a defect in them is still found.
    pub fn embedded() -> Result<Bank, LoadError> {
        // Read in place: copying the files first cost their size again in peak memory.
        load::compile(EMBEDDED, &Origin::Embedded, Some(EMBEDDED_SHA256), false)
    }

    /// The documents a library may generate, offered where the advice calls for them. A bank
    /// from files has them from its load (a defect in them refuses the bank); the embedded
    /// bank compiles them the first time they are asked for, from the embedded files again
    /// (the ids are given in the files' order, so they are the same), and keeps them.
    pub fn documents(&self) -> &[documents::Document] {
        self.documents.get_or_init(|| {
            // The embedded bank loads (the tests see to it); were it ever not to, it would
            // simply have no documents rather than stop the program.
            load::compile(EMBEDDED, &Origin::Embedded, Some(EMBEDDED_SHA256), true)
                .ok()
                .and_then(|b| b.documents.into_inner())
                .unwrap_or_default()
        })
    }

    /// Compiles a bank from its files (name, content). Refuses a broken bank with every defect.
    /// `origin` names the bank (its directory) where a defect is in no one file.
    pub fn from_files(files: &[(String, String)], origin: &str) -> Result<Bank, LoadError> {
        load::compile(files, &Origin::File(origin.to_string()), None, true)
    }

    /// Compiles a bank from files as read from disk: a file that is not UTF-8 is a defect like
    /// any other. A byte-order mark at the start is allowed.
    pub fn from_bytes(files: &[(String, Vec<u8>)], origin: &str) -> Result<Bank, LoadError> {
        let mut defects = Vec::new();
        let mut texts = Vec::new();
        for (name, bytes) in files {
            match std::str::from_utf8(bytes) {
                Ok(t) => texts.push((name.clone(), t.trim_start_matches('\u{feff}').to_string())),
                Err(e) => defects.push(Defect {
                    place: Place::file(name),
                    kind: DefectKind::NotUtf8 {
                        byte: e.valid_up_to() + 1,
                    },
                }),
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
        self.findings.position(|f| f.id == id)
    }

    pub fn action_id(&self, id: &str) -> Option<AId> {
        self.actions.position(|a| a.id == id)
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

    /// The help fitted to the answers given so far.
    pub fn help_for<'a>(&self, lang: Lang, answer: &impl Fn(QId) -> Option<&'a Answer>) -> String {
        fit(&self.help, &[], &self.help_parts, lang, answer).0
    }

    /// What the question allows, for messages that list it.
    pub fn allowed(&self) -> Allowed {
        match self.kind {
            Kind::Text => Allowed::FreeText,
            _ => Allowed::Options(self.option_ids().map(str::to_string).collect()),
        }
    }
}

impl Bank {
    /// The fewest and the most questions a walk can still ask from `q` on, `q` included. The
    /// path changes with the answers, so progress is shown as this range, never as a guess.
    pub fn span_from(&self, q: QId) -> (usize, usize) {
        fn go(bank: &Bank, q: QId, memo: &mut Ids<QId, Option<(usize, usize)>>) -> (usize, usize) {
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
        go(self, q, &mut vec![None; self.questions.len()].into())
    }
}
