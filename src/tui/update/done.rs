//! What came of an effect: the record comes back into the model, the screen moves on, and the
//! status line says what happened (a new revision, a bank change, a save that failed).
use super::question::after_answer;
use super::*;
use crate::app::{self, Changed, Event, ExportError, Saved, SignOffError};
use crate::locale::store::said;
use crate::tui::effect::Done;

pub(super) fn done<'b>(m: &mut Model<'b>, done: Done<'b>) -> Step<'b> {
    match done {
        Done::Started(work, saved) => {
            let id = work.record().id.clone();
            m.work = Some(Work::Editing(work));
            match saved {
                Saved::Failed(why) => save_failed(m, &why),
                _ => info(m, format!("{}: {id}.json", words(m.lang).saved_as)),
            }
            list_record(m);
            goto_question(m, m.bank.start, Origin::Flow);
        }
        Done::Opened(Err(e), _) | Done::Read(Err(e)) => error(m, said(&e, m.lang)),
        Done::Opened(Ok(opened), then) => opened_for(m, opened, then),
        Done::Read(Ok(viewed)) => {
            // Nothing to read yet: an unfinished record is continued instead.
            if viewed.record.outcome.is_none() {
                return Some(start::open(&viewed.record.id, Then::Continue, m.lang));
            }
            m.work = Some(Work::Viewing(viewed.record));
            m.screen = Screen::Advice(AdviceView::default());
            let same = match &viewed.recheck {
                Some(r) if !r.differs() => format!(" {}", crate::locale::recheck::same(m.lang)),
                _ => String::new(),
            };
            match viewed.altered {
                Some(altered) => error(m, altered.said(m.lang)),
                None => info(m, format!("{}{same}", words(m.lang).read_only)),
            }
            // Rules changed since: the advice under the current ones, over the advice as it was.
            if let Some(recheck) = viewed.recheck.filter(|r| r.differs()) {
                m.overlay = Overlay::Recheck { recheck, scroll: 0 };
            }
        }
        Done::Answered {
            work,
            q,
            origin,
            result,
        } => {
            m.work = Some(Work::Editing(work));
            match result {
                Ok(changed) => {
                    tell(m, &changed, None);
                    after_answer(m, q, origin);
                }
                Err(refused) => error(m, refused.said(m.lang)),
            }
        }
        Done::Noted {
            work,
            removed,
            result,
        } => {
            m.work = Some(Work::Editing(work));
            let w = words(m.lang);
            let said = if removed {
                w.note_removed
            } else {
                w.note_saved
            };
            match result {
                Ok(changed) => tell(m, &changed, Some(said)),
                Err(refused) => error(m, refused.said(m.lang)),
            }
        }
        Done::Campaigned { work, result } => {
            m.work = Some(Work::Editing(work));
            let said = crate::locale::campaign::words(m.lang).saved;
            super::campaign::campaigned(m, result, |m, changed| tell(m, changed, Some(said)));
        }
        Done::Signed {
            work,
            decision,
            result,
        } => {
            m.work = Some(Work::Editing(work));
            signed(m, decision, result);
        }
        Done::Exported {
            path,
            format,
            result,
        } => match result {
            Ok(()) => {
                let shown = crate::json::escape_controls(&path);
                info(m, format!("{}: {shown}", words(m.lang).exported));
                to_advice(m);
            }
            // Never replaced unasked: ask.
            Err(ExportError::Exists(_)) => {
                m.overlay = Overlay::Confirm(Confirm::Overwrite { path, format });
            }
            Err(ExportError::Altered(e)) => error(m, e.said(m.lang)),
            Err(ExportError::NoSignature { .. }) => error(m, words(m.lang).not_signed),
            Err(ExportError::Other(e)) => error(m, said(&e, m.lang)),
        },
        Done::Planned { work, result } => {
            m.work = Some(Work::Editing(work));
            super::plan::planned(m, result);
        }
        Done::ProfileLoaded(result) => super::profile::loaded(m, result),
        Done::ProfileSaved(result) => super::profile::saved(m, result),
        Done::Documents(result) => super::documents::made(m, result),
        Done::DocumentWritten { path, result } => super::documents::written(m, path, result),
        Done::Registered {
            path,
            format,
            result,
        } => super::register::registered(m, path, format, result),
        Done::Compared(result) => super::compare::compared(m, result),
        Done::ComparisonWritten {
            path,
            format,
            result,
        } => super::compare::written(m, path, format, result),
        Done::Archived { restore, result } => super::start::archived(m, restore, result),
        Done::ArchiveListed(result) => super::start::archive_listed(m, result),
    }
    None
}

