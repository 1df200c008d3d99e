//! The library's profile in words: each item's label, why a value or a file is refused, a save
//! refused because the profile was saved elsewhere, and what `library` says around the items.

use crate::app::ProfileError;
use crate::json::quoted;
use crate::profile::{FORMAT, Field, Invalid, Refused, Unreadable, VERSION};
use crate::store::ProfileSavedElsewhere;
use crate::text::Lang;

impl Field {
    /// The item's label.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Field::Name, Lang::Nl) => "Naam van de organisatie",
            (Field::Name, Lang::En) => "Name of the organisation",
            (Field::Address, Lang::Nl) => "Adres van de organisatie",
            (Field::Address, Lang::En) => "Address of the organisation",
            (Field::Kvk, Lang::Nl) => "KvK-nummer",
            (Field::Kvk, Lang::En) => "KvK number (trade register)",
            (Field::FgName, Lang::Nl) => "Naam van de FG",
            (Field::FgName, Lang::En) => "Name of the DPO (FG)",
            (Field::FgContact, Lang::Nl) => "Contactgegevens van de FG",
            (Field::FgContact, Lang::En) => "Contact details of the DPO (FG)",
            (Field::PrivacyContact, Lang::Nl) => "Contactadres voor privacyvragen",
            (Field::PrivacyContact, Lang::En) => "Contact address for privacy questions",
            (Field::Security, Lang::Nl) => "Standaard beveiligingsmaatregelen",
            (Field::Security, Lang::En) => "Default security measures",
            (Field::Retention, Lang::Nl) => "Standaard bewaartermijnen",
            (Field::Retention, Lang::En) => "Default retention periods",
        }
    }
}

/// What stands for a missing item.
pub fn missing(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "ontbreekt",
        Lang::En => "missing",
    }
}

/// The heading of the profile as `library` shows it: where it is kept.
pub fn heading(path: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Bibliotheekprofiel ({path})"),
        Lang::En => format!("Library profile ({path})"),
    }
}

/// What a change saved.
pub fn saved(changed: &[Field], lang: Lang) -> String {
    let labels: Vec<&str> = changed.iter().map(|f| f.label(lang)).collect();
    match lang {
        Lang::Nl => format!("Bewaard: {}.", labels.join(", ")),
        Lang::En => format!("Saved: {}.", labels.join(", ")),
    }
}

/// A change that changed nothing, so nothing was written.
pub fn unchanged(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "Niets gewijzigd; het profiel was al zo.",
        Lang::En => "Nothing changed; the profile was like this already.",
    }
}

/// How many items are missing, and how to fill them in.
pub fn missing_count(n: usize, lang: Lang) -> String {
    let total = Field::ALL.len();
    match (lang, n) {
        (Lang::Nl, 1) => format!(
            "1 van de {total} gegevens ontbreekt; vul het aan met avg-wijzer library (zie --help)."
        ),
        (Lang::Nl, n) => format!(
            "{n} van de {total} gegevens ontbreken; vul ze aan met avg-wijzer library (zie --help)."
        ),
        (Lang::En, 1) => format!(
            "1 of the {total} items is missing; fill it in with avg-wijzer library (see --help)."
        ),
        (Lang::En, n) => format!(
            "{n} of the {total} items are missing; fill them in with avg-wijzer library (see --help)."
        ),
    }
}

impl Invalid {
    /// Why the value is refused, without which item it was for.
    pub fn said(&self, lang: Lang) -> String {
        match (self, lang) {
            (Invalid::Kvk(given), Lang::Nl) => format!(
                "{} is geen KvK-nummer: dat zijn 8 cijfers, zoals 12345678",
                shown(given)
            ),
            (Invalid::Kvk(given), Lang::En) => format!(
                "{} is not a KvK number: that is 8 digits, such as 12345678",
                shown(given)
            ),
            (Invalid::TooLong { len, most }, Lang::Nl) => {
                format!("te lang: {len} tekens, hoogstens {most}")
            }
            (Invalid::TooLong { len, most }, Lang::En) => {
                format!("too long: {len} characters, at most {most}")
            }
            (Invalid::LineBreak, Lang::Nl) => "mag maar één regel zijn".into(),
            (Invalid::LineBreak, Lang::En) => "must be a single line".into(),
            (Invalid::Control(c), Lang::Nl) => format!(
                "bevat een stuurteken (U+{:04X}); alleen gewone tekst kan erin",
                u32::from(*c)
            ),
            (Invalid::Control(c), Lang::En) => format!(
                "holds a control character (U+{:04X}); only plain text fits",
                u32::from(*c)
            ),
        }
    }
}

