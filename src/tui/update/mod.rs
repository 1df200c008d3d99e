//! Every change to the model happens here: a message in, the model changed, and the effect it
//! asks for (a save, an export, a record to load) out. `update` does no I/O: the loop performs
//! the effect through the workflow layer and feeds the result back as a [`Message::Done`].
//! A failure to save is shown in the status line and never ends the session.
use crate::bank::{Kind, QId};
use crate::engine::Answer;
use crate::record::{self, Campaign, Decision, Status};
use crate::store;

use super::app::*;
use super::effect::{Effect, Then};
use super::keymap::{Action, Ctx};
use super::message::Message;
use crate::locale::screen::words;

mod advice;
mod campaign;
mod compare;
mod documents;
mod done;
mod export;
mod plan;
mod profile;
mod question;
mod register;
mod review;
mod signoff;
mod start;
use advice::{advice_key, to_advice};
use campaign::{campaign_key, open_campaign};
use documents::{documents_key, open_documents};
use export::{export_key, open_export, write_export};
use plan::{open_plan, plan_key};
use profile::profile_key;
use question::{open_note, question_key, save_note};
use register::{register_key, write_register};
use review::review_key;
use signoff::sign_off_key;
pub use start::new_assessment;
use start::{new_form_key, start_key};

/// What a step asks of the world, if anything.
pub type Step<'b> = Option<Effect<'b>>;

pub fn update<'b>(m: &mut Model<'b>, msg: Message<'b>) -> Step<'b> {
    match msg {
        Message::Listed(result) => {
            listed(m, result);
            None
        }
        Message::Done(done) => done::done(m, *done),
        Message::Resize(w, h) => {
            m.window = Some((w, h));
            None
        }
        Message::Key(Action::Exit) => {
            m.run = Run::Done;
            None
        }
        // Only how the screen looks changes: on any screen, under any overlay, at any size.
        Message::Key(Action::Theme) => {
            m.theme = m.theme.switched();
            None
        }
        // While the window is too small only the request to enlarge it shows: a key pressed
        // then would answer a question unseen. Quitting still works.
        Message::Key(_) | Message::Click(_) | Message::Input(_) | Message::Paste(_)
            if m.too_small() =>
        {
            None
        }
        Message::Click(i) => {
            m.status = None;
            match m.overlay {
                Overlay::None => click(m, i).and_then(|action| screen_key(m, action)),
                _ => None,
            }
        }
        Message::Input(c) => {
            type_char(m, c);
            None
        }
        Message::Paste(text) => {
            paste(m, &text);
            None
        }
        Message::Key(action) => {
            m.status = None;
            if !matches!(m.overlay, Overlay::None) {
                return overlay_key(m, action);
            }
            if action == Action::Help {
                m.overlay = Overlay::Help { scroll: 0 };
                return None;
            }
            screen_key(m, action)
        }
    }
}

/// A key on the screen in view.
fn screen_key<'b>(m: &mut Model<'b>, action: Action) -> Step<'b> {
    match &m.screen {
        Screen::Start(_) => start_key(m, action),
        Screen::NewForm(_) => new_form_key(m, action),
        Screen::Question(_) => question_key(m, action),
        Screen::Review(_) => review_key(m, action),
        Screen::Advice(_) => advice_key(m, action),
        Screen::SignOff(_) => sign_off_key(m, action),
        Screen::Export(_) => export_key(m, action),
        Screen::Documents(_) => documents_key(m, action),
        Screen::Register(_) => register_key(m, action),
        Screen::Compare(_) => compare::compare_key(m, action),
    }
}

