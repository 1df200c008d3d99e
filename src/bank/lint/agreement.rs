//! The lint's bit-level outcomes in the bank's own terms, for the engine's tests: the lint
//! completes outcomes and tests conflicts on bits, and those tests hold both against the
//! engine's `Outcome`. The bank does not know the engine, so the comparing is done there.
use super::conflict::{Conflicts, Probe};
use super::effect::{Effect, Layout};
use super::explore::Explorer;
use crate::bank::{AId, Bank, FId, IdSlice, Ids, Item, NId, WId};

/// An outcome as the lint's bits hold it, before the engine completes it.
#[derive(Debug, Clone)]
pub(crate) struct Decoded {
    /// Per finding, the value the bits set, if any.
    pub findings: Ids<FId, Option<u8>>,
    /// The actions given, with whether each is required.
    pub actions: Vec<(AId, bool)>,
    pub warnings: Vec<WId>,
    pub notes: Vec<NId>,
}

fn decode(bank: &Bank, layout: &Layout, e: &Effect) -> Decoded {
    let set = |bit: usize| e.count(bit, 1) == 1;
    let findings = bank
        .findings
        .iter()
        .zip(&layout.findings)
        // Unary code: the finding's value is its highest set bit.
        .map(|(f, &start)| {
            (0..f.values.len())
                .rev()
                .find(|&v| set(start + v))
                .map(|v| v as u8)
        })
        .collect();
    let actions = layout
        .actions
        .iter_enumerated()
        .filter(|&(_, &bit)| set(bit))
        .map(|(a, &bit)| (a, set(bit + 1)))
        .collect();
    fn given<I: From<usize>>(bits: &IdSlice<I, usize>, set: impl Fn(usize) -> bool) -> Vec<I> {
        bits.iter_enumerated()
            .filter(|&(_, &bit)| set(bit))
            .map(|(i, _)| i)
            .collect()
    }
    Decoded {
        findings,
        actions,
        warnings: given(&layout.warnings, set),
        notes: given(&layout.notes, set),
    }
}

/// For every rule and every pair of rules (named for messages): what they set together, and
/// that completed at the bit level as the lint does.
pub(crate) fn completions(bank: &Bank) -> Vec<(String, Decoded, Decoded)> {
    let layout = Layout::new(bank);
    let effects: Vec<(&str, Effect)> = bank
        .rules
        .iter()
        .map(|r| (r.id.as_str(), layout.effect(r)))
        .collect();
    let mut out = Vec::new();
    for (i, (a, first)) in effects.iter().enumerate() {
        for (b, second) in &effects[i..] {
            let e = first.merge(second);
            let completed = layout.complete(bank, &e);
            out.push((
                format!("rules {a} and {b}"),
                decode(bank, &layout, &e),
                decode(bank, &layout, &completed),
            ));
        }
    }
    out
}

/// One distinct completed outcome of the bank as the lint finds it.
pub(crate) struct Seen {
    pub outcome: Decoded,
    /// Per item asked about, whether the lint's probe finds it in the outcome.
    pub holds: Vec<bool>,
    /// The pairs asked about whose two items both stand in the outcome, by their place.
    pub violated: Vec<usize>,
}

/// Every distinct outcome of the bank, explored as the lint does, with what the lint's probes
/// say of `items` and of conflicts between `pairs`.
pub(crate) fn outcomes(bank: &Bank, items: &[Item], pairs: &[[Item; 2]]) -> Vec<Seen> {
    let (layout, outcomes) = Explorer::new(bank).completed_outcomes();
    let probes: Vec<Probe> = items
        .iter()
        .map(|&i| Probe::new(bank, &layout, i))
        .collect();
    let conflicts = Conflicts::of(bank, &layout, pairs.iter().copied());
    outcomes
        .iter()
        .map(|e| {
            let mut violated = Vec::new();
            conflicts.violated(e, &mut violated);
            violated.sort_unstable();
            Seen {
                outcome: decode(bank, &layout, e),
                holds: probes.iter().map(|p| p.holds(e)).collect(),
                violated,
            }
        })
        .collect()
}
