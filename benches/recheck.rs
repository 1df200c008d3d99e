//! `recheck` over a store of 10,000 finished records after the rules changed, as whole
//! processes: every record read, verified and its advice compared with the outcome of its
//! answers under a changed bank (bar: ≤ 2 s). The bank is the shipped one as version 1.3.0
//! with the rule on former customers recommending, not requiring, the retention policy: the
//! example's audience has former customers, so every record differs (the most to say).
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use avg_wijzer::bank::Bank;

use super::register::{RECORDS, finished_store};
use super::{BIN, dir_bytes, measure, ms, peak_rss_kib, run};

/// The shipped bank in `dir`, changed as the module says.
fn changed_bank(dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).expect("the bank's directory");
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/questions");
    for entry in std::fs::read_dir(src).expect("questions/") {
        let path = entry.expect("an entry").path();
        let name = path.file_name().expect("a name").to_owned();
        let mut v: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).expect("a bank file")).expect("JSON");
        if let Some(bank) = v.get_mut("bank") {
            bank["version"] = "1.3.0".into();
        }
        if let Some(rules) = v.get_mut("rules").and_then(|r| r.as_array_mut()) {
            for r in rules.iter_mut().filter(|r| r["id"] == "former_customers") {
                let o = r.as_object_mut().expect("a rule");
                let required = o.remove("require").expect("it requires");
                o.insert("recommend".into(), required);
            }
        }
        std::fs::write(dir.join(name), v.to_string()).expect("write the bank file");
    }
}

pub(super) fn recheck_bench(dir: &Path, example: &str, bank: &Bank) {
    let t = Instant::now();
    finished_store(dir, example, bank);
    let questions = dir.with_extension("bank");
    changed_bank(&questions);
    println!(
        "\nrecheck over {RECORDS} finished records, changed bank (generated in {:.1} s, {:.0} MiB):",
        t.elapsed().as_secs_f64(),
        dir_bytes(dir) as f64 / (1024.0 * 1024.0)
    );
    let store = dir.to_string_lossy().to_string();
    let bank_dir = questions.to_string_lossy().to_string();
    let args = ["--store", &store, "--questions", &bank_dir, "recheck"];
    // Every record is checked and differs before anything is timed.
    let done = Command::new(BIN).args(args).output().expect("run recheck");
    assert!(done.status.success(), "recheck failed");
    let out = String::from_utf8_lossy(&done.stdout);
    let summary = out.lines().last().unwrap_or_default();
    assert!(
        summary.starts_with(&format!("{RECORDS} verslagen gecontroleerd"))
            && summary.contains(&format!("bij {RECORDS} zou")),
        "every record is checked and differs: {summary}"
    );
    let (p50, p95) = measure(5, || run(&args));
    println!(
        "recheck:                                 p50 {}  p95 {}   (5 runs; bar: ≤ 2 s)",
        ms(p50),
        ms(p95)
    );
    let json = [
        "--store",
        &store,
        "--questions",
        &bank_dir,
        "recheck",
        "--json",
    ];
    let (p50, p95) = measure(5, || run(&json));
    println!(
        "recheck --json:                          p50 {}  p95 {}   (5 runs)",
        ms(p50),
        ms(p95)
    );
    if let Some(kib) = peak_rss_kib(&args) {
        println!(
            "recheck, peak memory:                    {:.1} MiB",
            kib as f64 / 1024.0
        );
    }
    let _ = std::fs::remove_dir_all(dir);
    let _ = std::fs::remove_dir_all(&questions);
}
