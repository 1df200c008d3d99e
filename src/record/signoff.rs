//! The sign-off itself: who signed, in which role, on which date, with which decision and,
//! for "approved with conditions", which conditions. Every field added after format 3 is left
//! out while empty, so an older sign-off keeps its bytes and the record its seal.
use serde::{Deserialize, Serialize};

use super::Decision;

/// The privacy officer's (FG's) sign-off. After it the record is frozen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignOff {
    /// The first signer: the FG.
    pub name: String,
    /// The first signer's role ("functionaris gegevensbescherming (FG)"); empty in records
    /// signed before roles were asked.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// The date the FG gives (YYYY-MM-DD), which may differ from when it was recorded.
    pub date: String,
    pub decision: Decision,
    /// What the approval depends on, for [`Decision::ApprovedWithConditions`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub conditions: String,
    pub remarks: String,
    /// Who signed besides the FG (the director, say), each with their role.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Signer>,
    pub at: String,
}

/// Someone who signs, and in which role.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signer {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
}

impl Signer {
    /// Signers as one line: each [`Signer::shown`], separated by "; ".
    pub fn line(signers: impl Iterator<Item = Signer>) -> String {
        signers.map(|s| s.shown()).collect::<Vec<_>>().join("; ")
    }

    /// "Fatima de Vries, functionaris gegevensbescherming (FG)", or the name alone without a
    /// role (a role may hold brackets of its own).
    pub fn shown(&self) -> String {
        match self.role.is_empty() {
            true => self.name.clone(),
            false => format!("{}, {}", self.name, self.role),
        }
    }
}

impl SignOff {
    /// Every signer in order, the FG first.
    pub fn signers(&self) -> impl Iterator<Item = Signer> + '_ {
        std::iter::once(Signer {
            name: self.name.clone(),
            role: self.role.clone(),
        })
        .chain(self.also.iter().cloned())
    }

    /// Every signer with their role, as one line: "Fatima de Vries, FG; Jan Smit, directeur".
    pub fn signed_by(&self) -> String {
        Signer::line(self.signers())
    }

    /// The decision in `lang`, with the conditions it carries: "goedgekeurd met voorwaarden:
    /// …".
    pub fn decision_said(&self, lang: crate::text::Lang) -> String {
        match self.conditions.is_empty() {
            true => self.decision.label(lang).to_string(),
            false => format!("{}: {}", self.decision.label(lang), self.conditions),
        }
    }
}
