//! `avg-wijzer lint [DIR] [--stale MONTHS]`: proves a bank sound and, when asked, lists the notes
//! on current law that were not checked for too long. Everything is said in the run's language.
use std::path::PathBuf;
use std::process::ExitCode;

use super::{Failure, print_out};
use crate::bank::Bank;
use crate::bank::lint::{self, stale};
use crate::locale::lint as words;
use crate::store;
use crate::text::Lang;

pub fn lint(
    dir: Option<&PathBuf>,
    stale_after: Option<u32>,
    lang: Lang,
) -> Result<ExitCode, Failure> {
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
            words::embedded_bank(lang).to_string(),
        ),
    };
    let bank = match Bank::from_bytes(&files, &origin) {
        Ok(b) => b,
        Err(e) => {
            let mut out = format!("{}\n", words::does_not_load(&origin, lang));
            let said: Vec<String> = e.defects.iter().map(|d| d.said(lang)).collect();
            out.push_str(&words::listed(&said, lang));
            print_out(&out)?;
            return Ok(ExitCode::from(1));
        }
    };
    let report = lint::lint(&bank);
    let mut out = format!(
        "{}\n",
        words::heading(&origin, &bank.id, &bank.version, lang)
    );
    out.push_str(&report.said(lang));
    let mut fresh = true;
    if let Some(limit) = stale_after {
        let now = stale::Month::current();
        let found = stale::stale_notes(&bank, now, limit);
        out.push_str(&words::stale_list(&found, now, limit, lang));
        fresh = found.is_empty();
    }
    print_out(&out)?;
    Ok(if report.is_sound() && fresh {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
