//! The start screen (a new assessment, a record of the list, the library's profile, or the
//! processing register) and the form for a new assessment.
use super::*;

pub(super) fn start_key<'b>(m: &mut Model<'b>, mut action: Action) -> Step<'b> {
    let Screen::Start(s) = &m.screen else {
        return None;
    };
    if s.typing {
        return filter_key(m, action);
    }
    // The keys the start screen shares with others (see `keymap::SHARED`).
    action = match action {
        Action::Plan => Action::Archive,
        Action::NextPanel | Action::PrevPanel => Action::ShowArchive,
        Action::Right => Action::Unfold,
        Action::Left => Action::Fold,
        other => other,
    };
    let in_archive = s.archive.is_some();
    let cursor = s.cursor;
    let (count, chosen) = in_view(m, cursor);
    if moves_cursor(action) {
        if let Screen::Start(s) = &mut m.screen {
            s.cursor = step(cursor, count + 1, action);
        }
        return None;
    }
    let row = chosen.and_then(|i| m.start_rows().get(i));
    match action {
        Action::Select | Action::Toggle if cursor == 0 => new_assessment(m),
        // A record in progress is continued; one with advice is opened to read. An archived
        // one is opened only once it is back among the records: Enter offers that.
        Action::Select | Action::Toggle if in_archive => return ask_archive(m, chosen, true),
        Action::Select | Action::Toggle => {
            return row.map(|row| match row.status {
                Status::InProgress => open(row.id(), Then::Continue, m.lang),
                _ => Effect::Read {
                    id: row.id().to_string(),
                },
            });
        }
        Action::Edit if !in_archive => {
            return row.map(|row| open(row.id(), Then::Continue, m.lang));
        }
        Action::Unfold | Action::Fold => fold(m, chosen, action == Action::Unfold),
        Action::Filter => {
            if let Screen::Start(s) = &mut m.screen {
                s.filter.get_or_insert_with(TextField::default);
                s.typing = true;
            }
        }
        Action::Archive => return ask_archive(m, chosen, in_archive),
        Action::ShowArchive => {
            let Screen::Start(s) = &mut m.screen else {
                return None;
            };
            s.cursor = 0;
            s.filter = None;
            // Other rows come into view.
            (s.hits, s.letters) = (None, None);
            if s.archive.take().is_none() {
                s.archive = Some(Vec::new());
                return Some(Effect::ListArchive);
            }
        }
        Action::Profile => return Some(Effect::LoadProfile),
        Action::Register => super::register::open_register(m),
        Action::Mark => super::compare::mark(m),
        Action::Compare => return super::compare::compare_marked(m),
        Action::Previous => return super::compare::previous_of_chosen(m),
        // Esc takes a mark away first, then a filter kept, then the archive; then the program ends.
        Action::Leave if super::compare::unmark(m) => {}
        Action::Leave => match &mut m.screen {
            Screen::Start(s) if s.filter.is_some() => {
                s.filter = None;
                s.cursor = 0;
            }
            Screen::Start(s) if s.archive.is_some() => {
                s.archive = None;
                s.cursor = 0;
            }
            _ => m.run = Run::Done,
        },
        _ => {}
    }
    None
}

/// How many rows are in view, and the index (in the rows) of the one at `cursor`.
pub(super) fn in_view(m: &Model, cursor: usize) -> (usize, Option<usize>) {
    let Screen::Start(s) = &m.screen else {
        return (0, None);
    };
    let needle = s.needle();
    let rows = m.start_rows();
    let mut chosen = None;
    let mut count = 0;
    let hits = s.hits.as_ref();
    for (k, i) in Start::filtered(needle.as_deref(), hits, rows, Some(m.bank), m.lang).enumerate() {
        if k + 1 == cursor {
            chosen = Some(i);
        }
        count += 1;
    }
    (count, chosen)
}

/// A key while the filter is typed: Enter keeps it, Esc clears it, ↑/↓ move through what it
/// lets through; the rest edits it.
fn filter_key<'b>(m: &mut Model<'b>, action: Action) -> Step<'b> {
    if super::edit_key(m, action) {
        filtered(m);
        return None;
    }
    let (count, _) = in_view(m, 0);
    let Screen::Start(s) = &mut m.screen else {
        return None;
    };
    match action {
        Action::Select => {
            s.typing = false;
            if s.needle().is_none() {
                s.filter = None;
            }
        }
        Action::Leave => {
            s.typing = false;
            s.filter = None;
            s.cursor = 0;
        }
        Action::NextPanel => s.cursor = step(s.cursor, count + 1, Action::Down),
        Action::PrevPanel => s.cursor = step(s.cursor, count + 1, Action::Up),
        _ => {}
    }
    None
}

/// After the filter changed: the cursor on the first record it lets through.
pub(super) fn filtered(m: &mut Model) {
    // Text typed elsewhere (a form over the start screen) leaves the filter as it is.
    let typing = matches!(&m.screen, Screen::Start(s) if s.typing);
    if !typing || !matches!(m.overlay, Overlay::None) {
        return;
    }
    refilter(m, false);
    if let Screen::Start(s) = &mut m.screen {
        s.cursor = 1;
    }
}

