//! A recheck in words: what a record's advice would be under the current rules (opening a
//! record made with another bank, and `avg-wijzer recheck` over the whole store). The items
//! are named as the current bank names them in the run's language; an item the bank no longer
//! has, as the record showed it.
use serde_json::Value;

use crate::app::{Differing, Rechecked};
use crate::bank::Bank;
use crate::engine::Level;
use crate::recheck::{AskWhy, Recheck};
use crate::text::Lang;

/// The first line over a recheck that differs: under which bank.
pub fn differs_heading(r: &Recheck, lang: Lang) -> String {
    let change = r.from.change_to(&r.to);
    match lang {
        Lang::Nl => {
            format!("Onder de huidige regels (vragenbank {change}) zou het advies anders zijn:")
        }
        Lang::En => {
            format!("Under the current rules (question bank {change}) the advice would differ:")
        }
    }
}

/// The line for a recheck that finds the same advice.
pub fn same(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "Het advies blijft onder de huidige regels hetzelfde.",
        Lang::En => "Under the current rules the advice stays the same.",
    }
}

/// The title of the TUI's panel, and how to leave it.
pub fn panel_title(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "Advies onder de huidige regels",
        Lang::En => "Advice under the current rules",
    }
}

pub fn panel_leave(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "Enter of Esc: sluiten",
        Lang::En => "Enter or Esc: close",
    }
}

/// What differs, one item a line, without indentation: the verdict first, then the actions,
/// the findings, the warnings and notes, and the questions asked again.
pub fn lines(r: &Recheck, bank: &Bank, lang: Lang) -> Vec<String> {
    let nl = lang == Lang::Nl;
    let mut out = Vec::new();
    let then = verdict(&r.verdict.then, bank, lang, &r.verdict.then_label);
    out.push(match (&r.verdict.now, nl) {
        (Some(now), true) if *now == r.verdict.then => format!("Oordeel: {then} (ongewijzigd)"),
        (Some(now), false) if *now == r.verdict.then => format!("Verdict: {then} (unchanged)"),
        (Some(now), true) => format!("Oordeel: {then} → {}", verdict(now, bank, lang, "")),
        (Some(now), false) => format!("Verdict: {then} → {}", verdict(now, bank, lang, "")),
        (None, true) => format!("Oordeel: {then} → pas bekend na de vragen hieronder"),
        (None, false) => {
            format!("Verdict: {then} → known only once the questions below are answered")
        }
    });
    let title = |a: &crate::recheck::ActionAt| {
        bank.action_id(&a.id)
            .map(|x| bank.actions[x].title.get(lang).to_string())
            .unwrap_or_else(|| fallback(&a.title, &a.id))
    };
    // An action kept at another level is one line, not one added and one dropped.
    let moved = |a: &crate::recheck::ActionAt, other: &[crate::recheck::ActionAt]| {
        other.iter().any(|b| b.id == a.id)
    };
    for a in &r.actions_added {
        if moved(a, &r.actions_dropped) {
            let said = match (a.level, nl) {
                (Level::Recommended, true) => "Aanbevolen in plaats van verplicht",
                (Level::Required, true) => "Verplicht in plaats van aanbevolen",
                (Level::Recommended, false) => "Recommended instead of required",
                (Level::Required, false) => "Required instead of recommended",
            };
            out.push(format!("{said}: {}", title(a)));
        }
    }
    for (list, other, added) in [
        (&r.actions_added, &r.actions_dropped, true),
        (&r.actions_dropped, &r.actions_added, false),
    ] {
        for a in list.iter().filter(|a| !moved(a, other)) {
            let title = title(a);
            let said = match (a.level, added, nl) {
                (Level::Required, true, true) => "Nu verplicht",
                (Level::Required, false, true) => "Niet meer verplicht",
                (Level::Recommended, true, true) => "Nu aanbevolen",
                (Level::Recommended, false, true) => "Niet meer aanbevolen",
                (Level::Required, true, false) => "Now required",
                (Level::Required, false, false) => "No longer required",
                (Level::Recommended, true, false) => "Now recommended",
                (Level::Recommended, false, false) => "No longer recommended",
            };
            out.push(format!("{said}: {title}"));
        }
    }
    for f in &r.findings {
        let finding = bank.finding_id(&f.id).map(|x| &bank.findings[x]);
        let label = |v: &Value| match v {
            Value::Null => "—".to_string(),
            v => finding
                .and_then(|f| f.values.iter().find(|x| x.value == *v))
                .map_or_else(|| plain(v), |x| x.label.get(lang).to_string()),
        };
        let title = finding.map_or(f.id.as_str(), |f| f.title.get(lang));
        let said = if nl { "Bevinding" } else { "Finding" };
        out.push(format!(
            "{said} {title}: {} → {}",
            label(&f.then),
            label(&f.now)
        ));
    }
    // The title in `lang` of a warning (`true`) or a note, else its id.
    let title = |warning: bool, id: &str| {
        let found = match warning {
            true => bank.warnings.iter().find(|w| w.id == id).map(|w| &w.title),
            false => bank.notes.iter().find(|n| n.id == id).map(|n| &n.title),
        };
        found.map_or(id.to_string(), |t| t.get(lang).to_string())
    };
    let items = [
        (
            &r.warnings_added,
            true,
            ["Nieuwe waarschuwing", "New warning"],
        ),
        (
            &r.warnings_dropped,
            true,
            ["Vervallen waarschuwing", "Warning no longer given"],
        ),
        (
            &r.notes_added,
            false,
            [
                "Nieuwe notitie over het actuele recht",
                "New note on current law",
            ],
        ),
        (
            &r.notes_dropped,
            false,
            [
                "Vervallen notitie over het actuele recht",
                "Note on current law no longer given",
            ],
        ),
    ];
    for (ids, warning, said) in items {
        let said = if nl { said[0] } else { said[1] };
        out.extend(
            ids.iter()
                .map(|id| format!("{said}: {}", title(warning, id))),
        );
    }
    for a in &r.asks {
        let prompt = bank
            .question(&a.question)
            .map_or(a.question.as_str(), |q| q.prompt.get(lang));
        let why = match (a.why, nl) {
            (AskWhy::Unanswered, true) => "nieuwe vraag",
            (AskWhy::NoLongerFits, true) => "het antwoord past niet meer",
            (AskWhy::Unanswered, false) => "a new question",
            (AskWhy::NoLongerFits, false) => "the answer no longer fits",
        };
        let said = if nl {
            "Opnieuw gevraagd"
        } else {
            "Asked again"
        };
        out.push(format!("{said} ({why}): {prompt}"));
    }
    out
}

