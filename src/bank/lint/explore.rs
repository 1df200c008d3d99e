//! Exploring every path through a bank without following them one by one.
//!
//! Exploring paths one by one would multiply: a multiple-choice question with six options has 63
//! answers, and the questions after it repeat under each. So answers that no condition can tell
//! apart are explored once (answer classes), and the exploration of a question is shared between
//! all paths that reach it with the same answers still mattering below it (memoised on the
//! question, the rules not yet decided, and the answers those rules and the branches below look
//! at). Each shared result is the set of distinct effects still to come, so the work grows with
//! the number of distinct outcomes, not with the number of paths.
use std::marker::PhantomData;
use std::rc::Rc;

use std::collections::{HashMap, HashSet};

use super::classes::{answer_classes, reach_from};
use super::conflict::{self, Conflicts};
use super::effect::{Effect, Effects, Layout, NOTHING};
use super::{Answers, Defect, Place, Report, Section};
use crate::bank::condition::Known;
use crate::bank::{AId, Answer, Bank, FId, Ids, NId, QId, RId, Target, WId};

/// Answer classes of a multiple-choice question are enumerated over the options conditions look
/// at; more than this many such options is refused rather than explored.
pub(super) const MAX_TESTED_OPTIONS: u32 = 16;

/// A small growable bit set of ids of one kind, for sets of questions and of rules.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(super) struct Bits<I>(Vec<u64>, PhantomData<I>);

impl<I: Copy + From<usize> + Into<usize>> Bits<I> {
    pub(super) fn new(n: usize) -> Bits<I> {
        Bits(vec![0; n.div_ceil(64)], PhantomData)
    }
    pub(super) fn insert(&mut self, i: I) {
        let i: usize = i.into();
        self.0[i / 64] |= 1 << (i % 64);
    }
    pub(super) fn contains(&self, i: I) -> bool {
        let i: usize = i.into();
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
    fn intersects(&self, o: &Bits<I>) -> bool {
        self.0.iter().zip(&o.0).any(|(a, b)| a & b != 0)
    }
    fn remove_all(&mut self, o: &Bits<I>) {
        self.0.iter_mut().zip(&o.0).for_each(|(a, b)| *a &= !b);
    }
    pub(super) fn union_with(&mut self, o: &Bits<I>) {
        self.0.iter_mut().zip(&o.0).for_each(|(a, b)| *a |= b);
    }
    fn iter(&self) -> impl Iterator<Item = I> + '_ {
        self.0.iter().enumerate().flat_map(|(w, &bits)| {
            (0..64)
                .filter(move |i| bits & (1 << i) != 0)
                .map(move |i| I::from(w * 64 + i))
        })
    }
}

/// The rule numbered `r` in the lint's lists of pending rules (kept as `u32`, being most of
/// the memoised states' keys).
fn rule(r: u32) -> RId {
    RId::from(r as usize)
}

/// What lies below a question state: the distinct effects still to come and how many paths
/// there are. The futures are kept as bare numbers, the bulk of the lint's memory; an example
/// path to one of them is searched for again only when a message needs it.
struct Below {
    question: QId,
    futures: Vec<u32>,
    /// Per answer class, what the step adds (`None` for a dead end) and the state it leads to
    /// (`None` for the end or a dead end).
    steps: Vec<(Option<u32>, Option<Rc<Below>>)>,
    paths: u128,
}

/// With the question, everything the exploration below depends on: the rules still undecided,
/// and the answers given that those rules and the branches below still look at.
type StateKey = (Vec<u32>, Vec<(QId, usize)>);

pub(super) struct Explorer<'b> {
    bank: &'b Bank,
    /// Per question: one representative answer of each class of answers no condition can tell apart.
    classes: Ids<QId, Vec<Answer>>,
    /// Per question: the questions reachable from it, itself included.
    reach: Ids<QId, Bits<QId>>,
    /// Per question: the questions looked at by the branches of any question reachable from it.
    branch_refs: Ids<QId, Bits<QId>>,
    /// Per rule: the questions its condition looks at, and what it adds to an outcome.
    rule_refs: Ids<RId, Bits<QId>>,
    rule_effects: Ids<RId, u32>,
    effects: Effects,
    layout: Layout,
    answered: Ids<QId, Option<usize>>,
    /// The answered questions, in the order asked.
    path: Vec<QId>,
    /// Per question, the states explored; kept apart so that exploring one part of a large
    /// bank looks up only that part's states.
    memo: Ids<QId, HashMap<StateKey, Rc<Below>>>,
    visited: Ids<QId, bool>,
    ever_fired: Bits<RId>,
    defects: Vec<Defect>,
    reported: HashSet<String>,
}

