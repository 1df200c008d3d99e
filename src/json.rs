//! Reading JSON written by people: a key given twice is refused, not silently overwritten, and
//! serde's English messages are put in the interface's words.
use std::fmt;

use serde::Deserializer;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

/// Parses JSON like `serde_json::from_str::<Value>`, but refuses duplicate keys at any depth.
pub fn parse_strict(src: &str) -> Result<Value, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(src);
    let v = StrictSeed.deserialize(&mut de)?;
    de.end()?;
    Ok(v)
}

struct StrictSeed;

impl<'de> DeserializeSeed<'de> for StrictSeed {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(StrictVisitor)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
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
        while let Some(x) = seq.next_element_seed(StrictSeed)? {
            v.push(x);
        }
        Ok(Value::Array(v))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut m = Map::new();
        while let Some(k) = map.next_key::<String>()? {
            if m.contains_key(&k) {
                return Err(de::Error::custom(format!(
                    "de sleutel {} staat er twee keer in",
                    quoted(&k)
                )));
            }
            let v = map.next_value_seed(StrictSeed)?;
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

/// serde_json's message for an error, without its position, in Dutch where we know the phrase.
/// serde quotes a wrong value or key as it is, so control characters in it are escaped.
pub fn describe(e: &serde_json::Error) -> String {
    escape_controls(&translate(e))
}

fn translate(e: &serde_json::Error) -> String {
    let raw = e.to_string();
    let raw = raw.replace(&format!(" at line {} column {}", e.line(), e.column()), "");
    if e.is_eof() {
        return "het bestand houdt op voordat de JSON af is (afgekapt?)".to_string();
    }
    let tick = |s: &str| s.replace('`', "\"");
    if let Some(rest) = raw.strip_prefix("unknown field ") {
        if let Some((field, expected)) = rest.split_once(", expected ") {
            let expected = expected.trim_start_matches("one of ");
            return format!(
                "onbekend veld {}; toegestaan: {}",
                tick(field),
                tick(expected)
            );
        }
        return format!("onbekend veld {}", tick(rest));
    }
    if let Some(field) = raw.strip_prefix("missing field ") {
        return format!("het veld {} ontbreekt", tick(field));
    }
    if let Some(rest) = raw.strip_prefix("invalid type: ")
        && let Some((got, want)) = rest.split_once(", expected ")
    {
        return format!("verkeerd type: {}, verwacht {}", tick(got), tick(want));
    }
    if let Some(rest) = raw.strip_prefix("unknown variant ") {
        if let Some((value, expected)) = rest.split_once(", expected ") {
            let expected = expected.trim_start_matches("one of ");
            return format!(
                "onbekende waarde {}; toegestaan: {}",
                tick(value),
                tick(expected)
            );
        }
        return format!("onbekende waarde {}", tick(rest));
    }
    if let Some(rest) = raw.strip_prefix("invalid value: ") {
        return format!("ongeldige waarde: {}", tick(rest));
    }
    if let Some(rest) = raw.strip_prefix("expected ") {
        let what = match rest {
            "value" => "een waarde".to_string(),
            "ident" => "true, false of null".to_string(),
            other => tick(other).replace(" or ", " of "),
        };
        return format!("ongeldige JSON: verwacht {what}");
    }
    match raw.as_str() {
        "trailing comma" => "ongeldige JSON: komma voor een sluitend haakje".to_string(),
        "key must be a string" => {
            "ongeldige JSON: een sleutel moet tekst tussen aanhalingstekens zijn".to_string()
        }
        "trailing characters" => "ongeldige JSON: er staat nog iets na het einde".to_string(),
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "ongeldige JSON: een regeleinde of stuurteken midden in een tekst".to_string()
        }
        _ => tick(&raw),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_keys_are_refused_at_any_depth() {
        assert!(parse_strict(r#"{"a": 1, "b": {"c": 1}}"#).is_ok());
        let e = parse_strict(r#"{"a": {"c": 1, "c": 2}}"#).unwrap_err();
        assert_eq!(describe(&e), "de sleutel \"c\" staat er twee keer in");
        assert_eq!((e.line(), e.column()), (1, 18));
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
            "onbekende waarde \"x\\u001b[31m\\nregel\\u009b\"; toegestaan: \"Completed\""
        );
    }

    #[test]
    fn serde_phrases_are_translated() {
        let e = serde_json::from_str::<Value>("{\"a\": 1,}").unwrap_err();
        assert_eq!(
            describe(&e),
            "ongeldige JSON: komma voor een sluitend haakje"
        );
        let e = serde_json::from_str::<Value>("{\"a\": ").unwrap_err();
        assert_eq!(
            describe(&e),
            "het bestand houdt op voordat de JSON af is (afgekapt?)"
        );
    }
}
