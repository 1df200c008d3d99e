//! The record list's own words, in the interface and the plain mode: the columns of revision,
//! id and signers, the filter, the folded revisions and the archive.
use crate::text::Lang;

pub struct ListWords {
    pub col_id: &'static str,
    pub col_rev: &'static str,
    pub col_signed: &'static str,
    pub filter: &'static str,
    /// "3 of 12".
    pub of: &'static str,
    pub no_match: &'static str,
    pub archive_heading: &'static str,
    pub archive_empty: &'static str,
    pub archive_loading: &'static str,
    pub signed_never: &'static str,
    pub revision: &'static str,
    pub signed_by: &'static str,
    pub older_revisions: &'static str,
}

const NL: ListWords = ListWords {
    col_id: "Id",
    col_rev: "Rev",
    col_signed: "Afgetekend door",
    filter: "Filter",
    of: "van",
    no_match: "Geen verslag past bij het filter (Esc wist het).",
    archive_heading: "Archief",
    archive_empty: "Het archief is leeg.",
    archive_loading: "Archief lezen…",
    signed_never: "Een afgetekend verslag wordt nooit gearchiveerd of verwijderd.",
    revision: "revisie",
    signed_by: "afgetekend door",
    older_revisions: "oudere revisies",
};

const EN: ListWords = ListWords {
    col_id: "Id",
    col_rev: "Rev",
    col_signed: "Signed by",
    filter: "Filter",
    of: "of",
    no_match: "No record fits the filter (Esc clears it).",
    archive_heading: "Archive",
    archive_empty: "The archive is empty.",
    archive_loading: "Reading the archive…",
    signed_never: "A signed-off record is never archived or deleted.",
    revision: "revision",
    signed_by: "signed off by",
    older_revisions: "older revisions",
};

pub fn list_words(lang: Lang) -> &'static ListWords {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

/// The question before a draft goes into the archive.
pub fn confirm_archive(title: &str, id: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "Concept \"{title}\" ({id}) archiveren? Het verdwijnt uit de lijst, het register en de herbeoordeling; terugzetten kan in het archief (Tab, dan a) of met avg-wijzer restore {id}."
        ),
        Lang::En => format!(
            "Archive the draft \"{title}\" ({id})? It leaves the list, the register and the recheck; restore it from the archive (Tab, then a) or with avg-wijzer restore {id}."
        ),
    }
}

/// The question before an archived record goes back.
pub fn confirm_restore(title: &str, id: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("\"{title}\" ({id}) terugzetten in de verslagen?"),
        Lang::En => format!("Restore \"{title}\" ({id}) to the records?"),
    }
}

/// Said once the record moved.
pub fn moved(id: &str, restore: bool, lang: Lang) -> String {
    match (lang, restore) {
        (Lang::Nl, false) => format!("{id} staat nu in het archief (Tab toont het archief)."),
        (Lang::Nl, true) => format!("{id} staat weer bij de verslagen."),
        (Lang::En, false) => format!("{id} is now in the archive (Tab shows the archive)."),
        (Lang::En, true) => format!("{id} is back among the records."),
    }
}
