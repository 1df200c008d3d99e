//! The archive: drafts put aside. A record file is moved into the store's `archive/` folder and
//! back, never copied or deleted; a signed-off record is never moved there (nor deleted by the
//! tool at all). The list, the register and the recheck read only the store's own folder, so
//! an archived record is in none of them.
use super::*;

/// The folder in the store that holds archived records.
const ARCHIVE_DIR: &str = "archive";

impl Store {
    /// The archive's folder.
    pub fn archive_dir(&self) -> PathBuf {
        self.dir.join(ARCHIVE_DIR)
    }

    /// Moves the record `id` (or the one record whose id starts with it) into the archive;
    /// returns its full id. Refused for a signed-off record ([`StoreError::Signed`]), for a
    /// file that cannot be read as a record (whether it is signed cannot be told), and when
    /// the archive holds a file of that name already.
    pub fn archive(&self, id: &str) -> Result<String> {
        let from = self.resolve(id)?;
        let lock = self.lock(SAVE_LOCK)?;
        let result = (|| {
            let record = read_record(&from)?;
            if record.signoff.is_some() || record.status == record::Status::SignedOff {
                return Err(StoreError::Signed { id: record.id }.into());
            }
            let dir = self.archive_folder()?;
            let to = dir.join(format!("{}.json", record.id));
            self.move_file(&from, &to)?;
            Ok(record.id)
        })();
        let _ = lock.unlock();
        result
    }

    /// Moves the archived record `id` (or the one whose id starts with it) back into the store;
    /// returns its full id. Refused when the store holds a record of that id again.
    pub fn restore(&self, id: &str) -> Result<String> {
        let dir = self.archive_dir();
        let from = resolve_in(&dir, id)?;
        let lock = self.lock(SAVE_LOCK)?;
        let result = (|| {
            let name = from
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let to = self.path_of(name.trim_end_matches(".json"))?;
            self.move_file(&from, &to)?;
            Ok(name.trim_end_matches(".json").to_string())
        })();
        let _ = lock.unlock();
        result
    }

    /// The archived records, newest first, and the archived files that are not readable
    /// records. Read from the files each time: the archive is small and seldom listed.
    pub fn list_archived(&self) -> Result<Listing> {
        let dir = self.archive_dir();
        let mut listing = Listing::default();
        if !real_dir(&dir) {
            return Ok(listing);
        }
        for name in record_names(&dir)? {
            match super::listing::summarise(&dir.join(&name), &name) {
                Ok(summary) => listing.records.push(summary),
                Err(why) => listing.unreadable.push((name, why)),
            }
        }
        super::listing::newest_first(&mut listing.records);
        Ok(listing)
    }

    /// The archive's folder, made (owner-only) when there is none; a link or a file in its
    /// place is refused, so nothing is moved out of the store.
    fn archive_folder(&self) -> Result<PathBuf> {
        let dir = self.archive_dir();
        let shown = dir.display().to_string();
        match fs::symlink_metadata(&dir) {
            Ok(m) if m.is_dir() => return Ok(dir),
            Ok(_) => return Err(StoreError::NotADirectory { path: shown }.into()),
            Err(_) => {}
        }
        fs::create_dir(&dir).map_err(|e| io_failed(&shown, &e, Some(During::Saving)))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = fs::set_permissions(&dir, fs::Permissions::from_mode(0o700));
        }
        sync_dir(&self.dir);
        Ok(dir)
    }

    /// Moves a record file from one folder of the store to the other: one rename, which a
    /// crash leaves done or undone, never half; then both folders are synced, so the move
    /// outlives a power cut. An existing file is never replaced (checked under the save lock,
    /// which every writer of the store takes).
    fn move_file(&self, from: &Path, to: &Path) -> Result<()> {
        let shown = to.display().to_string();
        if fs::symlink_metadata(to).is_ok() {
            return Err(StoreError::RecordExists { path: shown }.into());
        }
        fs::rename(from, to).map_err(|e| io_failed(&shown, &e, Some(During::Saving)))?;
        for dir in [from.parent(), to.parent()].into_iter().flatten() {
            sync_dir(dir);
        }
        Ok(())
    }
}

/// Whether `dir` is a folder of its own (not a link to one elsewhere).
fn real_dir(dir: &Path) -> bool {
    fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir())
}

fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// The names of the record files in `dir` (plain files named by a plain id), sorted.
fn record_names(dir: &Path) -> Result<Vec<String>> {
    let shown = dir.display().to_string();
    let mut names: Vec<String> = fs::read_dir(dir)
        .map_err(|e| io_error(&shown, &e))?
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| {
            n.strip_suffix(".json")
                .is_some_and(|id| record::is_plain_id(id) && !is_profile(id))
        })
        .collect();
    names.sort_unstable();
    Ok(names)
}

/// The file in `dir` of the one record whose id is `prefix` or starts with it.
fn resolve_in(dir: &Path, prefix: &str) -> Result<PathBuf> {
    let prefix = super::id_prefix(prefix)?;
    let none = || -> anyhow::Error {
        StoreError::NoRecord {
            prefix: prefix.to_string(),
            dir: dir.display().to_string(),
        }
        .into()
    };
    if !real_dir(dir) {
        return Err(none());
    }
    let found: Vec<String> = record_names(dir)?
        .into_iter()
        .map(|n| n.trim_end_matches(".json").to_string())
        .filter(|id| id.starts_with(prefix))
        .collect();
    if let Some(exact) = found.iter().find(|id| *id == prefix) {
        return Ok(dir.join(format!("{exact}.json")));
    }
    match found.len() {
        0 => Err(none()),
        1 => Ok(dir.join(format!("{}.json", found[0]))),
        n => Err(StoreError::Ambiguous {
            prefix: prefix.to_string(),
            n,
            some: found.iter().take(5).cloned().collect(),
        }
        .into()),
    }
}
