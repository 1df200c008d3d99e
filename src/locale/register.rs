//! The words of the processing register (`register`): the column headers, the mark of an item
//! missing from the library's profile, and what the command says around the file. What a
//! column says about the processing (its source, transfers outside the EEA…) is legal
//! knowledge: the bank's `register` fields.
use crate::app::{LeftOut, WhyLeftOut};
use crate::export::register::Column;
use crate::export::xlsx::XlsxFailed;
use crate::json::quoted;
use crate::text::Lang;

impl Column {
    /// The column's header in the run's language.
    pub fn header(self, lang: Lang) -> &'static str {
        use Column::*;
        match (self, lang) {
            (Processing, Lang::Nl) => "Verwerking (campagne)",
            (Processing, Lang::En) => "Processing (campaign)",
            (Controller, Lang::Nl) => "Verwerkingsverantwoordelijke",
            (Controller, Lang::En) => "Controller",
            (Address, Lang::Nl) => "Adres",
            (Address, Lang::En) => "Address",
            (Kvk, Lang::Nl) => "KvK-nummer",
            (Kvk, Lang::En) => "Chamber of Commerce (KvK) number",
            (FgName, Lang::Nl) => "Functionaris gegevensbescherming (FG)",
            (FgName, Lang::En) => "Data protection officer (DPO)",
            (FgContact, Lang::Nl) => "Contact FG",
            (FgContact, Lang::En) => "DPO contact",
            (PrivacyContact, Lang::Nl) => "Contact voor privacyvragen",
            (PrivacyContact, Lang::En) => "Contact for privacy questions",
            (Purpose, Lang::Nl) => "Doel van de verwerking",
            (Purpose, Lang::En) => "Purpose of the processing",
            (DataSubjects, Lang::Nl) => "Categorieën van betrokkenen",
            (DataSubjects, Lang::En) => "Categories of data subjects",
            (DataCategories, Lang::Nl) => "Categorieën van persoonsgegevens",
            (DataCategories, Lang::En) => "Categories of personal data",
            (Recipients, Lang::Nl) => "Ontvangers en verwerkers",
            (Recipients, Lang::En) => "Recipients and processors",
            (Source, Lang::Nl) => "Bron van de gegevens",
            (Source, Lang::En) => "Source of the data",
            (Transfers, Lang::Nl) => "Doorgifte buiten de EER",
            (Transfers, Lang::En) => "Transfers outside the EEA",
            (Retention, Lang::Nl) => "Bewaartermijn",
            (Retention, Lang::En) => "Retention period",
            (Security, Lang::Nl) => "Beveiligingsmaatregelen",
            (Security, Lang::En) => "Security measures",
            (LegalBasis, Lang::Nl) => "Grondslag",
            (LegalBasis, Lang::En) => "Legal basis",
            (Dpia, Lang::Nl) => "DPIA",
            (Dpia, Lang::En) => "DPIA",
            (Verdict, Lang::Nl) => "Oordeel",
            (Verdict, Lang::En) => "Verdict",
            (Status, Lang::Nl) => "Status",
            (Status, Lang::En) => "Status",
            (Completed, Lang::Nl) => "Afgerond op",
            (Completed, Lang::En) => "Completed on",
            (SignedBy, Lang::Nl) => "Afgetekend door",
            (SignedBy, Lang::En) => "Signed off by",
            (SignedOn, Lang::Nl) => "Datum aftekening",
            (SignedOn, Lang::En) => "Date of sign-off",
            (Decision, Lang::Nl) => "Besluit",
            (Decision, Lang::En) => "Decision",
            (Plan, Lang::Nl) => "Actieplan",
            (Plan, Lang::En) => "Action plan",
            (Revision, Lang::Nl) => "Revisie",
            (Revision, Lang::En) => "Revision",
            (Id, Lang::Nl) => "Verslag (id)",
            (Id, Lang::En) => "Record (id)",
            (Fingerprint, Lang::Nl) => "Vingerafdruk (sha256)",
            (Fingerprint, Lang::En) => "Fingerprint (sha256)",
        }
    }
}

