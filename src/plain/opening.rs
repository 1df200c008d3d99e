//! Opening a session: a new assessment, or one continued from the store (the bank may have
//! changed since; a signed-off record goes on as a new revision at its first change).
use super::*;
use crate::locale::record::untitled;
use crate::locale::store::said;

/// Starts a new assessment or resumes an unfinished one from the store (`new`: starts one
/// without asking). `None` when the input ends before the choice is made.
pub(super) fn open<'b>(
    wf: &Workflow<'b>,
    lang: Lang,
    new: bool,
    words: &Words,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> Result<Option<Work<'b>>> {
    if wf.store().is_none() {
        return Ok(Some(wf.start(Campaign::default(), Vec::new(), lang).0));
    }
    // Not asked with `new`, so that a script's lines mean the same whatever the store holds.
    let records = match new {
        true => Vec::new(),
        false => wf.list().map(|l| l.records).unwrap_or_default(),
    };
    // Something for the processing register: a completed or signed-off record.
    let finished = records.iter().any(|s| s.status != Status::InProgress);
    // Not yet signed off: still open to answers and changes.
    let unfinished: Vec<_> = records
        .into_iter()
        .filter(|s| s.status != Status::SignedOff)
        .take(9)
        .collect();
    if !unfinished.is_empty() || finished {
        let menu = |out: &mut dyn Write| -> Result<()> {
            if !unfinished.is_empty() {
                writeln!(out, "\n{}", words.unfinished)?;
                for (i, s) in unfinished.iter().enumerate() {
                    let name = match s.campaign.is_empty() {
                        true => untitled(lang),
                        false => &s.campaign,
                    };
                    let lw = crate::locale::listing::list_words(lang);
                    writeln!(
                        out,
                        "{}. {name} — {} {}, {}, {} {} (id {})",
                        i + 1,
                        lw.revision,
                        s.revision,
                        // The local time in words; text that is not a time is shown as it is.
                        record::time::in_words(&s.updated, lang),
                        s.answers,
                        words.answers_given,
                        s.id
                    )?;
                }
                writeln!(out, "{}", words.resume_prompt)?;
            } else {
                writeln!(out, "\n{}", words.new_prompt)?;
            }
            if finished {
                writeln!(out, "{}", wrap(words.register_prompt, W, "", ""))?;
            }
            Ok(())
        };
        menu(out)?;
        loop {
            let Some(line) = prompt(input, out)? else {
                return Ok(None);
            };
            let line = line.trim();
            if line.is_empty() {
                break;
            }
            if finished && super::register::asks_register(line) {
                if !super::register::write_register(wf, lang, words, input, out)? {
                    return Ok(None);
                }
                menu(out)?;
                continue;
            }
            match line
                .parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .and_then(|i| unfinished.get(i))
            {
                Some(s) => match resume_record(wf, &s.id, lang, words, out) {
                    Ok(work) => return Ok(Some(work)),
                    Err(e) => writeln!(out, "{}", said(&e, lang))?,
                },
                None => writeln!(out, "{}: \"{line}\".", words.not_understood)?,
            }
        }
    }
    writeln!(out, "\n{}", words.campaign_name)?;
    let Some(name) = prompt(input, out)? else {
        return Ok(None);
    };
    warn_personal_data(&name, lang, out)?;
    writeln!(out, "{}", words.participants)?;
    let Some(people) = prompt(input, out)? else {
        return Ok(None);
    };
    let campaign = Campaign {
        name: name.trim().to_string(),
        ..Campaign::default()
    };
    let work = wf.start(campaign, Participant::parse_list(&people), lang);
    match &work.1 {
        Saved::Failed(why) => writeln!(out, "{}: {}", words.save_failed, why.said(lang))?,
        Saved::Yes => writeln!(
            out,
            "{}: {}.",
            words.saved_as,
            wf.store()
                .map(|s| s.dir.join(format!("{}.json", work.0.record().id)))
                .unwrap_or_default()
                .display()
        )?,
        Saved::NoStore | Saved::Unchanged => {}
    }
    Ok(Some(work.0))
}

/// Loads a record to continue it. The bank may have changed since (answers that no longer fit
/// are dropped and asked again); a signed-off record is continued as a new revision.
pub(super) fn resume_record<'b>(
    wf: &Workflow<'b>,
    id: &str,
    lang: Lang,
    words: &Words,
    out: &mut impl Write,
) -> Result<Work<'b>> {
    let opened = wf.open_in(id, lang)?;
    let work = opened.work;
    let r = work.record();
    writeln!(out, "{} {} ({}).", words.resumed, r.title(lang), r.id)?;
    if work.must_revise() {
        let said = match work.is_altered() {
            true => words.opened_altered,
            false => words.opened_signed,
        };
        writeln!(out, "{}", wrap(said, W, "", ""))?;
    }
    for e in &opened.events {
        let Event::BankChanged {
            from,
            to,
            dropped,
            asks,
            recheck,
        } = e
        else {
            continue;
        };
        let line = format!("{} {}.", words.bank_updated, from.change_to(to));
        writeln!(out, "{}", wrap(&line, W, "", ""))?;
        if !dropped.is_empty() {
            writeln!(out, "{}", wrap(words.bank_changed, W, "", ""))?;
            for d in dropped {
                writeln!(out, "  - {}: {}", d.question, d.why().said(lang))?;
            }
        }
        if !asks.is_empty() {
            writeln!(out, "{}", wrap(words.bank_asks, W, "", ""))?;
            for q in asks.iter().filter_map(|id| wf.bank.question(id)) {
                writeln!(out, "{}", wrap(q.prompt.get(lang), W, "  - ", "    "))?;
            }
        }
        // What the advice would be under the current rules, before any question is asked.
        if let Some(r) = recheck {
            let said = crate::locale::recheck::on_opening(r, wf.bank, lang);
            let mut said = said.iter();
            if let Some(first) = said.next() {
                writeln!(out, "{}", wrap(first, W, "", ""))?;
            }
            for line in said {
                writeln!(out, "{}", wrap(line, W, "  - ", "    "))?;
            }
        }
    }
    Ok(work)
}
