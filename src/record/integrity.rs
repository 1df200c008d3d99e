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
    let mut out = Vec::new();
    write_canonical(v, &mut out);
    // Only JSON's own serialiser writes into `out`, so it is UTF-8.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Writes straight into one buffer, keys and scalars too: building a string for each of them
/// made sealing the larger half of reading a record (the register over 10,000 records spent a
/// third of its time here, most of it allocating).
fn write_canonical(v: &Value, out: &mut Vec<u8>) {
    match v {
        Value::Object(m) => {
            let mut entries: Vec<(&String, &Value)> = m.iter().collect();
            entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
            out.push(b'{');
            for (i, (k, v)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_scalar(k, out);
                out.push(b':');
                write_canonical(v, out);
            }
            out.push(b'}');
        }
        Value::Array(a) => {
            out.push(b'[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_canonical(x, out);
            }
            out.push(b']');
        }
        other => write_scalar(other, out),
    }
}

/// A string, number, boolean or null as compact JSON.
fn write_scalar<T: Serialize + ?Sized>(v: &T, out: &mut Vec<u8>) {
    // Writing JSON into a vector of bytes cannot fail.
    let _ = serde_json::to_writer(out, v);
}

pub(crate) fn sha256(s: &str) -> String {
    hex(&Sha256::digest(s.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    bytes
        .iter()
        .flat_map(|b| [DIGITS[usize::from(b >> 4)], DIGITS[usize::from(b & 0xf)]])
        .map(char::from)
        .collect()
}

/// The top-level parts of a record that its hash does not cover: the integrity block itself,
/// the signature made over the hash, and the action plan, which goes on changing after the
/// sign-off and is sealed on its own, chained from this hash (see `plan`).
const UNSEALED: [&str; 3] = ["integrity", "signature", "plan"];

/// The integrity block for a record given as JSON (its own `integrity`, `signature` and `plan`
/// are ignored).
///
/// The overall hash is over the canonical form of the sealed parts together, which is each
/// part's canonical form behind its key, in key order: so each part is made canonical once and
/// hashed twice, on its own and into the whole, instead of copying the record and making it
/// canonical a second time.
pub fn seal(record: &Value) -> Integrity {
    let mut body: Vec<(&String, &Value)> = record
        .as_object()
        .map(|m| {
            m.iter()
                .filter(|(k, _)| !UNSEALED.contains(&k.as_str()))
                .collect()
        })
        .unwrap_or_default();
    body.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut whole = Sha256::new();
    let mut parts = BTreeMap::new();
    let mut buf = Vec::new();
    whole.update(b"{");
    for (i, (key, part)) in body.into_iter().enumerate() {
        buf.clear();
        write_canonical(part, &mut buf);
        parts.insert(key.clone(), hex(&Sha256::digest(&buf)));
        if i > 0 {
            whole.update(b",");
        }
        let mut k = Vec::new();
        write_scalar(key, &mut k);
        whole.update(&k);
        whole.update(b":");
        whole.update(&buf);
    }
    whole.update(b"}\n");
    // The part hashes too, as a canonical object (a BTreeMap is in key order already), so an
    // edited part hash is caught.
    whole.update(canonical(&serde_json::to_value(&parts).unwrap_or(Value::Null)).as_bytes());
    Integrity {
        algorithm: ALGORITHM.to_string(),
        parts,
        hash: hex(&whole.finalize()),
    }
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

    /// The overall hash as it was first defined, written out: the canonical form of the record
    /// without its unsealed parts, a newline, and the canonical form of the part hashes. Every
    /// stored fingerprint was made so; a faster `seal` must give the same.
    #[test]
    fn the_overall_hash_is_the_defined_one() {
        let r = json!({
            "id": "x", "zeta": [1, 2.5, "é\u{1}\"", {"b": true, "a": null}],
            "answers": { "use_case": "area_map", "\t": "tab" },
            "integrity": {"hash": "old"}, "signature": "sig", "plan": {"items": {}}
        });
        let mut body = r.as_object().unwrap().clone();
        for key in UNSEALED {
            body.remove(key);
        }
        let sealed = seal(&r);
        assert_eq!(sealed.parts.len(), 3);
        for (k, v) in &body {
            assert_eq!(sealed.parts[k], sha256(&canonical(v)), "part {k}");
        }
        let parts = serde_json::to_value(&sealed.parts).unwrap();
        let defined = sha256(&format!(
            "{}\n{}",
            canonical(&Value::Object(body)),
            canonical(&parts)
        ));
        assert_eq!(sealed.hash, defined);
        assert_eq!(
            sha256("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
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
