//! The accessible front end: one question at a time on plain lines, no colours, no full screen.
//! Works with screen readers, dumb terminals and piped input. With a store, every answer, note
//! and sign-off is saved at once, so a session killed at any moment resumes where it was.
use std::io::{BufRead, Write};
use std::process::ExitCode;

use anyhow::Result;

pub use crate::app::Opening;
use crate::app::{Changed, Event, Saved, SignOffError, SignOffInput, Work, Workflow};
use crate::bank::{Bank, Kind, QId, Question};
use crate::engine::Answer;
use crate::guard;
use crate::record::{self, Campaign, Decision, Participant, Refusal, Status};
use crate::text::{Lang, TerminalWriter, wrap};

mod campaign;
mod documents;
mod justify;
mod opening;
mod plan;
mod register;
mod signoff;
use crate::locale::lines::{EN, NL, Words, unclear};
use opening::{open, resume_record};
pub use plan::{PlanSyntax, parse_change};
use signoff::sign_off;

const W: usize = 78;

/// What a line typed at a question means.
#[derive(Debug, PartialEq)]
enum Said {
    Help,
    Back,
    Stop,
    Keep,
    Note(String),
    /// Change the campaign (`campagne`).
    Campaign,
    Answer(Answer),
    Unclear(Unclear),
}

/// Why a line typed at a question is not an answer (said by `locale::lines`).
#[derive(Debug, PartialEq)]
pub enum Unclear {
    /// Text that does not fit the question.
    Answer(crate::bank::AnswerError),
    /// A word or number that is none of the `n` options.
    Token { token: String, n: usize },
    /// No option at all, of `n`.
    Nothing { n: usize },
    /// Several options for a question that takes one.
    OneOnly,
}

