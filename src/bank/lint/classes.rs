//! What the explorer works out about the questions before it starts: which questions each one
//! leads to, and which answers no condition can tell apart.
use std::collections::HashSet;

use super::explore::{Bits, MAX_TESTED_OPTIONS};
use super::{Defect, Place, Section};
use crate::bank::{Answer, Bank, Ids, Kind, QId, Target};

pub(super) fn reach_from(bank: &Bank, q: QId, reach: &mut Ids<QId, Option<Bits<QId>>>) {
    if reach[q].is_some() {
        return;
    }
    let mut bits = Bits::new(bank.questions.len());
    bits.insert(q);
    reach[q] = Some(bits.clone());
    for b in &bank.questions[q].next {
        if let Target::Question(t) = b.to {
            reach_from(bank, t, reach);
            if let Some(r) = &reach[t] {
                bits.union_with(r);
            }
        }
    }
    reach[q] = Some(bits);
}

/// One representative answer for each class of answers that no condition can tell apart.
pub(super) fn answer_classes(
    question: &crate::bank::Question,
    tested: &[u64],
    defects: &mut Vec<Defect>,
) -> Vec<Answer> {
    let n = question.options.len();
    let signature = |m: u64| -> Vec<bool> { tested.iter().map(|t| m & t != 0).collect() };
    match question.kind {
        Kind::Text => vec![
            question
                .default
                .clone()
                .unwrap_or(Answer::Text(String::new())),
        ],
        Kind::Single | Kind::YesNo | Kind::YesNoUnknown => {
            let mut seen = HashSet::new();
            (0..n)
                .filter(|&i| seen.insert(signature(1 << i)))
                .map(|i| Answer::Choice(1 << i))
                .collect()
        }
        Kind::Multiple => {
            let all: u64 = if n >= 64 { u64::MAX } else { (1 << n) - 1 };
            let looked_at = tested.iter().fold(0, |a, t| a | t) & all;
            if looked_at.count_ones() > MAX_TESTED_OPTIONS {
                defects.push(Defect::TooManyTestedOptions {
                    place: Place::new(&question.file, Section::Question, &question.id),
                    tested: looked_at.count_ones(),
                    most: MAX_TESTED_OPTIONS,
                });
                return Vec::new();
            }
            let looked: Vec<u64> = (0..n)
                .map(|i| 1u64 << i)
                .filter(|b| looked_at & b != 0)
                .collect();
            let other: Vec<u64> = (0..n)
                .map(|i| 1u64 << i)
                .filter(|b| looked_at & b == 0)
                .collect();
            let mut seen = HashSet::new();
            let mut out = Vec::new();
            for subset in 0u64..(1 << looked.len()) {
                let mut mask: u64 = looked
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| subset & (1 << i) != 0)
                    .map(|(_, b)| b)
                    .sum();
                // Options no condition looks at do not matter, but the answer may not be empty.
                if mask == 0 {
                    match other.first() {
                        Some(b) => mask = *b,
                        None => continue,
                    }
                }
                if question.check_mask(mask).is_ok() && seen.insert(signature(mask)) {
                    out.push(Answer::Choice(mask));
                }
            }
            out
        }
    }
}
