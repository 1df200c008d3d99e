//! Proving a bank sound: every text written and sourced, every stable id present, and — by
//! exploring every path — every question reachable, every path ending in a complete outcome.
//!
//! Exploring paths one by one would multiply: a multiple-choice question with six options has 63
//! answers, and the questions after it repeat under each. So answers that no condition can tell
//! apart are explored once (answer classes), and the exploration of a question is shared between
//! all paths that reach it with the same answers still mattering below it (memoised on the
//! question, the rules not yet decided, and the answers those rules and the branches below look
//! at). Each shared result is the set of distinct rule combinations still to come, so the work
//! grows with the number of distinct outcomes, not with the number of paths.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::rc::Rc;

use serde::Deserialize;
use serde_json::Value;
use smallvec::SmallVec;

use super::condition::Known;
use super::{Bank, Kind, QId, Target};
use crate::engine::Answer;
use crate::text::Text;

/// The stable identifiers of RULES.md, which the program's contracts rely on.
const STABLE_IDS: &str = include_str!("../../assets/stable-ids.json");

/// Answer classes of a multiple-choice question are enumerated over the options conditions look
/// at; more than this many such options is refused rather than explored.
const MAX_TESTED_OPTIONS: u32 = 16;

#[derive(Debug, Default)]
pub struct Report {
    pub questions: usize,
    /// Distinct paths: sequences of answers that some condition can tell apart.
    pub paths: u128,
    /// Distinct outcomes: findings, actions with levels, warnings and notes.
    pub outcomes: usize,
    /// Question states explored (after sharing), a measure of the lint's own work.
    pub states: usize,
    pub defects: Vec<String>,
}

impl Report {
    pub fn is_sound(&self) -> bool {
        self.defects.is_empty()
    }
}

pub fn lint(bank: &Bank) -> Report {
    let mut report = Report {
        questions: bank.questions.len(),
        ..Default::default()
    };
    check_texts(bank, &mut report.defects);
    check_stable_ids(bank, &mut report.defects);
    report.defects.extend(bank.unused_defs.iter().cloned());
    Explorer::new(bank).run(&mut report);
    report
}

fn check_text(t: &Text, place: &str, what: &str, defects: &mut Vec<String>) {
    for (lang, s) in [("nl", &t.nl), ("en", &t.en)] {
        if s.trim().is_empty() {
            defects.push(format!("{place}: {what} ({lang}) ontbreekt"));
        } else if s.trim().eq_ignore_ascii_case("todo") {
            defects.push(format!(
                "{place}: {what} ({lang}) is nog niet geschreven (TODO)"
            ));
        }
    }
}

fn check_sources(sources: &[String], place: &str, defects: &mut Vec<String>) {
    if sources.iter().all(|s| s.trim().is_empty()) {
        defects.push(format!("{place}: geen bron (sources is leeg)"));
    }
}

