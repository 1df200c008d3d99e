//! The integrity hash of a record: SHA-256 over a canonical serialisation of everything but the
//! integrity block, the FG's signature and the action plan, plus one hash per top-level part,
//! so `verify` can say which part changed. The hash is the record's fingerprint: what the
//! register keeper writes down and what the FG's SSH signature signs (which is why the
//! signature is left out; the plan, which changes after the sign-off, is sealed on its own).
//! On its own it proves a file was not altered by accident or by a naive edit; anyone with the
//! tool can reseal a record, so only the fingerprint in the register or the FG's signature
//! proves more.
//!
//! The history is also chained: each event carries the hash of the one before it and itself,
//! so an event changed or taken out of the middle is found even in a resealed record whose
//! later events were not recomputed, and the last hash stands for the whole history.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Integrity {
    pub algorithm: String,
    /// Per top-level part of the record, the hash of its canonical form (so `verify` can say
    /// which part changed).
    pub parts: BTreeMap<String, String>,
    /// The hash of the canonical form of the whole record without this block, followed by the
    /// part hashes.
    pub hash: String,
}

pub(crate) const ALGORITHM: &str = "sha256-canonical-json";

/// Compact JSON with object keys sorted, so the same content always hashes the same whatever
/// the key order or spacing in the file.
pub fn canonical(v: &Value) -> String {
    let mut out = String::new();
    write_canonical(v, &mut out);
    out
}

fn write_canonical(v: &Value, out: &mut String) {
    match v {
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            out.push('{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&serde_json::to_string(k).unwrap_or_default());
                out.push(':');
                write_canonical(&m[k], out);
            }
            out.push('}');
        }
        Value::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(x, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

pub(crate) fn sha256(s: &str) -> String {
    Sha256::digest(s.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The top-level parts of a record that its hash does not cover: the integrity block itself,
/// the signature made over the hash, and the action plan, which goes on changing after the
/// sign-off and is sealed on its own, chained from this hash (see `plan`).
const UNSEALED: [&str; 3] = ["integrity", "signature", "plan"];

/// The integrity block for a record given as JSON (its own `integrity`, `signature` and `plan`
/// are ignored).
pub fn seal(record: &Value) -> Integrity {
    let mut body = record.as_object().cloned().unwrap_or_default();
    for key in UNSEALED {
        body.remove(key);
    }
    let parts: BTreeMap<String, String> = body
        .iter()
        .map(|(k, v)| (k.clone(), sha256(&canonical(v))))
        .collect();
    let hash = overall(&Value::Object(body), &parts);
    Integrity {
        algorithm: ALGORITHM.to_string(),
        parts,
        hash,
    }
}

/// The hash over the record and its part hashes together, so an edited part hash is caught too.
fn overall(body: &Value, parts: &BTreeMap<String, String>) -> String {
    let parts = serde_json::to_value(parts).unwrap_or(Value::Null);
    sha256(&format!("{}\n{}", canonical(body), canonical(&parts)))
}

/// The chain hash of one history event: over the previous event's chain hash and the event's
/// canonical form (without its own `hash`). The first event chains from the empty string; a
/// revision's first event names the previous revision's fingerprint, so revisions chain too.
pub fn chain_hash(previous: &str, event: &Value) -> String {
    let mut body = event.clone();
    if let Some(m) = body.as_object_mut() {
        m.remove("hash");
    }
    sha256(&format!("{previous}\n{}", canonical(&body)))
}

/// The first history event (counted from 1) whose chain hash is missing or wrong, in a record
/// as JSON; `None` when the chain holds. Records of format 1 have no chain.
pub fn broken_link(record: &Value) -> Option<usize> {
    broken_link_from("", record.get("history")?.as_array()?)
}

/// The first of `events` (counted from 1) whose chain hash, chained from `start`, is missing or
/// wrong.
pub(crate) fn broken_link_from(start: &str, events: &[Value]) -> Option<usize> {
    let mut previous = start.to_string();
    for (i, e) in events.iter().enumerate() {
        let expected = chain_hash(&previous, e);
        if e.get("hash").and_then(Value::as_str) != Some(expected.as_str()) {
            return Some(i + 1);
        }
        previous = expected;
    }
    None
}

/// What `verify` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verification {
    Intact,
    /// Altered: the parts whose content no longer matches their hash (empty when only the
    /// integrity block itself was changed), and parts added or removed.
    Altered {
        parts: Vec<String>,
    },
    /// No integrity block to check against.
    Unsealed,
}

/// Checks a record's integrity on its raw JSON, before any migration, so records of every
/// format version can be verified as they were written.
pub fn verify_value(record: &Value) -> Verification {
    let Some(stored) = record
        .get("integrity")
        .and_then(|i| serde_json::from_value::<Integrity>(i.clone()).ok())
    else {
        return Verification::Unsealed;
    };
    if stored.algorithm != ALGORITHM || stored.hash.is_empty() {
        return Verification::Unsealed;
    }
    let now = seal(record);
    if now.hash == stored.hash && now.parts == stored.parts {
        return Verification::Intact;
    }
    let mut parts: Vec<String> = now
        .parts
        .iter()
        .filter(|(k, h)| stored.parts.get(*k) != Some(h))
        .map(|(k, _)| k.clone())
        .collect();
    parts.extend(
        stored
            .parts
            .keys()
            .filter(|k| !now.parts.contains_key(*k))
            .cloned(),
    );
    parts.sort();
    Verification::Altered { parts }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn canonical_form_ignores_key_order_and_spacing() {
        let a: Value =
            serde_json::from_str(r#"{"b": [1, {"d": 2, "c": "x"}], "a": null}"#).unwrap();
        let b: Value = serde_json::from_str(r#"{"a":null,"b":[1,{"c":"x","d":2}]}"#).unwrap();
        assert_eq!(canonical(&a), canonical(&b));
        assert_eq!(canonical(&a), r#"{"a":null,"b":[1,{"c":"x","d":2}]}"#);
    }

    #[test]
    fn a_changed_part_is_named() {
        let mut r = json!({ "id": "x", "answers": { "use_case": "area_map" }, "notes": {} });
        let i = seal(&r);
        r["integrity"] = serde_json::to_value(&i).unwrap();
        assert_eq!(verify_value(&r), Verification::Intact);
        r["answers"]["use_case"] = json!("enrichment");
        assert_eq!(
            verify_value(&r),
            Verification::Altered {
                parts: vec!["answers".into()]
            }
        );
        r["answers"]["use_case"] = json!("area_map");
        r["integrity"]["hash"] = json!("0".repeat(64));
        assert_eq!(verify_value(&r), Verification::Altered { parts: vec![] });
    }
}
