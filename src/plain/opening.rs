//! Opening a session: a new assessment, or one continued from the store (the bank may have
//! changed since, and a signed-off record goes on as a new revision).
use super::*;

/// Starts a new assessment or resumes an unfinished one from the store. `None` when the input
/// ends before the choice is made.
#[allow(clippy::too_many_arguments)]
pub(super) fn open<'b>(
    bank: &'b Bank,
    lang: Lang,
    store: Option<&Store>,
    accept_altered: bool,
    words: &Words,
    unsaved: &mut bool,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> Result<Option<Assessment<'b>>> {
    let now = record::time::now();
    let Some(store) = store else {
        return Ok(Some(Assessment::start(
            bank,
            String::new(),
            Campaign::default(),
            Vec::new(),
            lang,
            &now,
        )));
    };
    // Not yet signed off: still open to answers and changes.
    let unfinished: Vec<_> = store
        .list()
        .map(|l| {
            l.records
                .into_iter()
                .filter(|s| s.status != Status::SignedOff)
                .take(9)
                .collect()
        })
        .unwrap_or_default();
    if !unfinished.is_empty() {
        writeln!(out, "\n{}", words.unfinished)?;
        for (i, s) in unfinished.iter().enumerate() {
            let name = if s.campaign.is_empty() {
                "(zonder naam)"
            } else {
                &s.campaign
            };
            writeln!(
                out,
                "{}. {name} — {}, {} {} ({})",
                i + 1,
                // `get`: the date from a file may hold anything, even a cut character.
                s.updated.get(..10).unwrap_or(&s.updated),
                s.answers,
                words.answers_given,
                s.id
            )?;
        }
        writeln!(out, "{}", words.resume_prompt)?;
        loop {
            let Some(line) = prompt(input, out)? else {
                return Ok(None);
            };
            let line = line.trim();
            if line.is_empty() {
                break;
            }
            match line
                .parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .and_then(|i| unfinished.get(i))
            {
                Some(s) => match resume_record(bank, store, &s.id, accept_altered, words, out) {
                    Ok(a) => return Ok(Some(a)),
                    Err(e) => writeln!(out, "{e:#}")?,
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
    let participants = Participant::parse_list(&people);
    let campaign = Campaign {
        name: name.trim().to_string(),
        ..Campaign::default()
    };
    let mut a = Assessment::start(bank, store.new_id(&now), campaign, participants, lang, &now);
    if let Err(e) = store.create(&mut a.record) {
        // The first save that succeeds writes the record after all.
        *unsaved = true;
        writeln!(out, "{}: {e:#}", words.save_failed)?;
    } else {
        writeln!(
            out,
            "{}: {}.",
            words.saved_as,
            store.dir.join(format!("{}.json", a.record.id)).display()
        )?;
    }
    Ok(Some(a))
}

/// Loads a record to continue it. The bank may have changed since (answers that no longer fit
/// are dropped and asked again); a signed-off record is continued as a new revision.
pub(super) fn resume_record<'b>(
    bank: &'b Bank,
    store: &Store,
    id: &str,
    accept_altered: bool,
    words: &Words,
    out: &mut impl Write,
) -> Result<Assessment<'b>> {
    let now = record::time::now();
    let (record, unverified) = store.load(id)?.admit(accept_altered, bank)?;
    let altered = unverified.is_some();
    let (mut a, reopened) =
        Assessment::reopen(bank, record, unverified, || store.new_id(&now), &now);
    if let Some(old) = &reopened.revised_from {
        store.create(&mut a.record)?;
        let said = match altered {
            true => words.revised_altered,
            false => words.revised,
        };
        let line = format!("{said} {old} → {}", a.record.id);
        writeln!(out, "{}", wrap(&line, W, "", ""))?;
    } else if reopened.changed {
        // Only a bank change needs saving now; anything else is saved with the next answer.
        store.save(&mut a.record)?;
    }
    writeln!(
        out,
        "{} {} ({}).",
        words.resumed,
        a.record.title(),
        a.record.id
    )?;
    if let Some(from) = &reopened.bank_from {
        let line = format!("{} {}.", words.bank_updated, from.change_to(&a.record.bank));
        writeln!(out, "{}", wrap(&line, W, "", ""))?;
    }
    if !reopened.dropped.is_empty() {
        writeln!(out, "{}", wrap(words.bank_changed, W, "", ""))?;
        for d in reopened.dropped {
            writeln!(out, "  - {}: {}", d.question, d.reason)?;
        }
    }
    if !reopened.asks.is_empty() {
        writeln!(out, "{}", wrap(words.bank_asks, W, "", ""))?;
        for q in reopened.asks.iter().filter_map(|id| bank.question(id)) {
            writeln!(
                out,
                "{}",
                wrap(q.prompt.get(a.record.lang), W, "  - ", "    ")
            )?;
        }
    }
    Ok(a)
}
