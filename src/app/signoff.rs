//! The FG's sign-off: the policy on when it may be made, signing it with the FG's SSH key, and
//! taking it back when it cannot be signed or saved, so that no front end ever shows a
//! sign-off that is not on disk.
use std::path::Path;

use anyhow::Result;

use super::{Changed, Event, SaveFailure, Saved, Work, Workflow};
use crate::advice::BankRef;
use crate::record::{Decision, Refusal, SignOff, Signer};

/// What the FG fills in, checked: see [`SignOffDraft::check`].
#[derive(Debug, Clone, Copy)]
pub struct SignOffInput<'a> {
    /// The first signer, the FG.
    pub name: &'a str,
    /// The FG's role; the fronts offer [`crate::locale::record::fg_role`].
    pub role: &'a str,
    /// `YYYY-MM-DD`.
    pub date: &'a str,
    pub decision: Decision,
    /// Required for [`Decision::ApprovedWithConditions`], and kept only for it.
    pub conditions: &'a str,
    pub remarks: &'a str,
    /// Who signs besides the FG, each with a name and a role.
    pub also: &'a [Signer],
}

/// The sign-off as it is being filled in: the decision may not be chosen yet (no front
/// chooses it for the FG).
#[derive(Debug, Clone, Copy)]
pub struct SignOffDraft<'a> {
    pub name: &'a str,
    pub role: &'a str,
    pub date: &'a str,
    pub decision: Option<Decision>,
    pub conditions: &'a str,
    pub remarks: &'a str,
    pub also: &'a [Signer],
}

/// A field of the sign-off, to say which one a refusal is about (and to put the focus there).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignOffField {
    Name,
    Role,
    Date,
    Decision,
    Conditions,
    /// The name of further signer `i` (an index into `also`).
    SignerName(usize),
    SignerRole(usize),
}

/// Checks one field as it is typed, so a front asks again for that field alone. `decision` is
/// the one chosen so far (the conditions are asked for one decision only).
pub fn check_field(
    field: SignOffField,
    text: &str,
    decision: Option<Decision>,
) -> Result<(), Refusal> {
    let empty = text.trim().is_empty();
    match field {
        SignOffField::Name if empty => Err(Refusal::NoName),
        SignOffField::Role if empty => Err(Refusal::NoRole),
        SignOffField::Date if !crate::record::time::is_date(text.trim()) => {
            Err(Refusal::BadDate(text.trim().to_string()))
        }
        SignOffField::Decision if decision.is_none() => Err(Refusal::NoDecision),
        SignOffField::Conditions if empty && decision == Some(Decision::ApprovedWithConditions) => {
            Err(Refusal::NoConditions)
        }
        // Signers are counted from the FG, who is the first.
        SignOffField::SignerName(i) if empty => Err(Refusal::NoSignerName(i + 2)),
        SignOffField::SignerRole(i) if empty => Err(Refusal::NoSignerRole(i + 2)),
        _ => Ok(()),
    }
}

impl<'a> SignOffDraft<'a> {
    /// The sign-off to make, or the first field (in the form's order) that is missing or
    /// wrong, with why.
    pub fn check(&self) -> Result<SignOffInput<'a>, (SignOffField, Refusal)> {
        use SignOffField as F;
        let fields = [
            (F::Name, self.name),
            (F::Role, self.role),
            (F::Date, self.date),
            (F::Decision, ""),
            (F::Conditions, self.conditions),
        ];
        let further = self.also.iter().enumerate().flat_map(|(i, s)| {
            [
                (F::SignerName(i), s.name.as_str()),
                (F::SignerRole(i), s.role.as_str()),
            ]
        });
        for (field, text) in fields.into_iter().chain(further) {
            check_field(field, text, self.decision).map_err(|e| (field, e))?;
        }
        let decision = self.decision.ok_or((F::Decision, Refusal::NoDecision))?;
        Ok(SignOffInput {
            name: self.name.trim(),
            role: self.role.trim(),
            date: self.date.trim(),
            decision,
            conditions: self.conditions.trim(),
            remarks: self.remarks.trim(),
            also: self.also,
        })
    }
}