impl<'b> Explorer<'b> {
    pub(super) fn new(bank: &'b Bank) -> Explorer<'b> {
        let n = bank.questions.len();
        // Which option masks each question is tested against, anywhere in the bank.
        let mut tested: Ids<QId, Vec<u64>> = vec![Vec::new(); n].into();
        let mut note = |q: QId, m: Option<u64>| {
            if let Some(m) = m {
                tested[q].push(m)
            }
        };
        let mut direct_branch_refs: Ids<QId, Bits<QId>> = vec![Bits::new(n); n].into();
        for (q, question) in bank.questions.iter_enumerated() {
            for b in &question.next {
                b.when.visit(&mut |x, m| {
                    note(x, m);
                    direct_branch_refs[q].insert(x);
                });
            }
        }
        let rule_refs = bank
            .rules
            .iter()
            .map(|r| {
                let mut bits = Bits::new(n);
                r.when.visit(&mut |x, m| {
                    note(x, m);
                    bits.insert(x);
                });
                bits
            })
            .collect();
        let mut defects = Vec::new();
        let classes = bank
            .questions
            .iter_enumerated()
            .map(|(q, question)| answer_classes(question, &tested[q], &mut defects))
            .collect();

        // Reachability over the acyclic question graph, children before parents.
        let mut reach: Ids<QId, Option<Bits<QId>>> = vec![None; n].into();
        for q in bank.questions.keys() {
            reach_from(bank, q, &mut reach);
        }
        let reach: Ids<QId, Bits<QId>> = reach
            .into_iter()
            .map(|r| r.unwrap_or_else(|| Bits::new(n)))
            .collect();
        let branch_refs = reach
            .iter()
            .map(|r| {
                let mut bits = Bits::new(n);
                r.iter()
                    .for_each(|x| bits.union_with(&direct_branch_refs[x]));
                bits
            })
            .collect();
        let layout = Layout::new(bank);
        let mut effects = Effects::new();
        let rule_effects = bank
            .rules
            .iter()
            .map(|r| effects.intern(&layout.effect(r)))
            .collect();
        Explorer {
            bank,
            classes,
            reach,
            branch_refs,
            rule_refs,
            rule_effects,
            effects,
            layout,
            answered: vec![None; n].into(),
            path: Vec::new(),
            memo: (0..n).map(|_| HashMap::new()).collect(),
            visited: vec![false; n].into(),
            ever_fired: Bits::new(bank.rules.len()),
            defects,
            reported: HashSet::new(),
        }
    }

    pub(super) fn run(mut self, report: &mut Report) {
        let bank = self.bank;
        if !self.defects.is_empty() {
            report.defects.append(&mut self.defects);
            return;
        }
        let (at_start, below) = self.start();
        report.paths = below.paths;
        report.states = self.memo.iter().map(HashMap::len).sum();

        // Distinct outcomes are distinct completed effects (defaults and verdict filled in).
        // Each is checked once against the declared conflicts, so the check grows with the
        // outcomes, not with the paths.
        let conflicts = Conflicts::new(bank, &self.layout);
        let mut clashed = vec![false; bank.conflicts.len()];
        let mut hits = Vec::new();
        let mut outcomes = Vec::new();
        let mut undecided: HashSet<FId> = HashSet::new();
        for &future in &below.futures {
            let complete = self.complete(at_start, future);
            for (f, finding) in bank.findings.iter_enumerated() {
                let unset = complete.count(self.layout.findings[f], finding.values.len()) == 0;
                if unset && undecided.insert(f) {
                    let path = self.describe_example(&below, future);
                    self.defects.push(Defect::NoValue {
                        file: bank.findings[f].file.clone(),
                        finding: bank.findings[f].id.clone(),
                        path,
                    });
                }
            }
            let id = self.effects.intern(&complete);
            if !self.effects.mark(id) {
                continue;
            }
            outcomes.push(id);
            if conflicts.is_empty() {
                continue;
            }
            conflicts.violated(&complete, &mut hits);
            for c in hits.drain(..) {
                // One message per conflict, with the first path found to break it.
                if !std::mem::replace(&mut clashed[c], true) {
                    let example = self.describe_example(&below, future);
                    self.defects.push(conflict::defect(bank, c, example));
                }
            }
        }
        report.outcomes = outcomes.len();
        outcomes.into_iter().for_each(|e| self.effects.unmark(e));

        for (q, seen) in self.visited.iter_enumerated() {
            if !seen {
                let question = &bank.questions[q];
                self.defects.push(Defect::NeverAsked {
                    place: Place::new(&question.file, Section::Question, &question.id),
                });
            }
        }
        let mut given_actions: Ids<AId, bool> = vec![false; bank.actions.len()].into();
        let mut given_warnings: Ids<WId, bool> = vec![false; bank.warnings.len()].into();
        let mut given_notes: Ids<NId, bool> = vec![false; bank.notes.len()].into();
        for (r, rule) in bank.rules.iter_enumerated() {
            if !self.ever_fired.contains(r) {
                self.defects.push(Defect::NeverApplies {
                    place: Place::new(&rule.file, Section::Rule, &rule.id),
                });
                continue;
            }
            rule.require
                .iter()
                .chain(&rule.recommend)
                .for_each(|&a| given_actions[a] = true);
            rule.warn.iter().for_each(|&w| given_warnings[w] = true);
            rule.notes.iter().for_each(|&x| given_notes[x] = true);
        }
        for (a, given) in given_actions.iter_enumerated() {
            if !given {
                let action = &bank.actions[a];
                self.defects.push(Defect::NeverAdvised {
                    place: Place::new(&action.file, Section::Action, &action.id),
                });
            }
        }
        for (w, given) in given_warnings.iter_enumerated() {
            if !given {
                let warning = &bank.warnings[w];
                self.defects.push(Defect::NeverGiven {
                    place: Place::new(&warning.file, Section::Warning, &warning.id),
                });
            }
        }
        for (x, given) in given_notes.iter_enumerated() {
            if !given {
                let note = &bank.notes[x];
                self.defects.push(Defect::NeverGiven {
                    place: Place::new(&note.file, Section::Note, &note.id),
                });
            }
        }
        report.defects.append(&mut self.defects);
    }

    /// Explores the bank from its start: what the rules decided before any answer add, and
    /// what lies below the first question.
    fn start(&mut self) -> (u32, Rc<Below>) {
        let bank = self.bank;
        let mut pending: Vec<u32> = (0..bank.rules.len() as u32).collect();
        let at_start = self.decide(Target::Question(bank.start), &mut pending, None);
        let below = self.explore(bank.start, &pending);
        (at_start, below)
    }

    /// The outcome of a path whose future below the start is `future`, completed as the engine
    /// completes it.
    fn complete(&mut self, at_start: u32, future: u32) -> Effect {
        let all = self.effects.merge(at_start, future);
        self.layout.complete(self.bank, &self.effects.get(all))
    }

    /// The distinct completed outcomes, for checking the bit level against the engine.
    #[cfg(test)]
    pub(super) fn completed_outcomes(mut self) -> (Layout, Vec<Effect>) {
        let (at_start, below) = self.start();
        let mut out = Vec::new();
        for &future in &below.futures {
            let complete = self.complete(at_start, future);
            let id = self.effects.intern(&complete);
            if self.effects.mark(id) {
                out.push(complete);
            }
        }
        (self.layout, out)
    }

    /// What is known about each question once the walk is headed for `target`.
    fn known<'s>(&'s self, target: Target) -> impl Fn(QId) -> Known<'s> + 's {
        move |x| match self.answered[x] {
            Some(c) => Known::Settled(Some(&self.classes[x][c])),
            None => match target {
                Target::Question(t) if self.reach[t].contains(x) => Known::Open,
                _ => Known::Settled(None),
            },
        }
    }

