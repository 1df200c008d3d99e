//! The recheck of the whole store after the rules changed: which records' advice would differ
//! under the current bank, so that an FG knows which approved campaigns to revisit.
//!
//! Which records are checked is policy, and lives here once:
//! - the records the register holds: the newest completed or signed-off revision of each
//!   chain. A record still in progress has no advice to differ from (opening it asks what the
//!   current bank needs), and an older revision has been revisited already; both are counted;
//! - a record that fails verification is named, never skipped in silence: its advice cannot
//!   be trusted, so neither can a comparison with it;
//! - a record made with the current bank is checked and the same (verification proved that its
//!   advice follows from its answers under this very bank);
//! - signed-off records first, as they are what the FG approved, then newest first.
//!
//! Nothing is written: a recheck reads the records and compares, as `recheck::recheck` does.
use anyhow::Result;

use super::LeftOut;
use super::parallel::{in_parallel, intact_record};
use super::register::{WhyLeftOut, chains};
use crate::advice::BankRef;
use crate::bank::Bank;
use crate::recheck::{Recheck, recheck};
use crate::record::{SignOff, Status, bank_ref};
use crate::store::{self, Store, Summary};

/// A record whose advice would differ under the current bank.
#[derive(Debug, Clone)]
pub struct Differing {
    pub id: String,
    /// The campaign's name as the record holds it (possibly empty).
    pub campaign: String,
    pub status: Status,
    pub signoff: Option<SignOff>,
    pub revision: u32,
    pub recheck: Recheck,
}

impl Differing {
    /// The bank the record was made with.
    pub fn bank(&self) -> &BankRef {
        &self.recheck.from
    }
}

/// What the recheck of a store found.
#[derive(Debug)]
pub struct Rechecked {
    /// The bank it was checked against.
    pub bank: BankRef,
    /// The records whose advice would differ, signed-off ones first, then newest first.
    pub differing: Vec<Differing>,
    /// How many records were compared (made with the current bank or another one).
    pub checked: usize,
    /// Of those, how many were made with another bank.
    pub other_bank: usize,
    /// Records still in progress, not checked.
    pub in_progress: usize,
    /// Older revisions of a record with a newer finished one, not checked.
    pub older_revisions: usize,
    /// Records that fail verification, and why: not checked, named.
    pub failed: Vec<LeftOut>,
    /// Files of the store that are not readable records.
    pub unreadable: Vec<(String, store::NotARecord)>,
}

impl Rechecked {
    /// Whether every record in the store could be checked.
    pub fn whole(&self) -> bool {
        self.failed.is_empty() && self.unreadable.is_empty()
    }
}

/// What one record came to.
enum Found {
    InProgress,
    Same { other_bank: bool },
    Differs(Box<Differing>),
}

/// Rechecks every record of `store` against `bank`; see the module's policy.
pub fn recheck_store(store: &Store, bank: &Bank) -> Result<Rechecked> {
    let mut listing = store.list_as(|s| s)?;
    let unreadable = std::mem::take(&mut listing.unreadable);
    let finished = listing
        .records
        .iter()
        .filter(|s| s.status != Status::InProgress)
        .count();
    let chains = chains(&listing.records);
    let wanted: Vec<&Summary> = chains.rows;
    let current = bank_ref(bank);
    let check = |summary: &&Summary| -> Result<Found> {
        let record = intact_record(store, bank, &summary.id)?;
        // The list may be older than the file: what counts is the record as read.
        if record.status == Status::InProgress {
            return Ok(Found::InProgress);
        }
        if record.bank == current {
            return Ok(Found::Same { other_bank: false });
        }
        Ok(match recheck(&record, bank) {
            None => Found::InProgress,
            Some(r) if !r.differs() => Found::Same { other_bank: true },
            Some(r) => Found::Differs(Box::new(Differing {
                id: record.id,
                campaign: record.campaign.name,
                status: record.status,
                signoff: record.signoff,
                revision: record.revision,
                recheck: r,
            })),
        })
    };
    let mut found = Rechecked {
        bank: current.clone(),
        differing: Vec::new(),
        checked: 0,
        other_bank: 0,
        in_progress: listing.records.len() - finished,
        older_revisions: finished.saturating_sub(wanted.len() + chains.looping.len()),
        // A chain of revisions that loops has no newest revision to recheck: named, as the
        // register names it.
        failed: chains
            .looping
            .iter()
            .map(|s| LeftOut {
                id: s.id.clone(),
                why: WhyLeftOut::ChainLoops {
                    previous: s.previous.clone().unwrap_or_default(),
                },
            })
            .collect(),
        unreadable,
    };
    for (summary, came) in wanted.iter().zip(in_parallel(&wanted, &check)) {
        match came {
            Ok(Found::InProgress) => found.in_progress += 1,
            Ok(Found::Same { other_bank }) => {
                found.checked += 1;
                found.other_bank += usize::from(other_bank);
            }
            Ok(Found::Differs(d)) => {
                found.checked += 1;
                found.other_bank += 1;
                found.differing.push(*d);
            }
            Err(why) => found.failed.push(LeftOut {
                id: summary.id.clone(),
                why: WhyLeftOut::Unusable(why),
            }),
        }
    }
    // The list is newest first; a stable sort keeps that within each group.
    found
        .differing
        .sort_by_key(|d| d.status != Status::SignedOff);
    Ok(found)
}
