//! What went wrong in the store, in words; and any error chain said in one language.

use crate::app::SaveFailure;
use crate::json::quoted;
use crate::record::Altered;
use crate::record::signature::SignError;
use crate::store::{
    AlreadyExists, During, IoKind, NotARecord, ProfileSavedElsewhere, SavedElsewhere, StoreError,
    What,
};
use crate::text::Lang;
use crate::tui::ScreenError;

fn io(kind: &IoKind, lang: Lang) -> String {
    match (kind, lang) {
        (IoKind::NotFound, Lang::Nl) => "bestaat niet".into(),
        (IoKind::NotFound, Lang::En) => "does not exist".into(),
        (IoKind::Denied, Lang::Nl) => "geen toegang (rechten)".into(),
        (IoKind::Denied, Lang::En) => "no access (permissions)".into(),
        (IoKind::IsADirectory, Lang::Nl) => "is een map, geen bestand".into(),
        (IoKind::IsADirectory, Lang::En) => "is a directory, not a file".into(),
        (IoKind::NotADirectory, Lang::Nl) => "is geen map".into(),
        (IoKind::NotADirectory, Lang::En) => "is not a directory".into(),
        (IoKind::Other(e), Lang::Nl) => format!("niet te lezen ({e})"),
        (IoKind::Other(e), Lang::En) => format!("cannot be read ({e})"),
    }
}

fn what(w: What, lang: Lang) -> &'static str {
    match (w, lang) {
        (What::Answers, Lang::Nl) => "een antwoordenbestand",
        (What::Answers, Lang::En) => "an answers file",
        (What::Record, Lang::Nl) => "een verslag",
        (What::Record, Lang::En) => "a record",
        (What::BankFile, Lang::Nl) => "een bestand van de vragenbank",
        (What::BankFile, Lang::En) => "a file of the question bank",
        (What::Bank, Lang::Nl) => "een vragenbank",
        (What::Bank, Lang::En) => "a question bank",
        (What::Profile, Lang::Nl) => "een bibliotheekprofiel",
        (What::Profile, Lang::En) => "a library profile",
    }
}

