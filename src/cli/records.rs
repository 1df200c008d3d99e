//! The commands on the records in the store: `new`, `list`, `export` and `signoff`.
use std::path::Path;
use std::process::ExitCode;

use super::{Failure, bad, print_json, print_out, warn};
use crate::app::{Event, ExportError, Saved, SignOffError, SignOffInput, Target, Workflow};
use crate::bank::Bank;
use crate::locale::commands::{self, words};
use crate::locale::record::untitled;
use crate::record::{self, Decision};
use crate::store::{self, Store};
use crate::text::{self, Lang};
use crate::{answers, export, guard};

pub(super) fn new_record(wf: &Workflow, path: &str, lang: Lang) -> Result<ExitCode, Failure> {
    let w = words(lang);
    let src = store::read_input(path, w.stdin).map_err(bad)?;
    let name = if path == "-" { w.stdin } else { path };
    let parsed =
        answers::assess(wf.bank, name, &src).map_err(|e| Failure::bad_input(e.said(lang)))?;
    for n in &parsed.notices {
        warn(&format!("{}: {}", w.notice, n.said(lang)));
    }
    let c = &parsed.campaign;
    for (field, text) in [
        ("campaign.name", &c.name),
        ("campaign.description", &c.description),
        ("campaign.organisation", &c.organisation),
    ] {
        if let Some(w) = guard::warning(text, lang) {
            warn(&format!("{name}: {field}: {w}"));
        }
    }
    for (question, text) in &parsed.justifications {
        if let Some(w) = guard::warning(text, lang) {
            warn(&format!("{name}: justifications.{question}: {w}"));
        }
    }
    let (campaign, participants) = (parsed.campaign, parsed.participants);
    let (work, saved) = wf
        .start_justified(
            campaign,
            participants,
            lang,
            &parsed.session,
            &parsed.justifications,
        )
        .map_err(|(q, e)| {
            Failure::bad_input(format!(
                "{name}: {} \"{}\": {}",
                w.question,
                wf.bank.questions[q].id,
                e.said(lang)
            ))
        })?;
    match saved {
        Saved::Failed(why) => Err(Failure::bad_input(why.said(lang))),
        _ => print_out(&format!("{}\n", work.record().id)),
    }
}

