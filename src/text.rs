//! Texts in the two interface languages.
use serde::{Deserialize, Serialize};

/// The language the interface speaks. Dutch is the default: the users are Dutch library staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }
}

/// A text a person reads, in both languages. The bank's lint requires both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub nl: String,
    #[serde(default)]
    pub en: String,
}

impl Text {
    /// The text in `lang`, falling back to Dutch where an English text is missing.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.en.trim().is_empty() => &self.en,
            _ => &self.nl,
        }
    }
}

/// The interface's own words (headings, prompts), in both languages. The legal texts are in
/// the bank; these are only the frame around them.
pub struct Ui {
    pub advice: &'static str,
    pub campaign: &'static str,
    pub verdict: &'static str,
    pub findings: &'static str,
    pub why: &'static str,
    pub required: &'static str,
    pub recommended: &'static str,
    pub warnings: &'static str,
    pub law_notes: &'static str,
    pub checked: &'static str,
    pub sources: &'static str,
    pub answers: &'static str,
    pub bank: &'static str,
    pub none: &'static str,
    pub no_actions: &'static str,
}

pub const UI_NL: Ui = Ui {
    advice: "Advies",
    campaign: "Campagne",
    verdict: "Oordeel",
    findings: "Bevindingen",
    why: "Waarom",
    required: "Verplichte acties",
    recommended: "Aanbevolen acties",
    warnings: "Waarschuwingen",
    law_notes: "Wat de huidige wet daaraan toevoegt",
    checked: "gecontroleerd",
    sources: "Bronnen",
    answers: "Antwoorden",
    bank: "Vragenbank",
    none: "geen",
    no_actions: "Geen acties nodig.",
};

pub const UI_EN: Ui = Ui {
    advice: "Advice",
    campaign: "Campaign",
    verdict: "Verdict",
    findings: "Findings",
    why: "Why",
    required: "Required actions",
    recommended: "Recommended actions",
    warnings: "Warnings",
    law_notes: "What current law adds",
    checked: "checked",
    sources: "Sources",
    answers: "Answers",
    bank: "Question bank",
    none: "none",
    no_actions: "No actions needed.",
};

impl Lang {
    pub fn ui(self) -> &'static Ui {
        match self {
            Lang::Nl => &UI_NL,
            Lang::En => &UI_EN,
        }
    }
}

/// Breaks `text` into lines of at most `width` characters (longer words stay whole). The first
/// line starts with `first`, the others with `rest`, so list items hang. Paragraph breaks in the
/// text are kept.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> String {
    let mut out = String::new();
    let mut indent = first;
    for (i, para) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut line = String::from(indent);
        let mut empty = true;
        for word in para.split_whitespace() {
            let len = line.chars().count() + word.chars().count() + usize::from(!empty);
            if !empty && len > width {
                out.push_str(&line);
                out.push('\n');
                indent = rest;
                line = String::from(indent);
                empty = true;
            }
            if !empty {
                line.push(' ');
            }
            line.push_str(word);
            empty = false;
        }
        out.push_str(&line);
        indent = rest;
    }
    out
}

/// Keeps a person's own words from being read as Markdown markup, and on one line.
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}