impl StoreError {
    pub fn said(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        match self {
            StoreError::Io { path, kind, during } => {
                let path = if path.is_empty() { "\"\"" } else { path };
                let doing = match (during, nl) {
                    (None, _) => "",
                    (Some(During::Saving), true) => "opslaan mislukt: ",
                    (Some(During::Saving), false) => "saving failed: ",
                    (Some(During::Exporting), true) => "exporteren mislukt: ",
                    (Some(During::Exporting), false) => "exporting failed: ",
                };
                format!("{doing}{path}: {}", io(kind, lang))
            }
            StoreError::NotADirectory { path } => {
                format!("{path}: {}", io(&IoKind::NotADirectory, lang))
            }
            StoreError::NotAFile { path } => match nl {
                true => format!("{path}: is geen gewoon bestand; verwijder het"),
                false => format!("{path}: is not a plain file; remove it"),
            },
            StoreError::Busy { path, secs } => match nl {
                true => format!(
                    "{path}: de opslag is bezet (een ander proces houdt dit slot al {secs} s vast); probeer het zo opnieuw"
                ),
                false => format!(
                    "{path}: the store is busy (another process has held this lock for {secs} s); try again in a moment"
                ),
            },
            StoreError::NotAnId { id, saving } => match (nl, saving) {
                (true, true) => format!(
                    "{} is geen verslag-id; het verslag is niet opgeslagen",
                    quoted(id)
                ),
                (true, false) => format!("{} is geen verslag-id", quoted(id)),
                (false, true) => format!(
                    "{} is not a record id; the record was not saved",
                    quoted(id)
                ),
                (false, false) => format!("{} is not a record id", quoted(id)),
            },
            StoreError::NoId => match nl {
                true => "geef een verslag-id (of het begin ervan)".into(),
                false => "give a record id (or its start)".into(),
            },
            StoreError::NoStore => match nl {
                true => "er is geen map voor verslagen".into(),
                false => "there is no directory for records".into(),
            },
            StoreError::NoRecord { prefix, dir } => match nl {
                true => format!("geen verslag met id {} in {dir}", quoted(prefix)),
                false => format!("no record with id {} in {dir}", quoted(prefix)),
            },
            StoreError::TooManyFiles { dir } => match nl {
                true => format!(
                    "{dir}: te veel bestanden om op te sommen (samen meer dan 4 GiB aan namen)"
                ),
                false => {
                    format!("{dir}: too many files to list (more than 4 GiB of names together)")
                }
            },
            StoreError::Ambiguous { prefix, n, some } => match nl {
                true => format!(
                    "{} past bij {n} verslagen ({}); typ meer tekens van het id",
                    quoted(prefix),
                    some.join(", ")
                ),
                false => format!(
                    "{} fits {n} records ({}); type more characters of the id",
                    quoted(prefix),
                    some.join(", ")
                ),
            },
            StoreError::Signed { id } => match nl {
                true => format!(
                    "{}: dit verslag is afgetekend; een afgetekend verslag wordt nooit gearchiveerd of verwijderd",
                    quoted(id)
                ),
                false => format!(
                    "{}: this record is signed off; a signed-off record is never archived or deleted",
                    quoted(id)
                ),
            },
            StoreError::RecordExists { path } => match nl {
                true => format!("{path}: bestaat al; een verslag wordt nooit overschreven"),
                false => format!("{path}: exists already; a record is never overwritten"),
            },
            StoreError::TooBig {
                path,
                size,
                most,
                what: w,
            } => format!("{path}: {}", too_big(size.as_deref(), most, *w, lang)),
            StoreError::NotUtf8 { name, at } => format!("{name}: {}", not_utf8(*at, lang)),
            StoreError::Unreadable { path, why } => format!("{path}: {}", why.said(lang)),
            StoreError::ProfileUnreadable { path, why } => format!("{path}: {}", why.said(lang)),
            StoreError::NoBankFiles { dir } => match nl {
                true => format!("{dir}: geen .json-bestanden in deze map"),
                false => format!("{dir}: no .json files in this directory"),
            },
            StoreError::TooManyBankFiles { dir, n, most } => match nl {
                true => {
                    format!("{dir}: {n} .json-bestanden; een vragenbank heeft er hoogstens {most}")
                }
                false => format!("{dir}: {n} .json files; a question bank has at most {most}"),
            },
            StoreError::BankTooBig { dir, most } => match nl {
                true => format!(
                    "{dir}: te groot (meer dan {most}); een vragenbank mag hoogstens {most} zijn"
                ),
                false => format!(
                    "{dir}: too large (more than {most}); a question bank may be at most {most}"
                ),
            },
        }
    }
}

/// A file over its limit; `size` is `None` when only "more than the limit" is known.
fn too_big(size: Option<&str>, most: &str, w: What, lang: Lang) -> String {
    let size = match (size, lang) {
        (Some(s), _) => s.to_string(),
        (None, Lang::Nl) => format!("meer dan {most}"),
        (None, Lang::En) => format!("more than {most}"),
    };
    match lang {
        Lang::Nl => format!(
            "te groot ({size}); {} mag hoogstens {most} zijn",
            what(w, lang)
        ),
        Lang::En => format!(
            "too large ({size}); {} may be at most {most}",
            what(w, lang)
        ),
    }
}

fn not_utf8(at: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("geen geldige UTF-8 (bij byte {at})"),
        Lang::En => format!("not valid UTF-8 (at byte {at})"),
    }
}

