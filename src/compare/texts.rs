//! Where the comparison's texts come from, for each record on its own.
//!
//! 1. The current bank, when the record was made with it (the same SHA-256): its question
//!    prompts, option labels, finding and action titles, in the language of the run.
//! 2. Otherwise the record's own advice, which keeps what was shown then (`answer_labels`,
//!    `finding_labels`, the actions' titles, the remedies' labels), in the record's language.
//!    An id of an older bank may mean something else in the current one, so the record's own
//!    words are the honest ones, even in another language.
//! 3. Otherwise (a record in progress on another bank) the ids and values themselves.
//!
//! A text either source lacks falls to the next step's id, never to a guess.
use serde_json::Value;

use super::{ChangeLabel, Label, RemedyLabel, Shown, TextSource};
use crate::advice::{Advice, RemedyView};
use crate::bank::Bank;
use crate::record::Record;
use crate::text::Lang;

pub(super) enum Texts<'a> {
    Bank(&'a Bank, Lang),
    Stored(&'a Advice),
    Ids,
}

impl<'a> Texts<'a> {
    pub fn of(r: &'a Record, bank: Option<&'a Bank>, lang: Lang) -> Texts<'a> {
        match (bank, &r.outcome) {
            (Some(bank), _) if bank.sha256 == r.bank.sha256 => Texts::Bank(bank, lang),
            (_, Some(advice)) => Texts::Stored(advice),
            _ => Texts::Ids,
        }
    }

    pub fn source(&self) -> TextSource {
        match self {
            Texts::Bank(..) => TextSource::Bank,
            Texts::Stored(a) => TextSource::Record(a.lang),
            Texts::Ids => TextSource::Ids,
        }
    }

    /// A question's prompt.
    pub fn question(&self, id: &str) -> Option<String> {
        match self {
            Texts::Bank(bank, lang) => bank.question(id).map(|q| q.prompt.get(*lang).to_string()),
            Texts::Stored(a) => a
                .answer_labels
                .iter()
                .find(|l| l.id == id)
                .map(|l| l.question.clone())
                .or_else(|| {
                    a.remedies
                        .iter()
                        .flat_map(|r| &r.changes)
                        .find(|c| c.question == id)
                        .map(|c| c.prompt.clone())
                }),
            Texts::Ids => None,
        }
    }

    /// An answer to question `id`, in the answers-file form, as a person reads it.
    pub fn answer(&self, id: &str, v: &Value) -> Option<String> {
        match self {
            Texts::Bank(bank, lang) => {
                let q = bank.question(id)?;
                q.parse_answer(v).ok().map(|a| q.answer_label(&a, *lang))
            }
            Texts::Stored(a) => {
                let given = (a.answers.get(id) == Some(v))
                    .then(|| a.answer_labels.iter().find(|l| l.id == id))
                    .flatten()
                    .map(|l| l.answer.clone());
                given.or_else(|| {
                    a.remedies
                        .iter()
                        .flat_map(|r| &r.changes)
                        .filter(|c| c.question == id)
                        .find_map(|c| {
                            if c.to == *v {
                                Some(c.to_label.clone())
                            } else {
                                (c.from == *v).then(|| c.from_label.clone())
                            }
                        })
                })
            }
            Texts::Ids => None,
        }
    }

    /// A finding's title.
    pub fn finding(&self, id: &str) -> Option<String> {
        match self {
            Texts::Bank(bank, lang) => bank
                .finding_id(id)
                .map(|f| bank.findings[f].title.get(*lang).to_string()),
            Texts::Stored(a) => a
                .finding_labels
                .iter()
                .find(|f| f.id == id)
                .map(|f| f.title.clone()),
            Texts::Ids => None,
        }
    }

    /// A finding's value as a person reads it.
    pub fn finding_value(&self, id: &str, v: &Value) -> Option<String> {
        match self {
            Texts::Bank(bank, lang) => bank.finding_id(id).and_then(|f| {
                bank.findings[f]
                    .values
                    .iter()
                    .find(|x| x.value == *v)
                    .map(|x| x.label.get(*lang).to_string())
            }),
            Texts::Stored(a) => (a.findings.get(id) == Some(v))
                .then(|| a.finding_labels.iter().find(|f| f.id == id))
                .flatten()
                .map(|f| f.label.clone()),
            Texts::Ids => None,
        }
    }

    /// The verdict `v` as a person reads it.
    pub fn verdict(&self, v: &Value) -> Option<String> {
        match self {
            Texts::Bank(bank, lang) => v
                .as_str()
                .and_then(|s| bank.verdict_label(s, *lang))
                .map(str::to_string),
            Texts::Stored(a) if a.verdict.value == *v => Some(a.verdict.label.clone()),
            Texts::Stored(a) => a
                .remedies
                .iter()
                .find(|r| r.verdict == *v)
                .map(|r| r.verdict_label.clone()),
            Texts::Ids => None,
        }
    }

    /// An action's title.
    pub fn action(&self, id: &str) -> Option<String> {
        match self {
            Texts::Bank(bank, lang) => bank
                .action_id(id)
                .map(|x| bank.actions[x].title.get(*lang).to_string()),
            Texts::Stored(a) => a
                .actions
                .iter()
                .find(|x| x.id == id)
                .map(|x| x.title.clone())
                .or_else(|| {
                    a.remedies.iter().find_map(|r| {
                        let titled = |ids: &[String], titles: &[String]| {
                            ids.iter()
                                .position(|x| x == id)
                                .and_then(|i| titles.get(i))
                                .cloned()
                        };
                        titled(&r.adds, &r.add_titles).or_else(|| titled(&r.drops, &r.drop_titles))
                    })
                }),
            Texts::Ids => None,
        }
    }

    /// A remedy with its changes and verdict in words.
    pub fn remedy(&self, r: &RemedyView) -> RemedyLabel {
        let shown = |q: &str, v: &Value| Shown {
            label: self.answer(q, v),
            value: v.clone(),
        };
        RemedyLabel {
            changes: r
                .changes
                .iter()
                .map(|c| ChangeLabel {
                    question: Label {
                        id: c.question.clone(),
                        text: self.question(&c.question),
                    },
                    from: shown(&c.question, &c.from),
                    to: shown(&c.question, &c.to),
                })
                .collect(),
            verdict: Shown {
                label: self.verdict(&r.verdict),
                value: r.verdict.clone(),
            },
        }
    }
}
