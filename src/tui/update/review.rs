//! The review: every answer on the path, to change any of them before the advice.
use super::*;

pub(super) fn review_key<'b>(m: &mut Model<'b>, action: Action) -> Step<'b> {
    let bank = m.bank;
    let a = m.assessment()?;
    let walk = a.session.walk(bank);
    let rows = walk.path.len() + 1;
    let Screen::Review(r) = &mut m.screen else {
        return None;
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
        Action::EditCampaign => super::open_campaign(m),
        Action::Leave => to_start(m),
        _ => {}
    }
    None
}
