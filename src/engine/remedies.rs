//! Remedies: for a plan the bank does not allow (or cannot judge yet), the nearest plans that it
//! would allow, found by changing the answers to the questions the bank marks as the library's
//! own choices. Pure, like the rest of the engine: which plans are allowed is decided by
//! evaluating the bank's rules on the changed answers, never by anything written here.
use smallvec::SmallVec;

use super::{Advised, Answer, Outcome, Session};
use crate::bank::condition::Known;
use crate::bank::{AId, Bank, Ids, Kind, QId, RId};

/// At most this many remedies are offered. The advice leads with them and a person reads them
/// before anything else; past a handful the later ones change more of the plan (two answers
/// instead of one, or more questions to answer) and only bury the nearest ones.
pub const MAX_REMEDIES: usize = 5;

/// The most complete plans explored for one set of changes. A change that opens a new branch
/// makes every question on it an open one, and exploring all their answers multiplies; the
/// shipped bank needs a few hundred at most (distribution changed to direct marketing: audience
/// × channel × the questions after them). A change that would need more is too far from the plan
/// to be a near remedy, and `advise` has to stay within its 5 ms.
const MAX_LEAVES: usize = 1024;

/// How an answer to a question is changed, cheapest (keeps most of the plan) first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// One option left out of a multiple-choice answer: the plan shrinks, nothing new comes in.
    Drop,
    /// Another option for a single choice, or in a multiple choice one option swapped for
    /// another that the bank names as its stand-in (`instead_of`).
    Replace,
}

/// One changed answer; `from` and `to` are option masks of a choice question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Change {
    pub question: QId,
    pub from: u64,
    pub to: u64,
    pub kind: ChangeKind,
}

/// A question the changed plan asks that the current plan did not.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Ask {
    pub question: QId,
    /// `None`: every answer keeps the plan allowed. Otherwise the answers (option masks) that
    /// do; for a multiple-choice question only single options are explored, so it always lists
    /// them.
    pub needs: Option<Vec<u64>>,
}

/// A plan the bank allows, reached by `changes`: any answers to `asks` within their `needs` give
/// a verdict no worse than `verdict`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Remedy {
    pub changes: Vec<Change>,
    /// The index of the verdict's value: the worst over the plans the remedy covers.
    pub verdict: u8,
    /// Actions (any level) in every covered plan that the current outcome lacks, required
    /// first, each in the bank's order: what comes whatever the asked questions are answered.
    pub adds: Vec<AId>,
    /// Actions of the current outcome that none of the covered plans has, in the outcome's order.
    pub drops: Vec<AId>,
    pub asks: Vec<Ask>,
}

impl Remedy {
    fn cost(&self, bank: &Bank) -> usize {
        self.changes.iter().map(|c| c.cost(bank)).sum()
    }

    /// Whether every change of `other` is part of one of these changes: then this remedy
    /// changes more than it needs to.
    fn contains(&self, other: &Remedy) -> bool {
        other
            .changes
            .iter()
            .all(|o| self.changes.iter().any(|c| c.contains(o)))
    }
}

impl Change {
    /// How much of the plan the change gives up: leaving one group out costs nothing, each
    /// further one a little; another answer costs by how much the bank says that choice changes
    /// the campaign (another legal basis keeps it, another way of reaching people does not).
    fn cost(&self, bank: &Bank) -> usize {
        match self.kind {
            ChangeKind::Drop => (self.from & !self.to).count_ones() as usize - 1,
            ChangeKind::Replace => 1 + usize::from(bank.questions[self.question].remedy_weight),
        }
    }

    /// Whether `other` is part of this change: on the same question, leaving out no more and
    /// putting in no more ("leave out A" is part of "B instead of A").
    fn contains(&self, other: &Change) -> bool {
        let (out, into) = (self.from & !self.to, self.to & !self.from);
        let (o_out, o_into) = (other.from & !other.to, other.to & !other.from);
        self.question == other.question
            && self.from == other.from
            && o_out & !out == 0
            && o_into & !into == 0
    }
}

/// A candidate change with its place in the bank's order, for ranking.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    change: Change,
    order: usize,
}

/// One complete plan reached while exploring: the answers given to the questions reached anew,
/// in the order asked, and what the rules make of it.
struct Leaf {
    asked: SmallVec<[(QId, u64); 8]>,
    verdict: Option<u8>,
    actions: Vec<Advised>,
}

/// The exploration went past [`MAX_LEAVES`].
struct TooFar;

/// Whether the verdict at this index lets the plan go ahead: the bank orders a finding's values
/// from weakest to strongest, and the verdict that required actions give is the strongest
/// allowed one.
pub fn is_allowed(bank: &Bank, verdict: Option<u8>) -> bool {
    verdict.is_some_and(|v| v <= bank.verdict.with_required_actions)
}

