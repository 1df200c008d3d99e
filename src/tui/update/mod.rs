//! Every change to the model happens here: a message in, the model changed. Saving goes
//! through the store after every answer, note and sign-off; a failure to save is shown in the
//! status line and never ends the session.
use crate::bank::{Kind, QId};
use crate::engine::Answer;
use crate::record::{self, Assessment, Campaign, Decision, Status};
use crate::store;

use super::app::*;
use super::keymap::{Action, Ctx};
use super::message::Message;
use super::words::words;

mod forms;
mod question;
use forms::{export_key, open_export, sign_off_key, write_export};
use question::{open_note, question_key, save_note};

/// The keys that apply now: typing in a field, a yes/no question, or moving around.
pub fn context(m: &Model) -> Ctx {
    match &m.overlay {
        Overlay::Confirm(_) => return Ctx::Dialog,
        Overlay::Note { .. } => return Ctx::Typing,
        Overlay::Help { .. } => return Ctx::Nav,
        Overlay::None => {}
    }
    match &m.screen {
        Screen::NewForm(_) => Ctx::Typing,
        Screen::Question(s)
            if s.focus == Pane::Options && m.bank.questions[s.q].kind == Kind::Text =>
        {
            Ctx::Typing
        }
        Screen::SignOff(f) if f.focus != SignField::Decision => Ctx::Typing,
        Screen::Export(f) if f.focus == ExportField::Path => Ctx::Typing,
        _ => Ctx::Nav,
    }
}

pub fn update(m: &mut Model, msg: Message) {
    match msg {
        Message::Listed(result) => listed(m, result),
        Message::Key(Action::Exit) => m.run = Run::Done,
        Message::Click(i) => {
            m.status = None;
            if matches!(m.overlay, Overlay::None) {
                click(m, i);
            }
        }
        Message::Input(c) => type_char(m, c),
        Message::Paste(text) => paste(m, &text),
        Message::Key(action) => {
            m.status = None;
            if !matches!(m.overlay, Overlay::None) {
                overlay_key(m, action);
                return;
            }
            if action == Action::Help {
                m.overlay = Overlay::Help { scroll: 0 };
                return;
            }
            match &m.screen {
                Screen::Start(_) => start_key(m, action),
                Screen::NewForm(_) => new_form_key(m, action),
                Screen::Question(_) => question_key(m, action),
                Screen::Review(_) => review_key(m, action),
                Screen::Advice(_) => advice_key(m, action),
                Screen::SignOff(_) => sign_off_key(m, action),
                Screen::Export(_) => export_key(m, action),
            }
        }
    }
}

/// A click on item `i` of the list on screen. Where Space toggles an item (a checkbox, an
/// entry of the advice), the click toggles it; elsewhere the first click puts the cursor on
/// the item and a click on the item under the cursor chooses it, as Enter does, so that a
/// slip of the hand never answers a question.
fn click(m: &mut Model, i: usize) {
    let multiple = |s: &Asking| m.bank.questions[s.q].kind == Kind::Multiple;
    let (cursor, act) = match &mut m.screen {
        Screen::Start(s) => (&mut s.cursor, Action::Select),
        Screen::Review(r) => (&mut r.cursor, Action::Select),
        Screen::Advice(v) => (&mut v.cursor, Action::Toggle),
        Screen::Question(s) => {
            let act = if multiple(s) {
                Action::Toggle
            } else {
                Action::Select
            };
            s.focus = Pane::Options;
            (&mut s.cursor, act)
        }
        _ => return,
    };
    let chosen = *cursor == i || act == Action::Toggle;
    *cursor = i;
    if chosen {
        update(m, Message::Key(act));
    }
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
    // A record created before the list arrived is listed too.
    upsert_row(m);
}

/// The field under the cursor, if the screen is typing into one.
fn focused_field<'a>(m: &'a mut Model) -> Option<&'a mut TextField> {
    match &mut m.overlay {
        Overlay::Note { field, .. } => return Some(field),
        Overlay::None => {}
        _ => return None,
    }
    match &mut m.screen {
        Screen::NewForm(f) => {
            let focus = f.focus;
            Some(f.field_mut(focus))
        }
        Screen::Question(s) if s.focus == Pane::Options => Some(&mut s.text),
        Screen::SignOff(f) => match f.focus {
            SignField::Name => Some(&mut f.name),
            SignField::Date => Some(&mut f.date),
            SignField::Remarks => Some(&mut f.remarks),
            SignField::Key => Some(&mut f.key),
            SignField::Passphrase => Some(&mut f.passphrase),
            SignField::Decision => None,
        },
        Screen::Export(f) if f.focus == ExportField::Path => {
            f.path_edited = true;
            Some(&mut f.path)
        }
        _ => None,
    }
}

