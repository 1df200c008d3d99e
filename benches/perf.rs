//! The quality bars (the README, "Measuring"), measured on a release build: `cargo bench --bench perf`.
//! Whole processes are timed (start-up included), as a person or a script would see them.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
mod minimal;
mod recheck;
mod register;
mod scale;
mod tui;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use avg_wijzer::bank::{Bank, EMBEDDED, lint::lint};
use avg_wijzer::record::{Assessment, Campaign, Participant, Record, Status, time};
use avg_wijzer::store::Store;
use avg_wijzer::text::Lang;
use scale::scaled;
use tui::tui_benches;

const BIN: &str = env!("CARGO_BIN_EXE_avg-wijzer");

/// The argument that starts this binary as the minimal ratatui app the interface is measured
/// against (see `minimal.rs`).
const MINIMAL_APP: &str = "minimal-app";

fn run(args: &[&str]) -> Duration {
    let t = Instant::now();
    let status = Command::new(BIN)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run avg-wijzer");
    let d = t.elapsed();
    assert!(
        status.code() == Some(0) || status.code() == Some(1),
        "{args:?}: {status}"
    );
    d
}

/// Median and 95th percentile of `n` runs.
fn measure(n: usize, mut f: impl FnMut() -> Duration) -> (Duration, Duration) {
    let mut v: Vec<Duration> = (0..n).map(|_| f()).collect();
    v.sort();
    (v[n / 2], v[(n * 95 / 100).min(n - 1)])
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn peak_rss_kib(args: &[&str]) -> Option<u64> {
    // GNU time reports the child's peak resident set; absent on some machines.
    let out = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%M")
        .arg(BIN)
        .args(args)
        .stdout(Stdio::null())
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .last()?
        .trim()
        .parse()
        .ok()
}

/// Median and 95th percentile of the CPU time (user + system) of `n` runs, from GNU time.
fn cpu_times(n: usize, args: &[&str]) -> Option<(Duration, Duration)> {
    let mut v = Vec::new();
    for _ in 0..n {
        let out = Command::new("/usr/bin/time")
            .args(["-f", "%U %S", BIN])
            .args(args)
            .stdout(Stdio::null())
            .output()
            .ok()?;
        let err = String::from_utf8_lossy(&out.stderr);
        let secs: f64 = err
            .lines()
            .last()?
            .split_whitespace()
            .map(|x| x.parse::<f64>().ok())
            .sum::<Option<f64>>()?;
        v.push(Duration::from_secs_f64(secs));
    }
    v.sort();
    Some((v[n / 2], v[(n * 95 / 100).min(n - 1)]))
}

fn write_bank(dir: &Path, files: &[(String, String)]) {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).unwrap();
    for (name, content) in files {
        std::fs::write(dir.join(name), content).unwrap();
    }
}

/// The groups of measurements, run in this order; `cargo bench --bench perf -- lint store`
/// runs only the ones named (the scaled lint runs take a while).
const GROUPS: [&str; 6] = ["advise", "lint", "store", "register", "recheck", "tui"];

fn main() {
    if std::env::args().nth(1).as_deref() == Some(MINIMAL_APP) {
        if let Err(e) = minimal::run() {
            eprintln!("minimal app: {e:#}");
            std::process::exit(1);
        }
        return;
    }
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/voorjaarsactie.json");
    // `cargo bench` passes --bench; every other argument names a group.
    let named: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    if let Some(unknown) = named.iter().find(|a| !GROUPS.contains(&a.as_str())) {
        eprintln!(
            "unknown group {unknown}; the groups are {}",
            GROUPS.join(", ")
        );
        std::process::exit(2);
    }
    let wanted = |g: &str| named.is_empty() || named.iter().any(|a| a == g);
    println!("AVG-wijzer benchmark (release build, whole processes)\n");
    // The bank and every asset are in the binary; its size has a bar of its own.
    let size = std::fs::metadata(BIN).map_or(0, |m| m.len());
    println!(
        "release binary: {size} bytes ({:.2} MiB; bar: ≤ 8 MiB)\n",
        size as f64 / (1024.0 * 1024.0)
    );
    let base = std::env::temp_dir().join(format!("avg-wijzer-bench-{}", std::process::id()));
    if wanted("advise") {
        advise_benches(example, &base);
    }
    if wanted("lint") {
        lint_benches(&base);
    }
    if wanted("store") {
        store_benches(&base.join("store"), example);
    }
    if wanted("register") {
        let bank = Bank::embedded().expect("embedded bank");
        register::register_bench(&base.join("register"), example, &bank);
    }
    if wanted("recheck") {
        let bank = Bank::embedded().expect("embedded bank");
        recheck::recheck_bench(&base.join("recheck"), example, &bank);
    }
    if wanted("tui") {
        tui_benches(&base.join("tui"), example);
    }
    let _ = std::fs::remove_dir_all(&base);
}

