//! End to end: the real binary in a pseudo-terminal, driven by keys like a person, read back
//! through a terminal emulator (vt100). Each step waits for what must appear on screen.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use serde_json::Value;

mod common;
use common::{BIN, Scratch};

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a size above zero")
}

const WAIT: Duration = Duration::from_secs(20);

struct Tui {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
}

impl Tui {
    fn start(store: &Path, extra: &[&str], cols: u16, rows: u16) -> Tui {
        Tui::start_with(store, extra, &[], cols, rows)
    }

    /// [`Tui::start`] with these environment variables set.
    fn start_with(
        store: &Path,
        extra: &[&str],
        env: &[(&str, &Path)],
        cols: u16,
        rows: u16,
    ) -> Tui {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(BIN);
        cmd.arg("--store");
        cmd.arg(store);
        for a in extra {
            cmd.arg(a);
        }
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("AVG_WIJZER_STORE");
        cmd.cwd(store);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("start avg-wijzer");
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let feed = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut p) = feed.lock() {
                    p.process(&buf[..n]);
                }
            }
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Tui {
            parser,
            writer,
            master: pair.master,
            child,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        loop {
            if self.screen().contains(text) {
                return;
            }
            if start.elapsed() > WAIT {
                panic!("waited for {text:?}; the screen shows:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn send(&mut self, keys: &str) {
        self.send_bytes(keys.as_bytes());
    }

    /// Raw bytes, as a terminal that is not set to UTF-8 (or a broken one) sends them.
    fn send_bytes(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("send keys");
        self.writer.flush().expect("flush keys");
    }

    /// Many bytes at once, as a paste arrives: more than the terminal's input buffer holds
    /// (4 KiB on Linux), so the write waits for the program to read. It runs on its own thread
    /// so that a program that stops reading fails the test instead of hanging it.
    fn send_burst(&mut self, bytes: Vec<u8>) -> Burst {
        let mut writer = std::mem::replace(&mut self.writer, Box::new(std::io::sink()));
        Burst(std::thread::spawn(move || {
            let _ = writer.write_all(&bytes);
            let _ = writer.flush();
            writer
        }))
    }

    /// Waits for a burst to be written in full and takes the writer back.
    fn burst_done(&mut self, burst: Burst) {
        self.writer = burst.0.join().expect("burst written");
    }

    /// Resizes the terminal (the program gets SIGWINCH) and the emulator that reads it.
    fn resize(&mut self, cols: u16, rows: u16) {
        let size = PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        // The screen model first, and held while the terminal changes size: resized the other
        // way round, the program's redraw at the new size could be read into a screen still of
        // the old size and come out garbled (seen under load). Output of the old size still
        // waiting is wiped by the full redraw that follows a resize.
        let mut parser = self.parser.lock().expect("parser");
        parser.set_size(nz(rows), nz(cols));
        self.master.resize(size).expect("resize");
    }

    fn pid(&self) -> u32 {
        self.child.process_id().expect("pid")
    }

    fn signal(&self, sig: &str) {
        let status = std::process::Command::new("kill")
            .args([sig, &self.pid().to_string()])
            .status()
            .expect("kill");
        assert!(status.success());
    }

    /// Waits for the process to end; whether it ended well.
    fn wait_exit(&mut self) -> bool {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                // Let the reader take in the last bytes.
                std::thread::sleep(Duration::from_millis(100));
                return status.success();
            }
            if start.elapsed() > WAIT {
                let _ = self.child.kill();
                panic!("did not exit; the screen shows:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// The screen row (from 0) that shows `text`.
    fn row_of(&self, text: &str) -> u16 {
        let parser = self.parser.lock().expect("parser");
        let screen = parser.screen();
        let cols = screen.size().1;
        screen
            .rows(0, cols.into())
            .position(|r| r.contains(text))
            .unwrap_or_else(|| panic!("{text:?} is not on screen:\n{}", screen.contents()))
            as u16
    }

    /// A left click at a screen cell (from 0), as a terminal reports it (SGR encoding).
    fn click(&mut self, col: u16, row: u16) {
        let (x, y) = (col + 1, row + 1);
        self.send(&format!("\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m"));
    }

    fn mouse_reporting(&self) -> bool {
        self.parser
            .lock()
            .expect("parser")
            .screen()
            .mouse_protocol_mode()
            != vt100::MouseProtocolMode::None
    }

    fn in_alternate_screen(&self) -> bool {
        self.parser
            .lock()
            .expect("parser")
            .screen()
            .alternate_screen()
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// A write on its own thread; it gives the pty writer back when done.
struct Burst(std::thread::JoinHandle<Box<dyn Write + Send>>);

/// The one record in the store, parsed.
fn only_record(store: &Path) -> (String, Value) {
    let files: Vec<PathBuf> = std::fs::read_dir(store)
        .expect("store dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "json")
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    assert_eq!(files.len(), 1, "one record in {files:?}");
    let text = std::fs::read_to_string(&files[0]).expect("record file");
    let id = files[0]
        .file_stem()
        .expect("stem")
        .to_string_lossy()
        .into_owned();
    (id, serde_json::from_str(&text).expect("record is JSON"))
}

/// The example campaign from question `from` (1-based) on, waiting for each question.
fn answer_from(t: &mut Tui, from: usize) {
    let steps: [&str; 10] = [
        "Doel van de campagne\r",
        "jj\r",   // address selection
        "j\r",    // postcode with house number
        "\r",     // POI licence
        "j\r",    // direct marketing
        " jj \r", // existing and former customers
        "j \r",   // e-mail
        "j\r",    // lending history: no
        "\r",     // consent
        "j\r",    // some consent
    ];
    for (i, keys) in steps.iter().enumerate().skip(from - 1) {
        t.wait_for(&format!("Vraag {} van", i + 1));
        t.send(keys);
    }
    t.wait_for("Je antwoorden");
}

fn new_assessment(t: &mut Tui) {
    t.wait_for("Nieuwe beoordeling starten");
    t.wait_for("Nog geen verslagen");
    t.send("\r");
    t.wait_for("Naam van de campagne");
    t.send("Pty-campagne\r\rAnna (marketing)\r");
}

#[test]
fn a_whole_assessment_by_keys_ends_in_advice_on_screen_and_on_disk() {
    let dir = Scratch::new("whole");
    let mut t = Tui::start(&dir.dir, &[], 100, 30);
    new_assessment(&mut t);
    answer_from(&mut t, 1);
    t.send("G\r");
    t.wait_for("OORDEEL: TOEGESTAAN, MET ACTIES");
    t.wait_for("Verplichte acties");
    let (_, record) = only_record(&dir.dir);
    assert_eq!(record["status"], "completed");
    assert_eq!(record["campaign"]["name"], "Pty-campagne");
    assert_eq!(record["answers"].as_object().map(|o| o.len()), Some(10));
    assert_eq!(
        record["outcome"]["verdict"]["value"],
        "allowed_with_actions"
    );
    // Leave to the start screen, then quit: the terminal is given back.
    t.send("q");
    t.wait_for("Nieuwe beoordeling starten");
    t.wait_for("afgerond");
    t.send("q");
    assert!(t.wait_exit());
    assert!(!t.in_alternate_screen());
    assert!(!t.mouse_reporting(), "mouse reporting left on");
}

#[test]
fn a_click_puts_the_cursor_on_an_option_and_a_second_click_chooses_it() {
    let dir = Scratch::new("click");
    let mut t = Tui::start(&dir.dir, &[], 100, 30);
    new_assessment(&mut t);
    t.wait_for("Vraag 1 van");
    t.send("Doel\r");
    t.wait_for("Vraag 2 van");
    assert!(t.mouse_reporting(), "the interface asks for clicks");
    let row = t.row_of("Adressen selecteren");
    t.click(10, row);
    t.wait_for("▶ ( ) Adressen selecteren");
    assert!(t.screen().contains("Vraag 2 van"), "one click only moves");
    t.click(10, row);
    t.wait_for("Vraag 3 van");
    let (_, record) = only_record(&dir.dir);
    assert_eq!(record["answers"]["use_case"]["value"], "address_selection");
    // A click outside the options does nothing.
    t.click(90, 0);
    t.send("\x03");
    assert!(t.wait_exit());
    assert!(!t.mouse_reporting(), "mouse reporting left on");
}

#[test]
fn killed_mid_session_it_resumes_where_it_was() {
    let dir = Scratch::new("kill");
    let mut t = Tui::start(&dir.dir, &[], 100, 30);
    new_assessment(&mut t);
    t.wait_for("Vraag 1 van");
    t.send("Doel\r");
    t.wait_for("Vraag 2 van");
    t.send("jj\r");
    t.wait_for("Vraag 3 van");
    t.send("j\r");
    // The next question is on screen: the answer before it is on disk.
    t.wait_for("Vraag 4 van");
    t.signal("-KILL");
    t.wait_exit();
    let (id, record) = only_record(&dir.dir);
    assert_eq!(record["answers"].as_object().map(|o| o.len()), Some(3));
    assert_eq!(record["status"], "in_progress");

    let mut t = Tui::start(&dir.dir, &["--resume", &id], 100, 30);
    t.wait_for("Vraag 4 van");
    answer_from(&mut t, 4);
    t.send("G\r");
    t.wait_for("OORDEEL: TOEGESTAAN, MET ACTIES");
    let (same, record) = only_record(&dir.dir);
    assert_eq!(same, id);
    assert_eq!(record["status"], "completed");
    assert_eq!(record["answers"].as_object().map(|o| o.len()), Some(10));
    t.send("\x03");
    assert!(t.wait_exit());
    assert!(!t.in_alternate_screen());
}

#[test]
fn sigterm_restores_the_terminal() {
    let dir = Scratch::new("term");
    let mut t = Tui::start(&dir.dir, &[], 80, 24);
    t.wait_for("Nieuwe beoordeling starten");
    assert!(t.in_alternate_screen());
    t.signal("-TERM");
    assert!(t.wait_exit(), "a clean exit on SIGTERM");
    assert!(!t.in_alternate_screen());
    assert!(!t.mouse_reporting());
}

#[test]
fn sighup_restores_the_terminal() {
    let dir = Scratch::new("hup");
    let mut t = Tui::start(&dir.dir, &[], 80, 24);
    t.wait_for("Nieuwe beoordeling starten");
    t.signal("-HUP");
    // A hang-up ends the process at once (exit status 129, the terminal is gone), after
    // restoring what it can.
    let _ = t.wait_exit();
    assert!(!t.in_alternate_screen());
    assert!(!t.mouse_reporting());
}

#[test]
fn a_small_window_asks_to_be_larger_and_survives_resizing() {
    let dir = Scratch::new("resize");
    let mut t = Tui::start(&dir.dir, &[], 80, 24);
    t.wait_for("Nieuwe beoordeling starten");
    t.send("\r");
    t.wait_for("Naam van de campagne");
    for (cols, rows) in [(60, 20), (79, 22), (80, 21)] {
        t.resize(cols, rows);
        t.wait_for("Maak het venster groter");
    }
    // 80 × 23 is what an 80 × 24 terminal leaves inside tmux with a status line.
    for (cols, rows) in [(80, 23), (80, 22), (120, 40)] {
        t.resize(cols, rows);
        t.wait_for("Naam van de campagne");
    }
    t.send("\x03");
    assert!(t.wait_exit());
    assert!(!t.in_alternate_screen());
}

/// Keys pressed while only the request to enlarge the window shows do nothing: a question is
/// never answered unseen. Ctrl-C still quits.
#[test]
fn keys_do_nothing_while_the_window_is_too_small() {
    let dir = Scratch::new("small-keys");
    let mut t = Tui::start(&dir.dir, &[], 100, 30);
    new_assessment(&mut t);
    t.wait_for("Vraag 1 van");
    t.send("Doel\r");
    t.wait_for("Vraag 2 van");
    t.resize(80, 21);
    t.wait_for("Maak het venster groter");
    // Up, Enter, a digit, Space, Tab, q: each would act on the question.
    for keys in ["\x1b[A", "\r", "1", " ", "\t", "q", "\x1b[B", "\r"] {
        t.send(keys);
        pause();
    }
    t.resize(100, 30);
    t.wait_for("Vraag 2 van");
    pause();
    assert!(t.screen().contains("Vraag 2 van"), "{}", t.screen());
    assert!(
        t.screen().contains("▶ ( ) Werkgebied in kaart"),
        "{}",
        t.screen()
    );
    let (_, record) = only_record(&dir.dir);
    assert_eq!(record["answers"].as_object().map(|o| o.len()), Some(1));
    // Quitting works at any size.
    t.resize(80, 21);
    t.wait_for("Maak het venster groter");
    t.send("\x03");
    assert!(t.wait_exit());
    assert!(!t.in_alternate_screen());
}

#[test]
fn english_with_lang_en() {
    let dir = Scratch::new("en");
    let mut t = Tui::start(&dir.dir, &["--lang", "en"], 80, 24);
    t.wait_for("Start a new assessment");
    t.wait_for("No records yet");
    t.send("q");
    assert!(t.wait_exit());
}

/// When the terminal goes away for good (a closed window, a killed tmux), the interface must
/// end rather than keep reading from a terminal that is gone.
#[test]
fn a_hang_up_ends_the_process() {
    let dir = Scratch::new("hup-gone");
    let mut t = Tui::start(&dir.dir, &[], 80, 24);
    t.wait_for("Nieuwe beoordeling starten");
    t.signal("-HUP");
    let start = Instant::now();
    while t.child.try_wait().expect("try_wait").is_none() {
        assert!(start.elapsed() < WAIT, "still running after a hang-up");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Lets bytes already sent reach the program on their own, before the next ones: a terminal
/// sends a key in one write, and a pause makes the next write a separate read. Not a check.
fn pause() {
    std::thread::sleep(Duration::from_millis(300));
}

/// The campaign form, its first field focused, with `text` typed in it.
fn form_with(t: &mut Tui, text: &str) {
    t.wait_for("Nieuwe beoordeling starten");
    t.send("\r");
    t.wait_for("Naam van de campagne");
    t.send(text);
    t.wait_for(&format!("[{text}"));
}

/// A terminal set to Latin-1 sends 'ã' as the single byte 0xE3, which in UTF-8 starts a
/// three-byte character. The rest never comes: the interface must still take resizes, keys and
/// signals, and takes the lone byte as one U+FFFD. (vt100 does not draw U+FFFD, so the screen
/// shows the text around it and the record on disk shows it.)
#[test]
fn a_lone_utf8_lead_byte_blocks_neither_resizes_nor_keys() {
    let dir = Scratch::new("lone-lead");
    let mut t = Tui::start(&dir.dir, &[], 100, 30);
    form_with(&mut t, "Abc");
    t.send_bytes(&[0xE3]);
    pause();
    t.resize(60, 20);
    t.wait_for("Maak het venster groter");
    t.resize(100, 30);
    t.wait_for("Naam van de campagne");
    // An arrow key moves to the next field and letters land in it.
    t.send("\x1b[B");
    t.wait_for("▶ Korte omschrijving");
    t.send("Def");
    t.wait_for("[Def ");
    t.send("\r\r");
    t.wait_for("Vraag 1 van");
    let (_, record) = only_record(&dir.dir);
    assert_eq!(record["campaign"]["name"], "Abc\u{FFFD}");
    assert_eq!(record["campaign"]["description"], "Def");
    // A lone lead byte does not keep SIGTERM from ending the program either.
    t.send_bytes(&[0xE3]);
    pause();
    t.signal("-TERM");
    assert!(t.wait_exit(), "a clean exit on SIGTERM");
    assert!(!t.in_alternate_screen());
    assert!(!t.mouse_reporting());
}

/// A lead byte followed by a byte that cannot continue it: one U+FFFD, and the byte after it
/// counts as itself, also when it begins an escape sequence (an arrow key).
#[test]
fn invalid_utf8_costs_no_following_key() {
    let dir = Scratch::new("invalid-utf8");
    let mut t = Tui::start(&dir.dir, &[], 100, 30);
    form_with(&mut t, "Abc");
    t.send_bytes(b"\xE3A\xC3\xA9");
    t.wait_for("[AbcAé ");
    t.send_bytes(b"\xE3\x1b[B");
    t.wait_for("▶ Korte omschrijving");
    // A cut four-byte character, then an overlong '/'.
    t.send_bytes(b"\xF0\x9F\x98D\xC0\xAFef");
    t.wait_for("[Def ");
    t.send("\r\r");
    t.wait_for("Vraag 1 van");
    let (_, record) = only_record(&dir.dir);
    assert_eq!(record["campaign"]["name"], "Abc\u{FFFD}Aé\u{FFFD}");
    assert_eq!(
        record["campaign"]["description"],
        "\u{FFFD}D\u{FFFD}\u{FFFD}ef"
    );
    t.send("\x03");
    assert!(t.wait_exit());
}

/// More bytes at once than the terminal's input buffer holds (a large paste, a held-down
/// key): all of it is read while no further key comes, and the keys after it count. (Few of
/// the bytes become text: each typed character is checked for personal data, which a debug
/// build does slowly.)
#[test]
fn a_burst_larger_than_the_input_buffer_is_read_whole() {
    let dir = Scratch::new("burst");
    let mut t = Tui::start(&dir.dir, &[], 100, 30);
    form_with(&mut t, "Abc");
    // Without bracketed paste: 4,000 arrow keys (12,000 bytes, sequences cut across reads
    // anywhere), Ctrl-U to empty the field, then a word.
    let mut burst = b"\x1b[C".repeat(4000);
    burst.extend_from_slice(b"\x15Eind");
    let writing = t.send_burst(burst);
    t.wait_for("[Eind ");
    t.burst_done(writing);
    // With bracketed paste: one paste whose line ends do not end the form, then an arrow key
    // and a letter in the next field.
    let mut paste = b"\x1b[200~".to_vec();
    paste.extend_from_slice(&b"\r\n".repeat(3000));
    paste.extend_from_slice(b"Plak\x1b[201~\x1b[BZ");
    let writing = t.send_burst(paste);
    t.wait_for("▶ Korte omschrijving");
    t.wait_for("[Z ");
    t.burst_done(writing);
    assert!(t.screen().contains("[EindPlak "), "{}", t.screen());
    t.send("\x03");
    assert!(t.wait_exit());
}

/// An export path typed as `~/…` goes to the home directory (it failed with "bestaat niet"),
/// and success names the file by its absolute path. (`--new` opens the form of a new
/// assessment at once.)
#[test]
fn an_export_to_the_home_directory_says_where_it_went() {
    let dir = Scratch::new("export-home");
    let home = dir.dir.join("thuis");
    std::fs::create_dir(&home).unwrap();
    let mut t = Tui::start_with(&dir.dir, &["--new"], &[("HOME", &home)], 120, 30);
    t.wait_for("Naam van de campagne");
    t.send("Pty-campagne\r\rAnna (marketing)\r");
    answer_from(&mut t, 1);
    t.send("G\r");
    t.wait_for("OORDEEL: TOEGESTAAN, MET ACTIES");
    t.send("x");
    t.wait_for("Exporteren");
    // To the file's field, emptied (Ctrl-U), then the path.
    t.send("\t\x15~/verslag.md\r");
    let file = home.join("verslag.md");
    t.wait_for(&format!("Geëxporteerd naar: {}", file.display()));
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("Pty-campagne")
    );
    t.send("\x03");
    assert!(t.wait_exit());
}
