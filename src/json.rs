//! Reading JSON written by people: a key given twice is refused, not silently overwritten, and
//! what is wrong is a typed [`Problem`]: serde's own (English) words are kept inside it, and the
//! locale puts them behind a prefix that says what kind of problem it is.
use std::cell::Cell;
use std::fmt;

use serde::Deserializer;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::error::Category;
use serde_json::{Map, Value};

/// Parses JSON like `serde_json::from_str::<Value>`, but refuses duplicate keys at any depth.
pub fn parse_strict(src: &str) -> Result<Value, Error> {
    let duplicate = Cell::new(None);
    let mut de = serde_json::Deserializer::from_str(src);
    let value = StrictSeed(&duplicate).deserialize(&mut de);
    value
        .and_then(|v| de.end().map(|()| v))
        .map_err(|inner| Error {
            inner,
            duplicate: duplicate.take(),
        })
}

/// Why [`parse_strict`] refused a text, and where.
#[derive(Debug)]
pub struct Error {
    inner: serde_json::Error,
    /// The key given twice, when that was the reason.
    duplicate: Option<String>,
}

impl Error {
    pub fn line(&self) -> usize {
        self.inner.line()
    }

    pub fn column(&self) -> usize {
        self.inner.column()
    }

    /// What is wrong, without where.
    pub fn problem(&self) -> Problem {
        match &self.duplicate {
            Some(key) => Problem::Duplicate(key.clone()),
            None => Problem::of(&self.inner),
        }
    }
}

/// What is wrong, without where, in Dutch (see [`Problem::said`]).
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.problem().fmt(f)
    }
}

/// What is wrong with a JSON text, without where. serde's words are kept as they are (escaped,
/// without the position): they name the wrong value and what was expected.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    /// The text ends before the JSON is complete.
    CutShort,
    /// The text is not JSON.
    Syntax(String),
    /// The JSON does not fit the expected format.
    Format(String),
    /// A key is given twice in one object.
    Duplicate(String),
}

impl Problem {
    pub fn of(e: &serde_json::Error) -> Problem {
        match e.classify() {
            Category::Eof => Problem::CutShort,
            Category::Syntax => Problem::Syntax(message(e)),
            Category::Data | Category::Io => Problem::Format(message(e)),
        }
    }
}

/// The problem in Dutch, the language of every message by default.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.said(crate::text::Lang::Nl))
    }
}

impl std::error::Error for Problem {}

/// What is wrong with a JSON text, without where, in Dutch.
pub fn describe(e: &serde_json::Error) -> String {
    Problem::of(e).to_string()
}

/// serde's message for an error, without the position it appends (callers say where in their
/// own words). serde quotes a wrong value or key as it is, so control characters in it are
/// escaped.
pub fn message(e: &serde_json::Error) -> String {
    let raw = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    escape_controls(raw.strip_suffix(&position).unwrap_or(&raw))
}

/// Reads any JSON value, noting a key given twice in `.0` before refusing it.
#[derive(Clone, Copy)]
struct StrictSeed<'a>(&'a Cell<Option<String>>);

impl<'de> DeserializeSeed<'de> for StrictSeed<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StrictSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut v = Vec::new();
        while let Some(x) = seq.next_element_seed(self)? {
            v.push(x);
        }
        Ok(Value::Array(v))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut m = Map::new();
        while let Some(k) = map.next_key::<String>()? {
            if m.contains_key(&k) {
                self.0.set(Some(k));
                // serde adds the position; the message is the Display of `Error`.
                return Err(de::Error::custom("duplicate key"));
            }
            let v = map.next_value_seed(self)?;
            m.insert(k, v);
        }
        Ok(Value::Object(m))
    }
}

