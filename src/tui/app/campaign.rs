//! The campaign's form: its name, its short description and its participants, a list to add
//! to, edit and remove from. Opened over the question or the review; a save goes through the
//! workflow (`app::Workflow::campaign`), which records each change in the history.
use crate::record::{CampaignEdit, MAX_PARTICIPANTS, Participant, Record};
use crate::text::Lang;

use super::TextField;

/// The field with the cursor: the name, the description, or a participant's name or role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CampaignFocus {
    Name,
    Description,
    Person(usize),
    Role(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignForm {
    /// The campaign as it was opened: what leaving compares with.
    pub from: CampaignEdit,
    pub name: TextField,
    pub description: TextField,
    /// Each participant's name and role.
    pub people: Vec<(TextField, TextField)>,
    pub focus: CampaignFocus,
}

impl CampaignForm {
    /// The form of the record's campaign as it is now.
    pub fn new(r: &Record, lang: Lang) -> CampaignForm {
        let from = CampaignEdit::of(&r.campaign, &r.participants);
        CampaignForm {
            name: TextField::with_text(&from.name, lang),
            description: TextField::with_text(&from.description, lang),
            people: from
                .participants
                .iter()
                .map(|p| {
                    (
                        TextField::with_text(&p.name, lang),
                        TextField::with_text(&p.role, lang),
                    )
                })
                .collect(),
            from,
            focus: CampaignFocus::Name,
        }
    }

    /// The fields in the order Tab goes through them.
    pub fn order(&self) -> Vec<CampaignFocus> {
        let mut v = vec![CampaignFocus::Name, CampaignFocus::Description];
        for i in 0..self.people.len() {
            v.extend([CampaignFocus::Person(i), CampaignFocus::Role(i)]);
        }
        v
    }

    /// The field `by` places on from the cursor's, going round.
    pub fn move_focus(&mut self, by: isize) {
        let order = self.order();
        let i = order.iter().position(|&f| f == self.focus).unwrap_or(0) as isize;
        self.focus = order[(i + by).rem_euclid(order.len() as isize) as usize];
    }

    pub fn field_mut(&mut self, f: CampaignFocus) -> Option<&mut TextField> {
        match f {
            CampaignFocus::Name => Some(&mut self.name),
            CampaignFocus::Description => Some(&mut self.description),
            CampaignFocus::Person(i) => self.people.get_mut(i).map(|p| &mut p.0),
            CampaignFocus::Role(i) => self.people.get_mut(i).map(|p| &mut p.1),
        }
    }

    /// A new, empty participant at the end, with the cursor on its name; `false` when the
    /// list is full.
    pub fn add(&mut self) -> bool {
        if self.people.len() >= MAX_PARTICIPANTS {
            return false;
        }
        self.people.push(Default::default());
        self.focus = CampaignFocus::Person(self.people.len() - 1);
        true
    }

    /// Removes the participant under the cursor; `false` when the cursor is on no participant.
    pub fn remove(&mut self) -> bool {
        let (CampaignFocus::Person(i) | CampaignFocus::Role(i)) = self.focus else {
            return false;
        };
        if i >= self.people.len() {
            return false;
        }
        self.people.remove(i);
        self.focus = match self.people.len() {
            0 => CampaignFocus::Description,
            n => CampaignFocus::Person(i.min(n - 1)),
        };
        true
    }

    /// The campaign as the form holds it.
    pub fn edit(&self) -> CampaignEdit {
        CampaignEdit {
            name: self.name.text.clone(),
            description: self.description.text.clone(),
            participants: self
                .people
                .iter()
                .map(|(n, r)| Participant {
                    name: n.text.clone(),
                    role: r.text.clone(),
                })
                .collect(),
        }
    }

    /// Whether leaving would lose what was typed.
    pub fn is_changed(&self) -> bool {
        self.edit().tidied() != self.from.tidied()
    }
}
