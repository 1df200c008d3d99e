//! `avg-wijzer lint [DIR] [--stale MONTHS]`: proves a bank sound and, when asked, lists the notes
//! on current law that were not checked for too long.
use std::path::PathBuf;
use std::process::ExitCode;

use super::{Failure, print_out};
use crate::bank::Bank;
use crate::bank::lint::{self, stale};
use crate::store;

pub fn lint(dir: Option<&PathBuf>, stale_after: Option<u32>) -> Result<ExitCode, Failure> {
    let (files, origin) = match dir {
        Some(d) => (
            store::read_bank_dir(d).map_err(super::bad)?,
            d.display().to_string(),
        ),
        None => (
            crate::bank::EMBEDDED
                .iter()
                .map(|(n, c)| (n.to_string(), c.as_bytes().to_vec()))
                .collect(),
            "ingebouwde vragenbank".to_string(),
        ),
    };
    let bank = match Bank::from_bytes(&files, &origin) {
        Ok(b) => b,
        Err(e) => {
            let mut out = format!("{origin}: de vragenbank laadt niet\n");
            for d in &e.defects {
                out.push_str(&format!("  - {d}\n"));
            }
            out.push_str(&format!("{} gebrek(en) gevonden.\n", e.defects.len()));
            print_out(&out)?;
            return Ok(ExitCode::from(1));
        }
    };
    let report = lint::lint(&bank);
    let mut out = format!(
        "{origin}: vragenbank \"{}\" versie {}\n",
        bank.id, bank.version
    );
    if report.states > 0 {
        out.push_str(&format!(
            "  {} vragen, {} paden, {} verschillende uitkomsten ({} toestanden verkend)\n",
            report.questions, report.paths, report.outcomes, report.states
        ));
    } else {
        out.push_str(&format!(
            "  {} vragen; de paden zijn niet verkend door de gebreken hieronder\n",
            report.questions
        ));
    }
    if report.is_sound() {
        out.push_str("In orde: elke vraag is bereikbaar en elk pad eindigt in een volledig advies met bronnen.\n");
    } else {
        for d in &report.defects {
            out.push_str(&format!("  - {d}\n"));
        }
        out.push_str(&format!("{} gebrek(en) gevonden.\n", report.defects.len()));
    }
    let mut fresh = true;
    if let Some(limit) = stale_after {
        let (text, none) = stale_list(&bank, stale::Month::current(), limit);
        out.push_str(&text);
        fresh = none;
    }
    print_out(&out)?;
    Ok(if report.is_sound() && fresh {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The lines about the notes checked more than `limit` months before `now`, and whether there
/// were none.
fn stale_list(bank: &Bank, now: stale::Month, limit: u32) -> (String, bool) {
    let found = stale::stale_notes(bank, now, limit);
    let since = now.minus(limit);
    if found.is_empty() {
        return (
            format!(
                "Geen verouderde notities: elke notitie is in {since} of later gecontroleerd (hoogstens {limit} {} voor {now}).\n",
                months(limit.into())
            ),
            true,
        );
    }
    let mut out = format!(
        "Verouderde notities, gecontroleerd voor {since} (meer dan {limit} {} voor {now}):\n",
        months(limit.into())
    );
    for s in &found {
        out.push_str(&format!(
            "  - {}: notitie \"{}\" ({}): gecontroleerd in {}, {} {} geleden\n",
            s.note.file,
            s.note.id,
            s.note.title.nl.trim(),
            s.note.checked,
            s.months_ago,
            months(s.months_ago)
        ));
    }
    out.push_str(&format!(
        "{} verouderde notitie(s) gevonden; controleer ze tegen het actuele recht en zet \"checked\" op de maand van controle.\n",
        found.len()
    ));
    (out, false)
}

fn months(n: i64) -> &'static str {
    if n == 1 { "maand" } else { "maanden" }
}
