//! The commands on the records in the store: `new`, `list`, `export` and `signoff`.
use std::path::Path;
use std::process::ExitCode;

use super::{Failure, bad, print_json, print_out, warn};
use crate::bank::Bank;
use crate::record::{self, Assessment, Decision};
use crate::store::{self, Store};
use crate::text::{self, Lang};
use crate::{answers, export, guard};

pub(super) fn new_record(
    bank: &Bank,
    store: &Store,
    path: &str,
    lang: Lang,
) -> Result<ExitCode, Failure> {
    let src = store::read_input(path).map_err(bad)?;
    let name = if path == "-" { "standaardinvoer" } else { path };
    let parsed = answers::assess(bank, name, &src).map_err(Failure::bad_input)?;
    for n in &parsed.notices {
        warn(&format!("let op: {n}"));
    }
    let c = &parsed.campaign;
    for (field, text) in [
        ("campaign.name", &c.name),
        ("campaign.description", &c.description),
        ("campaign.organisation", &c.organisation),
    ] {
        if let Some(w) = text.as_deref().and_then(|t| guard::warning(t, lang)) {
            warn(&format!("{name}: {field}: {w}"));
        }
    }
    let now = record::time::now();
    let (campaign, participants) = parsed.for_record();
    let mut a = Assessment::start(bank, store.new_id(&now), campaign, participants, lang, &now);
    a.answer_all(&parsed.session, &now).map_err(|(q, e)| {
        Failure::bad_input(format!("{name}: vraag \"{}\": {e}", bank.questions[q].id))
    })?;
    store.create(&mut a.record).map_err(bad)?;
    print_out(&format!("{}\n", a.record.id))
}

