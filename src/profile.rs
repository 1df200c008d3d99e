//! The library's profile: the facts about the library itself that no assessment asks, kept
//! once per store for the documents and the register (the organisation, its KvK number, the
//! privacy officer (FG), a contact address for privacy questions, the default security
//! measures and retention periods).
//!
//! Every item may be missing, and a missing item stays missing: nothing here fills one in.
//! A value is held only once it passed [`Field::check`], whether a person typed it or it was
//! read from the file (whose contents may have been written by anyone): the documents built on
//! a profile can rely on every value being plain text of a sane length, on one line where the
//! item is one line, and on the KvK number being eight digits.
//!
//! Nothing here touches the disk (`store` reads and writes `library.json`) or builds a
//! sentence (`locale::profile` says the labels and the errors).
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What the profile file says it is.
pub const FORMAT: &str = "avg-wijzer-library";
/// The format version this program writes.
pub const VERSION: u32 = 1;

/// The most characters of an item that is one line: a long organisation name with its
/// department, or a full postal address, is far below it.
pub const LINE_MOST: usize = 300;
/// The most characters of an item of several lines: the same as any free text of a record.
pub const TEXT_MOST: usize = crate::engine::MAX_TEXT;

/// One item of the profile, so that the locale can label it and a form can list them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// The organisation's name.
    Name,
    /// The organisation's address.
    Address,
    /// The organisation's number in the Dutch trade register (KvK): eight digits.
    Kvk,
    /// The privacy officer's (FG's) name.
    FgName,
    /// How to reach the privacy officer: an e-mail address, a phone number.
    FgContact,
    /// Where members send privacy questions and requests: an e-mail or postal address.
    PrivacyContact,
    /// The security measures that hold unless an assessment says otherwise (several lines).
    Security,
    /// The retention periods that hold unless an assessment says otherwise (several lines).
    Retention,
}

impl Field {
    /// Every item, in the order a person reads them.
    pub const ALL: [Field; 8] = [
        Field::Name,
        Field::Address,
        Field::Kvk,
        Field::FgName,
        Field::FgContact,
        Field::PrivacyContact,
        Field::Security,
        Field::Retention,
    ];

    /// The item's key in the file and in `library --json`.
    pub fn key(self) -> &'static str {
        match self {
            Field::Name => "organisation_name",
            Field::Address => "organisation_address",
            Field::Kvk => "kvk_number",
            Field::FgName => "fg_name",
            Field::FgContact => "fg_contact",
            Field::PrivacyContact => "privacy_contact",
            Field::Security => "security_measures",
            Field::Retention => "retention_periods",
        }
    }

    /// Whether the item may hold several lines.
    pub fn multi_line(self) -> bool {
        matches!(self, Field::Security | Field::Retention)
    }

    /// The most characters the item holds.
    pub fn most(self) -> usize {
        if self.multi_line() {
            TEXT_MOST
        } else {
            LINE_MOST
        }
    }

    /// The value as the profile keeps it, or why it is refused: surrounding white space is
    /// dropped (an empty value is a missing item), a Windows line end becomes a plain one, a
    /// KvK number may be written with spaces or dots between its digits.
    pub fn check(self, raw: &str) -> Result<Option<String>, Invalid> {
        let text = raw.replace("\r\n", "\n");
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        for c in text.chars() {
            if c == '\n' && !self.multi_line() {
                return Err(Invalid::LineBreak);
            }
            if c != '\n' && (c.is_control() || crate::text::steers(c)) {
                return Err(Invalid::Control(c));
            }
        }
        let len = text.chars().count();
        if len > self.most() {
            return Err(Invalid::TooLong {
                len,
                most: self.most(),
            });
        }
        if self == Field::Kvk {
            let digits: String = text.chars().filter(|c| !matches!(c, ' ' | '.')).collect();
            if digits.len() != 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(Invalid::Kvk(text.to_string()));
            }
            return Ok(Some(digits));
        }
        Ok(Some(text.to_string()))
    }
}

/// Why a value is refused for an item (said by `locale::profile`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    /// Not eight digits; what was given.
    Kvk(String),
    /// More characters than the item holds.
    TooLong { len: usize, most: usize },
    /// A line break in an item of one line.
    LineBreak,
    /// A control character, or one that steers a terminal or hides how the text reads.
    Control(char),
}

/// A value refused for an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub field: Field,
    pub why: Invalid,
}

impl std::error::Error for Refused {}

/// The library's profile. Every value in it passed [`Field::check`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profile {
    values: [Option<String>; 8],
}

impl Profile {
    /// The item's value; `None` when it is missing.
    pub fn get(&self, field: Field) -> Option<&str> {
        self.values[Self::slot(field)].as_deref()
    }

    /// Sets the item to `raw` as [`Field::check`] keeps it; an empty value clears it. A
    /// refused value leaves the item as it was.
    pub fn set(&mut self, field: Field, raw: &str) -> Result<(), Refused> {
        let value = field.check(raw).map_err(|why| Refused { field, why })?;
        self.values[Self::slot(field)] = value;
        Ok(())
    }

