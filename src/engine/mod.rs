//! The decision engine: which question comes next, and what the answers lead to. Pure: no I/O,
//! no terminal, no legal rule — everything legal comes from the [`Bank`].
#[cfg(test)]
mod agrees_with_lint;
mod outcome;
pub mod remedies;

/// Answers are defined with the questions they answer; a session holds them.
pub use crate::bank::{Answer, AnswerError, MAX_TEXT};
pub use outcome::{Advised, Level, Outcome};
pub use remedies::{Ask, Change, ChangeKind, Remedy, remedies};

use crate::bank::{Bank, Expected, Ids, Kind, QId, Target};

/// The answers of one assessment. Answers to questions that fell off the path (after an earlier
/// answer changed) are kept: they come back if the path returns, and the outcome ignores them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    answers: Ids<QId, Option<Answer>>,
}

/// Where the answers lead: the answered questions on the path, in order, and the question to ask
/// next (`None` once the path has reached its end).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Walk {
    pub path: Vec<QId>,
    pub pending: Option<QId>,
}

impl Walk {
    pub fn is_complete(&self) -> bool {
        self.pending.is_none()
    }

    pub fn contains(&self, q: QId) -> bool {
        self.path.contains(&q)
    }

    /// The path plus the pending question: every question asked so far or now.
    pub fn steps(&self) -> impl Iterator<Item = QId> + '_ {
        self.path.iter().copied().chain(self.pending)
    }
}

impl Session {
    pub fn new(bank: &Bank) -> Session {
        Session {
            answers: vec![None; bank.questions.len()].into(),
        }
    }

    /// The answer given to `q`, on the path or not.
    pub fn answer(&self, q: QId) -> Option<&Answer> {
        self.answers.get(q).and_then(|a| a.as_ref())
    }

    /// Gives or changes the answer to `q`, refusing one that does not fit the question.
    pub fn set(&mut self, bank: &Bank, q: QId, answer: Answer) -> Result<(), AnswerError> {
        let question = &bank.questions[q];
        let allowed = || question.allowed();
        match (&answer, question.kind) {
            (Answer::Text(s), Kind::Text) => {
                question.text_answer(s)?;
            }
            (Answer::Text(_), _) => {
                return Err(AnswerError::WrongType {
                    expected: Expected::AnOption,
                    allowed: allowed(),
                });
            }
            (Answer::Choice(_), Kind::Text) => {
                return Err(AnswerError::WrongType {
                    expected: Expected::Text,
                    allowed: allowed(),
                });
            }
            (Answer::Choice(m), kind) => {
                let n = question.options.len();
                let in_range = n >= 64 || *m >> n == 0;
                if !in_range {
                    return Err(AnswerError::NoSuchOption {
                        n: 64 - m.leading_zeros(),
                        allowed: allowed(),
                    });
                }
                if kind == Kind::Multiple {
                    question.check_mask(*m)?;
                } else if m.count_ones() != 1 {
                    return Err(AnswerError::WrongType {
                        expected: Expected::ExactlyOne,
                        allowed: allowed(),
                    });
                }
            }
        }
        self.answers[q] = Some(answer);
        Ok(())
    }

    /// Follows the path from the start: each answered question's branches decide where to go.
    pub fn walk(&self, bank: &Bank) -> Walk {
        let mut on_path: Ids<QId, bool> = vec![false; bank.questions.len()].into();
        let mut path = Vec::new();
        let mut q = bank.start;
        // The bank is checked to be free of cycles; the bound only guards against a bug.
        for _ in 0..=bank.questions.len() {
            let Some(_) = self.answer(q) else {
                return Walk {
                    path,
                    pending: Some(q),
                };
            };
            on_path[q] = true;
            path.push(q);
            let lookup = |x: QId| if on_path[x] { self.answer(x) } else { None };
            let next = bank.questions[q]
                .next
                .iter()
                .find(|b| b.when.holds(&lookup))
                .map(|b| b.to);
            match next {
                Some(Target::Question(t)) if !on_path[t] => q = t,
                _ => {
                    return Walk {
                        path,
                        pending: None,
                    };
                }
            }
        }
        Walk {
            path,
            pending: None,
        }
    }

    /// The outcome of a complete walk; `None` while questions on the path are unanswered.
    pub fn outcome(&self, bank: &Bank) -> Option<Outcome> {
        let walk = self.walk(bank);
        walk.is_complete().then(|| self.evaluate(bank, walk.path))
    }

    /// Evaluates the rules against the answers on `path` (answers off the path do not count).
    pub fn evaluate(&self, bank: &Bank, path: Vec<QId>) -> Outcome {
        let mut on_path: Ids<QId, bool> = vec![false; bank.questions.len()].into();
        for &q in &path {
            on_path[q] = true;
        }
        let lookup = |x: QId| if on_path[x] { self.answer(x) } else { None };
        let fired = bank
            .rules
            .iter_enumerated()
            .filter(|(_, r)| r.when.holds(&lookup))
            .map(|(i, _)| i);
        Outcome::from_rules(bank, fired, path)
    }

    /// The help of `q`, fitted to the answers on the path that leads to it.
    pub fn help(&self, bank: &Bank, q: QId, lang: crate::text::Lang) -> String {
        let walk = self.walk(bank);
        let lookup = |x: QId| {
            if walk.contains(x) {
                self.answer(x)
            } else {
                None
            }
        };
        bank.questions[q].help_for(lang, &lookup)
    }

    /// Questions answered but no longer on the path: kept, not counted.
    pub fn dormant(&self, bank: &Bank) -> Vec<QId> {
        let walk = self.walk(bank);
        self.answers
            .keys()
            .filter(|&q| self.answers[q].is_some() && !walk.contains(q))
            .collect()
    }
}
