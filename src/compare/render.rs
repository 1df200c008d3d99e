//! A comparison as text for the terminal, as Markdown and as one self-contained HTML page for
//! the register. The three are drawn from one list of parts, so they never say different
//! things. Every text from a record or a bank is escaped for its format: kept on one line in
//! text, escaped in Markdown and HTML; and the whole is cleaned with [`for_terminal`], to a
//! file as much as to stdout, as the record's exports are.
use serde_json::Value;

use super::{AnswerDiff, Comparison, Delta, Label, RemedyLabel, Shown, Side, TextSource};
use crate::locale::compare::{Words, words};
use crate::text::{Lang, for_terminal, html_escape as h, md_escape, one_line};

/// The forms a comparison is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Md,
    Html,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Text, Format::Md, Format::Html];

    pub fn ext(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Md => "md",
            Format::Html => "html",
        }
    }

    /// The format a file name asks for by its extension, if any.
    pub fn of_file(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        Format::ALL.into_iter().find(|f| f.ext() == ext)
    }
}

/// The comparison as text for the terminal.
pub fn describe(c: &Comparison, lang: Lang) -> String {
    render(c, Format::Text, lang)
}

/// The comparison in `format`, cleaned for a terminal and for a file alike.
pub fn render(c: &Comparison, format: Format, lang: Lang) -> String {
    let parts = parts(c, lang);
    let s = match format {
        Format::Text => text(c, &parts, lang),
        Format::Md => markdown(c, &parts, lang),
        Format::Html => html(c, &parts, lang),
    };
    for_terminal(&s).into_owned()
}

/// One section: its heading, a line said first, and what differs. The interface draws the
/// same sections (`tui::view::compare`), so the screen and the files never say different things.
pub(crate) struct Part {
    pub title: &'static str,
    pub note: Option<&'static str>,
    pub body: Body,
}

pub(crate) enum Body {
    /// Nothing differs.
    Same,
    /// Rows of a table: what they name (a question, a finding), then A's and B's.
    Rows {
        column: &'static str,
        rows: Vec<Row>,
    },
    /// What B adds and drops.
    Delta(Vec<String>, Vec<String>),
}

pub(crate) struct Row {
    pub label: String,
    /// A row about the row above it (a justification, a note).
    pub sub: bool,
    pub a: String,
    pub b: String,
}

pub(crate) fn parts(c: &Comparison, lang: Lang) -> Vec<Part> {
    let w = words(lang);
    let rows = |column, rows: Vec<Row>| match rows.is_empty() {
        true => Body::Same,
        false => Body::Rows { column, rows },
    };
    let verdict = |v: &Option<Shown>| v.as_ref().map_or(w.no_advice.to_string(), shown);
    let mut out = Vec::new();
    // Only when it differs: most comparisons are of one campaign's revisions.
    if !c.campaign.is_empty() {
        let said = |s: &str| match s.trim() {
            "" => w.none.to_string(),
            s => s.to_string(),
        };
        out.push(Part {
            title: w.campaign,
            note: None,
            body: Body::Rows {
                column: w.campaign_part,
                rows: c
                    .campaign
                    .iter()
                    .map(|d| Row {
                        label: w
                            .campaign_parts
                            .get(d.part)
                            .copied()
                            .unwrap_or("")
                            .to_string(),
                        sub: false,
                        a: said(&d.a),
                        b: said(&d.b),
                    })
                    .collect(),
            },
        });
    }
    out.push(Part {
        title: w.verdict,
        note: None,
        body: Body::Rows {
            column: "",
            rows: vec![Row {
                label: w.verdict.to_string(),
                sub: false,
                a: verdict(&c.verdicts[0]),
                b: verdict(&c.verdicts[1]),
            }],
        },
    });
    let mut answers: Vec<Row> = c
        .answers
        .iter()
        .filter(|d| d.differs())
        .flat_map(|d| answer_rows(d, w))
        .collect();
    if c.session_note[0] != c.session_note[1] {
        answers.push(Row {
            label: w.session_note.to_string(),
            sub: false,
            a: given(&c.session_note[0], w),
            b: given(&c.session_note[1], w),
        });
    }
    out.push(Part {
        title: w.answers,
        note: None,
        body: rows(w.question, answers),
    });
    let finding = |v: &Option<Shown>| v.as_ref().map_or(w.no_advice.to_string(), shown);
    out.push(Part {
        title: w.findings,
        note: (c.a.advised != c.b.advised).then_some(w.one_has_advice),
        body: rows(
            w.finding,
            c.findings
                .iter()
                .map(|f| Row {
                    label: label(&f.finding),
                    sub: false,
                    a: finding(&f.a),
                    b: finding(&f.b),
                })
                .collect(),
        ),
    });
    for (title, delta) in [(w.required, &c.required), (w.recommended, &c.recommended)] {
        out.push(Part {
            title,
            note: None,
            body: delta_body(delta, label),
        });
    }
    // Only where a plan is blocked: remedies are no part of an allowed plan's advice.
    if c.blocked.iter().any(|&b| b) || !c.remedies.is_empty() {
        out.push(Part {
            title: w.remedies,
            note: None,
            body: delta_body(&c.remedies, |r| remedy(r, w)),
        });
    }
    out
}