    /// Settles the pending rules that no later answer can change any more, and returns what
    /// the ones that hold add to the outcome.
    ///
    /// Only rules that look at a question in `changed` (just answered, or no longer reachable)
    /// can have become decidable; `None` checks them all.
    fn decide(
        &mut self,
        target: Target,
        pending: &mut Vec<u32>,
        changed: Option<&Bits<QId>>,
    ) -> u32 {
        let mut fired = Vec::new();
        {
            let known = self.known(target);
            pending.retain(|&r| {
                if changed.is_some_and(|c| !self.rule_refs[rule(r)].intersects(c)) {
                    return true;
                }
                match self.bank.rules[rule(r)].when.decide(&known) {
                    Some(holds) => {
                        if holds {
                            fired.push(rule(r));
                        }
                        false
                    }
                    None => true,
                }
            });
        }
        let mut effect = NOTHING;
        for r in fired {
            self.ever_fired.insert(r);
            effect = self.effects.merge(effect, self.rule_effects[r]);
        }
        effect
    }

    fn explore(&mut self, q: QId, pending: &[u32]) -> Rc<Below> {
        self.visited[q] = true;
        let seen: Vec<(QId, usize)> = self
            .path
            .iter()
            .filter(|&&x| {
                self.branch_refs[q].contains(x)
                    || pending.iter().any(|&r| self.rule_refs[rule(r)].contains(x))
            })
            .filter_map(|&x| self.answered[x].map(|c| (x, c)))
            .collect();
        let key = (pending.to_vec(), seen);
        if let Some(b) = self.memo[q].get(&key) {
            return b.clone();
        }

        let bank = self.bank;
        let question = &bank.questions[q];
        // First each class's step (exploring below it), then the futures gathered in one go,
        // so the marks that keep them distinct are not disturbed by the exploration below.
        let mut steps = Vec::with_capacity(self.classes[q].len());
        let mut paths: u128 = 0;
        self.path.push(q);
        for class in 0..self.classes[q].len() {
            self.answered[q] = Some(class);
            let mut target = None;
            for (i, b) in question.next.iter().enumerate() {
                let decided = b.when.decide(&self.known(Target::Question(q)));
                match decided {
                    Some(true) => {
                        target = Some(b.to);
                        break;
                    }
                    Some(false) => {}
                    // A branch may only look at questions asked before it.
                    None => {
                        if self.reported.insert(format!("forward:{}:{i}", q.index())) {
                            let mut later = Vec::new();
                            b.when.visit(&mut |x, _| {
                                if self.answered[x].is_none()
                                    && self.reach[q].contains(x)
                                    && !later.contains(&x)
                                {
                                    later.push(x);
                                }
                            });
                            self.defects.push(Defect::LooksAhead {
                                place: Place::new(&question.file, Section::Question, &question.id),
                                branch: i,
                                later: later
                                    .iter()
                                    .map(|&x| bank.questions[x].id.clone())
                                    .collect(),
                            });
                        }
                    }
                }
            }
            let Some(target) = target else {
                steps.push((None, None));
                if self.reported.insert(format!("dead:{}", q.index())) {
                    let defect = Defect::DeadEnd {
                        place: Place::new(&question.file, Section::Question, &question.id),
                        path: self.describe_current(),
                    };
                    self.defects.push(defect);
                }
                continue;
            };
            let mut pending = pending.to_vec();
            // What this step settles: the question answered, and what can no longer be asked.
            let mut changed = self.reach[q].clone();
            if let Target::Question(t) = target {
                changed.remove_all(&self.reach[t]);
            }
            changed.insert(q);
            let now = self.decide(target, &mut pending, Some(&changed));
            match target {
                Target::End => {
                    steps.push((Some(now), None));
                    paths = paths.saturating_add(1);
                }
                Target::Question(t) => {
                    let below = self.explore(t, &pending);
                    paths = paths.saturating_add(below.paths);
                    steps.push((Some(now), Some(below)));
                }
            }
        }
        self.answered[q] = None;
        self.path.pop();

        // The futures in the order first met, which is the order of the example paths, so the
        // example in a message is the first such path.
        let mut futures: Vec<u32> = Vec::new();
        for (now, child) in &steps {
            let Some(now) = *now else { continue };
            match child {
                None => {
                    if self.effects.mark(now) {
                        futures.push(now);
                    }
                }
                Some(below) => {
                    for &future in &below.futures {
                        let all = self.effects.merge(now, future);
                        if self.effects.mark(all) {
                            futures.push(all);
                        }
                    }
                }
            }
        }
        for &e in &futures {
            self.effects.unmark(e);
        }
        futures.shrink_to_fit();
        let below = Rc::new(Below {
            question: q,
            futures,
            steps,
            paths,
        });
        self.memo[q].insert(key, below.clone());
        below
    }

