//! Conditions over answers, compiled to question indexes and option bit masks.
//!
//! A choice answer is a bit mask of the options chosen (one bit for single choice and yes/no), so
//! `is`, `in`, `includes` and `includes_any` all become "the answer shares a bit with this mask".
use crate::bank::{Answer, QId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cond {
    True,
    /// The question is answered on the path with an option in the mask.
    Has(QId, u64),
    /// The question has an answer on the path.
    Answered(QId),
    All(Vec<Cond>),
    Any(Vec<Cond>),
    Not(Box<Cond>),
}

/// What is known about a question while a path is still being explored.
#[derive(Debug, Clone, Copy)]
pub enum Known<'a> {
    /// Answered (with this answer) or settled as never answered (`None`).
    Settled(Option<&'a Answer>),
    /// Not answered yet, but it may still be asked.
    Open,
}

impl Cond {
    /// Evaluates with the answers on the current path; a question off the path is unanswered.
    pub fn holds<'a>(&self, answer: &impl Fn(QId) -> Option<&'a Answer>) -> bool {
        match self {
            Cond::True => true,
            Cond::Has(q, mask) => matches!(answer(*q), Some(Answer::Choice(m)) if m & mask != 0),
            Cond::Answered(q) => answer(*q).is_some(),
            Cond::All(cs) => cs.iter().all(|c| c.holds(answer)),
            Cond::Any(cs) => cs.iter().any(|c| c.holds(answer)),
            Cond::Not(c) => !c.holds(answer),
        }
    }

    /// Three-valued evaluation for the lint: `None` when the result still depends on a question
    /// that may be asked later.
    pub fn decide<'a>(&self, known: &impl Fn(QId) -> Known<'a>) -> Option<bool> {
        match self {
            Cond::True => Some(true),
            Cond::Has(q, mask) => match known(*q) {
                Known::Settled(a) => Some(matches!(a, Some(Answer::Choice(m)) if m & mask != 0)),
                Known::Open => None,
            },
            Cond::Answered(q) => match known(*q) {
                Known::Settled(a) => Some(a.is_some()),
                Known::Open => None,
            },
            Cond::All(cs) => {
                let mut open = false;
                for c in cs {
                    match c.decide(known) {
                        Some(false) => return Some(false),
                        None => open = true,
                        Some(true) => {}
                    }
                }
                if open { None } else { Some(true) }
            }
            Cond::Any(cs) => {
                let mut open = false;
                for c in cs {
                    match c.decide(known) {
                        Some(true) => return Some(true),
                        None => open = true,
                        Some(false) => {}
                    }
                }
                if open { None } else { Some(false) }
            }
            Cond::Not(c) => c.decide(known).map(|b| !b),
        }
    }

    /// Calls `f` for every question the condition looks at, with the option mask it tests
    /// (`None` for `answered`).
    pub fn visit(&self, f: &mut impl FnMut(QId, Option<u64>)) {
        match self {
            Cond::True => {}
            Cond::Has(q, m) => f(*q, Some(*m)),
            Cond::Answered(q) => f(*q, None),
            Cond::All(cs) | Cond::Any(cs) => cs.iter().for_each(|c| c.visit(f)),
            Cond::Not(c) => c.visit(f),
        }
    }
}