fn delta_body<T>(d: &Delta<T>, say: impl Fn(&T) -> String) -> Body {
    match d.is_empty() {
        true => Body::Same,
        false => Body::Delta(
            d.added.iter().map(&say).collect(),
            d.dropped.iter().map(&say).collect(),
        ),
    }
}

/// A question that differs: its answers, then its justifications and notes where they differ.
fn answer_rows(d: &AnswerDiff, w: &Words) -> Vec<Row> {
    let answer = |on: bool, s: &Option<Shown>| match (on, s) {
        (false, _) => w.not_asked.to_string(),
        (true, None) => w.not_answered.to_string(),
        (true, Some(s)) => shown(s),
    };
    let mut rows = vec![Row {
        label: label(&d.question),
        sub: false,
        a: answer(d.on_a, &d.a),
        b: answer(d.on_b, &d.b),
    }];
    for (name, pair) in [(w.justification, &d.justification), (w.note, &d.note)] {
        if pair[0] != pair[1] {
            rows.push(Row {
                label: name.to_string(),
                sub: true,
                a: given(&pair[0], w),
                b: given(&pair[1], w),
            });
        }
    }
    rows
}

fn given(s: &Option<String>, w: &Words) -> String {
    s.clone().unwrap_or_else(|| w.none.to_string())
}

fn label(l: &Label) -> String {
    l.text.clone().unwrap_or_else(|| l.id.clone())
}

/// A value as a person reads it: its label, else the value as the answers file gives it.
fn shown(s: &Shown) -> String {
    if let Some(l) = &s.label {
        return l.clone();
    }
    match &s.value {
        Value::String(x) => x.clone(),
        Value::Array(items) => items
            .iter()
            .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string))
            .collect::<Vec<_>>()
            .join(", "),
        v => v.to_string(),
    }
}

/// "<question>: <from> → <to>; … (verdict then: <verdict>)".
fn remedy(r: &RemedyLabel, w: &Words) -> String {
    let changes: Vec<String> = r
        .changes
        .iter()
        .map(|c| {
            format!(
                "{}: {} → {}",
                label(&c.question),
                shown(&c.from),
                shown(&c.to)
            )
        })
        .collect();
    format!(
        "{} ({}: {})",
        changes.join("; "),
        w.verdict_then,
        shown(&r.verdict)
    )
}

