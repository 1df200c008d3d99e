//! A record being worked on, with what the workflow must know about it beyond the record: how
//! the next change is made, whether it is on disk, and whether a changed bank's advice was
//! shown.
use crate::advice::ActionView;
use crate::engine::Session;
use crate::record::plan::PlanView;
use crate::record::{Assessment, Record, Unverified};

pub struct Work<'b> {
    assessment: Assessment<'b>,
    /// What verification found, when the record failed it and is continued knowingly: it is
    /// never written again, and its next change makes a new revision whose history says so.
    altered: Option<Unverified>,
    /// Whether the record has a file of its own: not before a new record's first save
    /// succeeded, nor before a revision's.
    on_disk: bool,
    /// Changes in memory that are not on disk (a save failed).
    unsaved: bool,
    /// The record was opened with another bank than it was made with, and the advice of the
    /// current bank has not been shown since.
    bank_change_unseen: bool,
    /// The actions of the advice the FG signed, for a signed-off record opened to work on:
    /// opening gives it the advice of the current bank, but its plan follows what was signed.
    signed_actions: Option<Vec<ActionView>>,
}

impl<'b> Work<'b> {
    pub(super) fn new(a: Assessment<'b>, altered: Option<Unverified>, on_disk: bool) -> Work<'b> {
        Work {
            assessment: a,
            altered,
            on_disk,
            unsaved: false,
            bank_change_unseen: false,
            signed_actions: None,
        }
    }

    /// Keeps the actions of the signed advice, before opening replaces the advice.
    pub(super) fn signed(mut self, actions: Option<Vec<ActionView>>) -> Work<'b> {
        self.signed_actions = actions;
        self
    }

    /// The actions the plan follows: those of the advice that was signed, for a signed-off
    /// record; else those of the advice as it is now (`None` while there is none).
    pub fn plan_actions(&self) -> Option<&[ActionView]> {
        match (&self.signed_actions, self.record().is_frozen()) {
            (Some(signed), true) => Some(signed),
            _ => self.record().actions(),
        }
    }

    /// The action plan as the front ends show it, numbered (empty without advice); its
    /// progress on a day is [`PlanView::progress`], the day from [`super::Workflow::today`].
    pub fn plan(&self) -> PlanView {
        self.plan_actions()
            .map(|a| self.record().plan.view(a))
            .unwrap_or_default()
    }

    /// An assessment made in memory and not (yet) in a store: what a screen draws in tests,
    /// or a session without a store.
    pub fn unsaved(a: Assessment<'b>) -> Work<'b> {
        Work::new(a, None, false)
    }

    pub(super) fn bank_changed(mut self, changed: bool) -> Work<'b> {
        self.bank_change_unseen = changed;
        self
    }

    pub fn record(&self) -> &Record {
        &self.assessment.record
    }

    pub fn session(&self) -> &Session {
        &self.assessment.session
    }

    pub fn assessment(&self) -> &Assessment<'b> {
        &self.assessment
    }

    pub(super) fn assessment_mut(&mut self) -> &mut Assessment<'b> {
        &mut self.assessment
    }

    /// Whether the next change makes a new revision: the record is signed off (also when it
    /// was signed in this session), or it is an altered one continued knowingly.
    pub fn must_revise(&self) -> bool {
        self.assessment.record.is_frozen() || self.altered.is_some()
    }

    /// Whether the record failed verification and is continued knowingly.
    pub fn is_altered(&self) -> bool {
        self.altered.is_some()
    }

    /// Whether changes made in memory did not reach the disk.
    pub fn is_unsaved(&self) -> bool {
        self.unsaved
    }

    /// Whether the record has a file of its own in the store.
    pub fn is_on_disk(&self) -> bool {
        self.on_disk
    }

    /// The front end showed the advice (of the current bank): from now on it may be signed.
    pub fn shown(&mut self) {
        self.bank_change_unseen = false;
    }

    /// The sign-off policy on a changed bank: the FG signs the advice that was shown, so after
    /// a bank change the advice of the current bank must have been shown first. The same rule
    /// in every front end: the full-screen interface and the plain mode show it before they
    /// offer a sign-off; the command line never shows it, and refuses.
    pub fn may_sign_off(&self) -> bool {
        !self.bank_change_unseen
    }

    /// The record continued as a new revision with the id `id`, not yet kept.
    pub(super) fn revision(&self, id: String, now: &str) -> Assessment<'b> {
        self.assessment.revise(id, now, self.altered.as_ref())
    }

    /// Goes on with `revision` (made by [`Work::revision`]) in place of the record.
    pub(super) fn revised(&mut self, revision: Assessment<'b>) {
        self.assessment = revision;
        self.altered = None;
        self.on_disk = false;
        self.signed_actions = None;
    }

    pub(super) fn written(&mut self) {
        self.on_disk = true;
        self.unsaved = false;
    }

    pub(super) fn not_written(&mut self) {
        self.unsaved = true;
    }

    /// Puts back the record as it was before a change that is taken back (a sign-off that
    /// could not be signed or saved).
    pub(super) fn restore(&mut self, before: Snapshot<'b>) {
        *self = before.0;
    }

    pub(super) fn snapshot(&self) -> Snapshot<'b> {
        Snapshot(Work {
            assessment: self.assessment.clone(),
            altered: self.altered.clone(),
            signed_actions: self.signed_actions.clone(),
            ..*self
        })
    }
}

/// The whole work as it was, to put back.
pub(super) struct Snapshot<'b>(Work<'b>);
