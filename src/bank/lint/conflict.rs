//! Declared conflicts, checked on each distinct outcome at the bit level, so the check costs a
//! few word reads per outcome however many paths lead to it.
use super::effect::{Effect, Layout};
use super::{Answers, Defect, Named, Place, Section};
use crate::bank::{Bank, Item};

/// Where an outcome holds an item: between `min` and `max` of the `len` bits from `from` on are
/// set. `key` is a bit that is set whenever the item is there, for finding the conflicts worth
/// testing from the words an outcome has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct Probe {
    from: usize,
    len: usize,
    min: u32,
    max: u32,
    key: usize,
}

impl Probe {
    /// The bits of `item` in `layout` (see [`Layout`] for the codes).
    pub(super) fn new(bank: &Bank, layout: &Layout, item: Item) -> Probe {
        let one = |bit: usize| Probe {
            from: bit,
            len: 1,
            min: 1,
            max: 1,
            key: bit,
        };
        match item {
            // Recommended is 01 and required 11: the lower bit says "at any level", the upper
            // one "required".
            Item::Action(a, false) => Probe {
                from: layout.actions[a],
                len: 2,
                min: 1,
                max: 2,
                key: layout.actions[a],
            },
            Item::Action(a, true) => one(layout.actions[a] + 1),
            Item::Warning(w) => one(layout.warnings[w]),
            Item::Note(n) => one(layout.notes[n]),
            // Value v sets the low v + 1 bits and values combine by OR, so the bits set are
            // always a run from the first: the finding has value v when exactly v + 1 are set.
            Item::Finding(f, v) => {
                let from = layout.findings[f];
                Probe {
                    from,
                    len: bank.findings[f].values.len(),
                    min: u32::from(v) + 1,
                    max: u32::from(v) + 1,
                    key: from + usize::from(v),
                }
            }
        }
    }

    /// Whether the completed effect `e` holds the item.
    pub(super) fn holds(&self, e: &Effect) -> bool {
        (self.min..=self.max).contains(&e.count(self.from, self.len))
    }
}

/// The declared conflicts as probes, indexed by the word of one item's key bit.
pub(super) struct Conflicts {
    probes: Vec<[Probe; 2]>,
    /// Per word, the conflicts keyed there. An outcome only meets the conflicts of the words it
    /// has set bits in, so a bank of many parts checks each outcome against its own part's.
    by_word: Vec<Vec<u32>>,
}

impl Conflicts {
    pub(super) fn new(bank: &Bank, layout: &Layout) -> Conflicts {
        Conflicts::of(bank, layout, bank.conflicts.iter().map(|c| c.items))
    }

    /// Conflicts between these pairs, numbered in order.
    pub(super) fn of(
        bank: &Bank,
        layout: &Layout,
        pairs: impl Iterator<Item = [Item; 2]>,
    ) -> Conflicts {
        let mut probes = Vec::new();
        let mut by_word: Vec<Vec<u32>> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for [a, b] in pairs {
            // Key on an action, warning or note rather than a finding where there is one: the
            // findings' bits are in every outcome, an action's only in its part of the bank.
            let (first, second) = match a {
                Item::Finding(..) => (b, a),
                _ => (a, b),
            };
            let pair = [
                Probe::new(bank, layout, first),
                Probe::new(bank, layout, second),
            ];
            // The same two items declared twice test the same bits: keep the first. Between
            // two findings this matters, since the findings' words are in every outcome; on the
            // bank of 100 copies (`cargo bench --bench perf -- lint`) the copies' identical
            // finding pairs made the lint 2.6× slower per copy than on one copy.
            let numbered = probes.len() as u32;
            if !seen.insert(pair) {
                probes.push(pair);
                continue;
            }
            let word = pair[0].key / 64;
            if word >= by_word.len() {
                by_word.resize_with(word + 1, Vec::new);
            }
            by_word[word].push(numbered);
            probes.push(pair);
        }
        Conflicts { probes, by_word }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.probes.is_empty()
    }

    /// The conflicts whose two items both stand in the completed effect `e`, into `out`.
    pub(super) fn violated(&self, e: &Effect, out: &mut Vec<usize>) {
        for &(word, bits) in e.words() {
            let Some(keyed) = self.by_word.get(word as usize) else {
                continue;
            };
            for &c in keyed {
                let [first, second] = &self.probes[c as usize];
                if bits & (1 << (first.key % 64)) != 0 && first.holds(e) && second.holds(e) {
                    out.push(c as usize);
                }
            }
        }
    }
}

/// The lint's defect for conflict `c` of the bank broken on the path `example`: the file, the
/// conflict, both items, the path and why the two cannot stand together.
pub(super) fn defect(bank: &Bank, c: usize, example: Answers) -> Defect {
    let conflict = &bank.conflicts[c];
    Defect::Conflict {
        place: Place::new(&conflict.file, Section::Conflict, &conflict.id),
        items: Box::new(conflict.items.map(|i| Named::of(i, bank))),
        path: example,
        why: conflict.why.clone(),
    }
}