/// A click on item `i` of the list on screen: the action it stands for, if any. Where Space
/// toggles an item (a checkbox, an entry of the advice), the click toggles it; elsewhere the
/// first click puts the cursor on the item and a click on the item under the cursor chooses
/// it, as Enter does, so that a slip of the hand never answers a question.
fn click(m: &mut Model, i: usize) -> Option<Action> {
    let multiple = |s: &Asking| m.bank.questions[s.q].kind == Kind::Multiple;
    let (cursor, act) = match &mut m.screen {
        Screen::Start(s) => (&mut s.cursor, Action::Select),
        Screen::Review(r) => (&mut r.cursor, Action::Select),
        Screen::Advice(v) => (&mut v.cursor, Action::Toggle),
        Screen::Documents(v) if v.reading.is_none() => (&mut v.cursor, Action::Select),
        Screen::Question(s) => {
            let act = if multiple(s) {
                Action::Toggle
            } else {
                Action::Select
            };
            s.focus = Pane::Options;
            (&mut s.cursor, act)
        }
        _ => return None,
    };
    let chosen = *cursor == i || act == Action::Toggle;
    *cursor = i;
    chosen.then_some(act)
}

/// An information line, unless an error is shown already: what went wrong in the same step
/// (a save that failed, say) must stay in view.
fn info(m: &mut Model, text: impl Into<String>) {
    if m.status
        .as_ref()
        .is_some_and(|n| n.kind == NoticeKind::Error)
    {
        return;
    }
    m.status = Some(Notice {
        kind: NoticeKind::Info,
        text: text.into(),
    });
}

pub fn error(m: &mut Model, text: impl Into<String>) {
    m.status = Some(Notice {
        kind: NoticeKind::Error,
        text: text.into(),
    });
}

fn listed(m: &mut Model, result: Result<store::Listing<Row>, String>) {
    m.records = match result {
        Ok(l) => Records::Loaded(l),
        Err(e) => Records::Failed(e),
    };
    // A record written before the list arrived is listed too.
    if let Some(Work::Editing(w)) = &m.work
        && w.is_on_disk()
    {
        list_record(m);
    }
    // A filter typed while the list was read lets through rows of the list now.
    start::refilter(m, true);
}

/// The field under the cursor, if the screen is typing into one.
fn focused_field<'a>(m: &'a mut Model) -> Option<&'a mut TextField> {
    match &mut m.overlay {
        Overlay::Note { field, .. } => return Some(field),
        Overlay::Profile(form) => {
            let focus = form.focus;
            return Some(form.field_mut(focus));
        }
        Overlay::Plan(form) => return form.field_mut(),
        Overlay::Campaign(form) => {
            let focus = form.focus;
            return form.field_mut(focus);
        }
        Overlay::None => {}
        _ => return None,
    }
    match &mut m.screen {
        Screen::Start(s) if s.typing => s.filter.as_mut(),
        Screen::NewForm(f) => {
            let focus = f.focus;
            Some(f.field_mut(focus))
        }
        Screen::Question(s) => match s.focus {
            Pane::Options => Some(&mut s.text),
            Pane::Justification => Some(&mut s.justification),
            _ => None,
        },
        // The summary before signing takes no typing.
        Screen::SignOff(f) if f.confirming => None,
        Screen::SignOff(f) => f.field_mut(f.focus),
        Screen::Export(f) if f.focus == ExportField::Path => {
            f.path_edited = true;
            Some(&mut f.path)
        }
        Screen::Register(f) if f.focus == ExportField::Path => {
            f.path_edited = true;
            Some(&mut f.path)
        }
        Screen::Compare(v) => {
            let e = v.export.as_mut()?;
            (e.focus == ExportField::Path).then(|| {
                e.path_edited = true;
                &mut e.path
            })
        }
        Screen::Documents(v) => {
            let e = v.reading.as_mut()?.export.as_mut()?;
            (e.focus == ExportField::Path).then(|| {
                e.path_edited = true;
                &mut e.path
            })
        }
        _ => None,
    }
}

/// Whether keys type into a field: a one-line field or a text area.
fn typing(m: &Model) -> bool {
    matches!(m.context(), Ctx::Typing | Ctx::Lines)
}

fn type_char(m: &mut Model, c: char) {
    if !typing(m) {
        return;
    }
    let lang = m.lang;
    if let Some(f) = focused_field(m) {
        f.insert(c, lang);
    }
    start::filtered(m);
}

