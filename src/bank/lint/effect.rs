//! What rules add to an outcome, as bit strings that combine by OR, and their numbering.
use hashbrown::HashTable;
use smallvec::SmallVec;

use crate::bank::{AId, Bank, FId, Ids, NId, WId};

/// One 64-bit word of an [`Effect`]: its number and its bits.
pub(super) type Word = (u32, u64);

/// What a set of rules adds to an outcome, as a bit string kept sparse in 64-bit words. Each
/// finding has one bit per value and each action two, in a unary code (value k sets the low k+1
/// bits; recommended 01, required 11), each warning and note one bit. "The strongest wins" is
/// then a plain OR, so effects combine by merging their words.
#[derive(Clone, PartialEq, Eq, Hash, Default, Debug)]
pub(super) struct Effect(SmallVec<[Word; 3]>);

impl Effect {
    #[cfg(test)]
    pub(super) fn merge(&self, other: &Effect) -> Effect {
        let mut out = Vec::new();
        merge_into(&self.0, &other.0, &mut out);
        Effect(SmallVec::from_vec(out))
    }

    /// The words, sorted by number.
    pub(super) fn words(&self) -> &[Word] {
        &self.0
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

/// The words of `a` and `b` (each sorted by word number) ORed together, into `out`.
fn merge_into(a: &[Word], b: &[Word], out: &mut Vec<Word>) {
    out.clear();
    // The usual case: both touch the same words.
    if a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.0 == y.0) {
        out.extend(a.iter().zip(b).map(|(x, y)| (x.0, x.1 | y.1)));
        return;
    }
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
    out.extend(a[i..].iter().chain(&b[j..]).copied());
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

/// Where each finding, action, warning and note lives in an [`Effect`]: the findings first,
/// then each action, warning and note where the rules first name it, in rule order.
///
/// Rules about one part of a bank are written together, so what they add lies close together
/// and the effects of exploring that part touch few words (see [`Effects`]).
pub(super) struct Layout {
    pub(super) findings: Ids<FId, usize>,
    /// Per action, its lower bit; the upper one is the next.
    pub(super) actions: Ids<AId, usize>,
    pub(super) warnings: Ids<WId, usize>,
    pub(super) notes: Ids<NId, usize>,
    /// Per word, the upper bits of the actions in it: any of them set means a required action.
    required: Vec<u64>,
}

impl Layout {
    pub(super) fn new(bank: &Bank) -> Layout {
        let mut at = 0;
        let mut place = |width: usize| {
            at += width;
            at - width
        };
        let findings = bank
            .findings
            .iter()
            .map(|f| place(f.values.len()))
            .collect();
        const UNPLACED: usize = usize::MAX;
        let mut actions: Ids<AId, usize> = vec![UNPLACED; bank.actions.len()].into();
        let mut warnings: Ids<WId, usize> = vec![UNPLACED; bank.warnings.len()].into();
        let mut notes: Ids<NId, usize> = vec![UNPLACED; bank.notes.len()].into();
        for rule in &bank.rules {
            for &a in rule.recommend.iter().chain(&rule.require) {
                if actions[a] == UNPLACED {
                    actions[a] = place(2);
                }
            }
            for &w in &rule.warn {
                if warnings[w] == UNPLACED {
                    warnings[w] = place(1);
                }
            }
            for &n in &rule.notes {
                if notes[n] == UNPLACED {
                    notes[n] = place(1);
                }
            }
        }
        // What no rule names still gets a place (the lint reports it as never given).
        actions
            .iter_mut()
            .filter(|b| **b == UNPLACED)
            .for_each(|b| *b = place(2));
        warnings
            .iter_mut()
            .filter(|b| **b == UNPLACED)
            .for_each(|b| *b = place(1));
        notes
            .iter_mut()
            .filter(|b| **b == UNPLACED)
            .for_each(|b| *b = place(1));
        let mut required = vec![0u64; at.div_ceil(64)];
        for &a in &actions {
            required[(a + 1) / 64] |= 1 << ((a + 1) % 64);
        }
        Layout {
            findings,
            actions,
            warnings,
            notes,
            required,
        }
    }

    /// The effect with what no rule decided filled in, as the engine's `Outcome::complete`
    /// does: each finding's default, and the verdict from whether any action is required. Kept
    /// in step with it by a test (in the engine, through `agreement`).
    pub(super) fn complete(&self, bank: &Bank, e: &Effect) -> Effect {
        let mut c = e.clone();
        for (f, finding) in bank.findings.iter_enumerated() {
            if let Some(d) = finding.default
                && c.count(self.findings[f], finding.values.len()) == 0
            {
                c.set_bits(self.findings[f], usize::from(d) + 1);
            }
        }
        let required = c.0.iter().any(|&(word, bits)| {
            self.required
                .get(word as usize)
                .is_some_and(|r| bits & r != 0)
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
            .for_each(|&a| e.set_bits(self.actions[a], 1));
        rule.require
            .iter()
            .for_each(|&a| e.set_bits(self.actions[a], 2));
        rule.warn
            .iter()
            .for_each(|&w| e.set_bits(self.warnings[w], 1));
        rule.notes
            .iter()
            .for_each(|&n| e.set_bits(self.notes[n], 1));
        e
    }
}

/// Every distinct effect met, numbered, so the futures of a state are small numbers and the
/// common case — a question that decides no rule — costs a copy, not a merge.
///
/// The effects live once, end to end in one arena; the index holds only their numbers and a
/// tag of their hash. Memory is what bounds the lint (page faults and cache misses cost more
/// than the merging), so nothing is stored twice, and growing the index reads only the index.
///
/// The index is split by an effect's highest word. Rules about one part of a bank (one branch
/// of questions) set bits near each other, so exploring that part looks up only its own small
/// tables, which stay in the processor's cache however large the bank is; one table over all
/// effects would make each lookup slower as the bank grows.
///
/// Measured (benches/perf.rs, group lint, the two builds run in turn on one machine): with a
/// plain `std::collections::HashMap<Rc<[Word]>, u32>` over all effects instead, `lint` on the
/// shipped bank took 165 ms (p50) and 31.8 MiB instead of 69 ms and 21.8 MiB; the bar is
/// 100 ms. Hence hashbrown's `HashTable`.
pub(super) struct Effects {
    words: Vec<Word>,
    /// Effect `i` is `words[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    /// Per highest word, (effect, tag): the tag is the upper half of the effect's hash, from
    /// which the index's hash is made again when it grows.
    index: Vec<HashTable<(u32, u32)>>,
    /// One bit per effect, for gathering a state's distinct futures without hashing.
    marks: Vec<u64>,
    scratch: Vec<Word>,
    /// Recent merges, (pair, result), by a hash of the pair; a slot is simply overwritten.
    /// Most merges repeat a recent one, and looking one up is a single read. Its size is fixed
    /// and small (512 KiB), so that it stays in the processor's cache.
    cache: Vec<(u64, u32)>,
}

const CACHE_BITS: u32 = 15;

/// The effect of no rule at all.
pub(super) const NOTHING: u32 = 0;

/// The tag of an effect's words, and the index's hash made from it. Every bit of every word
/// must reach the tag's 32 bits (FxHash leaves the high bits of a word in the high bits of the
/// hash), hence a full mix per word.
fn tag(words: &[Word]) -> u32 {
    let h = words.iter().fold(words.len() as u64, |h, &(word, bits)| {
        mix(h ^ bits).wrapping_add(u64::from(word))
    });
    (mix(h) >> 32) as u32
}

/// The finaliser of MurmurHash3: each input bit flips each output bit with probability ½.
fn mix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

fn spread(tag: u32) -> u64 {
    u64::from(tag).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

impl Effects {
    pub(super) fn new() -> Effects {
        Effects {
            words: Vec::new(),
            // Effect 0, NOTHING, has no words.
            starts: vec![0, 0],
            index: Vec::new(),
            marks: Vec::new(),
            scratch: Vec::new(),
            cache: vec![(0, 0); 1 << CACHE_BITS],
        }
    }

    fn words(&self, e: u32) -> &[Word] {
        &self.words[self.starts[e as usize] as usize..self.starts[e as usize + 1] as usize]
    }

    pub(super) fn get(&self, e: u32) -> Effect {
        Effect(SmallVec::from_slice(self.words(e)))
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

    pub(super) fn intern(&mut self, e: &Effect) -> u32 {
        self.intern_words(&e.0)
    }

    fn intern_words(&mut self, words: &[Word]) -> u32 {
        if words.is_empty() {
            return NOTHING;
        }
        let t = tag(words);
        let highest = words[words.len() - 1].0 as usize;
        if highest >= self.index.len() {
            self.index.resize_with(highest + 1, HashTable::new);
        }
        let (arena, starts) = (&self.words, &self.starts);
        let at = |i: u32| &arena[starts[i as usize] as usize..starts[i as usize + 1] as usize];
        let table = &mut self.index[highest];
        if let Some(&(i, _)) = table.find(spread(t), |&(i, u)| u == t && at(i) == words) {
            return i;
        }
        let i = (self.starts.len() - 1) as u32;
        table.insert_unique(spread(t), (i, t), |&(_, u)| spread(u));
        self.words.extend_from_slice(words);
        self.starts.push(self.words.len() as u32);
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
        let slot = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - CACHE_BITS)) as usize;
        if self.cache[slot].0 == key {
            return self.cache[slot].1;
        }
        let mut out = std::mem::take(&mut self.scratch);
        merge_into(self.words(a), self.words(b), &mut out);
        let m = self.intern_words(&out);
        self.scratch = out;
        self.cache[slot] = (key, m);
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_masks() {
        assert_eq!(range_mask(0, 0, 64), u64::MAX);
        assert_eq!(range_mask(0, 2, 4), 0b1100);
        assert_eq!(range_mask(64, 0, 66), 0b11);
        assert_eq!(range_mask(64, 70, 200), u64::MAX << 6);
        assert_eq!(range_mask(128, 0, 100), 0);
    }
}
