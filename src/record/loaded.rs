//! A record as read from a file, and whether it may be trusted: the tool never writes on top
//! of, signs or exports a record that fails any check `verify` makes on the file alone.

use serde_json::Value;

use super::audit::AdviceCheck;
use super::integrity::{self, Verification};
use super::{Record, Unreadable, fingerprint_of, from_value, plan, signature};
use crate::bank::Bank;

/// A record as read from a file, with what verifying it found.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub record: Record,
    /// `None` when the record holds.
    pub unverified: Option<Unverified>,
}

/// What is known of a record that failed verification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unverified {
    /// The parts that do not hold: those that no longer match their hash (`integrity` when the
    /// block itself was changed or is missing), `history` for a broken hash chain, `signature`
    /// for a signature that does not sign this record's sign-off, `outcome` for advice that
    /// does not follow from the answers, `plan` for an action plan that does not match its own
    /// seal.
    pub parts: Vec<String>,
    /// The fingerprint of the content as it is, which a revision continuing it names.
    pub fingerprint: String,
}

impl Loaded {
    /// The record in `value`, the file's JSON (before migration), checked as `verify` checks a
    /// file on its own: the integrity hash, the history's hash chain, the FG's signature
    /// against the key it names, and the action plan's own seal. The checks are made on the
    /// JSON before it becomes the record, which then takes the JSON over without a copy.
    pub fn read(value: Value) -> Result<Loaded, Unreadable> {
        let (mut parts, plan_altered, fingerprint) = file_checks(&value);
        let record = from_value(value)?;
        if !signature_holds(&record, &fingerprint) {
            parts.push("signature".into());
        }
        if plan_altered {
            parts.push("plan".into());
        }
        let unverified = (!parts.is_empty()).then_some(Unverified { parts, fingerprint });
        Ok(Loaded { record, unverified })
    }

    /// Also checks that the stored advice follows from the stored answers, when `bank` is the
    /// bank the record was made with.
    fn check_advice(mut self, bank: &Bank) -> Loaded {
        if super::audit::advice_check(bank, &self.record) == AdviceCheck::Differs {
            let u = self.unverified.get_or_insert_with(|| Unverified {
                parts: Vec::new(),
                fingerprint: self.record.integrity.hash.clone(),
            });
            u.parts.push("outcome".into());
        }
        self
    }

    /// The record to work on (resume, revise, sign off). A record that failed verification is
    /// refused, so the tool never seals altered content as if it were intact; unless the user
    /// accepts it, and then what is known of it comes along so that the work continues in a
    /// new revision whose history says its parent failed verification.
    pub fn admit(
        self,
        accept_altered: bool,
        bank: &Bank,
    ) -> Result<(Record, Option<Unverified>), Altered> {
        match self.check_advice(bank) {
            Loaded {
                record,
                unverified: Some(u),
            } if !accept_altered => Err(Altered {
                id: record.id,
                parts: u.parts,
            }),
            Loaded { record, unverified } => Ok((record, unverified)),
        }
    }

    /// The record to export for the register: only one that holds.
    pub fn intact(self, bank: &Bank) -> Result<Record, Altered> {
        self.admit(false, bank).map(|(r, _)| r)
    }
}

/// Whether the record's signature, if it has one, is the FG's signature over this record's
/// sign-off: made over this fingerprint with the key it names. Whose key that is, only the
/// register keeper's allowed_signers can tell (`verify --allowed-signers`).
/// The parts of a record's JSON that fail a check `verify` makes (the signature aside, which
/// is checked on the record), whether the action plan fails its own seal, and the fingerprint
/// of the content as it is.
fn file_checks(value: &Value) -> (Vec<String>, bool, String) {
    let verification = integrity::verify_value(value);
    // An intact record's fingerprint is the hash it stores (verifying just computed the
    // same): sealing the content a second time would double the cost of every read, which
    // a register over thousands of records feels.
    let stored = value
        .get("integrity")
        .and_then(|i| i.get("hash"))
        .and_then(Value::as_str);
    let fingerprint = match (&verification, stored) {
        (Verification::Intact, Some(hash)) => hash.to_string(),
        _ => fingerprint_of(value),
    };
    let mut parts = match verification {
        Verification::Intact => Vec::new(),
        Verification::Altered { parts } if !parts.is_empty() => parts,
        Verification::Altered { .. } | Verification::Unsealed => vec!["integrity".into()],
    };
    // Format 1 had no chain.
    let chained = value.get("format_version").and_then(Value::as_u64) != Some(1);
    if chained && integrity::broken_link(value).is_some() && !parts.iter().any(|p| p == "history") {
        parts.push("history".into());
    }
    (parts, plan::verify_plan(value).is_altered(), fingerprint)
}

fn signature_holds(record: &Record, fingerprint: &str) -> bool {
    let Some(sig) = &record.signature else {
        return true;
    };
    record.signoff.is_some()
        && signature::verify(
            sig,
            fingerprint.as_bytes(),
            &format!("* {}", sig.public_key),
            signature::VerifyTime::utc(0),
        )
        .is_ok()
}

/// A record whose content no longer matches its integrity hash, or fails another check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Altered {
    pub id: String,
    pub parts: Vec<String>,
}

impl std::error::Error for Altered {}