fn check_texts(bank: &Bank, d: &mut Vec<String>) {
    for q in &bank.questions {
        let place = format!("{}: vraag \"{}\"", q.file, q.id);
        check_text(&q.prompt, &place, "prompt", d);
        check_text(&q.help, &place, "help", d);
        check_text(&q.reasoning, &place, "reasoning", d);
        check_sources(&q.sources, &place, d);
        for o in &q.options {
            check_text(
                &o.label,
                &format!("{place}, optie \"{}\"", o.id),
                "label",
                d,
            );
        }
    }
    for f in &bank.findings {
        let place = format!("{}: bevinding \"{}\"", f.file, f.id);
        check_text(&f.title, &place, "title", d);
        check_text(&f.rationale, &place, "rationale", d);
        check_sources(&f.sources, &place, d);
        for v in &f.values {
            check_text(
                &v.label,
                &format!("{place}, waarde {}", v.value),
                "label",
                d,
            );
        }
    }
    for a in &bank.actions {
        let place = format!("{}: actie \"{}\"", a.file, a.id);
        check_text(&a.title, &place, "title", d);
        check_text(&a.rationale, &place, "rationale", d);
        check_sources(&a.sources, &place, d);
    }
    for w in &bank.warnings {
        let place = format!("{}: waarschuwing \"{}\"", w.file, w.id);
        check_text(&w.title, &place, "title", d);
        check_text(&w.text, &place, "text", d);
        check_sources(&w.sources, &place, d);
    }
    for n in &bank.notes {
        let place = format!("{}: notitie \"{}\"", n.file, n.id);
        check_text(&n.title, &place, "title", d);
        check_text(&n.text, &place, "text", d);
        check_sources(&n.sources, &place, d);
        let month_ok = n.checked.len() == 7
            && n.checked.as_bytes()[4] == b'-'
            && n.checked
                .chars()
                .enumerate()
                .all(|(i, c)| i == 4 || c.is_ascii_digit());
        if !month_ok {
            d.push(format!(
                "{place}: checked moet een maand zijn als \"2026-11\", gevonden \"{}\"",
                n.checked
            ));
        }
    }
    for f in &bank.register {
        let place = format!("{}: registerveld \"{}\"", f.file, f.id);
        check_text(&f.label, &place, "label", d);
        for p in &f.parts {
            if let super::RegisterContent::Text(t) = &p.content {
                check_text(t, &place, "text", d);
            }
        }
    }
    for r in &bank.rules {
        if let Some(reason) = &r.reason {
            let place = format!("{}: regel \"{}\"", r.file, r.id);
            check_text(&reason.text, &place, "reason.text", d);
            check_sources(&reason.sources, &place, d);
        }
    }
}

#[derive(Deserialize)]
struct StableIds {
    questions: HashMap<String, (String, Vec<String>)>,
    findings: HashMap<String, Vec<Value>>,
    actions: Vec<String>,
}

fn check_stable_ids(bank: &Bank, d: &mut Vec<String>) {
    let stable: StableIds = match serde_json::from_str(STABLE_IDS) {
        Ok(s) => s,
        Err(e) => {
            d.push(format!("assets/stable-ids.json is onleesbaar: {e}"));
            return;
        }
    };
    let mut names: Vec<&String> = stable.questions.keys().collect();
    names.sort();
    for id in names {
        let (kind, options) = &stable.questions[id];
        match bank.question(id) {
            None => d.push(format!("vaste vraag \"{id}\" (RULES.md) ontbreekt")),
            Some(q) => {
                if q.kind.name() != kind {
                    d.push(format!(
                        "{}: vraag \"{id}\" moet van soort {kind} zijn, is {}",
                        q.file,
                        q.kind.name()
                    ));
                }
                for o in options {
                    if q.option_index(o).is_none() {
                        d.push(format!(
                            "{}: vraag \"{id}\" mist de vaste optie \"{o}\"",
                            q.file
                        ));
                    }
                }
            }
        }
    }
    for q in &bank.questions {
        if !stable.questions.contains_key(&q.id) && q.default.is_none() {
            d.push(format!(
                "{}: vraag \"{}\" staat niet in RULES.md en heeft dus een \"default\" nodig, zodat een antwoordbestand volgens RULES.md altijd werkt",
                q.file, q.id
            ));
        }
    }
    let mut names: Vec<&String> = stable.findings.keys().collect();
    names.sort();
    for id in names {
        match bank.finding_id(id) {
            None => d.push(format!("vaste bevinding \"{id}\" (RULES.md) ontbreekt")),
            Some(f) => {
                for v in &stable.findings[id] {
                    if !bank.findings[f].values.iter().any(|x| &x.value == v) {
                        d.push(format!("bevinding \"{id}\" mist de vaste waarde {v}"));
                    }
                }
            }
        }
    }
    for id in &stable.actions {
        if bank.action_id(id).is_none() {
            d.push(format!("vaste actie \"{id}\" (RULES.md) ontbreekt"));
        }
    }
}

