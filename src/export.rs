//! A record as a person or a register reads it: text (for `show`), Markdown, a self-contained
//! printable HTML page, and one CSV row with the fields of a processing-register entry.
//! Everything shown comes from the record itself, so an export says what was shown then,
//! whatever bank is loaded now.
mod page;
mod plan;
pub mod register;
mod sheet;
pub mod xlsx;

use crate::locale::document::{Words, event_text, words};
use crate::record::{Event, Record, SESSION_NOTE, time};
use crate::text::{Lang, for_terminal, md_escape, wrap};

pub(crate) use page::STYLE;
pub use page::html;
pub use sheet::{SEPARATOR, csv, csv_with};

/// The formats a record can be exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Md,
    Html,
    Json,
    Csv,
    /// The FG's SSH signature alone, as `ssh-keygen -Y verify -s` reads it; only for a signed
    /// record, so not among the formats every record offers.
    Sig,
}

impl Format {
    /// The formats every record can be exported in.
    pub const ALL: [Format; 4] = [Format::Md, Format::Html, Format::Json, Format::Csv];

    pub fn ext(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Sig => "sig",
        }
    }
}

/// A record exported in `format`. JSON is the record file itself: `stored` gives that file's
/// bytes, so the export still verifies; a record not in a store is written as it is saved.
///
/// The other formats are cleaned with [`for_terminal`], to a file as much as to stdout: a
/// Markdown or CSV file is read with `cat` as often as in an editor, and a control that would
/// steer a terminal or reorder a printed HTML page has no place in a register entry.
pub fn render(r: &Record, format: Format, lang: Lang, stored: Option<Vec<u8>>) -> Vec<u8> {
    render_with(r, format, lang, stored, SEPARATOR)
}

/// [`render`], with `separator` between the cells of a CSV.
pub fn render_with(
    r: &Record,
    format: Format,
    lang: Lang,
    stored: Option<Vec<u8>>,
    separator: char,
) -> Vec<u8> {
    let clean = |s: String| for_terminal(&s).into_owned().into_bytes();
    match format {
        Format::Md => clean(markdown(r, lang)),
        Format::Html => clean(html(r, lang)),
        Format::Csv => clean(csv_with(r, lang, separator)),
        Format::Json => stored.unwrap_or_else(|| r.clone().to_json().into_bytes()),
        Format::Sig => r
            .signature
            .as_ref()
            .map(|s| s.armored.clone().into_bytes())
            .unwrap_or_default(),
    }
}

/// The key the FG signed with, by its fingerprint as `ssh-keygen -l` shows it.
fn signer_key(r: &Record, w: &Words) -> String {
    match &r.signature {
        Some(s) => s.key_fingerprint.clone(),
        None => w.no_key.to_string(),
    }
}

/// Who signed, and the label to say it with: the name alone under "name" for a sign-off
/// without roles (as records signed before roles read), else every signer with their role.
fn signed_by(so: &crate::record::SignOff, w: &Words, lang: Lang) -> (&'static str, String) {
    match so.role.is_empty() && so.also.is_empty() {
        true => (w.name, so.name.clone()),
        false => (crate::locale::signoff::words(lang).signers, so.signed_by()),
    }
}

/// The command that checks the record file against the fingerprint in the register.
fn check_command(r: &Record) -> String {
    format!(
        "avg-wijzer verify {}.json --expect {}",
        r.id, r.integrity.hash
    )
}

/// The facts at the head of every form: (label, value), empty values left out.
fn facts(r: &Record, lang: Lang) -> Vec<(&'static str, String)> {
    let w = words(lang);
    let mut v = vec![
        (w.campaign, r.title(lang).to_string()),
        (w.description, r.campaign.description.clone()),
        (w.organisation, r.campaign.organisation.clone()),
        (w.status, r.status.label(lang).to_string()),
        (w.created, time::in_words(&r.created, lang)),
        (w.updated, time::in_words(&r.updated, lang)),
        (
            w.completed,
            r.completed
                .as_deref()
                .map(|at| time::in_words(at, lang))
                .unwrap_or_default(),
        ),
        (
            w.participants,
            crate::record::Participant::list_line(&r.participants),
        ),
        (
            w.bank,
            format!(
                "{} {} (sha256 {})",
                r.bank.id, r.bank.version, r.bank.sha256
            ),
        ),
        (w.tool, format!("{} {}", r.tool.name, r.tool.version)),
        (
            w.previous,
            r.previous
                .as_ref()
                .map(|p| match &p.hash {
                    Some(h) => format!("{} (sha256 {h})", p.id),
                    None => p.id.clone(),
                })
                .unwrap_or_default(),
        ),
    ];
    v.retain(|(_, value)| !value.trim().is_empty());
    v
}

