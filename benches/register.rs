//! `register --format xlsx` over a store of 10,000 finished records, as whole processes: every
//! record read, verified and written as a row of the spreadsheet (bars: ≤ 2 s, ≤ 50 MiB peak).
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use avg_wijzer::bank::Bank;
use avg_wijzer::profile::Field;
use avg_wijzer::record::{Decision, time};
use avg_wijzer::store::Store;

use super::{
    BIN, dir_bytes, example_assessment, measure, ms, peak_rss_kib, run, write_record_fast,
};

/// How many records the register and the recheck are measured over.
pub(super) const RECORDS: usize = 10_000;

/// A store in `dir` of [`RECORDS`] finished records of the example, one in four signed off,
/// each with its own id; `register` and `recheck` are measured over it.
pub(super) fn finished_store(dir: &Path, example: &str, bank: &Bank) -> Store {
    let _ = std::fs::remove_dir_all(dir);
    let store = Store::open(dir).expect("open the bench store");
    // (The campaign stays the example's: the advice names it, and a record whose advice no
    // longer follows from it fails verification and is left out.)
    let completed = example_assessment(bank, example, String::new());
    let mut signed = completed.clone();
    signed
        .sign_off(
            "B. Jansen",
            "2027-01-02",
            Decision::Approved,
            "",
            &time::now(),
        )
        .expect("sign off");
    let start = 1_790_000_000i64;
    for i in 0..RECORDS {
        let at = time::format(start + (i as i64) * 37);
        let mut r = if i % 4 == 3 {
            signed.record.clone()
        } else {
            completed.record.clone()
        };
        r.id = store.new_id(&at);
        write_record_fast(dir, &mut r);
    }
    store
}

pub(super) fn register_bench(dir: &Path, example: &str, bank: &Bank) {
    let arg = dir.to_string_lossy().to_string();
    let t = Instant::now();
    let store = finished_store(dir, example, bank);
    // A profile with most items given, as a library's would be.
    let loaded = store.load_profile().expect("the profile");
    let mut profile = loaded.profile.clone();
    for (field, value) in [
        (Field::Name, "Bibliotheek Voorbeeldstad"),
        (Field::Kvk, "12345678"),
        (Field::FgName, "B. Jansen"),
        (Field::FgContact, "fg@voorbeeldstad.nl"),
        (
            Field::Security,
            "Toegang op naam; versleutelde opslag; logboek van inzage",
        ),
    ] {
        profile.set(field, value).expect("a valid value");
    }
    store
        .save_profile(&profile, &loaded.seen)
        .expect("save the profile");
    println!(
        "\nregister over {RECORDS} finished records (generated in {:.1} s, {:.0} MiB):",
        t.elapsed().as_secs_f64(),
        dir_bytes(dir) as f64 / (1024.0 * 1024.0)
    );

    let out_file = dir.with_extension("xlsx");
    let out = out_file.to_string_lossy().to_string();
    let args = ["--store", &arg, "register", "--format", "xlsx", "-o", &out];
    // Every record is in it before anything is timed.
    let _ = std::fs::remove_file(&out_file);
    let done = Command::new(BIN).args(args).output().expect("run register");
    let said = String::from_utf8_lossy(&done.stderr);
    let said: String = said.chars().take(600).collect();
    assert!(done.status.success(), "register failed: {said}");
    assert!(
        said.starts_with(&format!("{RECORDS} verwerkingen")),
        "every record is a row: {said}"
    );
    let size = std::fs::metadata(&out_file).map_or(0, |m| m.len());
    let (p50, p95) = measure(5, || {
        let _ = std::fs::remove_file(&out_file);
        run(&args)
    });
    println!(
        "register --format xlsx ({:.1} MiB file): p50 {}  p95 {}   (5 runs; bar: ≤ 2 s)",
        size as f64 / (1024.0 * 1024.0),
        ms(p50),
        ms(p95)
    );
    let _ = std::fs::remove_file(&out_file);
    if let Some(kib) = peak_rss_kib(&args) {
        println!(
            "register --format xlsx, peak memory:     {:.1} MiB   (bar: ≤ 50 MiB)",
            kib as f64 / 1024.0
        );
    }
    let _ = std::fs::remove_file(&out_file);
    let _ = std::fs::remove_dir_all(dir);
}