/// A value from outside in a message: quoted and escaped, and cut short when it is long (a
/// KvK number is eight digits; whatever was given instead need not be shown whole).
fn shown(given: &str) -> String {
    const MOST: usize = 40;
    match given.chars().count() > MOST {
        true => format!("{}…", quoted(&given.chars().take(MOST).collect::<String>())),
        false => quoted(given),
    }
}

impl Refused {
    /// Which item refused which value, and why.
    pub fn said(&self, lang: Lang) -> String {
        format!("{}: {}", self.field.label(lang), self.why.said(lang))
    }
}

dutch_display!(Refused);

impl Unreadable {
    /// Why a profile file cannot be read, in `lang` (the file's name goes before it).
    pub fn said(&self, lang: Lang) -> String {
        match (self, lang) {
            (Unreadable::Empty, Lang::Nl) => "het bestand is leeg".into(),
            (Unreadable::Empty, Lang::En) => "the file is empty".into(),
            (
                Unreadable::Json {
                    line,
                    column,
                    problem,
                },
                Lang::Nl,
            ) => format!("regel {line} kolom {column}: {}", problem.said(lang)),
            (
                Unreadable::Json {
                    line,
                    column,
                    problem,
                },
                Lang::En,
            ) => format!("line {line} column {column}: {}", problem.said(lang)),
            (Unreadable::Foreign, Lang::Nl) => {
                format!("geen bibliotheekprofiel van AVG-wijzer (\"format\" is niet \"{FORMAT}\")")
            }
            (Unreadable::Foreign, Lang::En) => {
                format!("not an AVG-wijzer library profile (\"format\" is not \"{FORMAT}\")")
            }
            (Unreadable::NoVersion, Lang::Nl) => {
                "\"format_version\" ontbreekt of is geen versie die AVG-wijzer kent".into()
            }
            (Unreadable::NoVersion, Lang::En) => {
                "\"format_version\" is missing or not a version AVG-wijzer knows".into()
            }
            (Unreadable::Future(v), Lang::Nl) => format!(
                "gemaakt met formaatversie {v}, nieuwer dan deze versie van AVG-wijzer kan lezen ({VERSION}); werk AVG-wijzer bij"
            ),
            (Unreadable::Future(v), Lang::En) => format!(
                "made with format version {v}, newer than this version of AVG-wijzer can read ({VERSION}); update AVG-wijzer"
            ),
            (Unreadable::Invalid(e), Lang::Nl) => {
                format!("de inhoud klopt niet met het formaat: {e}")
            }
            (Unreadable::Invalid(e), Lang::En) => {
                format!("the content does not match the format: {e}")
            }
            (Unreadable::Value(r), _) => format!(
                "\"{}\" ({}): {}",
                r.field.key(),
                r.field.label(lang),
                r.why.said(lang)
            ),
        }
    }
}

dutch_display!(Unreadable);

impl ProfileSavedElsewhere {
    pub fn said(&self, lang: Lang) -> String {
        let file = &self.file;
        match lang {
            Lang::Nl => format!(
                "{file}: het bibliotheekprofiel is intussen door een ander venster of proces opgeslagen; deze wijziging is niet bewaard, om die andere niet te overschrijven. Lees het profiel opnieuw in en breng je wijziging dan opnieuw aan"
            ),
            Lang::En => format!(
                "{file}: the library profile was saved by another window or process meanwhile; this change was not saved, so as not to overwrite that one. Read the profile again and make your change once more"
            ),
        }
    }
}

dutch_display!(ProfileSavedElsewhere);

impl ProfileError {
    pub fn said(&self, lang: Lang) -> String {
        match self {
            ProfileError::Refused(r) => r.said(lang),
            ProfileError::SavedElsewhere(e) => e.said(lang),
            ProfileError::Other(e) => crate::locale::store::said(e, lang),
        }
    }
}

dutch_display!(ProfileError);
