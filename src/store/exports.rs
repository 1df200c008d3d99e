//! Writing an export where the user asks: owner-only unless asked otherwise, never over an
//! existing file without `--force`, and without a temp file left behind by a killed export.
use std::ffi::OsStr;
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

/// The file an export typed into a form goes to, as an absolute path: `~` and `~/…` are the
/// home directory (on the command line the shell expands them; a form must do it itself), and
/// a relative path is taken from the current directory, so that the path said on success is
/// the file written. Nothing on disk is looked at.
pub fn export_path(typed: &str) -> PathBuf {
    let expanded = expand_home(typed, std::env::home_dir().as_deref().map(Path::as_os_str));
    std::path::absolute(&expanded).unwrap_or(expanded)
}

/// `~` and `~/rest` with `home` in place of the `~`; any other path as it is (`~name`, another
/// user's home, is left alone: it would need the user database). Without a home, as typed.
pub fn expand_home(typed: &str, home: Option<&OsStr>) -> PathBuf {
    let rest = match typed.strip_prefix('~') {
        Some("") => "",
        Some(r) if r.starts_with('/') || (cfg!(windows) && r.starts_with('\\')) => &r[1..],
        _ => return PathBuf::from(typed),
    };
    match home.filter(|h| !h.is_empty()) {
        Some(h) if rest.is_empty() => PathBuf::from(h),
        Some(h) => Path::new(h).join(rest),
        None => PathBuf::from(typed),
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tilde_is_the_home_directory() {
        let home = Some(OsStr::new("/home/anna"));
        let cases = [
            ("~", "/home/anna"),
            ("~/", "/home/anna/"),
            ("~/verslag.md", "/home/anna/verslag.md"),
            ("~/map/verslag.md", "/home/anna/map/verslag.md"),
            // Not the home directory: as typed.
            ("~piet/verslag.md", "~piet/verslag.md"),
            ("map/~/verslag.md", "map/~/verslag.md"),
            ("./~", "./~"),
            ("/tmp/verslag.md", "/tmp/verslag.md"),
            ("verslag.md", "verslag.md"),
            ("", ""),
        ];
        for (typed, expected) in cases {
            assert_eq!(expand_home(typed, home), PathBuf::from(expected), "{typed}");
        }
        // Without a home, as typed.
        assert_eq!(expand_home("~/x", None), PathBuf::from("~/x"));
        assert_eq!(
            expand_home("~/x", Some(OsStr::new(""))),
            PathBuf::from("~/x")
        );
    }

    #[test]
    fn an_export_path_is_absolute() {
        assert!(export_path("verslag.md").is_absolute());
        assert!(export_path("~/verslag.md").is_absolute());
        assert!(export_path("verslag.md").ends_with("verslag.md"));
    }
}