/// Pasted text goes into the field as if typed, in one go.
fn paste(m: &mut Model, text: &str) {
    if !typing(m) || !text.chars().any(|c| !c.is_control()) {
        return;
    }
    let lang = m.lang;
    // The profile's longer items and a note keep the lines of what is pasted.
    let lines = matches!(&m.overlay, Overlay::Profile(f) if f.focus.multi_line())
        || m.context() == Ctx::Lines;
    if let Some(f) = focused_field(m) {
        match lines {
            true => f.insert_lines(text, lang),
            false => f.insert_str(text, lang),
        }
    }
    start::filtered(m);
}

/// Cursor keys and Backspace inside a text field; `true` if the key was used.
fn edit_key(m: &mut Model, action: Action) -> bool {
    if !typing(m) {
        return false;
    }
    let lang = m.lang;
    // Up and Down move by the rows of a text area as it is drawn.
    let width = m.note_width();
    let area = m.context() == Ctx::Lines;
    let Some(f) = focused_field(m) else {
        return false;
    };
    match action {
        Action::Erase => f.erase(lang),
        Action::EraseForward => f.erase_forward(lang),
        Action::Clear => f.set("", lang),
        Action::Left => f.left(),
        Action::Right => f.right(),
        Action::Top => f.home(),
        Action::Bottom => f.end(),
        Action::Up if area => f.up(width),
        Action::Down if area => f.down(width),
        Action::NewLine if area => f.insert_break(lang),
        _ => return false,
    }
    true
}

/// The field `by` places from `at` in the order of a form's fields, going round.
fn cycle<T: Copy + PartialEq>(all: &[T], at: T, by: isize) -> T {
    let i = all.iter().position(|&x| x == at).unwrap_or(0);
    all[(i as isize + by).rem_euclid(all.len() as isize) as usize]
}

/// Whether the action moves a list's cursor (see [`step`]).
fn moves_cursor(action: Action) -> bool {
    matches!(
        action,
        Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom
    )
}

fn step(cursor: usize, len: usize, action: Action) -> usize {
    let last = len.saturating_sub(1);
    match action {
        Action::Up => cursor.saturating_sub(1),
        Action::Down => (cursor + 1).min(last),
        Action::PageUp => cursor.saturating_sub(10),
        Action::PageDown => (cursor + 10).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        _ => cursor.min(last),
    }
}

// --- overlays --------------------------------------------------------------------------------

/// Where a scrolled overlay (the help, the recheck) goes on `action`, a page being `page`
/// lines; `None` for a key that closes it.
fn overlay_scroll(scroll: u16, action: Action, page: u16) -> Option<u16> {
    Some(match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll.saturating_add(1),
        Action::PageUp => scroll.saturating_sub(page),
        Action::PageDown => scroll.saturating_add(page),
        Action::Top => 0,
        _ => return None,
    })
}

