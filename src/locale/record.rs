//! Records in words: their status, the FG's decision, a campaign without a name, and why a
//! change to a record was refused.

use crate::json::quoted;
use crate::record::{
    Altered, BadJson, Decision, FORMAT, Malformed, Record, Refusal, Status, Unreadable, VERSION,
};
use crate::text::Lang;

impl Status {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Status::InProgress, Lang::Nl) => "bezig",
            (Status::Completed, Lang::Nl) => "afgerond",
            (Status::SignedOff, Lang::Nl) => "afgetekend",
            (Status::InProgress, Lang::En) => "in progress",
            (Status::Completed, Lang::En) => "completed",
            (Status::SignedOff, Lang::En) => "signed off",
        }
    }
}

impl Decision {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Decision::Approved, Lang::Nl) => "goedgekeurd",
            (Decision::ApprovedWithConditions, Lang::Nl) => "goedgekeurd met voorwaarden",
            (Decision::Rejected, Lang::Nl) => "afgekeurd",
            (Decision::Approved, Lang::En) => "approved",
            (Decision::ApprovedWithConditions, Lang::En) => "approved with conditions",
            (Decision::Rejected, Lang::En) => "rejected",
        }
    }
}

/// The stand-in for a campaign without a name.
pub fn untitled(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "(zonder naam)",
        Lang::En => "(no name)",
    }
}

impl Record {
    /// The campaign's name, or a stand-in for messages and lists.
    pub fn title(&self, lang: Lang) -> &str {
        match self.campaign.name.trim() {
            "" => untitled(lang),
            _ => &self.campaign.name,
        }
    }
}

impl Refusal {
    /// Why the change was refused, in `lang`.
    pub fn said(&self, lang: Lang) -> String {
        match (self, lang) {
            (Refusal::Frozen, Lang::Nl) => {
                "dit verslag is afgetekend en staat vast; een wijziging wordt een nieuwe revisie"
                    .into()
            }
            (Refusal::Frozen, Lang::En) => {
                "this record is signed off and frozen; a change becomes a new revision".into()
            }
            (Refusal::Answer(e), _) => e.said(lang),
            (Refusal::UnknownQuestion(q), Lang::Nl) => format!("onbekende vraag {}", quoted(q)),
            (Refusal::UnknownQuestion(q), Lang::En) => format!("unknown question {}", quoted(q)),
            (Refusal::NoJustification(q), Lang::Nl) => {
                format!("vraag {} vraagt niet om een toelichting", quoted(q))
            }
            (Refusal::NoJustification(q), Lang::En) => {
                format!("question {} does not ask for a justification", quoted(q))
            }
            (Refusal::Incomplete, Lang::Nl) => {
                "nog niet alle vragen zijn beantwoord; aftekenen kan pas bij een advies".into()
            }
            (Refusal::Incomplete, Lang::En) => {
                "not every question is answered yet; a sign-off needs advice".into()
            }
            (Refusal::NoName, Lang::Nl) => "de naam van de FG ontbreekt".into(),
            (Refusal::NoName, Lang::En) => "the FG's name is missing".into(),
            (Refusal::BadDate(d), Lang::Nl) => {
                format!("{} is geen datum als 2026-11-23", quoted(d))
            }
            (Refusal::BadDate(d), Lang::En) => {
                format!("{} is not a date like 2026-11-23", quoted(d))
            }
            (Refusal::NoDecision, Lang::Nl) => "kies een besluit".into(),
            (Refusal::NoDecision, Lang::En) => "choose a decision".into(),
            (Refusal::NoRole, Lang::Nl) => "de rol van de FG ontbreekt".into(),
            (Refusal::NoRole, Lang::En) => "the FG's role is missing".into(),
            (Refusal::NoConditions, Lang::Nl) => {
                "bij goedgekeurd met voorwaarden horen de voorwaarden: vul ze in".into()
            }
            (Refusal::NoConditions, Lang::En) => {
                "approved with conditions needs the conditions: fill them in".into()
            }
            (Refusal::NoSignerName(n), Lang::Nl) => {
                format!("de naam van ondertekenaar {n} ontbreekt")
            }
            (Refusal::NoSignerName(n), Lang::En) => format!("the name of signer {n} is missing"),
            (Refusal::NoSignerRole(n), Lang::Nl) => {
                format!("de rol van ondertekenaar {n} ontbreekt")
            }
            (Refusal::NoSignerRole(n), Lang::En) => format!("the role of signer {n} is missing"),
        }
    }
}

dutch_display!(Refusal);

