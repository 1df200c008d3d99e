//! The form of one item of the action plan, opened over the advice on the action under the
//! cursor: the owner (a participant of the record, or any name), the due date, the status,
//! the reason when the action does not apply, and a note of evidence.
use crate::app::PlanChange;
use crate::record::plan::{Item, ItemStatus, Line, PlanError, Text};
use crate::text::Lang;

use super::TextField;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanField {
    Owner,
    Due,
    Status,
    Reason,
    Note,
}

impl PlanField {
    pub const ALL: [PlanField; 5] = [
        PlanField::Owner,
        PlanField::Due,
        PlanField::Status,
        PlanField::Reason,
        PlanField::Note,
    ];
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanForm {
    /// The action's id, which the change names.
    pub action: String,
    /// Its number in the plan and its title, as the form's heading shows them.
    pub number: usize,
    pub title: String,
    /// The item as it was when the form opened: what leaving compares with.
    pub from: Item,
    pub owner: TextField,
    pub due: TextField,
    pub status: ItemStatus,
    pub reason: TextField,
    pub note: TextField,
    pub focus: PlanField,
    /// The record's participants, offered as owners.
    pub participants: Vec<String>,
    /// Whether the record is signed off: the form says the sign-off stands.
    pub signed: bool,
    /// Why the last try to save was refused, in the interface's language.
    pub refused: Option<String>,
}

impl PlanForm {
    pub fn new(line: &Line, participants: Vec<String>, signed: bool, lang: Lang) -> PlanForm {
        let item = &line.item;
        PlanForm {
            action: line.action.clone(),
            number: line.number,
            title: line.title.clone(),
            from: item.clone(),
            owner: TextField::with_text(&item.owner, lang),
            due: TextField::with_text(item.due.as_deref().unwrap_or(""), lang),
            status: item.status,
            reason: TextField::with_text(&item.reason, lang),
            note: TextField::with_text(&item.note, lang),
            focus: PlanField::Owner,
            participants,
            signed,
            refused: None,
        }
    }

    /// The text field under the cursor; none on the status, which is chosen.
    pub fn field_mut(&mut self) -> Option<&mut TextField> {
        match self.focus {
            PlanField::Owner => Some(&mut self.owner),
            PlanField::Due => Some(&mut self.due),
            PlanField::Reason => Some(&mut self.reason),
            PlanField::Note => Some(&mut self.note),
            PlanField::Status => None,
        }
    }

    /// The next (`by` 1) or previous status.
    pub fn cycle_status(&mut self, by: isize) {
        let all = ItemStatus::ALL;
        let i = all.iter().position(|&s| s == self.status).unwrap_or(0) as isize;
        self.status = all[(i + by).rem_euclid(all.len() as isize) as usize];
    }

    /// The owner becomes the participant after the one it is (the first when it is none).
    pub fn choose_owner(&mut self, lang: Lang) {
        if self.participants.is_empty() {
            return;
        }
        let now = self.owner.text.trim();
        let next = match self.participants.iter().position(|p| p == now) {
            Some(i) => (i + 1) % self.participants.len(),
            None => 0,
        };
        let name = self.participants[next].clone();
        self.owner.set(&name, lang);
    }

    /// The change the form holds: every field, the reason only with "not applicable" (the
    /// item's reason goes with that status).
    pub fn change(&self) -> PlanChange {
        PlanChange {
            owner: Some(self.owner.text.clone()),
            due: Some(self.due.text.clone()),
            status: Some(self.status),
            reason: (self.status == ItemStatus::NotApplicable).then(|| self.reason.text.clone()),
            note: Some(self.note.text.clone()),
            by: None,
        }
    }

    /// Whether leaving would lose what was typed or chosen.
    pub fn is_changed(&self) -> bool {
        let f = &self.from;
        self.owner.text.trim() != f.owner
            || self.due.text.trim() != f.due.as_deref().unwrap_or("")
            || self.status != f.status
            || (self.status == ItemStatus::NotApplicable && self.reason.text.trim() != f.reason)
            || self.note.text.trim() != f.note
    }

    /// The field a refusal is about, to put the cursor there.
    pub fn field_of(e: &PlanError) -> Option<PlanField> {
        match e {
            PlanError::BadDate(_) => Some(PlanField::Due),
            PlanError::NoReason => Some(PlanField::Reason),
            PlanError::ReasonWithoutNotApplicable => Some(PlanField::Status),
            PlanError::TooLong { text, .. } | PlanError::Control(text) => match text {
                Text::Owner | Text::By => Some(PlanField::Owner),
                Text::Reason => Some(PlanField::Reason),
                Text::Note => Some(PlanField::Note),
            },
            PlanError::NoAdvice | PlanError::UnknownAction(_) | PlanError::NothingGiven => None,
        }
    }
}