    /// The answers of the path being explored, for a dead end found there.
    fn describe_current(&self) -> Answers {
        let parts: Vec<(QId, usize)> = self
            .path
            .iter()
            .filter_map(|&q| self.answered[q].map(|c| (q, c)))
            .collect();
        self.describe_answers(&parts)
    }

    /// The first path below `below` that ends in `future`.
    fn describe_example(&mut self, below: &Below, future: u32) -> Answers {
        let mut parts = Vec::new();
        let (mut at, mut future) = (below, future);
        'step: loop {
            for (class, (now, child)) in at.steps.iter().enumerate() {
                let Some(now) = *now else { continue };
                match child {
                    None if now == future => {
                        parts.push((at.question, class));
                        break 'step;
                    }
                    None => {}
                    Some(child) => {
                        // Merging finds effects already numbered; it adds none.
                        let next = child
                            .futures
                            .iter()
                            .find(|&&f| self.effects.merge(now, f) == future);
                        if let Some(&next) = next {
                            parts.push((at.question, class));
                            at = child;
                            future = next;
                            continue 'step;
                        }
                    }
                }
            }
            unreachable!("every future of a state comes from one of its steps");
        }
        self.describe_answers(&parts)
    }

    /// Answers as a maintainer can type them into an answers file.
    fn describe_answers(&self, parts: &[(QId, usize)]) -> Answers {
        Answers(
            parts
                .iter()
                .map(|&(q, c)| {
                    let question = &self.bank.questions[q];
                    let answer = question.answer_json(&self.classes[q][c]);
                    (question.id.clone(), answer)
                })
                .collect(),
        )
    }
}
