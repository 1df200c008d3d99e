//! The FG's signature on a record: an SSH signature over the record's fingerprint, in exactly the
//! format `ssh-keygen -Y sign -n avg-wijzer` writes (SSHSIG, armored, SHA-512), so that a register
//! keeper needs nothing but OpenSSH to check it:
//!
//! ```text
//! printf '%s' "$FINGERPRINT" | ssh-keygen -Y verify -f allowed_signers \
//!     -I fg@bibliotheek.nl -n avg-wijzer -s record.sig
//! ```
//!
//! Only Ed25519 keys sign: every OpenSSH since 6.5 makes them, they are small, and their
//! signatures are deterministic (the same key and fingerprint give the same bytes as ssh-keygen).
//! Pure: the caller reads the key file and the allowed_signers file and passes their text.
//!
//! allowed_signers is read as ssh-keygen(1) defines it, with two deliberate differences: a line
//! that cannot be read is an error naming the line (OpenSSH skips it with a warning), and
//! `cert-authority` lines never vouch. Such a line trusts OpenSSH certificates issued by the key;
//! a sign-off is made with the FG's plain key, never a certificate, and for a plain-key signature
//! ssh-keygen skips a cert-authority line as well, so the verdict is the same.
mod allowed_signers;

use serde::{Deserialize, Serialize};
use ssh_key::{Algorithm, HashAlg, LineEnding, PrivateKey, PublicKey, SshSig};

pub use allowed_signers::LineProblem;

/// The SSHSIG namespace of every signature this program makes or accepts, so that a signature
/// made for git or for a file can never pass as a sign-off (and the other way round).
pub const NAMESPACE: &str = "avg-wijzer";

/// ssh-keygen's default hash for `-Y sign`.
const HASH: HashAlg = HashAlg::Sha512;

/// A signature as it is stored in a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// The signer's public key in OpenSSH form ("ssh-ed25519 AAAA… comment"). The comment is not
    /// covered by the signature; the key itself is checked against the one inside `armored`.
    pub public_key: String,
    /// The key's fingerprint as `ssh-keygen -l` shows it ("SHA256:…").
    pub key_fingerprint: String,
    /// The SSHSIG signature, armored ("-----BEGIN SSH SIGNATURE-----" …), byte for byte as
    /// `ssh-keygen -Y sign` writes it: store it in a file and ssh-keygen reads it.
    pub armored: String,
}

/// Who signed, by the allowed_signers line that vouches for the key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signer {
    /// The principals of that line, as written (e.g. "fg@bibliotheek.nl").
    pub principals: String,
    /// The signing key's fingerprint ("SHA256:…").
    pub key_fingerprint: String,
    /// The line's number in the allowed_signers file (from 1).
    pub line: usize,
}

/// The moment at which `valid-after`/`valid-before` in allowed_signers are checked, as
/// ssh-keygen's `-Overify-time`: now (ssh-keygen's default), or the time of the sign-off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerifyTime {
    /// Seconds since the Unix epoch.
    pub unix: i64,
    /// Local time minus UTC in seconds (3600 for CET, 7200 for CEST): ssh-keygen reads a time in
    /// allowed_signers without a `Z` as local time.
    pub utc_offset: i32,
}

impl VerifyTime {
    /// A moment, with times in allowed_signers without `Z` read as UTC.
    pub fn utc(unix: i64) -> Self {
        VerifyTime {
            unix,
            utc_offset: 0,
        }
    }
}