/// The name of the spreadsheet's one sheet (at most 31 characters, no `[]:*?/\`).
pub fn sheet_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "Verwerkingsregister",
        Lang::En => "Processing register",
    }
}

/// The title of the Markdown register.
pub fn title(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "Verwerkingsregister (AVG art. 30)",
        Lang::En => "Processing register (GDPR art. 30)",
    }
}

/// An item of the library's profile that is not filled in: said as missing, never guessed.
pub fn missing(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "ONTBREEKT (vul het profiel aan: avg-wijzer library)",
        Lang::En => "MISSING (complete the profile: avg-wijzer library)",
    }
}

/// The name of the register's file, without its extension, that the forms offer.
pub fn file_stem(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "verwerkingsregister",
        Lang::En => "processing-register",
    }
}

/// The words of the register's form in the full-screen interface, and of its questions in the
/// plain mode.
pub struct FormWords {
    pub title: &'static str,
    /// The start screen's line that says which key opens the form.
    pub start: &'static str,
    pub intro: &'static str,
    pub note: &'static str,
    pub xlsx: &'static str,
    pub csv: &'static str,
    pub md: &'static str,
    /// The heading over the records left out, after a write.
    pub left_out: &'static str,
    /// The plain mode's question for the format.
    pub ask_format: &'static str,
    /// The plain mode's question for the file (the default follows).
    pub ask_path: &'static str,
    /// The plain mode's question before replacing a file.
    pub ask_overwrite: &'static str,
    pub not_written: &'static str,
}

pub fn form_words(lang: Lang) -> &'static FormWords {
    match lang {
        Lang::Nl => &FORM_NL,
        Lang::En => &FORM_EN,
    }
}

const FORM_NL: FormWords = FormWords {
    title: "Verwerkingsregister",
    start: "Verwerkingsregister (r)",
    intro: "Het verwerkingsregister (AVG art. 30) over alle verslagen: één regel per verwerking, van de nieuwste afgeronde of afgetekende revisie, met het bibliotheekprofiel. Verslagen in behandeling en verslagen die niet kloppen staan er niet in; die worden hieronder genoemd.",
    note: "Enter schrijft het bestand. Een bestaand bestand wordt alleen na bevestiging vervangen. Esc gaat terug naar het startscherm.",
    xlsx: "Excel (.xlsx), een spreadsheet",
    csv: "CSV (.csv), voor Excel: puntkomma's, UTF-8",
    md: "Markdown (.md), één tabel",
    left_out: "Niet in het register:",
    ask_format: "Formaat van het register: 1. xlsx (Excel)  2. csv  3. md (Markdown). Enter = xlsx.",
    ask_path: "Bestand (Enter =",
    ask_overwrite: "Dit bestand bestaat al. Vervangen? (j/n)",
    not_written: "Het register is niet geschreven.",
};

const FORM_EN: FormWords = FormWords {
    title: "Processing register",
    start: "Processing register (r)",
    intro: "The processing register (GDPR art. 30) over all records: one row per processing, from its newest completed or signed-off revision, with the library profile. Records in progress and records that fail verification are not in it; those are named below.",
    note: "Enter writes the file. An existing file is replaced only after you confirm. Esc goes back to the start screen.",
    xlsx: "Excel (.xlsx), a spreadsheet",
    csv: "CSV (.csv), for Excel: semicolons, UTF-8",
    md: "Markdown (.md), one table",
    left_out: "Not in the register:",
    ask_format: "Format of the register: 1. xlsx (Excel)  2. csv  3. md (Markdown). Enter = xlsx.",
    ask_path: "File (Enter =",
    ask_overwrite: "This file already exists. Replace it? (y/n)",
    not_written: "The register was not written.",
};

/// The label of a register format in a form.
pub fn format_label(format: crate::export::register::Format, lang: Lang) -> &'static str {
    use crate::export::register::Format;
    let w = form_words(lang);
    match format {
        Format::Xlsx => w.xlsx,
        Format::Csv => w.csv,
        Format::Md => w.md,
    }
}

