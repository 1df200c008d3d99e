//! Why the FG's sign-off could not be signed with their key.
use std::fmt;

use crate::json::quoted;
use crate::record::signature::SignError;
use crate::text::Lang;

impl SignError {
    pub fn said(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        match self {
            SignError::NotAPrivateKey => match nl {
                true => "dit is geen OpenSSH-privésleutel (zo'n bestand begint met -----BEGIN OPENSSH PRIVATE KEY-----)".into(),
                false => "this is not an OpenSSH private key (such a file starts with -----BEGIN OPENSSH PRIVATE KEY-----)".into(),
            },
            SignError::PublicKeyGiven => match nl {
                true => "dit is een publieke sleutel; kies de privésleutel (hetzelfde bestand zonder .pub)".into(),
                false => "this is a public key; choose the private key (the same file without .pub)".into(),
            },
            SignError::UnsupportedKeyType(kind) => match nl {
                true => format!(
                    "dit is een sleutel van het type {}; ondertekenen kan alleen met een Ed25519-sleutel (maak er een met: ssh-keygen -t ed25519)",
                    quoted(kind)
                ),
                false => format!(
                    "this is a key of type {}; signing needs an Ed25519 key (make one with: ssh-keygen -t ed25519)",
                    quoted(kind)
                ),
            },
            SignError::PassphraseRequired => match nl {
                true => "deze sleutel is beveiligd met een wachtwoordzin; geef de wachtwoordzin op".into(),
                false => "this key is protected with a passphrase; give the passphrase".into(),
            },
            SignError::WrongPassphrase => match nl {
                true => "de wachtwoordzin is onjuist".into(),
                false => "the passphrase is wrong".into(),
            },
            SignError::Damaged => match nl {
                true => "het sleutelbestand is beschadigd of gebruikt een versleuteling die AVG-wijzer niet kent".into(),
                false => "the key file is damaged or uses an encryption AVG-wijzer does not know".into(),
            },
            SignError::NotSignedOff => match nl {
                true => "alleen een aftekening wordt ondertekend, en dit verslag is nog niet afgetekend".into(),
                false => "only a sign-off is signed, and this record is not signed off yet".into(),
            },
        }
    }
}

/// In Dutch, the interface's default language.
impl fmt::Display for SignError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.said(Lang::Nl))
    }
}

/// The warning for a key kept in the store's directory.
pub fn key_in_store(key: &std::path::Path, lang: Lang) -> String {
    let key = key.display();
    match lang {
        Lang::Nl => format!(
            "{key}: deze privésleutel staat in de map van de verslagen, waar anderen hem kunnen lezen; bewaar hem op een eigen plek"
        ),
        Lang::En => format!(
            "{key}: this private key lies in the records' directory, where others can read it; keep it in a place of your own"
        ),
    }
}
