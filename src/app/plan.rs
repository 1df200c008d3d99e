//! The action plan of a record: changing one item, and the one policy on how the plan follows
//! the advice.
//!
//! A plan change is no change of the assessment: it never makes a revision of a signed-off
//! record, and it leaves the sealed content (and so the fingerprint the FG signed) as it is.
//! Before the sign-off it is simply saved with the record.
use super::{Event, Saved, Work, Workflow};
use crate::record::plan::{Change, FieldChange, PlanError};
use crate::record::{self, Assessment};

/// What a change to the plan did.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanChanged {
    /// The action whose item it was (its id, also when it was named by its number).
    pub action: String,
    /// What changed, from → to; empty when every field given already was so, and then
    /// nothing was written.
    pub changes: Vec<FieldChange>,
    /// A revision made first: an altered record continued knowingly is never written again.
    pub events: Vec<Event>,
    pub saved: Saved,
}

impl<'b> Workflow<'b> {
    /// Today in Dutch local time (`YYYY-MM-DD`) by the workflow's clock: the day a plan's
    /// progress and due dates are measured by.
    pub fn today(&self) -> String {
        record::time::local_date(&self.now())
    }

    /// Changes the plan item of `action` (its id, or its number in [`Work::plan`]) as `change`
    /// says, and saves it: on a signed-off record only the plan is written into its file, so
    /// the fingerprint and the FG's signature stay as they are; before the sign-off it is
    /// saved with the record. An altered record continued knowingly goes on as a new revision
    /// first, as with any change. Refused (nothing changed) for an unknown action, a
    /// `not_applicable` without a reason, a date that is not a date, or a text too long or
    /// holding control characters.
    pub fn plan(
        &self,
        work: &mut Work<'b>,
        action: &str,
        change: &Change,
    ) -> Result<PlanChanged, PlanError> {
        let now = self.now();
        if work.plan_actions().is_none() {
            return Err(PlanError::NoAdvice);
        }
        let view = work.plan();
        let action = view
            .find(action)
            .map(|l| l.action.clone())
            .ok_or_else(|| PlanError::UnknownAction(action.trim().to_string()))?;
        let unchanged = |action: String, events| PlanChanged {
            action,
            changes: Vec::new(),
            events,
            saved: Saved::Unchanged,
        };
        let mut events = Vec::new();
        if work.is_altered() {
            let mut revision = work.revision(self.new_id(&now), &now);
            follow_advice(&mut revision, &now);
            let actions = revision
                .record
                .actions()
                .ok_or(PlanError::NoAdvice)?
                .to_vec();
            let changes = revision
                .record
                .plan
                .apply(&actions, &action, change, &now)?;
            if changes.is_empty() {
                return Ok(unchanged(action, events));
            }
            events.push(Event::Revised {
                from: work.record().id.clone(),
                to: revision.record.id.clone(),
                altered: true,
            });
            work.revised(revision);
            let saved = self.save(work);
            return Ok(PlanChanged {
                action,
                changes,
                events,
                saved,
            });
        }
        let actions = work.plan_actions().unwrap_or_default().to_vec();
        let plan = &mut work.assessment_mut().record.plan;
        let changes = plan.apply(&actions, &action, change, &now)?;
        if changes.is_empty() {
            return Ok(unchanged(action, events));
        }
        let saved = if work.record().is_frozen() && work.is_on_disk() {
            self.save_plan(work)
        } else {
            self.save(work)
        };
        Ok(PlanChanged {
            action,
            changes,
            events,
            saved,
        })
    }

    /// Writes only the plan into the record's file.
    fn save_plan(&self, work: &mut Work<'b>) -> Saved {
        let Some(store) = &self.store else {
            return Saved::NoStore;
        };
        let result = store.save_plan(&mut work.assessment_mut().record);
        self.saved(work, result)
    }
}

/// The policy on the plan and the advice, called wherever the advice may change (an answer,
/// a revision, opening with another bank, a sign-off): the plan follows the advice of a record
/// being worked on — an item whose action the advice no longer contains is kept, marked no
/// longer needed, and a new action gets an open item. A signed-off record's plan follows the
/// advice that was signed, which does not change; without advice (a path not complete yet)
/// the plan stays as it was until there is advice again.
pub(super) fn follow_advice(a: &mut Assessment, now: &str) {
    if a.record.is_frozen() {
        return;
    }
    if let Some(outcome) = &a.record.outcome {
        a.record.plan.follow(&outcome.actions, now);
    }
}
