//! The advice as shown to a person: the outcome with its texts in one language. One view feeds
//! the JSON, Markdown and text forms, so they never say different things.
mod blocked;
mod text;

pub use blocked::{AskLabel, BlockingView, ChangeView, RemedyView};

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::bank::{Bank, fit};
use crate::engine::{Level, Outcome, Session};
use crate::text::Lang;
use text::{W, item, md_text};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Advice {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign: Option<String>,
    pub findings: Map<String, Value>,
    pub verdict: VerdictView,
    /// For a plan the bank does not allow or cannot judge yet: what blocks it, and the nearest
    /// plans that would be allowed. Left out otherwise, so that the advice of an allowed plan
    /// (and every record made before remedies) keeps its exact bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocking: Option<BlockingView>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remedies: Vec<RemedyView>,
    pub actions: Vec<ActionView>,
    pub warnings: Vec<WarningView>,
    pub notes: Vec<NoteView>,
    pub reasons: Vec<ReasonView>,
    pub path: Vec<String>,
    pub answers: Map<String, Value>,
    /// The findings (but the verdict) and the answers as a person reads them, so the advice can
    /// be shown again exactly, whatever bank is loaded then.
    pub finding_labels: Vec<FindingLabel>,
    pub answer_labels: Vec<AnswerLabel>,
    /// A draft entry for the processing register (AVG art. 30), filled from the answers.
    #[serde(default)]
    pub register: Vec<RegisterLine>,
    pub bank: BankRef,
    pub lang: Lang,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct VerdictView {
    pub value: Value,
    pub label: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ActionView {
    pub id: String,
    pub level: Level,
    pub title: String,
    pub rationale: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct WarningView {
    pub id: String,
    pub title: String,
    pub text: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct NoteView {
    pub id: String,
    pub title: String,
    pub text: String,
    pub sources: Vec<String>,
    pub checked: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ReasonView {
    pub rule: String,
    pub text: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FindingLabel {
    pub id: String,
    pub title: String,
    pub label: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct AnswerLabel {
    pub id: String,
    pub question: String,
    pub answer: String,
    /// The justification given with the answer, where the question asks for one and one was
    /// given. Left out otherwise, so advice without one keeps its exact bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub justification: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RegisterLine {
    pub id: String,
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct BankRef {
    pub id: String,
    pub version: String,
    pub sha256: String,
}

impl BankRef {
    /// The first twelve characters of the hash, enough to tell two banks apart on screen (the
    /// whole hash if a hand-edited record holds something shorter or odd).
    pub fn short_hash(&self) -> &str {
        self.sha256.get(..12).unwrap_or(&self.sha256)
    }

    /// "1.0.0 → 1.1.0"; the same version with other content is told apart by the hash.
    pub fn change_to(&self, to: &BankRef) -> String {
        if self.version == to.version {
            format!(
                "{} (sha256 {}) → {} (sha256 {})",
                self.version,
                self.short_hash(),
                to.version,
                to.short_hash()
            )
        } else {
            format!("{} → {}", self.version, to.version)
        }
    }
}

impl Advice {
    pub fn new(
        bank: &Bank,
        session: &Session,
        outcome: &Outcome,
        campaign: Option<&str>,
        lang: Lang,
    ) -> Advice {
        let mut findings = Map::new();
        for (f, finding) in bank.findings.iter_enumerated() {
            let value = outcome.findings[f]
                .map_or(Value::Null, |v| finding.values[v as usize].value.clone());
            findings.insert(finding.id.clone(), value);
        }
        let verdict = match outcome.verdict(bank) {
            Some(v) => VerdictView {
                value: v.value.clone(),
                label: v.label.get(lang).to_string(),
            },
            None => VerdictView {
                value: Value::Null,
                label: String::new(),
            },
        };
        let on_path = |q: crate::bank::QId| {
            if outcome.path.contains(&q) {
                session.answer(q)
            } else {
                None
            }
        };
        let actions = outcome
            .actions
            .iter()
            .map(|a| {
                let action = &bank.actions[a.action];
                let (rationale, sources) = fit(
                    &action.rationale,
                    &action.sources,
                    &action.parts,
                    lang,
                    &on_path,
                );
                ActionView {
                    id: action.id.clone(),
                    level: a.level,
                    title: action.title.get(lang).to_string(),
                    rationale,
                    sources,
                }
            })
            .collect();
        let warnings = outcome
            .warnings
            .iter()
            .map(|&w| {
                let w = &bank.warnings[w];
                let (text, sources) = fit(&w.text, &w.sources, &w.parts, lang, &on_path);
                WarningView {
                    id: w.id.clone(),
                    title: w.title.get(lang).to_string(),
                    text,
                    sources,
                }
            })
            .collect();
        let notes = outcome
            .notes
            .iter()
            .map(|&n| {
                let n = &bank.notes[n];
                let (text, sources) = fit(&n.text, &n.sources, &n.parts, lang, &on_path);
                NoteView {
                    id: n.id.clone(),
                    title: n.title.get(lang).to_string(),
                    text,
                    sources,
                    checked: n.checked.clone(),
                }
            })
            .collect();
        let reasons = outcome
            .rules
            .iter()
            .filter_map(|&r| {
                let rule = &bank.rules[r];
                rule.reason.as_ref().map(|reason| {
                    let (text, sources) =
                        fit(&reason.text, &reason.sources, &reason.parts, lang, &on_path);
                    ReasonView {
                        rule: rule.id.clone(),
                        text,
                        sources,
                    }
                })
            })
            .collect();
        let register = bank
            .register
            .iter()
            .map(|field| RegisterLine {
                id: field.id.clone(),
                label: field.label.get(lang).to_string(),
                value: field.value(bank, lang, &on_path),
            })
            .collect();
        let finding_labels = bank
            .findings
            .iter_enumerated()
            .filter(|(f, _)| *f != bank.verdict.finding)
            .map(|(f, finding)| FindingLabel {
                id: finding.id.clone(),
                title: finding.title.get(lang).to_string(),
                label: outcome.findings[f]
                    .map(|v| finding.values[v as usize].label.get(lang).to_string())
                    .unwrap_or_default(),
            })
            .collect();
        let answer_labels = outcome
            .path
            .iter()
            .filter_map(|&q| {
                let question = &bank.questions[q];
                session.answer(q).map(|a| AnswerLabel {
                    id: question.id.clone(),
                    question: question.prompt.get(lang).to_string(),
                    answer: question.answer_label(a, lang),
                    justification: None,
                })
            })
            .collect();
        let (blocking, remedies) = blocked::views(bank, session, outcome, lang);
        let mut answers = Map::new();
        for &q in &outcome.path {
            if let Some(a) = session.answer(q) {
                answers.insert(
                    bank.questions[q].id.clone(),
                    bank.questions[q].answer_json(a),
                );
            }
        }
        Advice {
            campaign: campaign.map(str::to_string),
            findings,
            verdict,
            blocking,
            remedies,
            actions,
            warnings,
            notes,
            reasons,
            path: outcome
                .path
                .iter()
                .map(|&q| bank.questions[q].id.clone())
                .collect(),
            answers,
            finding_labels,
            answer_labels,
            register,
            bank: BankRef {
                id: bank.id.clone(),
                version: bank.version.clone(),
                sha256: bank.sha256.clone(),
            },
            lang,
        }
    }

    /// The advice with the justifications given (by question id) next to their answers; a
    /// question answered without one keeps none.
    pub fn justified(mut self, justifications: &BTreeMap<String, String>) -> Advice {
        for a in &mut self.answer_labels {
            a.justification = justifications
                .get(&a.id)
                .filter(|t| !t.trim().is_empty())
                .cloned();
        }
        self
    }

    pub fn required(&self) -> impl Iterator<Item = &ActionView> {
        self.actions.iter().filter(|a| a.level == Level::Required)
    }

    pub fn recommended(&self) -> impl Iterator<Item = &ActionView> {
        self.actions
            .iter()
            .filter(|a| a.level == Level::Recommended)
    }

    /// Whether a warning is shown under what blocks the plan (and so not again in its usual
    /// place).
    pub fn blocks_warning(&self, w: &WarningView) -> bool {
        self.blocking
            .as_ref()
            .is_some_and(|b| b.warnings.contains(&w.id))
    }

    /// Whether an action is shown under what blocks the plan: a required one the blocking
    /// rules set.
    pub fn blocks_action(&self, a: &ActionView) -> bool {
        a.level == Level::Required
            && self
                .blocking
                .as_ref()
                .is_some_and(|b| b.actions.contains(&a.id))
    }

    /// The warnings in their usual place: those that do not block the plan.
    pub fn other_warnings(&self) -> impl Iterator<Item = &WarningView> {
        self.warnings.iter().filter(|w| !self.blocks_warning(w))
    }

    /// The required and the recommended actions under their headings, without those that
    /// block the plan.
    pub fn action_lists(
        &self,
        ui: &crate::locale::advice::Ui,
    ) -> [(&'static str, Vec<&ActionView>); 2] {
        let other = |a: &&ActionView| !self.blocks_action(a);
        [
            (ui.required, self.required().filter(other).collect()),
            (ui.recommended, self.recommended().filter(other).collect()),
        ]
    }

    /// For a blocked plan, the heading that says the actions apply to the changed plan.
    pub fn actions_heading(&self, ui: &crate::locale::advice::Ui) -> Option<&'static str> {
        let b = self.blocking.as_ref()?;
        let any = self.actions.iter().any(|a| !self.blocks_action(a));
        any.then_some(if b.decided {
            ui.once_changed
        } else {
            ui.once_decided
        })
    }
}