/// A string from outside as it appears in a message: in quotes, with anything that could break
/// the line or steer the terminal (newlines, escape codes, C1 and bidirectional controls)
/// escaped as in JSON.
pub fn quoted(s: &str) -> String {
    // JSON escapes only the C0 controls; DEL, the C1 controls (U+009B starts an escape
    // sequence on some terminals) and the bidi controls are escaped too.
    escape_controls(&serde_json::to_string(s).unwrap_or_else(|_| "\"?\"".to_string()))
}

/// Control characters written as JSON escapes (`\n`, `\u001b`), so that text from a file
/// keeps a message on one line and cannot steer the terminal.
pub fn escape_controls(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || crate::text::steers(c) => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)))
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_keys_are_refused_at_any_depth() {
        assert!(parse_strict(r#"{"a": 1, "b": {"c": 1}}"#).is_ok());
        let e = parse_strict(r#"{"a": {"c": 1, "c": 2}}"#).unwrap_err();
        assert_eq!(e.to_string(), "de sleutel \"c\" staat er twee keer in");
        assert_eq!((e.line(), e.column()), (1, 18));
        let e = parse_strict(r#"[{"c\n": 1, "c\n": 2}]"#).unwrap_err();
        assert_eq!(e.to_string(), "de sleutel \"c\\n\" staat er twee keer in");
    }

    #[test]
    fn quoted_text_stays_on_one_line() {
        assert_eq!(quoted("a\nb\u{1b}[31m"), r#""a\nb\u001b[31m""#);
        assert_eq!(quoted("\u{9b}2J\u{202e}"), r#""\u009b2J\u202e""#);
        assert_eq!(quoted("\u{7f}\u{9b}2J"), r#""\u007f\u009b2J""#);
    }

    /// A wrong value is quoted by serde as it is: a newline or an escape sequence in a file
    /// must not reach the terminal through the message (the fuzz targets check every message).
    #[test]
    fn a_wrong_value_in_a_message_stays_on_one_clean_line() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        enum Status {
            Completed,
        }
        let e = serde_json::from_str::<Status>("\"x\\u001b[31m\\nregel\\u009b\"").unwrap_err();
        assert_eq!(
            describe(&e),
            "klopt niet met het formaat: unknown variant `x\\u001b[31m\\nregel\\u009b`, \
             expected `Completed`"
        );
    }

    /// serde's words are kept, without the position (the caller says where), behind a Dutch
    /// prefix by the kind of error; only a text cut short is said in Dutch.
    #[test]
    fn serde_messages_are_kept_behind_a_dutch_prefix() {
        let e = serde_json::from_str::<Value>("{\"a\": 1,}").unwrap_err();
        assert_eq!(describe(&e), "ongeldige JSON: trailing comma");
        assert_eq!(
            parse_strict("{\"a\": 1,}").unwrap_err().to_string(),
            describe(&e)
        );
        let e = serde_json::from_str::<Value>("{\"a\": ").unwrap_err();
        assert_eq!(
            describe(&e),
            "het bestand houdt op voordat de JSON af is (afgekapt?)"
        );
        let e = serde_json::from_str::<Vec<u8>>("[1, \"2\"]").unwrap_err();
        assert_eq!(
            describe(&e),
            "klopt niet met het formaat: invalid type: string \"2\", expected u8"
        );
        assert_eq!(message(&e), "invalid type: string \"2\", expected u8");
    }

    #[test]
    fn every_problem_is_said_in_english_too() {
        use crate::text::Lang;
        let said = |src: &str| parse_strict(src).unwrap_err().problem().said(Lang::En);
        assert_eq!(
            said("{\"a\": "),
            "the file ends before the JSON is complete (cut off?)"
        );
        assert_eq!(said("{\"a\": 1,}"), "invalid JSON: trailing comma");
        assert_eq!(said("{\"a\": 1, \"a\": 2}"), "the key \"a\" is given twice");
        let e = serde_json::from_str::<Vec<u8>>("[1, \"2\"]").unwrap_err();
        assert_eq!(
            Problem::of(&e).said(Lang::En),
            "does not fit the format: invalid type: string \"2\", expected u8"
        );
    }
}
