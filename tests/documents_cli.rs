//! The `document` command: the documents offered for a record listed, one written to stdout or a
//! file (never over one) in every format and either language, what is missing said on stderr,
//! and what it cannot make refused with why.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;

use serde_json::json;

use avg_wijzer::text::Lang;

mod common;
use common::documents::*;
use common::english::english;
use common::{BANK, Scratch};

fn title(kind: &str, lang: Lang) -> String {
    BANK.documents()
        .iter()
        .find(|d| d.id == kind)
        .unwrap()
        .title
        .get(lang)
        .to_string()
}

#[test]
fn the_command_lists_the_documents_offered_in_either_language() {
    let s = Scratch::new("documents-list");
    let (_, answers, kinds) = cases().remove(4);
    let id = s.new_record("a.json", &answers_file(&answers));
    for (lang, head, hint) in [
        (
            Lang::Nl,
            "Documenten voor verslag",
            "Maak er een met: avg-wijzer document ID SOORT [-o BESTAND]",
        ),
        (
            Lang::En,
            "Documents for record",
            "Make one with: avg-wijzer document ID KIND [-o FILE]",
        ),
    ] {
        let out = s.run(&["--lang", lang.code(), "document", &id[..12]]);
        out.assert_ok();
        let mut want = format!("{head} {id}:\n");
        for kind in &kinds {
            want.push_str(&format!("  {kind:<17}  {}\n", title(kind, lang)));
        }
        want.push_str(&format!("{hint}\n"));
        assert_eq!(out.stdout, want);
        assert_eq!(out.stderr, "");
        if lang == Lang::En {
            english("document list", &out.stdout);
        }
    }
    // A plan that cannot go ahead: none, and why.
    let blocked = s.new_record(
        "b.json",
        &answers_file(&json!({
            "use_case": "coverage_analysis", "postcode_granularity": "pc6_house_number",
            "envisia_access": "poi_license", "legal_basis": "undecided"
        })),
    );
    let out = s.run(&["document", &blocked]);
    out.assert_ok();
    assert_eq!(
        out.stdout,
        format!(
            "Geen documenten voor verslag {blocked}: het advies kan het plan nog niet beoordelen; kies eerst wat nog open staat, zoals de grondslag (zie het advies).\n"
        )
    );
    s.run(&["document", &blocked, "privacy_paragraph"]).assert_error(
        2,
        &format!("verslag {blocked}: het document privacy_paragraph wordt niet aangeboden: het advies kan het plan nog niet beoordelen; kies eerst wat nog open staat, zoals de grondslag (zie het advies)"),
    );
    let out = s.run(&["--lang", "en", "document", &blocked]);
    english("blocked list", &out.stdout);
}

#[test]
fn the_command_writes_a_document_and_says_what_is_missing() {
    let s = Scratch::new("documents-write");
    let (_, answers, _) = cases().remove(4);
    let id = s.new_record("a.json", &answers_file(&answers));
    // On stdout, Markdown; the library's name from the record, the rest missing and said so.
    let out = s.run(&["document", &id, "privacy_paragraph"]);
    out.assert_ok();
    assert!(
        out.stdout
            .starts_with(&format!("# {}\n", title("privacy_paragraph", Lang::Nl)))
    );
    assert!(
        out.stdout
            .contains("Bibliotheek Voorbeeldstad werkt met Whize.")
    );
    assert!(
        out.stdout
            .contains("**\\[ontbreekt: contactadres voor privacyvragen\\]**")
    );
    assert_eq!(
        out.stderr,
        "avg-wijzer: nog in te vullen in het document: bewaartermijn van de bibliotheek; contactadres voor privacyvragen; naam van de FG; contactgegevens van de FG\n"
    );
    // In English, every kind offered, in every format.
    for kind in [
        "privacy_paragraph",
        "consent_request",
        "reminder_emails",
        "public_page",
        "staff_briefing",
        "register_entry",
    ] {
        for format in ["md", "html", "txt"] {
            let out = s.run(&["--lang", "en", "document", &id, kind, "--format", format]);
            out.assert_ok();
            english(&format!("{kind} {format}"), &out.stdout);
            english(&format!("{kind} stderr"), &out.stderr);
        }
    }
    // To a file: the format by its extension, owner-only, never over an existing file.
    let out = s.run(&["document", &id, "public_page", "-o", "pagina.html"]);
    out.assert_ok();
    assert_eq!(out.stdout, "");
    let written = fs::read_to_string(s.path("pagina.html")).unwrap();
    assert!(
        written.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"),
        "{written}"
    );
    #[cfg(unix)]
    assert_eq!(common::mode(&s.path("pagina.html")), 0o600);
    s.run(&["document", &id, "public_page", "-o", "pagina.html"])
        .assert_error(2, "pagina.html: bestaat al; een document overschrijft nooit een bestand, kies een andere naam");
    s.run(&[
        "--lang",
        "en",
        "document",
        &id,
        "staff_briefing",
        "-o",
        "pagina.html",
    ])
    .assert_error(
        2,
        "pagina.html: exists already; a document never replaces a file, choose another name",
    );
    assert_eq!(fs::read_to_string(s.path("pagina.html")).unwrap(), written);
    // --format wins over the extension.
    s.run(&[
        "document",
        &id,
        "register_entry",
        "-o",
        "register.md",
        "--format",
        "txt",
    ])
    .assert_ok();
    let txt = fs::read_to_string(s.path("register.md")).unwrap();
    assert!(
        txt.starts_with(&format!("{}\n===", title("register_entry", Lang::Nl))),
        "{txt}"
    );
}