impl NotARecord {
    /// Why the file is not a readable record, in `lang`; the list names the file before it.
    pub fn said(&self, lang: Lang) -> String {
        match self {
            NotARecord::NameNotUtf8 => match lang {
                Lang::Nl => {
                    "de bestandsnaam is geen geldige UTF-8; geef het bestand een andere naam".into()
                }
                Lang::En => "the file name is not valid UTF-8; give the file another name".into(),
            },
            NotARecord::Io(kind) => io(kind, lang),
            NotARecord::TooBig { size, most } => too_big(size.as_deref(), most, What::Record, lang),
            NotARecord::NotUtf8 { at } => not_utf8(*at, lang),
            NotARecord::Unreadable(why) => why.said(lang),
            NotARecord::Other(said) => said.clone(),
        }
    }
}

impl NotARecord {
    /// Whether the reason said in Dutch contains `text`. The reason was Dutch text before it
    /// was typed; this keeps the checks written against that text (tests/store_index.rs,
    /// tests/fuzz.rs) as they are.
    pub fn contains(&self, text: &str) -> bool {
        self.said(Lang::Nl).contains(text)
    }
}

dutch_display!(NotARecord);

dutch_display!(StoreError);

impl SavedElsewhere {
    pub fn said(&self, lang: Lang) -> String {
        let (file, id) = (&self.file, &self.id);
        match lang {
            Lang::Nl => format!(
                "{file}: het verslag is intussen door een ander venster of proces opgeslagen; deze wijziging is niet bewaard, om die andere niet te overschrijven. Open het verslag opnieuw (--resume {id}) om verder te gaan"
            ),
            Lang::En => format!(
                "{file}: the record was saved by another window or process meanwhile; this change was not saved, so as not to overwrite that one. Open the record again (--resume {id}) to go on"
            ),
        }
    }
}

dutch_display!(SavedElsewhere);

impl AlreadyExists {
    pub fn said(&self, lang: Lang) -> String {
        match lang {
            Lang::Nl => format!(
                "{}: bestaat al; gebruik --force om het te vervangen",
                self.0
            ),
            Lang::En => format!("{}: exists already; use --force to replace it", self.0),
        }
    }
}

dutch_display!(AlreadyExists);

impl SaveFailure {
    pub fn said(&self, lang: Lang) -> String {
        match self {
            SaveFailure::SavedElsewhere(e) => e.said(lang),
            SaveFailure::Other(e) => said(e, lang),
        }
    }
}

/// An error and what caused it, as `{e:#}` gives it ("outer: inner"), each part in `lang`
/// where the program knows its words; an error from outside (the operating system, a crate)
/// as it says itself.
pub fn said(e: &anyhow::Error, lang: Lang) -> String {
    e.chain()
        .map(|cause| {
            if let Some(x) = cause.downcast_ref::<StoreError>() {
                x.said(lang)
            } else if let Some(x) = cause.downcast_ref::<Altered>() {
                x.said(lang)
            } else if let Some(x) = cause.downcast_ref::<SavedElsewhere>() {
                x.said(lang)
            } else if let Some(x) = cause.downcast_ref::<AlreadyExists>() {
                x.said(lang)
            } else if let Some(x) = cause.downcast_ref::<SignError>() {
                x.said(lang)
            } else if let Some(x) = cause.downcast_ref::<ScreenError>() {
                x.said(lang)
            } else if let Some(x) = cause.downcast_ref::<ProfileSavedElsewhere>() {
                x.said(lang)
            } else if let Some(x) = cause.downcast_ref::<crate::export::xlsx::XlsxFailed>() {
                x.said(lang)
            } else {
                cause.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(": ")
}

/// The warning when others may write in the records' directory (`mode`, octal).
pub fn exposed(dir: &str, mode: u32, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "LET OP: anderen kunnen schrijven in de map van de verslagen {dir} (rechten {mode:03o}); wie daar kan schrijven, kan verslagen vervangen. Controleer een verslag met avg-wijzer verify, of maak de map alleen voor jezelf schrijfbaar (chmod 700)"
        ),
        Lang::En => format!(
            "WARNING: others can write in the records' directory {dir} (permissions {mode:03o}); whoever can write there can replace records. Check a record with avg-wijzer verify, or make the directory writable by you alone (chmod 700)"
        ),
    }
}