/// A small growable bit set, for sets of questions and of rules.
#[derive(Clone, PartialEq, Eq, Hash, Default, Debug)]
struct Bits(Vec<u64>);

impl Bits {
    fn new(n: usize) -> Bits {
        Bits(vec![0; n.div_ceil(64)])
    }
    fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    fn contains(&self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
    fn intersects(&self, o: &Bits) -> bool {
        self.0.iter().zip(&o.0).any(|(a, b)| a & b != 0)
    }
    fn remove_all(&mut self, o: &Bits) {
        self.0.iter_mut().zip(&o.0).for_each(|(a, b)| *a &= !b);
    }
    fn union_with(&mut self, o: &Bits) {
        self.0.iter_mut().zip(&o.0).for_each(|(a, b)| *a |= b);
    }
    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(w, &bits)| {
            (0..64)
                .filter(move |i| bits & (1 << i) != 0)
                .map(move |i| w * 64 + i)
        })
    }
}

/// What a set of rules adds to an outcome, as a bit string kept sparse in 64-bit words. Each
/// finding has one bit per value and each action two, in a unary code (value k sets the low k+1
/// bits; recommended 01, required 11), each warning and note one bit. "The strongest wins" is
/// then a plain OR, so effects combine by merging their words.
#[derive(Clone, PartialEq, Eq, Hash, Default, Debug)]
struct Effect(SmallVec<[(u32, u64); 3]>);

impl Effect {
    fn merge(&self, other: &Effect) -> Effect {
        let (a, b) = (&self.0, &other.0);
        if b.is_empty() {
            return self.clone();
        }
        if a.is_empty() {
            return other.clone();
        }
        // The usual case: both touch the same words.
        if a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x.0 == y.0) {
            return Effect(
                a.iter()
                    .zip(b.iter())
                    .map(|(x, y)| (x.0, x.1 | y.1))
                    .collect(),
            );
        }
        let mut out = SmallVec::with_capacity(a.len() + b.len());
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => {
                    out.push(a[i]);
                    i += 1;
                }
                std::cmp::Ordering::Greater => {
                    out.push(b[j]);
                    j += 1;
                }
                std::cmp::Ordering::Equal => {
                    out.push((a[i].0, a[i].1 | b[j].1));
                    i += 1;
                    j += 1;
                }
            }
        }
        out.extend_from_slice(&a[i..]);
        out.extend_from_slice(&b[j..]);
        Effect(out)
    }

    /// How many of the `count` bits from `from` on are set.
    fn count(&self, from: usize, count: usize) -> u32 {
        self.0
            .iter()
            .map(|&(word, bits)| {
                (bits & range_mask(word as usize * 64, from, from + count)).count_ones()
            })
            .sum()
    }

    fn set_bits(&mut self, from: usize, count: usize) {
        for bit in from..from + count {
            let word = (bit / 64) as u32;
            let mask = 1u64 << (bit % 64);
            match self.0.binary_search_by_key(&word, |w| w.0) {
                Ok(i) => self.0[i].1 |= mask,
                Err(i) => self.0.insert(i, (word, mask)),
            }
        }
    }
}

/// The bits of the 64-bit word starting at bit `base` that fall in `from..to`.
fn range_mask(base: usize, from: usize, to: usize) -> u64 {
    let lo = from.saturating_sub(base).min(64);
    let hi = to.saturating_sub(base).min(64);
    if lo >= hi {
        return 0;
    }
    let upto = if hi == 64 { u64::MAX } else { (1u64 << hi) - 1 };
    upto & !((1u64 << lo) - 1)
}

/// Where each finding, action, warning and note lives in an [`Effect`].
struct Layout {
    findings: Vec<usize>,
    actions: usize,
    warnings: usize,
    notes: usize,
}