/// Notes as (where, text): the session note first, then per question in the order asked
/// (a note on a question no longer on the path after those).
fn notes(r: &Record, lang: Lang) -> Vec<(String, String)> {
    let w = words(lang);
    let mut out = Vec::new();
    if let Some(n) = r.notes.get(SESSION_NOTE) {
        out.push((w.whole_session.to_string(), n.clone()));
    }
    let labels = r.outcome.as_ref().map_or(&[][..], |o| &o.answer_labels[..]);
    let place = |id: &str| labels.iter().position(|a| a.id == id);
    let mut on_questions: Vec<(&String, &String)> = r
        .notes
        .iter()
        .filter(|(q, _)| q.as_str() != SESSION_NOTE)
        .collect();
    on_questions.sort_by_key(|(q, _)| place(q).unwrap_or(usize::MAX));
    for (q, n) in on_questions {
        let prompt = place(q).map_or(q.as_str(), |i| labels[i].question.as_str());
        out.push((format!("{} \"{}\"", w.at_question, prompt), n.clone()));
    }
    out
}

/// A text of several lines (a note) in a Markdown list item: each line escaped, a hard line
/// break (a backslash at the line's end) between them and each next line indented under the
/// item, so the lines stay lines and stay in the item. A line that would open a list, a
/// heading or a fence is escaped too; blank lines are left out, as they would end the item.
fn md_lines(text: &str) -> String {
    text.split('\n')
        .map(|l| l.trim_end_matches('\r').trim())
        .filter(|l| !l.is_empty())
        .map(|l| {
            let e = md_escape(l);
            let digits = e.find(|c: char| !c.is_ascii_digit()).unwrap_or(0);
            if e.starts_with(['-', '+', '=', '~']) {
                format!("\\{e}")
            } else if digits > 0 && e[digits..].starts_with(['.', ')']) {
                format!("{}\\{}", &e[..digits], &e[digits..])
            } else {
                e
            }
        })
        .collect::<Vec<_>>()
        .join("\\\n  ")
}

/// The record's history as (when, in local time in words; what happened): the assessment's
/// events and those of its action plan, merged by time (the assessment's first at the same
/// moment), each history in its own order.
fn history(r: &Record, lang: Lang) -> Vec<(String, String)> {
    let own = r.history.iter().map(|e: &Event| event_text(e, lang));
    let mut plan = r
        .plan
        .history
        .iter()
        .map(|e| crate::locale::plan::event_text(e, lang))
        .peekable();
    let mut out = Vec::with_capacity(r.history.len() + r.plan.history.len());
    for (at, what) in own {
        while let Some(earlier) = plan.next_if(|(p, _)| p.as_str() < at.as_str()) {
            out.push(earlier);
        }
        out.push((at, what));
    }
    out.extend(plan);
    out.into_iter()
        .map(|(at, what)| (time::in_words(&at, lang), what))
        .collect()
}