pub(super) fn list(store: &Store, json: bool, lang: Lang) -> Result<ExitCode, Failure> {
    let listing = store.list().map_err(bad)?;
    if json {
        let v = serde_json::json!({
            "store": store.dir.display().to_string(),
            "records": listing.records,
            "unreadable": listing.unreadable.iter().map(|(f, why)| serde_json::json!({ "file": f, "reason": why })).collect::<Vec<_>>(),
        });
        return print_json(&(serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"));
    }
    let nl = lang == Lang::Nl;
    let mut out = String::new();
    if listing.records.is_empty() {
        out.push_str(if nl {
            "Nog geen verslagen"
        } else {
            "No records yet"
        });
        out.push_str(&format!(" in {}.\n", store.dir.display()));
    } else {
        let head = if nl {
            ["ID", "CAMPAGNE", "STATUS", "OORDEEL", "BIJGEWERKT"]
        } else {
            ["ID", "CAMPAIGN", "STATUS", "VERDICT", "UPDATED"]
        };
        let rows: Vec<[String; 5]> = listing
            .records
            .iter()
            .map(|s| {
                // Cleaned before it is measured, so the columns line up with what is shown.
                let campaign: String = if s.campaign.is_empty() {
                    "(zonder naam)".into()
                } else {
                    text::for_terminal(&s.campaign).chars().take(40).collect()
                };
                // One line per record: a line break in a record's text cannot add rows.
                [
                    s.id.clone(),
                    campaign,
                    s.status.label(lang).to_string(),
                    s.verdict_label.clone().unwrap_or_else(|| "-".into()),
                    record::time::in_words(&s.updated, lang),
                ]
                .map(|cell| text::one_line(&cell).into_owned())
            })
            .collect();
        let widths: Vec<usize> = (0..5)
            .map(|i| {
                rows.iter()
                    .map(|r| r[i].chars().count())
                    .chain([head[i].len()])
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
        out.push_str(&line(&head.map(str::to_string)));
        for r in &rows {
            out.push_str(&line(r));
        }
    }
    for (file, why) in &listing.unreadable {
        out.push_str(&format!(
            "{} {}: {}\n",
            if nl { "Onleesbaar:" } else { "Unreadable:" },
            text::one_line(file),
            text::one_line(why)
        ));
    }
    print_out(&out)
}

/// What `export` is asked for.
pub(super) struct ExportRequest<'a> {
    pub id: &'a str,
    pub format: export::Format,
    pub output: Option<&'a Path>,
    pub force: bool,
    pub mode: u32,
}

pub(super) fn export_record(
    bank: &Bank,
    store: &Store,
    req: &ExportRequest,
    lang: Lang,
) -> Result<ExitCode, Failure> {
    let ExportRequest {
        id,
        format,
        output,
        force,
        mode,
    } = *req;
    let path = store.resolve(id).map_err(bad)?;
    // Only a record that holds goes to the register: an export would pass an altered one on
    // as if it were the one that was saved. The file is read once: what is checked is what is
    // exported.
    let (loaded, text) = store::read_checked_text(&path).map_err(bad)?;
    let record = loaded.intact(bank).map_err(|e| bad(e.into()))?;
    if format == export::Format::Sig && record.signature.is_none() {
        return Err(Failure::bad_input(format!(
            "verslag {}: de aftekening is niet met een SSH-sleutel ondertekend; er is geen handtekening om te exporteren",
            record.id
        )));
    }
    let stored = (format == export::Format::Json).then(|| text.into_bytes());
    let content = export::render(&record, format, lang, stored);
    match output {
        // On stdout the JSON is escaped where a terminal would obey it (the same value, not
        // the same bytes); a file written with -o keeps the record's exact bytes, which its
        // integrity hash covers.
        None if format == export::Format::Json => print_json(&String::from_utf8_lossy(&content)),
        None => print_out(&String::from_utf8_lossy(&content)),
        Some(p) => {
            store::write_export(p, &content, force, mode).map_err(bad)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// What the FG gives on the command line to sign off.
pub(super) struct SignOffRequest<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub decision: Decision,
    pub date: Option<&'a str>,
    pub remarks: &'a str,
    pub key: Option<&'a Path>,
    pub accept_altered: bool,
}

/// `signoff`: the FG's sign-off on a completed record, signed with their SSH key if they give
/// one, and said only once it is on disk.
pub(super) fn sign_off(
    bank: &Bank,
    store: &Store,
    req: &SignOffRequest,
) -> Result<ExitCode, Failure> {
    let SignOffRequest {
        id,
        name,
        decision,
        date,
        remarks,
        key,
        accept_altered,
    } = *req;
    let (record, unverified) = store
        .load(id)
        .map_err(bad)?
        .admit(accept_altered, bank)
        .map_err(|e| bad(e.into()))?;
    // The FG signs the advice that was shown; if the bank changed since, the advice must be
    // looked at again first rather than silently replaced at sign-off.
    if record.bank != record::bank_ref(bank) {
        return Err(Failure::bad_input(format!(
            "verslag {}: gemaakt met vragenbank {} {} (sha256 {}), niet met de huidige; open het eerst met avg-wijzer --resume {} zodat het advies wordt bijgewerkt, en teken dan af",
            record.id,
            record.bank.id,
            record.bank.version,
            record.bank.short_hash(),
            record.id
        )));
    }
    let now = record::time::now();
    let date = date
        .map(str::to_string)
        .unwrap_or_else(|| record::time::local_date(&now));
    if let Some(w) = guard::warning(remarks, Lang::Nl) {
        warn(&format!("opmerkingen: {w}"));
    }
    // An altered record accepted with --accept-altered is signed in a new revision that says
    // so; the altered file itself is never sealed again.
    let (mut a, revised_from) = match unverified {
        None => (Assessment::resume(bank, record, &now), None),
        Some(u) => {
            let (a, reopened) =
                Assessment::reopen(bank, record, Some(u), || store.new_id(&now), &now);
            (a, reopened.revised_from)
        }
    };
    if let Some(old) = &revised_from {
        warn(&format!(
            "verslag {old} wordt voortgezet als nieuwe revisie {}",
            a.record.id
        ));
    }
    a.sign_off(name, &date, decision, remarks, &now)
        .map_err(|e| Failure::bad_input(format!("verslag {}: {e}", a.record.id)))?;
    if let Some(key) = key {
        if crate::keyfile::is_in_store(key, store) {
            warn(&crate::keyfile::in_store_warning(key));
        }
        // Nothing is saved when signing fails: the FG tries again, or signs off without a key.
        crate::keyfile::sign(&mut a.record, key, crate::keyfile::ask_passphrase).map_err(bad)?;
    }
    if revised_from.is_some() {
        store.create(&mut a.record)
    } else {
        store.save(&mut a.record)
    }
    .map_err(bad)?;
    // Said only now that the sign-off is on disk.
    let signed = match &a.record.signature {
        Some(s) => format!(", ondertekend met SSH-sleutel {}", s.key_fingerprint),
        None => String::new(),
    };
    print_out(&format!(
        "{}: afgetekend ({}){signed}\nvingerafdruk (sha256): {}\n",
        a.record.id,
        decision.label(Lang::Nl),
        a.record.integrity.hash
    ))
}
