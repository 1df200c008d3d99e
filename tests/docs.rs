//! The documentation is self-contained: every Markdown file of the repository links only to
//! files that are in it, and none points at the specification kept outside it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The files of the repository ending in one of `ends` (not the build output, not hidden
/// directories).
fn files_ending(dir: &Path, ends: &[&str], out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with('.') || (dir == Path::new(ROOT) && name == "target") {
            continue;
        }
        if path.is_dir() {
            files_ending(&path, ends, out);
        } else if ends.iter().any(|e| name.ends_with(e)) {
            out.push(path);
        }
    }
}

/// The targets of the inline links `[text](target)` in a Markdown text.
fn links(text: &str) -> Vec<&str> {
    text.match_indices("](")
        .filter_map(|(at, _)| {
            let rest = &text[at + 2..];
            rest.find(')').map(|end| rest[..end].trim())
        })
        .collect()
}

#[test]
fn links_are_read_from_markdown() {
    assert_eq!(
        links("see [a](docs/a.md) and [b](https://x.nl/) or [c](#part)."),
        ["docs/a.md", "https://x.nl/", "#part"]
    );
}

#[test]
fn every_markdown_link_stays_in_the_repository() {
    let root = fs::canonicalize(ROOT).unwrap();
    let mut files = Vec::new();
    files_ending(&root, &[".md"], &mut files);
    assert!(files.iter().any(|f| f.ends_with("README.md")), "{files:?}");
    assert!(files.iter().any(|f| f.ends_with("docs/bank-format.md")));
    let mut checked = 0;
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        let shown = file.strip_prefix(&root).unwrap().display();
        assert!(
            !text.contains("shared/"),
            "{shown} refers to shared/, which is not in the repository"
        );
        for link in links(&text) {
            if link.contains("://") || link.starts_with("mailto:") || link.starts_with('#') {
                continue;
            }
            let path = link.split('#').next().unwrap();
            let target = file.parent().unwrap().join(path);
            let found = fs::canonicalize(&target)
                .unwrap_or_else(|_| panic!("{shown} links to {link}, which does not exist"));
            assert!(
                found.starts_with(&root),
                "{shown} links to {link}, outside the repository"
            );
            checked += 1;
        }
    }
    assert!(checked >= 5, "{checked} links checked");
}

/// Nor does any source, test, bank or asset name the specification files kept outside the
/// repository: a reader who clones it could not open them.
#[test]
fn no_file_names_the_specification_outside_the_repository() {
    let root = fs::canonicalize(ROOT).unwrap();
    let mut files = Vec::new();
    files_ending(&root, &[".rs", ".md", ".json", ".toml"], &mut files);
    assert!(files.len() > 100, "{} files", files.len());
    let outside = [
        "RULES.md",
        "INTERFACE.md",
        "PRODUCT.md",
        "STYLE.md",
        "../shared",
    ];
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        for name in outside {
            // This test names them itself.
            if text.contains(name) && !file.ends_with("tests/docs.rs") {
                panic!(
                    "{} names {name}",
                    file.strip_prefix(&root).unwrap().display()
                );
            }
        }
    }
}
