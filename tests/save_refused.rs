//! Acknowledged means on disk: when a save is refused, neither front end says "bewaard" or
//! "afgetekend", a plain session ends with exit code 1, and no sign-off stays in memory or on
//! screen that is not on disk. The save is made to fail the way another window does it: a
//! second process saves the record between two steps, so the store refuses to overwrite it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::io::{BufRead, Read};
use std::path::Path;
use std::process::ExitCode;

use avg_wijzer::app::Workflow;
use avg_wijzer::bank::Bank;
use avg_wijzer::plain;
use avg_wijzer::record::Status;
use avg_wijzer::store::Store;
use avg_wijzer::text::Lang;
use avg_wijzer::tui::app::*;
use avg_wijzer::tui::keymap::Action;
use avg_wijzer::tui::message::Message;

mod common;
use common::{Scratch, Ui};

type Hook<'a> = Box<dyn FnMut() + 'a>;

/// Typed lines, with something done just before a given line is read: between two steps of
/// the session, as another process would.
struct Script<'a> {
    lines: Vec<String>,
    next: usize,
    hooks: Vec<(usize, Hook<'a>)>,
    buf: Vec<u8>,
    pos: usize,
}

impl<'a> Script<'a> {
    fn new(lines: &[&str], hooks: Vec<(usize, Hook<'a>)>) -> Script<'a> {
        Script {
            lines: lines.iter().map(|l| format!("{l}\n")).collect(),
            next: 0,
            hooks,
            buf: Vec::new(),
            pos: 0,
        }
    }
}

impl Read for Script<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let n = self.fill_buf()?.read(out)?;
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for Script<'_> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.pos == self.buf.len() && self.next < self.lines.len() {
            for (at, hook) in &mut self.hooks {
                if *at == self.next {
                    hook();
                }
            }
            self.buf = self.lines[self.next].clone().into_bytes();
            self.pos = 0;
            self.next += 1;
        }
        Ok(&self.buf[self.pos..])
    }

    fn consume(&mut self, n: usize) {
        self.pos = (self.pos + n).min(self.buf.len());
    }
}

/// The id of the only record in the store.
fn only_id(dir: &Path) -> String {
    let listing = Store::open(dir).and_then(|s| s.list()).expect("list");
    assert_eq!(listing.records.len(), 1, "one record in the store");
    listing.records[0].id.clone()
}

/// Another window saves the record: from then on the session's own saves are refused.
fn save_elsewhere(dir: &Path) {
    let other = Store::open(dir).expect("store opens");
    let mut r = other.load(&only_id(dir)).expect("load").record;
    r.campaign.name = "Ander venster".into();
    other.save(&mut r).expect("the other window saves");
}

