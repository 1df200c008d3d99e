//! The lint completes outcomes and tests conflicts on bits of its own; these tests hold it to
//! the engine's [`Outcome`] on the shipped bank, so the lint proves what the advice will say.
use super::{Advised, Level, Outcome};
use crate::bank::lint::agreement::{self, Decoded};
use crate::bank::{Bank, Item};

/// The outcome the engine makes of what the lint's bits hold.
fn outcome(bank: &Bank, d: &Decoded) -> Outcome {
    let actions = d
        .actions
        .iter()
        .map(|&(action, required)| Advised {
            action,
            level: if required {
                Level::Required
            } else {
                Level::Recommended
            },
        })
        .collect();
    Outcome::complete(
        bank,
        d.findings.clone(),
        actions,
        d.warnings.clone(),
        d.notes.clone(),
        Vec::new(),
        Vec::new(),
    )
}

/// Completing at the bit level must agree with `Outcome::complete` for every rule and every
/// pair of rules.
#[test]
fn bit_level_completion_agrees_with_the_engine() {
    let bank = Bank::embedded().unwrap();
    let completions = agreement::completions(&bank);
    assert!(completions.len() > 100, "{}", completions.len());
    for (rules, set, completed) in &completions {
        assert_eq!(outcome(&bank, completed), outcome(&bank, set), "{rules}");
    }
}

/// Every item a conflict can name, in every bank position.
fn all_items(bank: &Bank) -> Vec<Item> {
    let mut items = Vec::new();
    for a in bank.actions.keys() {
        items.push(Item::Action(a, false));
        items.push(Item::Action(a, true));
    }
    items.extend(bank.warnings.keys().map(Item::Warning));
    items.extend(bank.notes.keys().map(Item::Note));
    for (f, finding) in bank.findings.iter_enumerated() {
        items.extend((0..finding.values.len()).map(|v| Item::Finding(f, v as u8)));
    }
    items
}

/// The bit-level test of an item, and of a conflict, must say what `Outcome::holds` says on
/// the engine's outcome, for every distinct outcome of the shipped bank.
#[test]
fn bit_level_items_agree_with_the_engine_on_every_outcome() {
    let bank = Bank::embedded().unwrap();
    let items = all_items(&bank);
    // Pairs of all kinds, findings first and last included, so the index is tested too.
    let pairs: Vec<[Item; 2]> = (0..items.len())
        .map(|i| [items[i], items[(i * 7 + 3) % items.len()]])
        .collect();
    let seen = agreement::outcomes(&bank, &items, &pairs);
    assert!(seen.len() > 100, "{} outcomes", seen.len());
    let (mut present, mut absent) = (0, 0);
    for s in &seen {
        let outcome = outcome(&bank, &s.outcome);
        for (&item, &bits) in items.iter().zip(&s.holds) {
            let engine = outcome.holds(item);
            assert_eq!(bits, engine, "{}", item.describe(&bank));
            if engine {
                present += 1;
            } else {
                absent += 1;
            }
        }
        let expected: Vec<usize> = (0..pairs.len())
            .filter(|&c| pairs[c].iter().all(|&i| outcome.holds(i)))
            .collect();
        assert_eq!(s.violated, expected);
    }
    assert!(present > 1000 && absent > 1000, "{present} {absent}");
}
