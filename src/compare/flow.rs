//! The order of the questions of two paths: each path's own order kept, and where the paths
//! part, the questions of both in the order the bank's flow asks them.
use std::collections::{HashMap, HashSet};

use crate::bank::{Bank, QId, Target};

/// Each question's place in the bank's flow: an order in which every question comes before
/// the questions it leads to, the first branch's before a later branch's. Questions no path
/// reaches come last, in the bank's order. Empty without a bank.
pub fn rank(bank: Option<&Bank>) -> HashMap<String, usize> {
    let Some(bank) = bank else {
        return HashMap::new();
    };
    let n = bank.questions.len();
    let mut visited = vec![false; n];
    let mut finished: Vec<QId> = Vec::with_capacity(n);
    // Depth first without recursion (a bank may be deep); the branches are pushed last first,
    // so that reversed, the finishing order puts the first branch first. A bank that was not
    // linted may hold a cycle: a question already seen is not entered again.
    let mut stack: Vec<(QId, bool)> = vec![(bank.start, false)];
    while let Some((q, done)) = stack.pop() {
        if done {
            finished.push(q);
            continue;
        }
        let Some(seen) = visited.get_mut(usize::from(q)) else {
            continue;
        };
        if *seen {
            continue;
        }
        *seen = true;
        stack.push((q, true));
        for b in &bank.questions[q].next {
            if let Target::Question(t) = b.to
                && !visited.get(usize::from(t)).copied().unwrap_or(true)
            {
                stack.push((t, false));
            }
        }
    }
    let mut order: Vec<QId> = finished.into_iter().rev().collect();
    order.extend(
        bank.questions
            .iter_enumerated()
            .map(|(q, _)| q)
            .filter(|&q| !visited[usize::from(q)]),
    );
    order
        .into_iter()
        .enumerate()
        .map(|(i, q)| (bank.questions[q].id.clone(), i))
        .collect()
}

/// The questions of paths `a` and `b`, each once: where one path has questions the other has
/// not, until they meet again, those come in the order of `rank` (A's first where it does not
/// know them).
pub fn merge(a: &[String], b: &[String], rank: &HashMap<String, usize>) -> Vec<String> {
    let (a, b) = (unique(a), unique(b));
    let at = |p: &[&String]| -> HashMap<String, usize> {
        p.iter()
            .enumerate()
            .map(|(i, q)| ((*q).clone(), i))
            .collect()
    };
    let (in_a, in_b) = (at(&a), at(&b));
    let place = |q: &str| rank.get(q).copied().unwrap_or(usize::MAX);
    let mut out: Vec<String> = Vec::with_capacity(a.len() + b.len());
    let mut emitted: HashSet<&str> = HashSet::new();
    let (mut i, mut j) = (0, 0);
    loop {
        while i < a.len() && emitted.contains(a[i].as_str()) {
            i += 1;
        }
        while j < b.len() && emitted.contains(b[j].as_str()) {
            j += 1;
        }
        let take_a = match (a.get(i), b.get(j)) {
            (None, None) => break,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (Some(x), Some(y)) if x == y => true,
            (Some(x), Some(y)) => {
                // A question the other path asks later waits for it.
                let x_later_in_b = in_b.get(*x).is_some_and(|&p| p > j);
                let y_later_in_a = in_a.get(*y).is_some_and(|&p| p > i);
                match (x_later_in_b, y_later_in_a) {
                    (true, false) => false,
                    (false, true) => true,
                    _ => place(x) <= place(y),
                }
            }
        };
        let q = if take_a { a[i] } else { b[j] };
        emitted.insert(q.as_str());
        out.push(q.clone());
    }
    out
}

fn unique(p: &[String]) -> Vec<&String> {
    let mut seen = HashSet::new();
    p.iter().filter(|q| seen.insert(q.as_str())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn paths_meet_again_in_order() {
        let rank: HashMap<String, usize> = ["q1", "q2", "q3", "q4", "q5"]
            .iter()
            .enumerate()
            .map(|(i, q)| (q.to_string(), i))
            .collect();
        let a = s(&["q1", "q3", "q5"]);
        let b = s(&["q1", "q2", "q4", "q5"]);
        assert_eq!(merge(&a, &b, &rank), s(&["q1", "q2", "q3", "q4", "q5"]));
        assert_eq!(merge(&b, &a, &rank), s(&["q1", "q2", "q3", "q4", "q5"]));
        // Without a rank, A's part first.
        assert_eq!(
            merge(&a, &b, &HashMap::new()),
            s(&["q1", "q3", "q2", "q4", "q5"])
        );
        // Paths in opposite orders (two banks) still give each question once.
        assert_eq!(
            merge(&s(&["x", "y"]), &s(&["y", "x"]), &HashMap::new()),
            s(&["x", "y"])
        );
        assert_eq!(merge(&s(&["a", "a"]), &[], &rank), s(&["a"]));
    }

    #[test]
    fn the_embedded_bank_ranks_every_question_after_the_start() {
        let bank = Bank::embedded().unwrap_or_else(|e| panic!("{e:?}"));
        let rank = rank(Some(&bank));
        assert_eq!(rank.len(), bank.questions.len());
        assert_eq!(rank[&bank.questions[bank.start].id], 0);
        for (q, question) in bank.questions.iter_enumerated() {
            for b in &question.next {
                if let Target::Question(t) = b.to {
                    assert!(rank[&question.id] < rank[&bank.questions[t].id], "{q:?}");
                }
            }
        }
    }
}