/// What was made, a line each: the rows written to `path`, then each record left out and
/// each file that is not a readable record, with why.
pub fn report(made: &crate::app::Registered, path: &str, lang: Lang) -> Vec<String> {
    let mut lines = vec![written(made.rows, path, lang)];
    let out = left_out_lines(made, lang);
    if !out.is_empty() {
        lines.push(form_words(lang).left_out.to_string());
        lines.extend(out.into_iter().map(|l| format!("- {l}")));
    }
    lines
}

/// After a write from a form: how many records or files are not in the register (listed on
/// the form).
pub fn some_left_out(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Nl, 1) => "1 verslag of bestand staat er niet in; zie hieronder".into(),
        (Lang::Nl, n) => format!("{n} verslagen of bestanden staan er niet in; zie hieronder"),
        (Lang::En, 1) => "1 record or file is not in it; see below".into(),
        (Lang::En, n) => format!("{n} records or files are not in it; see below"),
    }
}

/// Each record left out and each file of the store that is not a readable record, with why:
/// a sentence each.
pub fn left_out_lines(made: &crate::app::Registered, lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = made.left_out.iter().map(|l| l.said(lang)).collect();
    out.extend(
        made.unreadable
            .iter()
            .map(|(file, why)| format!("{}: {}", quoted(file), why.said(lang))),
    );
    out
}

/// The spreadsheet is not written to a terminal, where its bytes would be noise.
pub fn xlsx_to_terminal(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => {
            "een xlsx-bestand is geen tekst voor het scherm: geef een bestand op met -o (bijvoorbeeld -o register.xlsx), of leid de uitvoer om"
        }
        Lang::En => {
            "an xlsx file is not text for the screen: name a file with -o (for example -o register.xlsx), or redirect the output"
        }
    }
}

impl LeftOut {
    /// The record left out and why, as one sentence that names it (without the lead-in of
    /// [`left_out`]).
    pub fn said(&self, lang: Lang) -> String {
        match &self.why {
            WhyLeftOut::Unusable(e) => crate::locale::store::said(e, lang),
            WhyLeftOut::ChainLoops { previous } => {
                let (id, previous) = (&self.id, quoted(previous));
                match lang {
                    Lang::Nl => format!(
                        "verslag {id} noemt {previous} als vorige revisie, maar die reeks revisies loopt in een kring terug naar {id}: welke revisie nu geldt, is niet te zeggen. Controleer de verslagen van de reeks met avg-wijzer verify {id}"
                    ),
                    Lang::En => format!(
                        "record {id} names {previous} as its previous revision, but that chain of revisions loops back to {id}: which revision holds now cannot be told. Check the chain's records with avg-wijzer verify {id}"
                    ),
                }
            }
        }
    }
}

/// A record left out of the register, and why (a sentence that names the record).
pub fn left_out(why: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("niet in het register: {why}"),
        Lang::En => format!("not in the register: {why}"),
    }
}

/// What was written, on standard error after a file was written.
pub fn written(rows: usize, path: &str, lang: Lang) -> String {
    let path = crate::json::escape_controls(path);
    match (lang, rows) {
        (Lang::Nl, 1) => format!("1 verwerking in het register geschreven naar {path}"),
        (Lang::Nl, n) => format!("{n} verwerkingen in het register geschreven naar {path}"),
        (Lang::En, 1) => format!("1 register entry written to {path}"),
        (Lang::En, n) => format!("{n} register entries written to {path}"),
    }
}

impl XlsxFailed {
    /// The spreadsheet could not be made, with the library's own words after it.
    pub fn said(&self, lang: Lang) -> String {
        let why = crate::json::escape_controls(&self.0);
        match lang {
            Lang::Nl => format!("het xlsx-bestand kon niet worden gemaakt: {why}"),
            Lang::En => format!("the xlsx file could not be made: {why}"),
        }
    }
}

/// In Dutch, the interface's default language.
impl std::fmt::Display for XlsxFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.said(Lang::Nl))
    }
}
