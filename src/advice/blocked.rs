//! The advice on a plan the bank does not allow (or cannot judge yet): what blocks it, and the
//! remedies — the nearest plans that would be allowed — with the labels a person reads, so they
//! can be shown again exactly whatever bank is loaded later.
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::bank::{AId, Bank, QId, RId};
use crate::engine::{Answer, ChangeKind, Level, Outcome, Remedy, Session, remedies};
use crate::locale::advice::Ui;
use crate::text::Lang;

/// What keeps the plan from being allowed: the warnings and required actions of the rules that
/// set the verdict. Ids into the advice's `warnings` and `actions`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct BlockingView {
    /// `true` where the verdict is the bank's strongest (not allowed as planned: the plan must
    /// change); `false` for one between allowed and that (it cannot be judged until something
    /// is decided). Decides only the headings.
    pub decided: bool,
    pub warnings: Vec<String>,
    pub actions: Vec<String>,
}

/// One remedy. `changes`, `verdict`, `adds`, `drops` and `asks` are the contract of `advise
/// --format json` (docs/stable-ids.md); the rest are what a person reads.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RemedyView {
    pub changes: Vec<ChangeView>,
    pub verdict: Value,
    pub adds: Vec<String>,
    pub drops: Vec<String>,
    pub asks: Vec<String>,
    /// Per asked question where not every answer keeps the plan allowed: the answers that do,
    /// each in the answers-file form.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub needs: Map<String, Value>,
    pub verdict_label: String,
    pub add_titles: Vec<String>,
    pub drop_titles: Vec<String>,
    pub ask_labels: Vec<AskLabel>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ChangeView {
    pub question: String,
    /// The answers in the answers-file form: a string, or a list for multiple choice.
    pub from: Value,
    pub to: Value,
    pub kind: ChangeKind,
    pub prompt: String,
    pub from_label: String,
    pub to_label: String,
    /// The options left out and the options put in, as a person reads them: what the change
    /// is about, where `from` and `to` of a multiple-choice question share the rest.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub removed_label: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub added_label: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct AskLabel {
    pub question: String,
    pub prompt: String,
    /// Whether the library chooses the answer (rather than it being a fact).
    pub choice: bool,
    /// The labels of the answers the plan needs; empty where any answer will do.
    pub needs: Vec<String>,
}

/// What blocks the outcome and how to fix it; nothing for an allowed outcome.
pub(super) fn views(
    bank: &Bank,
    session: &Session,
    outcome: &Outcome,
    lang: Lang,
) -> (Option<BlockingView>, Vec<RemedyView>) {
    let f = bank.verdict.finding;
    let verdict = outcome.findings[f];
    if verdict.is_none() || crate::engine::remedies::is_allowed(bank, verdict) {
        return (None, Vec::new());
    }
    let strongest = bank.findings[f].values.len().checked_sub(1);
    let decisive: Vec<RId> = outcome.decisive(bank).collect();
    let set_by =
        |pick: &dyn Fn(&crate::bank::Rule) -> bool| decisive.iter().any(|&r| pick(&bank.rules[r]));
    let blocking = BlockingView {
        decided: verdict.map(usize::from) == strongest,
        warnings: outcome
            .warnings
            .iter()
            .filter(|&&w| set_by(&|r| r.warn.contains(&w)))
            .map(|&w| bank.warnings[w].id.clone())
            .collect(),
        actions: outcome
            .actions
            .iter()
            .filter(|a| a.level == Level::Required && set_by(&|r| r.require.contains(&a.action)))
            .map(|a| bank.actions[a.action].id.clone())
            .collect(),
    };
    let remedies = remedies(bank, session, outcome)
        .iter()
        .map(|r| view(bank, r, lang))
        .collect();
    (Some(blocking), remedies)
}