    /// The items that are missing, in reading order.
    pub fn missing(&self) -> Vec<Field> {
        Field::ALL
            .into_iter()
            .filter(|&f| self.get(f).is_none())
            .collect()
    }

    /// Whether every item is given.
    pub fn is_complete(&self) -> bool {
        self.missing().is_empty()
    }

    /// Whether no item is given.
    pub fn is_empty(&self) -> bool {
        self.values.iter().all(Option::is_none)
    }

    /// Every item with its value, in reading order.
    pub fn items(&self) -> impl Iterator<Item = (Field, Option<&str>)> {
        Field::ALL.into_iter().map(|f| (f, self.get(f)))
    }

    /// The items whose values differ between the two profiles.
    pub fn differences(&self, other: &Profile) -> Vec<Field> {
        Field::ALL
            .into_iter()
            .filter(|&f| self.get(f) != other.get(f))
            .collect()
    }

    /// The items as a JSON object, every key present, a missing item `null`.
    pub fn to_value(&self) -> Value {
        Value::Object(
            self.items()
                .map(|(f, v)| (f.key().to_string(), v.map_or(Value::Null, Value::from)))
                .collect(),
        )
    }

    /// The profile's file: its format and version, then every item.
    pub fn to_json(&self) -> String {
        let file = File {
            format: FORMAT.to_string(),
            format_version: VERSION,
            organisation_name: self.get(Field::Name).map(str::to_string),
            organisation_address: self.get(Field::Address).map(str::to_string),
            kvk_number: self.get(Field::Kvk).map(str::to_string),
            fg_name: self.get(Field::FgName).map(str::to_string),
            fg_contact: self.get(Field::FgContact).map(str::to_string),
            privacy_contact: self.get(Field::PrivacyContact).map(str::to_string),
            security_measures: self.get(Field::Security).map(str::to_string),
            retention_periods: self.get(Field::Retention).map(str::to_string),
        };
        serde_json::to_string_pretty(&file).unwrap_or_default() + "\n"
    }

    /// A profile from its file's text, which anyone may have written: JSON without a key given
    /// twice, the format named, no key the format does not know, and every value one a person
    /// could have set.
    pub fn from_json(src: &str) -> Result<Profile, Unreadable> {
        if src.trim().is_empty() {
            return Err(Unreadable::Empty);
        }
        let v = crate::json::parse_strict(src).map_err(|e| Unreadable::Json {
            line: e.line(),
            column: e.column(),
            problem: e.problem(),
        })?;
        if v.get("format").and_then(Value::as_str) != Some(FORMAT) {
            return Err(Unreadable::Foreign);
        }
        let version = v
            .get("format_version")
            .and_then(Value::as_u64)
            .ok_or(Unreadable::NoVersion)?;
        if version > u64::from(VERSION) {
            return Err(Unreadable::Future(version.min(u64::from(u32::MAX)) as u32));
        }
        if version != u64::from(VERSION) {
            return Err(Unreadable::NoVersion);
        }
        let file: File = serde_path_to_error::deserialize(v).map_err(|e| {
            // The path holds the file's own keys, which may hold control characters.
            let at = crate::json::escape_controls(&e.path().to_string());
            let why = crate::json::message(e.inner());
            Unreadable::Invalid(if at == "." {
                why
            } else {
                format!("{at}: {why}")
            })
        })?;
        let mut profile = Profile::default();
        for (field, value) in [
            (Field::Name, file.organisation_name),
            (Field::Address, file.organisation_address),
            (Field::Kvk, file.kvk_number),
            (Field::FgName, file.fg_name),
            (Field::FgContact, file.fg_contact),
            (Field::PrivacyContact, file.privacy_contact),
            (Field::Security, file.security_measures),
            (Field::Retention, file.retention_periods),
        ] {
            if let Some(value) = value {
                profile.set(field, &value).map_err(Unreadable::Value)?;
            }
        }
        Ok(profile)
    }

    /// The item's place in `values`: its place in [`Field::ALL`], which lists the variants
    /// in declaration order.
    fn slot(field: Field) -> usize {
        field as usize
    }
}

/// Why a profile file cannot be read (said by `locale::profile`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    Empty,
    /// Not JSON, or a key given twice; where.
    Json {
        line: usize,
        column: usize,
        problem: crate::json::Problem,
    },
    /// `format` is not [`FORMAT`]: not a profile.
    Foreign,
    /// `format_version` is missing, not a whole number, or not a version there ever was.
    NoVersion,
    /// Written by a newer program.
    Future(u32),
    /// The content does not fit the format (an unknown key, a number for a text): the serde
    /// path and what was found.
    Invalid(String),
    /// A value no person could have set.
    Value(Refused),
}

