//! Embeds every file of `questions/` in the binary, so the tool runs from any directory with no
//! files beside it. The list is generated so a new bank file needs no code change.
// A build script stops the build with its message when it cannot read or write: that is the
// one way it has to say so.
#![allow(clippy::expect_used)]

use std::{env, fs, path::Path};

use sha2::{Digest, Sha256};

fn main() {
    if env::var("PROFILE").is_ok_and(|p| p == "release") {
        lay_out_release_code();
        strip_symbols();
    }
    let dir = Path::new("questions");
    println!("cargo:rerun-if-changed=questions");
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("questions/ must exist")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    let mut out = String::from("&[\n");
    for n in &names {
        println!("cargo:rerun-if-changed=questions/{n}");
        out.push_str(&format!(
            "    ({n:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/questions/{n}\"))),\n"
        ));
    }
    out.push(']');
    let dir_out = env::var("OUT_DIR").expect("OUT_DIR");
    fs::write(Path::new(&dir_out).join("embedded_bank.rs"), out).expect("write embedded_bank.rs");

    // The bank's hash, computed here so start-up does not pay for it. Same recipe as
    // `bank::hash_files` (a test checks they agree): name, NUL, content, NUL, sorted by name.
    let mut hasher = Sha256::new();
    for n in &names {
        let content = fs::read(dir.join(n)).expect("read bank file");
        hasher.update(n.as_bytes());
        hasher.update([0]);
        hasher.update(&content);
        hasher.update([0]);
    }
    let hex: String = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    fs::write(
        Path::new(&dir_out).join("embedded_sha256.rs"),
        format!("{hex:?}"),
    )
    .expect("write embedded_sha256.rs");
}

/// Has the release build's linker place the functions a usual session runs together, first in
/// the program's code (`assets/startup-functions.txt`, written by `scripts/startup-functions`).
/// The kernel maps code 64 KiB around each page run: spread over the whole code, those
/// functions brought 4.2–4.5 MiB of it into the interface's memory, placed together 2.1 MiB,
/// and the interface's peak with 10,000 records went from 10.4–10.7 to 8.2 MiB
/// (`cargo bench --bench perf -- tui`). A name the build no longer has is passed over.
///
/// And packs the binary's relocations (DT_RELR): 11,879 of them took 282 KiB of the file, read
/// at every start; packed, the binary is 280 KB smaller and `--version` takes 1.05 ms instead
/// of 1.10 (`perf stat -r 300`). The C library must read them: glibc 2.36 or later.
///
/// Only where the linker is known to be LLD, which reads such a list: Rust's own for
/// x86-64 Linux since Rust 1.90, when no other linker is chosen.
fn lay_out_release_code() {
    let list = "assets/startup-functions.txt";
    println!("cargo:rerun-if-changed={list}");
    let target = env::var("TARGET").is_ok_and(|t| t == "x86_64-unknown-linux-gnu");
    let own_linker = env::var_os("RUSTC_LINKER").is_some()
        || env::var("CARGO_ENCODED_RUSTFLAGS").is_ok_and(|f| f.contains("link"));
    if !target || own_linker || !rust_lld_by_default() {
        return;
    }
    let path = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR")).join(list);
    println!(
        "cargo:rustc-link-arg-bins=-Wl,--symbol-ordering-file={},--no-warn-symbol-ordering",
        path.display()
    );
    if glibc_reads_packed_relocations() {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}

/// Whether this machine's C library is glibc 2.36 or later (`getconf GNU_LIBC_VERSION`).
fn glibc_reads_packed_relocations() -> bool {
    let Ok(out) = std::process::Command::new("getconf")
        .arg("GNU_LIBC_VERSION")
        .output()
    else {
        return false;
    };
    // "glibc 2.36"
    let said = String::from_utf8_lossy(&out.stdout);
    at_least(said.split_whitespace().nth(1), (2, 36))
}

/// Whether the compiler is Rust 1.90 or later (read from `rustc --version`).
fn rust_lld_by_default() -> bool {
    let rustc = env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let Ok(out) = std::process::Command::new(rustc).arg("--version").output() else {
        return false;
    };
    // "rustc 1.95.0 (59807616e 2026-04-14)"
    let said = String::from_utf8_lossy(&out.stdout);
    at_least(said.split_whitespace().nth(1), (1, 90))
}

/// Whether a version "major.minor[.patch]" is at least `least`.
fn at_least(version: Option<&str>, least: (u32, u32)) -> bool {
    let mut parts = version
        .unwrap_or("")
        .split('.')
        .map(|n| n.parse::<u32>().unwrap_or(0));
    matches!((parts.next(), parts.next()), (Some(major), Some(minor)) if (major, minor) >= least)
}

/// Leaves the symbol table out of the release binary (see Cargo.toml's release profile),
/// unless `AVG_WIJZER_SYMBOLS=keep`, as `scripts/startup-functions` builds it.
fn strip_symbols() {
    println!("cargo:rerun-if-env-changed=AVG_WIJZER_SYMBOLS");
    let keep = env::var("AVG_WIJZER_SYMBOLS").is_ok_and(|k| k == "keep");
    if !keep && env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux") {
        println!("cargo:rustc-link-arg-bins=-Wl,--strip-all");
    }
}
