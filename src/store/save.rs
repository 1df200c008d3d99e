//! Saving records: a new record never replaces a file, a saved one is replaced atomically and
//! only when the file is still the one this process loaded or last saved; saves in one store
//! take turns under a lock.
use super::*;

/// A save refused because the record's file is not the one this process loaded or last saved:
/// another window or process saved it meanwhile (or replaced the file). Nothing was written.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedElsewhere {
    pub file: String,
    pub id: String,
}

impl std::error::Error for SavedElsewhere {}

/// What a record file on disk was saved as (see [`Record::saved_as`]), read from its JSON;
/// `None` when it has no integrity hash.
fn saved_as(v: &serde_json::Value) -> Option<(String, Option<String>)> {
    let hash = v["integrity"]["hash"].as_str()?.to_string();
    let plan = v
        .get("plan")
        .map(|p| p["seal"]["hash"].as_str().unwrap_or_default().to_string());
    Some((hash, plan))
}

/// A record's seals before a save, put back when the save fails: the file still has them.
struct Seals(record::Integrity, record::plan::PlanSeal);

impl Seals {
    fn of(record: &Record) -> Seals {
        Seals(record.integrity.clone(), record.plan.seal.clone())
    }

    fn restore(self, record: &mut Record) {
        record.integrity = self.0;
        record.plan.seal = self.1;
    }
}

impl Store {
    /// Saves a new record; never replaces an existing file.
    pub fn create(&self, record: &mut Record) -> Result<()> {
        let path = self.path_of(&record.id)?;
        let before = Seals::of(record);
        let bytes = record.to_json();
        let result = self.write_atomic(&path, bytes.as_bytes(), false, true);
        if result.is_err() {
            before.restore(record);
        }
        result
    }

    /// Saves a record over its previous version, atomically: a reader (or a crash) sees the old
    /// file or the new one, never half of one. Refused when the file on disk is not the one
    /// this process loaded or last saved (another window or process saved meanwhile, or the
    /// file was replaced): nothing is overwritten. A record whose file is gone is saved anew,
    /// as [`Store::create`] would.
    pub fn save(&self, record: &mut Record) -> Result<()> {
        let path = self.path_of(&record.id)?;
        // Saves in one store take turns, so the check and the write are one step.
        let lock = self.lock(SAVE_LOCK)?;
        let expected = record.saved_as();
        // What the file on disk was sealed with: `None` when there is no file. A file that
        // cannot be read (damaged, or too large to read) matches no hash, so it is never
        // overwritten.
        let on_disk = match read_record_text(&path) {
            Ok(text) => Some(
                serde_json::from_str::<serde_json::Value>(&text)
                    .ok()
                    .and_then(|v| saved_as(&v)),
            ),
            Err(_) if fs::symlink_metadata(&path).is_err() => None,
            Err(_) => Some(None),
        };
        // An empty hash matches nothing: a record that was never sealed cannot claim a file.
        // The plan's seal is compared too: after a sign-off, another process's plan change
        // leaves the integrity hash as it was.
        if let Some(found) = &on_disk
            && (expected.0.is_empty() || found.as_ref() != Some(&expected))
        {
            let _ = lock.unlock();
            return Err(self.saved_elsewhere(&path, record));
        }
        let before = Seals::of(record);
        let bytes = record.to_json();
        let result = self.write_atomic(&path, bytes.as_bytes(), on_disk.is_some(), true);
        let _ = lock.unlock();
        if result.is_err() {
            // The file on disk still has the old seals: the next save is checked against
            // them, not against seals that never reached the disk.
            before.restore(record);
        }
        result
    }

    /// Saves only the record's action plan into its file, leaving everything else in the file
    /// as it is, to the byte of its canonical form: after a sign-off the sealed content (and so
    /// the fingerprint the FG signed) must not change, not even its format version or a time.
    /// Refused, as [`Store::save`] is, when the file is not the one this process loaded or last
    /// saved, or no longer holds; also when it is gone, since a signed-off record cannot be
    /// written anew from memory.
    pub fn save_plan(&self, record: &mut Record) -> Result<()> {
        let path = self.path_of(&record.id)?;
        let lock = self.lock(SAVE_LOCK)?;
        let file = read_record_text(&path)
            .ok()
            .and_then(|text| record::parse_value(&text).ok())
            .filter(|v| {
                saved_as(v).as_ref() == Some(&record.saved_as())
                    && record::verify_value(v) == record::Verification::Intact
            });
        let Some(mut file) = file else {
            let _ = lock.unlock();
            return Err(self.saved_elsewhere(&path, record));
        };
        let before = Seals::of(record);
        record.plan.seal_to(&record.integrity.hash);
        let result = serde_json::to_value(&record.plan)
            .map_err(anyhow::Error::from)
            .and_then(|plan| {
                file["plan"] = plan;
                let bytes = serde_json::to_string_pretty(&file)? + "\n";
                self.write_atomic(&path, bytes.as_bytes(), true, true)
            });
        let _ = lock.unlock();
        if result.is_err() {
            before.restore(record);
        }
        result
    }

