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
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use serde::Deserialize;
use serde_json::Value;

use super::condition::Known;
use super::{Bank, Kind, QId, Target};
use crate::engine::{Answer, Outcome};
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
    let mut report = Report { questions: bank.questions.len(), ..Default::default() };
    check_texts(bank, &mut report.defects);
    check_stable_ids(bank, &mut report.defects);
    Explorer::new(bank).run(&mut report);
    report
}

fn check_text(t: &Text, place: &str, what: &str, defects: &mut Vec<String>) {
    for (lang, s) in [("nl", &t.nl), ("en", &t.en)] {
        if s.trim().is_empty() {
            defects.push(format!("{place}: {what} ({lang}) ontbreekt"));
        } else if s.trim() == "TODO" {
            defects.push(format!("{place}: {what} ({lang}) is nog niet geschreven (TODO)"));
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
            check_text(&o.label, &format!("{place}, optie \"{}\"", o.id), "label", d);
        }
    }
    for f in &bank.findings {
        let place = format!("bevinding \"{}\"", f.id);
        check_text(&f.title, &place, "title", d);
        check_text(&f.rationale, &place, "rationale", d);
        check_sources(&f.sources, &place, d);
        for v in &f.values {
            check_text(&v.label, &format!("{place}, waarde {}", v.value), "label", d);
        }
    }
    for a in &bank.actions {
        let place = format!("actie \"{}\"", a.id);
        check_text(&a.title, &place, "title", d);
        check_text(&a.rationale, &place, "rationale", d);
        check_sources(&a.sources, &place, d);
    }
    for w in &bank.warnings {
        let place = format!("waarschuwing \"{}\"", w.id);
        check_text(&w.text, &place, "text", d);
        check_sources(&w.sources, &place, d);
    }
    for n in &bank.notes {
        let place = format!("notitie \"{}\"", n.id);
        check_text(&n.title, &place, "title", d);
        check_text(&n.text, &place, "text", d);
        check_sources(&n.sources, &place, d);
        let month_ok = n.checked.len() == 7
            && n.checked.as_bytes()[4] == b'-'
            && n.checked.chars().enumerate().all(|(i, c)| i == 4 || c.is_ascii_digit());
        if !month_ok {
            d.push(format!("{place}: checked moet een maand zijn als \"2026-11\", gevonden \"{}\"", n.checked));
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
                    d.push(format!("{}: vraag \"{id}\" moet van soort {kind} zijn, is {}", q.file, q.kind.name()));
                }
                for o in options {
                    if q.option_index(o).is_none() {
                        d.push(format!("{}: vraag \"{id}\" mist de vaste optie \"{o}\"", q.file));
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
    fn full(n: usize) -> Bits {
        let mut b = Bits::new(n);
        (0..n).for_each(|i| b.insert(i));
        b
    }
    fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    fn remove(&mut self, i: usize) {
        self.0[i / 64] &= !(1 << (i % 64));
    }
    fn contains(&self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
    fn union_with(&mut self, o: &Bits) {
        self.0.iter_mut().zip(&o.0).for_each(|(a, b)| *a |= b);
    }
    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(w, &bits)| {
            (0..64).filter(move |i| bits & (1 << i) != 0).map(move |i| w * 64 + i)
        })
    }
}

/// The answers along one path, newest first, shared between the paths that continue from it.
struct Step {
    question: QId,
    class: usize,
    rest: Option<Rc<Step>>,
}

/// What lies below a question state: the distinct sets of rules still to fire, each with one
/// example path, and how many paths there are.
struct Below {
    futures: Vec<(Bits, Option<Rc<Step>>)>,
    paths: u128,
}

type StateKey = (QId, Bits, Vec<(QId, usize)>);

struct Explorer<'b> {
    bank: &'b Bank,
    /// Per question: one representative answer of each class of answers no condition can tell apart.
    classes: Vec<Vec<Answer>>,
    /// Per question: the questions reachable from it, itself included.
    reach: Vec<Bits>,
    /// Per question: the questions looked at by the branches of any question reachable from it.
    branch_refs: Vec<Bits>,
    /// Per rule: the questions its condition looks at.
    rule_refs: Vec<Bits>,
    answered: Vec<Option<usize>>,
    memo: HashMap<StateKey, Rc<Below>>,
    visited: Vec<bool>,
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
        let reach: Vec<Bits> = reach.into_iter().map(|r| r.unwrap_or_else(|| Bits::new(n))).collect();
        let branch_refs = reach
            .iter()
            .map(|r| {
                let mut bits = Bits::new(n);
                r.iter().for_each(|x| bits.union_with(&direct_branch_refs[x]));
                bits
            })
            .collect();
        Explorer {
            bank,
            classes,
            reach,
            branch_refs,
            rule_refs,
            answered: vec![None; n],
            memo: HashMap::new(),
            visited: vec![false; n],
            defects,
            reported: HashSet::new(),
        }
    }

    fn run(mut self, report: &mut Report) {
        let bank = self.bank;
        if !self.defects.is_empty() {
            report.defects.append(&mut self.defects);
            return;
        }
        let mut pending = Bits::full(bank.rules.len());
        let mut fired_at_start = Bits::new(bank.rules.len());
        self.decide(Target::Question(bank.start), &mut pending, &mut fired_at_start);
        let t0 = std::time::Instant::now();
        let below = self.explore(bank.start, &pending);
        eprintln!("explore {:?} futures {}", t0.elapsed(), below.futures.len());
        report.paths = below.paths;
        report.states = self.memo.len();

        let mut outcomes: HashSet<Outcome> = HashSet::new();
        let mut ever_fired = fired_at_start.clone();
        let mut undecided: HashSet<usize> = HashSet::new();
        for (future, path) in &below.futures {
            let mut fired = fired_at_start.clone();
            fired.union_with(future);
            ever_fired.union_with(&fired);
            let outcome = Outcome::from_rules(bank, fired.iter(), Vec::new());
            for (f, v) in outcome.findings.iter().enumerate() {
                if v.is_none() && undecided.insert(f) {
                    self.defects.push(format!(
                        "pad zonder uitkomst: bevinding \"{}\" krijgt geen waarde (geen regel zet haar en er is geen default) bij {}",
                        bank.findings[f].id,
                        self.describe(path)
                    ));
                }
            }
            outcomes.insert(Outcome { rules: Vec::new(), ..outcome });
        }
        report.outcomes = outcomes.len();
        eprintln!("outcomes {:?}", t0.elapsed());

        for (q, seen) in self.visited.iter().enumerate() {
            if !seen {
                let question = &bank.questions[q];
                self.defects.push(format!("{}: vraag \"{}\" wordt op geen enkel pad gesteld", question.file, question.id));
            }
        }
        let mut given_actions = vec![false; bank.actions.len()];
        let mut given_warnings = vec![false; bank.warnings.len()];
        let mut given_notes = vec![false; bank.notes.len()];
        for (r, rule) in bank.rules.iter().enumerate() {
            if !ever_fired.contains(r) {
                self.defects.push(format!("{}: regel \"{}\" is op geen enkel pad van toepassing", rule.file, rule.id));
                continue;
            }
            rule.require.iter().chain(&rule.recommend).for_each(|&a| given_actions[a] = true);
            rule.warn.iter().for_each(|&w| given_warnings[w] = true);
            rule.notes.iter().for_each(|&x| given_notes[x] = true);
        }
        for (a, given) in given_actions.iter().enumerate() {
            if !given {
                self.defects.push(format!("actie \"{}\" wordt op geen enkel pad geadviseerd", bank.actions[a].id));
            }
        }
        for (w, given) in given_warnings.iter().enumerate() {
            if !given {
                self.defects.push(format!("waarschuwing \"{}\" wordt op geen enkel pad gegeven", bank.warnings[w].id));
            }
        }
        for (x, given) in given_notes.iter().enumerate() {
            if !given {
                self.defects.push(format!("notitie \"{}\" wordt op geen enkel pad gegeven", bank.notes[x].id));
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

    /// Settles the pending rules that no later answer can change any more.
    fn decide(&self, target: Target, pending: &mut Bits, fired: &mut Bits) {
        let known = self.known(target);
        let rules: Vec<usize> = pending.iter().collect();
        for r in rules {
            if let Some(holds) = self.bank.rules[r].when.decide(&known) {
                pending.remove(r);
                if holds {
                    fired.insert(r);
                }
            }
        }
    }

    fn explore(&mut self, q: QId, pending: &Bits) -> Rc<Below> {
        self.visited[q] = true;
        let mut live = self.branch_refs[q].clone();
        pending.iter().for_each(|r| live.union_with(&self.rule_refs[r]));
        let seen: Vec<(QId, usize)> = live.iter().filter_map(|x| self.answered[x].map(|c| (x, c))).collect();
        let key = (q, pending.clone(), seen);
        if let Some(b) = self.memo.get(&key) {
            return b.clone();
        }

        let bank = self.bank;
        let question = &bank.questions[q];
        let mut futures: HashMap<Bits, Option<Rc<Step>>> = HashMap::new();
        let mut paths: u128 = 0;
        for class in 0..self.classes[q].len() {
            self.answered[q] = Some(class);
            let step = |rest| Some(Rc::new(Step { question: q, class, rest }));
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
                            self.defects.push(format!(
                                "{}: vraag \"{}\", next[{i}].when kijkt naar een vraag die pas later gesteld wordt",
                                question.file, question.id
                            ));
                        }
                    }
                }
            }
            let Some(target) = target else {
                let msg = format!(
                    "{}: vraag \"{}\": geen enkele tak van \"next\" past (doodlopend pad) bij {}",
                    question.file,
                    question.id,
                    self.describe(&step(None))
                );
                if self.reported.insert(format!("dead:{q}")) {
                    self.defects.push(msg);
                }
                continue;
            };
            let mut pending = pending.clone();
            let mut fired = Bits::new(bank.rules.len());
            self.decide(target, &mut pending, &mut fired);
            match target {
                Target::End => {
                    paths = paths.saturating_add(1);
                    futures.entry(fired).or_insert_with(|| step(None));
                }
                Target::Question(t) => {
                    let below = self.explore(t, &pending);
                    paths = paths.saturating_add(below.paths);
                    for (future, path) in &below.futures {
                        let mut all = fired.clone();
                        all.union_with(future);
                        futures.entry(all).or_insert_with(|| step(path.clone()));
                    }
                }
            }
        }
        self.answered[q] = None;
        let below = Rc::new(Below { futures: futures.into_iter().collect(), paths });
        self.memo.insert(key, below.clone());
        below
    }

    /// An example path as the answers a maintainer can type into an answers file.
    fn describe(&self, path: &Option<Rc<Step>>) -> String {
        let mut parts = Vec::new();
        let mut at = path.as_ref();
        while let Some(s) = at {
            let question = &self.bank.questions[s.question];
            let answer = question.answer_json(&self.classes[s.question][s.class]);
            parts.push(format!("{}={}", question.id, answer));
            at = s.rest.as_ref();
        }
        if parts.is_empty() { "het begin".to_string() } else { parts.join(", ") }
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
fn answer_classes(question: &super::Question, tested: &[u64], defects: &mut Vec<String>) -> Vec<Answer> {
    let n = question.options.len();
    let signature = |m: u64| -> Vec<bool> { tested.iter().map(|t| m & t != 0).collect() };
    match question.kind {
        Kind::Text => vec![question.default.clone().unwrap_or(Answer::Text(String::new()))],
        Kind::Single | Kind::YesNo | Kind::YesNoUnknown => {
            let mut seen = HashSet::new();
            (0..n).filter(|&i| seen.insert(signature(1 << i))).map(|i| Answer::Choice(1 << i)).collect()
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
            let looked: Vec<u64> = (0..n).map(|i| 1u64 << i).filter(|b| looked_at & b != 0).collect();
            let other: Vec<u64> = (0..n).map(|i| 1u64 << i).filter(|b| looked_at & b == 0).collect();
            let mut seen = HashSet::new();
            let mut out = Vec::new();
            for subset in 0u64..(1 << looked.len()) {
                let mut mask: u64 = looked.iter().enumerate().filter(|(i, _)| subset & (1 << i) != 0).map(|(_, b)| b).sum();
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
