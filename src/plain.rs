//! The accessible front end: one question at a time on plain lines, no colours, no full screen.
//! Works with screen readers, dumb terminals and piped input.
use std::io::{BufRead, Write};
use std::process::ExitCode;

use anyhow::Result;

use crate::advice::Advice;
use crate::bank::{Bank, Kind, QId, Question};
use crate::engine::{Answer, Session};
use crate::text::{Lang, wrap};

struct Words {
    intro: &'static str,
    question: &'static str,
    remaining: &'static str,
    pick_one: &'static str,
    pick_many: &'static str,
    type_text: &'static str,
    commands: &'static str,
    current: &'static str,
    keep: &'static str,
    first: &'static str,
    not_understood: &'static str,
    help: &'static str,
    reasoning: &'static str,
    sources: &'static str,
    summary: &'static str,
    summary_prompt: &'static str,
    stopped: &'static str,
    ended: &'static str,
    empty: &'static str,
}

const NL: Words = Words {
    intro: "Beantwoord de vragen één voor één. Typ het nummer van je antwoord en druk op Enter.",
    question: "Vraag",
    remaining: "daarna nog",
    pick_one: "Typ één nummer.",
    pick_many: "Typ een of meer nummers, gescheiden door spaties of komma's.",
    type_text: "Typ je antwoord; Enter zonder tekst laat het leeg.",
    commands: "? = uitleg, terug = vorige vraag, stop = stoppen.",
    current: "Huidig antwoord",
    keep: "Enter = houden",
    first: "Dit is de eerste vraag.",
    not_understood: "Dat begrijp ik niet",
    help: "Uitleg",
    reasoning: "Waarom deze vraag",
    sources: "Bronnen",
    summary: "Je antwoorden",
    summary_prompt: "Enter = advies tonen; typ het nummer van een antwoord om het te wijzigen; terug = laatste vraag.",
    stopped: "Gestopt.",
    ended: "De invoer hield op voordat alle vragen beantwoord waren.",
    empty: "(leeg)",
};

const EN: Words = Words {
    intro: "Answer the questions one by one. Type the number of your answer and press Enter.",
    question: "Question",
    remaining: "then",
    pick_one: "Type one number.",
    pick_many: "Type one or more numbers, separated by spaces or commas.",
    type_text: "Type your answer; Enter without text leaves it empty.",
    commands: "? = explanation, back = previous question, stop = quit.",
    current: "Current answer",
    keep: "Enter = keep",
    first: "This is the first question.",
    not_understood: "I don't understand that",
    help: "Explanation",
    reasoning: "Why this question",
    sources: "Sources",
    summary: "Your answers",
    summary_prompt: "Enter = show the advice; type the number of an answer to change it; back = last question.",
    stopped: "Stopped.",
    ended: "The input ended before all questions were answered.",
    empty: "(empty)",
};

const W: usize = 78;

/// What a line typed at a question means.
#[derive(Debug, PartialEq)]
enum Said {
    Help,
    Back,
    Stop,
    Keep,
    Answer(Answer),
    Unclear(String),
}

