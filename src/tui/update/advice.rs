//! The advice: the verdict and its checklist, and the way to sign-off and export.
use super::*;

/// Shows the advice. Once shown, advice made with a bank that changed since the record was
/// saved may be signed off (see [`crate::app::Work::may_sign_off`]).
pub(super) fn to_advice(m: &mut Model) {
    if let Some(Work::Editing(w)) = &mut m.work {
        w.shown();
    }
    m.screen = Screen::Advice(AdviceView::default());
}

pub(super) fn advice_key<'b>(m: &mut Model<'b>, action: Action) -> Step<'b> {
    let page = crate::tui::view::page_for(m, action);
    let work = m.work.as_ref()?;
    let read_only = work.is_read_only();
    let id = work.record().id.clone();
    let items = work
        .record()
        .outcome
        .as_ref()
        .map(|o| advice_items(o).len())
        .unwrap_or(0);
    let Screen::Advice(v) = &mut m.screen else {
        return None;
    };
    match action {
        Action::Up | Action::Down | Action::Top | Action::Bottom => {
            v.cursor = step(v.cursor, items, action);
            v.scroll = 0;
        }
        Action::PageUp => v.scroll = v.scroll.saturating_sub(page),
        Action::PageDown => v.scroll = v.scroll.saturating_add(page),
        Action::Select | Action::Toggle | Action::Right | Action::Left => {
            let i = v.cursor;
            let open = match action {
                Action::Right => true,
                Action::Left => false,
                _ => !v.expanded.contains(&i),
            };
            if open {
                v.expanded.insert(i);
            } else {
                v.expanded.remove(&i);
            }
        }
        Action::Back if read_only => to_start(m),
        Action::Back => m.screen = Screen::Review(Review::default()),
        Action::Edit if read_only => return Some(start::open(&id, Then::Continue, m.lang)),
        Action::Edit => m.screen = Screen::Review(Review::default()),
        Action::Export => open_export(m),
        Action::Documents => return open_documents(m),
        Action::SignOff => return open_sign_off(m),
        Action::Plan => return open_plan(m),
        Action::Previous => return super::compare::previous_of_open(m),
        Action::Note => open_note(m, None),
        Action::Leave => to_start(m),
        _ => {}
    }
    None
}

/// The sign-off form; a record opened to read is opened to work on first.
pub(super) fn open_sign_off<'b>(m: &mut Model<'b>) -> Step<'b> {
    let w = words(m.lang);
    let record = m.record()?;
    if record.is_frozen() {
        info(m, w.already_signed);
        return None;
    }
    if m.work.as_ref().is_some_and(Work::is_read_only) {
        return Some(start::open(&record.id, Then::SignOff, m.lang));
    }
    record.outcome.as_ref()?;
    let today = crate::record::time::local_date(&(m.clock)());
    m.screen = Screen::SignOff(Box::new(SignOffForm::new(&today, m.lang)));
    None
}