impl Altered {
    /// Why the record is refused, and what the user can do, in `lang`.
    pub fn said(&self, lang: Lang) -> String {
        let (id, parts) = (&self.id, self.parts.join(", "));
        match lang {
            Lang::Nl => format!(
                "verslag {id} is na het opslaan gewijzigd ({parts}): niet voort te zetten, af te tekenen of te exporteren. Controleer het met avg-wijzer verify {id}; --accept-altered zet het voort als nieuwe revisie die dat vermeldt"
            ),
            Lang::En => format!(
                "record {id} was altered after it was saved ({parts}): it cannot be continued, signed off or exported. Check it with avg-wijzer verify {id}; --accept-altered continues it as a new revision that says so"
            ),
        }
    }
}

dutch_display!(Altered);

impl Unreadable {
    /// Why a record file cannot be read, in `lang`.
    pub fn said(&self, lang: Lang) -> String {
        match (self, lang) {
            (Unreadable::Empty, Lang::Nl) => "het bestand is leeg".into(),
            (Unreadable::Empty, Lang::En) => "the file is empty".into(),
            (
                Unreadable::Json(BadJson {
                    line,
                    column,
                    problem,
                }),
                Lang::Nl,
            ) => format!(
                "geen geldige JSON: regel {line} kolom {column}: {}",
                problem.said(lang)
            ),
            (
                Unreadable::Json(BadJson {
                    line,
                    column,
                    problem,
                }),
                Lang::En,
            ) => format!(
                "not valid JSON: line {line} column {column}: {}",
                problem.said(lang)
            ),
            (Unreadable::Foreign, Lang::Nl) => {
                format!("geen verslag van AVG-wijzer (\"format\" is niet \"{FORMAT}\")")
            }
            (Unreadable::Foreign, Lang::En) => {
                format!("not an AVG-wijzer record (\"format\" is not \"{FORMAT}\")")
            }
            (Unreadable::Future(v), Lang::Nl) => format!(
                "gemaakt met formaatversie {v}, nieuwer dan deze versie van AVG-wijzer kan lezen ({VERSION}); werk AVG-wijzer bij"
            ),
            (Unreadable::Future(v), Lang::En) => format!(
                "made with format version {v}, newer than this version of AVG-wijzer can read ({VERSION}); update AVG-wijzer"
            ),
            (Unreadable::NoVersion, Lang::Nl) => {
                "\"format_version\" ontbreekt of is geen geheel getal".into()
            }
            (Unreadable::NoVersion, Lang::En) => {
                "\"format_version\" is missing or not a whole number".into()
            }
            (Unreadable::Invalid(e), Lang::Nl) => {
                format!("de inhoud klopt niet met het formaat: {}", e.said(lang))
            }
            (Unreadable::Invalid(e), Lang::En) => {
                format!("the content does not match the format: {}", e.said(lang))
            }
            (Unreadable::Renamed { id }, Lang::Nl) => format!(
                "de inhoud klopt niet met het formaat: \"id\" is {}, maar een verslag staat in het bestand met zijn id als naam ({id}.json); het is een kopie of hernoemd",
                quoted(id)
            ),
            (Unreadable::Renamed { id }, Lang::En) => format!(
                "the content does not match the format: \"id\" is {}, but a record is kept in the file named by its id ({id}.json); this is a copy or renamed",
                quoted(id)
            ),
        }
    }
}

impl Malformed {
    /// How the content does not fit the format, in `lang`.
    pub fn said(&self, lang: Lang) -> String {
        match (self, lang) {
            (Malformed::Format(e), _) => e.clone(),
            (Malformed::UnknownVersion(v), Lang::Nl) => format!("onbekende formaatversie {v}"),
            (Malformed::UnknownVersion(v), Lang::En) => format!("unknown format version {v}"),
            (Malformed::TooDeep { question, most }, Lang::Nl) => {
                format!("answers.{question}.value: dieper genest dan {most} niveaus")
            }
            (Malformed::TooDeep { question, most }, Lang::En) => {
                format!("answers.{question}.value: nested deeper than {most} levels")
            }
            (Malformed::NotAnId { field, shown, most }, Lang::Nl) => format!(
                "{field}: {shown} is geen verslag-id (alleen letters, cijfers, - en _, hoogstens {most})"
            ),
            (Malformed::NotAnId { field, shown, most }, Lang::En) => format!(
                "{field}: {shown} is not a record id (only letters, digits, - and _, at most {most})"
            ),
        }
    }
}

dutch_display!(Unreadable);

/// The FG's role, as a sign-off's first signer has it unless it is changed.
pub fn fg_role(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "functionaris gegevensbescherming (FG)",
        Lang::En => "data protection officer (FG)",
    }
}
