//! The FG's sign-off, asked line by line, with an SSH key if the FG has one; before it, the
//! prompt also takes changes to the plan and the documents' commands.
use super::*;

/// Asks for the FG's sign-off and makes it through the workflow, which saves it or takes it
/// back. `false` only when a sign-off was made and could not be saved: the session then ends
/// with exit code 1. Said signed only once it is on disk.
pub(super) fn sign_off<'b>(
    wf: &Workflow<'b>,
    work: &mut Work<'b>,
    lang: Lang,
    words: &Words,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> Result<bool> {
    let has_plan = !work.plan().is_empty();
    let docs = super::documents::offer(wf, work, lang, out)?;
    if has_plan {
        let prompt = crate::locale::lines::plan_lines(lang).prompt;
        writeln!(out, "\n{}", wrap(prompt, W, "", ""))?;
    }
    writeln!(out, "\n{}", wrap(words.signoff_prompt, W, "", ""))?;
    // Changes to the plan, one a line, until the sign-off or the end.
    let line = loop {
        let Some(line) = prompt(input, out)? else {
            return Ok(true);
        };
        if super::documents::document_command(&docs, &line, lang, words, out)? {
            continue;
        }
        if !has_plan || !super::plan::plan_command(wf, work, &line, lang, words, out)? {
            break line;
        }
    };
    if !matches!(
        line.trim().to_lowercase().as_str(),
        "aftekenen" | "sign" | "sign off"
    ) {
        return Ok(true);
    }
    let today = record::time::local_date(&record::time::now());
    loop {
        writeln!(out, "{}", words.signoff_name)?;
        let Some(name) = prompt(input, out)? else {
            return Ok(true);
        };
        writeln!(out, "{}", words.signoff_date)?;
        let Some(date) = prompt(input, out)? else {
            return Ok(true);
        };
        let date = match date.trim() {
            "" => today.clone(),
            given => given.to_string(),
        };
        writeln!(out, "{}", words.signoff_decision)?;
        let Some(choice) = prompt(input, out)? else {
            return Ok(true);
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
            return Ok(true);
        };
        warn_personal_data(&remarks, lang, out)?;
        // Checked before the key is asked for, so the FG corrects a slip at once.
        if let Err(e) = record::check_sign_off(&name, &date) {
            writeln!(out, "{}: {}", words.not_understood, e.said(lang))?;
            continue;
        }
        let input_given = SignOffInput {
            name: &name,
            date: &date,
            decision,
            remarks: remarks.trim(),
        };
        return sign_with_key(wf, work, input_given, lang, words, input, out);
    }
}

/// Asks for the FG's SSH key and signs off, signed with it, until it is done or the FG goes
/// on without a key (an empty line). Nothing is signed off when the input ends.
fn sign_with_key<'b>(
    wf: &Workflow<'b>,
    work: &mut Work<'b>,
    given: SignOffInput,
    lang: Lang,
    words: &Words,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> Result<bool> {
    loop {
        writeln!(out, "{}", wrap(words.signoff_key, W, "", ""))?;
        let Some(line) = prompt(input, out)? else {
            return Ok(true);
        };
        let key = Some(std::path::Path::new(line.trim())).filter(|_| !line.trim().is_empty());
        if let Some(key) = key.filter(|k| wf.key_in_store(k)) {
            writeln!(
                out,
                "{}",
                wrap(
                    &crate::locale::signature::key_in_store(key, lang),
                    W,
                    "",
                    ""
                )
            )?;
        }
        // The prompt for a passphrase goes to the terminal itself, after what was written.
        out.flush()?;
        match wf.sign_off(work, given, key, crate::keyfile::ask_passphrase(lang)) {
            Ok(changed) => {
                say_revised(&changed, words, out)?;
                let r = work.record();
                writeln!(out, "{}", words.signed)?;
                writeln!(out, "{}: {}", words.fingerprint, r.integrity.hash)?;
                if let Some(s) = &r.signature {
                    writeln!(out, "{}: {}", words.signed_with, s.key_fingerprint)?;
                }
                return Ok(true);
            }
            Err(SignOffError::Key(e)) => writeln!(
                out,
                "{}: {}",
                words.not_signed_with_key,
                crate::locale::store::said(&e, lang)
            )?,
            Err(SignOffError::NotSaved(why)) => {
                writeln!(out, "{}: {}", words.signoff_failed, why.said(lang))?;
                return Ok(false);
            }
            Err(SignOffError::Refused(e)) => {
                writeln!(out, "{}: {}", words.not_understood, e.said(lang))?;
                return Ok(true);
            }
            // The advice was shown just before the sign-off was asked for.
            Err(SignOffError::BankChangedUnseen { .. }) => {
                writeln!(out, "{}", wrap(words.bank_unseen, W, "", ""))?;
                return Ok(true);
            }
        }
    }
}