fn view(bank: &Bank, r: &Remedy, lang: Lang) -> RemedyView {
    let f = &bank.findings[bank.verdict.finding];
    let verdict = f.values.get(usize::from(r.verdict));
    let label = |q: QId, m: u64| bank.questions[q].answer_label(&Answer::Choice(m), lang);
    let json = |q: QId, m: u64| bank.questions[q].answer_json(&Answer::Choice(m));
    let changes = r
        .changes
        .iter()
        .map(|c| {
            let question = &bank.questions[c.question];
            ChangeView {
                question: question.id.clone(),
                from: json(c.question, c.from),
                to: json(c.question, c.to),
                kind: c.kind,
                prompt: question.prompt.get(lang).to_string(),
                from_label: label(c.question, c.from),
                to_label: label(c.question, c.to),
                removed_label: label(c.question, c.from & !c.to),
                added_label: label(c.question, c.to & !c.from),
            }
        })
        .collect();
    let mut needs = Map::new();
    let ask_labels = r
        .asks
        .iter()
        .map(|a| {
            let question = &bank.questions[a.question];
            let masks = a.needs.as_deref().unwrap_or_default();
            if a.needs.is_some() {
                let values = masks.iter().map(|&m| json(a.question, m)).collect();
                needs.insert(question.id.clone(), Value::Array(values));
            }
            AskLabel {
                question: question.id.clone(),
                prompt: question.prompt.get(lang).to_string(),
                choice: question.choice,
                needs: masks.iter().map(|&m| label(a.question, m)).collect(),
            }
        })
        .collect();
    let ids = |list: &[AId]| list.iter().map(|&a| bank.actions[a].id.clone()).collect();
    let titles = |list: &[AId]| {
        list.iter()
            .map(|&a| bank.actions[a].title.get(lang).to_string())
            .collect()
    };
    RemedyView {
        changes,
        verdict: verdict.map_or(Value::Null, |v| v.value.clone()),
        adds: ids(&r.adds),
        drops: ids(&r.drops),
        asks: r
            .asks
            .iter()
            .map(|a| bank.questions[a.question].id.clone())
            .collect(),
        needs,
        verdict_label: verdict.map_or(String::new(), |v| v.label.get(lang).to_string()),
        add_titles: titles(&r.adds),
        drop_titles: titles(&r.drops),
        ask_labels,
    }
}

impl ChangeView {
    /// "<question> — leave out: <option>", "<question> — add: <option>", or "<question> —
    /// <new> instead of <old>": only the options that change, the rest stays as it is.
    pub fn describe(&self, ui: &Ui) -> String {
        let what = match self.kind {
            ChangeKind::Drop => format!("{}: {}", ui.leave_out, self.removed_label),
            ChangeKind::Replace => {
                format!(
                    "{} {} {}",
                    self.added_label, ui.instead_of, self.removed_label
                )
            }
        };
        format!("{} — {what}", self.prompt)
    }
}

impl AskLabel {
    /// "<question> — only if: yes", "<question> — choose: a or b", "<question> (any answer…)".
    pub fn describe(&self, ui: &Ui) -> String {
        if self.needs.is_empty() {
            return format!("{} ({})", self.prompt, ui.any_answer);
        }
        let how = if self.choice { ui.choose } else { ui.only_if };
        let or = format!(" {} ", ui.or);
        format!("{} — {how}: {}", self.prompt, self.needs.join(&or))
    }
}

impl RemedyView {
    /// The lines under a remedy's changes: the verdict it gives, the actions it adds and drops,
    /// the questions it asks. Each as (label, text).
    pub fn details<'a>(&'a self, ui: &'a Ui) -> Vec<(&'static str, String)> {
        let mut out = vec![(ui.verdict_then, self.verdict_label.clone())];
        if !self.add_titles.is_empty() {
            out.push((ui.adds, self.add_titles.join("; ")));
        }
        if !self.drop_titles.is_empty() {
            out.push((ui.drops, self.drop_titles.join("; ")));
        }
        for a in &self.ask_labels {
            out.push((ui.then_asked, a.describe(ui)));
        }
        out
    }

    /// The changes as lines: the first as it is, each next one after "and also".
    pub fn change_lines(&self, ui: &Ui) -> Vec<String> {
        self.changes
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i == 0 {
                    c.describe(ui)
                } else {
                    format!("{}: {}", ui.and, c.describe(ui))
                }
            })
            .collect()
    }
}

