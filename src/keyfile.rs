//! The FG's own SSH key: read where the FG keeps it, used once to sign a sign-off, and never
//! copied anywhere (the store holds only the signature and the public key).
use std::io::IsTerminal;
use std::path::Path;

use anyhow::Result;
use zeroize::Zeroize;

use crate::record::Record;
use crate::record::signature::{self, SignError};
use crate::store;
use crate::text::Lang;

/// Where a protected key's passphrase may come from when there is no terminal to ask on.
pub const PASSPHRASE_ENV: &str = "AVG_WIJZER_KEY_PASSPHRASE";

/// Signs `record`'s sign-off with the private key in the file `path`. A protected key's
/// passphrase comes from `passphrase` (asked only then): [`ask_passphrase`] on a terminal, a
/// masked field in the full-screen interface.
pub fn sign(
    record: &mut Record,
    path: &Path,
    passphrase: impl FnOnce(&str) -> Result<String>,
) -> Result<()> {
    let shown = path.display().to_string();
    // The file's name stands before the reason, which stays typed (the locale says it).
    let mut text = String::from_utf8(store::read_bytes(path)?).map_err(|_| {
        anyhow::Error::new(signature::SignError::NotAPrivateKey).context(shown.clone())
    })?;
    let signed = (|| {
        let mut passphrase = match signature::is_encrypted(&text)? {
            true => Some(passphrase(&shown)?),
            false => None,
        };
        let signed = record.sign(&text, passphrase.as_deref());
        passphrase.zeroize();
        Ok(signed?)
    })();
    text.zeroize();
    signed.map_err(|e: anyhow::Error| e.context(shown))
}

/// Whether the key file lies in the store's directory, where others (on a shared drive) may
/// read it.
pub fn is_in_store(key: &Path, store: &store::Store) -> bool {
    let (Ok(key), Ok(dir)) = (key.canonicalize(), store.dir.canonicalize()) else {
        return false;
    };
    key.starts_with(dir)
}

/// A protected key's passphrase from [`PASSPHRASE_ENV`], or else asked on the terminal
/// without echo, in `lang`.
pub fn ask_passphrase(lang: Lang) -> impl FnOnce(&str) -> Result<String> {
    move |shown| {
        if let Ok(p) = std::env::var(PASSPHRASE_ENV) {
            return Ok(p);
        }
        if !std::io::stdin().is_terminal() {
            return Err(SignError::NoPassphraseSource.into());
        }
        rpassword::prompt_password(crate::locale::signature::passphrase_prompt(shown, lang))
            .map_err(|e| SignError::PassphraseUnreadable(e.to_string()).into())
    }
}
