//! The campaign as editable data: its name, description and participants may change after the
//! start, each change an event of the history (so a signed-off record changes only as a new
//! revision, made by the workflow as for an answer).
use serde_json::Value;

use super::{Assessment, Campaign, CampaignField, Event, Participant, Refusal};
use crate::bank::{AnswerError, MAX_TEXT};

/// The most participants a record keeps: far more than sit at any workshop, and a bound on
/// what a pasted line can add.
pub const MAX_PARTICIPANTS: usize = 100;

/// The campaign as a person edits it: what the new-assessment form asks, and the list of
/// participants. The organisation is not edited here (it comes from the library's profile).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CampaignEdit {
    pub name: String,
    pub description: String,
    pub participants: Vec<Participant>,
}

impl CampaignEdit {
    /// What the record holds now.
    pub fn of(campaign: &Campaign, participants: &[Participant]) -> CampaignEdit {
        CampaignEdit {
            name: campaign.name.clone(),
            description: campaign.description.clone(),
            participants: participants.to_vec(),
        }
    }

    /// White space around each text is no part of it, and a participant without name or role
    /// is no participant.
    pub fn tidied(&self) -> CampaignEdit {
        CampaignEdit {
            name: self.name.trim().to_string(),
            description: self.description.trim().to_string(),
            participants: self
                .participants
                .iter()
                .map(|p| Participant {
                    name: p.name.trim().to_string(),
                    role: p.role.trim().to_string(),
                })
                .filter(|p| !p.name.is_empty() || !p.role.is_empty())
                .collect(),
        }
    }

    fn check(&self) -> Result<(), Refusal> {
        let too_long = |s: &str| s.chars().count() > MAX_TEXT;
        if too_long(&self.name)
            || too_long(&self.description)
            || self.participants.len() > MAX_PARTICIPANTS
            || self
                .participants
                .iter()
                .any(|p| too_long(&p.name) || too_long(&p.role))
        {
            return Err(Refusal::Answer(AnswerError::TooLong));
        }
        Ok(())
    }
}

fn listed(participants: &[Participant]) -> Value {
    serde_json::to_value(participants).unwrap_or(Value::Null)
}

impl Assessment<'_> {
    /// Changes the campaign's name, description and participants to `edit` (tidied): one
    /// event per part that changed, none when nothing did. Refused on a signed-off record:
    /// make a revision first.
    pub fn set_campaign(&mut self, edit: &CampaignEdit, now: &str) -> Result<(), Refusal> {
        if self.record.is_frozen() {
            return Err(Refusal::Frozen);
        }
        let edit = edit.tidied();
        edit.check()?;
        let before = self.record.history.len();
        let r = &mut self.record;
        for field in CampaignField::ALL {
            let (from, to) = match field {
                CampaignField::Name if r.campaign.name != edit.name => (
                    Value::from(std::mem::replace(&mut r.campaign.name, edit.name.clone())),
                    Value::from(edit.name.clone()),
                ),
                CampaignField::Description if r.campaign.description != edit.description => (
                    Value::from(std::mem::replace(
                        &mut r.campaign.description,
                        edit.description.clone(),
                    )),
                    Value::from(edit.description.clone()),
                ),
                CampaignField::Participants if r.participants != edit.participants => {
                    let from = listed(&r.participants);
                    r.participants = edit.participants.clone();
                    (from, listed(&r.participants))
                }
                _ => continue,
            };
            r.history.push(Event::CampaignChanged {
                at: now.to_string(),
                field,
                from,
                to,
            });
        }
        // The advice carries the campaign's name as its title.
        if self.record.history.len() != before {
            self.refresh(now);
        }
        Ok(())
    }
}
