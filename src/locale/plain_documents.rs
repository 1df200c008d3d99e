//! The plain mode's lines about the documents the advice calls for.
use crate::text::Lang;

pub struct Words {
    pub heading: &'static str,
    /// How to read or write one, after the list.
    pub how: &'static str,
    /// Before why no document is offered.
    pub none: &'static str,
    /// After a number that is no document of the list.
    pub which: &'static str,
    pub not_written: &'static str,
}

const NL: Words = Words {
    heading: "Documenten die het advies vraagt:",
    how: "Typ document en het nummer om het hier te lezen (document 1), of met een bestandsnaam om het te schrijven (document 1 privacy.md; .md, .html of .txt). Een bestaand bestand wordt nooit vervangen.",
    none: "Geen documenten:",
    which: "Geef het nummer van een document uit de lijst (typ documenten om haar opnieuw te zien).",
    not_written: "Niet geschreven:",
};

const EN: Words = Words {
    heading: "Documents the advice calls for:",
    how: "Type document and its number to read it here (document 1), or with a file name to write it (document 1 privacy.md; .md, .html or .txt). An existing file is never replaced.",
    none: "No documents:",
    which: "Give the number of a document in the list (type documents to see it again).",
    not_written: "Not written:",
};

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}
