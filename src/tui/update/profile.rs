//! The form of the library's profile: opened from the start screen, every item a field, Enter
//! saves (after checking every value), Esc leaves after asking when something changed.
use super::*;
use crate::app::{ProfileError, ProfileSaved};
use crate::profile::Field;
use crate::store::LoadedProfile;

/// A key on the profile's form, which was taken out of the overlay to handle it; it goes back
/// unless the key leaves it.
pub(super) fn profile_key<'b>(
    m: &mut Model<'b>,
    mut form: Box<ProfileForm>,
    action: Action,
) -> Step<'b> {
    match action {
        Action::NextPanel => form.focus = cycle(&Field::ALL, form.focus, 1),
        Action::PrevPanel => form.focus = cycle(&Field::ALL, form.focus, -1),
        Action::NewLine if form.focus.multi_line() => {
            let focus = form.focus;
            form.field_mut(focus).insert_break(m.lang);
        }
        Action::Select => return save(m, form),
        Action::Leave if form.is_changed() => {
            m.overlay = Overlay::Confirm(Confirm::DiscardProfile(form));
            return None;
        }
        // Back to the start screen it was opened from.
        Action::Leave => return None,
        _ => {
            m.overlay = Overlay::Profile(form);
            edit_key(m, action);
            return None;
        }
    }
    m.overlay = Overlay::Profile(form);
    None
}

/// Every value checked, then saved: a refused one keeps the form open on its field, with why.
fn save<'b>(m: &mut Model<'b>, mut form: Box<ProfileForm>) -> Step<'b> {
    let w = words(m.lang);
    let effect = match form.profile() {
        Err(refused) => {
            form.focus = refused.field;
            error(m, refused.said(m.lang));
            None
        }
        Ok(profile) if profile == form.from.profile => {
            info(m, w.profile_unchanged);
            return None;
        }
        Ok(profile) => Some(Effect::SaveProfile {
            from: form.from.clone(),
            profile,
        }),
    };
    m.overlay = Overlay::Profile(form);
    effect
}

/// The profile as read: its form opens, or why it cannot be read is said.
pub(super) fn loaded(m: &mut Model, result: anyhow::Result<LoadedProfile>) {
    match result {
        Ok(loaded) => {
            m.overlay = Overlay::Profile(Box::new(ProfileForm::new(loaded, m.lang)));
        }
        Err(e) => error(m, crate::locale::store::said(&e, m.lang)),
    }
}

/// A save: said, and the form closes; a save that failed leaves the form as it was, to try
/// again or leave.
pub(super) fn saved(m: &mut Model, result: Result<ProfileSaved, ProfileError>) {
    let w = words(m.lang);
    match result {
        Ok(_) => {
            if matches!(m.overlay, Overlay::Profile(_)) {
                m.overlay = Overlay::None;
            }
            info(m, w.profile_saved);
        }
        Err(e) => error(m, format!("{}: {}", w.save_failed, e.said(m.lang))),
    }
}
