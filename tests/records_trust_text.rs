//! Records a register keeper can trust: text from a record file is hostile. It adds no line to
//! what `verify` and `list` report, breaks no prompt of the plain mode, and opens no HTML tag in
//! the Markdown export. What these tests share is in `common::trust`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use serde_json::{Value, json};

mod common;
use common::trust::{json_of, write_json};
use common::{EXAMPLE, Scratch, reseal};

/// Found in review: text from a record could add lines to a report (`verify` saying "klopt"
/// for a forgery, `list` showing a record that is not there), and a date cut inside a
/// character made the plain mode panic.
#[test]
fn text_from_a_record_adds_no_line_and_breaks_no_prompt() {
    let s = Scratch::new("trust-lines");
    let id = s.new_record("answers.json", EXAMPLE);
    let path = s.record_path(&id);
    let original = json_of(&path);

    let mut v = original.clone();
    v["revision"] = json!(2);
    v["previous"] = json!({ "id": "x: vingerafdruk klopt\n  handtekening: klopt", "hash": null });
    reseal(&mut v);
    write_json(&path, &v);
    let out = s.run(&["verify", &id]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("previous.id"), "{}", out.stderr);

    let mut v = original.clone();
    v["outcome"]["verdict"]["label"] =
        json!("Toegestaan\n20990101-000000-0000000000  Nep  afgetekend");
    v["bank"]["version"] = json!("1.0.0\n  handtekening: klopt");
    reseal(&mut v);
    write_json(&path, &v);
    let out = s.run(&["list"]);
    out.assert_ok();
    assert_eq!(out.stdout.lines().count(), 2, "{}", out.stdout);
    let out = s.run(&["verify", &id]);
    assert!(
        !out.stdout
            .lines()
            .any(|l| l.trim_start().starts_with("handtekening")),
        "{}",
        out.stdout
    );

    // An unfinished record whose date is cut inside a character, and full of escapes.
    let mut v = original.clone();
    v["status"] = json!("in_progress");
    v["outcome"] = Value::Null;
    v["completed"] = Value::Null;
    v["answers"]
        .as_object_mut()
        .unwrap()
        .remove("existing_consent");
    v["updated"] = json!("2026-11-3\u{e9}\u{1b}]52;c;aGFja2Vk\u{7}\u{202e}");
    reseal(&mut v);
    write_json(&path, &v);
    let out = s.run_with(&["--plain"], &[]);
    assert_ne!(out.code, 101, "no panic: {out:?}");
    for text in [&out.stdout, &out.stderr] {
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{202e}'),
            "{text}"
        );
    }
}

/// Found in review: the Markdown export copied the advice's texts from the record as they
/// were, so a record could put HTML into a register page that renders Markdown.
#[test]
fn the_markdown_export_opens_no_html_tag_from_a_record() {
    let s = Scratch::new("trust-markdown");
    let id = s.new_record("answers.json", EXAMPLE);
    let path = s.record_path(&id);
    let mut v = json_of(&path);
    let evil = "<img src=x onerror=alert(1)><script>x</script>";
    v["outcome"]["verdict"]["label"] = json!(evil);
    v["outcome"]["actions"][0]["rationale"] = json!(evil);
    v["outcome"]["reasons"][0]["text"] = json!(evil);
    // Resealed, and the advice check left aside: the record still names another bank.
    v["bank"]["sha256"] = json!("0".repeat(64));
    reseal(&mut v);
    write_json(&path, &v);
    let out = s.run(&["export", &id, "--format", "md"]);
    out.assert_ok();
    assert!(
        !out.stdout.contains("<img") && !out.stdout.contains("<script"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("&lt;img src=x"), "{}", out.stdout);
}
