//! The library's profile as verbs: read it, change some of its items, save it as a form edited
//! it. The policies: a change is all or nothing (one refused value saves none), a change that
//! changes nothing writes nothing, and a profile saved elsewhere since it was read is never
//! overwritten.
use anyhow::Result;

use super::Workflow;
use crate::profile::{Field, Profile, Refused};
use crate::store::{self, LoadedProfile, Seen, Store};

/// Why the profile was not changed (said by `locale::profile`). Nothing was written.
#[derive(Debug)]
pub enum ProfileError {
    /// A value the profile does not take.
    Refused(Refused),
    /// Another window or process saved the profile since it was read.
    SavedElsewhere(store::ProfileSavedElsewhere),
    /// Reading or writing failed: the disk, the rights, a damaged file.
    Other(anyhow::Error),
}

impl From<anyhow::Error> for ProfileError {
    fn from(e: anyhow::Error) -> ProfileError {
        match e.downcast::<store::ProfileSavedElsewhere>() {
            Ok(elsewhere) => ProfileError::SavedElsewhere(elsewhere),
            Err(e) => ProfileError::Other(e),
        }
    }
}

/// What a change of the profile did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileSaved {
    /// The profile as it is on disk now.
    pub profile: Profile,
    /// What its file holds now, for a next save.
    pub seen: Seen,
    /// The items that changed; none when nothing was written.
    pub changed: Vec<Field>,
}

/// The library's profile in `store` (an empty one when none was saved yet). Needs no bank.
pub fn profile(store: &Store) -> Result<LoadedProfile> {
    store.load_profile()
}

/// Sets the items of `changes` (an empty value clears one) and saves the profile, all or
/// nothing. Needs no bank.
pub fn set_profile(store: &Store, changes: &[(Field, &str)]) -> Result<ProfileSaved, ProfileError> {
    let loaded = store.load_profile()?;
    let mut profile = loaded.profile.clone();
    for &(field, value) in changes {
        profile.set(field, value).map_err(ProfileError::Refused)?;
    }
    save_profile(store, &loaded, profile)
}

/// Saves `profile`, as edited from `from`: nothing is written when nothing changed, and
/// nothing when the profile was saved elsewhere since `from` was read. Needs no bank.
pub fn save_profile(
    store: &Store,
    from: &LoadedProfile,
    profile: Profile,
) -> Result<ProfileSaved, ProfileError> {
    let changed = from.profile.differences(&profile);
    if changed.is_empty() {
        return Ok(ProfileSaved {
            profile,
            seen: from.seen.clone(),
            changed,
        });
    }
    let seen = store.save_profile(&profile, &from.seen)?;
    Ok(ProfileSaved {
        profile,
        seen,
        changed,
    })
}

impl Workflow<'_> {
    /// The library's profile in the store.
    pub fn profile(&self) -> Result<LoadedProfile> {
        profile(self.store_or_fail()?)
    }

    /// [`save_profile`] in the workflow's store.
    pub fn save_profile(
        &self,
        from: &LoadedProfile,
        profile: Profile,
    ) -> Result<ProfileSaved, ProfileError> {
        save_profile(self.store_or_fail()?, from, profile)
    }

    /// The organisation's name from the profile, for a new assessment that gives none. A
    /// profile that cannot be read fills in nothing: starting an assessment does not depend on
    /// it, and reading the profile says what is wrong with it.
    pub(super) fn organisation(&self) -> Option<String> {
        let loaded = self.store.as_ref()?.load_profile().ok()?;
        loaded.profile.get(Field::Name).map(str::to_string)
    }
}
