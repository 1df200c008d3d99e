//! The action plan in a document: its items with owner, due date, status and note, and its
//! progress. The history events of the plan go into the record's history (see
//! [`super::history`]). Past-due items are for `plan`, which knows what day it is; a document
//! says what was recorded.
use crate::locale::plan::{self as words, due, level, owner, progress, status};
use crate::record::Record;
use crate::record::plan::PlanView;
use crate::text::{Lang, md_escape, one_line};

/// The plan along the record's own advice; `None` when there is nothing to show (no advice, or
/// advice without actions, and nothing recorded).
fn view(r: &Record) -> Option<PlanView> {
    let view = r.plan_view();
    (!view.is_empty()).then_some(view)
}

/// How many actions are done, without a day: a document tells nothing as past due.
fn done(view: &PlanView, lang: Lang) -> String {
    progress(&view.progress(""), lang)
}

/// The plan for `show`: a heading, the items, the progress.
pub(super) fn text(r: &Record, lang: Lang) -> String {
    let Some(view) = view(r) else {
        return String::new();
    };
    format!(
        "\n{}\n{}\n  {}\n",
        words::words(lang).heading,
        words::items_text(&view, "  ", lang),
        done(&view, lang)
    )
}

/// The plan in Markdown: a table of the items, then the progress.
pub(super) fn markdown(r: &Record, lang: Lang) -> String {
    let Some(view) = view(r) else {
        return String::new();
    };
    let w = words::words(lang);
    let f = |field: crate::record::plan::Field| field.label(lang);
    use crate::record::plan::Field;
    let mut s = format!(
        "\n## {}\n\n| {} | {} | {} | {} | {} | {} | {} |\n| --- | --- | --- | --- | --- | --- | --- |\n",
        w.heading,
        w.number,
        w.action,
        capital(w.level),
        capital(f(Field::Owner)),
        capital(f(Field::Due)),
        capital(f(Field::Status)),
        capital(f(Field::Note)),
    );
    for l in &view.lines {
        s.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} |\n",
            l.number,
            md_escape(&l.title),
            level(l.level, lang),
            md_escape(&owner(l, lang)),
            md_escape(&due(l, lang)),
            md_escape(&status(l, lang)),
            md_escape(&one_line(&l.item.note)),
        ));
    }
    s.push_str(&format!("\n**{}**\n", md_escape(&done(&view, lang))));
    s
}

/// The plan in HTML, every text from the record escaped by `h`.
pub(super) fn html(r: &Record, lang: Lang, h: fn(&str) -> String) -> String {
    let Some(view) = view(r) else {
        return String::new();
    };
    let w = words::words(lang);
    use crate::record::plan::Field;
    let f = |field: Field| capital(field.label(lang));
    let mut s = format!(
        "<h2>{}</h2>\n<table class=\"plan\">\n<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n",
        w.heading,
        w.number,
        w.action,
        capital(w.level),
        f(Field::Owner),
        f(Field::Due),
        f(Field::Status),
        f(Field::Note),
    );
    for l in &view.lines {
        s.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            l.number,
            h(&l.title),
            level(l.level, lang),
            h(&owner(l, lang)),
            h(&due(l, lang)),
            h(&status(l, lang)),
            h(&l.item.note),
        ));
    }
    s.push_str(&format!(
        "</table>\n<p><strong>{}</strong></p>\n",
        h(&done(&view, lang))
    ));
    s
}

/// A label as a table's heading: its first letter a capital.
fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