/// The remedies for `outcome` (the outcome of `session`), nearest first; none when it is allowed.
pub fn remedies(bank: &Bank, session: &Session, outcome: &Outcome) -> Vec<Remedy> {
    let verdict = outcome
        .findings
        .get(bank.verdict.finding)
        .copied()
        .flatten();
    if verdict.is_none() || is_allowed(bank, verdict) {
        return Vec::new();
    }
    // Only the plan as shown: answers that fell off the path earlier stay out, so a question
    // the changed plan reaches is explored as open rather than answered by a forgotten answer
    // that the advice never showed.
    let mut base = Session::new(bank);
    for &q in &outcome.path {
        base.answers[q] = session.answer(q).cloned();
    }
    let candidates = candidates(bank, &base, &outcome.path);
    let blocked = Blocked::new(bank);
    let try_changes = |changes: &[Change]| try_changes(bank, &base, outcome, &blocked, changes);
    let mut found: Vec<(Remedy, Vec<usize>)> = Vec::new();
    for c in &candidates {
        if let Some(r) = try_changes(&[c.change]) {
            found.push((r, vec![c.order]));
        }
    }
    let all = found.clone();
    keep_minimal(&mut found);
    let mut pairs = Vec::new();
    if found.len() < MAX_REMEDIES {
        // A pair with a change that holds a remedy of its own is not minimal either.
        let rest: Vec<&Candidate> = candidates
            .iter()
            .filter(|c| !all.iter().any(|(r, _)| c.change.contains(&r.changes[0])))
            .collect();
        let mut todo: Vec<(usize, [&Candidate; 2])> = Vec::new();
        for (i, a) in rest.iter().enumerate() {
            for b in &rest[i + 1..] {
                if a.change.question != b.change.question {
                    let cost = a.change.cost(bank) + b.change.cost(bank);
                    todo.push((cost, [a, b]));
                }
            }
        }
        todo.sort_by_key(|(cost, [a, b])| (*cost, a.order, b.order));
        // Pairs rank after every single and among themselves by cost first: once enough are
        // found, the pairs of a higher cost could only rank below them.
        let mut i = 0;
        while i < todo.len() && found.len() + pairs.len() < MAX_REMEDIES {
            let cost = todo[i].0;
            while i < todo.len() && todo[i].0 == cost {
                let [a, b] = todo[i].1;
                if let Some(r) = try_changes(&[a.change, b.change]) {
                    pairs.push((r, vec![a.order, b.order]));
                }
                i += 1;
            }
            keep_minimal(&mut pairs);
        }
    }
    for list in [&mut found, &mut pairs] {
        list.sort_by(|(a, ao), (b, bo)| {
            (a.cost(bank), a.asks.len(), ao).cmp(&(b.cost(bank), b.asks.len(), bo))
        });
    }
    found
        .into_iter()
        .chain(pairs)
        .map(|(r, _)| r)
        .take(MAX_REMEDIES)
        .collect()
}

/// The rules that block a plan wherever they apply: they set the verdict to a value that does
/// not allow it.
struct Blocked {
    rules: Vec<RId>,
}

impl Blocked {
    fn new(bank: &Bank) -> Blocked {
        let f = bank.verdict.finding;
        let rules = bank
            .rules
            .keys()
            .filter(|&r| {
                bank.rules[r]
                    .set
                    .iter()
                    .any(|&(x, v)| x == f && !is_allowed(bank, Some(v)))
            })
            .collect();
        Blocked { rules }
    }

    /// Whether a blocking rule applies to every plan reached from `walk`, the walk of the
    /// changed answers: its path is the start of every such plan's, and a question off it is
    /// open only while the walk still has a question to ask. So changes that leave the blocking
    /// answers on the path are skipped without exploring what follows. It gives the same
    /// remedies (checked on 2,000 random plans) for less: for an enrichment plan with no legal
    /// basis chosen, `advise` took 5.5 ms (p50, release, whole process, 2.3 ms for an allowed
    /// plan) when only what precedes the first change was read, and the search alone takes
    /// 0.5 ms with the walk (`cargo bench --bench perf -- advise`).
    fn whatever_follows(&self, bank: &Bank, s: &Session, walk: &super::Walk) -> bool {
        let mut on_path: Ids<QId, bool> = vec![false; bank.questions.len()].into();
        walk.path.iter().for_each(|&q| on_path[q] = true);
        let known = |q: QId| {
            if on_path[q] {
                Known::Settled(s.answer(q))
            } else if walk.is_complete() {
                Known::Settled(None)
            } else {
                Known::Open
            }
        };
        self.rules
            .iter()
            .any(|&r| bank.rules[r].when.decide(&known) == Some(true))
    }
}

