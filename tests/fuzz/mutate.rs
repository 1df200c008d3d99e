//! Inputs for the fuzz targets (see `tests/fuzz.rs`): raw bytes, a soup of JSON tokens, and
//! valid seeds changed value by value (so the input gets past the JSON parser into the checks
//! behind it) and then byte by byte (bit flips, truncation, splicing, tokens, deep nesting).
use proptest::prelude::*;
use serde_json::{Map, Number, Value};

/// Pieces of JSON, and of what the parsers look for, put in at random places.
pub const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "\"",
    "\\",
    "null",
    "true",
    "false",
    "0",
    "-0",
    "-1",
    "1e999",
    "-1e999",
    "1e-999",
    "18446744073709551616",
    "-9223372036854775809",
    "4294967296",
    "1.7976931348623157e308",
    "5e-324",
    "123456789012345678901234567890",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"\\udfff\\ud800\"",
    "\"\\u202e\"",
    "\u{feff}",
    "\"\"",
    "{}",
    "[]",
    "\"format\"",
    "\"format_version\"",
    "\"avg-wijzer-record\"",
    "\"answers\"",
    "\"campaign\"",
    "\"id\"",
    "\"../x\"",
    "\n",
    "\t",
    " ",
    "\r\n",
    "/*",
    "NaN",
    "Infinity",
    "\u{0}",
    "\u{1b}[2J",
    "é",
    "\u{10ffff}",
];

/// Texts that have broken programs before: control and escape characters, text direction,
/// combining marks, wide and zero-width characters, paths, dates that do not exist.
pub const ODD_TEXT: &[&str] = &[
    "",
    " ",
    "\u{0}",
    "\u{1b}[31mrood\u{1b}[0m",
    "\r\n",
    "\t",
    "\u{7f}",
    "\u{85}",
    "\u{200b}",
    "\u{202e}cba",
    "\u{2028}",
    "e\u{301}\u{301}\u{301}",
    "👩‍👩‍👧",
    "漢字テスト",
    "\u{fe0f}",
    "\u{ffff}",
    "\u{10ffff}",
    "\u{ad}",
    "\u{3164}",
    "﷽",
    "../../x",
    "C:\\x",
    "%s%n{}",
    "-",
    "0000-00-00",
    "2026-02-30",
    "9999-12-31T23:59:60Z",
    "j.jansen@example.nl",
    "06-12345678",
    "1234 AB 56",
];

/// A value put in place of another.
#[derive(Debug, Clone)]
pub enum Atom {
    Null,
    Bool(bool),
    Int(i64),
    Big(u64),
    Float(f64),
    /// A string (or key) that occurs in some seed, by number.
    Word(usize),
    Odd(usize),
    /// An odd text or a word repeated, up to far beyond any field's limit.
    Long(usize, u16),
    EmptyArray,
    EmptyObject,
    /// Arrays within arrays, to this depth.
    Nested(u16),
}

fn atom() -> impl Strategy<Value = Atom> {
    let int = prop_oneof![
        Just(i64::MIN),
        Just(-1i64),
        Just(0i64),
        Just(i64::MAX),
        any::<i64>()
    ];
    let float = prop_oneof![
        Just(1e308f64),
        Just(-0.0f64),
        Just(5e-324f64),
        Just(0.5f64),
        any::<f64>()
    ];
    prop_oneof![
        1 => Just(Atom::Null),
        1 => any::<bool>().prop_map(Atom::Bool),
        1 => int.prop_map(Atom::Int),
        1 => prop_oneof![Just(u64::MAX), Just(1u64 << 32), any::<u64>()].prop_map(Atom::Big),
        1 => float.prop_map(Atom::Float),
        4 => any::<usize>().prop_map(Atom::Word),
        2 => any::<usize>().prop_map(Atom::Odd),
        1 => (any::<usize>(), 1..20_000u16).prop_map(|(i, n)| Atom::Long(i, n)),
        1 => Just(Atom::EmptyArray),
        1 => Just(Atom::EmptyObject),
        1 => (1..300u16).prop_map(Atom::Nested),
    ]
}

