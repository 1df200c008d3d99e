//! The history on disk: each event with its chain hash (`hash`), which is written here and
//! checked by `verify`, not when reading (a record is verified before it is trusted).
use serde::de::Error as _;
use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serializer};
use serde_json::Value;

use super::Event;
use super::integrity::chain_hash;

pub fn serialize<S: Serializer>(events: &[Event], s: S) -> Result<S::Ok, S::Error> {
    let mut seq = s.serialize_seq(Some(events.len()))?;
    let mut previous = String::new();
    for e in events {
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

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Event>, D::Error> {
    unchained(d)
}

/// A chained history as read, each event without its chain hash: the hashes are checked by
/// `verify`, not when reading.
pub(crate) fn unchained<'de, D: Deserializer<'de>, T: serde::de::DeserializeOwned>(
    d: D,
) -> Result<Vec<T>, D::Error> {
    Vec::<Value>::deserialize(d)?
        .into_iter()
        .enumerate()
        .map(|(i, mut v)| {
            if let Some(m) = v.as_object_mut() {
                m.remove("hash");
            }
            serde_json::from_value(v)
                .map_err(|e| D::Error::custom(format!("[{i}]: {}", crate::json::message(&e))))
        })
        .collect()
}