/// The file as it is on disk. Every item may be left out or `null`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    format: String,
    format_version: u32,
    #[serde(default)]
    organisation_name: Option<String>,
    #[serde(default)]
    organisation_address: Option<String>,
    #[serde(default)]
    kvk_number: Option<String>,
    #[serde(default)]
    fg_name: Option<String>,
    #[serde(default)]
    fg_contact: Option<String>,
    #[serde(default)]
    privacy_contact: Option<String>,
    #[serde(default)]
    security_measures: Option<String>,
    #[serde(default)]
    retention_periods: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_has_its_own_place() {
        for (i, f) in Field::ALL.into_iter().enumerate() {
            assert_eq!(Profile::slot(f), i, "{f:?}");
        }
    }

    #[test]
    fn a_kvk_number_is_eight_digits_however_it_is_spaced() {
        assert_eq!(Field::Kvk.check(" 1234 5678 "), Ok(Some("12345678".into())));
        assert_eq!(Field::Kvk.check("12.34.56.78"), Ok(Some("12345678".into())));
        for wrong in [
            "1234567",
            "123456789",
            "1234567a",
            "１２３４５６７８",
            "KvK 12345678",
        ] {
            assert_eq!(
                Field::Kvk.check(wrong),
                Err(Invalid::Kvk(wrong.to_string())),
                "{wrong}"
            );
        }
    }

    #[test]
    fn an_empty_value_is_a_missing_item() {
        let mut p = Profile::default();
        p.set(Field::Name, "Bibliotheek Rivierenland").unwrap();
        assert_eq!(p.get(Field::Name), Some("Bibliotheek Rivierenland"));
        p.set(Field::Name, "a\nb").unwrap_err();
        p.set(Field::Name, "   ").unwrap();
        assert_eq!(p.get(Field::Name), None);
        assert_eq!(p.missing(), Field::ALL.to_vec());
        assert!(p.is_empty() && !p.is_complete());
    }

    #[test]
    fn only_the_longer_items_hold_several_lines() {
        let mut p = Profile::default();
        p.set(
            Field::Security,
            "Versleutelde laptops\r\nTweestapsverificatie",
        )
        .unwrap();
        assert_eq!(
            p.get(Field::Security),
            Some("Versleutelde laptops\nTweestapsverificatie")
        );
        let e = p.set(Field::Address, "Markt 1\n1234 AB Tiel").unwrap_err();
        assert_eq!(e.why, Invalid::LineBreak);
        for c in ['\t', '\u{1b}', '\u{9b}', '\u{202e}', '\0'] {
            let e = p.set(Field::Security, &format!("a{c}b")).unwrap_err();
            assert_eq!(e.why, Invalid::Control(c));
        }
        let long = "x".repeat(LINE_MOST + 1);
        let e = p.set(Field::FgName, &long).unwrap_err();
        assert_eq!(
            e.why,
            Invalid::TooLong {
                len: LINE_MOST + 1,
                most: LINE_MOST
            }
        );
        p.set(Field::Retention, &"x".repeat(TEXT_MOST)).unwrap();
    }

    #[test]
    fn the_file_round_trips_and_names_its_format() {
        let mut p = Profile::default();
        p.set(Field::Name, "Bibliotheek \"De Toren\"").unwrap();
        p.set(Field::Kvk, "40123456").unwrap();
        p.set(Field::Retention, "Deelnemerslijst: 1 jaar\nFoto's: 2 jaar")
            .unwrap();
        let text = p.to_json();
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["format"], FORMAT);
        assert_eq!(v["format_version"], VERSION);
        assert_eq!(v["fg_name"], Value::Null);
        assert_eq!(Profile::from_json(&text), Ok(p));
        assert_eq!(
            Profile::from_json(r#"{"format": "avg-wijzer-library", "format_version": 1}"#),
            Ok(Profile::default())
        );
    }

    #[test]
    fn a_hostile_file_is_refused_with_why() {
        let read = |s: &str| Profile::from_json(s).unwrap_err();
        assert_eq!(read(" \n"), Unreadable::Empty);
        assert!(matches!(read("{\"format\": "), Unreadable::Json { .. }));
        assert_eq!(
            read(r#"{"format": "avg-wijzer-record"}"#),
            Unreadable::Foreign
        );
        let head = r#"{"format": "avg-wijzer-library", "format_version""#;
        assert_eq!(read(&format!("{head}: 9}}")), Unreadable::Future(9));
        assert_eq!(read(&format!("{head}: 0}}")), Unreadable::NoVersion);
        assert_eq!(read(&format!("{head}: \"1\"}}")), Unreadable::NoVersion);
        assert!(matches!(
            read(&format!("{head}: 1, \"extra\": 1}}")),
            Unreadable::Invalid(m) if m.contains("extra")
        ));
        assert!(matches!(
            read(&format!("{head}: 1, \"fg_name\": 7}}")),
            Unreadable::Invalid(m) if m.starts_with("fg_name: ")
        ));
        assert_eq!(
            read(&format!("{head}: 1, \"kvk_number\": \"123\"}}")),
            Unreadable::Value(Refused {
                field: Field::Kvk,
                why: Invalid::Kvk("123".into())
            })
        );
        assert!(matches!(
            read(&format!(
                "{head}: 1, \"fg_name\": \"a\", \"fg_name\": \"b\"}}"
            )),
            Unreadable::Json {
                problem: crate::json::Problem::Duplicate(_),
                ..
            }
        ));
    }
}
