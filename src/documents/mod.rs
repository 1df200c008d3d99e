//! The generated documents of an assessment (the kinds are the bank's `documents`): which are
//! offered for a case, and one of them rendered in a language, filled from the answers, the
//! record and the library's facts. Pure: the caller reads the record and the library's facts,
//! and passes the date.
//!
//! A value nobody gave is never made up: it is shown as missing where it belongs
//! ([`Span::Missing`]) and listed in [`Rendered::missing`], so the user knows what to fill in.
pub mod format;

use crate::bank::documents::{Document, Piece, Slot};
use crate::bank::{AId, Answer, Bank, QId};
use crate::engine::{Outcome, Session};
use crate::record::Participant;
use crate::text::{Lang, Text};

pub use crate::bank::documents::LibraryItem;
pub use format::Format;

/// Everything a document is made from: the case (answers, advice, record) and what comes
/// from outside it.
pub struct Case<'a> {
    pub bank: &'a Bank,
    pub session: &'a Session,
    /// The advice on the current bank, of the session's complete path.
    pub outcome: &'a Outcome,
    /// The record the document is made from, for its provenance.
    pub record: &'a str,
    pub campaign: &'a str,
    pub participants: &'a [Participant],
    /// The free-text justification given with the answer to a question, by question id.
    pub justification: &'a dyn Fn(&str) -> Option<&'a str>,
    /// The library's facts (its profile).
    pub facts: &'a dyn Fn(LibraryItem) -> Option<String>,
    /// The date the document is made, as `2027-01-31`.
    pub date: &'a str,
}

/// Why a document is not offered for a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The plan is not allowed as answered (`decided`), or cannot be judged yet: a document
    /// would describe a plan that cannot go ahead.
    Blocked { decided: bool },
    /// The advice has none of the actions the document serves (their titles).
    NotCalledFor(Vec<Text>),
    /// The document is written for other cases than this one.
    OtherCase,
}

/// A value a document needs that nobody gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    Fact(LibraryItem),
    CampaignName,
    /// The answer to a question (its id and, in the document's language, its prompt).
    Answer {
        question: String,
        prompt: String,
    },
    /// The justification with the answer to a question.
    Justification {
        question: String,
        prompt: String,
    },
    /// A field of the draft register entry that no part fills on this path (its label).
    Register {
        field: String,
        label: String,
    },
    /// No participant has the role of data protection officer (FG).
    FgParticipant,
}

/// A run of a paragraph: words, or a value that is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Text(String),
    Missing(Missing),
}

/// A section of a rendered document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub heading: Option<String>,
    pub paragraphs: Vec<Vec<Span>>,
}

/// A dated note on current law that a document follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteRef {
    pub title: String,
    pub checked: String,
}

/// A document rendered in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub kind: String,
    pub title: String,
    pub lang: Lang,
    /// Where it comes from: the record, the bank (id and version) and the date it was made.
    pub record: String,
    pub bank: String,
    pub date: String,
    pub blocks: Vec<Block>,
    pub sources: Vec<String>,
    pub notes: Vec<NoteRef>,
    /// What is still to be filled in, in the order it first appears, each once.
    pub missing: Vec<Missing>,
}

