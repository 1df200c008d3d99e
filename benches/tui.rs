//! The interface in a pseudo-terminal: launch to first complete frame, key to redrawn frame, and
//! peak memory, each beside a minimal ratatui app (this benchmark's binary started as
//! `perf minimal-app`, built with the same release profile) measured the same way in the same
//! run.

use std::path::Path;
use std::time::{Duration, Instant};

use avg_wijzer::bank::Bank;
use avg_wijzer::store::Store;

use super::{BIN, MINIMAL_APP, example_assessment, ms, write_record_fast};

/// A program in a pty, its output fed to a terminal emulator on a reader thread that reports
/// the moment of every chunk it has taken in.
struct PtyRun {
    parser: std::sync::Arc<std::sync::Mutex<vt100::Parser>>,
    chunks: std::sync::mpsc::Receiver<Instant>,
    writer: Box<dyn std::io::Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    started: Instant,
}

impl PtyRun {
    fn start(program: &str, args: &[&str], cwd: &Path) -> PtyRun {
        use portable_pty::{CommandBuilder, PtySize, native_pty_system};
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("AVG_WIJZER_STORE");
        cmd.cwd(cwd);
        let size = std::num::NonZeroU16::new;
        let parser = std::sync::Arc::new(std::sync::Mutex::new(vt100::Parser::new(
            size(24).expect("rows"),
            size(80).expect("cols"),
            0,
        )));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let (tx, chunks) = std::sync::mpsc::channel();
        let feed = std::sync::Arc::clone(&parser);
        let child = pair.slave.spawn_command(cmd).expect("start");
        let started = Instant::now();
        drop(pair.slave);
        std::thread::spawn(move || {
            // The master must stay open while the child runs.
            let _master = pair.master;
            let mut buf = [0u8; 16384];
            while let Ok(n) = std::io::Read::read(&mut reader, &mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut p) = feed.lock() {
                    p.process(&buf[..n]);
                }
                if tx.send(Instant::now()).is_err() {
                    break;
                }
            }
        });
        PtyRun {
            parser,
            chunks,
            writer,
            child,
            started,
        }
    }

    fn shows(&self, texts: &[&str]) -> bool {
        let screen = self.parser.lock().expect("parser").screen().contents();
        texts.iter().all(|t| screen.contains(t))
    }

    /// When the screen first showed all `texts`, counting from the chunk that completed them.
    fn until(&self, texts: &[&str]) -> Instant {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let remaining = deadline.saturating_duration_since(Instant::now());
            match self.chunks.recv_timeout(remaining) {
                Ok(at) if self.shows(texts) => return at,
                Ok(_) => {}
                Err(_) => panic!(
                    "waited for {texts:?}; the screen shows:\n{}",
                    self.parser.lock().expect("parser").screen().contents()
                ),
            }
        }
    }

    fn send(&mut self, keys: &str) -> Instant {
        // Chunks from before this key are not its answer.
        while self.chunks.try_recv().is_ok() {}
        let at = Instant::now();
        self.writer.write_all(keys.as_bytes()).expect("send keys");
        self.writer.flush().expect("flush");
        at
    }

    /// Peak resident memory so far (VmHWM), in KiB.
    fn peak_kib(&self) -> Option<u64> {
        let pid = self.child.process_id()?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
    }

    fn finish(mut self, keys: &str) {
        let _ = self.writer.write_all(keys.as_bytes());
        let _ = self.writer.flush();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What marks a complete first frame: text from its top and from its last line.
struct App {
    name: &'static str,
    program: String,
    args: Vec<String>,
    first_frame: [&'static str; 2],
    quit: &'static str,
}

fn percentile(v: &mut [Duration], p: usize) -> Duration {
    v.sort();
    v[(v.len() * p / 100).min(v.len() - 1)]
}

/// Launch to first complete frame of each app, the apps taking turns so that the machine's
/// other load falls on all of them alike. Timed from the moment the process exists (after the
/// fork and the pty set-up), to the chunk of output that completed the frame.
fn launch_times(apps: &[App], cwd: &Path, n: usize) -> Vec<(Duration, Duration)> {
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); apps.len()];
    for _ in 0..n {
        for (app, v) in apps.iter().zip(&mut times) {
            let args: Vec<&str> = app.args.iter().map(String::as_str).collect();
            let run = PtyRun::start(&app.program, &args, cwd);
            let at = run.until(&app.first_frame);
            v.push(at - run.started);
            run.finish(app.quit);
        }
    }
    times
        .iter_mut()
        .map(|v| (percentile(v, 50), percentile(v, 95)))
        .collect()
}

/// Key press to redrawn frame for key number `i`: keys alternate between two states, each
/// recognised by its text on screen.
fn key_latencies(run: &mut PtyRun, keys: [(&str, &str); 2], i: usize) -> Option<Duration> {
    let (key, shows) = keys[i % 2];
    let sent = run.send(key);
    Some(run.until(&[shows]) - sent)
}

