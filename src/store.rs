//! The one module that touches the disk: reading bank directories and input files.
use std::fs;
use std::io::Read;
use std::path::Path;

use anyhow::{Result, anyhow, bail};

/// An I/O error in the interface's words, naming the file.
fn io_error(path: &str, e: &std::io::Error) -> anyhow::Error {
    use std::io::ErrorKind::*;
    let path = if path.is_empty() { "\"\"" } else { path };
    let why = match e.kind() {
        NotFound => "bestaat niet".to_string(),
        PermissionDenied => "geen toegang (rechten)".to_string(),
        IsADirectory => "is een map, geen bestand".to_string(),
        NotADirectory => "is geen map".to_string(),
        _ => format!("niet te lezen ({e})"),
    };
    anyhow!("{path}: {why}")
}

/// The `*.json` files of a bank directory, as (file name, bytes), sorted by name. Their
/// content is checked by the bank loader, which reports every bad file, not just the first.
pub fn read_bank_dir(dir: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    let shown = dir.display().to_string();
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| io_error(&shown, &e))? {
        let entry = entry.map_err(|e| io_error(&shown, &e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".json") || !entry.path().is_file() {
            continue;
        }
        let bytes = fs::read(entry.path())
            .map_err(|e| io_error(&entry.path().display().to_string(), &e))?;
        files.push((name, bytes));
    }
    if files.is_empty() {
        bail!("{shown}: geen .json-bestanden in deze map");
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
            .map_err(|e| io_error("standaardinvoer", &e))?;
        buf
    } else {
        fs::read(path).map_err(|e| io_error(path, &e))?
    };
    let name = if path == "-" { "standaardinvoer" } else { path };
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{name}: geen geldige UTF-8 (bij byte {})",
            e.utf8_error().valid_up_to() + 1
        )
    })
}
