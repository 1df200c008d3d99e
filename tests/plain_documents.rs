//! The plain mode's documents and register: after the advice the documents it calls for are
//! listed (the same list as the interface's documents view), `document N` shows one as text
//! and `document N FILE` writes it, never over a file; the start menu's `register` writes the
//! processing register, asking before it replaces a file. In Dutch and English.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::io::Cursor;
use std::process::ExitCode;

use avg_wijzer::plain;
use avg_wijzer::text::Lang;

mod common;
use common::english::english;
use common::plan::{jan5, jan20, started, workflow};
use common::{EXAMPLE, Scratch};

/// The plain mode on the scratch store on 20 January 2027, resuming `id` if given, fed `lines`.
fn run(s: &Scratch, id: Option<&str>, lang: Lang, lines: &[&str]) -> (ExitCode, String) {
    let wf = workflow(s, jan20);
    let input = lines.iter().map(|l| format!("{l}\n")).collect::<String>();
    let mut out = Vec::new();
    let code = plain::run_with(
        &wf,
        lang,
        plain::Opening::of(false, id),
        &mut Cursor::new(input.into_bytes()),
        &mut out,
    )
    .unwrap();
    (code, String::from_utf8(out).unwrap())
}

fn record(s: &Scratch) -> String {
    started(&workflow(s, jan5), EXAMPLE).record().id.clone()
}

/// One line: the wrapped lines joined again.
fn flat(out: &str) -> String {
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn after_the_advice_a_document_is_shown_and_written_never_over_a_file() {
    let s = Scratch::new("plain-documents");
    let id = record(&s);
    let wf = workflow(&s, jan20);
    let expected: Vec<String> = wf
        .drafts(&id, Lang::Nl)
        .unwrap()
        .docs
        .iter()
        .map(|d| d.title.clone())
        .collect();
    assert!(!expected.is_empty());
    let file = s.path("privacy.html");
    let write = format!("document 1 {}", file.display());
    let (code, out) = run(
        &s,
        Some(&id),
        Lang::Nl,
        &["", "document 2", "document 9", &write, &write, ""],
    );
    assert_eq!(code, ExitCode::SUCCESS);
    let listed = &out[out.find("Documenten die het advies vraagt:").expect(&out)..];
    for (i, title) in expected.iter().enumerate() {
        assert!(listed.contains(&format!("{}. {title}", i + 1)), "{listed}");
    }
    // Shown as text: its title underlined, the gaps marked.
    let flat = flat(&out);
    assert!(flat.contains(&format!("{} ====", expected[1])), "{flat}");
    assert!(flat.contains("[ontbreekt: naam van de bibliotheek]"));
    assert!(flat.contains("Dat begrijp ik niet: \"9\". Geef het nummer van een document"));
    // Written as HTML by its extension, once; the second time refused.
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    #[cfg(unix)]
    assert_eq!(common::mode(&file), 0o600);
    assert!(flat.contains(&format!("Document geschreven naar: {}", file.display())));
    assert!(flat.contains("Niet geschreven:"), "{flat}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), html);
}

#[test]
fn documents_in_english() {
    let s = Scratch::new("plain-documents-en");
    let id = record(&s);
    let (_, out) = run(&s, Some(&id), Lang::En, &["", "document 1", ""]);
    let from = out.find("Documents the advice calls for:").expect(&out);
    let to = out
        .find("Update the action plan")
        .unwrap_or(out.len())
        .max(from);
    english("the plain mode's documents", &out[from..to]);
    assert!(flat(&out).contains("[missing: library name]"), "{out}");
}

#[test]
fn the_start_menu_writes_the_register_and_asks_before_replacing_a_file() {
    for lang in [Lang::Nl, Lang::En] {
        let s = Scratch::new("plain-register");
        record(&s);
        let file = s.path("register.md");
        let path = file.display().to_string();
        let (yes, no) = match lang {
            Lang::Nl => ("j", "n"),
            Lang::En => ("y", "n"),
        };
        std::fs::write(&file, "eigen tekst").unwrap();
        let (_, out) = run(
            &s,
            None,
            lang,
            &["register", "3", &path, no, "register", "md", &path, yes],
        );
        let flat = flat(&out);
        let (prompt, asked, refused, written) = match lang {
            Lang::Nl => (
                "Typ register om het verwerkingsregister",
                "Dit bestand bestaat al. Vervangen?",
                "Het register is niet geschreven.",
                format!("1 verwerking in het register geschreven naar {path}"),
            ),
            Lang::En => (
                "Type register to write the processing register",
                "This file already exists. Replace it?",
                "The register was not written.",
                format!("1 register entry written to {path}"),
            ),
        };
        for said in [prompt, asked, refused, &written] {
            assert!(flat.contains(said), "{said}\n{out}");
        }
        let md = std::fs::read_to_string(&file).unwrap();
        assert!(md.starts_with("# "), "{md}");
        if lang == Lang::En {
            let from = out.find("Type register").unwrap();
            english("the plain mode's register", &out[from..]);
        }
    }
}