impl Layout {
    fn new(bank: &Bank) -> Layout {
        let mut at = 0;
        let findings = bank
            .findings
            .iter()
            .map(|f| {
                let start = at;
                at += f.values.len();
                start
            })
            .collect();
        let actions = at;
        let warnings = actions + 2 * bank.actions.len();
        let notes = warnings + bank.warnings.len();
        Layout {
            findings,
            actions,
            warnings,
            notes,
        }
    }

    /// The effect with what no rule decided filled in, as [`Outcome::complete`] does: each
    /// finding's default, and the verdict from whether any action is required. Kept in step
    /// with it by a test.
    fn complete(&self, bank: &Bank, e: &Effect) -> Effect {
        let mut c = e.clone();
        for (f, finding) in bank.findings.iter().enumerate() {
            if let Some(d) = finding.default
                && c.count(self.findings[f], finding.values.len()) == 0
            {
                c.set_bits(self.findings[f], usize::from(d) + 1);
            }
        }
        // A required action has the upper of its two bits set.
        let required = c.0.iter().any(|&(word, bits)| {
            let base = word as usize * 64;
            // Words start at even bits, so the upper bits are the odd ones when actions start
            // at an even bit.
            let upper = if self.actions.is_multiple_of(2) {
                0xAAAA_AAAA_AAAA_AAAA
            } else {
                0x5555_5555_5555_5555
            };
            bits & upper & range_mask(base, self.actions, self.warnings) != 0
        });
        let v = &bank.verdict;
        let base = if required {
            v.with_required_actions
        } else {
            v.without_required_actions
        };
        c.set_bits(self.findings[v.finding], usize::from(base) + 1);
        c
    }

    fn effect(&self, rule: &super::Rule) -> Effect {
        let mut e = Effect::default();
        rule.set
            .iter()
            .for_each(|&(f, v)| e.set_bits(self.findings[f], usize::from(v) + 1));
        rule.recommend
            .iter()
            .for_each(|&a| e.set_bits(self.actions + 2 * a, 1));
        rule.require
            .iter()
            .for_each(|&a| e.set_bits(self.actions + 2 * a, 2));
        rule.warn
            .iter()
            .for_each(|&w| e.set_bits(self.warnings + w, 1));
        rule.notes
            .iter()
            .for_each(|&n| e.set_bits(self.notes + n, 1));
        e
    }

    #[cfg(test)]
    /// The outcome an effect stands for: the rules' values, then the engine's defaults and
    /// verdict (through [`Outcome::complete`], so the two never disagree). Reads only the bits
    /// that are set, so its cost does not grow with the size of the bank.
    fn outcome(&self, bank: &Bank, e: &Effect) -> crate::engine::Outcome {
        use crate::engine::{Advised, Level};
        let mut findings: Vec<Option<u8>> = vec![None; bank.findings.len()];
        let mut actions = Vec::new();
        let (mut warnings, mut notes) = (Vec::new(), Vec::new());
        for &(word, bits) in &e.0 {
            let mut rest = bits;
            while rest != 0 {
                let bit = word as usize * 64 + rest.trailing_zeros() as usize;
                rest &= rest - 1;
                if bit < self.actions {
                    // Unary code: the finding's value is its highest set bit.
                    let f = self.findings.partition_point(|&start| start <= bit) - 1;
                    let v = (bit - self.findings[f]) as u8;
                    findings[f] = Some(findings[f].map_or(v, |w| w.max(v)));
                } else if bit < self.warnings {
                    let (a, high) = ((bit - self.actions) / 2, (bit - self.actions) % 2 == 1);
                    match actions.last_mut() {
                        Some(Advised { action, level }) if *action == a => {
                            if high {
                                *level = Level::Required;
                            }
                        }
                        _ => actions.push(Advised {
                            action: a,
                            level: Level::Recommended,
                        }),
                    }
                } else if bit < self.notes {
                    warnings.push(bit - self.warnings);
                } else {
                    notes.push(bit - self.notes);
                }
            }
        }
        crate::engine::Outcome::complete(
            bank,
            findings,
            actions,
            warnings,
            notes,
            Vec::new(),
            Vec::new(),
        )
    }
}