impl super::Advice {
    /// The heading of what blocks the plan, for a blocked advice.
    pub fn blocking_heading(&self, ui: &Ui) -> Option<&'static str> {
        self.blocking
            .as_ref()
            .map(|b| if b.decided { ui.blocking } else { ui.to_decide })
    }

    /// The warnings and then the required actions that block the plan, in the advice's order.
    pub fn blockers(&self) -> (Vec<&super::WarningView>, Vec<&super::ActionView>) {
        (
            self.warnings
                .iter()
                .filter(|w| self.blocks_warning(w))
                .collect(),
            self.actions
                .iter()
                .filter(|a| self.blocks_action(a))
                .collect(),
        )
    }

    /// Text: what blocks the plan, then the remedies.
    pub(super) fn blocked_text(&self, s: &mut String, ui: &Ui) {
        use super::{W, item};
        use crate::text::wrap;
        let Some(heading) = self.blocking_heading(ui) else {
            return;
        };
        s.push_str(&format!("\n{heading}\n"));
        let (warnings, actions) = self.blockers();
        for w in warnings {
            let title = format!("! {}", w.title);
            item(s, (&title, "  "), &w.text, &w.sources, "    ", ui);
        }
        for a in actions {
            let title = format!("→ {}", a.title);
            item(s, (&title, "  "), &a.rationale, &a.sources, "    ", ui);
        }
        s.push_str(&format!("\n{}\n", ui.remedies));
        if self.remedies.is_empty() {
            s.push_str(&wrap(ui.no_remedy, W, "  ", "  "));
            s.push('\n');
        }
        for (i, r) in self.remedies.iter().enumerate() {
            let number = format!("  {}. ", i + 1);
            for (j, line) in r.change_lines(ui).iter().enumerate() {
                let first = if j == 0 { number.as_str() } else { "     " };
                s.push_str(&wrap(line, W, first, "       "));
                s.push('\n');
            }
            for (label, text) in r.details(ui) {
                s.push_str(&wrap(&format!("{label}: {text}"), W, "     ", "       "));
                s.push('\n');
            }
        }
    }

    /// Markdown: what blocks the plan, then the remedies.
    pub(super) fn blocked_markdown(&self, s: &mut String, ui: &Ui) {
        let t = super::md_text;
        let Some(heading) = self.blocking_heading(ui) else {
            return;
        };
        s.push_str(&format!("## {heading}\n\n"));
        let (warnings, actions) = self.blockers();
        for w in warnings {
            s.push_str(&format!(
                "- ⚠ **{}**: {} *({})*\n",
                t(&w.title),
                t(&w.text),
                t(&w.sources.join("; "))
            ));
        }
        for a in actions {
            s.push_str(&format!(
                "- **{}**: {} *({})*\n",
                t(&a.title),
                t(&a.rationale),
                t(&a.sources.join("; "))
            ));
        }
        s.push_str(&format!("\n## {}\n\n", ui.remedies));
        if self.remedies.is_empty() {
            s.push_str(&format!("{}\n", ui.no_remedy));
        }
        for (i, r) in self.remedies.iter().enumerate() {
            let mut lines = r.change_lines(ui);
            lines.extend(r.details(ui).iter().map(|(l, x)| format!("*{l}:* {x}")));
            for (j, line) in lines.iter().enumerate() {
                let lead = if j == 0 {
                    format!("{}. ", i + 1)
                } else {
                    "   ".to_string()
                };
                let end = if j + 1 < lines.len() { "  " } else { "" };
                s.push_str(&format!("{lead}{}{end}\n", t(line)));
            }
        }
        s.push('\n');
    }
}