impl Atom {
    fn value(&self, vocab: &[String]) -> Value {
        let word = |i: usize| {
            vocab
                .get(i % vocab.len().max(1))
                .cloned()
                .unwrap_or_default()
        };
        match self {
            Atom::Null => Value::Null,
            Atom::Bool(b) => Value::Bool(*b),
            Atom::Int(i) => Value::from(*i),
            Atom::Big(u) => Value::from(*u),
            Atom::Float(f) => Number::from_f64(*f).map_or(Value::Null, Value::Number),
            Atom::Word(i) => Value::String(word(*i)),
            Atom::Odd(i) => Value::String(ODD_TEXT[i % ODD_TEXT.len()].to_string()),
            Atom::Long(i, n) => {
                let piece = if i % 2 == 0 {
                    ODD_TEXT[i / 2 % ODD_TEXT.len()].to_string()
                } else {
                    word(i / 2)
                };
                Value::String(piece.repeat(usize::from(*n)).chars().take(30_000).collect())
            }
            Atom::EmptyArray => Value::Array(Vec::new()),
            Atom::EmptyObject => Value::Object(Map::new()),
            Atom::Nested(depth) => {
                (0..*depth).fold(Value::Null, |inner, _| Value::Array(vec![inner]))
            }
        }
    }
}

/// A change to a parsed seed. Nodes are numbered in document order (the root is 0), modulo
/// their number.
#[derive(Debug, Clone)]
pub enum Change {
    Replace(usize, Atom),
    /// Removes one child (by number) of the n-th array or object.
    Remove(usize, usize),
    /// Puts a copy of one node in place of another.
    Graft(usize, usize),
    /// Adds a key (a word of the seeds) to the n-th object.
    AddKey(usize, usize, Atom),
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        4 => (any::<usize>(), atom()).prop_map(|(n, a)| Change::Replace(n, a)),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(n, k)| Change::Remove(n, k)),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(n, m)| Change::Graft(n, m)),
        2 => (any::<usize>(), any::<usize>(), atom()).prop_map(|(n, k, a)| Change::AddKey(n, k, a)),
    ]
}

/// A change to the bytes. Places are taken modulo the length (plus one).
#[derive(Debug, Clone)]
pub enum Edit {
    FlipBit(usize, u8),
    SetByte(usize, u8),
    Truncate(usize),
    Delete(usize, u16),
    Token(usize, usize),
    Bytes(usize, Vec<u8>),
    /// A token many times over: deep nesting (`[[[[`), long runs of digits or quotes.
    Repeat(usize, usize, u16),
    /// A piece of a seed (by number) from a place in it, of a length.
    Splice(usize, usize, usize, u16),
    /// A piece of the input itself, again.
    Duplicate(usize, u16),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (any::<usize>(), 0..8u8).prop_map(|(at, bit)| Edit::FlipBit(at, bit)),
        2 => (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Edit::SetByte(at, b)),
        1 => any::<usize>().prop_map(Edit::Truncate),
        2 => (any::<usize>(), 1..64u16).prop_map(|(at, n)| Edit::Delete(at, n)),
        3 => (any::<usize>(), any::<usize>()).prop_map(|(at, t)| Edit::Token(at, t)),
        1 => (any::<usize>(), proptest::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(at, b)| Edit::Bytes(at, b)),
        1 => (any::<usize>(), any::<usize>(), 1..5_000u16).prop_map(|(at, t, n)| Edit::Repeat(at, t, n)),
        2 => (any::<usize>(), any::<usize>(), any::<usize>(), 1..512u16)
            .prop_map(|(at, s, from, n)| Edit::Splice(at, s, from, n)),
        1 => (any::<usize>(), 1..512u16).prop_map(|(at, n)| Edit::Duplicate(at, n)),
    ]
}

/// A seed changed: first as JSON, then as bytes.
#[derive(Debug, Clone)]
pub struct Mutated {
    pub seed: usize,
    pub changes: Vec<Change>,
    pub pretty: bool,
    pub edits: Vec<Edit>,
}

