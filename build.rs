//! Embeds every file of `questions/` in the binary, so the tool runs from any directory with no
//! files beside it. The list is generated so a new bank file needs no code change.
// A build script stops the build with its message when it cannot read or write: that is the
// one way it has to say so.
#![allow(clippy::expect_used)]

use std::{env, fs, path::Path};

use sha2::{Digest, Sha256};

fn main() {
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