/// A plan the bank does not allow (direct marketing by e-mail and phone on a legitimate interest
/// that fails its balancing test), so `advise` also searches its remedies: the single changes
/// find fewer than the five shown, and the pairs of changes are tried as well.
const NOT_ALLOWED: &str = r#"{
  "campaign": { "name": "Belactie oud-leden" },
  "answers": {
    "use_case": "address_selection",
    "postcode_granularity": "pc6_house_number",
    "envisia_access": "poi_license",
    "distribution": "direct_marketing",
    "audience": ["existing_customers", "former_customers"],
    "channel": ["email", "phone"],
    "uses_lending_history": "no",
    "external_agency": "yes",
    "phone_purpose": "research",
    "legal_basis": "legitimate_interest",
    "li_interest": "yes",
    "li_compatible": "yes",
    "li_necessary": "yes",
    "li_balance": "no"
  }
}"#;

fn advise_benches(example: &str, base: &Path) {
    let (p50, p95) = measure(200, || run(&["advise", "--answers", example]));
    println!(
        "advise, text, complete answers file:  p50 {}  p95 {}   (bar: ≤ 5 ms)",
        ms(p50),
        ms(p95)
    );
    let (p50, p95) = measure(200, || {
        run(&["advise", "--answers", example, "--format", "json"])
    });
    println!(
        "advise, json:                         p50 {}  p95 {}",
        ms(p50),
        ms(p95)
    );
    std::fs::create_dir_all(base).expect("bench dir");
    let blocked = base.join("not-allowed.json");
    std::fs::write(&blocked, NOT_ALLOWED).expect("write the not-allowed plan");
    let blocked = blocked.to_string_lossy().to_string();
    // The plan is what it is meant to be before it is timed: not allowed, with remedies.
    let out = Command::new(BIN)
        .args(["advise", "--answers", &blocked, "--format", "json"])
        .output()
        .expect("run advise");
    let advice: serde_json::Value = serde_json::from_slice(&out.stdout).expect("advise JSON");
    assert_eq!(
        advice["findings"]["verdict"], "not_allowed",
        "the bench plan"
    );
    let remedies = advice["remedies"].as_array().map_or(0, Vec::len);
    assert!(remedies > 0, "the bench plan has remedies");
    let (p50, p95) = measure(200, || run(&["advise", "--answers", &blocked]));
    println!(
        "advise, text, not allowed ({remedies} remedies): p50 {}  p95 {}   (bar: ≤ 5 ms)",
        ms(p50),
        ms(p95)
    );
    // The search alone, in process, where the whole process's time is mostly start-up and
    // noise on a shared machine: this plan, one blocked by its audience, and an enrichment
    // without a legal basis (the slowest kind found on random plans).
    let bank = Bank::embedded().expect("embedded bank");
    let enrichment = r#"{ "answers": { "use_case": "enrichment", "envisia_access": "own_contract",
        "crm_coupling": "crm_structural", "audience": ["existing_customers"],
        "channel": ["addressed_post"], "uses_lending_history": "no", "legal_basis": "undecided" } }"#;
    let audience = r#"{ "answers": { "use_case": "address_selection",
        "postcode_granularity": "pc6_house_number", "envisia_access": "poi_license",
        "distribution": "direct_marketing", "audience": ["existing_customers", "school_library_members"],
        "channel": ["email"], "uses_lending_history": "no", "legal_basis": "consent",
        "existing_consent": "all" } }"#;
    for (name, src) in [
        ("this plan", NOT_ALLOWED.to_string()),
        ("audience", audience.to_string()),
        ("enrichment", enrichment.to_string()),
    ] {
        let a = avg_wijzer::answers::assess(&bank, name, &src).expect("a bench plan");
        let (p50, p95) = measure(200, || {
            let t = Instant::now();
            let found = avg_wijzer::engine::remedies(&bank, &a.session, &a.outcome);
            let d = t.elapsed();
            assert!(!found.is_empty(), "{name}: remedies");
            d
        });
        println!(
            "  remedies alone, in process, {name:<11} p50 {}  p95 {}",
            ms(p50),
            ms(p95)
        );
    }
}

