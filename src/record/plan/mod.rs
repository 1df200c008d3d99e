//! The action plan: for every action of the advice, who does it by when, and that it was done.
//!
//! The plan is the part of a record that goes on changing after the FG's sign-off, so it lives
//! outside the sealed content (see `integrity::UNSEALED`): a plan change never changes the
//! record's fingerprint, which the register keeps and the FG's signature signs. It is sealed on
//! its own instead ([`seal`]): its history is chained from the record's fingerprint, so a plan
//! belongs to one record, and `verify` says separately whether the plan holds.
//!
//! An untouched plan is not stored: every action of the advice then reads as an open item
//! ([`Plan::view`]). The first change starts the plan with an open item for every action;
//! from then on it follows the advice ([`Plan::follow`]): an item whose action the advice no
//! longer contains is kept with what was recorded, marked no longer needed, and a new action
//! gets an open item. Pure, like the rest of `record`: the clock is passed in.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::advice::ActionView;

mod seal;
mod view;

pub use seal::{PlanAltered, PlanCheck, PlanSeal, verify_plan};
pub use view::{Line, PlanView, Progress, Tally};

/// The longest owner (a name) and the longest note or reason, in characters: the plan holds
/// short notes of evidence ("privacyverklaring v3 gepubliceerd 12-01"), not documents.
pub const MAX_OWNER: usize = 100;
pub const MAX_NOTE: usize = 300;

/// The plan part of a record.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// One item per action, by action id; also those of actions the advice no longer contains.
    pub items: BTreeMap<String, Item>,
    /// Every change, oldest first; on disk each event also carries its chain hash.
    #[serde(deserialize_with = "crate::record::chain::unchained")]
    pub history: Vec<PlanEvent>,
    /// As read or last written; made anew by [`Plan::seal_to`] when the record is saved.
    pub seal: PlanSeal,
}

/// What is recorded of one action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// A participant's name or any other name; empty while nobody has it.
    pub owner: String,
    /// `YYYY-MM-DD`.
    pub due: Option<String>,
    pub status: ItemStatus,
    /// Why the action does not apply; only with [`ItemStatus::NotApplicable`].
    pub reason: String,
    /// A short note of evidence.
    pub note: String,
    /// False when the advice no longer contains the action: the item is kept, not counted.
    pub needed: bool,
}

impl Item {
    /// The item of an action nobody has touched.
    pub fn open() -> Item {
        Item {
            owner: String::new(),
            due: None,
            status: ItemStatus::Open,
            reason: String::new(),
            note: String::new(),
            needed: true,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    Open,
    InProgress,
    Done,
    /// Does not apply here; needs a reason.
    NotApplicable,
}

impl ItemStatus {
    pub const ALL: [ItemStatus; 4] = [
        ItemStatus::Open,
        ItemStatus::InProgress,
        ItemStatus::Done,
        ItemStatus::NotApplicable,
    ];

    /// As the record keeps it.
    pub fn id(self) -> &'static str {
        match self {
            ItemStatus::Open => "open",
            ItemStatus::InProgress => "in_progress",
            ItemStatus::Done => "done",
            ItemStatus::NotApplicable => "not_applicable",
        }
    }

    pub fn parse(s: &str) -> Option<ItemStatus> {
        ItemStatus::ALL.into_iter().find(|x| x.id() == s)
    }

    /// Whether the action is dealt with: done, or shown not to apply.
    pub fn is_settled(self) -> bool {
        matches!(self, ItemStatus::Done | ItemStatus::NotApplicable)
    }
}

/// One step in the plan's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case", deny_unknown_fields)]
pub enum PlanEvent {
    /// Someone changed an item.
    Changed {
        at: String,
        /// Who, when known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        by: Option<String>,
        action: String,
        changes: Vec<FieldChange>,
    },
    /// The advice gained an action: it got an open item.
    Added { at: String, action: String },
    /// The advice no longer contains the action: its item is kept, marked no longer needed.
    Dropped { at: String, action: String },
    /// The advice contains the action again: its item counts again, as it was.
    Restored { at: String, action: String },
}

impl PlanEvent {
    pub fn at(&self) -> &str {
        match self {
            PlanEvent::Changed { at, .. }
            | PlanEvent::Added { at, .. }
            | PlanEvent::Dropped { at, .. }
            | PlanEvent::Restored { at, .. } => at,
        }
    }
}

/// One field of an item, from → to, as the record keeps it: the status by its id, no date as
/// an empty text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldChange {
    pub field: Field,
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Owner,
    Due,
    Status,
    Reason,
    Note,
}

/// A change to one item: each field given is set (an empty text clears it, an empty date
/// takes the date away).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Change {
    pub owner: Option<String>,
    pub due: Option<String>,
    pub status: Option<ItemStatus>,
    pub reason: Option<String>,
    pub note: Option<String>,
    /// Who makes the change, when known.
    pub by: Option<String>,
}

/// A text a change gives, for what is wrong with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    Owner,
    Reason,
    Note,
    By,
}

/// Why a change to the plan was refused. Nothing changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanError {
    /// The record has no advice yet, so no actions.
    NoAdvice,
    /// No action with this id or number in the plan.
    UnknownAction(String),
    /// The change gives nothing to change.
    NothingGiven,
    /// The due date is not a date like 2027-01-15.
    BadDate(String),
    /// `not_applicable` needs a reason.
    NoReason,
    /// A reason goes with `not_applicable` only.
    ReasonWithoutNotApplicable,
    TooLong {
        text: Text,
        max: usize,
    },
    /// A line break, tab or other control character: the plan's texts are one line each.
    Control(Text),
}

