//! What rules add to an outcome, as bit strings that combine by OR, and their numbering.
use rustc_hash::FxHashMap as HashMap;
use smallvec::SmallVec;

use crate::bank::Bank;

/// What a set of rules adds to an outcome, as a bit string kept sparse in 64-bit words. Each
/// finding has one bit per value and each action two, in a unary code (value k sets the low k+1
/// bits; recommended 01, required 11), each warning and note one bit. "The strongest wins" is
/// then a plain OR, so effects combine by merging their words.
#[derive(Clone, PartialEq, Eq, Hash, Default, Debug)]
pub(super) struct Effect(SmallVec<[(u32, u64); 3]>);

impl Effect {
    pub(super) fn merge(&self, other: &Effect) -> Effect {
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
    pub(super) fn count(&self, from: usize, count: usize) -> u32 {
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
pub(super) struct Layout {
    pub(super) findings: Vec<usize>,
    actions: usize,
    warnings: usize,
    notes: usize,
}

impl Layout {
    pub(super) fn new(bank: &Bank) -> Layout {
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
    pub(super) fn complete(&self, bank: &Bank, e: &Effect) -> Effect {
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

    pub(super) fn effect(&self, rule: &crate::bank::Rule) -> Effect {
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
pub(super) struct Effects {
    pub(super) list: Vec<Effect>,
    /// One bit per effect, for gathering a state's distinct futures without hashing.
    marks: Vec<u64>,
    index: HashMap<Effect, u32>,
    merged: HashMap<u64, u32>,
}

/// The effect of no rule at all.
pub(super) const NOTHING: u32 = 0;

impl Effects {
    pub(super) fn new() -> Effects {
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
    pub(super) fn mark(&mut self, e: u32) -> bool {
        let (w, b) = (e as usize / 64, 1u64 << (e % 64));
        if w >= self.marks.len() {
            self.marks.resize(w + 1, 0);
        }
        let new = self.marks[w] & b == 0;
        self.marks[w] |= b;
        new
    }

    pub(super) fn unmark(&mut self, e: u32) {
        if let Some(w) = self.marks.get_mut(e as usize / 64) {
            *w &= !(1u64 << (e % 64));
        }
    }

    pub(super) fn intern(&mut self, e: Effect) -> u32 {
        if let Some(&i) = self.index.get(&e) {
            return i;
        }
        let i = self.list.len() as u32;
        self.list.push(e.clone());
        self.index.insert(e, i);
        i
    }

    pub(super) fn merge(&mut self, a: u32, b: u32) -> u32 {
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
