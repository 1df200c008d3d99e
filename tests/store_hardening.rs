//! The store against a hostile neighbour on a shared drive and against interrupted work: lock
//! files are not followed through links, a store others can write in is pointed out, exports
//! are owner-only and never replace a file that appears meanwhile, temp files of killed exports
//! are tidied, and a save that fails leaves the record able to save again.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::time::{Duration, SystemTime};

use avg_wijzer::store::{self, AlreadyExists, EXPORT_MODE};

mod common;
use common::{EXAMPLE, Scratch, mode};

#[test]
fn a_lock_file_that_is_a_link_is_not_followed() {
    let s = Scratch::new("hard-lock");
    let id = s.new_record("answers.json", EXAMPLE);
    let store = s.open_store();
    let mut r = store.load(&id).unwrap().record;
    let target = s.path("elsewhere.txt");
    symlink(&target, s.store().join(".save.lock")).unwrap();
    r.campaign.name = "Anders".into();
    let before = fs::read(s.record_path(&id)).unwrap();
    assert!(store.save(&mut r).is_err());
    assert!(
        !target.exists(),
        "the link was followed and created its target"
    );
    assert_eq!(fs::read(s.record_path(&id)).unwrap(), before);
}

#[test]
fn a_store_others_can_write_in_is_pointed_out() {
    let s = Scratch::new("hard-exposed");
    s.new_record("answers.json", EXAMPLE);
    let out = s.run(&["list"]);
    assert_eq!(out.stderr, "", "a store of its own says nothing");
    for m in [0o770, 0o777, 0o722] {
        fs::set_permissions(s.store(), fs::Permissions::from_mode(m)).unwrap();
        let out = s.run(&["list"]);
        out.assert_ok();
        assert!(
            out.stderr.contains(&format!(
                "anderen kunnen schrijven in de map van de verslagen store (rechten {m:03o})"
            )),
            "{m:o}: {}",
            out.stderr
        );
    }
    fs::set_permissions(s.store(), fs::Permissions::from_mode(0o750)).unwrap();
    assert_eq!(s.run(&["list"]).stderr, "", "readable by the group is fine");
}

#[test]
fn exports_are_owner_only_unless_asked_and_never_replace_without_force() {
    let s = Scratch::new("hard-export");
    let id = s.new_record("answers.json", EXAMPLE);
    s.run(&["export", &id, "--format", "md", "-o", "a.md"])
        .assert_ok();
    assert_eq!(mode(&s.path("a.md")), 0o600);
    s.run(&[
        "export", &id, "--format", "md", "-o", "b.md", "--mode", "640",
    ])
    .assert_ok();
    assert_eq!(mode(&s.path("b.md")), 0o640);
    let out = s.run(&[
        "export", &id, "--format", "md", "-o", "c.md", "--mode", "999",
    ]);
    assert_eq!(out.code, 2, "{out:?}");

    // A link in the way, even one that points nowhere, is not replaced: a check for the file
    // followed by a rename used to overwrite it.
    symlink(s.path("nowhere"), s.path("d.md")).unwrap();
    let e = store::write_export(&s.path("d.md"), b"x", false, EXPORT_MODE).unwrap_err();
    assert!(e.downcast_ref::<AlreadyExists>().is_some(), "{e:#}");
    assert!(fs::symlink_metadata(s.path("d.md")).unwrap().is_symlink());
    assert!(!s.path("nowhere").exists());
    // With --force it is replaced by the export itself.
    store::write_export(&s.path("d.md"), b"x", true, EXPORT_MODE).unwrap();
    assert_eq!(fs::read(s.path("d.md")).unwrap(), b"x");
    assert!(!fs::symlink_metadata(s.path("d.md")).unwrap().is_symlink());
}

#[test]
fn temp_files_of_killed_exports_are_tidied_once_old() {
    let s = Scratch::new("hard-stale");
    let old = s.write(".avg-wijzer-export-1-00000000000000aa", "half");
    let young = s.write(".avg-wijzer-export-2-00000000000000bb", "half");
    fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(SystemTime::now() - Duration::from_secs(7200))
        .unwrap();
    store::write_export(&s.path("e.md"), b"x", false, EXPORT_MODE).unwrap();
    assert!(!old.exists(), "an hour-old temp file is removed");
    assert!(
        young.exists(),
        "a young one may be another export in progress"
    );
    // The export leaves no temp file of its own.
    let left: Vec<String> = fs::read_dir(&s.dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".avg-wijzer-export-"))
        .collect();
    assert_eq!(left, [".avg-wijzer-export-2-00000000000000bb"]);
}

#[test]
fn a_failed_save_leaves_the_record_able_to_save_again() {
    let s = Scratch::new("hard-failed-save");
    let id = s.new_record("answers.json", EXAMPLE);
    let store = s.open_store();
    let mut r = store.load(&id).unwrap().record;
    let hash = r.integrity.hash.clone();
    // The store's folder is gone for a moment (a network drive that dropped out).
    let away = s.path("away");
    fs::rename(s.store(), &away).unwrap();
    r.campaign.name = "Anders".into();
    assert!(store.save(&mut r).is_err());
    assert_eq!(r.integrity.hash, hash, "the hash of the file still on disk");
    fs::rename(&away, s.store()).unwrap();
    store.save(&mut r).expect("saves once the folder is back");
    assert_eq!(store.load(&id).unwrap().record.campaign.name, "Anders");
}

/// Found in review: a named pipe put in place of a lock file or of the list cache made saving
/// and listing wait for ever.
#[test]
fn a_named_pipe_in_the_store_makes_nothing_wait() {
    let s = Scratch::new("hard-fifo");
    let id = s.new_record("answers.json", EXAMPLE);
    for name in [".save.lock", ".index.jsonl"] {
        let made = std::process::Command::new("mkfifo")
            .arg(s.store().join(name))
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
    }
    let start = std::time::Instant::now();
    let out = s.run(&["list"]);
    out.assert_ok();
    assert!(out.stdout.contains(&id), "{}", out.stdout);
    let out = s.run(&[
        "signoff",
        &id,
        "--name",
        "B. Jansen",
        "--decision",
        "approved",
    ]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr.contains("is geen gewoon bestand"),
        "{}",
        out.stderr
    );
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
}
