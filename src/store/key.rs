//! The key that seals the lines of the list cache. The cache lives in the store, which others
//! may write (a shared drive); a line they edit (to show a record as signed off, say) must not
//! be believed. So each line carries an HMAC made with a key that only this user can read: it
//! is kept in the user's own data directory, never in the store. A cache sealed with another
//! user's key is simply not used, and is rewritten with this user's.
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::PathBuf;

use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};

const KEY_FILE: &str = "cache.key";
const KEY_LEN: usize = 32;

pub(super) struct CacheKey {
    key: [u8; KEY_LEN],
    /// A short public name of the key, written in the cache's header, so a cache sealed with
    /// another key is recognised without checking every line.
    pub id: String,
}

impl CacheKey {
    /// This user's key, made on first use. `None` when there is no private place to keep it:
    /// then there is no cache, and every list reads the files.
    pub(super) fn load() -> Option<CacheKey> {
        let dir = directories::ProjectDirs::from("nl", "AVG-wijzer", "avg-wijzer")?
            .data_local_dir()
            .to_path_buf();
        let key = read(&dir).or_else(|| make(&dir))?;
        let id = hex(&Sha256::digest(key)[..8]);
        Some(CacheKey { key, id })
    }

    /// The seal of one line, as hex.
    pub(super) fn seal(&self, line: &str) -> String {
        // A 32-byte key is always accepted.
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&self.key) else {
            return String::new();
        };
        mac.update(line.as_bytes());
        hex(&mac.finalize().into_bytes())
    }

    /// Whether `seal` is this key's seal of `line`, compared in constant time.
    pub(super) fn holds(&self, line: &str, seal: &str) -> bool {
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&self.key) else {
            return false;
        };
        mac.update(line.as_bytes());
        unhex(seal).is_some_and(|s| mac.verify_slice(&s).is_ok())
    }
}

fn read(dir: &std::path::Path) -> Option<[u8; KEY_LEN]> {
    let bytes = fs::read(dir.join(KEY_FILE)).ok()?;
    bytes.try_into().ok()
}

/// A new random key, written readable by its owner only. Two processes making one at once
/// both end up with the one that was linked first.
fn make(dir: &std::path::Path) -> Option<[u8; KEY_LEN]> {
    let mut key = [0u8; KEY_LEN];
    getrandom::fill(&mut key).ok()?;
    fs::create_dir_all(dir).ok()?;
    let tmp: PathBuf = dir.join(format!(".{KEY_FILE}-{}", std::process::id()));
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let written = options
        .open(&tmp)
        .and_then(|mut f| f.write_all(&key).and_then(|()| f.sync_all()));
    let linked = written.and_then(|()| fs::hard_link(&tmp, dir.join(KEY_FILE)));
    let _ = fs::remove_file(&tmp);
    match linked {
        Ok(()) => Some(key),
        Err(_) => read(dir),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| s.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
        .collect()
}
