//! Embeds every file of `questions/` in the binary, so the tool runs from any directory with no
//! files beside it. The list is generated so a new bank file needs no code change.
use std::{env, fs, path::Path};

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
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("embedded_bank.rs");
    fs::write(dest, out).expect("write embedded_bank.rs");
}