impl Case<'_> {
    /// The answer to `q` on the path of the advice; a question off the path is unanswered.
    fn answer(&self, q: QId) -> Option<&Answer> {
        if self.outcome.path.contains(&q) {
            self.session.answer(q)
        } else {
            None
        }
    }

    fn has_action(&self, a: AId) -> bool {
        self.outcome.actions.iter().any(|x| x.action == a)
    }

    /// Why `doc` is not offered for this case; `None` when it is.
    pub fn refusal(&self, doc: &Document) -> Option<Refusal> {
        let bank = self.bank;
        let verdict = self.outcome.findings.get(bank.verdict.finding).copied();
        let verdict = verdict.flatten();
        if !crate::engine::remedies::is_allowed(bank, verdict) {
            let strongest = bank.findings[bank.verdict.finding].values.len();
            return Some(Refusal::Blocked {
                decided: verdict.map(|v| usize::from(v) + 1) == Some(strongest),
            });
        }
        if !doc.offered_with.iter().any(|&a| self.has_action(a)) {
            return Some(Refusal::NotCalledFor(
                doc.offered_with
                    .iter()
                    .map(|&a| bank.actions[a].title.clone())
                    .collect(),
            ));
        }
        let on_path = |q: QId| self.answer(q);
        if !doc.when.holds(&on_path) {
            return Some(Refusal::OtherCase);
        }
        None
    }

    /// The documents offered for this case, in the bank's order.
    pub fn offered(&self) -> Vec<&Document> {
        self.bank
            .documents()
            .iter()
            .filter(|d| self.refusal(d).is_none())
            .collect()
    }

    /// `doc` rendered in `lang`: the sections and parts that hold on this path, every
    /// placeholder filled or marked missing, and the sources and notes of what is shown.
    pub fn render(&self, doc: &Document, lang: Lang) -> Rendered {
        let on_path = |q: QId| self.answer(q);
        let mut out = Rendered {
            kind: doc.id.clone(),
            title: doc.title.get(lang).to_string(),
            lang,
            record: self.record.to_string(),
            bank: format!("{} {}", self.bank.id, self.bank.version),
            date: crate::record::time::date_in_words(self.date, lang),
            blocks: Vec::new(),
            sources: Vec::new(),
            notes: Vec::new(),
            missing: Vec::new(),
        };
        let mut notes = Vec::new();
        for section in doc.sections.iter().filter(|s| s.when.holds(&on_path)) {
            let mut block = Block {
                heading: section.heading.as_ref().map(|h| h.get(lang).to_string()),
                paragraphs: Vec::new(),
            };
            for part in section.parts.iter().filter(|p| p.when.holds(&on_path)) {
                let spans = self.fill(part.text.get(lang), lang, &mut out.missing);
                match block.paragraphs.last_mut() {
                    Some(last) if part.continues => {
                        last.push(Span::Text(" ".into()));
                        last.extend(spans);
                    }
                    _ => block.paragraphs.push(spans),
                }
                add_all(&mut out.sources, &part.sources);
                add_all(
                    &mut out.sources,
                    &self.register_sources(part.text.get(lang)),
                );
                add_all(&mut notes, &part.notes);
            }
            if block.paragraphs.is_empty() {
                continue;
            }
            add_all(&mut out.sources, &section.sources);
            add_all(&mut notes, &section.notes);
            out.blocks.push(block);
        }
        out.notes = notes
            .into_iter()
            .map(|n| {
                let note = &self.bank.notes[n];
                NoteRef {
                    title: note.title.get(lang).to_string(),
                    checked: note.checked.clone(),
                }
            })
            .collect();
        out
    }

    /// The sources of the register fields a text shows: those of the fields' parts that hold
    /// on this path, as the field is said once in the bank with its sources.
    fn register_sources(&self, pieces: &[Piece]) -> Vec<String> {
        let on_path = |q: QId| self.answer(q);
        pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Slot(Slot::Register(i)) => Some(&self.bank.register[*i]),
                _ => None,
            })
            .flat_map(|f| f.parts.iter().filter(|p| p.when.holds(&on_path)))
            .flat_map(|p| p.sources.iter().cloned())
            .collect()
    }

    /// A text with its placeholders filled, as runs of words and missing values.
    fn fill(&self, pieces: &[Piece], lang: Lang, missing: &mut Vec<Missing>) -> Vec<Span> {
        let mut spans: Vec<Span> = Vec::new();
        for piece in pieces {
            let span = match piece {
                Piece::Text(t) => Span::Text(t.clone()),
                Piece::Slot(slot) => match self.value(*slot, lang) {
                    Ok(v) => Span::Text(v),
                    Err(m) => {
                        if !missing.contains(&m) {
                            missing.push(m.clone());
                        }
                        Span::Missing(m)
                    }
                },
            };
            // Words next to words are one run, so a format sees the text as written.
            match (spans.last_mut(), span) {
                (Some(Span::Text(last)), Span::Text(t)) => last.push_str(&t),
                (_, span) => spans.push(span),
            }
        }
        spans
    }

    /// What a placeholder stands for in this case, or what is missing.
    fn value(&self, slot: Slot, lang: Lang) -> Result<String, Missing> {
        let given = |s: String| Some(s).filter(|s| !s.trim().is_empty());
        let bank = self.bank;
        let prompt = |q: QId| {
            (
                bank.questions[q].id.clone(),
                bank.questions[q].prompt.get(lang),
            )
        };
        match slot {
            Slot::Library(item) => (self.facts)(item)
                .and_then(given)
                .ok_or(Missing::Fact(item)),
            Slot::CampaignName => given(self.campaign.to_string()).ok_or(Missing::CampaignName),
            Slot::Answer(q) => self
                .answer(q)
                .map(|a| bank.questions[q].answer_label(a, lang))
                .and_then(given)
                .ok_or_else(|| {
                    let (question, prompt) = prompt(q);
                    Missing::Answer {
                        question,
                        prompt: prompt.to_string(),
                    }
                }),
            Slot::Justification(q) => (self.justification)(&bank.questions[q].id)
                .map(str::to_string)
                .and_then(given)
                .ok_or_else(|| {
                    let (question, prompt) = prompt(q);
                    Missing::Justification {
                        question,
                        prompt: prompt.to_string(),
                    }
                }),
            Slot::Register(i) => {
                let field = &bank.register[i];
                given(field.value(bank, lang, &|q| self.answer(q))).ok_or_else(|| {
                    Missing::Register {
                        field: field.id.clone(),
                        label: field.label.get(lang).to_string(),
                    }
                })
            }
            Slot::FgParticipants => {
                let names: Vec<&str> = self
                    .participants
                    .iter()
                    .filter(|p| is_fg(&p.role) && !p.name.trim().is_empty())
                    .map(|p| p.name.trim())
                    .collect();
                given(names.join(", ")).ok_or(Missing::FgParticipant)
            }
            Slot::Date => Ok(crate::record::time::date_in_words(self.date, lang)),
        }
    }
}

