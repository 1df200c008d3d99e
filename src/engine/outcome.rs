//! The outcome of an assessment: findings, actions with their level, warnings and notes.
use serde::{Deserialize, Serialize};

use crate::bank::{AId, Bank, FId, Ids, Item, NId, QId, RId, WId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Required,
    Recommended,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Advised {
    pub action: AId,
    pub level: Level,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Outcome {
    /// Per finding, the index of its value; `None` only in a bank that leaves it undecided
    /// (the lint refuses such a bank).
    pub findings: Ids<FId, Option<u8>>,
    /// Required actions first, then recommended ones, each in the bank's order.
    pub actions: Vec<Advised>,
    pub warnings: Vec<WId>,
    pub notes: Vec<NId>,
    /// The rules that applied, in the bank's order.
    pub rules: Vec<RId>,
    pub path: Vec<QId>,
}

impl Outcome {
    /// Combines the effects of the rules that apply: the strongest value of a finding wins, a
    /// required action beats a recommended one.
    pub fn from_rules(
        bank: &Bank,
        fired: impl IntoIterator<Item = RId>,
        path: Vec<QId>,
    ) -> Outcome {
        let mut findings: Ids<FId, Option<u8>> = bank.findings.iter().map(|_| None).collect();
        let mut level: Ids<AId, Option<Level>> = vec![None; bank.actions.len()].into();
        let mut warned: Ids<WId, bool> = vec![false; bank.warnings.len()].into();
        let mut noted: Ids<NId, bool> = vec![false; bank.notes.len()].into();
        let mut rules = Vec::new();
        for r in fired {
            let rule = &bank.rules[r];
            rules.push(r);
            for &(f, v) in &rule.set {
                findings[f] = Some(findings[f].map_or(v, |w| w.max(v)));
            }
            for &a in &rule.require {
                level[a] = Some(Level::Required);
            }
            for &a in &rule.recommend {
                level[a].get_or_insert(Level::Recommended);
            }
            rule.warn.iter().for_each(|&w| warned[w] = true);
            rule.notes.iter().for_each(|&n| noted[n] = true);
        }
        let actions = level
            .iter_enumerated()
            .filter_map(|(a, l)| l.map(|level| Advised { action: a, level }))
            .collect();
        let warnings = warned.keys().filter(|&w| warned[w]).collect();
        let notes = noted.keys().filter(|&n| noted[n]).collect();
        let mut outcome = Outcome::complete(bank, findings, actions, warnings, notes, rules, path);
        // The actions that decide the verdict (e.g. "remove the school-library members" when
        // the plan is not allowed) come first, so the reason is read before the routine.
        let decisive: Vec<AId> = outcome
            .decisive(bank)
            .flat_map(|r| bank.rules[r].require.iter().copied())
            .collect();
        outcome
            .actions
            .sort_by_key(|a| (a.level, !decisive.contains(&a.action), a.action));
        outcome
    }

    /// Fills in what no rule decided: a finding's default, and the verdict from whether any
    /// action is required (unless a rule set a stronger verdict).
    pub fn complete(
        bank: &Bank,
        mut findings: Ids<FId, Option<u8>>,
        mut actions: Vec<Advised>,
        warnings: Vec<WId>,
        notes: Vec<NId>,
        rules: Vec<RId>,
        path: Vec<QId>,
    ) -> Outcome {
        for (f, finding) in bank.findings.iter_enumerated() {
            if findings[f].is_none() {
                findings[f] = finding.default;
            }
        }
        actions.sort_by_key(|a| (a.level, a.action));
        let v = &bank.verdict;
        let any_required = actions.iter().any(|a| a.level == Level::Required);
        let base = if any_required {
            v.with_required_actions
        } else {
            v.without_required_actions
        };
        findings[v.finding] = Some(findings[v.finding].map_or(base, |x| x.max(base)));
        Outcome {
            findings,
            actions,
            warnings,
            notes,
            rules,
            path,
        }
    }

    /// The rules that set the verdict to the value it has, in the bank's order: what blocks a
    /// plan that is not allowed, or keeps it from being judged.
    pub fn decisive<'a>(&'a self, bank: &'a Bank) -> impl Iterator<Item = RId> + 'a {
        let verdict = self.findings[bank.verdict.finding];
        self.rules.iter().copied().filter(move |&r| {
            bank.rules[r]
                .set
                .iter()
                .any(|&(f, v)| f == bank.verdict.finding && Some(v) == verdict)
        })
    }

    pub fn verdict<'b>(&self, bank: &'b Bank) -> Option<&'b crate::bank::FindingValue> {
        let f = bank.verdict.finding;
        self.findings[f].map(|v| &bank.findings[f].values[v as usize])
    }

    /// Whether the outcome holds `item`, as a declared conflict names it.
    pub fn holds(&self, item: Item) -> bool {
        match item {
            Item::Action(a, required) => self
                .actions
                .iter()
                .any(|x| x.action == a && (!required || x.level == Level::Required)),
            Item::Warning(w) => self.warnings.contains(&w),
            Item::Note(n) => self.notes.contains(&n),
            Item::Finding(f, v) => self.findings[f] == Some(v),
        }
    }
}
