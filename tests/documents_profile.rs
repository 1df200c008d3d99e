//! The documents take the library's facts from its profile (`library.json`): every item from
//! there, the record's organisation only while the profile names none, a value from the profile
//! escaped like any other, and a profile that cannot be read refused with why.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;

mod common;
use common::Scratch;
use common::documents::*;

#[test]
fn the_profile_fills_the_library_facts_and_the_record_only_the_missing_name() {
    let s = Scratch::new("documents-profile");
    let (_, answers, _) = cases().remove(4);
    // Made before the profile: the record names the organisation.
    let id = s.new_record("a.json", &answers_file(&answers));
    let out = s.run(&["document", &id, "privacy_paragraph"]);
    out.assert_ok();
    assert!(
        out.stdout
            .contains("Bibliotheek Voorbeeldstad werkt met Whize.")
    );

    // A profile without a name: the record's organisation still stands in for it, and the
    // items it has are filled in.
    s.run(&[
        "library",
        "--privacy-contact",
        "privacy@bieb.example",
        "--fg-name",
        "C. de Boer",
        "--fg-contact",
        "fg@bieb.example",
        "--retention",
        "Twee jaar na de campagne.",
    ])
    .assert_ok();
    let out = s.run(&["document", &id, "privacy_paragraph"]);
    out.assert_ok();
    assert!(
        out.stdout
            .contains("Bibliotheek Voorbeeldstad werkt met Whize.")
    );
    assert!(
        out.stdout.contains("privacy@bieb.example"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("ontbreekt"), "{}", out.stdout);
    assert_eq!(out.stderr, "");

    // The profile's name wins over the record's.
    s.run(&["library", "--name", "Bibliotheek Elders"])
        .assert_ok();
    let out = s.run(&["document", &id, "privacy_paragraph"]);
    out.assert_ok();
    assert!(out.stdout.contains("Bibliotheek Elders werkt met Whize."));
    assert!(
        !out.stdout.contains("Voorbeeldstad werkt"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_profile_value_is_escaped_in_html() {
    let s = Scratch::new("documents-profile-html");
    let (_, answers, _) = cases().remove(4);
    let id = s.new_record("a.json", &answers_file(&answers));
    s.run(&["library", "--name", "<b>Bieb</b> & \"co\""])
        .assert_ok();
    let out = s.run(&["document", &id, "public_page", "--format", "html"]);
    out.assert_ok();
    assert!(
        out.stdout
            .contains("&lt;b&gt;Bieb&lt;/b&gt; &amp; &quot;co&quot;")
            || out.stdout.contains("&lt;b&gt;Bieb&lt;/b&gt; &amp; \"co\""),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("<b>Bieb"), "{}", out.stdout);
}

#[test]
fn an_unreadable_profile_refuses_the_document_with_why() {
    let s = Scratch::new("documents-profile-bad");
    let (_, answers, _) = cases().remove(4);
    let id = s.new_record("a.json", &answers_file(&answers));
    fs::write(s.store().join("library.json"), "{ not json").unwrap();
    let out = s.run(&["document", &id, "privacy_paragraph"]);
    assert_ne!(out.code, 0, "{}", out.stdout);
    assert_eq!(out.stdout, "");
    assert!(out.stderr.contains("library.json"), "{}", out.stderr);
}