#[test]
fn the_command_refuses_what_it_cannot_make() {
    let s = Scratch::new("documents-refused");
    let (_, answers, _) = cases().remove(4);
    let id = s.new_record("a.json", &answers_file(&answers));
    let known = KINDS.join(", ");
    s.run(&["document", &id, "privacy"]).assert_error(
        2,
        &format!("onbekende soort document \"privacy\"; bekend: {known}"),
    );
    s.run(&["--lang", "en", "document", &id, "privacy"])
        .assert_error(
            2,
            &format!("unknown kind of document \"privacy\"; known: {known}"),
        );
    let action = BANK.actions[BANK.action_id("legitimate_interest_assessment").unwrap()]
        .title
        .clone();
    s.run(&["document", &id, "li_worksheet"]).assert_error(
        2,
        &format!("verslag {id}: het document li_worksheet wordt niet aangeboden: het advies vraagt er niet om: het hoort bij de actie \"{}\", en die staat niet in het advies", action.nl),
    );
    let out = s.run(&["--lang", "en", "document", &id, "li_worksheet"]);
    out.assert_error(
        2,
        &format!("record {id}: the document li_worksheet is not offered: the advice does not call for it: it belongs with the action \"{}\", which the advice does not give", action.en),
    );
    english("not offered", &out.stderr);

    // A record without advice yet.
    let store = s.open_store();
    let mut unfinished = common::records::in_progress_record("20270201-100000-00000000aa");
    store.create(&mut unfinished).unwrap();
    s.run(&["document", "20270201-100000-00000000aa"]).assert_error(
        2,
        "verslag 20270201-100000-00000000aa: nog niet alle vragen zijn beantwoord; documenten komen uit het advies",
    );
    // A record altered after it was saved.
    let path = s.record_path(&id);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replacen("Voorjaarsactie 2027", "Najaarsactie 2027", 1),
    )
    .unwrap();
    let out = s.run(&["document", &id, "privacy_paragraph"]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert!(
        out.stderr.starts_with(&format!(
            "avg-wijzer: verslag {id} is na het opslaan gewijzigd"
        )),
        "{}",
        out.stderr
    );
}

/// A record made with another bank: the document follows the current one, and says so.
#[test]
fn a_record_of_another_bank_is_drafted_with_a_warning() {
    let s = Scratch::new("documents-other-bank");
    let version = avg_wijzer::bank::Bank::embedded().unwrap().version;
    let (from, to) = (
        format!("\"version\": \"{version}\""),
        format!("\"version\": \"{version}-test\""),
    );
    for (name, content) in avg_wijzer::bank::EMBEDDED {
        let content = content.replace(&from, &to);
        s.write(&format!("bank/{name}"), content);
    }
    s.write("a.json", answers_file(&cases()[1].1));
    let out = s.run(&["--questions", "bank", "new", "--answers", "a.json"]);
    out.assert_ok();
    let id = out.stdout.trim();
    let out = s.run(&["document", id]);
    out.assert_ok();
    assert!(
        out.stderr.starts_with(&format!(
            "avg-wijzer: verslag {id} is gemaakt met vragenbank {version}-test (sha256 "
        )),
        "{}",
        out.stderr
    );
    assert!(out.stdout.contains("li_worksheet"));
    let out = s.run(&["--lang", "en", "document", id]);
    english("other bank", &out.stderr);
}

#[test]
fn the_help_lists_every_kind() {
    let out = Scratch::new("documents-help").run(&["document", "--help"]);
    out.assert_ok();
    for kind in KINDS {
        assert!(
            out.stdout.contains(&format!("  {kind} ")),
            "{kind}:\n{}",
            out.stdout
        );
    }
}

/// The worksheet takes the justifications the record keeps: one given in the answers file is
/// in the document, one not given is marked missing.
#[test]
fn the_worksheet_shows_the_records_own_justifications() {
    let s = Scratch::new("documents-justified");
    let (name, answers, _) = cases()
        .into_iter()
        .find(|(n, _, _)| *n == "direct_marketing_legitimate_interest")
        .unwrap();
    let mut file: serde_json::Value = serde_json::from_str(&answers_file(&answers)).unwrap();
    file["justifications"] =
        json!({ "li_interest": "Meer jonge gezinnen bereiken met een passend aanbod" });
    let id = s.new_record(&format!("{name}.json"), &file.to_string());
    let out = s.run(&["document", &id, "li_worksheet"]);
    out.assert_ok();
    assert!(
        out.stdout
            .contains("Meer jonge gezinnen bereiken met een passend aanbod"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("toelichting ontbreekt"),
        "{}",
        out.stdout
    );
}
