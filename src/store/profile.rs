//! The library's profile, one file beside the records: `library.json`. Read as hostile (a size
//! limit, strict JSON, no unknown key, every value checked); no file yet is an empty profile.
//! A save replaces the file atomically, and only when it is still the file the profile was
//! read from: two windows or processes saving at once never lose a write silently.
use sha2::{Digest, Sha256};

use super::read::{PROFILE_LIMIT, read_file, utf8};
use super::*;
use crate::profile::Profile;

/// The profile's file in the store. The list of records leaves it out.
pub const PROFILE_FILE: &str = "library.json";

/// What the profile's file held when it was read or last saved: the SHA-256 of its bytes, or
/// nothing when there was no file. A save is refused unless the file still holds that.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen(Option<[u8; 32]>);

impl Seen {
    /// What a store without a profile's file holds: a first save expects no file.
    pub const NO_FILE: Seen = Seen(None);

    fn of(bytes: &[u8]) -> Seen {
        Seen(Some(Sha256::digest(bytes).into()))
    }
}

/// The profile as read, and what its file held then (for the save that follows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedProfile {
    pub profile: Profile,
    pub seen: Seen,
}

/// A save of the profile refused because its file is not the one that was read: another window
/// or process saved the profile meanwhile (or the file was replaced). Nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileSavedElsewhere {
    pub file: String,
}

impl std::error::Error for ProfileSavedElsewhere {}

impl Store {
    /// The profile's file.
    pub fn profile_path(&self) -> PathBuf {
        self.dir.join(PROFILE_FILE)
    }

    /// The library's profile; an empty one when there is no file yet. A file that is not a
    /// profile, or holds what no person could have set, is refused with the reason and the
    /// file's name.
    pub fn load_profile(&self) -> Result<LoadedProfile> {
        let path = self.profile_path();
        let shown = path.display().to_string();
        let Some(bytes) = profile_bytes(&path)? else {
            return Ok(LoadedProfile {
                profile: Profile::default(),
                seen: Seen::NO_FILE,
            });
        };
        let seen = Seen::of(&bytes);
        let text = utf8(&shown, bytes)?;
        let profile = Profile::from_json(&text)
            .map_err(|why| StoreError::ProfileUnreadable { path: shown, why })?;
        Ok(LoadedProfile { profile, seen })
    }

    /// Saves the profile over the file it was read from (`seen`), atomically and readable by
    /// the owner only; returns what the file holds now. Refused with
    /// [`ProfileSavedElsewhere`] when the file changed since (nothing is written then).
    pub fn save_profile(&self, profile: &Profile, seen: &Seen) -> Result<Seen> {
        let path = self.profile_path();
        // Saves in one store take turns, so the check and the write are one step.
        let lock = self.lock(SAVE_LOCK)?;
        // A file that cannot be read now (too large, not a plain file) is not overwritten
        // unseen: the save fails with why.
        let on_disk = match profile_bytes(&path) {
            Ok(Some(bytes)) => Seen::of(&bytes),
            Ok(None) => Seen::NO_FILE,
            Err(e) => {
                let _ = lock.unlock();
                return Err(e);
            }
        };
        if on_disk != *seen {
            let _ = lock.unlock();
            return Err(ProfileSavedElsewhere {
                file: path.display().to_string(),
            }
            .into());
        }
        let bytes = profile.to_json();
        let result = self.write_atomic(&path, bytes.as_bytes(), true, true);
        let _ = lock.unlock();
        result.map(|()| Seen::of(bytes.as_bytes()))
    }
}

/// The profile's file's bytes, at most [`PROFILE_LIMIT`]; `None` when there is no file. A link
/// or anything else than a plain file is not followed: the profile is a file of the store's
/// own.
fn profile_bytes(path: &Path) -> Result<Option<Vec<u8>>> {
    let shown = path.display().to_string();
    match fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_error(&shown, &e)),
        Ok(m) if !m.is_file() => return Err(StoreError::NotAFile { path: shown }.into()),
        Ok(_) => {}
    }
    read_file(path, PROFILE_LIMIT).map(Some)
}