/// The record as text, for `show` and for a terminal.
pub fn text(r: &Record, lang: Lang) -> String {
    const W: usize = 78;
    let w = words(lang);
    let mut s = format!("{} {} ({} {})\n", w.record, r.id, w.revision, r.revision);
    for (k, v) in facts(r, lang) {
        s.push_str(&wrap(&format!("{k}: {v}"), W, "", "    "));
        s.push('\n');
    }
    s.push_str(&format!("\n{}\n", w.signoff));
    match &r.signoff {
        None => s.push_str(&format!("  {}\n", w.not_signed)),
        Some(so) => {
            let (who, by) = signed_by(so, w, lang);
            s.push_str(&wrap(&format!("{who}: {by}"), W, "  ", "    "));
            s.push_str(&format!(
                "\n  {}: {}\n  {}: {}\n",
                w.date,
                time::date_in_words(&so.date, lang),
                w.decision,
                so.decision.label(lang),
            ));
            if !so.conditions.is_empty() {
                let label = crate::locale::signoff::words(lang).conditions;
                s.push_str(&wrap(
                    &format!("{label}: {}", so.conditions),
                    W,
                    "  ",
                    "    ",
                ));
                s.push('\n');
            }
            s.push_str(&format!("  {}: {}\n", w.key, signer_key(r, w)));
            if !so.remarks.is_empty() {
                s.push_str(&wrap(
                    &format!("{}: {}", w.remarks, so.remarks),
                    W,
                    "  ",
                    "    ",
                ));
                s.push('\n');
            }
        }
    }
    let notes = notes(r, lang);
    if !notes.is_empty() {
        s.push_str(&format!("\n{}\n", w.notes));
        for (at, n) in notes {
            s.push_str(&wrap(&format!("- {at}: {n}"), W, "  ", "    "));
            s.push('\n');
        }
    }
    s.push('\n');
    match &r.outcome {
        Some(advice) => s.push_str(&advice.to_text()),
        None => s.push_str(&format!("{}\n", w.unfinished)),
    }
    if let Some(advice) = &r.outcome {
        s.push_str(&format!("\n{}\n", w.register));
        for line in &advice.register {
            s.push_str(&wrap(
                &format!("- {}: {}", line.label, or_none(&line.value, w)),
                W,
                "  ",
                "    ",
            ));
            s.push('\n');
        }
    }
    s.push_str(&plan::text(r, lang));
    s.push_str(&format!("\n{}\n", w.history));
    for (at, what) in history(r, lang) {
        s.push_str(&wrap(
            &format!("{at}  {what}"),
            W,
            "  ",
            "                          ",
        ));
        s.push('\n');
    }
    s.push_str(&format!("\n{}: {}\n", w.integrity, r.integrity.hash));
    s.push_str(&wrap(w.check_with, W, "", ""));
    s.push_str(&format!("\n  {}\n", check_command(r)));
    s
}

fn or_none<'a>(v: &'a str, w: &Words) -> &'a str {
    if v.trim().is_empty() { w.none } else { v }
}

/// Markdown, for the processing register or an e-mail.
pub fn markdown(r: &Record, lang: Lang) -> String {
    let w = words(lang);
    let mut s = format!("# {} {} — {}\n\n", w.record, md_escape(r.title(lang)), r.id);
    s.push_str("| | |\n| --- | --- |\n");
    s.push_str(&format!("| {} | {} |\n", w.revision, r.revision));
    for (k, v) in facts(r, lang) {
        s.push_str(&format!("| {k} | {} |\n", md_escape(&v)));
    }
    s.push_str(&format!("\n## {}\n\n", w.signoff));
    match &r.signoff {
        None => s.push_str(&format!("{}\n", w.not_signed)),
        Some(so) => {
            let (who, by) = signed_by(so, w, lang);
            s.push_str(&format!(
                "- {who}: {}\n- {}: {}\n- {}: **{}**\n",
                md_escape(&by),
                w.date,
                time::date_in_words(&so.date, lang),
                w.decision,
                so.decision.label(lang),
            ));
            if !so.conditions.is_empty() {
                let label = crate::locale::signoff::words(lang).conditions;
                s.push_str(&format!("- {label}: {}\n", md_escape(&so.conditions)));
            }
            s.push_str(&format!("- {}: {}\n", w.key, md_escape(&signer_key(r, w))));
            if !so.remarks.is_empty() {
                s.push_str(&format!("- {}: {}\n", w.remarks, md_escape(&so.remarks)));
            }
        }
    }
    let notes = notes(r, lang);
    if !notes.is_empty() {
        s.push_str(&format!("\n## {}\n\n", w.notes));
        for (at, n) in notes {
            s.push_str(&format!("- {}: {}\n", md_escape(&at), md_lines(&n)));
        }
    }
    s.push('\n');
    match &r.outcome {
        // The advice's own Markdown, its headings one level down under the record's title.
        Some(advice) => {
            for line in advice.to_markdown().lines() {
                if line.starts_with('#') {
                    s.push('#');
                }
                s.push_str(line);
                s.push('\n');
            }
            s.push_str(&format!("\n## {}\n\n| | |\n| --- | --- |\n", w.register));
            for line in &advice.register {
                s.push_str(&format!(
                    "| {} | {} |\n",
                    md_escape(&line.label),
                    md_escape(or_none(&line.value, w))
                ));
            }
        }
        None => s.push_str(&format!("{}\n", w.unfinished)),
    }
    s.push_str(&plan::markdown(r, lang));
    s.push_str(&format!("\n## {}\n\n", w.history));
    for (at, what) in history(r, lang) {
        s.push_str(&format!("- `{at}` {}\n", md_escape(&what)));
    }
    s.push_str(&format!(
        "\n*{}: `{}`*\n\n*{}*\n\n    {}\n",
        w.integrity,
        r.integrity.hash,
        md_escape(w.check_with),
        check_command(r)
    ));
    s
}
