//! A rendered document as Markdown, as one self-contained HTML page, and as plain text. Every
//! format is cleaned with [`for_terminal`] (a file is read with `cat` as often as in an
//! editor), and the values from outside — the record, the library's facts — are escaped for
//! the format like the bank's words: a campaign named `<script>` stays text.
use super::{Rendered, Span};
use crate::locale::documents::{Words, words};
use crate::text::{for_terminal, html_escape as h, md_escape, wrap};

/// The formats a document can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Md,
    Html,
    Txt,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Md, Format::Html, Format::Txt];

    pub fn ext(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Txt => "txt",
        }
    }

    /// The format a file name asks for by its extension, if any.
    pub fn of_file(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        Format::ALL.into_iter().find(|f| f.ext() == ext)
    }
}

/// `doc` in `format`, cleaned for a terminal and for a file alike.
pub fn render(doc: &Rendered, format: Format) -> Vec<u8> {
    let s = match format {
        Format::Md => markdown(doc),
        Format::Html => html(doc),
        Format::Txt => text(doc),
    };
    for_terminal(&s).into_owned().into_bytes()
}

/// "Verslag X · vragenbank Y · gemaakt op Z": where the document comes from.
/// Where a document comes from: the record, the bank and the day it was made.
pub fn provenance(d: &Rendered, w: &Words) -> String {
    format!(
        "{} {} · {} {} · {} {}",
        w.record, d.record, w.bank, d.bank, w.made, d.date
    )
}

fn note_line(n: &super::NoteRef, w: &Words) -> String {
    format!("{} ({} {})", n.title, w.checked, n.checked)
}

/// The lists after the text, each with its heading, those with no items left out: the
/// sources, the dated notes on current law, and what is still to fill in.
fn lists(d: &Rendered, w: &Words) -> Vec<(&'static str, Vec<String>)> {
    [
        (w.sources, d.sources.clone()),
        (
            w.law_notes,
            d.notes.iter().map(|n| note_line(n, w)).collect(),
        ),
        (
            w.to_fill,
            d.missing.iter().map(|m| m.said(d.lang)).collect(),
        ),
    ]
    .into_iter()
    .filter(|(_, items)| !items.is_empty())
    .collect()
}

pub fn markdown(d: &Rendered) -> String {
    let w = words(d.lang);
    let mut s = format!(
        "# {}\n\n*{}*\n\n*{}*\n",
        md_escape(&d.title),
        md_escape(w.draft),
        md_escape(&provenance(d, w))
    );
    for b in &d.blocks {
        if let Some(h) = &b.heading {
            s.push_str(&format!("\n## {}\n", md_escape(h)));
        }
        for p in &b.paragraphs {
            let line: String = p
                .iter()
                .map(|span| match span {
                    Span::Text(t) => md_escape(t),
                    Span::Missing(m) => format!("**{}**", md_escape(&m.marker(d.lang))),
                })
                .collect();
            s.push_str(&format!("\n{line}\n"));
        }
    }
    for (heading, items) in lists(d, w) {
        s.push_str(&format!("\n## {heading}\n\n"));
        for i in items {
            s.push_str(&format!("- {}\n", md_escape(&i)));
        }
    }
    s
}

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#111;background:#fff}\
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.8rem}\
.meta,.src{color:#444;font-size:.9rem}mark{background:#ffe08a;padding:0 .2rem}\
@media print{body{margin:0;max-width:none}h2{break-after:avoid}p{break-inside:avoid}}";

/// One self-contained, printable HTML file: no scripts, no links, no external resources.
pub fn html(d: &Rendered) -> String {
    let w = words(d.lang);
    let mut s = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n<p class=\"meta\">{}<br>{}</p>\n",
        d.lang.code(),
        h(&d.title),
        h(&d.title),
        h(w.draft),
        h(&provenance(d, w))
    );
    for b in &d.blocks {
        if let Some(heading) = &b.heading {
            s.push_str(&format!("<h2>{}</h2>\n", h(heading)));
        }
        for p in &b.paragraphs {
            let inner: String = p
                .iter()
                .map(|span| match span {
                    Span::Text(t) => h(t),
                    Span::Missing(m) => format!("<mark>{}</mark>", h(&m.marker(d.lang))),
                })
                .collect();
            s.push_str(&format!("<p>{inner}</p>\n"));
        }
    }
    for (heading, items) in lists(d, w) {
        s.push_str(&format!("<h2>{}</h2>\n<ul class=\"src\">\n", h(heading)));
        for i in items {
            s.push_str(&format!("<li>{}</li>\n", h(&i)));
        }
        s.push_str("</ul>\n");
    }
    s.push_str("</body>\n</html>\n");
    s
}

/// Plain text, wrapped for a terminal or a screen reader.
pub fn text(d: &Rendered) -> String {
    const W: usize = 78;
    let w = words(d.lang);
    let mut s = format!(
        "{}\n{}\n{}\n{}\n",
        d.title,
        "=".repeat(d.title.chars().count().min(W)),
        wrap(w.draft, W, "", ""),
        wrap(&provenance(d, w), W, "", "")
    );
    for b in &d.blocks {
        if let Some(heading) = &b.heading {
            s.push_str(&format!(
                "\n{heading}\n{}\n",
                "-".repeat(heading.chars().count().min(W))
            ));
        }
        for p in &b.paragraphs {
            s.push_str(&format!("\n{}\n", wrap(&d.plain(p), W, "", "")));
        }
    }
    for (heading, items) in lists(d, w) {
        s.push_str(&format!("\n{heading}:\n"));
        for i in items {
            s.push_str(&format!("{}\n", wrap(&i, W, "- ", "  ")));
        }
    }
    s
}
