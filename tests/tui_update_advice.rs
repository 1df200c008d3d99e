//! The interface's update function on the forms reached from the advice: the FG's sign-off (with
//! and without an SSH key; a change after it makes a revision) and the export, which never
//! overwrites a file without asking. What these tests share is in `common::tui`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use avg_wijzer::record::{self, Status};
use avg_wijzer::text::Lang;
use avg_wijzer::tui::app::*;
use avg_wijzer::tui::keymap::{Action, Ctx};

mod common;
use common::tui::{answer_all, begin, key, keys, model, on, typed};
use common::{Scratch, bank};

#[test]
fn the_fg_signs_the_sign_off_with_an_ssh_key_from_the_form() {
    use Action::*;
    let store = Scratch::new("signed");
    let bank = bank();
    let mut m = model(&bank, Some(store.open_store()));
    begin(&mut m);
    answer_all(&mut m);
    keys(&mut m, &[Bottom, Select]);
    key(&mut m, SignOff);
    typed(&mut m, "Fatima de Vries");
    let keys_dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/keys");
    // A protected key without its passphrase: refused in words, nothing signed or saved.
    keys(&mut m, &[NextPanel, NextPanel, NextPanel, Right]);
    keys(&mut m, &[NextPanel, NextPanel, NextPanel]);
    typed(&mut m, &format!("{keys_dir}/fg_ed25519_protected"));
    keys(&mut m, &[Select, Yes]);
    assert_eq!(on(&m), "sign-off");
    let status = m.status.as_ref().expect("an error");
    assert_eq!(status.kind, NoticeKind::Error);
    assert!(
        status.text.contains("vul de wachtwoordzin in"),
        "{}",
        status.text
    );
    let r = m.record().expect("record");
    assert!(r.signoff.is_none() && r.signature.is_none());
    assert!(
        store
            .open_store()
            .load(&r.id)
            .unwrap()
            .record
            .signoff
            .is_none()
    );
    // With the passphrase (typed in the masked field) it is signed, saved and said.
    key(&mut m, NextPanel);
    typed(&mut m, "geheime wachtwoordzin");
    keys(&mut m, &[Select, Yes]);
    assert_eq!(on(&m), "advice");
    let r = m.record().expect("record").clone();
    let sig = r.signature.as_ref().expect("signed with the key");
    assert!(sig.armored.starts_with("-----BEGIN SSH SIGNATURE-----"));
    let status = m.status.as_ref().expect("said");
    assert!(
        status.text.contains("ondertekend met je SSH-sleutel"),
        "{}",
        status.text
    );
    let saved = store.open_store().load(&r.id).unwrap();
    assert!(saved.unverified.is_none());
    assert_eq!(saved.record.signature.as_ref(), Some(sig));
    // The passphrase is kept nowhere: not in the form's place, not in the record file.
    let file = std::fs::read_to_string(store.store().join(format!("{}.json", r.id))).unwrap();
    assert!(!file.contains("geheime wachtwoordzin") && !file.contains("PRIVATE KEY"));
}

