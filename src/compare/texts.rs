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
use std::collections::HashMap;

use serde_json::Value;

use super::{ChangeLabel, Label, RemedyLabel, Shown, TextSource};
use crate::advice::{Advice, RemedyView};
use crate::bank::Bank;
use crate::record::Record;
use crate::text::Lang;

pub(super) enum Texts<'a> {
    Bank(&'a Bank, Lang),
    Stored(Box<Kept<'a>>),
    Ids,
}

/// The texts a record's advice keeps, indexed once: a record is hostile input, and may hold
/// many labels; each look-up is then one step, not a search.
pub(super) struct Kept<'a> {
    lang: Lang,
    /// By question id: the prompt; by (question id, value): the answer's label.
    prompts: HashMap<&'a str, &'a str>,
    answers: HashMap<(&'a str, String), &'a str>,
    /// By finding id: the title; by (finding id, value): the value's label.
    findings: HashMap<&'a str, &'a str>,
    finding_values: HashMap<(&'a str, String), &'a str>,
    /// By action id: the title.
    actions: HashMap<&'a str, &'a str>,
    /// By verdict value: its label.
    verdicts: HashMap<String, &'a str>,
}

impl<'a> Kept<'a> {
    /// The first text given for each key wins: the advice's own before its remedies'.
    fn of(a: &'a Advice) -> Kept<'a> {
        let mut k = Kept {
            lang: a.lang,
            prompts: HashMap::new(),
            answers: HashMap::new(),
            findings: HashMap::new(),
            finding_values: HashMap::new(),
            actions: HashMap::new(),
            verdicts: HashMap::new(),
        };
        k.verdicts
            .entry(a.verdict.value.to_string())
            .or_insert(&a.verdict.label);
        for l in &a.answer_labels {
            k.prompts.entry(&l.id).or_insert(&l.question);
            if let Some(v) = a.answers.get(&l.id) {
                k.answers.entry((&l.id, v.to_string())).or_insert(&l.answer);
            }
        }
        for f in &a.finding_labels {
            k.findings.entry(&f.id).or_insert(&f.title);
            if let Some(v) = a.findings.get(&f.id) {
                k.finding_values
                    .entry((&f.id, v.to_string()))
                    .or_insert(&f.label);
            }
        }
        for x in &a.actions {
            k.actions.entry(&x.id).or_insert(&x.title);
        }
        for r in &a.remedies {
            k.verdicts
                .entry(r.verdict.to_string())
                .or_insert(&r.verdict_label);
            for c in &r.changes {
                k.prompts.entry(&c.question).or_insert(&c.prompt);
                for (v, l) in [(&c.from, &c.from_label), (&c.to, &c.to_label)] {
                    k.answers.entry((&c.question, v.to_string())).or_insert(l);
                }
            }
            for (ids, titles) in [(&r.adds, &r.add_titles), (&r.drops, &r.drop_titles)] {
                for (id, title) in ids.iter().zip(titles) {
                    k.actions.entry(id).or_insert(title);
                }
            }
        }
        k
    }
}

impl<'a> Texts<'a> {
    pub fn of(r: &'a Record, bank: Option<&'a Bank>, lang: Lang) -> Texts<'a> {
        match (bank, &r.outcome) {
            (Some(bank), _) if bank.sha256 == r.bank.sha256 => Texts::Bank(bank, lang),
            (_, Some(advice)) => Texts::Stored(Box::new(Kept::of(advice))),
            _ => Texts::Ids,
        }
    }

    pub fn source(&self) -> TextSource {
        match self {
            Texts::Bank(..) => TextSource::Bank,
            Texts::Stored(k) => TextSource::Record(k.lang),
            Texts::Ids => TextSource::Ids,
        }
    }

    /// A question's prompt.
    pub fn question(&self, id: &str) -> Option<String> {
        match self {
            Texts::Bank(bank, lang) => bank.question(id).map(|q| q.prompt.get(*lang).to_string()),
            Texts::Stored(k) => k.prompts.get(id).map(|s| s.to_string()),
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
            Texts::Stored(k) => k.answers.get(&(id, v.to_string())).map(|s| s.to_string()),
            Texts::Ids => None,
        }
    }

    /// A finding's title.
    pub fn finding(&self, id: &str) -> Option<String> {
        match self {
            Texts::Bank(bank, lang) => bank
                .finding_id(id)
                .map(|f| bank.findings[f].title.get(*lang).to_string()),
            Texts::Stored(k) => k.findings.get(id).map(|s| s.to_string()),
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
            Texts::Stored(k) => k
                .finding_values
                .get(&(id, v.to_string()))
                .map(|s| s.to_string()),
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
            Texts::Stored(k) => k.verdicts.get(&v.to_string()).map(|s| s.to_string()),
            Texts::Ids => None,
        }
    }

    /// An action's title.
    pub fn action(&self, id: &str) -> Option<String> {
        match self {
            Texts::Bank(bank, lang) => bank
                .action_id(id)
                .map(|x| bank.actions[x].title.get(*lang).to_string()),
            Texts::Stored(k) => k.actions.get(id).map(|s| s.to_string()),
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
