//! The archive: a draft is moved into `archive/` in the store and back; a signed-off record
//! never is; an id on the command line names a record, never a path; an archived record is in
//! neither the list nor the register.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use serde_json::Value;

mod common;
use common::{EXAMPLE, Scratch};

fn listed_ids(s: &Scratch, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["list", "--json"];
    args.extend_from_slice(extra);
    let out = s.run(&args);
    out.assert_ok();
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    v["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_draft_is_archived_listed_there_and_restored() {
    let s = Scratch::new("archive-draft");
    let id = s.new_record("a.json", EXAMPLE);
    let bytes = std::fs::read(s.record_path(&id)).unwrap();

    let out = s.run(&["archive", &id[..12]]);
    out.assert_ok();
    assert!(out.stdout.contains(&id), "{}", out.stdout);
    assert!(!s.record_path(&id).exists());
    let moved = s.store().join("archive").join(format!("{id}.json"));
    assert_eq!(std::fs::read(&moved).unwrap(), bytes, "moved as it was");
    assert!(listed_ids(&s, &[]).is_empty());
    assert_eq!(listed_ids(&s, &["--archived"]), std::slice::from_ref(&id));
    let table = s.run(&["list", "--archived"]);
    table.assert_ok();
    assert!(table.stdout.contains(&id), "{}", table.stdout);
    // Not in the register either.
    let reg = s.run(&["register", "--format", "csv"]);
    assert!(!reg.stdout.contains("Voorjaarsactie"), "{}", reg.stdout);
    // Nor can it be opened from the store while archived.
    assert_eq!(s.run(&["show", &id]).code, 2);

    let out = s.run(&["restore", &id]);
    out.assert_ok();
    assert!(out.stdout.contains(&id));
    assert_eq!(std::fs::read(s.record_path(&id)).unwrap(), bytes);
    assert_eq!(listed_ids(&s, &[]), [id]);
    assert!(listed_ids(&s, &["--archived"]).is_empty());
}

#[test]
fn a_signed_record_is_never_archived() {
    let s = Scratch::new("archive-signed");
    let id = s.new_record("a.json", EXAMPLE);
    s.run(&[
        "signoff",
        &id,
        "--name",
        "B. Jansen",
        "--decision",
        "approved",
    ])
    .assert_ok();
    let out = s.run(&["archive", &id]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("afgetekend"), "{}", out.stderr);
    assert!(s.record_path(&id).exists());
    assert!(
        !s.store()
            .join("archive")
            .join(format!("{id}.json"))
            .exists()
    );
    let en = s.run(&["--lang", "en", "archive", &id]);
    assert_eq!(en.code, 1);
    assert!(en.stderr.contains("never archived"), "{}", en.stderr);
}

#[test]
fn a_hostile_id_is_refused() {
    let s = Scratch::new("archive-hostile");
    let id = s.new_record("a.json", EXAMPLE);
    std::fs::write(s.dir.join("outside.json"), "{}").unwrap();
    for bad in ["../outside", "archive/x", "..", "/etc/passwd", "a/../b"] {
        for verb in ["archive", "restore"] {
            let out = s.run(&[verb, bad]);
            assert_eq!(out.code, 2, "{verb} {bad}: {}", out.stderr);
            assert!(out.stderr.contains("geen verslag-id"), "{}", out.stderr);
        }
    }
    assert!(s.dir.join("outside.json").exists());
    assert!(s.record_path(&id).exists());
    // Restoring what is not archived, or archiving twice, is refused with the reason.
    assert_eq!(s.run(&["restore", &id]).code, 2);
    s.run(&["archive", &id]).assert_ok();
    assert_eq!(s.run(&["archive", &id]).code, 2);
}

#[test]
fn a_record_back_in_the_store_is_not_replaced_by_a_restore() {
    let s = Scratch::new("archive-exists");
    let id = s.new_record("a.json", EXAMPLE);
    let bytes = std::fs::read(s.record_path(&id)).unwrap();
    s.run(&["archive", &id]).assert_ok();
    std::fs::write(s.record_path(&id), b"{}").unwrap();
    let out = s.run(&["restore", &id]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(std::fs::read(s.record_path(&id)).unwrap(), b"{}");
    let kept = s.store().join("archive").join(format!("{id}.json"));
    assert_eq!(std::fs::read(kept).unwrap(), bytes);
}

/// The list's cache of an earlier version is rebuilt: its summaries lack who signed.
#[test]
fn a_cache_of_an_earlier_version_is_rebuilt_with_the_signers() {
    let s = Scratch::new("archive-cache");
    let id = s.new_record("a.json", EXAMPLE);
    s.run(&[
        "signoff",
        &id,
        "--name",
        "B. Jansen",
        "--decision",
        "approved",
    ])
    .assert_ok();
    s.run(&["list"]).assert_ok();
    let cache = s.store().join(".index.jsonl");
    let text = std::fs::read_to_string(&cache).unwrap();
    assert!(text.starts_with(r#"{"avg_wijzer_index":4,"#), "{text}");
    std::fs::write(&cache, text.replacen(":4,", ":3,", 1)).unwrap();
    let out = s.run(&["list", "--json"]);
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["records"][0]["signers"][0], "B. Jansen");
    let text = std::fs::read_to_string(&cache).unwrap();
    assert!(text.starts_with(r#"{"avg_wijzer_index":4,"#), "{text}");
}

/// The plain mode's start menu names each unfinished record with its revision, its local time
/// and its full id; an archived record is not offered.
#[test]
fn the_plain_menu_lists_revision_time_and_id_and_not_the_archive() {
    let s = Scratch::new("archive-plain");
    let store = s.open_store();
    let bank = avg_wijzer::bank::Bank::embedded().unwrap();
    let wf = avg_wijzer::app::Workflow::new(&bank, Some(store), false);
    let (work, _) = wf.start(
        avg_wijzer::record::Campaign {
            name: "Werkgebied 2027".into(),
            ..Default::default()
        },
        vec![],
        avg_wijzer::text::Lang::Nl,
    );
    let id = work.record().id.clone();
    let local =
        avg_wijzer::record::time::in_words(&work.record().updated, avg_wijzer::text::Lang::Nl);
    let out = s.run_fed(&["--plain"], b"");
    assert!(
        out.stdout.contains(&format!(
            "1. Werkgebied 2027 — revisie 1, {local}, 0 antwoorden (id {id})"
        )),
        "{}",
        out.stdout
    );
    s.run(&["archive", &id]).assert_ok();
    let out = s.run_fed(&["--plain"], b"");
    assert!(!out.stdout.contains(&id), "{}", out.stdout);
}