pub fn run(
    bank: &Bank,
    lang: Lang,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let words = if lang == Lang::En { &EN } else { &NL };
    writeln!(out, "AVG-wijzer — {}", bank.title.get(lang))?;
    writeln!(out, "{}", wrap(words.intro, W, "", ""))?;
    writeln!(out, "{}", wrap(words.commands, W, "", ""))?;
    let mut session = Session::new(bank);
    // The question being revisited after "terug"; `None` means the first unanswered one.
    let mut cursor: Option<QId> = None;
    loop {
        let walk = session.walk(bank);
        let q = match cursor.or(walk.pending) {
            Some(q) => q,
            None => {
                // Complete: the summary, then the advice or a change.
                writeln!(out, "\n{}:", words.summary)?;
                for (i, &p) in walk.path.iter().enumerate() {
                    let question = &bank.questions[p];
                    let answer = session
                        .answer(p)
                        .map(|a| question.answer_label(a, lang))
                        .unwrap_or_default();
                    let answer = if answer.is_empty() {
                        words.empty.to_string()
                    } else {
                        answer
                    };
                    writeln!(
                        out,
                        "{}",
                        wrap(
                            &format!("{}. {} — {answer}", i + 1, question.prompt.get(lang)),
                            W,
                            "",
                            &" ".repeat((i + 1).to_string().len() + 2)
                        )
                    )?;
                }
                writeln!(out, "{}", wrap(words.summary_prompt, W, "", ""))?;
                let Some(line) = prompt(input, out)? else {
                    break;
                };
                let line = line.trim().to_lowercase();
                if line.is_empty() {
                    break;
                } else if is_back(&line) {
                    cursor = walk.path.last().copied();
                } else if is_stop(&line) {
                    writeln!(out, "{}", words.stopped)?;
                    return Ok(ExitCode::SUCCESS);
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
            session.answer(q),
            lang,
            words,
            out,
        )?;
        let Some(line) = prompt(input, out)? else {
            writeln!(out, "\n{}", words.ended)?;
            return Ok(ExitCode::from(2));
        };
        match interpret(question, &line, session.answer(q).is_some()) {
            Said::Help => {
                writeln!(
                    out,
                    "\n{}:\n{}",
                    words.help,
                    wrap(question.help.get(lang), W, "  ", "  ")
                )?;
                writeln!(
                    out,
                    "{}:\n{}",
                    words.reasoning,
                    wrap(question.reasoning.get(lang), W, "  ", "  ")
                )?;
                writeln!(
                    out,
                    "{}",
                    wrap(
                        &format!("{}: {}", words.sources, question.sources.join("; ")),
                        W,
                        "  ",
                        "  "
                    )
                )?;
            }
            Said::Back => match position.checked_sub(1).and_then(|i| walk.path.get(i)) {
                Some(&p) => cursor = Some(p),
                None => writeln!(out, "{}", words.first)?,
            },
            Said::Stop => {
                writeln!(out, "{}", words.stopped)?;
                return Ok(ExitCode::SUCCESS);
            }
            Said::Unclear(why) => writeln!(out, "{}: {why}", words.not_understood)?,
            said => {
                if let Said::Answer(a) = said
                    && let Err(e) = session.set(bank, q, a)
                {
                    writeln!(out, "{}: {e}", words.not_understood)?;
                    continue;
                }
                // Go on along the (possibly new) path: the next question after this one.
                let walk = session.walk(bank);
                cursor = walk
                    .path
                    .iter()
                    .position(|&x| x == q)
                    .and_then(|i| walk.path.get(i + 1).copied());
            }
        }
    }
    let Some(outcome) = session.outcome(bank) else {
        writeln!(out, "\n{}", words.ended)?;
        return Ok(ExitCode::from(2));
    };
    let advice = Advice::new(bank, &session, &outcome, None, lang);
    writeln!(out)?;
    write!(out, "{}", advice.to_text())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
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
        writeln!(
            out,
            "{}",
            wrap(
                &format!("{}. {}", i + 1, o.label.get(lang)),
                W,
                "",
                &" ".repeat((i + 1).to_string().len() + 2)
            )
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

/// Reads one line after a "> " prompt; `None` at the end of the input.
fn prompt(input: &mut impl BufRead, out: &mut impl Write) -> Result<Option<String>> {
    write!(out, "> ")?;
    out.flush()?;
    let mut line = String::new();
    // Invalid UTF-8 in the input is read as lossy text, never a crash.
    let mut bytes = Vec::new();
    if input.read_until(b'\n', &mut bytes)? == 0 {
        return Ok(None);
    }
    line.push_str(&String::from_utf8_lossy(&bytes));
    Ok(Some(line.trim_end_matches(['\n', '\r']).to_string()))
}

fn is_back(s: &str) -> bool {
    matches!(s, "terug" | "back" | "b")
}

fn is_stop(s: &str) -> bool {
    matches!(s, "stop" | "quit" | "q")
}

fn interpret(question: &Question, line: &str, has_answer: bool) -> Said {
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
            Err(e) => Said::Unclear(e.to_string()),
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
            None => return Said::Unclear(format!("\"{token}\"; kies een nummer van 1 tot {n}")),
        }
    }
    if mask == 0 {
        return Said::Unclear(format!("kies een nummer van 1 tot {n}"));
    }
    if question.kind != Kind::Multiple && mask.count_ones() > 1 {
        return Said::Unclear("kies één nummer".to_string());
    }
    Said::Answer(Answer::Choice(mask))
}