fn lint_benches(base: &Path) {
    let (p50, p95) = measure(30, || run(&["lint"]));
    println!(
        "lint, shipped bank (embedded):        p50 {}  p95 {}   (bar: ≤ 100 ms)",
        ms(p50),
        ms(p95)
    );
    if let Some(kib) = peak_rss_kib(&["lint"]) {
        println!(
            "lint, shipped bank, peak memory:      {:.1} MiB",
            kib as f64 / 1024.0
        );
    }

    let files: Vec<(String, String)> = EMBEDDED
        .iter()
        .map(|(n, c)| (n.to_string(), c.to_string()))
        .collect();
    println!(
        "\nlint on generated banks of n copies of the shipped bank (time should grow linearly in n):"
    );
    let mut first: Option<f64> = None;
    for n in [1usize, 10, 100] {
        let dir: PathBuf = base.join(format!("x{n}"));
        let bank_files = scaled(&files, n).expect("scale the bank");
        write_bank(&dir, &bank_files);
        let arg = dir.to_string_lossy().to_string();
        let runs = if n == 100 { 3 } else { 10 };
        let (p50, _) = measure(runs, || run(&["lint", &arg]));
        let bank = Bank::from_files(&bank_files, "x").expect("generated bank loads");
        let t = Instant::now();
        let report = lint(&bank);
        let in_process = t.elapsed();
        let per_copy = p50.as_secs_f64() * 1000.0 / n as f64;
        let ratio = first.map_or(1.0, |f| per_copy / f);
        first.get_or_insert(per_copy);
        let rss = peak_rss_kib(&["lint", &arg]).map_or(String::new(), |k| {
            format!(", peak {:.0} MiB", k as f64 / 1024.0)
        });
        println!(
            "  n = {n:>3}: {} questions, {} paths, {} outcomes, {} states; process p50 {} ({:.2} ms per copy, {ratio:.2}× copy 1){rss}; lint alone {}",
            report.questions,
            report.paths,
            report.outcomes,
            report.states,
            ms(p50),
            per_copy,
            ms(in_process)
        );
        assert!(
            report.is_sound(),
            "generated bank x{n} has defects: {:?}",
            &report.defects[..report.defects.len().min(5)]
        );
    }
}

/// A record with the example's answers, as `new` makes it.
fn example_assessment<'b>(bank: &'b Bank, example: &str, id: String) -> Assessment<'b> {
    let src = std::fs::read_to_string(example).expect("read the example");
    let parsed = avg_wijzer::answers::assess(bank, "voorbeeld", &src).expect("example parses");
    let now = time::now();
    let campaign = Campaign {
        name: parsed.campaign.name.clone(),
        ..Campaign::default()
    };
    let participants = vec![Participant {
        name: "Anna".into(),
        role: "marketing".into(),
    }];
    let mut a = Assessment::start(bank, id, campaign, participants, Lang::Nl, &now);
    a.answer_all(&parsed.session, &now)
        .expect("example answers");
    a
}

