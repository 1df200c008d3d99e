//! The campaign's form, over the question or the review it is opened from (`o`): Tab goes
//! through the fields, Ctrl-N adds a participant, Ctrl-D removes the one under the cursor,
//! Enter saves (through the workflow, so a signed-off record gets a new revision), Esc leaves
//! after asking when something changed.
use super::*;
use crate::locale::campaign::words as campaign_words;

/// Opens the form on the open record's campaign; a record opened to read is not changed.
pub(super) fn open_campaign(m: &mut Model) {
    let Some(r) = m.record() else { return };
    if m.work.as_ref().is_some_and(Work::is_read_only) {
        info(m, words(m.lang).read_only);
        return;
    }
    m.overlay = Overlay::Campaign(Box::new(CampaignForm::new(r, m.lang)));
}

/// A key on the campaign's form, which was taken out of the overlay to handle it; it goes
/// back unless the key leaves it.
pub(super) fn campaign_key<'b>(
    m: &mut Model<'b>,
    mut form: Box<CampaignForm>,
    action: Action,
) -> Step<'b> {
    let w = campaign_words(m.lang);
    match action {
        Action::NextPanel => form.move_focus(1),
        Action::PrevPanel => form.move_focus(-1),
        Action::AddRow => {
            if !form.add() {
                error(m, w.full);
            }
        }
        Action::RemoveRow => {
            if !form.remove() {
                info(m, w.no_row);
            }
        }
        Action::Select if !form.is_changed() => {
            info(m, w.unchanged);
            return None;
        }
        Action::Select => {
            let edit = form.edit();
            m.overlay = Overlay::Campaign(form);
            return Some(Effect::Campaign {
                work: take_work(m)?,
                edit,
            });
        }
        Action::Leave if form.is_changed() => {
            m.overlay = Overlay::Confirm(Confirm::DiscardCampaign(form));
            return None;
        }
        // Back to the screen it was opened from.
        Action::Leave => return None,
        _ => {
            m.overlay = Overlay::Campaign(form);
            edit_key(m, action);
            return None;
        }
    }
    m.overlay = Overlay::Campaign(form);
    None
}

/// A save: the form closes and the change is said; a refusal keeps the form open.
pub(super) fn campaigned(
    m: &mut Model,
    result: Result<crate::app::Changed, crate::record::Refusal>,
    tell: impl FnOnce(&mut Model, &crate::app::Changed),
) {
    match result {
        Ok(changed) => {
            if matches!(m.overlay, Overlay::Campaign(_)) {
                m.overlay = Overlay::None;
            }
            tell(m, &changed);
        }
        Err(refused) => error(m, refused.said(m.lang)),
    }
}