/// The plain mode without a store: nothing is saved (for trying the questions out, and tests).
pub fn run(
    bank: &Bank,
    lang: Lang,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> Result<ExitCode> {
    run_with(
        &Workflow::new(bank, None, false),
        lang,
        Opening::Ask,
        input,
        out,
    )
}

/// The plain mode through the workflow `wf` (on a store, or none), begun as `opening` says:
/// `Resume` names the id (or its start) of a record to continue (a signed-off record is
/// continued as a new revision at its first change, never changed itself); `New` skips the
/// question whether to continue an unfinished record.
///
/// Nothing is called saved ("bewaard", "afgetekend") before the store said it is on disk. A
/// failed save is said at once and the session goes on (the next save writes the whole record
/// and may succeed); if the session ends with changes still not on disk it says so and exits 1.
/// A sign-off whose save fails is taken back and the session exits 1 at once.
pub fn run_with(
    wf: &Workflow,
    lang: Lang,
    opening: Opening,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let bank = wf.bank;
    // Everything this mode writes goes through one cleaning writer: record texts, bank texts
    // and typed lines echoed back all come from other people, and no line can be missed.
    let out = &mut TerminalWriter::new(out);
    let words = if lang == Lang::En { &EN } else { &NL };
    writeln!(out, "AVG-wijzer — {}", bank.title.get(lang))?;
    let opened = match opening {
        // A record that cannot be resumed is bad input, as on the command line: one line on
        // standard error, exit code 2.
        Opening::Resume(id) if wf.store().is_some() => {
            match resume_record(wf, id, lang, words, out) {
                Ok(work) => Some(work),
                Err(e) => {
                    eprintln!(
                        "avg-wijzer: {}",
                        crate::text::for_terminal(&crate::locale::store::said(&e, lang))
                    );
                    return Ok(ExitCode::from(2));
                }
            }
        }
        _ => open(wf, lang, opening == Opening::New, words, input, out)?,
    };
    let Some(mut work) = opened else {
        writeln!(out, "\n{}", words.ended)?;
        return Ok(ExitCode::from(2));
    };
    writeln!(out, "\n{}", wrap(words.intro, W, "", ""))?;
    writeln!(out, "{}", wrap(words.commands, W, "", ""))?;
    // The question being revisited after "terug"; `None` means the first unanswered one.
    let mut cursor: Option<QId> = None;
    loop {
        let walk = work.session().walk(bank);
        let q = match cursor.or(walk.pending) {
            Some(q) => q,
            None => {
                // Complete: the summary, then the advice or a change.
                writeln!(out, "\n{}:", words.summary)?;
                for (i, &p) in walk.path.iter().enumerate() {
                    let question = &bank.questions[p];
                    let answer = work
                        .session()
                        .answer(p)
                        .map(|x| question.answer_label(x, lang))
                        .unwrap_or_default();
                    let answer = if answer.is_empty() {
                        words.empty.to_string()
                    } else {
                        answer
                    };
                    let line = format!("{}. {} — {answer}", i + 1, question.prompt.get(lang));
                    let indent = " ".repeat((i + 1).to_string().len() + 2);
                    writeln!(out, "{}", wrap(&line, W, "", &indent))?;
                    if let Some(j) = work.record().justification(&question.id) {
                        let line = format!("{}: {j}", words.justification);
                        writeln!(out, "{}", wrap(&line, W, &indent, &indent))?;
                    }
                    if let Some(n) = work.record().notes.get(&question.id) {
                        let line = format!("{}: {n}", crate::locale::screen::words(lang).note);
                        writeln!(out, "{}", wrap(&line, W, &indent, &format!("{indent}  ")))?;
                    }
                }
                writeln!(out, "{}", wrap(words.summary_prompt, W, "", ""))?;
                let Some(line) = prompt(input, out)? else {
                    break;
                };
                // "notitie …" here is a note on the whole session; "notitie" alone begins one
                // of several lines.
                if let Some(text) = note_text(&line) {
                    let text = match text.is_empty() {
                        true => campaign::read_note(lang, input, out)?,
                        false => text,
                    };
                    note(wf, &mut work, None, &text, lang, words, out)?;
                    continue;
                }
                if campaign::asks_campaign(&line) {
                    if !campaign::edit_campaign(wf, &mut work, lang, words, input, out)? {
                        break;
                    }
                    continue;
                }
                let line = line.trim().to_lowercase();
                if line.is_empty() {
                    break;
                } else if is_back(&line) {
                    cursor = walk.path.last().copied();
                } else if is_stop(&line) {
                    writeln!(out, "{}", words.stopped)?;
                    return finish(ExitCode::SUCCESS, &work, words, out);
                } else if let Some(&p) = line
                    .parse::<usize>()
                    .ok()
                    .and_then(|n| n.checked_sub(1))
                    .and_then(|i| walk.path.get(i))
                {
                    cursor = Some(p);
                } else {
                    writeln!(out, "{}: \"{line}\".", words.not_understood)?;
                }
                continue;
            }
        };
        let position = walk.steps().position(|x| x == q).unwrap_or(walk.path.len());
        let question = &bank.questions[q];
        show(
            bank,
            question,
            q,
            position,
            work.session().answer(q),
            lang,
            words,
            out,
        )?;
        let Some(line) = prompt(input, out)? else {
            writeln!(out, "\n{}", words.ended)?;
            return finish(ExitCode::from(2), &work, words, out);
        };
        match interpret(question, &line, work.session().answer(q).is_some()) {
            Said::Help => {
                writeln!(
                    out,
                    "\n{}:\n{}",
                    words.help,
                    wrap(&work.session().help(bank, q, lang), W, "  ", "  ")
                )?;
                writeln!(
                    out,
                    "{}:\n{}",
                    words.reasoning,
                    wrap(question.reasoning.get(lang), W, "  ", "  ")
                )?;
                let sources = format!("{}: {}", words.sources, question.sources.join("; "));
                writeln!(out, "{}", wrap(&sources, W, "  ", "  "))?;
            }
            Said::Back => match position.checked_sub(1).and_then(|i| walk.path.get(i)) {
                Some(&p) => cursor = Some(p),
                None => writeln!(out, "{}", words.first)?,
            },
            Said::Stop => {
                writeln!(out, "{}", words.stopped)?;
                return finish(ExitCode::SUCCESS, &work, words, out);
            }
            Said::Note(text) => {
                // "notitie" alone begins a note of several lines, ended by an empty line.
                let text = match text.is_empty() {
                    true => campaign::read_note(lang, input, out)?,
                    false => text,
                };
                note(wf, &mut work, Some(&question.id), &text, lang, words, out)?
            }
            Said::Campaign => {
                if !campaign::edit_campaign(wf, &mut work, lang, words, input, out)? {
                    writeln!(out, "\n{}", words.ended)?;
                    return finish(ExitCode::from(2), &work, words, out);
                }
            }
            Said::Unclear(why) => {
                writeln!(out, "{}: {}", words.not_understood, unclear(&why, lang))?
            }
            said => {
                if let Said::Answer(answer) = said {
                    let changed = wf.answer(&mut work, q, answer);
                    if !tell(changed, lang, words, words.save_failed, None, out)? {
                        continue;
                    }
                    if question.kind == Kind::Text
                        && let Some(Answer::Text(t)) = work.session().answer(q)
                    {
                        warn_personal_data(t, lang, out)?;
                    }
                }
                justify::ask(wf, &mut work, question, lang, words, input, out)?;
                // Go on along the (possibly new) path: the next question after this one.
                let walk = work.session().walk(bank);
                cursor = walk
                    .path
                    .iter()
                    .position(|&x| x == q)
                    .and_then(|i| walk.path.get(i + 1).copied());
            }
        }
    }
    let Some(advice) = work.record().outcome.clone() else {
        writeln!(out, "\n{}", words.ended)?;
        return finish(ExitCode::from(2), &work, words, out);
    };
    writeln!(out)?;
    write!(out, "{}", advice.to_text())?;
    work.shown();
    plan::show_plan(wf, &work, lang, out)?;
    if wf.store().is_some() && !sign_off(wf, &mut work, lang, words, input, out)? {
        out.flush()?;
        return Ok(ExitCode::FAILURE);
    }
    finish(ExitCode::SUCCESS, &work, words, out)
}

/// A note on a question (`None`: on the whole session), warned about if it seems to hold
/// personal data, and said saved once it is on disk.
#[allow(clippy::too_many_arguments)]
fn note<'b>(
    wf: &Workflow<'b>,
    work: &mut Work<'b>,
    question: Option<&str>,
    text: &str,
    lang: Lang,
    words: &Words,
    out: &mut impl Write,
) -> Result<()> {
    warn_personal_data(text, lang, out)?;
    let changed = wf.note(work, question, text);
    let done = match text.trim().is_empty() {
        true => words.note_removed,
        false => words.note_saved,
    };
    tell(changed, lang, words, words.note_failed, Some(done), out)?;
    Ok(())
}