/// Signs `message` (the record's fingerprint as text) with the FG's OpenSSH private key.
pub fn sign(
    private_key_openssh: &str,
    passphrase: Option<&str>,
    message: &[u8],
) -> Result<Signature, SignError> {
    let key = read_private_key(private_key_openssh)?;
    let key = if key.is_encrypted() {
        let passphrase = passphrase
            .filter(|p| !p.is_empty())
            .ok_or(SignError::PassphraseRequired)?;
        key.decrypt(passphrase).map_err(|e| match e {
            // A wrong passphrase decrypts to noise: the check numbers differ (nearly always),
            // else the noise does not decode or does not match the public half.
            ssh_key::Error::Crypto
            | ssh_key::Error::Encoding(_)
            | ssh_key::Error::FormatEncoding
            | ssh_key::Error::PublicKey
            | ssh_key::Error::TrailingData { .. } => SignError::WrongPassphrase,
            _ => SignError::Damaged,
        })?
    } else {
        key
    };
    let sig = key
        .sign(NAMESPACE, HASH, message)
        .map_err(|_| SignError::Damaged)?;
    let armored = sig.to_pem(LineEnding::LF).map_err(|_| SignError::Damaged)?;
    let public = key.public_key();
    Ok(Signature {
        public_key: public.to_openssh().map_err(|_| SignError::Damaged)?,
        key_fingerprint: public.fingerprint(HashAlg::Sha256).to_string(),
        armored,
    })
}

/// Whether the key file is protected by a passphrase, so the caller knows to ask for one. A key
/// that [`sign`] would refuse is refused here already, before anyone types a passphrase.
pub fn is_encrypted(private_key_openssh: &str) -> Result<bool, SignError> {
    Ok(read_private_key(private_key_openssh)?.is_encrypted())
}

/// Reads an OpenSSH private key and refuses anything but Ed25519. The key type is in the
/// unencrypted part of the file, so this needs no passphrase.
fn read_private_key(text: &str) -> Result<PrivateKey, SignError> {
    let text = text.trim();
    let key = match PrivateKey::from_openssh(text) {
        Ok(key) => key,
        Err(_) if PublicKey::from_openssh(text).is_ok() => return Err(SignError::PublicKeyGiven),
        Err(_) => return Err(SignError::NotAPrivateKey),
    };
    if key.algorithm() != Algorithm::Ed25519 {
        return Err(SignError::UnsupportedKeyType(key.algorithm().to_string()));
    }
    Ok(key)
}

/// Checks a stored signature: that it is an avg-wijzer signature over `message` by the key the
/// record names, and that allowed_signers lists that key for this namespace at `at`.
pub fn verify(
    signature: &Signature,
    message: &[u8],
    allowed_signers: &str,
    at: VerifyTime,
) -> Result<Signer, VerifyError> {
    verify_as(signature, message, allowed_signers, at, None)
}

