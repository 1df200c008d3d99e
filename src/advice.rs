//! The advice as shown to a person: the outcome with its texts in one language. One view feeds
//! the JSON, Markdown and text forms, so they never say different things.
mod blocked;

pub use blocked::{AskLabel, BlockingView, ChangeView, RemedyView};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::bank::{Bank, fit};
use crate::engine::{Level, Outcome, Session};
use crate::text::{Lang, wrap};

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

    pub fn to_json(&self) -> String {
        // Serialising plain data to a string cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The advice as text for a terminal or a screen reader: no colour, no tables.
    pub fn to_text(&self) -> String {
        let ui = self.lang.ui();
        let mut s = String::new();
        s.push_str(&format!("AVG-wijzer — {}\n", ui.advice));
        if let Some(c) = &self.campaign {
            s.push_str(&format!("{}: {c}\n", ui.campaign));
        }
        s.push_str(&format!(
            "\n{}: {}\n",
            ui.verdict,
            self.verdict.label.to_uppercase()
        ));
        self.blocked_text(&mut s, ui);
        s.push_str(&format!("\n{}\n", ui.findings));
        for (f, label) in self.finding_lines() {
            s.push_str(&format!("  {f}: {label}\n"));
        }
        if self.other_warnings().next().is_some() {
            s.push_str(&format!("\n{}\n", ui.warnings));
            for w in self.other_warnings() {
                let title = format!("! {}", w.title);
                item(&mut s, (&title, "  "), &w.text, &w.sources, "    ", ui);
            }
        }
        if !self.reasons.is_empty() {
            s.push_str(&format!("\n{}\n", ui.why));
            for r in &self.reasons {
                let title = format!("- {}", r.text);
                item(&mut s, (&title, "  "), "", &r.sources, "    ", ui);
            }
        }
        if let Some(heading) = self.actions_heading(ui) {
            s.push_str(&format!("\n{heading}\n"));
        }
        for (heading, list) in self.action_lists(ui) {
            if list.is_empty() {
                continue;
            }
            s.push_str(&format!("\n{heading}\n"));
            for (i, a) in list.iter().enumerate() {
                let title = format!("{}. {}", i + 1, a.title);
                item(
                    &mut s,
                    (&title, "  "),
                    &a.rationale,
                    &a.sources,
                    "     ",
                    ui,
                );
            }
        }
        if self.actions.is_empty() {
            s.push_str(&format!("\n{}\n", ui.no_actions));
        }
        if !self.notes.is_empty() {
            s.push_str(&format!("\n{}\n", ui.law_notes));
            for n in &self.notes {
                let title = format!("- {} ({} {})", n.title, ui.checked, n.checked);
                item(&mut s, (&title, "  "), &n.text, &n.sources, "    ", ui);
            }
        }
        s.push_str(&format!("\n{}\n", ui.answers));
        for (question, answer) in self.answer_lines() {
            s.push_str(&wrap(&format!("- {question}"), W, "  ", "    "));
            s.push('\n');
            s.push_str(&wrap(&format!("→ {answer}"), W, "    ", "      "));
            s.push('\n');
        }
        s.push_str(&format!(
            "\n{}: {} {} (sha256 {})\n",
            ui.bank,
            self.bank.id,
            self.bank.version,
            self.bank.short_hash()
        ));
        s
    }

    /// The advice as Markdown, for the processing register or an e-mail.
    pub fn to_markdown(&self) -> String {
        let ui = self.lang.ui();
        let t = md_text;
        let sources = |list: &[String]| t(&list.join("; "));
        let mut s = String::new();
        s.push_str(&format!("# AVG-wijzer — {}\n\n", ui.advice));
        if let Some(c) = &self.campaign {
            s.push_str(&format!(
                "**{}:** {}\n\n",
                ui.campaign,
                crate::text::md_escape(c)
            ));
        }
        s.push_str(&format!(
            "**{}: {}**\n\n",
            ui.verdict,
            t(&self.verdict.label)
        ));
        self.blocked_markdown(&mut s, ui);
        s.push_str(&format!("## {}\n\n", ui.findings));
        for (f, label) in self.finding_lines() {
            s.push_str(&format!("- {}: **{}**\n", t(f), t(label)));
        }
        if self.other_warnings().next().is_some() {
            s.push_str(&format!("\n## {}\n\n", ui.warnings));
            for w in self.other_warnings() {
                s.push_str(&format!(
                    "- ⚠ **{}**: {} *({})*\n",
                    t(&w.title),
                    t(&w.text),
                    sources(&w.sources)
                ));
            }
        }
        if !self.reasons.is_empty() {
            s.push_str(&format!("\n### {}\n\n", ui.why));
            for r in &self.reasons {
                s.push_str(&format!("- {} *({})*\n", t(&r.text), sources(&r.sources)));
            }
        }
        // Under the heading of a blocked plan, the action lists are one level lower.
        let level = match self.actions_heading(ui) {
            Some(heading) => {
                s.push_str(&format!("\n## {heading}\n"));
                "###"
            }
            None => "##",
        };
        for (heading, list) in self.action_lists(ui) {
            if list.is_empty() {
                continue;
            }
            s.push_str(&format!("\n{level} {heading}\n\n"));
            for a in list {
                s.push_str(&format!(
                    "- [ ] **{}**  \n  {}  \n  *{}: {}*\n",
                    t(&a.title),
                    t(&a.rationale),
                    ui.sources,
                    sources(&a.sources)
                ));
            }
        }
        if self.actions.is_empty() {
            s.push_str(&format!("\n{}\n", ui.no_actions));
        }
        if !self.notes.is_empty() {
            s.push_str(&format!("\n## {}\n\n", ui.law_notes));
            for n in &self.notes {
                s.push_str(&format!(
                    "- **{}** ({} {}): {} *({})*\n",
                    t(&n.title),
                    ui.checked,
                    t(&n.checked),
                    t(&n.text),
                    sources(&n.sources)
                ));
            }
        }
        s.push_str(&format!("\n## {}\n\n", ui.answers));
        for (question, answer) in self.answer_lines() {
            s.push_str(&format!(
                "- {} **{}**\n",
                t(question),
                crate::text::md_escape(&answer)
            ));
        }
        s.push_str(&format!(
            "\n*{}: {} {} (sha256 `{}`)*\n",
            ui.bank,
            t(&self.bank.id),
            t(&self.bank.version),
            t(&self.bank.sha256)
        ));
        s
    }

    fn finding_lines(&self) -> impl Iterator<Item = (&str, &str)> {
        self.finding_labels
            .iter()
            .map(|f| (f.title.as_str(), f.label.as_str()))
    }

    fn answer_lines(&self) -> impl Iterator<Item = (&str, String)> {
        self.answer_labels.iter().map(|a| {
            let answer = if a.answer.is_empty() {
                format!("({})", self.lang.ui().none)
            } else {
                a.answer.clone()
            };
            (a.question.as_str(), answer)
        })
    }
}

/// A text of the advice in Markdown. The texts of a record's advice come from the file: no `<`
/// of theirs may open an HTML tag where the Markdown is shown.
fn md_text(x: &str) -> String {
    x.replace('<', "&lt;").replace('>', "&gt;")
}

/// The width of the text advice, for a terminal of 80 columns.
const W: usize = 78;

/// One entry of the text advice: its title from `first` on, the lines after it and the body
/// indented by `indent`, then its sources; an empty body is left out.
fn item(
    s: &mut String,
    (title, first): (&str, &str),
    body: &str,
    sources: &[String],
    indent: &str,
    ui: &crate::locale::advice::Ui,
) {
    s.push_str(&wrap(title, W, first, indent));
    s.push('\n');
    if !body.is_empty() {
        s.push_str(&wrap(body, W, indent, indent));
        s.push('\n');
    }
    let sources = format!("{}: {}", ui.sources, sources.join("; "));
    s.push_str(&wrap(&sources, W, indent, indent));
    s.push('\n');
}
