//! The FG's sign-off, asked line by line, with an SSH key if the FG has one; before it, the
//! prompt also takes changes to the plan and the documents' commands.
use super::*;
use crate::app::{self, SignOffField as F};

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
    // The fields, until the FG confirms what they are about to freeze.
    let given = loop {
        let Some(given) = ask_sign_off(wf.today(), lang, words, input, out)? else {
            return Ok(true);
        };
        match confirmed(
            &given,
            work.record().outcome.as_ref(),
            lang,
            words,
            input,
            out,
        )? {
            Some(true) => break given,
            Some(false) => {}
            None => return Ok(true),
        }
    };
    match given.draft().check() {
        Ok(checked) => sign_with_key(wf, work, checked, lang, words, input, out),
        // Each field was checked as it was typed; this is the workflow's last word.
        Err((_, e)) => {
            writeln!(out, "{}: {}", words.not_understood, e.said(lang))?;
            Ok(true)
        }
    }
}

/// Shows what the sign-off will freeze and asks for an explicit yes, as the interface's
/// summary does: `Some(true)` to sign, `Some(false)` to fill in the fields again, `None` when
/// the input ends.
fn confirmed(
    given: &Given,
    advice: Option<&crate::advice::Advice>,
    lang: Lang,
    words: &Words,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> Result<Option<bool>> {
    let s = crate::locale::signoff::words(lang);
    writeln!(out, "\n{}", wrap(s.confirm_intro, W, "", ""))?;
    for (label, value, _) in crate::locale::signoff::summary(&given.draft(), advice, lang) {
        writeln!(
            out,
            "{}",
            wrap(&format!("{label}: {value}"), W, "  ", "    ")
        )?;
    }
    loop {
        writeln!(out, "{}", wrap(s.confirm_line, W, "", ""))?;
        let Some(line) = prompt(input, out)? else {
            return Ok(None);
        };
        match yes_or_no(&line) {
            Some(yes) => return Ok(Some(yes)),
            None => writeln!(out, "{}", words.not_understood)?,
        }
    }
}

/// The sign-off as typed, each field checked as it was.
struct Given {
    name: String,
    role: String,
    date: String,
    decision: Decision,
    conditions: String,
    remarks: String,
    also: Vec<record::Signer>,
}

impl Given {
    fn draft(&self) -> app::SignOffDraft<'_> {
        app::SignOffDraft {
            name: &self.name,
            role: &self.role,
            date: &self.date,
            decision: Some(self.decision),
            conditions: &self.conditions,
            remarks: &self.remarks,
            also: &self.also,
        }
    }
}

/// Asks for the sign-off field by field, each checked as it is typed by the workflow's rules:
/// a slip is said and that field alone asked again. `None` when the input ends.
fn ask_sign_off(
    today: String,
    lang: Lang,
    words: &Words,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> Result<Option<Given>> {
    let fg_role = crate::locale::record::fg_role(lang);
    let Some(name) = ask(
        words.signoff_name,
        checked(F::Name, None, ""),
        words,
        lang,
        input,
        out,
    )?
    else {
        return Ok(None);
    };
    let role_prompt = words.signoff_role.replace("{role}", fg_role);
    let role_check = checked(F::Role, None, fg_role);
    let Some(role) = ask(&role_prompt, role_check, words, lang, input, out)? else {
        return Ok(None);
    };
    let date_prompt = words.signoff_date.replace("{today}", &today);
    let date_check = checked(F::Date, None, &today);
    let Some(date) = ask(&date_prompt, date_check, words, lang, input, out)? else {
        return Ok(None);
    };
    let Some(decision) = ask(words.signoff_decision, decision_of, words, lang, input, out)? else {
        return Ok(None);
    };
    let mut conditions = String::new();
    if decision == Decision::ApprovedWithConditions {
        let check = checked(F::Conditions, Some(decision), "");
        let Some(given) = ask(words.signoff_conditions, check, words, lang, input, out)? else {
            return Ok(None);
        };
        warn_personal_data(&given, lang, out)?;
        conditions = given;
    }
    writeln!(out, "{}", words.signoff_remarks)?;
    let Some(remarks) = prompt(input, out)? else {
        return Ok(None);
    };
    warn_personal_data(&remarks, lang, out)?;
    let mut also = Vec::new();
    loop {
        writeln!(out, "{}", wrap(words.signoff_also, W, "", ""))?;
        let Some(name) = prompt(input, out)? else {
            return Ok(None);
        };
        if name.trim().is_empty() {
            break;
        }
        let i = also.len();
        let role_prompt = words.signoff_also_role.replace("{name}", name.trim());
        let Some(role) = ask(
            &role_prompt,
            checked(F::SignerRole(i), None, ""),
            words,
            lang,
            input,
            out,
        )?
        else {
            return Ok(None);
        };
        also.push(record::Signer {
            name: name.trim().to_string(),
            role,
        });
    }
    Ok(Some(Given {
        name,
        role,
        date,
        decision,
        conditions,
        remarks: remarks.trim().to_string(),
        also,
    }))
}

/// The check of field `f` as it is typed (`decision` chosen so far), Enter giving `default`
/// where it is not empty: the value, trimmed.
fn checked(
    f: F,
    decision: Option<Decision>,
    default: &str,
) -> impl Fn(&str) -> Result<String, Refusal> + '_ {
    move |line: &str| {
        let line = match line.trim() {
            "" => default,
            given => given,
        };
        app::check_field(f, line, decision).map(|()| line.to_string())
    }
}

/// The decision typed: its number or its id.
fn decision_of(line: &str) -> Result<Decision, Refusal> {
    match line.trim() {
        "1" => Ok(Decision::Approved),
        "2" => Ok(Decision::ApprovedWithConditions),
        "3" => Ok(Decision::Rejected),
        other => Decision::parse(other).ok_or(Refusal::NoDecision),
    }
}

/// Asks `question` until the line typed passes `check`, saying what is wrong each time.
/// `None` when the input ends.
fn ask<T>(
    question: &str,
    check: impl Fn(&str) -> Result<T, Refusal>,
    words: &Words,
    lang: Lang,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> Result<Option<T>> {
    loop {
        writeln!(out, "{}", wrap(question, W, "", ""))?;
        let Some(line) = prompt(input, out)? else {
            return Ok(None);
        };
        match check(&line) {
            Ok(v) => return Ok(Some(v)),
            Err(e) => writeln!(out, "{}: {}", words.not_understood, e.said(lang))?,
        }
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