fn overlay_key<'b>(m: &mut Model<'b>, action: Action) -> Step<'b> {
    let page = crate::tui::view::page_for(m, action);
    let overlay = std::mem::replace(&mut m.overlay, Overlay::None);
    match overlay {
        Overlay::None => {}
        Overlay::Help { scroll } => {
            let scroll = overlay_scroll(scroll, action, page)?;
            m.overlay = Overlay::Help { scroll };
        }
        // Any other key closes it, as the help.
        Overlay::Recheck { recheck, scroll } => {
            let scroll = overlay_scroll(scroll, action, page)?;
            m.overlay = Overlay::Recheck { recheck, scroll };
        }
        Overlay::Note { question, field } => match action {
            Action::Select => return save_note(m, question, &field.text),
            Action::Leave => info(m, words(m.lang).note_cancelled),
            _ => {
                m.overlay = Overlay::Note { question, field };
                edit_key(m, action);
            }
        },
        Overlay::Profile(form) => return profile_key(m, form, action),
        Overlay::Campaign(form) => return campaign_key(m, form, action),
        Overlay::Plan(form) => return plan_key(m, form, action),
        Overlay::Confirm(confirm) => match (action, confirm) {
            (Action::Yes, Confirm::Discard) => discard(m),
            (Action::Yes, Confirm::Overwrite { path, format }) => {
                return write_export(m, &path, format, true);
            }
            (Action::Yes, Confirm::OverwriteRegister { path, format }) => {
                return write_register(m, &path, format, true);
            }
            (Action::Yes, Confirm::OverwriteComparison { path, format }) => {
                return compare::write_comparison(m, &path, format, true);
            }
            (Action::Yes, Confirm::Archive { id, restore, .. }) => {
                return Some(Effect::Archive { id, restore });
            }
            // The form is given up: the start screen it covered is in view again.
            (Action::Yes, Confirm::DiscardProfile(_)) => {}
            (Action::No, Confirm::DiscardProfile(form)) => m.overlay = Overlay::Profile(form),
            // The plan's form is given up: the advice it covered is in view again.
            (Action::Yes, Confirm::DiscardPlan(_)) => {}
            (Action::No, Confirm::DiscardPlan(form)) => m.overlay = Overlay::Plan(form),
            // The campaign's form is given up: the screen it covered is in view again.
            (Action::Yes, Confirm::DiscardCampaign(_)) => {}
            (Action::No, Confirm::DiscardCampaign(form)) => m.overlay = Overlay::Campaign(form),
            (Action::No, _) => {}
            (_, confirm) => m.overlay = Overlay::Confirm(confirm),
        },
    }
    None
}

/// Leaves a screen whose typed or chosen input is given up.
fn discard(m: &mut Model) {
    match &m.screen {
        Screen::SignOff(_) | Screen::Export(_) => to_advice(m),
        _ => to_start(m),
    }
}

fn to_start(m: &mut Model) {
    let cursor = match (&m.work, m.listed()) {
        (Some(w), list) => Start::shown(None, list, None, m.lang)
            .position(|i| list[i].id() == w.record().id)
            .map_or(0, |i| i + 1),
        _ => 0,
    };
    if let Some(Work::Editing(w)) = &m.work
        && w.is_on_disk()
    {
        info(m, words(m.lang).saved_left);
    }
    m.work = None;
    m.screen = Screen::Start(Start {
        cursor,
        ..Start::default()
    });
}

/// The list's policy (see [`crate::app::keep_listed`]): the record just written is shown as
/// it is on disk, without reading the store again.
fn list_record(m: &mut Model) {
    let Some(Work::Editing(w)) = &m.work else {
        return;
    };
    if let Records::Loaded(l) = &mut m.records {
        crate::app::keep_listed(l, w.record());
        // A new revision heads its chain, the older ones under it.
        if let Some(previous) = &w.record().previous
            && l.records.first().is_some_and(|r| r.id() == w.record().id)
        {
            chain_new_revision(&mut l.records, &previous.id);
        }
    }
}

/// The open record, taken out of the model to go with an effect; it comes back with the
/// result. `None` (and the model unchanged) when no record is open for changes.
fn take_work<'b>(m: &mut Model<'b>) -> Option<crate::app::Work<'b>> {
    match m.work.take() {
        Some(Work::Editing(w)) => Some(w),
        other => {
            m.work = other;
            None
        }
    }
}

/// The first open question, or the review when every question on the path is answered.
fn to_current(m: &mut Model) {
    let Some(a) = m.assessment() else { return };
    match a.session.walk(m.bank).pending {
        Some(q) => goto_question(m, q, Origin::Flow),
        None => m.screen = Screen::Review(Review::default()),
    }
}

fn goto_question(m: &mut Model, q: QId, origin: Origin) {
    let Some(a) = m.assessment() else { return };
    let explain = match &m.screen {
        Screen::Question(s) => s.explain,
        _ => Explain::Shown,
    };
    let justification = a.record.justification(&m.bank.questions[q].id);
    let mut s = Asking::new(m.bank, q, a.session.answer(q), origin, m.lang)
        .with_justification(justification, m.lang);
    s.explain = explain;
    s.answers_cursor = a
        .session
        .walk(m.bank)
        .steps()
        .position(|x| x == q)
        .unwrap_or(0);
    m.screen = Screen::Question(s);
}