/// Every distinct effect met, numbered, so the futures of a state are small numbers and the
/// common case — a question that decides no rule — costs a copy, not a merge.
struct Effects {
    list: Vec<Effect>,
    /// One bit per effect, for gathering a state's distinct futures without hashing.
    marks: Vec<u64>,
    index: HashMap<Effect, u32>,
    merged: HashMap<u64, u32>,
}

/// The effect of no rule at all.
const NOTHING: u32 = 0;

impl Effects {
    fn new() -> Effects {
        let mut e = Effects {
            list: Vec::new(),
            marks: Vec::new(),
            index: HashMap::with_capacity_and_hasher(1 << 14, Default::default()),
            merged: HashMap::with_capacity_and_hasher(1 << 15, Default::default()),
        };
        e.intern(Effect::default());
        e
    }

    /// Marks an effect; true if it was not marked yet.
    fn mark(&mut self, e: u32) -> bool {
        let (w, b) = (e as usize / 64, 1u64 << (e % 64));
        if w >= self.marks.len() {
            self.marks.resize(w + 1, 0);
        }
        let new = self.marks[w] & b == 0;
        self.marks[w] |= b;
        new
    }

    fn unmark(&mut self, e: u32) {
        if let Some(w) = self.marks.get_mut(e as usize / 64) {
            *w &= !(1u64 << (e % 64));
        }
    }

    fn intern(&mut self, e: Effect) -> u32 {
        if let Some(&i) = self.index.get(&e) {
            return i;
        }
        let i = self.list.len() as u32;
        self.list.push(e.clone());
        self.index.insert(e, i);
        i
    }

    fn merge(&mut self, a: u32, b: u32) -> u32 {
        if a == NOTHING || a == b {
            return b;
        }
        if b == NOTHING {
            return a;
        }
        let key = u64::from(a.min(b)) << 32 | u64::from(a.max(b));
        if let Some(&m) = self.merged.get(&key) {
            return m;
        }
        let m = self.list[a as usize].merge(&self.list[b as usize]);
        let m = self.intern(m);
        self.merged.insert(key, m);
        m
    }
}

/// What lies below a question state: the distinct effects still to come and how many paths
/// there are. Each effect remembers one example path without allocating: the answer class that
/// leads to it and its place among the futures of the state that class leads to.
struct Below {
    question: QId,
    futures: Vec<(u32, Example)>,
    /// Per answer class, the state it leads to (`None` for the end or a dead end).
    children: Vec<Option<Rc<Below>>>,
    paths: u128,
}

#[derive(Clone, Copy)]
struct Example {
    class: u32,
    below: u32,
}

/// A question, the rules still undecided, and the answers given that those rules and the
/// branches below still look at: everything the exploration below depends on.
type StateKey = (QId, Vec<u32>, Vec<(QId, usize)>);

struct Explorer<'b> {
    bank: &'b Bank,
    /// Per question: one representative answer of each class of answers no condition can tell apart.
    classes: Vec<Vec<Answer>>,
    /// Per question: the questions reachable from it, itself included.
    reach: Vec<Bits>,
    /// Per question: the questions looked at by the branches of any question reachable from it.
    branch_refs: Vec<Bits>,
    /// Per rule: the questions its condition looks at, and what it adds to an outcome.
    rule_refs: Vec<Bits>,
    rule_effects: Vec<u32>,
    effects: Effects,
    layout: Layout,
    answered: Vec<Option<usize>>,
    /// The answered questions, in the order asked.
    path: Vec<QId>,
    memo: HashMap<StateKey, Rc<Below>>,
    visited: Vec<bool>,
    ever_fired: Bits,
    defects: Vec<String>,
    reported: HashSet<String>,
}

