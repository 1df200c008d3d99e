//! `recheck`: which records' advice would differ under the current bank, for the FG after a
//! law change. The records are only read.
use std::process::ExitCode;

use serde_json::{Value, json};

use super::{Args, Failure, bad, load_bank, open_store, print_json, print_out, warn};
use crate::app::{self, Differing, Rechecked};
use crate::locale::recheck as said;
use crate::text::Lang;

/// What `recheck` is given.
#[derive(Debug, clap::Args)]
pub struct RecheckArgs {
    /// Als JSON, voor scripts (de vorm staat in de README)
    #[arg(long)]
    json: bool,
    /// Uitkomst 1 als het advies van een verslag anders zou zijn, zoals git diff --exit-code
    #[arg(long)]
    exit_code: bool,
}

/// `recheck`: the records whose advice differs, then the summary; records that could not be
/// checked named on standard error.
pub(super) fn run(args: &Args, r: &RecheckArgs) -> Result<ExitCode, Failure> {
    let lang = args.lang;
    let store = open_store(args)?;
    let bank = load_bank(args)?;
    let found = app::recheck_store(&store, &bank).map_err(bad)?;
    for l in &found.failed {
        warn(&said::failed(&l.said(lang), lang));
    }
    for (file, why) in &found.unreadable {
        let why = format!("{}: {}", crate::json::quoted(file), why.said(lang));
        warn(&said::failed(&why, lang));
    }
    match r.json {
        true => print_json(
            &(serde_json::to_string_pretty(&as_json(&found, lang)).unwrap_or_default() + "\n"),
        ),
        false => print_out(&as_text(&found, &bank, lang)),
    }?;
    let differs = r.exit_code && !found.differing.is_empty();
    Ok(match found.whole() && !differs {
        true => ExitCode::SUCCESS,
        false => ExitCode::from(1),
    })
}

fn as_text(found: &Rechecked, bank: &crate::bank::Bank, lang: Lang) -> String {
    let mut out = String::new();
    for d in &found.differing {
        out.push_str(&said::record_line(d, lang));
        out.push('\n');
        for line in said::lines(&d.recheck, bank, lang) {
            out.push_str(&format!("  {line}\n"));
        }
        out.push('\n');
    }
    out.push_str(&said::summary(found, lang));
    out.push('\n');
    out
}

/// The JSON form, documented in the README ("Recheck after the rules changed").
fn as_json(found: &Rechecked, lang: Lang) -> Value {
    json!({
        "bank": found.bank,
        "checked": found.checked,
        "other_bank": found.other_bank,
        "differing": found.differing.len(),
        "not_checked": {
            "in_progress": found.in_progress,
            "older_revisions": found.older_revisions,
        },
        "records": found.differing.iter().map(record).collect::<Vec<_>>(),
        "failed": found.failed.iter().map(|l| json!({
            "id": l.id,
            "reason": l.said(lang),
        })).collect::<Vec<_>>(),
        "unreadable": found.unreadable.iter().map(|(f, why)| json!({
            "file": f,
            "reason": why.said(lang),
        })).collect::<Vec<_>>(),
    })
}

fn record(d: &Differing) -> Value {
    let r = &d.recheck;
    json!({
        "id": d.id,
        "campaign": d.campaign,
        "status": d.status,
        "revision": d.revision,
        "signoff": d.signoff.as_ref().map(|s| {
            let mut o = json!({ "name": s.name, "date": s.date, "decision": s.decision });
            // What was added to a sign-off later, only where it was given, as in the record.
            if !s.role.is_empty() {
                o["role"] = json!(s.role);
            }
            if !s.conditions.is_empty() {
                o["conditions"] = json!(s.conditions);
            }
            if !s.also.is_empty() {
                o["also"] = json!(s.also);
            }
            o
        }),
        "bank": r.from,
        "verdict": { "then": r.verdict.then, "now": r.verdict.now },
        "actions": { "added": r.actions_added, "dropped": r.actions_dropped },
        "findings": r.findings,
        "warnings": { "added": r.warnings_added, "dropped": r.warnings_dropped },
        "notes": { "added": r.notes_added, "dropped": r.notes_dropped },
        "asks": r.asks,
    })
}
