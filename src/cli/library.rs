//! `library`: the library's profile, shown, or some of its items set (an empty value clears
//! one).
use std::process::ExitCode;

use super::{Failure, bad, print_json, print_out, warn};
use crate::app::{self, ProfileError};
use crate::guard;
use crate::locale::profile as words;
use crate::profile::{Field, Profile};
use crate::store::Store;
use crate::text::Lang;

/// The items `library` sets, each an option; without any it shows the profile.
#[derive(Debug, Default, clap::Args)]
pub struct LibraryArgs {
    /// Naam van de organisatie (de bibliotheek)
    #[arg(long, value_name = "TEKST")]
    pub name: Option<String>,
    /// Adres van de organisatie, op één regel
    #[arg(long, value_name = "TEKST")]
    pub address: Option<String>,
    /// KvK-nummer: 8 cijfers
    #[arg(long, value_name = "NUMMER")]
    pub kvk: Option<String>,
    /// Naam van de functionaris gegevensbescherming (FG)
    #[arg(long, value_name = "NAAM")]
    pub fg_name: Option<String>,
    /// Contactgegevens van de FG, zoals een e-mailadres of telefoonnummer
    #[arg(long, value_name = "TEKST")]
    pub fg_contact: Option<String>,
    /// Contactadres voor privacyvragen: een e-mail- of postadres, op één regel
    #[arg(long, value_name = "TEKST")]
    pub privacy_contact: Option<String>,
    /// Standaard beveiligingsmaatregelen; vrije tekst, meer regels mag
    #[arg(long, value_name = "TEKST")]
    pub security: Option<String>,
    /// Standaard bewaartermijnen; vrije tekst, meer regels mag
    #[arg(long, value_name = "TEKST")]
    pub retention: Option<String>,
    /// Als JSON, voor scripts
    #[arg(long)]
    pub json: bool,
}

impl LibraryArgs {
    /// The items given, in reading order.
    fn changes(&self) -> Vec<(Field, &str)> {
        [
            (Field::Name, &self.name),
            (Field::Address, &self.address),
            (Field::Kvk, &self.kvk),
            (Field::FgName, &self.fg_name),
            (Field::FgContact, &self.fg_contact),
            (Field::PrivacyContact, &self.privacy_contact),
            (Field::Security, &self.security),
            (Field::Retention, &self.retention),
        ]
        .into_iter()
        .filter_map(|(f, v)| v.as_deref().map(|v| (f, v)))
        .collect()
    }
}

/// `library`: shows the profile, or sets the items given and shows what it is now.
pub(super) fn library(store: &Store, args: &LibraryArgs, lang: Lang) -> Result<ExitCode, Failure> {
    let file = store.profile_path().display().to_string();
    let changes = args.changes();
    if changes.is_empty() {
        let loaded = app::profile(store).map_err(bad)?;
        return match args.json {
            true => print_json(&json(&file, &loaded.profile, None)),
            false => print_out(&text(&file, &loaded.profile, lang)),
        };
    }
    // Free text that should describe the library's practice, not a member.
    for &(field, value) in &changes {
        if field.multi_line()
            && let Some(w) = guard::warning(value, lang)
        {
            warn(&format!("{}: {w}", field.label(lang)));
        }
    }
    let saved = app::set_profile(store, &changes).map_err(|e| match e {
        ProfileError::Other(e) => bad(e),
        e => Failure::bad_input(e.said(lang)),
    })?;
    if args.json {
        return print_json(&json(&file, &saved.profile, Some(&saved.changed)));
    }
    let said = match saved.changed.is_empty() {
        true => words::unchanged(lang).to_string(),
        false => words::saved(&saved.changed, lang),
    };
    print_out(&format!("{said}\n\n{}", text(&file, &saved.profile, lang)))
}

/// The profile for people: each item with its label, a missing one said to be missing; an item
/// of several lines goes on under its first.
fn text(file: &str, profile: &Profile, lang: Lang) -> String {
    let width = Field::ALL
        .iter()
        .map(|f| f.label(lang).chars().count() + 1)
        .max()
        .unwrap_or(0)
        + 2;
    let mut out = format!("{}\n\n", words::heading(file, lang));
    for (field, value) in profile.items() {
        let label = format!("{}:", field.label(lang));
        let value = value.unwrap_or(words::missing(lang));
        for (i, line) in value.lines().enumerate() {
            let head = if i == 0 { label.as_str() } else { "" };
            out.push_str(format!("{head:<width$}{line}").trim_end());
            out.push('\n');
        }
    }
    let missing = profile.missing().len();
    if missing > 0 {
        out.push('\n');
        out.push_str(&words::missing_count(missing, lang));
        out.push('\n');
    }
    out
}

/// The profile for scripts: the file, every item by its key (a missing one `null`), the keys of
/// the missing ones, and after a change the keys of the items it changed.
fn json(file: &str, profile: &Profile, changed: Option<&[Field]>) -> String {
    let keys = |fields: &[Field]| fields.iter().map(|f| f.key()).collect::<Vec<_>>();
    let mut v = serde_json::json!({
        "file": file,
        "profile": profile.to_value(),
        "missing": keys(&profile.missing()),
    });
    if let Some(changed) = changed {
        v["changed"] = serde_json::json!(keys(changed));
    }
    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
}
