//! The justification a question asks for besides its answer (the legitimate interest's
//! conditions), asked on a line of its own right after the answer. It is optional: Enter skips
//! it (or keeps the one given before), "-" takes a given one away (and is none otherwise).
use super::*;

/// Asks for the justification of `question` if it asks for one, and gives it through the
/// workflow. At the end of the input nothing is asked: the question loop ends the session.
pub(super) fn ask<'b>(
    wf: &Workflow<'b>,
    work: &mut Work<'b>,
    question: &Question,
    lang: Lang,
    words: &Words,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> Result<()> {
    let Some(j) = &question.justification else {
        return Ok(());
    };
    writeln!(out, "{}", wrap(j.prompt.get(lang), W, "", ""))?;
    let help = j.help.get(lang);
    if !help.trim().is_empty() {
        writeln!(out, "{}", wrap(help, W, "  ", "  "))?;
    }
    let current = work
        .record()
        .justification(&question.id)
        .map(str::to_string);
    if let Some(current) = &current {
        let line = format!(
            "{}: {current} ({})",
            words.current, words.justification_keep
        );
        writeln!(out, "{}", wrap(&line, W, "", "  "))?;
    }
    writeln!(out, "{}", words.justify)?;
    let Some(line) = prompt(input, out)? else {
        return Ok(());
    };
    let text = match line.trim() {
        "" => return Ok(()),
        "-" => "",
        text => text,
    };
    warn_personal_data(text, lang, out)?;
    let done = match text.is_empty() {
        true => words.justification_removed,
        false => words.justification_saved,
    };
    let changed = wf.justify(work, &question.id, text);
    tell(
        changed,
        lang,
        words,
        words.justification_failed,
        Some(done),
        out,
    )?;
    Ok(())
}