impl<'b> Explorer<'b> {
    fn new(bank: &'b Bank) -> Explorer<'b> {
        let n = bank.questions.len();
        // Which option masks each question is tested against, anywhere in the bank.
        let mut tested: Vec<Vec<u64>> = vec![Vec::new(); n];
        let mut note = |q: QId, m: Option<u64>| {
            if let Some(m) = m {
                tested[q].push(m)
            }
        };
        let mut direct_branch_refs = vec![Bits::new(n); n];
        for (q, question) in bank.questions.iter().enumerate() {
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
            .iter()
            .enumerate()
            .map(|(q, question)| answer_classes(question, &tested[q], &mut defects))
            .collect();

        // Reachability over the acyclic question graph, children before parents.
        let mut reach: Vec<Option<Bits>> = vec![None; n];
        for q in 0..n {
            reach_from(bank, q, &mut reach);
        }
        let reach: Vec<Bits> = reach
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
            .map(|r| effects.intern(layout.effect(r)))
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
            answered: vec![None; n],
            path: Vec::new(),
            memo: HashMap::default(),
            visited: vec![false; n],
            ever_fired: Bits::new(bank.rules.len()),
            defects,
            reported: HashSet::default(),
        }
    }

    fn run(mut self, report: &mut Report) {
        let bank = self.bank;
        if !self.defects.is_empty() {
            report.defects.append(&mut self.defects);
            return;
        }
        let mut pending: Vec<u32> = (0..bank.rules.len() as u32).collect();
        let at_start = self.decide(Target::Question(bank.start), &mut pending, None);
        let below = self.explore(bank.start, &pending);
        report.paths = below.paths;
        report.states = self.memo.len();

        // Distinct outcomes are distinct completed effects (defaults and verdict filled in).
        let mut outcomes: HashSet<Effect> = HashSet::default();
        let mut undecided: HashSet<usize> = HashSet::default();
        for (i, &(future, _)) in below.futures.iter().enumerate() {
            let all = self.effects.merge(at_start, future);
            let complete = self.layout.complete(bank, &self.effects.list[all as usize]);
            for (f, finding) in bank.findings.iter().enumerate() {
                let unset = complete.count(self.layout.findings[f], finding.values.len()) == 0;
                if unset && undecided.insert(f) {
                    self.defects.push(format!(
                        "{}: pad zonder uitkomst: bevinding \"{}\" krijgt geen waarde (geen regel zet haar en er is geen default) bij {}",
                        bank.findings[f].file,
                        bank.findings[f].id,
                        self.describe_example(&below, i)
                    ));
                }
            }
            outcomes.insert(complete);
        }
        report.outcomes = outcomes.len();

        for (q, seen) in self.visited.iter().enumerate() {
            if !seen {
                let question = &bank.questions[q];
                self.defects.push(format!(
                    "{}: vraag \"{}\" wordt op geen enkel pad gesteld",
                    question.file, question.id
                ));
            }
        }
        let mut given_actions = vec![false; bank.actions.len()];
        let mut given_warnings = vec![false; bank.warnings.len()];
        let mut given_notes = vec![false; bank.notes.len()];
        for (r, rule) in bank.rules.iter().enumerate() {
            if !self.ever_fired.contains(r) {
                self.defects.push(format!(
                    "{}: regel \"{}\" is op geen enkel pad van toepassing",
                    rule.file, rule.id
                ));
                continue;
            }
            rule.require
                .iter()
                .chain(&rule.recommend)
                .for_each(|&a| given_actions[a] = true);
            rule.warn.iter().for_each(|&w| given_warnings[w] = true);
            rule.notes.iter().for_each(|&x| given_notes[x] = true);
        }
        for (a, given) in given_actions.iter().enumerate() {
            if !given {
                self.defects.push(format!(
                    "{}: actie \"{}\" wordt op geen enkel pad geadviseerd",
                    bank.actions[a].file, bank.actions[a].id
                ));
            }
        }
        for (w, given) in given_warnings.iter().enumerate() {
            if !given {
                self.defects.push(format!(
                    "{}: waarschuwing \"{}\" wordt op geen enkel pad gegeven",
                    bank.warnings[w].file, bank.warnings[w].id
                ));
            }
        }
        for (x, given) in given_notes.iter().enumerate() {
            if !given {
                self.defects.push(format!(
                    "{}: notitie \"{}\" wordt op geen enkel pad gegeven",
                    bank.notes[x].file, bank.notes[x].id
                ));
            }
        }
        report.defects.append(&mut self.defects);
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
    fn decide(&mut self, target: Target, pending: &mut Vec<u32>, changed: Option<&Bits>) -> u32 {
        let mut fired = Vec::new();
        {
            let known = self.known(target);
            pending.retain(|&r| {
                if changed.is_some_and(|c| !self.rule_refs[r as usize].intersects(c)) {
                    return true;
                }
                match self.bank.rules[r as usize].when.decide(&known) {
                    Some(holds) => {
                        if holds {
                            fired.push(r as usize);
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
                    || pending
                        .iter()
                        .any(|&r| self.rule_refs[r as usize].contains(x))
            })
            .filter_map(|&x| self.answered[x].map(|c| (x, c)))
            .collect();
        let key = (q, pending.to_vec(), seen);
        if let Some(b) = self.memo.get(&key) {
            return b.clone();
        }

        let bank = self.bank;
        let question = &bank.questions[q];
        // First each class's step (exploring below it), then the futures gathered in one go,
        // so the marks that keep them distinct are not disturbed by the exploration below.
        let mut children = Vec::with_capacity(self.classes[q].len());
        let mut nows: Vec<Option<u32>> = Vec::with_capacity(self.classes[q].len());
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
                        if self.reported.insert(format!("forward:{q}:{i}")) {
                            let mut later = Vec::new();
                            b.when.visit(&mut |x, _| {
                                if self.answered[x].is_none()
                                    && self.reach[q].contains(x)
                                    && !later.contains(&x)
                                {
                                    later.push(x);
                                }
                            });
                            let later: Vec<String> = later
                                .iter()
                                .map(|&x| format!("\"{}\"", bank.questions[x].id))
                                .collect();
                            self.defects.push(format!(
                                "{}: vraag \"{}\", next[{i}].when kijkt naar {}, die pas later gesteld wordt",
                                question.file,
                                question.id,
                                later.join(", ")
                            ));
                        }
                    }
                }
            }
            let Some(target) = target else {
                children.push(None);
                nows.push(None);
                if self.reported.insert(format!("dead:{q}")) {
                    let msg = format!(
                        "{}: vraag \"{}\": geen enkele tak van \"next\" past (doodlopend pad) bij {}",
                        question.file,
                        question.id,
                        self.describe_current()
                    );
                    self.defects.push(msg);
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
            nows.push(Some(now));
            match target {
                Target::End => {
                    children.push(None);
                    paths = paths.saturating_add(1);
                }
                Target::Question(t) => {
                    let below = self.explore(t, &pending);
                    paths = paths.saturating_add(below.paths);
                    children.push(Some(below));
                }
            }
        }
        self.answered[q] = None;
        self.path.pop();

        // The futures in the order first met, which is the order of the example paths, so the
        // example in a message is the first such path.
        let mut futures: Vec<(u32, Example)> = Vec::new();
        for (class, (now, child)) in nows.iter().zip(&children).enumerate() {
            let Some(now) = *now else { continue };
            let class = class as u32;
            match child {
                None => {
                    if self.effects.mark(now) {
                        futures.push((now, Example { class, below: 0 }));
                    }
                }
                Some(below) => {
                    for (i, &(future, _)) in below.futures.iter().enumerate() {
                        let all = self.effects.merge(now, future);
                        if self.effects.mark(all) {
                            futures.push((
                                all,
                                Example {
                                    class,
                                    below: i as u32,
                                },
                            ));
                        }
                    }
                }
            }
        }
        for &(e, _) in &futures {
            self.effects.unmark(e);
        }
        futures.shrink_to_fit();
        let below = Rc::new(Below {
            question: q,
            futures,
            children,
            paths,
        });
        self.memo.insert(key, below.clone());
        below
    }

    /// The answers of the path being explored, for a dead end found there.
    fn describe_current(&self) -> String {
        let parts: Vec<(QId, usize)> = self
            .path
            .iter()
            .filter_map(|&q| self.answered[q].map(|c| (q, c)))
            .collect();
        self.describe_answers(&parts)
    }

    /// The example path of one of `below`'s futures.
    fn describe_example(&self, below: &Below, future: usize) -> String {
        let mut parts = Vec::new();
        let (mut at, mut i) = (below, future);
        loop {
            let example = at.futures[i].1;
            parts.push((at.question, example.class as usize));
            match &at.children[example.class as usize] {
                Some(child) => {
                    at = child;
                    i = example.below as usize;
                }
                None => break,
            }
        }
        self.describe_answers(&parts)
    }

    /// Answers as a maintainer can type them into an answers file.
    fn describe_answers(&self, parts: &[(QId, usize)]) -> String {
        if parts.is_empty() {
            return "het begin".to_string();
        }
        parts
            .iter()
            .map(|&(q, c)| {
                let question = &self.bank.questions[q];
                format!(
                    "{}={}",
                    question.id,
                    question.answer_json(&self.classes[q][c])
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn reach_from(bank: &Bank, q: QId, reach: &mut Vec<Option<Bits>>) {
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
fn answer_classes(
    question: &super::Question,
    tested: &[u64],
    defects: &mut Vec<String>,
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
            let mut seen = HashSet::default();
            (0..n)
                .filter(|&i| seen.insert(signature(1 << i)))
                .map(|i| Answer::Choice(1 << i))
                .collect()
        }
        Kind::Multiple => {
            let all: u64 = if n >= 64 { u64::MAX } else { (1 << n) - 1 };
            let looked_at = tested.iter().fold(0, |a, t| a | t) & all;
            if looked_at.count_ones() > MAX_TESTED_OPTIONS {
                defects.push(format!(
                    "{}: vraag \"{}\": voorwaarden testen {} opties; de lint kan hoogstens {MAX_TESTED_OPTIONS} combineren",
                    question.file,
                    question.id,
                    looked_at.count_ones()
                ));
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
            let mut seen = HashSet::default();
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The lint counts outcomes on completed effects; completing at the bit level must agree
    /// with the engine's `Outcome::complete` for every rule and every pair of rules.
    #[test]
    fn bit_level_completion_agrees_with_the_engine() {
        let bank = Bank::embedded().unwrap();
        let layout = Layout::new(&bank);
        let effects: Vec<Effect> = bank.rules.iter().map(|r| layout.effect(r)).collect();
        let mut checked = 0;
        for a in 0..effects.len() {
            for b in a..effects.len() {
                let e = effects[a].merge(&effects[b]);
                let engine = layout.outcome(&bank, &e);
                let bits = layout.outcome(&bank, &layout.complete(&bank, &e));
                assert_eq!(
                    bits, engine,
                    "rules {} and {}",
                    bank.rules[a].id, bank.rules[b].id
                );
                checked += 1;
            }
        }
        assert!(checked > 100);
    }

    #[test]
    fn range_masks() {
        assert_eq!(range_mask(0, 0, 64), u64::MAX);
        assert_eq!(range_mask(0, 2, 4), 0b1100);
        assert_eq!(range_mask(64, 0, 66), 0b11);
        assert_eq!(range_mask(64, 70, 200), u64::MAX << 6);
        assert_eq!(range_mask(128, 0, 100), 0);
    }
}
