//! The quality bars of PRODUCT.md, measured on a release build: `cargo bench --bench perf`.
//! Whole processes are timed (start-up included), as a person or a script would see them.
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use avg_wijzer::bank::{Bank, EMBEDDED, lint::lint, scale::scaled};

const BIN: &str = env!("CARGO_BIN_EXE_avg-wijzer");

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

fn write_bank(dir: &Path, files: &[(String, String)]) {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).unwrap();
    for (name, content) in files {
        std::fs::write(dir.join(name), content).unwrap();
    }
}

fn main() {
    // `cargo bench` passes --bench; a filter argument is not used here.
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/voorjaarsactie.json");
    println!("AVG-wijzer benchmark (release build, whole processes)\n");

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
    let base = std::env::temp_dir().join(format!("avg-wijzer-bench-{}", std::process::id()));
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
    let _ = std::fs::remove_dir_all(&base);
}
