//! The campaign edited after the start (its name, description and participants), from the
//! questionnaire or the review, in every front end: one verb, under the one policy for changes
//! (a signed-off record changes as a new revision; the same campaign again changes nothing).
use super::{Changed, Work, Workflow};
use crate::record::{CampaignEdit, Refusal};

impl<'b> Workflow<'b> {
    /// Changes the campaign of `work` to `edit`: each part that differs is an event of the
    /// history, saved at once.
    pub fn campaign(&self, work: &mut Work<'b>, edit: &CampaignEdit) -> Result<Changed, Refusal> {
        self.change(work, |a, now| a.set_campaign(edit, now))
    }
}
