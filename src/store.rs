//! The one module that touches the disk: reading bank directories and input files.
use std::fs;
use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result, bail};

/// The `*.json` files of a bank directory, as (file name, content), sorted by name.
pub fn read_bank_dir(dir: &Path) -> Result<Vec<(String, String)>> {
    let entries =
        fs::read_dir(dir).with_context(|| format!("{}: map niet te lezen", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.with_context(|| format!("{}: map niet te lezen", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".json") || !entry.path().is_file() {
            continue;
        }
        let bytes = fs::read(entry.path())
            .with_context(|| format!("{}: niet te lezen", entry.path().display()))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            anyhow::anyhow!(
                "{name}: geen geldige UTF-8 (byte {})",
                e.utf8_error().valid_up_to()
            )
        })?;
        files.push((name, text));
    }
    if files.is_empty() {
        bail!("{}: geen .json-bestanden in deze map", dir.display());
    }
    files.sort();
    Ok(files)
}

/// An input file as text; `-` reads standard input.
pub fn read_input(path: &str) -> Result<String> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("standaardinvoer: niet te lezen")?;
        buf
    } else {
        fs::read(path).with_context(|| format!("{path}: niet te lezen"))?
    };
    let name = if path == "-" { "standaardinvoer" } else { path };
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{name}: geen geldige UTF-8 (byte {})",
            e.utf8_error().valid_up_to()
        )
    })
}