/// The head's facts of one side, as (label, value).
pub(crate) fn facts(s: &Side, lang: Lang) -> [(&'static str, String); 5] {
    let w = words(lang);
    let mut bank = format!("{} {}", s.bank.id, s.bank.version);
    match s.texts {
        TextSource::Bank => {}
        TextSource::Record(l) => bank.push_str(&format!(" ({}, {})", w.texts_of_record, l.code())),
        TextSource::Ids => bank.push_str(&format!(" ({})", w.texts_ids)),
    }
    [
        (w.record, s.id.clone()),
        (w.campaign, title(s, lang)),
        (w.revision, s.revision.to_string()),
        (w.status, status(s, lang)),
        (w.bank, bank),
    ]
}

fn title(s: &Side, lang: Lang) -> String {
    match s.title.trim() {
        "" => crate::locale::record::untitled(lang).to_string(),
        _ => s.title.clone(),
    }
}

/// "afgetekend: goedgekeurd met voorwaarden".
fn status(s: &Side, lang: Lang) -> String {
    match s.signed {
        Some(d) => format!("{}: {}", s.status.label(lang), d.label(lang)),
        None => s.status.label(lang).to_string(),
    }
}

fn text(c: &Comparison, parts: &[Part], lang: Lang) -> String {
    let w = words(lang);
    let line = |s: &String| one_line(s).into_owned();
    let mut s = String::new();
    for (name, side) in [("A", &c.a), ("B", &c.b)] {
        s.push_str(&format!(
            "{name}: {} — {} ({} {}, {})\n",
            side.id,
            line(&title(side, lang)),
            w.revision,
            side.revision,
            status(side, lang)
        ));
    }
    if c.bank_differs {
        s.push_str(&format!(
            "{} A {}, B {}\n",
            w.other_bank,
            line(&facts(&c.a, lang)[4].1),
            line(&facts(&c.b, lang)[4].1)
        ));
    }
    for p in parts {
        s.push_str(&format!("\n{}\n", p.title));
        if let Some(n) = p.note {
            s.push_str(&format!("  {n}\n"));
        }
        match &p.body {
            Body::Same => s.push_str(&format!("  {}\n", w.same)),
            Body::Rows { column, rows } => {
                for r in rows {
                    let ab = format!("A: {} | B: {}", line(&r.a), line(&r.b));
                    match (r.sub, column.is_empty()) {
                        (_, true) => s.push_str(&format!("  {ab}\n")),
                        (true, false) => s.push_str(&format!("    {}: {ab}\n", line(&r.label))),
                        (false, false) => s.push_str(&format!("  {}\n    {ab}\n", line(&r.label))),
                    }
                }
            }
            Body::Delta(added, dropped) => {
                for (name, items) in [(w.added, added), (w.dropped, dropped)] {
                    if !items.is_empty() {
                        s.push_str(&format!("  {name}:\n"));
                    }
                    for i in items {
                        s.push_str(&format!("    - {}\n", line(i)));
                    }
                }
            }
        }
    }
    if c.is_same() {
        s.push_str(&format!("\n{}\n", w.no_differences));
    }
    s
}

fn markdown(c: &Comparison, parts: &[Part], lang: Lang) -> String {
    let w = words(lang);
    let m = |s: &str| md_escape(s);
    let mut s = format!("# {}\n\n| | A | B |\n| --- | --- | --- |\n", w.title);
    for ((k, a), (_, b)) in facts(&c.a, lang).iter().zip(facts(&c.b, lang).iter()) {
        s.push_str(&format!("| {} | {} | {} |\n", capital(k), m(a), m(b)));
    }
    if c.bank_differs {
        s.push_str(&format!("\n**{}** A ≠ B\n", w.other_bank));
    }
    for p in parts {
        s.push_str(&format!("\n## {}\n\n", p.title));
        if let Some(n) = p.note {
            s.push_str(&format!("*{n}*\n\n"));
        }
        match &p.body {
            Body::Same => s.push_str(&format!("{}\n", w.same)),
            Body::Rows { column, rows } => {
                s.push_str(&format!("| {column} | A | B |\n| --- | --- | --- |\n"));
                for r in rows {
                    let arrow = if r.sub { "↳ " } else { "" };
                    s.push_str(&format!(
                        "| {arrow}{} | {} | {} |\n",
                        m(&r.label),
                        m(&r.a),
                        m(&r.b)
                    ));
                }
            }
            Body::Delta(added, dropped) => {
                for (name, items) in [(w.added, added), (w.dropped, dropped)] {
                    if items.is_empty() {
                        continue;
                    }
                    s.push_str(&format!("**{name}**\n\n"));
                    for i in items {
                        s.push_str(&format!("- {}\n", m(i)));
                    }
                    s.push('\n');
                }
                s.truncate(s.trim_end().len());
                s.push('\n');
            }
        }
    }
    if c.is_same() {
        s.push_str(&format!("\n**{}**\n", w.no_differences));
    }
    s
}

/// "revisie" → "Revisie", for a label at the start of a row.
fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn html(c: &Comparison, parts: &[Part], lang: Lang) -> String {
    let w = words(lang);
    let mut s = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{} — {} / {}</title>\n<style>{}</style>\n</head>\n<body>\n<h1>{}</h1>\n<table>\n<tr><th></th><th>A</th><th>B</th></tr>\n",
        lang.code(),
        w.title,
        h(&c.a.id),
        h(&c.b.id),
        crate::export::STYLE,
        w.title
    );
    for ((k, a), (_, b)) in facts(&c.a, lang).iter().zip(facts(&c.b, lang).iter()) {
        s.push_str(&format!(
            "<tr><th>{}</th><td>{}</td><td>{}</td></tr>\n",
            capital(k),
            h(a),
            h(b)
        ));
    }
    s.push_str("</table>\n");
    if c.bank_differs {
        s.push_str(&format!("<p><strong>{}</strong> A ≠ B</p>\n", w.other_bank));
    }
    for p in parts {
        s.push_str(&format!("<h2>{}</h2>\n", p.title));
        if let Some(n) = p.note {
            s.push_str(&format!("<p><em>{n}</em></p>\n"));
        }
        match &p.body {
            Body::Same => s.push_str(&format!("<p>{}</p>\n", w.same)),
            Body::Rows { column, rows } => {
                s.push_str(&format!(
                    "<table class=\"compare\">\n<tr><th>{column}</th><th>A</th><th>B</th></tr>\n"
                ));
                for r in rows {
                    let (open, arrow) = match r.sub {
                        true => ("<tr class=\"sub\">", "↳ "),
                        false => ("<tr>", ""),
                    };
                    s.push_str(&format!(
                        "{open}<th>{arrow}{}</th><td>{}</td><td>{}</td></tr>\n",
                        h(&r.label),
                        h(&r.a),
                        h(&r.b)
                    ));
                }
                s.push_str("</table>\n");
            }
            Body::Delta(added, dropped) => {
                for (name, items) in [(w.added, added), (w.dropped, dropped)] {
                    if items.is_empty() {
                        continue;
                    }
                    s.push_str(&format!("<h3>{name}</h3>\n<ul>\n"));
                    for i in items {
                        s.push_str(&format!("<li>{}</li>\n", h(i)));
                    }
                    s.push_str("</ul>\n");
                }
            }
        }
    }
    if c.is_same() {
        s.push_str(&format!("<p><strong>{}</strong></p>\n", w.no_differences));
    }
    s.push_str("</body>\n</html>\n");
    s
}