/// One input for a parser.
#[derive(Debug, Clone)]
pub enum Input {
    Raw(Vec<u8>),
    /// Tokens by number, joined.
    Tokens(Vec<usize>),
    Mutated(Mutated),
}

/// Raw bytes, token soup and (most often) mutated seeds: changed only as JSON (which gets past
/// the parser to the checks behind it more often), only as bytes, or both.
pub fn input() -> impl Strategy<Value = Input> {
    let mutated = |changes: std::ops::Range<usize>, edits: std::ops::Range<usize>| {
        (
            any::<usize>(),
            proptest::collection::vec(change(), changes),
            any::<bool>(),
            proptest::collection::vec(edit(), edits),
        )
            .prop_map(|(seed, changes, pretty, edits)| {
                Input::Mutated(Mutated {
                    seed,
                    changes,
                    pretty,
                    edits,
                })
            })
    };
    prop_oneof![
        1 => proptest::collection::vec(any::<u8>(), 0..2048).prop_map(Input::Raw),
        1 => proptest::collection::vec(any::<usize>(), 0..300).prop_map(Input::Tokens),
        3 => mutated(0..4, 0..1),
        2 => mutated(0..1, 1..5),
        2 => mutated(1..4, 1..4),
    ]
}

/// The valid files inputs are made from, parsed, and every string in them (keys too).
pub struct Seeds {
    pub texts: Vec<Vec<u8>>,
    values: Vec<Value>,
    vocab: Vec<String>,
}

impl Seeds {
    pub fn new(texts: Vec<Vec<u8>>) -> Seeds {
        let values: Vec<Value> = texts
            .iter()
            .map(|t| serde_json::from_slice(t).unwrap_or(Value::Null))
            .collect();
        let mut vocab = std::collections::BTreeSet::new();
        for v in &values {
            words(v, &mut vocab);
        }
        Seeds {
            texts,
            values,
            vocab: vocab.into_iter().collect(),
        }
    }

    /// The bytes of an input; `seed` picks the seed of a mutated input instead of its own.
    pub fn bytes(&self, input: &Input, seed: Option<usize>) -> Vec<u8> {
        match input {
            Input::Raw(b) => b.clone(),
            Input::Tokens(t) => t
                .iter()
                .map(|&i| TOKENS[i % TOKENS.len()])
                .collect::<String>()
                .into_bytes(),
            Input::Mutated(m) => {
                let at = seed.unwrap_or(m.seed) % self.texts.len();
                let mut bytes = if m.changes.is_empty() && !m.pretty {
                    self.texts[at].clone()
                } else {
                    let mut v = self.values[at].clone();
                    for c in &m.changes {
                        self.apply(&mut v, c);
                    }
                    let text = if m.pretty {
                        serde_json::to_string_pretty(&v)
                    } else {
                        serde_json::to_string(&v)
                    };
                    text.unwrap_or_default().into_bytes()
                };
                for e in &m.edits {
                    self.edit(&mut bytes, e);
                }
                bytes
            }
        }
    }

    fn apply(&self, v: &mut Value, c: &Change) {
        let n = count(v);
        match c {
            Change::Replace(i, a) => {
                if let Some(node) = nth(v, i % n) {
                    *node = a.value(&self.vocab);
                }
            }
            Change::Remove(i, k) => {
                if let Some(node) = nth_container(v, *i) {
                    match node {
                        Value::Array(items) if !items.is_empty() => {
                            items.remove(k % items.len());
                        }
                        Value::Object(map) if !map.is_empty() => {
                            let key = map.keys().nth(k % map.len()).cloned().unwrap_or_default();
                            map.shift_remove(&key);
                        }
                        _ => {}
                    }
                }
            }
            Change::Graft(to, from) => {
                let copy = nth(v, from % n).map(|x| x.clone());
                if let (Some(copy), Some(node)) = (copy, nth(v, to % n)) {
                    *node = copy;
                }
            }
            Change::AddKey(i, k, a) => {
                let key = self
                    .vocab
                    .get(k % self.vocab.len().max(1))
                    .cloned()
                    .unwrap_or_default();
                let value = a.value(&self.vocab);
                if let Some(Value::Object(map)) = nth_container(v, *i).filter(|c| c.is_object()) {
                    map.insert(key, value);
                }
            }
        }
    }