/// Works out again which rows the filter lets through: after the filter changed, or (`fresh`)
/// the rows in view.
pub(super) fn refilter(m: &mut Model, fresh: bool) {
    let (bank, lang) = (m.bank, m.lang);
    let Screen::Start(s) = &mut m.screen else {
        return;
    };
    let before = if fresh { None } else { s.hits.take() };
    if fresh {
        s.letters = None;
    }
    let rows: &[Row] = match (&s.archive, &m.records) {
        (Some(archive), _) => archive,
        (None, Records::Loaded(l)) => &l.records,
        _ => &[],
    };
    let Some(needle) = s.needle() else {
        s.hits = None;
        return;
    };
    let letters = s
        .letters
        .get_or_insert_with(|| crate::tui::app::letters(rows, Some(bank), lang));
    s.hits = Some(Hits::of(needle, before, rows, letters, (Some(bank), lang)));
}

/// Shows (`open`) or hides the older revisions of the chain of row `chosen`; the cursor stays
/// on the campaign's newest.
fn fold(m: &mut Model, chosen: Option<usize>, open: bool) {
    let Some(i) = chosen else { return };
    let Records::Loaded(l) = &mut m.records else {
        return;
    };
    if matches!(&m.screen, Screen::Start(s) if s.archive.is_some() || s.needle().is_some()) {
        return;
    }
    let Some(head) = (0..=i).rev().find(|&h| l.records[h].chain != Chain::Older) else {
        return;
    };
    if l.records[head].chain != Chain::Head {
        return;
    }
    l.records[head].unfolded = open;
    let place = Start::shown(None, &l.records, None, m.lang).position(|k| k == head);
    if let (Screen::Start(s), Some(place)) = (&mut m.screen, place) {
        s.cursor = place + 1;
    }
}

/// Asks whether to archive the draft at `chosen` (or restore the archived one); a signed-off
/// record is never archived, and says so.
fn ask_archive<'b>(m: &mut Model<'b>, chosen: Option<usize>, restore: bool) -> Step<'b> {
    let row = chosen.and_then(|i| m.start_rows().get(i))?;
    if row.status == Status::SignedOff && !restore {
        let said = crate::locale::listing::list_words(m.lang).signed_never;
        super::error(m, said);
        return None;
    }
    let title = match row.campaign().trim() {
        "" => words(m.lang).no_name.to_string(),
        name => crate::text::one_line(name).into_owned(),
    };
    m.overlay = Overlay::Confirm(Confirm::Archive {
        id: row.id().to_string(),
        title,
        restore,
    });
    None
}

/// The record moved into the archive or out of it: the lists follow without reading the
/// store again (a restored record is listed when the store is next read).
pub(super) fn archived(m: &mut Model, restore: bool, result: anyhow::Result<String>) {
    let id = match result {
        Ok(id) => id,
        Err(e) => return super::error(m, crate::locale::store::said(&e, m.lang)),
    };
    let moved = |rows: &mut Vec<Row>| -> Option<Row> {
        let at = rows.iter().position(|r| r.id() == id)?;
        let row = rows.remove(at);
        unchain(rows, at, row.chain);
        Some(row)
    };
    let Screen::Start(s) = &mut m.screen else {
        return;
    };
    if restore {
        let row = s.archive.as_mut().and_then(moved);
        if let (Some(mut row), Records::Loaded(l)) = (row, &mut m.records) {
            row.chain = Chain::Alone;
            let at = l
                .records
                .iter()
                .position(|r| r.updated() < row.updated())
                .unwrap_or(l.records.len());
            l.records.insert(at, row);
        }
    } else if let Records::Loaded(l) = &mut m.records {
        moved(&mut l.records);
    }
    s.cursor = s.cursor.saturating_sub(1).max(usize::from(s.cursor > 0));
    refilter(m, true);
    let said = crate::locale::listing::moved(&id, restore, m.lang);
    super::info(m, said);
}

/// The archive's list, read.
pub(super) fn archive_listed(m: &mut Model, result: anyhow::Result<Vec<Row>>) {
    match result {
        Ok(rows) => {
            if let Screen::Start(Start {
                archive: Some(shown),
                ..
            }) = &mut m.screen
            {
                *shown = rows;
            }
            refilter(m, true);
        }
        Err(e) => super::error(m, crate::locale::store::said(&e, m.lang)),
    }
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

/// After the row at `at` of chain place `was` left the list: a chain keeps a head while it
/// has two rows, and a single row left of it stands alone.
fn unchain(rows: &mut [Row], at: usize, was: Chain) {
    let start = match was {
        Chain::Alone => return,
        Chain::Head => at,
        Chain::Older => match (0..at).rev().find(|&h| rows[h].chain != Chain::Older) {
            Some(h) => h,
            None => return,
        },
    };
    let end = (start + 1..rows.len())
        .find(|&i| rows[i].chain != Chain::Older)
        .unwrap_or(rows.len());
    match end - start {
        0 => {}
        1 => rows[start].chain = Chain::Alone,
        _ if was == Chain::Head => rows[start].chain = Chain::Head,
        _ => {}
    }
}