/// Minimal only: a remedy that holds another one (a swap of A for B where leaving out A is
/// enough) changes more of the plan than it needs to.
fn keep_minimal(found: &mut Vec<(Remedy, Vec<usize>)>) {
    let all: Vec<Remedy> = found.iter().map(|(r, _)| r.clone()).collect();
    found.retain(|(r, _)| !all.iter().any(|o| o != r && r.contains(o)));
}

/// The changes worth trying: every other answer to each choice question on the path.
fn candidates(bank: &Bank, base: &Session, path: &[QId]) -> Vec<Candidate> {
    let mut out: Vec<Change> = Vec::new();
    let mut questions: Vec<QId> = path.to_vec();
    questions.sort_unstable();
    for q in questions {
        let question = &bank.questions[q];
        let Some(Answer::Choice(from)) = base.answer(q) else {
            continue;
        };
        if !question.choice || question.kind == Kind::Text {
            continue;
        }
        let from = *from;
        let n = question.options.len().min(64);
        let bits = || (0..n).map(|i| 1u64 << i);
        // Options the bank keeps out of remedies are never brought in by a change.
        let kept_out: u64 = (0..n)
            .filter(|&i| !question.options[i].remedy)
            .fold(0, |m, i| m | 1 << i);
        let mut add = |to: u64, kind: ChangeKind| {
            if to != from
                && to & !from & kept_out == 0
                && !out.iter().any(|c| c.question == q && c.to == to)
            {
                out.push(Change {
                    question: q,
                    from,
                    to,
                    kind,
                });
            }
        };
        if question.kind != Kind::Multiple {
            bits().for_each(|to| add(to, ChangeKind::Replace));
            continue;
        }
        // Leave out one or two groups (never all): the plan shrinks, nothing new comes in.
        let chosen: Vec<u64> = bits().filter(|b| from & b != 0).collect();
        if chosen.len() >= 2 {
            for (x, &i) in chosen.iter().enumerate() {
                add(from & !i, ChangeKind::Drop);
                for &j in chosen[x + 1..].iter().filter(|_| chosen.len() >= 3) {
                    add(from & !i & !j, ChangeKind::Drop);
                }
            }
        }
        // Swap only where the bank names a stand-in: any other swap would relabel the same
        // people (a parent who is not a member is no "new customer" by another name).
        for (j, o) in question.options.iter().enumerate().take(n) {
            for &i in chosen.iter().filter(|&&i| o.instead_of & i != 0) {
                let to = (from & !i) | 1 << j;
                if question.check_mask(to).is_ok() {
                    add(to, ChangeKind::Replace);
                }
            }
        }
    }
    // The bank's order, and within a question the cheapest change first.
    out.sort_by_key(|c| (c.question, c.kind));
    out.into_iter()
        .enumerate()
        .map(|(order, change)| Candidate { change, order })
        .collect()
}

/// The remedy that `changes` make, if they make one.
fn try_changes(
    bank: &Bank,
    base: &Session,
    now: &Outcome,
    blocked: &Blocked,
    changes: &[Change],
) -> Option<Remedy> {
    let mut s = base.clone();
    for c in changes {
        s.answers[c.question] = Some(Answer::Choice(c.to));
    }
    if blocked.whatever_follows(bank, &s, &s.walk(bank)) {
        return None;
    }
    let mut leaves = Vec::new();
    explore(bank, &mut s, &mut SmallVec::new(), &mut leaves).ok()?;
    let excluded = settle(bank, &leaves)?;
    let covered: Vec<&Leaf> = leaves.iter().filter(|l| covers(&excluded, l)).collect();
    let verdict = covered.iter().filter_map(|l| l.verdict).max()?;

    // Per action: in how many covered plans, and the weakest level it has in them. What a
    // remedy adds is what comes whatever the open answers turn out to be; an action that only
    // some answers bring is not promised.
    let mut seen: Ids<AId, (usize, super::Level)> =
        vec![(0, super::Level::Required); bank.actions.len()].into();
    for a in covered.iter().flat_map(|l| &l.actions) {
        let (n, level) = &mut seen[a.action];
        *n += 1;
        *level = (*level).max(a.level);
    }
    let current = |a: AId| now.actions.iter().any(|x| x.action == a);
    let mut adds: Vec<(super::Level, AId)> = seen
        .iter_enumerated()
        .filter(|&(a, &(n, _))| n == covered.len() && !current(a))
        .map(|(a, &(_, level))| (level, a))
        .collect();
    adds.sort_unstable();
    let drops = now
        .actions
        .iter()
        .map(|x| x.action)
        .filter(|&a| seen[a].0 == 0)
        .collect();

    let mut asks: Vec<Ask> = Vec::new();
    for &(q, _) in covered.iter().flat_map(|l| &l.asked) {
        if asks.iter().any(|a| a.question == q) {
            continue;
        }
        let question = &bank.questions[q];
        let needs = if question.kind == Kind::Text {
            None
        } else {
            let open: Vec<u64> = explored(bank, q)
                .map(|(_, m)| m)
                .filter(|m| !excluded.contains(&(q, *m)))
                .collect();
            let all = open.len() == question.options.len().min(64);
            (question.kind == Kind::Multiple || !all).then_some(open)
        };
        asks.push(Ask { question: q, needs });
    }
    Some(Remedy {
        changes: changes.to_vec(),
        verdict,
        adds: adds.into_iter().map(|(_, a)| a).collect(),
        drops,
        asks,
    })
}

