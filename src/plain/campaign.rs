//! The plain mode's `campagne` (at a question and on the summary): the campaign's name, short
//! description and participants asked one by one, each kept with Enter; and a note of several
//! lines (`notitie` alone), ended by an empty line.
use std::io::{BufRead, Write};

use anyhow::Result;

use super::{W, prompt, tell};
use crate::app::{Saved, Work, Workflow};
use crate::locale::campaign::words as campaign_words;
use crate::locale::lines::Words;
use crate::record::{CampaignEdit, Participant};
use crate::text::{Lang, wrap};

/// Whether the line asks to change the campaign.
pub(super) fn asks_campaign(line: &str) -> bool {
    matches!(line.trim().to_lowercase().as_str(), "campagne" | "campaign")
}

/// Asks the campaign anew, each part shown as it is now and kept with Enter ("-" empties
/// it), and saves what changed. `false` when the input ended.
pub(super) fn edit_campaign<'b>(
    wf: &Workflow<'b>,
    work: &mut Work<'b>,
    lang: Lang,
    words: &Words,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> Result<bool> {
    let cw = campaign_words(lang);
    let r = work.record();
    let mut edit = CampaignEdit::of(&r.campaign, &r.participants);
    let people = Participant::list_line(&r.participants);
    writeln!(out, "\n{}", wrap(cw.plain_intro, W, "", ""))?;
    let mut asked = Vec::new();
    for (label, now) in [
        (cw.plain_name, edit.name.clone()),
        (cw.plain_description, edit.description.clone()),
        (cw.plain_participants, people),
    ] {
        let line = match now.is_empty() {
            true => format!("{label}:"),
            false => format!("{label} ({}: {now}):", cw.plain_keep),
        };
        writeln!(out, "{}", wrap(&line, W, "", "  "))?;
        let Some(typed) = prompt(input, out)? else {
            return Ok(false);
        };
        super::warn_personal_data(&typed, lang, out)?;
        asked.push(match typed.trim() {
            "" => None,
            "-" => Some(String::new()),
            t => Some(t.to_string()),
        });
    }
    let mut asked = asked.into_iter();
    if let Some(Some(name)) = asked.next() {
        edit.name = name;
    }
    if let Some(Some(description)) = asked.next() {
        edit.description = description;
    }
    if let Some(Some(people)) = asked.next() {
        edit.participants = Participant::parse_list(&people);
    }
    let changed = wf.campaign(work, &edit);
    if matches!(&changed, Ok(c) if c.saved == Saved::Unchanged) {
        writeln!(out, "{}", cw.unchanged)?;
        return Ok(true);
    }
    tell(changed, lang, words, words.save_failed, Some(cw.saved), out)?;
    Ok(true)
}

/// A note of several lines: each line typed until an empty one (or the end of the input).
pub(super) fn read_note(
    lang: Lang,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> Result<String> {
    writeln!(out, "{}", campaign_words(lang).plain_note_start)?;
    let mut lines = Vec::new();
    while let Some(line) = prompt(input, out)? {
        if line.trim().is_empty() {
            break;
        }
        lines.push(line.trim_end().to_string());
    }
    Ok(lines.join("\n"))
}
