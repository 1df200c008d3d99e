//! Records in words: their status, the FG's decision, a campaign without a name, and why a
//! change to a record was refused.
use std::fmt;

use crate::json::quoted;
use crate::record::{Altered, Decision, Record, Refusal, Status};
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
        }
    }
}

/// In Dutch, the interface's default language.
impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.said(Lang::Nl))
    }
}

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

/// In Dutch, the interface's default language.
impl fmt::Display for Altered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.said(Lang::Nl))
    }
}

/// Why a record could not be opened: an altered record in `lang`, anything else as the layer
/// below said it.
pub fn not_opened(e: &anyhow::Error, lang: Lang) -> String {
    match e.downcast_ref::<Altered>() {
        Some(altered) => altered.said(lang),
        None => format!("{e:#}"),
    }
}