    fn saved_elsewhere(&self, path: &Path, record: &Record) -> anyhow::Error {
        SavedElsewhere {
            file: path.display().to_string(),
            id: record.id.clone(),
        }
        .into()
    }

    /// An exclusive lock on a lock file in the store (owner-only), held until unlocked or
    /// dropped.
    pub(super) fn lock(&self, name: &str) -> Result<File> {
        /// Saves take a millisecond; a lock held this long is held by something else than a
        /// save (a process of someone else's on a shared drive), and waiting on would hang.
        const PATIENCE: std::time::Duration = std::time::Duration::from_secs(10);
        let mut options = OpenOptions::new();
        options.create(true).truncate(false).write(true);
        // A lock file replaced by a link (to a file of the user's elsewhere) is not followed:
        // opening it fails instead of creating or locking what the link points at. Nor does
        // opening wait on a named pipe put in its place.
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options
                .mode(0o600)
                .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
        }
        let path = self.dir.join(name);
        let not_a_file = || -> anyhow::Error {
            StoreError::NotAFile {
                path: path.display().to_string(),
            }
            .into()
        };
        if fs::symlink_metadata(&path).is_ok_and(|m| !m.is_file()) {
            return Err(not_a_file());
        }
        let file = options.open(&path).map_err(|e| io_error(name, &e))?;
        if !file.metadata().is_ok_and(|m| m.is_file()) {
            return Err(not_a_file());
        }
        let start = std::time::Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(file),
                Err(std::fs::TryLockError::WouldBlock) if start.elapsed() < PATIENCE => {
                    std::thread::sleep(std::time::Duration::from_millis(5));
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    return Err(StoreError::Busy {
                        path: self.dir.join(name).display().to_string(),
                        secs: PATIENCE.as_secs(),
                    }
                    .into());
                }
                Err(std::fs::TryLockError::Error(e)) => return Err(io_error(name, &e)),
            }
        }
    }

    /// Temp file in the same directory, fsync, rename (or link, to refuse replacing), fsync of
    /// the directory. The temp file is owner-only from the start. Without `durable` the two
    /// fsyncs are left out (for the index, a cache that is rebuilt if a crash damages it).
    pub(super) fn write_atomic(
        &self,
        target: &Path,
        bytes: &[u8],
        replace: bool,
        durable: bool,
    ) -> Result<()> {
        self.write_atomic_with(target, replace, durable, |f| f.write_all(bytes))
    }

    /// [`Store::write_atomic`] with the content written by `write`, for content made as it
    /// is written.
    pub(super) fn write_atomic_with(
        &self,
        target: &Path,
        replace: bool,
        durable: bool,
        write: impl FnOnce(&mut File) -> std::io::Result<()>,
    ) -> Result<()> {
        let shown = target.display().to_string();
        let tmp = self.dir.join(format!(
            "{TMP_PREFIX}{}-{:016x}",
            std::process::id(),
            random_u64()
        ));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let written = (|| -> std::io::Result<()> {
            let mut f = options.open(&tmp)?;
            write(&mut f)?;
            if durable { f.sync_all() } else { Ok(()) }
        })();
        if let Err(e) = written {
            let _ = fs::remove_file(&tmp);
            return Err(io_failed(&shown, &e, Some(During::Saving)));
        }
        let placed = if replace {
            fs::rename(&tmp, target)
        } else {
            // A hard link fails if the target exists, so a new record never replaces a file.
            let linked = fs::hard_link(&tmp, target);
            let _ = fs::remove_file(&tmp);
            linked
        };
        if let Err(e) = placed {
            let _ = fs::remove_file(&tmp);
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                return Err(StoreError::RecordExists { path: shown }.into());
            }
            return Err(io_failed(&shown, &e, Some(During::Saving)));
        }
        if durable && let Ok(d) = File::open(&self.dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}