fn type_char(m: &mut Model, c: char) {
    if context(m) != Ctx::Typing {
        return;
    }
    let lang = m.lang;
    if let Some(f) = focused_field(m) {
        f.insert(c, lang);
    }
}

/// Pasted text goes into the field as if typed, in one go.
fn paste(m: &mut Model, text: &str) {
    if context(m) != Ctx::Typing || !text.chars().any(|c| !c.is_control()) {
        return;
    }
    let lang = m.lang;
    if let Some(f) = focused_field(m) {
        f.insert_str(text, lang);
    }
}

/// Cursor keys and Backspace inside a text field; `true` if the key was used.
fn edit_key(m: &mut Model, action: Action) -> bool {
    if context(m) != Ctx::Typing {
        return false;
    }
    let lang = m.lang;
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

fn overlay_key(m: &mut Model, action: Action) {
    let overlay = std::mem::replace(&mut m.overlay, Overlay::None);
    match overlay {
        Overlay::None => {}
        Overlay::Help { scroll } => {
            let scroll = match action {
                Action::Up => scroll.saturating_sub(1),
                Action::Down => scroll.saturating_add(1),
                Action::PageUp => scroll.saturating_sub(10),
                Action::PageDown => scroll.saturating_add(10),
                Action::Top => 0,
                _ => return,
            };
            m.overlay = Overlay::Help { scroll };
        }
        Overlay::Note { question, field } => match action {
            Action::Select => save_note(m, question, &field.text),
            Action::Leave => info(m, words(m.lang).note_cancelled),
            _ => {
                m.overlay = Overlay::Note { question, field };
                edit_key(m, action);
            }
        },
        Overlay::Confirm(confirm) => match (action, confirm) {
            (Action::Yes, Confirm::Discard) => discard(m),
            (Action::Yes, Confirm::Overwrite { path, format }) => {
                write_export(m, &path, format, true)
            }
            (Action::No, _) => {}
            (_, confirm) => m.overlay = Overlay::Confirm(confirm),
        },
    }
}

/// Leaves a screen whose typed or chosen input is given up.
fn discard(m: &mut Model) {
    match &m.screen {
        Screen::SignOff(_) | Screen::Export(_) => to_advice(m),
        _ => to_start(m),
    }
}

// --- start screen ----------------------------------------------------------------------------

fn start_key(m: &mut Model, action: Action) {
    let rows = 1 + m.listed().len();
    let Screen::Start(s) = &mut m.screen else {
        return;
    };
    match action {
        a if moves_cursor(a) => s.cursor = step(s.cursor, rows, a),
        Action::Select | Action::Toggle => {
            let cursor = s.cursor;
            if cursor == 0 {
                m.screen = Screen::NewForm(NewForm::new());
            } else if let Some(summary) = m.listed().get(cursor - 1).cloned() {
                if summary.status == Status::InProgress {
                    resume(m, &summary.id);
                } else {
                    view(m, &summary.id);
                }
            }
        }
        Action::Edit => {
            let cursor = s.cursor;
            if let Some(summary) = cursor
                .checked_sub(1)
                .and_then(|i| m.listed().get(i))
                .cloned()
            {
                resume(m, &summary.id);
            }
        }
        Action::Leave => m.run = Run::Done,
        _ => {}
    }
}

fn to_start(m: &mut Model) {
    upsert_row(m);
    let cursor = match (&m.work, m.listed()) {
        (Some(w), list) => list
            .iter()
            .position(|s| *s.id == *w.record().id)
            .map_or(0, |i| i + 1),
        _ => 0,
    };
    if m.work.as_ref().is_some_and(|w| !w.is_read_only()) {
        info(m, words(m.lang).saved_left);
    }
    m.work = None;
    m.screen = Screen::Start(Start { cursor });
}

/// Keeps the start screen's list in step with the record being worked on, without reading
/// the store again.
fn upsert_row(m: &mut Model) {
    let Some(r) = m.record() else { return };
    let row = Row::of(r);
    if let Records::Loaded(l) = &mut m.records {
        l.records.retain(|s| s.id != row.id);
        l.records.insert(0, row);
    }
}

fn load(m: &mut Model, id: &str) -> Option<record::Loaded> {
    let Some(store) = &m.store else {
        error(m, words(m.lang).no_store);
        return None;
    };
    match store.load(id) {
        Ok(r) => Some(r),
        Err(e) => {
            error(m, format!("{e:#}"));
            None
        }
    }
}

/// Opens a saved record to read: its advice exactly as it was shown. One that failed
/// verification may be read, with the warning in view.
pub fn view(m: &mut Model, id: &str) {
    let Some(loaded) = load(m, id) else { return };
    if loaded.record.outcome.is_none() {
        // Nothing to read yet: an unfinished record is continued instead.
        resume(m, id);
        return;
    }
    let warning = loaded.unverified.as_ref().map(|u| {
        record::Altered {
            id: loaded.record.id.clone(),
            parts: u.parts.clone(),
        }
        .to_string()
    });
    m.work = Some(Work::Viewing(loaded.record));
    m.screen = Screen::Advice(AdviceView::default());
    match warning {
        Some(w) => error(m, w),
        None => info(m, words(m.lang).read_only),
    }
}

/// Continues a record where it was left; a signed-off record is continued as a new revision.
/// A record that failed verification is refused, unless the user accepted that on the command
/// line: then it too is continued as a new revision, whose history says so.
pub fn resume(m: &mut Model, id: &str) {
    let Some(loaded) = load(m, id) else { return };
    let (record, unverified) = match loaded.admit(m.accept_altered, m.bank) {
        Ok(admitted) => admitted,
        Err(e) => {
            error(m, e.to_string());
            return;
        }
    };
    let now = (m.clock)();
    let altered = unverified.is_some();
    let (mut a, reopened) =
        Assessment::reopen(m.bank, record, unverified, || new_id(m, &now), &now);
    let w = words(m.lang);
    if let Some(old) = reopened.revised_from {
        create(m, &mut a);
        let said = match altered {
            true => w.revised_altered,
            false => w.revised,
        };
        info(m, format!("{said} {old} → {}", a.record.id));
    } else {
        if reopened.changed {
            save_record(m, &mut a.record);
        }
        if m.status.is_none() {
            let mut line = format!("{} {}", w.resumed, a.record.title());
            if let Some(from) = &reopened.bank_from {
                line.push_str(&format!(
                    " — {} {}",
                    w.bank_updated,
                    from.change_to(&a.record.bank)
                ));
                // Counts, not ids: the questions themselves are asked next.
                for (n, said) in [
                    (reopened.dropped.len(), w.asked_again),
                    (reopened.asks.len(), w.newly_asked),
                ] {
                    if n > 0 {
                        let said = if n == 1 { said.0 } else { said.1 };
                        line.push_str(&format!("; {n} {said}"));
                    }
                }
            }
            info(m, line);
        }
    }
    m.work = Some(Work::Editing(a));
    to_current(m);
}

fn new_id(m: &Model, now: &str) -> String {
    match &m.store {
        Some(s) => s.new_id(now),
        None => format!("zonder-opslag-{}", now.replace(':', "")),
    }
}

fn create(m: &mut Model, a: &mut Assessment) {
    if let Some(store) = &m.store
        && let Err(e) = store.create(&mut a.record)
    {
        let w = words(m.lang);
        error(m, format!("{}: {e:#}", w.save_failed));
    }
}

fn save_record(m: &mut Model, r: &mut record::Record) {
    if let Some(store) = &m.store
        && let Err(e) = store.save(r)
    {
        let w = words(m.lang);
        error(m, format!("{}: {e:#}", w.save_failed));
    }
}

/// Saves the open assessment; `false` (with the error shown) when the save failed.
fn save(m: &mut Model) -> bool {
    let Some(Work::Editing(a)) = &mut m.work else {
        return false;
    };
    let result = match &m.store {
        Some(store) => store.save(&mut a.record),
        None => Ok(()),
    };
    match result {
        Ok(()) => true,
        Err(e) => {
            error(m, format!("{}: {e:#}", words(m.lang).save_failed));
            false
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
    let mut s = Asking::new(m.bank, q, a.session.answer(q), origin, m.lang);
    s.explain = explain;
    s.answers_cursor = a
        .session
        .walk(m.bank)
        .steps()
        .position(|x| x == q)
        .unwrap_or(0);
    m.screen = Screen::Question(s);
}

// --- new assessment --------------------------------------------------------------------------

fn new_form_key(m: &mut Model, action: Action) {
    if edit_key(m, action) {
        return;
    }
    let Screen::NewForm(f) = &mut m.screen else {
        return;
    };
    match action {
        Action::NextPanel => f.focus = cycle(&NewField::ALL, f.focus, 1),
        Action::PrevPanel => f.focus = cycle(&NewField::ALL, f.focus, -1),
        Action::Select if f.focus != NewField::Participants => {
            f.focus = cycle(&NewField::ALL, f.focus, 1)
        }
        Action::Select => start_assessment(m),
        Action::Leave if f.is_touched() => m.overlay = Overlay::Confirm(Confirm::Discard),
        Action::Leave => to_start(m),
        _ => {}
    }
}

fn start_assessment(m: &mut Model) {
    let Screen::NewForm(f) = &m.screen else {
        return;
    };
    let campaign = Campaign {
        name: f.name.text.trim().to_string(),
        description: f.description.text.trim().to_string(),
        organisation: String::new(),
    };
    let participants = record::Participant::parse_list(&f.participants.text);
    let now = (m.clock)();
    let id = new_id(m, &now);
    let mut a = Assessment::start(m.bank, id, campaign, participants, m.lang, &now);
    create(m, &mut a);
    if m.status.is_none() {
        let file = format!("{}.json", a.record.id);
        info(m, format!("{}: {file}", words(m.lang).saved_as));
    }
    m.work = Some(Work::Editing(a));
    upsert_row(m);
    goto_question(m, m.bank.start, Origin::Flow);
}

// --- review ----------------------------------------------------------------------------------

fn review_key(m: &mut Model, action: Action) {
    let bank = m.bank;
    let Some(a) = m.assessment() else { return };
    let walk = a.session.walk(bank);
    let rows = walk.path.len() + 1;
    let Screen::Review(r) = &mut m.screen else {
        return;
    };
    match action {
        a if moves_cursor(a) => r.cursor = step(r.cursor, rows, a),
        Action::Select | Action::Edit | Action::Toggle => match walk.path.get(r.cursor) {
            Some(&q) => goto_question(m, q, Origin::Jump),
            None if action == Action::Edit => {}
            None if walk.is_complete() => to_advice(m),
            None => to_current(m),
        },
        Action::Forward if walk.is_complete() => to_advice(m),
        Action::Back => match walk.path.last() {
            Some(&q) => goto_question(m, q, Origin::Jump),
            None => to_start(m),
        },
        Action::Note => open_note(m, None),
        Action::Leave => to_start(m),
        _ => {}
    }
}

// --- advice ----------------------------------------------------------------------------------

fn to_advice(m: &mut Model) {
    m.screen = Screen::Advice(AdviceView::default());
}

fn advice_key(m: &mut Model, action: Action) {
    let Some(work) = &m.work else { return };
    let read_only = work.is_read_only();
    let items = work
        .record()
        .outcome
        .as_ref()
        .map(|o| advice_items(o).len())
        .unwrap_or(0);
    let Screen::Advice(v) = &mut m.screen else {
        return;
    };
    match action {
        Action::Up | Action::Down | Action::Top | Action::Bottom => {
            v.cursor = step(v.cursor, items, action);
            v.scroll = 0;
        }
        Action::PageUp => v.scroll = v.scroll.saturating_sub(5),
        Action::PageDown => v.scroll = v.scroll.saturating_add(5),
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
        Action::Edit if read_only => {
            let id = work_id(m);
            resume(m, &id);
        }
        Action::Edit => m.screen = Screen::Review(Review::default()),
        Action::Export => open_export(m),
        Action::SignOff => open_sign_off(m),
        Action::Note => open_note(m, None),
        Action::Leave => to_start(m),
        _ => {}
    }
}

fn work_id(m: &Model) -> String {
    m.record().map(|r| r.id.clone()).unwrap_or_default()
}

fn open_sign_off(m: &mut Model) {
    let w = words(m.lang);
    if m.record().is_some_and(record::Record::is_frozen) {
        info(m, w.already_signed);
        return;
    }
    if m.work.as_ref().is_some_and(Work::is_read_only) {
        let id = work_id(m);
        resume(m, &id);
    }
    if m.record().is_none_or(|r| r.outcome.is_none()) {
        return;
    }
    let today = crate::record::time::local_date(&(m.clock)());
    m.screen = Screen::SignOff(SignOffForm {
        name: TextField::default(),
        date: TextField::with_text(&today, m.lang),
        decision: 0,
        remarks: TextField::default(),
        key: TextField::default(),
        passphrase: TextField::default(),
        focus: SignField::Name,
    });
}
