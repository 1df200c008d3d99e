//! Which module may use which, kept so by reading the sources: the bank (the data) does not
//! know the engine that evaluates it, the key table and the messages do not import each other,
//! and only the command line knows clap. Comments may name anything; code lines may not.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;
use std::path::{Path, PathBuf};

const SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src");

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// The code lines of `file` (comments left out) that contain `word`, as "file:line: text".
fn uses(file: &Path, word: &str) -> Vec<String> {
    fs::read_to_string(file)
        .unwrap()
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim_start().starts_with("//") && l.contains(word))
        .map(|(i, l)| format!("{}:{}: {}", file.display(), i + 1, l.trim()))
        .collect()
}

fn uses_in(files: &[PathBuf], word: &str) -> Vec<String> {
    files.iter().flat_map(|f| uses(f, word)).collect()
}

#[test]
fn the_bank_does_not_know_the_engine() {
    let mut files = Vec::new();
    rust_files(&Path::new(SRC).join("bank"), &mut files);
    assert!(files.len() > 10, "{files:?}");
    let found = uses_in(&files, "engine::");
    assert!(found.is_empty(), "{found:#?}");
    // The check itself sees what it looks for.
    assert!(!uses(&Path::new(SRC).join("engine/mod.rs"), "crate::bank::").is_empty());
}

#[test]
fn keymap_and_message_do_not_import_each_other() {
    let tui = Path::new(SRC).join("tui");
    let found = uses(&tui.join("message.rs"), "keymap");
    assert!(found.is_empty(), "{found:#?}");
    assert!(!uses(&tui.join("keymap.rs"), "message::").is_empty());
}

#[test]
fn only_the_command_line_knows_clap() {
    let mut files = Vec::new();
    rust_files(Path::new(SRC), &mut files);
    let cli = Path::new(SRC).join("cli");
    let domain: Vec<PathBuf> = files
        .into_iter()
        .filter(|f| !f.starts_with(&cli) && !f.ends_with("main.rs"))
        .collect();
    assert!(domain.iter().any(|f| f.ends_with("text.rs")));
    assert!(domain.iter().any(|f| f.ends_with("export.rs")));
    let found = uses_in(&domain, "clap");
    assert!(found.is_empty(), "{found:#?}");
    assert!(!uses(&cli.join("mod.rs"), "clap").is_empty());
}