/// Says that a change went into a new revision, if it did.
fn say_revised(changed: &Changed, words: &Words, out: &mut impl Write) -> Result<()> {
    for e in &changed.events {
        if let Event::Revised { from, to, altered } = e {
            let said = match altered {
                true => words.revised_altered,
                false => words.revised,
            };
            writeln!(out, "{}", wrap(&format!("{said} {from} → {to}"), W, "", ""))?;
        }
    }
    Ok(())
}

/// Says what a change did: a new revision, a save that failed (after `failed`), or `done` once
/// it is on disk. `false` when the change was refused (said as not understood).
fn tell(
    changed: std::result::Result<Changed, Refusal>,
    lang: Lang,
    words: &Words,
    failed: &str,
    done: Option<&str>,
    out: &mut impl Write,
) -> Result<bool> {
    let changed = match changed {
        Ok(c) => c,
        Err(e) => {
            writeln!(out, "{}: {}", words.not_understood, e.said(lang))?;
            return Ok(false);
        }
    };
    say_revised(&changed, words, out)?;
    match (&changed.saved, done) {
        (Saved::Failed(why), _) => writeln!(out, "{failed}: {}", why.said(lang))?,
        (Saved::Yes, Some(done)) => writeln!(out, "{done}")?,
        _ => {}
    }
    Ok(true)
}

/// The session's exit code: a session that ends with changes not on disk says so and fails
/// (exit 1; an input that ended early keeps its own code 2).
fn finish(code: ExitCode, work: &Work, words: &Words, out: &mut impl Write) -> Result<ExitCode> {
    let code = if work.is_unsaved() {
        writeln!(out, "{}", wrap(words.not_all_saved, W, "", ""))?;
        if code == ExitCode::SUCCESS {
            ExitCode::FAILURE
        } else {
            code
        }
    } else {
        code
    };
    out.flush()?;
    Ok(code)
}

