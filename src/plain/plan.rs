//! The action plan in the plain mode: shown after the advice as plain numbered lines, and
//! changed one item per line at the prompt after it: the item's number, then `field=value`
//! pairs (`2 eigenaar=Anna Jansen uiterlijk=2027-01-15 status=bezig`).
use super::*;
use crate::app::{PlanChange, PlanChanged, PlanError};
use crate::locale::lines::plan_lines;
use crate::record::plan::{Field, ItemStatus};

/// Why a plan line is not a change (said by `locale::lines`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanSyntax {
    /// A `name=` that is no field of an item.
    UnknownField(String),
    /// A status that is none of the four.
    BadStatus(String),
    /// A number without any `field=value`.
    NoFields,
}

/// The plan with its progress today and what is past due; nothing without advice.
pub(super) fn show_plan(
    wf: &Workflow,
    work: &Work,
    lang: Lang,
    out: &mut impl Write,
) -> Result<()> {
    let view = work.plan();
    if view.is_empty() {
        return Ok(());
    }
    let w = crate::locale::plan::words(lang);
    let p = view.progress(&wf.today());
    writeln!(out, "\n{}", w.heading)?;
    write!(out, "{}", crate::locale::plan::items_text(&view, "", lang))?;
    writeln!(out, "{}", crate::locale::plan::progress(&p, lang))?;
    writeln!(
        out,
        "{}",
        wrap(&crate::locale::plan::past_due(&view, &p, lang), W, "", "  ")
    )?;
    Ok(())
}

/// Whether `line` asks about the plan: "plan" (shown again) or a change (made and said).
/// Any other line is for the caller.
pub(super) fn plan_command<'b>(
    wf: &Workflow<'b>,
    work: &mut Work<'b>,
    line: &str,
    lang: Lang,
    words: &Words,
    out: &mut impl Write,
) -> Result<bool> {
    let trimmed = line.trim();
    if matches!(trimmed.to_lowercase().as_str(), "plan" | "actieplan") {
        show_plan(wf, work, lang, out)?;
        return Ok(true);
    }
    let Some((action, rest)) = number_first(trimmed) else {
        return Ok(false);
    };
    let change = match parse_change(rest) {
        Ok(c) => c,
        Err(e) => {
            let said = crate::locale::lines::plan_syntax(&e, lang);
            writeln!(
                out,
                "{}",
                wrap(&format!("{}: {said}", words.not_understood), W, "", "  ")
            )?;
            return Ok(true);
        }
    };
    for (field, text) in [(Field::Note, &change.note), (Field::Reason, &change.reason)] {
        if let Some(w) = text.as_deref().and_then(|t| guard::warning(t, lang)) {
            writeln!(
                out,
                "{}",
                wrap(&format!("{}: {w}", field.label(lang)), W, "", "  ")
            )?;
        }
    }
    let result = wf.plan(work, action, &change);
    said(work, result, lang, words, out)?;
    Ok(true)
}

/// What a change did, in lines: each field from → to, that the sign-off stands, or why not.
fn said(
    work: &Work,
    result: std::result::Result<PlanChanged, PlanError>,
    lang: Lang,
    words: &Words,
    out: &mut impl Write,
) -> Result<()> {
    let pl = plan_lines(lang);
    let done = match result {
        Ok(done) => done,
        Err(e) => {
            let line = format!(
                "{}: {}",
                pl.not_changed,
                e.said_in(crate::locale::plan::Front::Plain, lang)
            );
            writeln!(out, "{}", wrap(&line, W, "", "  "))?;
            return Ok(());
        }
    };
    for e in &done.events {
        if let Event::Revised { from, to, .. } = e {
            writeln!(
                out,
                "{}",
                wrap(
                    &format!("{} {from} → {to}", words.revised_altered),
                    W,
                    "",
                    ""
                )
            )?;
        }
    }
    if let Saved::Failed(why) = &done.saved {
        writeln!(out, "{}: {}", pl.save_failed, why.said(lang))?;
        return Ok(());
    }
    let view = work.plan();
    let Some(line) = view.lines.iter().find(|l| l.action == done.action) else {
        return Ok(());
    };
    let r = work.record();
    let kept = (r.is_frozen() && !done.changes.is_empty()).then_some(r.integrity.hash.as_str());
    write!(
        out,
        "{}",
        crate::locale::plan::changed(&r.id, line, &done.changes, kept, lang)
    )?;
    Ok(())
}

/// "2 eigenaar=Anna" → ("2", "eigenaar=Anna"); none when the line does not start with a
/// number.
fn number_first(line: &str) -> Option<(&str, &str)> {
    let end = line
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(line.len());
    (end > 0).then(|| (&line[..end], &line[end..]))
}

/// The field a name stands for, in Dutch or English.
fn field(name: &str) -> Option<Field> {
    match name {
        "eigenaar" | "owner" => Some(Field::Owner),
        "uiterlijk" | "datum" | "due" | "date" => Some(Field::Due),
        "status" => Some(Field::Status),
        "reden" | "reason" => Some(Field::Reason),
        "notitie" | "note" => Some(Field::Note),
        _ => None,
    }
}

/// A status by its Dutch or English label, its id, or the short "nvt"/"n/a".
fn status(value: &str) -> Option<ItemStatus> {
    let v = value.trim().to_lowercase();
    if matches!(v.as_str(), "nvt" | "n.v.t." | "n/a") {
        return Some(ItemStatus::NotApplicable);
    }
    ItemStatus::ALL.into_iter().find(|s| {
        v == s.id()
            || v == s.label(Lang::Nl)
            || v == s.label(Lang::En)
            || v == s.id().replace('_', " ")
    })
}

/// `field=value` pairs; a value runs to the next `name=` (so it may hold spaces), an empty
/// value clears the field.
pub fn parse_change(text: &str) -> std::result::Result<PlanChange, PlanSyntax> {
    // Where each `name=` starts: a word right before an `=`, at the start or after a space.
    let mut starts = Vec::new();
    for (i, _) in text.match_indices('=') {
        let before = &text[..i];
        let name_at = before.rfind(' ').map_or(0, |s| s + 1);
        starts.push((name_at, i));
    }
    if starts.is_empty() {
        return Err(PlanSyntax::NoFields);
    }
    let mut change = PlanChange::default();
    let mut pairs = Vec::new();
    for (k, &(name_at, eq)) in starts.iter().enumerate() {
        let name = text[name_at..eq].trim().to_lowercase();
        // An `=` inside a value (a word with an `=` that names no field) belongs to it.
        if k > 0 && field(&name).is_none() {
            continue;
        }
        pairs.push((name_at, eq, name));
    }
    for (k, (_, eq, name)) in pairs.iter().enumerate() {
        let end = pairs.get(k + 1).map_or(text.len(), |p| p.0);
        let value = text[eq + 1..end].trim().to_string();
        match field(name) {
            Some(Field::Owner) => change.owner = Some(value),
            Some(Field::Due) => change.due = Some(value),
            Some(Field::Status) => {
                change.status = Some(status(&value).ok_or(PlanSyntax::BadStatus(value))?)
            }
            Some(Field::Reason) => change.reason = Some(value),
            Some(Field::Note) => change.note = Some(value),
            None => return Err(PlanSyntax::UnknownField(name.clone())),
        }
    }
    Ok(change)
}
