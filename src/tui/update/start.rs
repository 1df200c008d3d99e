//! The start screen (a new assessment, a record of the list, the library's profile, or the
//! processing register) and the form for a new assessment.
use super::*;

pub(super) fn start_key<'b>(m: &mut Model<'b>, action: Action) -> Step<'b> {
    let rows = 1 + m.listed().len();
    let Screen::Start(s) = &mut m.screen else {
        return None;
    };
    let cursor = s.cursor;
    if moves_cursor(action) {
        s.cursor = step(cursor, rows, action);
        return None;
    }
    let chosen = || cursor.checked_sub(1).and_then(|i| m.listed().get(i));
    match action {
        Action::Select | Action::Toggle if cursor == 0 => new_assessment(m),
        // A record in progress is continued; one with advice is opened to read.
        Action::Select | Action::Toggle => {
            return chosen().map(|row| match row.status {
                Status::InProgress => open(row.id(), Then::Continue, m.lang),
                _ => Effect::Read {
                    id: row.id().to_string(),
                },
            });
        }
        Action::Edit => return chosen().map(|row| open(row.id(), Then::Continue, m.lang)),
        Action::Profile => return Some(Effect::LoadProfile),
        Action::Register => super::register::open_register(m),
        Action::Mark => super::compare::mark(m),
        Action::Compare => return super::compare::compare_marked(m),
        Action::Previous => return super::compare::previous_of_chosen(m),
        // Esc takes a mark away before it leaves the program.
        Action::Leave if super::compare::unmark(m) => {}
        Action::Leave => m.run = Run::Done,
        _ => {}
    }
    None
}

/// The form of a new assessment (also at once, with `--new`).
pub fn new_assessment(m: &mut Model) {
    m.screen = Screen::NewForm(NewForm::new());
}

/// Opens the record `id` to work on.
pub(super) fn open<'b>(id: &str, then: Then, lang: crate::text::Lang) -> Effect<'b> {
    Effect::Open {
        id: id.to_string(),
        then,
        lang,
    }
}

pub(super) fn new_form_key<'b>(m: &mut Model<'b>, action: Action) -> Step<'b> {
    if edit_key(m, action) {
        return None;
    }
    let Screen::NewForm(f) = &mut m.screen else {
        return None;
    };
    match action {
        Action::NextPanel => f.focus = cycle(&NewField::ALL, f.focus, 1),
        Action::PrevPanel => f.focus = cycle(&NewField::ALL, f.focus, -1),
        Action::Select if f.focus != NewField::Participants => {
            f.focus = cycle(&NewField::ALL, f.focus, 1)
        }
        Action::Select => {
            return Some(Effect::Start {
                campaign: Campaign {
                    name: f.name.text.trim().to_string(),
                    description: f.description.text.trim().to_string(),
                    organisation: String::new(),
                },
                participants: record::Participant::parse_list(&f.participants.text),
                lang: m.lang,
            });
        }
        Action::Leave if f.is_touched() => m.overlay = Overlay::Confirm(Confirm::Discard),
        Action::Leave => to_start(m),
        _ => {}
    }
    None
}
