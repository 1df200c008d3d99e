//! The action plan's form over the advice: opened on the action under the cursor, Enter saves
//! it through the workflow (a signed-off record stays signed off: no revision), a refusal is
//! shown in the form, Esc leaves after asking when something changed.
use super::*;
use crate::app::{Event, PlanChanged, PlanError, Saved};
use crate::locale::plan::Front;
use crate::locale::screen::plan_words;

/// The form on the action under the advice's cursor; a record opened to read is opened to
/// work on first, and the form opens once it is.
pub(super) fn open_plan<'b>(m: &mut Model<'b>) -> Step<'b> {
    let pw = plan_words(m.lang);
    let Screen::Advice(v) = &m.screen else {
        return None;
    };
    let cursor = v.cursor;
    let record = m.record()?;
    let advice = record.outcome.as_ref()?;
    let action = match advice_items(advice).get(cursor) {
        Some(
            AdviceItem::Required(i) | AdviceItem::Recommended(i) | AdviceItem::BlockingAction(i),
        ) => advice.actions.get(*i).map(|a| a.id.clone()),
        _ => None,
    };
    let Some(action) = action else {
        info(m, pw.not_an_action);
        return None;
    };
    if m.work.as_ref().is_some_and(Work::is_read_only) {
        return Some(start::open(&record.id, Then::Plan(cursor), m.lang));
    }
    let view = m.plan_view();
    let Some(line) = view.lines.iter().find(|l| l.action == action) else {
        // An action of the current bank's advice that the signed advice did not have.
        error(
            m,
            PlanError::UnknownAction(action).said_in(Front::Tui, m.lang),
        );
        return None;
    };
    let participants = record
        .participants
        .iter()
        .map(|p| p.name.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    let mut form = PlanForm::new(line, participants, record.is_frozen(), m.lang);
    // The title as the advice on screen gives it, in the interface's language.
    if let Some(a) = advice.actions.iter().find(|a| a.id == action) {
        form.title = a.title.clone();
    }
    m.overlay = Overlay::Plan(Box::new(form));
    None
}

/// A key on the plan's form, which was taken out of the overlay to handle it; it goes back
/// unless the key leaves it.
pub(super) fn plan_key<'b>(m: &mut Model<'b>, mut form: Box<PlanForm>, action: Action) -> Step<'b> {
    let on_status = form.focus == PlanField::Status;
    match action {
        Action::NextPanel => form.focus = cycle(&PlanField::ALL, form.focus, 1),
        Action::PrevPanel => form.focus = cycle(&PlanField::ALL, form.focus, -1),
        Action::Down if on_status => form.focus = cycle(&PlanField::ALL, form.focus, 1),
        Action::Up if on_status => form.focus = cycle(&PlanField::ALL, form.focus, -1),
        Action::Left if on_status => form.cycle_status(-1),
        Action::Right | Action::Toggle if on_status => form.cycle_status(1),
        Action::Choose if form.focus == PlanField::Owner => form.choose_owner(m.lang),
        Action::Select => return save(m, form),
        Action::Leave | Action::Back if form.is_changed() => {
            m.overlay = Overlay::Confirm(Confirm::DiscardPlan(form));
            return None;
        }
        // Back to the advice it was opened from.
        Action::Leave | Action::Back => return None,
        _ => {
            m.overlay = Overlay::Plan(form);
            edit_key(m, action);
            return None;
        }
    }
    m.overlay = Overlay::Plan(form);
    None
}

/// Saves what the form holds; the form stays until the workflow answers.
fn save<'b>(m: &mut Model<'b>, mut form: Box<PlanForm>) -> Step<'b> {
    if !form.is_changed() {
        info(m, plan_words(m.lang).unchanged);
        return None;
    }
    form.refused = None;
    let effect = take_work(m).map(|work| Effect::Plan {
        work,
        action: form.action.clone(),
        change: form.change(),
    });
    m.overlay = Overlay::Plan(form);
    effect
}

/// What came of a change: the form closes and the status line says what changed; a refusal or
/// a save that failed keeps the form, with why.
pub(super) fn planned(m: &mut Model, result: Result<PlanChanged, PlanError>) {
    let pw = plan_words(m.lang);
    let w = words(m.lang);
    let form = match &mut m.overlay {
        Overlay::Plan(f) => Some(f),
        _ => None,
    };
    match result {
        Err(e) => {
            let said = e.said_in(Front::Tui, m.lang);
            if let Some(f) = form {
                if let Some(field) = PlanForm::field_of(&e) {
                    f.focus = field;
                }
                f.refused = Some(said);
            } else {
                error(m, said);
            }
        }
        Ok(PlanChanged {
            saved: Saved::Failed(why),
            ..
        }) => {
            let said = format!("{}: {}", w.save_failed, why.said(m.lang));
            match form {
                Some(f) => f.refused = Some(said),
                None => error(m, said),
            }
        }
        Ok(done) => {
            m.overlay = Overlay::None;
            for e in &done.events {
                if let Event::Revised { from, to, .. } = e {
                    info(m, format!("{} {from} → {to}", w.revised_altered));
                    return list_record(m);
                }
            }
            let changes: Vec<String> = done
                .changes
                .iter()
                .map(|c| crate::locale::plan::change(c, m.lang))
                .collect();
            let head = match m.record().is_some_and(|r| r.is_frozen()) {
                true => pw.saved_signed,
                false => pw.saved,
            };
            match changes.is_empty() {
                true => info(m, pw.unchanged),
                false => info(m, format!("{head}: {}", changes.join("; "))),
            }
            if done.saved == Saved::Yes {
                list_record(m);
            }
        }
    }
}
