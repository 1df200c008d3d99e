//! The plan's own seal. The plan is outside the record's integrity hash, so that it can change
//! after the sign-off without changing the fingerprint; it is sealed the same way on its own:
//!
//! - each event of its history carries a chain hash, the first chained from the record's
//!   fingerprint (its integrity hash as stored), so an event changed or taken out is found, and
//!   a plan copied from another record breaks at its first event;
//! - the seal keeps a hash per item, so `verify` can say which item changed;
//! - and one hash over the fingerprint, the plan and the item hashes together.
//!
//! Like the integrity hash, it proves the plan was not changed by accident or by a naive edit;
//! anyone with the tool can reseal a plan, and nobody signs it.
use std::collections::BTreeMap;

use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;

use super::{Plan, PlanEvent};
use crate::record::integrity::{ALGORITHM, canonical, chain_hash, sha256};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanSeal {
    pub algorithm: String,
    /// The fingerprint of the record the plan was sealed with: its history chains from it.
    pub record: String,
    /// Per item (by action id), the hash of its canonical form.
    pub items: BTreeMap<String, String>,
    /// The hash over the fingerprint, the plan without this block, and the item hashes.
    pub hash: String,
}

impl Serialize for Plan {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut plan = s.serialize_struct("Plan", 3)?;
        plan.serialize_field("items", &self.items)?;
        plan.serialize_field(
            "history",
            &Chained {
                events: &self.history,
                from: &self.seal.record,
            },
        )?;
        plan.serialize_field("seal", &self.seal)?;
        plan.end()
    }
}

/// The history as written: each event with its chain hash (`hash`), chained from `from`.
struct Chained<'a> {
    events: &'a [PlanEvent],
    from: &'a str,
}

impl Serialize for Chained<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.events.len()))?;
        let mut previous = self.from.to_string();
        for e in self.events {
            let mut v = serde_json::to_value(e).map_err(serde::ser::Error::custom)?;
            let hash = chain_hash(&previous, &v);
            if let Some(m) = v.as_object_mut() {
                m.insert("hash".into(), Value::String(hash.clone()));
            }
            seq.serialize_element(&v)?;
            previous = hash;
        }
        seq.end()
    }
}

impl Plan {
    /// Seals the plan to the record whose fingerprint is `fingerprint`: its history is
    /// chained from it, and the seal made anew.
    pub fn seal_to(&mut self, fingerprint: &str) {
        self.seal = PlanSeal {
            record: fingerprint.to_string(),
            ..PlanSeal::default()
        };
        let mut body = serde_json::to_value(&*self).unwrap_or(Value::Null);
        if let Some(m) = body.as_object_mut() {
            m.remove("seal");
        }
        let (items, hash) = hashes(fingerprint, &body);
        self.seal = PlanSeal {
            algorithm: ALGORITHM.to_string(),
            record: fingerprint.to_string(),
            items,
            hash,
        };
    }
}

/// The item hashes and the overall hash of a plan (without its seal) sealed to `fingerprint`.
fn hashes(fingerprint: &str, body: &Value) -> (BTreeMap<String, String>, String) {
    let items: BTreeMap<String, String> = body
        .get("items")
        .and_then(Value::as_object)
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), sha256(&canonical(v))))
                .collect()
        })
        .unwrap_or_default();
    let item_hashes = serde_json::to_value(&items).unwrap_or(Value::Null);
    let hash = sha256(&format!(
        "{fingerprint}\n{}\n{}",
        canonical(body),
        canonical(&item_hashes)
    ));
    (items, hash)
}

/// What `verify` found of a record's plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanCheck {
    /// The record has no plan part: nothing was recorded.
    Absent,
    /// The plan is the one saved with this record; `events` in its history.
    Intact {
        events: usize,
    },
    Altered(PlanAltered),
}

impl PlanCheck {
    pub fn is_altered(&self) -> bool {
        matches!(self, PlanCheck::Altered(_))
    }
}

/// What no longer holds in an altered plan. With nothing named, the seal itself was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanAltered {
    /// The items (by action id) whose content no longer matches their hash, or that were
    /// added or taken out.
    pub items: Vec<String>,
    /// The first event (counted from 1) whose chain hash is missing or wrong, and how many
    /// events there are.
    pub event: Option<usize>,
    pub events: usize,
    /// The plan was sealed with another fingerprint than this record's: it was sealed before
    /// the record was changed, or belongs to another record.
    pub foreign: bool,
}

/// Checks the plan of a record given as JSON (as read, before any migration), against the
/// record's fingerprint as stored in its integrity block.
pub fn verify_plan(record: &Value) -> PlanCheck {
    let Some(plan) = record.get("plan") else {
        return PlanCheck::Absent;
    };
    let fingerprint = record
        .get("integrity")
        .and_then(|i| i.get("hash"))
        .and_then(Value::as_str)
        .unwrap_or_default();
    let mut body = plan.clone();
    let stored = body
        .as_object_mut()
        .and_then(|m| m.remove("seal"))
        .and_then(|s| serde_json::from_value::<PlanSeal>(s).ok())
        .unwrap_or_default();
    let events = body
        .get("history")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    let event = broken_link(fingerprint, &body);
    let (items, hash) = hashes(fingerprint, &body);
    let foreign = stored.record != fingerprint;
    if stored.algorithm == ALGORITHM
        && stored.hash == hash
        && stored.items == items
        && event.is_none()
        && !foreign
    {
        return PlanCheck::Intact { events };
    }
    let mut changed: Vec<String> = items
        .iter()
        .filter(|(k, h)| stored.items.get(*k) != Some(h))
        .map(|(k, _)| k.clone())
        .collect();
    changed.extend(
        stored
            .items
            .keys()
            .filter(|k| !items.contains_key(*k))
            .cloned(),
    );
    changed.sort();
    PlanCheck::Altered(PlanAltered {
        items: changed,
        event,
        events,
        foreign,
    })
}

/// The first event (from 1) of the plan's history whose chain hash, chained from
/// `fingerprint`, is missing or wrong.
fn broken_link(fingerprint: &str, plan: &Value) -> Option<usize> {
    crate::record::integrity::broken_link_from(fingerprint, plan.get("history")?.as_array()?)
}
