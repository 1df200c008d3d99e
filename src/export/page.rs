//! The record as one self-contained, printable HTML page.
use super::{check_command, facts, history, notes, or_none, signer_key, words};
use crate::record::{Record, time};
use crate::text::{Lang, html_escape as h};

/// The page's style, shared with the other printable pages (a comparison).
pub(crate) const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#111;background:#fff}\
h1{font-size:1.6rem}h2{font-size:1.25rem;border-bottom:1px solid #999;padding-bottom:.2rem;margin-top:2rem}\
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.25rem .5rem;border-bottom:1px solid #ddd}th{width:14rem}\
.verdict{font-size:1.2rem;font-weight:bold;padding:.5rem .75rem;border:2px solid #111}\
.plan th{width:auto}.src{color:#444;font-size:.9rem}.level{font-weight:bold}li{margin-bottom:.6rem}code{font-size:.85rem}\
@media print{body{margin:0;max-width:none}h2{break-after:avoid}li{break-inside:avoid}}";

/// One self-contained, printable HTML file: no scripts, no external resources.
pub fn html(r: &Record, lang: Lang) -> String {
    let w = words(lang);
    let ui = lang.ui();
    let mut s = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{} {} — {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        lang.code(),
        w.record,
        h(r.title(lang)),
        h(&r.id)
    );
    s.push_str(&format!(
        "<h1>{} {}</h1>\n<table>\n",
        w.record,
        h(r.title(lang))
    ));
    s.push_str(&format!(
        "<tr><th>ID</th><td><code>{}</code> ({} {})</td></tr>\n",
        h(&r.id),
        w.revision,
        r.revision
    ));
    for (k, v) in facts(r, lang) {
        s.push_str(&format!("<tr><th>{k}</th><td>{}</td></tr>\n", h(&v)));
    }
    s.push_str("</table>\n");
    s.push_str(&format!("<h2>{}</h2>\n", w.signoff));
    match &r.signoff {
        None => s.push_str(&format!("<p>{}</p>\n", w.not_signed)),
        Some(so) => {
            let (who, by) = super::signed_by(so, w, lang);
            let conditions = match so.conditions.is_empty() {
                true => String::new(),
                false => format!(
                    "<tr><th>{}</th><td>{}</td></tr>",
                    crate::locale::signoff::words(lang).conditions,
                    h(&so.conditions)
                ),
            };
            s.push_str(&format!(
                "<table><tr><th>{}</th><td>{}</td></tr><tr><th>{}</th><td>{}</td></tr><tr><th>{}</th><td><strong>{}</strong></td></tr>{conditions}<tr><th>{}</th><td>{}</td></tr><tr><th>{}</th><td><code>{}</code></td></tr></table>\n",
                who,
                h(&by),
                w.date,
                h(&time::date_in_words(&so.date, lang)),
                w.decision,
                so.decision.label(lang),
                w.remarks,
                h(&so.remarks),
                w.key,
                h(&signer_key(r, w))
            ));
        }
    }
    let notes = notes(r, lang);
    if !notes.is_empty() {
        s.push_str(&format!("<h2>{}</h2>\n<ul>\n", w.notes));
        for (at, n) in notes {
            // The note's lines stay lines.
            let lines: Vec<String> = n.lines().map(h).collect();
            s.push_str(&format!("<li>{}: {}</li>\n", h(&at), lines.join("<br>\n")));
        }
        s.push_str("</ul>\n");
    }
    match &r.outcome {
        None => s.push_str(&format!("<p>{}</p>\n", w.unfinished)),
        Some(a) => {
            s.push_str(&format!(
                "<h2>{}</h2>\n<p class=\"verdict\">{}: {}</p>\n",
                ui.advice,
                ui.verdict,
                h(&a.verdict.label)
            ));
            blocked(&mut s, a, lang);
            s.push_str(&format!("<h2>{}</h2>\n<table>\n", ui.findings));
            for f in &a.finding_labels {
                s.push_str(&format!(
                    "<tr><th>{}</th><td>{}</td></tr>\n",
                    h(&f.title),
                    h(&f.label)
                ));
            }
            s.push_str("</table>\n");
            if a.other_warnings().next().is_some() {
                s.push_str(&format!("<h2>{}</h2>\n<ul>\n", ui.warnings));
                for x in a.other_warnings() {
                    s.push_str(&format!(
                        "<li><strong>{}</strong><br>{}<br><span class=\"src\">{}: {}</span></li>\n",
                        h(&x.title),
                        h(&x.text),
                        ui.sources,
                        h(&x.sources.join("; "))
                    ));
                }
                s.push_str("</ul>\n");
            }
            if !a.reasons.is_empty() {
                s.push_str(&format!("<h2>{}</h2>\n<ul>\n", ui.why));
                for x in &a.reasons {
                    s.push_str(&format!(
                        "<li>{}<br><span class=\"src\">{}: {}</span></li>\n",
                        h(&x.text),
                        ui.sources,
                        h(&x.sources.join("; "))
                    ));
                }
                s.push_str("</ul>\n");
            }
            // Under the heading of a blocked plan, the action lists are one level lower.
            let level = match a.actions_heading(ui) {
                Some(heading) => {
                    s.push_str(&format!("<h2>{heading}</h2>\n"));
                    "h3"
                }
                None => "h2",
            };
            for (heading, list) in a.action_lists(ui) {
                if list.is_empty() {
                    continue;
                }
                s.push_str(&format!("<{level}>{heading}</{level}>\n<ol>\n"));
                for x in list {
                    s.push_str(&format!(
                        "<li><strong>{}</strong><br>{}<br><span class=\"src\">{}: {}</span></li>\n",
                        h(&x.title),
                        h(&x.rationale),
                        ui.sources,
                        h(&x.sources.join("; "))
                    ));
                }
                s.push_str("</ol>\n");
            }
            if a.actions.is_empty() {
                s.push_str(&format!("<p>{}</p>\n", ui.no_actions));
            }
            if !a.notes.is_empty() {
                s.push_str(&format!("<h2>{}</h2>\n<ul>\n", ui.law_notes));
                for n in &a.notes {
                    s.push_str(&format!(
                        "<li><strong>{}</strong> ({} {})<br>{}<br><span class=\"src\">{}: {}</span></li>\n",
                        h(&n.title),
                        ui.checked,
                        h(&n.checked),
                        h(&n.text),
                        ui.sources,
                        h(&n.sources.join("; "))
                    ));
                }
                s.push_str("</ul>\n");
            }
            s.push_str(&format!("<h2>{}</h2>\n<table>\n", ui.answers));
            for x in &a.answer_labels {
                let answer = if x.answer.is_empty() {
                    format!("({})", ui.none)
                } else {
                    x.answer.clone()
                };
                // The justification under the answer, in the same cell: it belongs to it.
                let justification = x
                    .justification
                    .as_ref()
                    .map(|j| format!("<br><em>{}:</em> {}", ui.justification, h(j)))
                    .unwrap_or_default();
                s.push_str(&format!(
                    "<tr><th>{}</th><td>{}{justification}</td></tr>\n",
                    h(&x.question),
                    h(&answer)
                ));
            }
            s.push_str("</table>\n");
            s.push_str(&format!("<h2>{}</h2>\n<table>\n", w.register));
            for line in &a.register {
                s.push_str(&format!(
                    "<tr><th>{}</th><td>{}</td></tr>\n",
                    h(&line.label),
                    h(or_none(&line.value, w))
                ));
            }
            s.push_str("</table>\n");
        }
    }
    s.push_str(&super::plan::html(r, lang, h));
    s.push_str(&format!("<h2>{}</h2>\n<table>\n", w.history));
    for (at, what) in history(r, lang) {
        s.push_str(&format!(
            "<tr><td><code>{}</code></td><td>{}</td></tr>\n",
            h(&at),
            h(&what)
        ));
    }
    s.push_str("</table>\n");
    s.push_str(&format!(
        "<p class=\"src\">{}: <code>{}</code><br>{}<br><code>{}</code></p>\n</body>\n</html>\n",
        w.integrity,
        h(&r.integrity.hash),
        h(w.check_with),
        h(&check_command(r))
    ));
    s
}

/// What blocks the plan and the remedies, for an advice that has them.
fn blocked(s: &mut String, a: &crate::advice::Advice, lang: Lang) {
    let ui = lang.ui();
    let Some(heading) = a.blocking_heading(ui) else {
        return;
    };
    s.push_str(&format!("<h2>{heading}</h2>\n<ul>\n"));
    let (warnings, actions) = a.blockers();
    let list = warnings
        .iter()
        .map(|w| (&w.title, &w.text, &w.sources))
        .chain(actions.iter().map(|x| (&x.title, &x.rationale, &x.sources)));
    for (title, text, sources) in list {
        s.push_str(&format!(
            "<li><strong>{}</strong><br>{}<br><span class=\"src\">{}: {}</span></li>\n",
            h(title),
            h(text),
            ui.sources,
            h(&sources.join("; "))
        ));
    }
    s.push_str(&format!("</ul>\n<h2>{}</h2>\n", ui.remedies));
    if a.remedies.is_empty() {
        s.push_str(&format!("<p>{}</p>\n", ui.no_remedy));
        return;
    }
    s.push_str("<ol>\n");
    for r in &a.remedies {
        let changes: Vec<String> = r.change_lines(ui).iter().map(|l| h(l)).collect();
        s.push_str(&format!("<li><strong>{}</strong>", changes.join("<br>")));
        for (label, text) in r.details(ui) {
            s.push_str(&format!("<br>{label}: {}", h(&text)));
        }
        s.push_str("</li>\n");
    }
    s.push_str("</ol>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_everything_a_person_typed() {
        assert_eq!(h("<script>&\"'"), "&lt;script&gt;&amp;&quot;&#39;");
    }
}
