//! `verify`: is this record file the one that was saved, and does it hold together? Exit 0 when
//! every check holds, 1 when one fails, 2 when the file is not a readable record.
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Args, Failure, bad, load_bank, open_store, print_out};
use crate::locale::verify::Verify;
use crate::record::audit::{AdviceCheck, Audit, audit};
use crate::record::{self, PlanCheck, Verification};
use crate::store;

/// How many earlier revisions `verify` follows at most: a chain is short in practice, and a
/// crafted loop of `previous` links must end.
const MAX_REVISIONS: usize = 1000;

pub(super) fn verify(
    args: &Args,
    file: &str,
    expect: Option<&str>,
    allowed_signers: Option<&Path>,
    principal: Option<&str>,
) -> Result<ExitCode, Failure> {
    // A path, or else an id in the store. Something that looks like a path is read as one, so
    // a missing file is called missing rather than an unknown id.
    let looks_like_path = file.contains(['/', '\\']) || file.ends_with(".json");
    let path = if looks_like_path || Path::new(file).is_file() {
        PathBuf::from(file)
    } else {
        open_store(args)?.resolve(file).map_err(bad)?
    };
    let shown = path.display().to_string();
    let say = Verify(args.lang);
    let unreadable =
        |e: record::Unreadable| Failure::bad_input(format!("{shown}: {}", e.said(args.lang)));
    let text = store::read_record_text(&path).map_err(bad)?;
    let value = record::parse_value(&text).map_err(unreadable)?;
    // The format is checked first: a foreign or future file is unreadable, not altered.
    let check = record::verify_value(&value);
    // The plan is checked on its own: it may hold when the rest does not, and the other way
    // round (a plan changed by hand on a signed record whose signed part is intact).
    let plan = record::verify_plan(&value);
    let bank = load_bank(args)?;
    let unsealed = || Failure::bad_input(say.unsealed(&shown));
    let audit = match (audit(value, check.clone(), &bank), &check) {
        (Ok(a), Verification::Intact) => a,
        // Invalid content under a hash that no longer matches it is altered, and said as such;
        // without a hash there is nothing to check against.
        (Ok(_) | Err(record::Unreadable::Invalid(_)), Verification::Altered { .. }) => {
            return altered(&shown, &check, &plan, &say);
        }
        (Ok(_) | Err(record::Unreadable::Invalid(_)), Verification::Unsealed) => {
            return Err(unsealed());
        }
        (Err(e), _) => return Err(unreadable(e)),
    };
    let r = &audit.record;
    let mut out = say.intact(&shown, &r.id, r.revision, &r.integrity.hash);
    let mut holds = audit.holds();
    out.push_str(&say.history(audit.record.history.len(), audit.chained, audit.broken_link));
    out.push_str(&plan_line(&audit.plan, &say));
    out.push_str(&advice_line(&audit, &say));
    holds &= revisions(&path, &audit, &say, &mut out);
    holds &= signature(&audit.record, allowed_signers, principal, &say, &mut out)?;
    if let Some(expected) = expect {
        let expected = expected.trim().trim_start_matches("sha256:").to_lowercase();
        let differs = expected != audit.fingerprint;
        holds &= !differs;
        out.push_str(&say.expect(&expected, differs.then_some(audit.fingerprint.as_str())));
    }
    print_out(&out)?;
    Ok(if holds {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The FG's signature: checked against the register keeper's allowed_signers when given, else
/// only against the key it names (which shows the record was not changed since it was signed,
/// but not whose key that is). Asking for the check on a sign-off without a signature fails it.
fn signature(
    r: &record::Record,
    allowed: Option<&Path>,
    principal: Option<&str>,
    say: &Verify,
    out: &mut String,
) -> Result<bool, Failure> {
    if r.signature.is_some() && r.signoff.is_none() {
        out.push_str(say.signed_unsigned());
        return Ok(false);
    }
    let Some(sig) = &r.signature else {
        if allowed.is_some() {
            out.push_str(say.no_signature(true));
            return Ok(false);
        }
        if r.signoff.is_some() {
            out.push_str(say.no_signature(false));
        }
        return Ok(true);
    };
    let (signers, named) = match allowed {
        Some(file) => (
            store::read_input(
                &file.display().to_string(),
                crate::locale::commands::words(say.0).stdin,
            )
            .map_err(bad)?,
            Some(file.display().to_string()),
        ),
        None => (format!("* {}", sig.public_key), None),
    };
    // As ssh-keygen -Y verify: the validity of the allowed_signers lines is checked now.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let result = r
        .check_signature(
            &signers,
            record::signature::VerifyTime::utc(now),
            allowed.and(principal),
        )
        .unwrap_or(Err(record::signature::VerifyError::BadSignature));
    match (result, named) {
        (Ok(signer), Some(file)) => out.push_str(&say.signed_by(
            &signer.key_fingerprint,
            &crate::text::one_line(&signer.principals),
            signer.line,
            &file,
        )),
        (Ok(signer), None) => out.push_str(&say.signed_with(&signer.key_fingerprint)),
        (Err(e), _) => {
            out.push_str(&say.signature_fails(&e));
            return Ok(false);
        }
    }
    Ok(true)
}

fn altered(
    shown: &str,
    check: &Verification,
    plan: &PlanCheck,
    say: &Verify,
) -> Result<ExitCode, Failure> {
    let parts = match check {
        Verification::Altered { parts } if !parts.is_empty() => Some(parts.join(", ")),
        _ => None,
    };
    print_out(&(say.altered(shown, parts.as_deref()) + &plan_line(plan, say)))?;
    Ok(ExitCode::from(1))
}

/// The action plan's line; none for a record without a plan.
fn plan_line(plan: &PlanCheck, say: &Verify) -> String {
    match plan {
        PlanCheck::Absent => String::new(),
        PlanCheck::Intact { events } => say.plan_intact(*events),
        PlanCheck::Altered(a) => say.plan_altered(a),
    }
}

fn advice_line(a: &Audit, say: &Verify) -> String {
    // The bank's name comes from the file: one line, so it cannot add lines to this report.
    let one_line = |s: &str| crate::text::one_line(s).into_owned();
    let bank = &a.record.bank;
    let b = crate::advice::BankRef {
        id: one_line(&bank.id),
        version: one_line(&bank.version),
        sha256: one_line(&bank.sha256),
    };
    let b = &b;
    match (&a.advice, &a.record.outcome) {
        (_, None) => say.no_advice().to_string(),
        (AdviceCheck::Follows, _) => say.advice_follows(&b.id, &b.version),
        (AdviceCheck::Differs, _) => say.advice_differs(&b.id, &b.version),
        (AdviceCheck::BankUnavailable, _) => {
            say.advice_unchecked(&b.id, &b.version, b.short_hash())
        }
    }
}

/// Follows `previous` through the files beside this one: each earlier revision must still have
/// the fingerprint the later one names. Only a fingerprint that does not match fails the
/// check; a revision that is not there, or that was made before fingerprints were kept, is
/// said as such.
fn revisions(path: &Path, a: &Audit, say: &Verify, out: &mut String) -> bool {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut link = a.record.previous.clone();
    for _ in 0..MAX_REVISIONS {
        let Some(previous) = link else { return true };
        let id = &previous.id;
        let Some(expected) = &previous.hash else {
            out.push_str(&say.previous_not_kept(id));
            return true;
        };
        let file = dir.join(format!("{id}.json"));
        if !crate::record::is_plain_id(id) || !file.is_file() {
            out.push_str(&say.previous_missing(id));
            return true;
        }
        let value = store::read_record_text(&file)
            .ok()
            .and_then(|t| record::parse_value(&t).ok());
        let Some(value) = value else {
            out.push_str(&say.previous_unreadable(id));
            return false;
        };
        let found = record::fingerprint_of(&value);
        if &found != expected {
            out.push_str(&say.previous_differs(id, expected, &found));
            return false;
        }
        out.push_str(&say.previous_holds(id));
        link = record::from_value(value).ok().and_then(|r| r.previous);
    }
    true
}