/// `list --json`: every record's summary as it was saved; why a file is unreadable in `lang`.
pub(super) fn list_json(store: &Store, archived: bool, lang: Lang) -> Result<ExitCode, Failure> {
    let listing = listed(store, archived)?;
    // Whether a plan is past due is a matter of the day it is asked: added here, not kept.
    let today = record::time::today();
    let records: Vec<serde_json::Value> = listing
        .records
        .iter()
        .map(|s| {
            let mut v = serde_json::to_value(s).unwrap_or_default();
            if let (Some(t), Some(plan)) = (&s.plan, v.get_mut("plan"))
                && let Some(plan) = plan.as_object_mut()
            {
                plan.insert("past_due".into(), t.is_past_due(&today).into());
            }
            v
        })
        .collect();
    let v = serde_json::json!({
        "store": store.dir.display().to_string(),
        "records": records,
        "unreadable": listing.unreadable.iter().map(|(f, why)| serde_json::json!({ "file": f, "reason": why.said(lang) })).collect::<Vec<_>>(),
    });
    print_json(&(serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"))
}

/// `list`; the verdicts in `lang` as `bank` labels them, whatever language each record was
/// made in.
pub(super) fn list(
    store: &Store,
    bank: &Bank,
    archived: bool,
    lang: Lang,
) -> Result<ExitCode, Failure> {
    let listing = listed(store, archived)?;
    let store = if archived {
        store.archive_dir()
    } else {
        store.dir.clone()
    };
    let store = store.display().to_string();
    let today = record::time::today();
    let w = words(lang);
    let mut out = String::new();
    if listing.records.is_empty() {
        out.push_str(&format!("{} {store}.\n", w.no_records));
    } else {
        let rows: Vec<[String; 6]> = listing
            .records
            .iter()
            .map(|s| {
                // Cleaned before it is measured, so the columns line up with what is shown.
                let campaign: String = if s.campaign.is_empty() {
                    untitled(lang).into()
                } else {
                    text::for_terminal(&s.campaign).chars().take(40).collect()
                };
                // One line per record: a line break in a record's text cannot add rows.
                [
                    s.id.clone(),
                    campaign,
                    s.status.label(lang).to_string(),
                    s.verdict
                        .as_deref()
                        .and_then(|v| bank.verdict_label(v, lang))
                        .map(str::to_string)
                        .or_else(|| s.verdict_label.clone())
                        .unwrap_or_else(|| "-".into()),
                    s.plan.as_ref().map_or_else(
                        || "-".into(),
                        |t| crate::locale::plan::tally(t, &today, lang),
                    ),
                    record::time::in_words(&s.updated, lang),
                ]
                .map(|cell| text::one_line(&cell).into_owned())
            })
            .collect();
        let widths: Vec<usize> = (0..6)
            .map(|i| {
                rows.iter()
                    .map(|r| r[i].chars().count())
                    .chain([w.heads[i].len()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let line = |cells: &[String]| {
            cells
                .iter()
                .zip(&widths)
                .map(|(c, w)| format!("{c:<w$}"))
                .collect::<Vec<_>>()
                .join("  ")
                .trim_end()
                .to_string()
                + "\n"
        };
        out.push_str(&line(&w.heads.map(str::to_string)));
        for r in &rows {
            out.push_str(&line(r));
        }
    }
    for (file, why) in &listing.unreadable {
        out.push_str(&format!(
            "{} {}: {}\n",
            w.unreadable,
            text::one_line(file),
            text::one_line(&why.said(lang))
        ));
    }
    print_out(&out)
}

/// The records of the store, or (`archived`) those of its archive.
fn listed(store: &Store, archived: bool) -> Result<store::Listing, Failure> {
    if archived {
        crate::app::list_archived(store).map_err(bad)
    } else {
        crate::app::list(store, |s| s).map_err(bad)
    }
}

/// `archive ID`: a draft put aside. A signed-off record is refused with exit 1: the tool
/// never archives or deletes one.
pub(super) fn archive(store: &Store, id: &str, lang: Lang) -> Result<ExitCode, Failure> {
    match crate::app::archive(store, id) {
        Ok(id) => print_out(&format!("{}\n", commands::archived(&id, lang))),
        Err(e) if matches!(e.downcast_ref(), Some(store::StoreError::Signed { .. })) => {
            Err(Failure::failed(e))
        }
        Err(e) => Err(bad(e)),
    }
}

/// `restore ID`: an archived record back in the store.
pub(super) fn restore(store: &Store, id: &str, lang: Lang) -> Result<ExitCode, Failure> {
    let id = crate::app::restore(store, id).map_err(bad)?;
    print_out(&format!("{}\n", commands::restored(&id, lang)))
}

/// What `export` is asked for.
pub(super) struct ExportRequest<'a> {
    pub id: &'a str,
    pub format: export::Format,
    pub output: Option<&'a Path>,
    pub force: bool,
    pub mode: u32,
    /// Between the cells of a CSV.
    pub separator: char,
}

pub(super) fn export_record(
    wf: &Workflow,
    req: &ExportRequest,
    lang: Lang,
) -> Result<ExitCode, Failure> {
    let ExportRequest {
        id,
        format,
        output,
        force,
        mode,
        separator,
    } = *req;
    let target = match output {
        None => Target::Out,
        Some(path) => Target::File { path, force, mode },
    };
    let content = wf
        .export_stored_with(id, format, lang, target, separator)
        .map_err(|e| match e {
            ExportError::Exists(e) => Failure::bad_input(e.to_string()),
            ExportError::Altered(e) => Failure::bad_input(e.said(lang)),
            ExportError::NoSignature { id } => {
                Failure::bad_input(commands::no_signature(&id, lang))
            }
            ExportError::Other(e) => bad(e),
        })?;
    match content {
        // On stdout the JSON is escaped where a terminal would obey it (the same value, not
        // the same bytes); a file written with -o keeps the record's exact bytes, which its
        // integrity hash covers.
        Some(c) if format == export::Format::Json => print_json(&String::from_utf8_lossy(&c)),
        Some(c) => print_out(&String::from_utf8_lossy(&c)),
        None => Ok(ExitCode::SUCCESS),
    }
}

/// What the FG gives on the command line to sign off.
pub(super) struct SignOffRequest<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub decision: Decision,
    pub date: Option<&'a str>,
    /// `None`: the FG's role in `lang`.
    pub role: Option<&'a str>,
    pub conditions: &'a str,
    pub remarks: &'a str,
    /// Further signers, each as "name (role)".
    pub also: &'a [String],
    pub key: Option<&'a Path>,
}

/// `signoff`: the FG's sign-off on a completed record, signed with their SSH key if they give
/// one, and said only once it is on disk.
pub(super) fn sign_off(
    wf: &Workflow,
    req: &SignOffRequest,
    lang: Lang,
) -> Result<ExitCode, Failure> {
    let w = words(lang);
    let SignOffRequest {
        id,
        name,
        decision,
        date,
        role,
        conditions,
        remarks,
        also,
        key,
    } = *req;
    let mut work = wf.open(id).map_err(bad)?.work;
    let date = date
        .map(str::to_string)
        .unwrap_or_else(|| record::time::local_date(&record::time::now()));
    if let Some(warning) = guard::warning(remarks, lang) {
        warn(&format!("{}: {warning}", w.remarks));
    }
    if let Some(key) = key.filter(|k| wf.key_in_store(k)) {
        warn(&crate::locale::signature::key_in_store(key, lang));
    }
    let also: Vec<record::Signer> = also
        .iter()
        .map(|p| {
            let record::Participant { name, role } = record::Participant::parse_one(p);
            record::Signer { name, role }
        })
        .collect();
    let input = SignOffInput {
        name,
        role: role.unwrap_or(crate::locale::record::fg_role(lang)),
        date: &date,
        decision,
        conditions,
        remarks,
        also: &also,
    };
    let changed = wf
        .sign_off(&mut work, input, key, crate::keyfile::ask_passphrase(lang))
        .map_err(|e| match e {
            // The FG signs the advice that was shown; if the bank changed since, the advice
            // must be looked at again first rather than silently replaced at sign-off.
            SignOffError::BankChangedUnseen { id, from } => {
                Failure::bad_input(commands::bank_changed_unseen(&id, &from, lang))
            }
            SignOffError::Refused(e) => Failure::bad_input(commands::about_record(
                &work.record().id,
                &e.said(lang),
                lang,
            )),
            // Nothing is saved when signing fails: the FG tries again, or signs off without
            // a key.
            SignOffError::Key(e) => bad(e),
            SignOffError::NotSaved(why) => Failure::bad_input(why.said(lang)),
        })?;
    for e in &changed.events {
        if let Event::Revised { from, to, .. } = e {
            warn(&commands::revised(from, to, lang));
        }
    }
    let r = work.record();
    // Said only now that the sign-off is on disk.
    let signed = match &r.signature {
        Some(s) => format!(", {} {}", w.signed_with_key, s.key_fingerprint),
        None => String::new(),
    };
    print_out(&format!(
        "{}: {} ({}){signed}\n{}: {}\n",
        r.id,
        w.signed_off,
        decision.label(lang),
        w.fingerprint,
        r.integrity.hash
    ))
}