impl std::error::Error for PlanError {}

impl Plan {
    /// Whether nothing was ever recorded: then the plan is not stored at all.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.history.is_empty()
    }

    /// Follows the advice's `actions`: an item whose action is gone is marked no longer needed
    /// (kept as it is), one whose action is back counts again, and a new action gets an open
    /// item; each is an event at `now`. An untouched plan stays untouched: it reads as the
    /// advice anyway. Returns whether anything changed.
    pub fn follow(&mut self, actions: &[ActionView], now: &str) -> bool {
        if self.is_empty() {
            return false;
        }
        let before = self.history.len();
        for (id, item) in self.items.iter_mut() {
            let needed = actions.iter().any(|a| &a.id == id);
            if item.needed != needed {
                item.needed = needed;
                let (at, action) = (now.to_string(), id.clone());
                self.history.push(if needed {
                    PlanEvent::Restored { at, action }
                } else {
                    PlanEvent::Dropped { at, action }
                });
            }
        }
        for a in actions {
            if !self.items.contains_key(&a.id) {
                self.items.insert(a.id.clone(), Item::open());
                self.history.push(PlanEvent::Added {
                    at: now.to_string(),
                    action: a.id.clone(),
                });
            }
        }
        self.history.len() != before
    }

    /// Changes the item of `action` (an id; see [`PlanView::find`] for numbers) as `change`
    /// says, at `now`; `actions` are the advice's. The first change starts the plan with an open
    /// item for every action. Returns what changed, from → to: nothing when every field given
    /// already was so (and then no event is recorded).
    pub fn apply(
        &mut self,
        actions: &[ActionView],
        action: &str,
        change: &Change,
        now: &str,
    ) -> Result<Vec<FieldChange>, PlanError> {
        let Change {
            owner,
            due,
            status,
            reason,
            note,
            by,
        } = change;
        if owner.is_none()
            && due.is_none()
            && status.is_none()
            && reason.is_none()
            && note.is_none()
        {
            return Err(PlanError::NothingGiven);
        }
        for (text, value, max) in [
            (Text::Owner, owner, MAX_OWNER),
            (Text::Reason, reason, MAX_NOTE),
            (Text::Note, note, MAX_NOTE),
            (Text::By, by, MAX_OWNER),
        ] {
            if let Some(v) = value {
                check_text(text, v, max)?;
            }
        }
        let due = match due.as_deref().map(str::trim) {
            None => None,
            Some("") => Some(None),
            Some(d) if super::time::is_date(d) => Some(Some(d.to_string())),
            Some(d) => return Err(PlanError::BadDate(d.to_string())),
        };
        let before = match self.items.get(action) {
            Some(item) => item.clone(),
            None if actions.iter().any(|a| a.id == action) => Item::open(),
            None => return Err(PlanError::UnknownAction(action.to_string())),
        };
        let mut after = before.clone();
        if let Some(o) = owner {
            after.owner = o.trim().to_string();
        }
        if let Some(d) = due {
            after.due = d;
        }
        if let Some(s) = status {
            after.status = *s;
        }
        if let Some(n) = note {
            after.note = n.trim().to_string();
        }
        let reason = reason.as_deref().map(str::trim);
        match (after.status, reason) {
            (ItemStatus::NotApplicable, Some(r)) => after.reason = r.to_string(),
            (ItemStatus::NotApplicable, None) => {}
            (_, Some(r)) if !r.is_empty() => return Err(PlanError::ReasonWithoutNotApplicable),
            // The reason belongs to `not_applicable`; it goes with it (the history keeps it).
            (_, _) => after.reason.clear(),
        }
        if after.status == ItemStatus::NotApplicable && after.reason.is_empty() {
            return Err(PlanError::NoReason);
        }
        let changes = differences(&before, &after);
        if changes.is_empty() {
            return Ok(changes);
        }
        if self.is_empty() {
            for a in actions {
                self.items.insert(a.id.clone(), Item::open());
            }
        }
        self.items.insert(action.to_string(), after);
        self.history.push(PlanEvent::Changed {
            at: now.to_string(),
            by: by
                .as_deref()
                .map(str::trim)
                .filter(|b| !b.is_empty())
                .map(str::to_string),
            action: action.to_string(),
            changes: changes.clone(),
        });
        Ok(changes)
    }

    /// The plan as a person reads it, along the advice's `actions` (see [`PlanView`]).
    pub fn view(&self, actions: &[ActionView]) -> PlanView {
        view::view(self, actions)
    }
}

/// A text of a change: one line, not too long.
fn check_text(text: Text, value: &str, max: usize) -> Result<(), PlanError> {
    if value
        .chars()
        .any(|c| c.is_control() || crate::text::steers(c))
    {
        return Err(PlanError::Control(text));
    }
    if value.trim().chars().count() > max {
        return Err(PlanError::TooLong { text, max });
    }
    Ok(())
}

/// The fields that differ between two states of an item, in the order a person reads them.
fn differences(before: &Item, after: &Item) -> Vec<FieldChange> {
    let date = |d: &Option<String>| d.clone().unwrap_or_default();
    [
        (Field::Owner, before.owner.clone(), after.owner.clone()),
        (Field::Due, date(&before.due), date(&after.due)),
        (
            Field::Status,
            before.status.id().to_string(),
            after.status.id().to_string(),
        ),
        (Field::Reason, before.reason.clone(), after.reason.clone()),
        (Field::Note, before.note.clone(), after.note.clone()),
    ]
    .into_iter()
    .filter(|(_, from, to)| from != to)
    .map(|(field, from, to)| FieldChange { field, from, to })
    .collect()
}

#[cfg(test)]
mod tests;