/// Whether a participant's role is that of the data protection officer: "FG", "DPO",
/// "functionaris gegevensbescherming", "privacy officer" (as the handreiking also calls the
/// FG), in any case, alone or within a longer role ("FG / jurist").
pub fn is_fg(role: &str) -> bool {
    let role = role.to_lowercase();
    role.split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "fg" || w == "dpo")
        || [
            "functionaris gegevensbescherming",
            "data protection officer",
            "privacy officer",
        ]
        .iter()
        .any(|r| role.contains(r))
}

fn add_all<T: Clone + PartialEq>(to: &mut Vec<T>, items: &[T]) {
    for x in items {
        if !to.contains(x) {
            to.push(x.clone());
        }
    }
}

impl Rendered {
    /// The paragraphs of a block as plain text, each missing value as its marker in the
    /// document's language.
    pub fn plain(&self, spans: &[Span]) -> String {
        spans
            .iter()
            .map(|s| match s {
                Span::Text(t) => t.clone(),
                Span::Missing(m) => m.marker(self.lang),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::is_fg;

    #[test]
    fn the_fg_is_found_by_role() {
        for role in [
            "FG",
            "fg",
            "FG / jurist",
            "Functionaris Gegevensbescherming",
            "DPO",
            "privacy officer",
        ] {
            assert!(is_fg(role), "{role}");
        }
        for role in ["marketing", "", "afgevaardigde", "Figuur"] {
            assert!(!is_fg(role), "{role}");
        }
    }
}
