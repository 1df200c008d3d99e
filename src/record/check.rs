//! Checks on a record read from outside, beyond its format: what would make the program
//! write outside the store, or write a record it cannot read back.
use serde_json::Value;

use super::{Malformed, Record, Unreadable};

/// The deepest an answer's value is read nested. An answer is a string or a list of strings;
/// reopening a record moves an answer that no longer fits into the history, two levels
/// deeper. Without this limit a record with an answer nested nearly as deep as the JSON reader
/// allows (128) was read, and saved deeper than that: unreadable after its next save (found by
/// fuzzing).
const MAX_ANSWER_NESTING: usize = 8;

/// How deeply arrays and objects are nested in `v` (a scalar is 0), without recursion.
fn nesting(v: &Value) -> usize {
    let mut deepest = 0;
    let mut todo = vec![(v, 0)];
    while let Some((v, depth)) = todo.pop() {
        let children: Box<dyn Iterator<Item = &Value>> = match v {
            Value::Array(items) => Box::new(items.iter()),
            Value::Object(map) => Box::new(map.values()),
            _ => continue,
        };
        deepest = deepest.max(depth + 1);
        todo.extend(children.map(|c| (c, depth + 1)));
    }
    deepest
}

/// A record whose answers are no deeper than [`MAX_ANSWER_NESTING`].
pub(super) fn shallow_answers(r: Record) -> Result<Record, Unreadable> {
    match r
        .answers
        .iter()
        .find(|(_, a)| nesting(&a.value) > MAX_ANSWER_NESTING)
    {
        None => Ok(r),
        Some((id, _)) => Err(Unreadable::Invalid(Malformed::TooDeep {
            question: crate::json::escape_controls(id),
            most: MAX_ANSWER_NESTING,
        })),
    }
}

/// The longest record id read; the ids the store makes have 26 characters.
const MAX_ID: usize = 64;

/// Whether `id` is a plain name: ASCII letters, digits, `-` and `_`, starting with a letter or
/// a digit, at most [`MAX_ID`] long. Such an id names a file in the store and nothing else (no
/// separator, no `..`, no absolute path, nothing that reads as an option), which is what lets
/// a record's id decide where it is saved.
pub fn is_plain_id(id: &str) -> bool {
    (1..=MAX_ID).contains(&id.len())
        && id.starts_with(|c: char| c.is_ascii_alphanumeric())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A record's id names its file in the store: a record from elsewhere with an id such as
/// `../x` would be saved outside the store, and exported beside it. Only plain ids are read.
/// The previous revision's id is read the same way: `verify` looks for it beside the file and
/// names it in its report.
pub(super) fn plain_id(r: Record) -> Result<Record, Unreadable> {
    let previous = r.previous.as_ref().map(|p| ("previous.id", p.id.as_str()));
    for (field, id) in [("id", r.id.as_str())].into_iter().chain(previous) {
        if is_plain_id(id) {
            continue;
        }
        let mut shown: String = id.chars().take(MAX_ID).collect();
        if shown.len() < id.len() {
            shown.push('…');
        }
        return Err(Unreadable::Invalid(Malformed::NotAnId {
            field: field.to_string(),
            shown: crate::json::quoted(&shown),
            most: MAX_ID,
        }));
    }
    Ok(r)
}
