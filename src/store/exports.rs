//! Writing an export where the user asks: owner-only unless asked otherwise, never over an
//! existing file without `--force`, and without a temp file left behind by a killed export.
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::{random_u64, remove_stale};

/// An export's file that exists and was not to be replaced: the interface asks, the command
/// line says how to replace it.
#[derive(Debug)]
pub struct AlreadyExists(pub String);

impl std::error::Error for AlreadyExists {}

/// An export's permissions unless the user asks for others: readable by its owner only, as
/// the records are.
pub const EXPORT_MODE: u32 = 0o600;

/// The beginning of an export's temp file name, in the directory of the export.
const EXPORT_TMP_PREFIX: &str = ".avg-wijzer-export-";

/// Writes an export, readable by its owner only unless `mode` says otherwise (an export holds
/// as much as the record). An existing file is replaced only when `force` is given, and is
/// otherwise refused with [`AlreadyExists`] — also when it appears while the export is written:
/// the new file is linked into place, which fails if the name is taken.
pub fn write_export(path: &Path, content: &[u8], force: bool, mode: u32) -> Result<()> {
    let shown = path.display().to_string();
    if !force && fs::symlink_metadata(path).is_ok() {
        return Err(AlreadyExists(shown).into());
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    remove_stale_exports(&dir);
    let tmp = dir.join(format!(
        "{EXPORT_TMP_PREFIX}{}-{:016x}",
        std::process::id(),
        random_u64()
    ));
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, mode);
    let written = (|| -> std::io::Result<()> {
        let mut f = options.open(&tmp)?;
        f.write_all(content)?;
        f.sync_all()?;
        if force {
            fs::rename(&tmp, path)
        } else {
            let linked = fs::hard_link(&tmp, path);
            let _ = fs::remove_file(&tmp);
            linked
        }
    })();
    let _ = fs::remove_file(&tmp);
    match written {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(AlreadyExists(shown).into()),
        Err(e) => Err(super::io_failed(&shown, &e, Some(super::During::Exporting))),
    }
}

/// Export temp files that a killed export left behind, once they are an hour old.
fn remove_stale_exports(dir: &Path) {
    remove_stale(dir, EXPORT_TMP_PREFIX);
}
