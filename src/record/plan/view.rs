//! The plan as a person reads it: one numbered line per action, and how far it has come.
use crate::advice::ActionView;
use crate::engine::Level;

use super::{Item, Plan};

/// The plan along the advice: the required actions, then the recommended ones (each in the
/// advice's order), then the items whose actions the advice no longer contains. Numbered from
/// 1 in that order, which is how a person names an item on the command line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanView {
    pub lines: Vec<Line>,
}

/// One item of the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub number: usize,
    pub action: String,
    /// The action's title in the advice; its id when the advice no longer has it.
    pub title: String,
    /// `None` for an item the advice no longer contains: it is not counted.
    pub level: Option<Level>,
    pub item: Item,
}

impl Line {
    pub fn is_needed(&self) -> bool {
        self.level.is_some()
    }

    /// Whether the item is past its due date on `today` (`YYYY-MM-DD`): needed, not dealt
    /// with, and due before today.
    pub fn is_past_due(&self, today: &str) -> bool {
        self.is_needed()
            && !self.item.status.is_settled()
            && self
                .item
                .due
                .as_deref()
                .is_some_and(|due| crate::record::time::is_before(due, today))
    }
}

/// How far the plan has come on a given day. Done counts done and not applicable; items no
/// longer needed do not count at all.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Progress {
    pub required_done: usize,
    pub required_total: usize,
    pub recommended_done: usize,
    pub recommended_total: usize,
    /// The numbers of the lines past their due date.
    pub past_due: Vec<usize>,
}

impl Progress {
    /// Whether every required action is dealt with.
    pub fn required_complete(&self) -> bool {
        self.required_done == self.required_total
    }
}

impl PlanView {
    /// The line a person names by its number (`3`) or its action's id.
    pub fn find(&self, action: &str) -> Option<&Line> {
        let action = action.trim();
        match action.parse::<usize>() {
            Ok(n) => self.lines.iter().find(|l| l.number == n),
            Err(_) => self.lines.iter().find(|l| l.action == action),
        }
    }

    /// How far the plan has come on `today` (`YYYY-MM-DD`, a date in Dutch local time).
    pub fn progress(&self, today: &str) -> Progress {
        let mut p = Progress::default();
        for line in &self.lines {
            let settled = usize::from(line.item.status.is_settled());
            match line.level {
                Some(Level::Required) => {
                    p.required_total += 1;
                    p.required_done += settled;
                }
                Some(Level::Recommended) => {
                    p.recommended_total += 1;
                    p.recommended_done += settled;
                }
                None => {}
            }
            if line.is_past_due(today) {
                p.past_due.push(line.number);
            }
        }
        p
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

pub(super) fn view(plan: &Plan, actions: &[ActionView]) -> PlanView {
    let in_advice = [Level::Required, Level::Recommended]
        .into_iter()
        .flat_map(|level| actions.iter().filter(move |a| a.level == level))
        .map(|a| {
            let mut item = plan.items.get(&a.id).cloned().unwrap_or_else(Item::open);
            item.needed = true;
            (a.id.clone(), a.title.clone(), Some(a.level), item)
        });
    let gone = plan
        .items
        .iter()
        .filter(|(id, _)| !actions.iter().any(|a| &a.id == *id))
        .map(|(id, item)| {
            let mut item = item.clone();
            item.needed = false;
            (id.clone(), id.clone(), None, item)
        });
    PlanView {
        lines: in_advice
            .chain(gone)
            .enumerate()
            .map(|(i, (action, title, level, item))| Line {
                number: i + 1,
                action,
                title,
                level,
                item,
            })
            .collect(),
    }
}

/// What the list keeps of a plan: its counts, and the earliest due date of an item still to be
/// dealt with. Whether that date is past is decided when the list is shown, against that day:
/// a cached summary stays true from one day to the next.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tally {
    pub required_done: usize,
    pub required_total: usize,
    pub recommended_done: usize,
    pub recommended_total: usize,
    /// `YYYY-MM-DD`; none when no item still to be dealt with has a date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_due: Option<String>,
}

impl Tally {
    /// Whether an item is past its due date on `today` (`YYYY-MM-DD`).
    pub fn is_past_due(&self, today: &str) -> bool {
        self.first_due
            .as_deref()
            .is_some_and(|due| crate::record::time::is_before(due, today))
    }
}

impl PlanView {
    /// The counts and the earliest open due date, for the list.
    pub fn tally(&self) -> Tally {
        // No day is before the first: the counts alone.
        let p = self.progress("");
        let first_due = self
            .lines
            .iter()
            .filter(|l| l.is_needed() && !l.item.status.is_settled())
            .filter_map(|l| l.item.due.as_deref())
            .filter(|d| crate::record::time::is_date(d))
            .min()
            .map(str::to_string);
        Tally {
            required_done: p.required_done,
            required_total: p.required_total,
            recommended_done: p.recommended_done,
            recommended_total: p.recommended_total,
            first_due,
        }
    }
}