impl SignOffInput<'_> {
    /// The input as a draft, to check it as a form's is checked.
    fn draft(&self) -> SignOffDraft<'_> {
        SignOffDraft {
            name: self.name,
            role: self.role,
            date: self.date,
            decision: Some(self.decision),
            conditions: self.conditions,
            remarks: self.remarks,
            also: self.also,
        }
    }
}

/// Why a sign-off was not made. Nothing changed, in memory or on disk.
#[derive(Debug)]
pub enum SignOffError {
    /// Signed off already, not yet complete, or a name or date missing.
    Refused(Refusal),
    /// The bank changed since the record was saved, and its advice with the current bank has
    /// not been shown: the FG would sign advice nobody looked at.
    BankChangedUnseen { id: String, from: BankRef },
    /// Signing with the key failed (the file, the passphrase).
    Key(anyhow::Error),
    /// The sign-off could not be saved.
    NotSaved(SaveFailure),
}

impl<'b> Workflow<'b> {
    /// Signs the record off; with `key`, signed with the FG's SSH key (a protected key's
    /// passphrase comes from `passphrase`, asked only then). An altered record continued
    /// knowingly is signed in a new revision that says so.
    pub fn sign_off(
        &self,
        work: &mut Work<'b>,
        input: SignOffInput,
        key: Option<&Path>,
        passphrase: impl FnOnce(&str) -> Result<String>,
    ) -> Result<Changed, SignOffError> {
        if !work.may_sign_off() {
            return Err(SignOffError::BankChangedUnseen {
                id: work.record().id.clone(),
                from: self.saved_bank(work),
            });
        }
        if work.record().is_frozen() {
            return Err(SignOffError::Refused(Refusal::Frozen));
        }
        // Checked here too, for the command line and any front that did not check first.
        let input = input
            .draft()
            .check()
            .map_err(|(_, e)| SignOffError::Refused(e))?;
        let before = work.snapshot();
        let now = self.now();
        let mut events = Vec::new();
        if work.must_revise() {
            let revision = work.revision(self.new_id(&now), &now);
            events.push(Event::Revised {
                from: work.record().id.clone(),
                to: revision.record.id.clone(),
                altered: work.is_altered(),
            });
            work.revised(revision);
        }
        // The plan goes into the sign-off following the advice that is signed.
        super::plan::follow_advice(work.assessment_mut(), &now);
        let trimmed = |s: &Signer| Signer {
            name: s.name.trim().to_string(),
            role: s.role.trim().to_string(),
        };
        let signoff = SignOff {
            name: input.name.to_string(),
            role: input.role.to_string(),
            date: input.date.to_string(),
            decision: input.decision,
            // Conditions belong to a conditional approval only.
            conditions: match input.decision {
                Decision::ApprovedWithConditions => input.conditions.to_string(),
                _ => String::new(),
            },
            remarks: input.remarks.to_string(),
            also: input.also.iter().map(trimmed).collect(),
            at: now.clone(),
        };
        let signed = work
            .assessment_mut()
            .sign_off_as(signoff)
            .map_err(SignOffError::Refused)
            .and_then(|()| match key {
                None => Ok(()),
                Some(key) => {
                    crate::keyfile::sign(&mut work.assessment_mut().record, key, passphrase)
                        .map_err(SignOffError::Key)
                }
            });
        if let Err(e) = signed {
            work.restore(before);
            return Err(e);
        }
        match self.save(work) {
            Saved::Failed(why) => {
                work.restore(before);
                Err(SignOffError::NotSaved(why))
            }
            saved => Ok(Changed { events, saved }),
        }
    }

    /// The bank the record was last saved with: what its history says it changed from when
    /// it was opened.
    fn saved_bank(&self, work: &Work) -> BankRef {
        work.record()
            .history
            .iter()
            .rev()
            .find_map(|e| match e {
                crate::record::Event::BankChanged { from, .. } => Some(from.clone()),
                _ => None,
            })
            .unwrap_or_else(|| work.record().bank.clone())
    }
}