    fn edit(&self, b: &mut Vec<u8>, e: &Edit) {
        let at = |i: usize, b: &Vec<u8>| i % (b.len() + 1);
        match e {
            Edit::FlipBit(i, bit) if !b.is_empty() => {
                let i = i % b.len();
                b[i] ^= 1 << (bit % 8);
            }
            Edit::SetByte(i, byte) if !b.is_empty() => {
                let i = i % b.len();
                b[i] = *byte;
            }
            Edit::Truncate(i) => b.truncate(at(*i, b)),
            Edit::Delete(i, n) => {
                let from = at(*i, b);
                let to = (from + usize::from(*n)).min(b.len());
                b.drain(from..to);
            }
            Edit::Token(i, t) => {
                let from = at(*i, b);
                b.splice(from..from, TOKENS[t % TOKENS.len()].bytes());
            }
            Edit::Bytes(i, bytes) => {
                let from = at(*i, b);
                b.splice(from..from, bytes.iter().copied());
            }
            Edit::Repeat(i, t, n) => {
                let from = at(*i, b);
                let piece = TOKENS[t % TOKENS.len()].repeat(usize::from(*n));
                b.splice(from..from, piece.into_bytes());
            }
            Edit::Splice(i, s, from, n) => {
                let source = &self.texts[s % self.texts.len()];
                let start = from % (source.len() + 1);
                let end = (start + usize::from(*n)).min(source.len());
                let to = at(*i, b);
                b.splice(to..to, source[start..end].iter().copied());
            }
            Edit::Duplicate(i, n) => {
                let start = at(*i, b);
                let end = (start + usize::from(*n)).min(b.len());
                let piece = b[start..end].to_vec();
                b.splice(end..end, piece);
            }
            Edit::FlipBit(..) | Edit::SetByte(..) => {}
        }
    }
}

fn words(v: &Value, into: &mut std::collections::BTreeSet<String>) {
    match v {
        Value::String(s) => {
            into.insert(s.clone());
        }
        Value::Array(items) => items.iter().for_each(|x| words(x, into)),
        Value::Object(map) => {
            for (k, x) in map {
                into.insert(k.clone());
                words(x, into);
            }
        }
        _ => {}
    }
}

fn count(v: &Value) -> usize {
    1 + match v {
        Value::Array(items) => items.iter().map(count).sum(),
        Value::Object(map) => map.values().map(count).sum(),
        _ => 0,
    }
}

/// The n-th node in document order.
fn nth(v: &mut Value, n: usize) -> Option<&mut Value> {
    fn go<'a>(v: &'a mut Value, n: &mut usize) -> Option<&'a mut Value> {
        if *n == 0 {
            return Some(v);
        }
        *n -= 1;
        match v {
            Value::Array(items) => items.iter_mut().find_map(|x| go(x, n)),
            Value::Object(map) => map.values_mut().find_map(|x| go(x, n)),
            _ => None,
        }
    }
    go(v, &mut { n })
}

/// The n-th array or object (modulo their number), in document order.
fn nth_container(v: &mut Value, n: usize) -> Option<&mut Value> {
    fn containers(v: &Value) -> usize {
        match v {
            Value::Array(items) => 1 + items.iter().map(containers).sum::<usize>(),
            Value::Object(map) => 1 + map.values().map(containers).sum::<usize>(),
            _ => 0,
        }
    }
    fn go<'a>(v: &'a mut Value, n: &mut usize) -> Option<&'a mut Value> {
        if !(v.is_array() || v.is_object()) {
            return None;
        }
        if *n == 0 {
            return Some(v);
        }
        *n -= 1;
        match v {
            Value::Array(items) => items.iter_mut().find_map(|x| go(x, n)),
            Value::Object(map) => map.values_mut().find_map(|x| go(x, n)),
            _ => None,
        }
    }
    let total = containers(v);
    if total == 0 {
        return None;
    }
    go(v, &mut (n % total))
}
