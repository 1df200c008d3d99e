//! The words of the processing register (`register`): the column headers, the fixed answers the
//! tool gives for every record (where the data comes from, transfers outside the EU), the mark
//! of an item missing from the library's profile, and what the command says around the file.
use crate::export::register::Column;
use crate::export::xlsx::XlsxFailed;
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

/// Where the data of every assessment this tool makes comes from: the tool is about Whooz's
/// Whize segmentation, which libraries get through Envisia.
pub fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => {
            "Whooz (Whize-segmenten en -profielkenmerken, via Envisia); waar gekoppeld ook het eigen gebruikersbestand van de bibliotheek"
        }
        Lang::En => {
            "Whooz (Whize segments and profile attributes, through Envisia); where linked, also the library's own user file"
        }
    }
}

/// Transfers outside the European Economic Area: Whooz and the POI process in the
/// Netherlands.
pub fn transfers(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "Geen",
        Lang::En => "None",
    }
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
