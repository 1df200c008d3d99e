//! What the kill tests (`store_crash`, `store_kill_rename`) share: a full session's answers,
//! and the check that every record left in a store after a kill opens and verifies.
use std::path::Path;

use avg_wijzer::record::{Status, Verification, verify_value};
use avg_wijzer::store::read_record;
use serde_json::Value;

/// A full assessment (address selection, direct marketing, e-mail, consent): 10 questions.
pub const ANSWERS: [&str; 10] = [
    "Leden werven voor de voorjaarsactie",
    "3",
    "2",
    "1",
    "2",
    "1",
    "2",
    "nee",
    "1",
    "2",
];

/// The FG's sign-off as typed in plain mode after "aftekenen": name, role (Enter = the FG's),
/// date (Enter = today), decision, remarks, no further signer (Enter), yes to the summary, no
/// SSH key (Enter).
pub const SIGN_OFF: [&str; 8] = ["B. Jansen", "", "", "1", "geen", "", "j", ""];

#[cfg(unix)]
fn mode(p: &Path) -> Result<u32, String> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p)
        .map(|m| m.permissions().mode() & 0o777)
        .map_err(|e| format!("{}: {e}", p.display()))
}

/// Every file in the store: (file name, is a record file).
pub fn entries(store: &Path) -> Vec<(String, bool)> {
    let mut v: Vec<(String, bool)> = std::fs::read_dir(store)
        .map(|dir| {
            dir.flatten()
                .map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    let record = !name.starts_with('.') && name.ends_with(".json");
                    (name, record)
                })
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Checks the store after a kill (or a finished run): permissions, and that every record file
/// opens and verifies. Returns the records' parsed JSON by file name.
pub fn check_store(store: &Path) -> Result<Vec<(String, Value)>, String> {
    #[cfg(unix)]
    {
        let m = mode(store)?;
        if m != 0o700 {
            return Err(format!("store directory has mode {m:o}, not 700"));
        }
    }
    let mut records = Vec::new();
    for (name, is_record) in entries(store) {
        let path = store.join(&name);
        #[cfg(unix)]
        {
            let m = mode(&path)?;
            if m != 0o600 {
                return Err(format!("{name}: mode {m:o}, not 600 (owner only)"));
            }
        }
        if !is_record {
            continue;
        }
        read_record(&path).map_err(|e| format!("{name}: does not open: {e:#}"))?;
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{name}: {e}"))?;
        let v: Value = serde_json::from_str(&text).map_err(|e| format!("{name}: {e}"))?;
        match verify_value(&v) {
            Verification::Intact => {}
            other => return Err(format!("{name}: does not verify: {other:?}")),
        }
        records.push((name, v));
    }
    Ok(records)
}

pub fn answers_of(v: &Value) -> serde_json::Map<String, Value> {
    v["answers"].as_object().cloned().unwrap_or_default()
}

pub fn status_of(v: &Value) -> Result<Status, String> {
    serde_json::from_value(v["status"].clone()).map_err(|e| format!("status: {e}"))
}

/// The name on the record's sign-off, if it has one.
pub fn signed_by(v: &Value) -> Option<&str> {
    v["signoff"]["name"].as_str()
}