/// The answers explored for a question the changed plan reaches anew: each option (for a
/// multiple-choice question each option alone), or for free text its default.
fn explored(bank: &Bank, q: QId) -> impl Iterator<Item = (Answer, u64)> + '_ {
    let question = &bank.questions[q];
    let text = (question.kind == Kind::Text).then(|| {
        let a = question
            .default
            .clone()
            .unwrap_or_else(|| Answer::Text(String::new()));
        (a, 0)
    });
    // A choice reached anew is the library's to make, but not with an option kept out of
    // remedies; a fact may turn out any way.
    let options = (question.kind != Kind::Text).then(|| {
        (0..question.options.len().min(64))
            .filter(move |&i| !question.choice || question.options[i].remedy)
            .map(|i| (Answer::Choice(1 << i), 1 << i))
    });
    text.into_iter().chain(options.into_iter().flatten())
}

/// Walks on from the changed answers, answering every open question every way, and keeps each
/// complete plan reached.
fn explore(
    bank: &Bank,
    s: &mut Session,
    asked: &mut SmallVec<[(QId, u64); 8]>,
    leaves: &mut Vec<Leaf>,
) -> Result<(), TooFar> {
    let walk = s.walk(bank);
    let Some(q) = walk.pending else {
        if leaves.len() >= MAX_LEAVES {
            return Err(TooFar);
        }
        let o = s.evaluate(bank, walk.path);
        leaves.push(Leaf {
            asked: asked.clone(),
            verdict: o.findings.get(bank.verdict.finding).copied().flatten(),
            actions: o.actions,
        });
        return Ok(());
    };
    for (answer, mask) in explored(bank, q) {
        s.answers[q] = Some(answer);
        asked.push((q, mask));
        let r = explore(bank, s, asked, leaves);
        asked.pop();
        r?;
    }
    s.answers[q] = None;
    Ok(())
}

fn covers(excluded: &[(QId, u64)], leaf: &Leaf) -> bool {
    !leaf.asked.iter().any(|a| excluded.contains(a))
}

/// The answers to rule out so that every plan left is allowed, or `None` when no allowed plan
/// is left. Greedy: each step rules out the answer that loses the fewest allowed plans (and of
/// those, removes the most plans that are not allowed), until none is left. Exact, if not always
/// the widest: whoever answers within what is left can only reach an allowed plan.
fn settle(bank: &Bank, leaves: &[Leaf]) -> Option<Vec<(QId, u64)>> {
    let good = |l: &Leaf| is_allowed(bank, l.verdict);
    let mut excluded: Vec<(QId, u64)> = Vec::new();
    loop {
        let bad: Vec<&Leaf> = leaves
            .iter()
            .filter(|l| !good(l) && covers(&excluded, l))
            .collect();
        if bad.is_empty() {
            break;
        }
        let mut best: Option<((usize, usize), (QId, u64))> = None;
        for &a in bad.iter().flat_map(|l| &l.asked) {
            let with = |l: &&Leaf| covers(&excluded, l) && l.asked.contains(&a);
            let lost = leaves.iter().filter(|l| good(l) && with(l)).count();
            let removed = bad.iter().filter(|l| l.asked.contains(&a)).count();
            let score = (lost, usize::MAX - removed);
            if best.is_none_or(|(b, _)| score < b) {
                best = Some((score, a));
            }
        }
        // A plan that is not allowed whatever is answered: nothing to rule out.
        excluded.push(best?.1);
    }
    // No question may be left with every answer ruled out where it can still be reached: rule
    // out the answer that leads to it instead.
    loop {
        let mut more = Vec::new();
        for leaf in leaves {
            let Some(i) = leaf.asked.iter().position(|a| excluded.contains(a)) else {
                continue;
            };
            let q = leaf.asked[i].0;
            if explored(bank, q).all(|(_, m)| excluded.contains(&(q, m))) {
                if i == 0 {
                    return None;
                }
                let before = leaf.asked[i - 1];
                if !excluded.contains(&before) && !more.contains(&before) {
                    more.push(before);
                }
            }
        }
        if more.is_empty() {
            break;
        }
        excluded.extend(more);
    }
    leaves
        .iter()
        .any(|l| good(l) && covers(&excluded, l))
        .then_some(excluded)
}

#[cfg(test)]
mod tests;