/// Writes a record file as the store would (owner-only), without the fsync: generating
/// 10,000 records with two fsyncs each would take longer than everything measured here.
fn write_record_fast(dir: &Path, r: &mut Record) {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    use std::io::Write;
    options
        .open(dir.join(format!("{}.json", r.id)))
        .and_then(|mut f| f.write_all(r.to_json().as_bytes()))
        .expect("write a generated record");
}

fn store_benches(dir: &Path, example: &str) {
    let bank = Bank::embedded().expect("embedded bank");
    // The save first, while the disk is quiet: writing the 10,000 records below leaves
    // megabytes for the kernel to flush, and an fsync waits for that.
    save_bench(dir, example, &bank);
    list_bench(dir, example, &bank);
}

/// `list` over 10,000 records, as whole processes.
fn list_bench(dir: &Path, example: &str, bank: &Bank) {
    const RECORDS: usize = 10_000;
    let _ = std::fs::remove_dir_all(dir);
    let store = Store::open(dir).expect("open the bench store");
    let arg = dir.to_string_lossy().to_string();

    // 10,000 records: three in four complete, one in four still in progress, a day apart
    // in groups, each with its own id, campaign and integrity seal.
    let t = Instant::now();
    let complete = example_assessment(bank, example, String::new());
    let mut partial = example_assessment(bank, example, String::new());
    partial
        .record
        .answers
        .retain(|q, _| q == "use_case" || q == "campaign_purpose");
    partial.record.outcome = None;
    partial.record.completed = None;
    partial.record.status = Status::InProgress;
    let start = 1_790_000_000i64;
    for i in 0..RECORDS {
        let at = time::format(start + (i as i64) * 37);
        let mut r = if i % 4 == 3 {
            partial.record.clone()
        } else {
            complete.record.clone()
        };
        r.id = store.new_id(&at);
        r.campaign.name = format!("Campagne {i}");
        r.created = at.clone();
        r.updated = at;
        write_record_fast(dir, &mut r);
    }
    println!(
        "\nstore of {RECORDS} records (generated in {:.1} s, {:.0} MiB, on {}):",
        t.elapsed().as_secs_f64(),
        dir_bytes(dir) as f64 / (1024.0 * 1024.0),
        std::env::temp_dir().display()
    );

    // The listing is complete and correct before it is timed.
    let out = Command::new(BIN)
        .args(["--store", &arg, "list"])
        .output()
        .expect("run list");
    assert!(out.status.success(), "list failed");
    let lines = String::from_utf8_lossy(&out.stdout).lines().count();
    assert_eq!(lines, RECORDS + 1, "list shows every record and a header");

    let index = dir.join(".index.jsonl");
    let (p50, p95) = measure(5, || {
        let _ = std::fs::remove_file(&index);
        run(&["--store", &arg, "list"])
    });
    println!(
        "list, index missing (every file read):   p50 {}  p95 {}   (5 runs)",
        ms(p50),
        ms(p95)
    );
    let (p50, p95) = measure(20, || run(&["--store", &arg, "list"]));
    println!(
        "list, warm (index fresh):                p50 {}  p95 {}   (bar: ≤ 200 ms)",
        ms(p50),
        ms(p95)
    );
    // On a shared machine the wall time includes waiting for a CPU; the CPU time does not.
    if let Some((p50, p95)) = cpu_times(10, &["--store", &arg, "list"]) {
        println!(
            "list, warm, CPU time (user + system):    p50 {}  p95 {}   (10 ms resolution)",
            ms(p50),
            ms(p95)
        );
    }
    let (p50, p95) = measure(20, || run(&["--store", &arg, "list", "--json"]));
    println!(
        "list --json, warm:                       p50 {}  p95 {}",
        ms(p50),
        ms(p95)
    );
    // One record saved since the last list: its entry is stale and the file is read again.
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "json")
                && !p.file_name().unwrap().to_string_lossy().starts_with('.')
        })
        .collect();
    files.sort();
    let mut k = 0;
    let (p50, p95) = measure(20, || {
        k += 1;
        let mut r = avg_wijzer::store::read_record(&files[k * 397 % files.len()]).unwrap();
        r.updated = time::now();
        store.save(&mut r).unwrap();
        run(&["--store", &arg, "list"])
    });
    println!(
        "list, one record changed since:          p50 {}  p95 {}   (bar: ≤ 200 ms)",
        ms(p50),
        ms(p95)
    );
    if let Some(kib) = peak_rss_kib(&["--store", &arg, "list"]) {
        println!(
            "list, warm, peak memory:                 {:.1} MiB",
            kib as f64 / 1024.0
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// A save after an answer, in process: the record as plain mode saves it — serialised,
/// sealed, written to a temp file, fsynced, renamed, directory fsynced.
fn save_bench(dir: &Path, example: &str, bank: &Bank) {
    let _ = std::fs::remove_dir_all(dir);
    let store = Store::open(dir).expect("open the bench store");
    let mut base = example_assessment(bank, example, store.new_id(&time::now()));
    store.create(&mut base.record).expect("create");
    let q = bank
        .question_id("existing_consent")
        .expect("existing_consent");
    let values = ["all", "some"].map(|v| {
        bank.questions[q]
            .parse_answer(&serde_json::Value::from(v))
            .expect("an option of existing_consent")
    });
    let mut a = base.clone();
    let mut save_only = Vec::new();
    let mut answer_and_save = Vec::new();
    for i in 0..200 {
        if i % 20 == 0 {
            // A session changes a few answers, not hundreds: keep the history realistic. The
            // record stays the one last saved (its seal), or the store would refuse the save
            // as coming from a second session.
            let saved = a.record.integrity.clone();
            a = base.clone();
            a.record.integrity = saved;
        }
        let t = Instant::now();
        a.answer(q, values[i % 2].clone(), &time::now()).unwrap();
        let s = Instant::now();
        store.save(&mut a.record).expect("save");
        save_only.push(s.elapsed());
        answer_and_save.push(t.elapsed());
    }
    let pct = |v: &mut Vec<Duration>| {
        v.sort();
        (v[v.len() / 2], v[v.len() * 95 / 100])
    };
    let size = std::fs::metadata(dir.join(format!("{}.json", a.record.id))).map_or(0, |m| m.len());
    let (p50, p95) = pct(&mut save_only);
    println!(
        "\nsave after an answer ({:.0} KiB record, fsync of file and directory, 200 saves):",
        size as f64 / 1024.0
    );
    println!(
        "  save:                                  p50 {}  p95 {}   (bar: ≤ 5 ms)",
        ms(p50),
        ms(p95)
    );
    let (p50, p95) = pct(&mut answer_and_save);
    println!(
        "  answer + save:                         p50 {}  p95 {}",
        ms(p50),
        ms(p95)
    );
    // The disk alone: the same bytes through the same steps, without any of the store's code.
    let bytes = std::fs::read(dir.join(format!("{}.json", a.record.id))).expect("the record");
    let mut disk = Vec::new();
    for i in 0..200 {
        let t = Instant::now();
        let tmp = dir.join(format!(".floor-{i}"));
        let mut f = std::fs::File::create(&tmp).expect("temp file");
        use std::io::Write;
        f.write_all(&bytes).expect("write");
        f.sync_all().expect("fsync");
        std::fs::rename(&tmp, dir.join("floor.json")).expect("rename");
        std::fs::File::open(dir)
            .and_then(|d| d.sync_all())
            .expect("fsync dir");
        disk.push(t.elapsed());
    }
    let (p50, p95) = pct(&mut disk);
    println!(
        "  the disk alone (write, fsync, rename, fsync dir): p50 {}  p95 {}",
        ms(p50),
        ms(p95)
    );
    // What a save costs besides the disk: serialising the record and sealing it.
    let mut seal = Vec::new();
    for _ in 0..200 {
        let t = Instant::now();
        std::hint::black_box(a.record.to_json());
        seal.push(t.elapsed());
    }
    let (p50, p95) = pct(&mut seal);
    println!(
        "  of which serialise + seal (no disk):   p50 {}  p95 {}",
        ms(p50),
        ms(p95)
    );
    let _ = std::fs::remove_dir_all(dir);
}

fn dir_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok()?.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}