/// A record opened to work on: said, then the screen `then` asks for.
fn opened_for<'b>(m: &mut Model<'b>, opened: app::Opened<'b>, then: Then) {
    let w = words(m.lang);
    let work = opened.work;
    let mut line = format!("{} {}", w.resumed, work.record().title(m.lang));
    if work.must_revise() {
        let said = match work.is_altered() {
            true => w.opened_altered,
            false => w.opened_signed,
        };
        line = format!("{line} — {said}");
    }
    let mut bank_changed = false;
    let mut rechecked = None;
    for e in &opened.events {
        if let Event::BankChanged {
            from,
            to,
            dropped,
            asks,
            recheck,
        } = e
        {
            bank_changed = true;
            line.push_str(&format!(" — {} {}", w.bank_updated, from.change_to(to)));
            // Counts, not ids: the questions themselves are asked next.
            for (n, said) in [(dropped.len(), w.asked_again), (asks.len(), w.newly_asked)] {
                if n > 0 {
                    let said = if n == 1 { said.0 } else { said.1 };
                    line.push_str(&format!("; {n} {said}"));
                }
            }
            // The advice under the current rules: a panel when it differs, else a word.
            match recheck {
                Some(r) if r.differs() => rechecked = Some(r.clone()),
                Some(_) => line.push_str(&format!(" — {}", crate::locale::recheck::same(m.lang))),
                None => {}
            }
        }
    }
    let complete = work.record().outcome.is_some();
    m.work = Some(Work::Editing(work));
    info(m, line);
    match then {
        // After a bank change the FG signs only advice that was shown: the advice first.
        Then::SignOff if complete && bank_changed => to_advice(m),
        Then::SignOff if complete => {
            let _ = advice::open_sign_off(m);
        }
        Then::Plan(_) if complete && bank_changed => to_advice(m),
        // The advice as it was, with the form on the same action.
        Then::Plan(cursor) if complete => {
            to_advice(m);
            if let Screen::Advice(v) = &mut m.screen {
                v.cursor = cursor;
            }
            let _ = super::plan::open_plan(m);
        }
        _ => to_current(m),
    }
    if let Some(recheck) = rechecked {
        m.overlay = Overlay::Recheck { recheck, scroll: 0 };
    }
}

/// Says what a change did: a new revision, a save that failed, or `saved` once on disk.
fn tell(m: &mut Model, changed: &Changed, saved: Option<&str>) {
    let w = words(m.lang);
    let mut revised = None;
    for e in &changed.events {
        if let Event::Revised { from, to, altered } = e {
            let said = match altered {
                true => w.revised_altered,
                false => w.revised,
            };
            revised = Some(format!("{said} {from} → {to}"));
        }
    }
    // The new revision's id stays in view beside what the change did ("Notitie bewaard.").
    let line = |done: Option<&str>| match (&revised, done) {
        (Some(r), Some(d)) => Some(format!("{d} {r}")),
        (Some(r), None) => Some(r.clone()),
        (None, d) => d.map(str::to_string),
    };
    let done = match changed.saved {
        Saved::Yes => saved,
        _ => None,
    };
    if let Some(l) = line(done) {
        info(m, l);
    }
    if let Saved::Failed(why) = &changed.saved {
        save_failed(m, why);
    }
    if changed.saved == Saved::Yes {
        list_record(m);
    }
}

fn save_failed(m: &mut Model, why: &app::SaveFailure) {
    error(
        m,
        format!("{}: {}", words(m.lang).save_failed, why.said(m.lang)),
    );
}

fn signed(m: &mut Model, decision: Decision, result: Result<Changed, SignOffError>) {
    let w = words(m.lang);
    match result {
        Ok(changed) => {
            tell(m, &changed, None);
            // The key's fingerprint is on the advice screen; the status line stays short.
            let signed_with = match m.record().is_some_and(|r| r.signature.is_some()) {
                true => format!(", {}", w.signed_with),
                false => String::new(),
            };
            let line = format!("{} ({}){signed_with}", w.signed, decision.label(m.lang));
            info(m, line);
            to_advice(m);
        }
        // The form stays, filled in, with the error: Enter tries again.
        Err(SignOffError::NotSaved(why)) => error(
            m,
            format!(
                "{} — {}: {}",
                w.signoff_failed,
                w.save_failed,
                why.said(m.lang)
            ),
        ),
        Err(SignOffError::Refused(refused)) => error(m, refused.said(m.lang)),
        Err(SignOffError::Key(e)) => error(m, said(&e, m.lang)),
        Err(SignOffError::BankChangedUnseen { .. }) => {
            error(m, w.bank_unseen);
            to_advice(m);
        }
    }
}
