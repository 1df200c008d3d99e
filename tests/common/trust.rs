//! What the record-trust tests (`records_trust_*`) share: reading and writing a record file as
//! JSON behind the program's back, and signing off on the command line.
use std::fs;

use serde_json::Value;

use super::{Out, Scratch};

/// A record file (or any JSON file) as JSON.
pub fn json_of(path: &std::path::Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

/// Writes `v` over a record file as it is, without resealing: what an attacker with write
/// access to the store does.
pub fn write_json(path: &std::path::Path, v: &Value) {
    fs::write(path, serde_json::to_string_pretty(v).unwrap()).unwrap();
}

/// A sign-off as the FG gives it on the command line, without a key.
pub const SIGNOFF: [&str; 4] = ["--name", "B. Jansen", "--decision", "approved"];

/// `signoff ID` with [`SIGNOFF`] and `extra`.
pub fn sign_off(s: &Scratch, id: &str, extra: &[&str]) -> Out {
    let mut args = vec!["signoff", id];
    args.extend(SIGNOFF);
    args.extend(extra);
    s.run(&args)
}

/// `signoff ID` by someone else ("X"), as the commands that must refuse a record try it.
pub fn sign_off_as_x(id: &str) -> Vec<&str> {
    vec!["signoff", id, "--name", "X", "--decision", "approved"]
}