fn warn_personal_data(text: &str, lang: Lang, out: &mut impl Write) -> Result<()> {
    if let Some(w) = guard::warning(text, lang) {
        writeln!(out, "{}", wrap(&w, W, "", ""))?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn show(
    bank: &Bank,
    question: &Question,
    q: QId,
    position: usize,
    current: Option<&Answer>,
    lang: Lang,
    words: &Words,
    out: &mut impl Write,
) -> Result<()> {
    let (lo, hi) = bank.span_from(q);
    let (lo, hi) = (lo - 1, hi - 1);
    let rest = if lo == hi {
        format!("{lo}")
    } else {
        format!("{lo}–{hi}")
    };
    writeln!(
        out,
        "\n{} {} ({} {rest})",
        words.question,
        position + 1,
        words.remaining
    )?;
    writeln!(out, "{}", wrap(question.prompt.get(lang), W, "", ""))?;
    for (i, o) in question.options.iter().enumerate() {
        let line = format!("{}. {}", i + 1, o.label.get(lang));
        writeln!(
            out,
            "{}",
            wrap(&line, W, "", &" ".repeat((i + 1).to_string().len() + 2))
        )?;
    }
    if let Some(a) = current {
        let shown = match (question.kind, a) {
            (Kind::Text, _) => question.answer_label(a, lang),
            (_, Answer::Choice(m)) => (0..question.options.len())
                .filter(|i| m & (1 << i) != 0)
                .map(|i| (i + 1).to_string())
                .collect::<Vec<_>>()
                .join(", "),
            _ => String::new(),
        };
        writeln!(out, "{}: {shown} ({})", words.current, words.keep)?;
    }
    let how = match question.kind {
        Kind::Multiple => words.pick_many,
        Kind::Text => words.type_text,
        _ => words.pick_one,
    };
    writeln!(out, "{how}")?;
    Ok(())
}

/// A yes (`Some(true)`) or a no (`Some(false)`) typed in either language, or neither.
fn yes_or_no(line: &str) -> Option<bool> {
    match line.trim().to_lowercase().as_str() {
        "j" | "ja" | "y" | "yes" => Some(true),
        "n" | "nee" | "no" => Some(false),
        _ => None,
    }
}

/// Reads one line after a "> " prompt; `None` at the end of the input.
fn prompt(input: &mut impl BufRead, out: &mut impl Write) -> Result<Option<String>> {
    write!(out, "> ")?;
    out.flush()?;
    // Invalid UTF-8 in the input is read as lossy text, never a crash.
    let mut bytes = Vec::new();
    if input.read_until(b'\n', &mut bytes)? == 0 {
        return Ok(None);
    }
    Ok(Some(
        String::from_utf8_lossy(&bytes)
            .trim_end_matches(['\n', '\r'])
            .to_string(),
    ))
}

fn is_back(s: &str) -> bool {
    matches!(s, "terug" | "back" | "b")
}

fn is_stop(s: &str) -> bool {
    matches!(s, "stop" | "quit" | "q")
}

/// The text of a "notitie …" (or "note …") line; `None` for any other line.
fn note_text(line: &str) -> Option<String> {
    let trimmed = line.trim();
    let lower = trimmed.to_lowercase();
    ["notitie", "note"].into_iter().find_map(|prefix| {
        let rest = lower.strip_prefix(prefix)?;
        // `get`, not indexing: lower-casing may change byte lengths in odd input.
        (rest.is_empty() || rest.starts_with([' ', ':']))
            .then(|| trimmed.get(prefix.len()..))
            .flatten()
            .map(|t| t.trim_start_matches([' ', ':']).trim().to_string())
    })
}

fn interpret(question: &Question, line: &str, has_answer: bool) -> Said {
    if let Some(text) = note_text(line) {
        return Said::Note(text);
    }
    if campaign::asks_campaign(line) {
        return Said::Campaign;
    }
    let trimmed = line.trim();
    let lower = trimmed.to_lowercase();
    match lower.as_str() {
        "?" | "help" | "uitleg" => return Said::Help,
        s if is_back(s) => return Said::Back,
        s if is_stop(s) => return Said::Stop,
        "" if has_answer => return Said::Keep,
        _ => {}
    }
    if question.kind == Kind::Text {
        return match question.text_answer(trimmed) {
            Ok(a) => Said::Answer(a),
            Err(e) => Said::Unclear(Unclear::Answer(e)),
        };
    }
    let n = question.options.len();
    let mut mask = 0u64;
    for token in lower.split([' ', ',', ';']).filter(|t| !t.is_empty()) {
        let index = match token.parse::<usize>() {
            Ok(k) if (1..=n).contains(&k) => Some(k - 1),
            Ok(_) => None,
            Err(_) => question.option_index(token).or_else(|| match token {
                "ja" | "j" | "y" => question.option_index("yes"),
                "nee" | "n" => question.option_index("no"),
                "onbekend" | "weet niet" => question.option_index("unknown"),
                _ => None,
            }),
        };
        match index {
            Some(i) => mask |= 1 << i,
            None => {
                return Said::Unclear(Unclear::Token {
                    token: token.to_string(),
                    n,
                });
            }
        }
    }
    if mask == 0 {
        return Said::Unclear(Unclear::Nothing { n });
    }
    if question.kind != Kind::Multiple && mask.count_ones() > 1 {
        return Said::Unclear(Unclear::OneOnly);
    }
    Said::Answer(Answer::Choice(mask))
}