pub fn tui_benches(dir: &Path, example: &str) {
    println!(
        "\nInterface in a pseudo-terminal (80×24), beside a minimal ratatui app (the benchmark's binary):"
    );
    let empty = dir.join("leeg");
    let full = dir.join("vol");
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(&empty).expect("store dir");
    std::fs::create_dir_all(&full).expect("store dir");
    let bank = Bank::embedded().expect("embedded bank");
    let store = Store::open(&full).expect("store");
    let template = example_assessment(&bank, example, "x".into()).record;
    for i in 0..10_000u32 {
        let mut r = template.clone();
        r.id = format!("20261123-{:06}-{:010x}", i % 1_000_000, i);
        r.campaign.name = format!("Campagne {i}");
        write_record_fast(&full, &mut r);
    }
    // The store as it is in use: its list cache written once.
    let _ = store.list().expect("list");

    let me = std::env::current_exe()
        .expect("the benchmark's own path")
        .display()
        .to_string();
    let minimal = App {
        name: "minimal ratatui app",
        program: me.clone(),
        args: vec![MINIMAL_APP.into()],
        first_frame: ["Minimal list", "q quit"],
        quit: "q",
    };
    let tui = |store: &Path| App {
        name: "avg-wijzer",
        program: BIN.into(),
        args: vec!["--store".into(), store.display().to_string()],
        first_frame: ["Nieuwe beoordeling starten", "verlaten"],
        quit: "\x03",
    };
    let apps = [minimal, tui(&empty), tui(&full)];
    let launch = launch_times(&apps, dir, 40);
    let (base50, _) = launch[0];
    for ((app, (p50, p95)), label) in
        apps.iter()
            .zip(&launch)
            .zip(["", ", empty store", ", 10,000 records"])
    {
        let ratio = if label.is_empty() {
            String::new()
        } else {
            format!(
                "   ({:.2}× the minimal app's p50; bar ≤ 1.5×)",
                p50.as_secs_f64() / base50.as_secs_f64()
            )
        };
        let name = format!("{}{label}:", app.name);
        println!(
            "  launch to first frame, {name:<34} p50 {}  p95 {}{ratio}",
            ms(*p50),
            ms(*p95)
        );
    }

    // Key to redrawn frame: the minimal app's list and a question's options in avg-wijzer,
    // taking turns key by key. A thousand keys each, so that the 99th percentile is the tenth
    // slowest, not one pause of this shared machine.
    let keys = 1000;
    for (label, store, listed) in [
        ("empty store", &empty, "Nog geen verslagen"),
        ("10,000 records", &full, "Verslagen (10000)"),
    ] {
        let mut base_run = PtyRun::start(&me, &[MINIMAL_APP], dir);
        base_run.until(&apps[0].first_frame);
        let args = ["--store", store.to_str().expect("utf-8 path")];
        let mut run = PtyRun::start(BIN, &args, dir);
        run.until(&["Nieuwe beoordeling starten", "verlaten"]);
        run.until(&[listed]);
        run.send("\r");
        run.until(&["Naam van de campagne"]);
        run.send("Bench\r\r\r");
        run.until(&["Vraag 1 van"]);
        run.send("Doel\r");
        run.until(&["Vraag 2 van"]);
        let (mut base, mut ours) = (Vec::new(), Vec::new());
        for i in 0..keys {
            base.extend(key_latencies(
                &mut base_run,
                [("j", "> Item 2"), ("k", "> Item 1")],
                i,
            ));
            ours.extend(key_latencies(
                &mut run,
                [("j", "▶ ( ) Dekking"), ("k", "▶ ( ) Werkgebied")],
                i,
            ));
        }
        let base_peak = base_run.peak_kib();
        base_run.finish("q");
        let (b50, b99) = (percentile(&mut base, 50), percentile(&mut base, 99));
        let (p50, p99) = (percentile(&mut ours, 50), percentile(&mut ours, 99));
        println!(
            "  key to redrawn frame ({label}), minimal app:  p50 {}  p99 {}",
            ms(b50),
            ms(b99)
        );
        println!(
            "  key to redrawn frame ({label}), avg-wijzer:   p50 {}  p99 {}   ({:.2}× the minimal app's p99; bar ≤ 1.5×)",
            ms(p50),
            ms(p99),
            p99.as_secs_f64() / b99.as_secs_f64()
        );
        // The rest of a whole session: every answer, the advice opened, help and back.
        for (keys, shows) in [
            ("jj\r", "Vraag 3 van"),
            ("j\r", "Vraag 4 van"),
            ("\r", "Vraag 5 van"),
            ("j\r", "Vraag 6 van"),
            (" jj \r", "Vraag 7 van"),
            ("j \r", "Vraag 8 van"),
            ("j\r", "Vraag 9 van"),
            ("\r", "Vraag 10 van"),
            ("j\r", "Je antwoorden"),
            ("G\r", "OORDEEL"),
            (" j j ", "OORDEEL"),
            ("?", "Hulp: de toetsen"),
            ("q", "OORDEEL"),
            ("q", "Nieuwe beoordeling starten"),
        ] {
            run.send(keys);
            run.until(&[shows]);
        }
        // A filter typed over the list: each key matches every record again, the worst case
        // one that none fits, taking turns with Backspace, which lets all through (the 10,000
        // and the session's own record).
        if listed.contains("10000") {
            run.send("/");
            run.until(&["Filter:"]);
            // As many keys as above, so that the 99th percentile is not one pause either.
            let mut typed = Vec::new();
            for i in 0..keys {
                typed.extend(key_latencies(
                    &mut run,
                    [("z", "(0 van 10001)"), ("\x7f", "(10001 van 10001)")],
                    i,
                ));
            }
            let (f50, f99) = (percentile(&mut typed, 50), percentile(&mut typed, 99));
            println!(
                "  key to redrawn frame (filter typed over {label}): p50 {}  p99 {}   ({:.2}× the minimal app's p99; bar ≤ 1.5×)",
                ms(f50),
                ms(f99),
                f99.as_secs_f64() / b99.as_secs_f64()
            );
            run.send("\x1b");
            run.until(&["Verslagen (10001)"]);
        }
        if let (Some(kib), Some(base_kib)) = (run.peak_kib(), base_peak) {
            println!(
                "  peak memory, whole session ({label}): {:.1} MiB (VmHWM; bar ≤ 10 MiB); minimal app {:.1} MiB",
                kib as f64 / 1024.0,
                base_kib as f64 / 1024.0
            );
        }
        run.finish("\x03");
    }
    let _ = std::fs::remove_dir_all(dir);
}
