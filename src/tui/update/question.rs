//! The question screen: answering, marking and notes.
use super::*;

pub(super) fn question_key<'b>(m: &mut Model<'b>, action: Action) -> Step<'b> {
    if edit_key(m, action) {
        return None;
    }
    let bank = m.bank;
    let page = crate::tui::view::page_for(m, action);
    let a = m.assessment()?;
    let walk = a.session.walk(bank);
    let steps: Vec<QId> = walk.steps().collect();
    let complete = walk.is_complete();
    let Screen::Question(s) = &mut m.screen else {
        return None;
    };
    let question = &bank.questions[s.q];
    let n = question.options.len();
    match (action, s.focus) {
        (Action::Up | Action::Down | Action::Top | Action::Bottom, Pane::Options) => {
            s.cursor = step(s.cursor, n, action)
        }
        (Action::Up, Pane::Explanation) => s.explain_scroll = s.explain_scroll.saturating_sub(1),
        (Action::Down, Pane::Explanation) => s.explain_scroll = s.explain_scroll.saturating_add(1),
        (Action::Top, Pane::Explanation) => s.explain_scroll = 0,
        (Action::Up | Action::Down | Action::Top | Action::Bottom, Pane::Answers) => {
            s.answers_cursor = step(s.answers_cursor, steps.len(), action)
        }
        (Action::PageUp, _) => s.explain_scroll = s.explain_scroll.saturating_sub(page),
        (Action::PageDown, _) => s.explain_scroll = s.explain_scroll.saturating_add(page),
        (Action::NextPanel | Action::PrevPanel, _) => {
            let mut panes = vec![Pane::Options];
            if question.justification.is_some() {
                panes.push(Pane::Justification);
            }
            if s.explain == Explain::Shown {
                panes.push(Pane::Explanation);
            }
            panes.push(Pane::Answers);
            let i = panes.iter().position(|&p| p == s.focus).unwrap_or(0);
            let k = panes.len();
            s.focus = if action == Action::NextPanel {
                panes[(i + 1) % k]
            } else {
                panes[(i + k - 1) % k]
            };
            if s.focus == Pane::Answers {
                s.answers_cursor = steps.iter().position(|&x| x == s.q).unwrap_or(0);
            }
        }
        (Action::Explain, _) => {
            s.explain = match s.explain {
                Explain::Shown => Explain::Hidden,
                Explain::Hidden => Explain::Shown,
            };
            if s.explain == Explain::Hidden && s.focus == Pane::Explanation {
                s.focus = Pane::Options;
            }
        }
        (Action::Edit, _) => {
            s.focus = Pane::Answers;
            let here = steps.iter().position(|&x| x == s.q).unwrap_or(0);
            s.answers_cursor = here.saturating_sub(1);
        }
        (Action::Toggle, Pane::Options) if question.kind == Kind::Multiple => {
            toggle_mark(question, s);
        }
        (Action::Select | Action::Toggle, Pane::Options) => return answer_current(m),
        // The justification goes with the answer under the cursor: Enter saves both.
        (Action::Select, Pane::Justification) => return answer_current(m),
        (Action::Select | Action::Toggle, Pane::Answers) => {
            if let Some(&q) = steps.get(s.answers_cursor) {
                let origin = if Some(q) == walk.pending {
                    Origin::Flow
                } else {
                    Origin::Jump
                };
                goto_question(m, q, origin);
            }
        }
        (Action::Back, _) => {
            let here = steps.iter().position(|&x| x == s.q).unwrap_or(0);
            match here.checked_sub(1).and_then(|i| steps.get(i)) {
                Some(&p) => goto_question(m, p, Origin::Flow),
                None => info(m, words(m.lang).first_question),
            }
        }
        (Action::Forward, _) => {
            let q = s.q;
            let answered = m
                .assessment()
                .is_some_and(|a| a.session.answer(q).is_some());
            let here = steps.iter().position(|&x| x == q);
            match here.and_then(|i| steps.get(i + 1)) {
                Some(&next) if answered => goto_question(m, next, Origin::Flow),
                None if answered && complete => m.screen = Screen::Review(Review::default()),
                _ => info(m, words(m.lang).answer_first),
            }
        }
        (Action::Note, _) => {
            let q = s.q;
            open_note(m, Some(q));
        }
        (Action::EditCampaign, _) => super::open_campaign(m),
        (Action::Leave, _) => {
            let (q, unconfirmed_marks, typed) = (s.q, s.marks, s.text.text.clone());
            let justification = s.justification.text.clone();
            let given = m.assessment().and_then(|a| a.session.answer(q));
            let saved = m
                .record()
                .and_then(|r| r.justification(&bank.questions[q].id));
            let unsaved =
                question.justification.is_some() && is_unsaved_justification(&justification, saved);
            if unsaved || is_unconfirmed(bank.questions[q].kind, unconfirmed_marks, &typed, given) {
                m.overlay = Overlay::Confirm(Confirm::Discard);
            } else {
                to_start(m);
            }
        }
        _ => {}
    }
    None
}