#[test]
fn sign_off_freezes_and_a_change_makes_a_revision() {
    use Action::*;
    let store = Scratch::new("revision");
    let bank = bank();
    let mut m = model(&bank, Some(store.open_store()));
    begin(&mut m);
    answer_all(&mut m);
    keys(&mut m, &[Bottom, Select]);
    assert_eq!(on(&m), "advice");
    key(&mut m, SignOff);
    assert_eq!(on(&m), "sign-off");
    // A sign-off without a name is refused, in words, with the focus on the name.
    keys(&mut m, &[Select, Select, Select, Select, Select]);
    assert_eq!(on(&m), "sign-off");
    assert_eq!(m.status.as_ref().map(|n| n.kind), Some(NoticeKind::Error));
    typed(&mut m, "Fatima de Vries");
    keys(
        &mut m,
        &[NextPanel, NextPanel, NextPanel, Right, Right, NextPanel],
    );
    typed(&mut m, "Eerst de privacyverklaring");
    keys(&mut m, &[NextPanel, Select, Yes]);
    assert_eq!(on(&m), "advice");
    let first = m.record().expect("record").clone();
    assert_eq!(first.status, Status::SignedOff);
    let signoff = first.signoff.as_ref().expect("signed");
    assert_eq!(signoff.name, "Fatima de Vries");
    assert_eq!(signoff.decision, record::Decision::ApprovedWithConditions);
    assert_eq!(signoff.conditions, "Eerst de privacyverklaring");
    assert_eq!(
        store
            .open_store()
            .load(&first.id)
            .expect("saved")
            .record
            .status,
        Status::SignedOff
    );

    // Changing an answer now continues as a new revision; the signed record stays.
    keys(&mut m, &[Edit, Top, Down, Select, Down, Select]);
    let second = m.record().expect("record").clone();
    assert_ne!(second.id, first.id);
    assert_eq!(second.revision, 2);
    assert_eq!(
        second.previous.as_ref().map(|p| p.id.as_str()),
        Some(first.id.as_str())
    );
    assert_eq!(
        store
            .open_store()
            .load(&first.id)
            .expect("first")
            .record
            .status,
        Status::SignedOff
    );
    assert_eq!(
        store
            .open_store()
            .load(&second.id)
            .expect("second")
            .record
            .revision,
        2
    );
}

#[test]
fn export_never_overwrites_without_asking() {
    use Action::*;
    let store = Scratch::new("export");
    let bank = bank();
    let mut m = model(&bank, Some(store.open_store()));
    begin(&mut m);
    answer_all(&mut m);
    keys(&mut m, &[Bottom, Select, Export]);
    assert_eq!(on(&m), "export");
    let out = store.store().join("uit.md");
    std::fs::write(&out, "eerder").unwrap();
    key(&mut m, NextPanel);
    assert_eq!(m.context(), Ctx::Typing);
    let Screen::Export(f) = &mut m.screen else {
        panic!()
    };
    f.path.set(&out.display().to_string(), Lang::Nl);
    key(&mut m, Select);
    assert!(matches!(
        m.overlay,
        Overlay::Confirm(Confirm::Overwrite { .. })
    ));
    key(&mut m, No);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "eerder");
    key(&mut m, Select);
    key(&mut m, Yes);
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("Voorjaarsactie 2027")
    );
    assert_eq!(on(&m), "advice");
}

/// A note after the sign-off goes into a new revision: the line says so with the new id, not
/// only that the note was saved. Clearing the note says it was removed, and the history
/// records a removal (empty text), not a note.
#[test]
fn a_note_after_sign_off_names_the_revision_and_clearing_it_says_removed() {
    use Action::*;
    let store = Scratch::new("note-revision");
    let bank = bank();
    let mut m = model(&bank, Some(store.open_store()));
    begin(&mut m);
    answer_all(&mut m);
    keys(&mut m, &[Bottom, Select, SignOff]);
    typed(&mut m, "Fatima de Vries");
    // Name → role → date → decision (chosen) → remarks; the summary, and yes.
    keys(
        &mut m,
        &[Select, Select, Select, Right, Select, Select, Yes],
    );
    let first = m.record().expect("record").id.clone();
    assert_eq!(m.record().unwrap().status, Status::SignedOff);
    keys(&mut m, &[Edit, Note]);
    typed(&mut m, "Besproken met de FG");
    key(&mut m, Select);
    let second = m.record().expect("record").id.clone();
    assert_ne!(second, first);
    let said = &m.status.as_ref().expect("said").text;
    assert!(said.contains("Notitie bewaard."), "{said}");
    assert!(said.contains(&format!("{first} → {second}")), "{said}");
    // Cleared: said as removed, and recorded as a removal.
    keys(&mut m, &[Note, Clear, Select]);
    let said = &m.status.as_ref().expect("said").text;
    assert_eq!(said, "Notitie verwijderd.");
    let r = m.record().expect("record");
    assert!(r.notes.is_empty());
    match r.history.last() {
        Some(record::Event::Note { question, text, .. }) => {
            assert_eq!((question, text.as_str()), (&None, ""));
        }
        other => panic!("a note's removal last, not {other:?}"),
    }
    let saved = store.open_store().load(&second).unwrap().record;
    assert!(saved.notes.is_empty());
}