fn run(dir: &Path, lines: &[&str], hooks: Vec<(usize, Hook<'_>)>) -> (ExitCode, String) {
    let bank = Bank::embedded().expect("bank");
    let store = Store::open(dir).expect("store opens");
    let mut input = Script::new(lines, hooks);
    let mut out = Vec::new();
    let code = plain::run_with(
        &Workflow::new(&bank, Some(store), false),
        Lang::Nl,
        plain::Opening::Ask,
        &mut input,
        &mut out,
    )
    .expect("the session runs");
    (code, String::from_utf8(out).expect("UTF-8"))
}

/// Campaign, participants, purpose, the area map (the advice after two answers), the advice,
/// then the FG's sign-off: name, role, date, decision, remarks, no further signer, yes to the
/// summary, no SSH key.
const SIGNED: [&str; 14] = [
    "Test",
    "",
    "x",
    "1",
    "",
    "aftekenen",
    "B. Jansen",
    "",
    "",
    "1",
    "geen",
    "",
    "j",
    "",
];

#[test]
fn plain_a_refused_sign_off_is_not_announced_and_fails() {
    let dir = Scratch::new("plain-signoff");
    let (code, out) = run(
        &dir.store(),
        &SIGNED,
        vec![(10, Box::new(|| save_elsewhere(&dir.store())))],
    );
    assert_eq!(code, ExitCode::FAILURE, "{out}");
    assert!(!out.contains("Afgetekend"), "{out}");
    assert!(
        out.contains("Aftekenen niet bewaard; het verslag is NIET afgetekend"),
        "{out}"
    );
    // The other window's save is kept, and nothing of this sign-off is on disk.
    let r = dir
        .open_store()
        .load(&only_id(&dir.store()))
        .expect("load")
        .record;
    assert_eq!(r.campaign.name, "Ander venster");
    assert!(r.signoff.is_none());
    assert_ne!(r.status, Status::SignedOff);
}

#[test]
fn plain_refused_answers_and_notes_are_not_called_saved_and_fail() {
    let dir = Scratch::new("plain-answer");
    let lines = ["Test", "", "x", "notitie bel de POI", "1", "", ""];
    let (code, out) = run(
        &dir.store(),
        &lines,
        vec![(2, Box::new(|| save_elsewhere(&dir.store())))],
    );
    assert_eq!(code, ExitCode::FAILURE, "{out}");
    assert!(
        out.contains("Opslaan mislukt; dit antwoord staat nog niet op schijf"),
        "{out}"
    );
    assert!(
        out.contains("Opslaan mislukt; deze notitie staat nog niet op schijf"),
        "{out}"
    );
    assert!(!out.contains("Notitie bewaard"), "{out}");
    assert!(out.contains("Niet alles is bewaard"), "{out}");
    let r = dir
        .open_store()
        .load(&only_id(&dir.store()))
        .expect("load")
        .record;
    assert!(r.answers.is_empty(), "the refused answers are not on disk");
}

#[test]
fn plain_a_later_save_that_succeeds_brings_everything_to_disk() {
    let dir = Scratch::new("plain-recovers");
    let original = std::cell::RefCell::new(Vec::new());
    let file = || dir.store().join(format!("{}.json", only_id(&dir.store())));
    let hooks: Vec<(usize, Hook)> = vec![
        (
            2,
            Box::new(|| {
                *original.borrow_mut() = std::fs::read(file()).expect("read");
                save_elsewhere(&dir.store());
            }),
        ),
        // The other window's change undone: the next save is no longer refused.
        (
            3,
            Box::new(|| std::fs::write(file(), &*original.borrow()).expect("write")),
        ),
    ];
    let (code, out) = run(&dir.store(), &["Test", "", "x", "1", "", ""], hooks);
    assert!(out.contains("Opslaan mislukt"), "{out}");
    assert!(!out.contains("Niet alles is bewaard"), "{out}");
    assert_eq!(code, ExitCode::SUCCESS, "{out}");
    let r = dir
        .open_store()
        .load(&only_id(&dir.store()))
        .expect("load")
        .record;
    assert_eq!(
        r.answers.len(),
        2,
        "the refused answer came along with the next save"
    );
}

#[test]
fn tui_a_refused_sign_off_is_taken_back_and_can_be_tried_again() {
    use Action::*;
    let dir = Scratch::new("tui-signoff");
    // A complete record, not signed off.
    let (code, _) = run(&dir.store(), &SIGNED[..6], Vec::new());
    assert_eq!(code, ExitCode::SUCCESS);
    let id = only_id(&dir.store());
    let bank = Bank::embedded().expect("bank");
    let mut m = Ui::new(&bank, Lang::Nl, Some(dir.open_store()), false, || {
        avg_wijzer::record::time::now()
    });
    let key = |m: &mut Ui, a: Action| m.send(Message::Key(a));
    m.open(&id);
    key(&mut m, Bottom);
    key(&mut m, Select);
    assert!(matches!(m.screen, Screen::Advice(_)));
    key(&mut m, SignOff);
    for c in "B. Jansen".chars() {
        m.send(Message::Input(c));
    }
    // Name → role → date → decision (chosen) → remarks.
    for _ in 0..3 {
        key(&mut m, Select);
    }
    key(&mut m, Right);
    key(&mut m, Select);
    let file = dir.store().join(format!("{id}.json"));
    let original = std::fs::read(&file).expect("read");
    save_elsewhere(&dir.store());
    // Enter shows what will be signed; yes signs.
    key(&mut m, Select);
    key(&mut m, Yes);

    // Refused: the form stays with the error, and the record in memory is not signed.
    assert!(matches!(m.screen, Screen::SignOff(_)), "the form stays");
    let notice = m.status.as_ref().expect("a notice");
    assert_eq!(notice.kind, NoticeKind::Error);
    assert!(notice.text.contains("NIET afgetekend"), "{}", notice.text);
    let r = m.record().expect("record");
    assert!(r.signoff.is_none() && !r.is_frozen());
    assert_eq!(r.status, Status::Completed);
    assert!(
        dir.open_store()
            .load(&id)
            .expect("load")
            .record
            .signoff
            .is_none()
    );

    // The other window's change undone: Enter and yes again sign off, on disk too.
    std::fs::write(&file, original).expect("write");
    key(&mut m, Select);
    key(&mut m, Yes);
    assert!(matches!(m.screen, Screen::Advice(_)));
    assert!(m.record().is_some_and(|r| r.is_frozen()));
    let notice = m.status.as_ref().expect("a notice");
    assert!(notice.text.starts_with("Afgetekend"), "{}", notice.text);
    assert_eq!(
        dir.open_store().load(&id).expect("load").record.status,
        Status::SignedOff
    );
}