/// A verdict's label in `lang`, else the label the record showed, else its value.
fn verdict(value: &Value, bank: &Bank, lang: Lang, shown: &str) -> String {
    value
        .as_str()
        .and_then(|v| bank.verdict_label(v, lang))
        .map(str::to_string)
        .unwrap_or_else(|| fallback(shown, &plain(value)))
}

fn fallback(shown: &str, id: &str) -> String {
    match shown.is_empty() {
        true => id.to_string(),
        false => shown.to_string(),
    }
}

/// A value without JSON's quotes.
fn plain(v: &Value) -> String {
    v.as_str().map_or_else(|| v.to_string(), str::to_string)
}

/// `recheck`'s line for one record: id, campaign, status (who signed when), revision and the
/// bank it was made with.
pub fn record_line(d: &Differing, lang: Lang) -> String {
    let campaign = match d.campaign.trim().is_empty() {
        true => super::record::untitled(lang).to_string(),
        false => d.campaign.clone(),
    };
    let status = match &d.signoff {
        Some(s) => match lang {
            Lang::Nl => format!(
                "afgetekend door {} op {} ({})",
                s.name,
                s.date,
                s.decision.label(lang)
            ),
            Lang::En => format!(
                "signed off by {} on {} ({})",
                s.name,
                s.date,
                s.decision.label(lang)
            ),
        },
        None => d.status.label(lang).to_string(),
    };
    let bank = d.bank();
    match lang {
        Lang::Nl => format!(
            "{} {campaign} — {status} — revisie {}, vragenbank {} {}",
            d.id, d.revision, bank.id, bank.version
        ),
        Lang::En => format!(
            "{} {campaign} — {status} — revision {}, question bank {} {}",
            d.id, d.revision, bank.id, bank.version
        ),
    }
}

/// `recheck`'s summary: how many were checked, how many differ, and what was not checked.
pub fn summary(found: &Rechecked, lang: Lang) -> String {
    let (n, k) = (found.checked, found.differing.len());
    let signed = found
        .differing
        .iter()
        .filter(|d| d.signoff.is_some())
        .count();
    let bank = format!("{} {}", found.bank.id, found.bank.version);
    let mut s = match lang {
        Lang::Nl => format!(
            "{n} {} gecontroleerd tegen vragenbank {bank}: bij {k} zou het advies nu anders zijn ({signed} afgetekend).",
            if n == 1 { "verslag" } else { "verslagen" }
        ),
        Lang::En => format!(
            "{n} {} checked against question bank {bank}: {k} would now get other advice ({signed} signed off).",
            if n == 1 { "record" } else { "records" }
        ),
    };
    let mut not = Vec::new();
    // Each as [Dutch one, Dutch more, English one, English more].
    let counts = [
        (found.in_progress, ["nog bezig"; 2], ["in progress"; 2]),
        (
            found.older_revisions,
            ["oudere revisie", "oudere revisies"],
            ["older revision", "older revisions"],
        ),
        (
            found.failed.len(),
            ["gewijzigd of klopt niet"; 2],
            ["altered or not holding"; 2],
        ),
        (found.unreadable.len(), ["onleesbaar"; 2], ["unreadable"; 2]),
    ];
    for (count, nl, en) in counts {
        if count > 0 {
            let said = if lang == Lang::Nl { nl } else { en };
            not.push(format!("{count} {}", said[usize::from(count > 1)]));
        }
    }
    if !not.is_empty() {
        let said = match lang {
            Lang::Nl => "Niet gecontroleerd",
            Lang::En => "Not checked",
        };
        s.push_str(&format!(" {said}: {}.", not.join(", ")));
    }
    s
}

/// A record that fails verification, on standard error: named, never skipped in silence.
pub fn failed(why: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("niet gecontroleerd: {why}"),
        Lang::En => format!("not checked: {why}"),
    }
}

/// For a record opened with a changed bank: the heading and the lines, or the one line that
/// says nothing changed.
pub fn on_opening(r: &Recheck, bank: &Bank, lang: Lang) -> Vec<String> {
    match r.differs() {
        true => std::iter::once(differs_heading(r, lang))
            .chain(lines(r, bank, lang))
            .collect(),
        false => vec![same(lang).to_string()],
    }
}
