//! The advice as text (for a terminal, a screen reader, `show`) and as Markdown (for the
//! processing register): the same view in two forms.
use super::Advice;
use crate::text::wrap;

impl Advice {
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
        for (label, (question, answer)) in self.answer_labels.iter().zip(self.answer_lines()) {
            s.push_str(&wrap(&format!("- {question}"), W, "  ", "    "));
            s.push('\n');
            s.push_str(&wrap(&format!("→ {answer}"), W, "    ", "      "));
            s.push('\n');
            if let Some(j) = &label.justification {
                let line = format!("{}: {j}", ui.justification);
                s.push_str(&wrap(&line, W, "      ", "      "));
                s.push('\n');
            }
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
        for (label, (question, answer)) in self.answer_labels.iter().zip(self.answer_lines()) {
            s.push_str(&format!(
                "- {} **{}**\n",
                t(question),
                crate::text::md_escape(&answer)
            ));
            if let Some(j) = &label.justification {
                s.push_str(&format!(
                    "  - *{}:* {}\n",
                    ui.justification,
                    crate::text::md_escape(j)
                ));
            }
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
pub(super) fn md_text(x: &str) -> String {
    x.replace('<', "&lt;").replace('>', "&gt;")
}

/// The width of the text advice, for a terminal of 80 columns.
pub(super) const W: usize = 78;

/// One entry of the text advice: its title from `first` on, the lines after it and the body
/// indented by `indent`, then its sources; an empty body is left out.
pub(super) fn item(
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
