//! The FG's sign-off, asked line by line, with an SSH key if the FG has one.
use super::*;

/// Asks for the FG's sign-off and makes it in memory: `true` when it was made. Saying it is
/// signed is the caller's, once the save succeeded.
pub(super) fn sign_off(
    a: &mut Assessment,
    store: Option<&Store>,
    lang: Lang,
    words: &Words,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> Result<bool> {
    writeln!(out, "\n{}", wrap(words.signoff_prompt, W, "", ""))?;
    let Some(line) = prompt(input, out)? else {
        return Ok(false);
    };
    if !matches!(
        line.trim().to_lowercase().as_str(),
        "aftekenen" | "sign" | "sign off"
    ) {
        return Ok(false);
    }
    let now = record::time::now();
    loop {
        writeln!(out, "{}", words.signoff_name)?;
        let Some(name) = prompt(input, out)? else {
            return Ok(false);
        };
        writeln!(out, "{}", words.signoff_date)?;
        let Some(date) = prompt(input, out)? else {
            return Ok(false);
        };
        let date = if date.trim().is_empty() {
            record::time::local_date(&now)
        } else {
            date.trim().to_string()
        };
        writeln!(out, "{}", words.signoff_decision)?;
        let Some(choice) = prompt(input, out)? else {
            return Ok(false);
        };
        let decision = match choice.trim() {
            "1" => Decision::Approved,
            "2" => Decision::ApprovedWithConditions,
            "3" => Decision::Rejected,
            other => match Decision::parse(other) {
                Some(d) => d,
                None => {
                    writeln!(out, "{}: \"{other}\".", words.not_understood)?;
                    continue;
                }
            },
        };
        writeln!(out, "{}", words.signoff_remarks)?;
        let Some(remarks) = prompt(input, out)? else {
            return Ok(false);
        };
        warn_personal_data(&remarks, lang, out)?;
        match a.sign_off(&name, &date, decision, remarks.trim(), &now) {
            Ok(()) => return sign_with_key(a, store, words, input, out),
            Err(e) => writeln!(out, "{}: {e}", words.not_understood)?,
        }
    }
}

/// Asks for the FG's SSH key and signs the sign-off with it, until it is signed or the FG goes
/// on without a key (an empty line). `false` when the input ends: nothing is signed off then.
fn sign_with_key(
    a: &mut Assessment,
    store: Option<&Store>,
    words: &Words,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> Result<bool> {
    loop {
        writeln!(out, "{}", wrap(words.signoff_key, W, "", ""))?;
        let Some(line) = prompt(input, out)? else {
            return Ok(false);
        };
        let path = std::path::Path::new(line.trim());
        if line.trim().is_empty() {
            return Ok(true);
        }
        if store.is_some_and(|s| crate::keyfile::is_in_store(path, s)) {
            writeln!(
                out,
                "{}",
                wrap(&crate::keyfile::in_store_warning(path), W, "", "")
            )?;
        }
        // The prompt for a passphrase goes to the terminal itself, after what was written.
        out.flush()?;
        match crate::keyfile::sign(&mut a.record, path, crate::keyfile::ask_passphrase) {
            Ok(()) => return Ok(true),
            Err(e) => writeln!(out, "{}: {e:#}", words.not_signed_with_key)?,
        }
    }
}