/// Checks or unchecks the box under the cursor. An option that excludes the others ("none")
/// clears them, and the others clear it.
fn toggle_mark(question: &crate::bank::Question, s: &mut Asking) {
    let Some(option) = question.options.get(s.cursor) else {
        return;
    };
    let this = bit(s.cursor);
    if s.marks & this != 0 {
        s.marks &= !this;
    } else if option.exclusive {
        s.marks = this;
    } else {
        let exclusive: u64 = question
            .options
            .iter()
            .enumerate()
            .filter(|(_, o)| o.exclusive)
            .fold(0, |acc, (i, _)| acc | bit(i));
        s.marks = (s.marks & !exclusive) | this;
    }
}

/// Answers the question on screen with what is chosen or typed.
fn answer_current<'b>(m: &mut Model<'b>) -> Step<'b> {
    let Screen::Question(s) = &m.screen else {
        return None;
    };
    let (q, origin) = (s.q, s.origin);
    let question = &m.bank.questions[q];
    // The justification typed goes with the answer when it differs from the one saved.
    let saved = m.record().and_then(|r| r.justification(&question.id));
    let justification = (question.justification.is_some()
        && is_unsaved_justification(&s.justification.text, saved))
    .then(|| s.justification.text.trim().to_string());
    let answer = match question.kind {
        // Said in the interface's words: the engine's message names option ids, for files.
        Kind::Multiple if s.marks == 0 => {
            error(m, words(m.lang).none_checked);
            return None;
        }
        Kind::Multiple => {
            if let Err(e) = question.check_mask(s.marks) {
                error(m, e.said(m.lang));
                return None;
            }
            Answer::Choice(s.marks)
        }
        Kind::Text => Answer::Text(s.text.text.trim().to_string()),
        _ => Answer::Choice(bit(s.cursor)),
    };
    Some(Effect::Answer {
        work: take_work(m)?,
        q,
        answer,
        justification,
        origin,
    })
}

/// Where the questions go on after question `q` was answered: along the path from where the
/// user was, or (after a jump back to change an answer) to the first open question.
pub(super) fn after_answer(m: &mut Model, q: QId, origin: Origin) {
    let Some(a) = m.assessment() else { return };
    let walk = a.session.walk(m.bank);
    let next = match origin {
        Origin::Jump => walk.pending,
        Origin::Flow => {
            let steps: Vec<QId> = walk.steps().collect();
            steps
                .iter()
                .position(|&x| x == q)
                .and_then(|i| steps.get(i + 1).copied())
        }
    };
    match next {
        Some(p) => goto_question(m, p, Origin::Flow),
        None if walk.is_complete() => m.screen = Screen::Review(Review::default()),
        None => to_current(m),
    }
}

pub(super) fn open_note(m: &mut Model, question: Option<QId>) {
    let Some(r) = m.record() else { return };
    if m.work.as_ref().is_some_and(Work::is_read_only) {
        info(m, words(m.lang).read_only);
        return;
    }
    let key = question.map_or(record::SESSION_NOTE.to_string(), |q| {
        m.bank.questions[q].id.clone()
    });
    let text = r.notes.get(&key).cloned().unwrap_or_default();
    m.overlay = Overlay::Note {
        question,
        field: TextField::with_text(&text, m.lang),
    };
}

pub(super) fn save_note<'b>(m: &mut Model<'b>, question: Option<QId>, text: &str) -> Step<'b> {
    Some(Effect::Note {
        work: take_work(m)?,
        question,
        text: text.to_string(),
    })
}
