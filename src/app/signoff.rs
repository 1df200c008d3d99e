//! The FG's sign-off: the policy on when it may be made, signing it with the FG's SSH key, and
//! taking it back when it cannot be signed or saved, so that no front end ever shows a
//! sign-off that is not on disk.
use std::path::Path;

use anyhow::Result;

use super::{Changed, Event, SaveFailure, Saved, Work, Workflow};
use crate::advice::BankRef;
use crate::record::{Decision, Refusal};

/// What the FG fills in.
#[derive(Debug, Clone, Copy)]
pub struct SignOffInput<'a> {
    pub name: &'a str,
    /// `YYYY-MM-DD`.
    pub date: &'a str,
    pub decision: Decision,
    pub remarks: &'a str,
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
        let SignOffInput {
            name,
            date,
            decision,
            remarks,
        } = input;
        // The plan goes into the sign-off following the advice that is signed.
        super::plan::follow_advice(work.assessment_mut(), &now);
        let signed = work
            .assessment_mut()
            .sign_off(name, date, decision, remarks, &now)
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