/// [`verify`], for the signer `identity` only, as `ssh-keygen -Y verify -I identity`: only the
/// allowed_signers lines whose principals match it vouch. Without it, any listed person's key
/// would pass, also one that is not the FG's.
pub fn verify_as(
    signature: &Signature,
    message: &[u8],
    allowed_signers: &str,
    at: VerifyTime,
    identity: Option<&str>,
) -> Result<Signer, VerifyError> {
    let sig = SshSig::from_pem(signature.armored.trim()).map_err(|_| VerifyError::BadArmor)?;
    if sig.namespace() != NAMESPACE {
        return Err(VerifyError::WrongNamespace(sig.namespace().to_string()));
    }
    // The record shows its public key and fingerprint to people; both must be the signing key,
    // or a swapped key would be displayed next to a valid signature by another.
    let claimed = PublicKey::from_openssh(signature.public_key.trim())
        .map_err(|_| VerifyError::KeyMismatch)?;
    let fingerprint = claimed.fingerprint(HashAlg::Sha256).to_string();
    if claimed.key_data() != sig.public_key() || fingerprint != signature.key_fingerprint {
        return Err(VerifyError::KeyMismatch);
    }
    if claimed.algorithm() != Algorithm::Ed25519 {
        return Err(VerifyError::UnsupportedKeyType(
            claimed.algorithm().to_string(),
        ));
    }
    claimed
        .verify(NAMESPACE, message, &sig)
        .map_err(|_| VerifyError::BadSignature)?;

    let entries = allowed_signers::parse(allowed_signers, at.utc_offset)
        .map_err(|(line, problem)| VerifyError::MalformedAllowedSigners { line, problem })?;
    let mut excluded = None;
    let vouches_for = |principals: &str| {
        identity.is_none_or(|id| allowed_signers::matches_pattern_list(id, principals))
    };
    for entry in entries
        .iter()
        .filter(|e| &e.key == sig.public_key() && vouches_for(&e.principals))
    {
        // A cert-authority line trusts certificates signed by the key, not the key's own
        // signatures; ours are made with a plain key, and ssh-keygen skips the line for those too.
        let reason = if entry.cert_authority {
            Some(Exclusion::CertAuthority)
        } else if entry
            .namespaces
            .as_deref()
            .is_some_and(|list| !allowed_signers::matches_pattern_list(NAMESPACE, list))
        {
            Some(Exclusion::Namespace)
        } else if entry.valid_after.is_some_and(|t| at.unix < t) {
            Some(Exclusion::NotYetValid)
        } else if entry.valid_before.is_some_and(|t| at.unix > t) {
            Some(Exclusion::Expired)
        } else {
            None
        };
        match reason {
            None => {
                return Ok(Signer {
                    principals: entry.principals.clone(),
                    key_fingerprint: fingerprint,
                    line: entry.line,
                });
            }
            Some(reason) => {
                excluded.get_or_insert((entry.line, reason));
            }
        }
    }
    Err(VerifyError::NoAllowedSigner {
        key_fingerprint: fingerprint,
        excluded,
    })
}

/// Why signing did not happen. No variant carries key material.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignError {
    /// Not an OpenSSH private key (nor anything else we recognise).
    NotAPrivateKey,
    /// The public half (`.pub`) was given instead of the private key.
    PublicKeyGiven,
    /// A key of another type than Ed25519 (its OpenSSH name, e.g. "ssh-rsa").
    UnsupportedKeyType(String),
    /// The key is protected and no passphrase was given.
    PassphraseRequired,
    WrongPassphrase,
    /// The key file is damaged or uses an encryption this program does not know.
    Damaged,
    /// Only the FG's sign-off is signed: the record has none yet.
    NotSignedOff,
    /// The key is protected, no terminal can ask for the passphrase and the environment
    /// variable that may hold it is not set.
    NoPassphraseSource,
    /// The terminal could not be read for the passphrase (the system's reason).
    PassphraseUnreadable(String),
}

impl std::error::Error for SignError {}

/// Why a key's allowed_signers line does not vouch for a signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exclusion {
    /// The line's `namespaces` do not include avg-wijzer.
    Namespace,
    /// The line's `valid-after` lies after the moment checked.
    NotYetValid,
    /// The line's `valid-before` lies before the moment checked.
    Expired,
    /// The line is a `cert-authority` line, which vouches only for certificates.
    CertAuthority,
}

/// Why a signature does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerifyError {
    /// Not an armored SSH signature, or damaged beyond reading.
    BadArmor,
    /// Made for another namespace (the one it names).
    WrongNamespace(String),
    /// The record's public key or key fingerprint is not the key that made the signature.
    KeyMismatch,
    /// Made with a key of another type than Ed25519.
    UnsupportedKeyType(String),
    /// The signature does not match the message: the record changed, or the signature did.
    BadSignature,
    /// No allowed_signers line vouches for the key; `excluded` is the first line with the key
    /// that does not apply, and why.
    NoAllowedSigner {
        key_fingerprint: String,
        excluded: Option<(usize, Exclusion)>,
    },
    /// A line of allowed_signers that cannot be read.
    MalformedAllowedSigners { line: usize, problem: LineProblem },
}

// Said in either language by `locale::signature`, which also gives the Dutch `Display`.
impl std::error::Error for VerifyError {}
