//! Why the FG's sign-off could not be signed with their key, and why a signature does not
//! hold (a line of allowed_signers that cannot be read among the reasons).

use crate::json::quoted;
use crate::keyfile::PASSPHRASE_ENV;
use crate::record::signature::{Exclusion, LineProblem, NAMESPACE, SignError, VerifyError};
use crate::text::Lang;

/// The question for a protected key's passphrase, on the terminal.
pub fn passphrase_prompt(shown: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Wachtwoordzin voor {shown}: "),
        Lang::En => format!("Passphrase for {shown}: "),
    }
}

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
            SignError::NoPassphraseSource => match nl {
                true => format!("de sleutel is beveiligd met een wachtwoordzin; geef die in de omgevingsvariabele {PASSPHRASE_ENV}, of teken af in een terminal"),
                false => format!("the key is protected with a passphrase; give it in the environment variable {PASSPHRASE_ENV}, or sign off in a terminal"),
            },
            SignError::PassphraseUnreadable(why) => match nl {
                true => format!("de wachtwoordzin is niet te lezen ({why})"),
                false => format!("the passphrase cannot be read ({why})"),
            },
        }
    }
}

dutch_display!(SignError);

impl VerifyError {
    /// Why the signature does not hold, in `lang`.
    pub fn said(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        match self {
            VerifyError::BadArmor => match nl {
                true => "de handtekening is onleesbaar (verwacht een SSH-handtekening die begint met -----BEGIN SSH SIGNATURE-----)".into(),
                false => "the signature cannot be read (expected an SSH signature that starts with -----BEGIN SSH SIGNATURE-----)".into(),
            },
            VerifyError::WrongNamespace(found) => match nl {
                true => format!(
                    "de handtekening is gezet voor naamruimte {}, niet voor {NAMESPACE}",
                    quoted(found)
                ),
                false => format!(
                    "the signature was made for namespace {}, not for {NAMESPACE}",
                    quoted(found)
                ),
            },
            VerifyError::KeyMismatch => match nl {
                true => "de publieke sleutel in het verslag is niet de sleutel waarmee de handtekening is gezet".into(),
                false => "the public key in the record is not the key the signature was made with".into(),
            },
            VerifyError::UnsupportedKeyType(kind) => match nl {
                true => format!(
                    "de handtekening is gezet met een sleutel van het type {}; AVG-wijzer controleert alleen Ed25519-handtekeningen",
                    quoted(kind)
                ),
                false => format!(
                    "the signature was made with a key of type {}; AVG-wijzer checks Ed25519 signatures only",
                    quoted(kind)
                ),
            },
            VerifyError::BadSignature => match nl {
                true => "de handtekening klopt niet: het verslag is na het ondertekenen gewijzigd, of de handtekening is beschadigd".into(),
                false => "the signature does not hold: the record was changed after it was signed, or the signature is damaged".into(),
            },
            VerifyError::NoAllowedSigner {
                key_fingerprint,
                excluded: None,
            } => match nl {
                true => format!("de sleutel {key_fingerprint} staat niet in allowed_signers"),
                false => format!("the key {key_fingerprint} is not in allowed_signers"),
            },
            VerifyError::NoAllowedSigner {
                key_fingerprint,
                excluded: Some((line, why)),
            } => match nl {
                true => format!(
                    "de sleutel {key_fingerprint} staat in allowed_signers (regel {line}), maar {}",
                    why.said(lang)
                ),
                false => format!(
                    "the key {key_fingerprint} is in allowed_signers (line {line}), but {}",
                    why.said(lang)
                ),
            },
            VerifyError::MalformedAllowedSigners { line, problem } => match nl {
                true => format!("allowed_signers, regel {line}: {}", problem.said(lang)),
                false => format!("allowed_signers, line {line}: {}", problem.said(lang)),
            },
        }
    }
}

dutch_display!(VerifyError);

impl Exclusion {
    /// Why the line with the key does not vouch for the signature: the end of a sentence that
    /// names the key and the line.
    pub fn said(self, lang: Lang) -> String {
        match (self, lang) {
            (Exclusion::Namespace, Lang::Nl) => {
                format!("die regel geldt niet voor naamruimte {NAMESPACE} (zie namespaces=)")
            }
            (Exclusion::Namespace, Lang::En) => {
                format!("that line does not apply to namespace {NAMESPACE} (see namespaces=)")
            }
            (Exclusion::NotYetValid, Lang::Nl) => "die regel geldt nog niet (zie valid-after=)".into(),
            (Exclusion::NotYetValid, Lang::En) => {
                "that line does not apply yet (see valid-after=)".into()
            }
            (Exclusion::Expired, Lang::Nl) => "die regel is verlopen (zie valid-before=)".into(),
            (Exclusion::Expired, Lang::En) => "that line has expired (see valid-before=)".into(),
            (Exclusion::CertAuthority, Lang::Nl) => "als cert-authority; dat geldt alleen voor certificaten, niet voor handtekeningen van de sleutel zelf".into(),
            (Exclusion::CertAuthority, Lang::En) => "as cert-authority; that applies to certificates only, not to signatures by the key itself".into(),
        }
    }
}

impl LineProblem {
    /// What is wrong with the line, in `lang`.
    pub fn said(&self, lang: Lang) -> String {
        match (self, lang) {
            (LineProblem::MissingKey, Lang::Nl) => {
                "er staat geen sleutel op (verwacht: principals [opties] sleuteltype sleutel)"
                    .into()
            }
            (LineProblem::MissingKey, Lang::En) => {
                "there is no key on it (expected: principals [options] keytype key)".into()
            }
            (LineProblem::BadKey, Lang::Nl) => "de sleutel is onleesbaar".into(),
            (LineProblem::BadKey, Lang::En) => "the key cannot be read".into(),
            (LineProblem::UnclosedQuote, Lang::Nl) => {
                "een dubbel aanhalingsteken wordt niet gesloten".into()
            }
            (LineProblem::UnclosedQuote, Lang::En) => "a double quote is never closed".into(),
            (LineProblem::UnknownOption(name), Lang::Nl) => format!(
                "onbekende optie {} (bekend zijn: cert-authority, namespaces, valid-after, valid-before)",
                quoted(name)
            ),
            (LineProblem::UnknownOption(name), Lang::En) => format!(
                "unknown option {} (the known ones are: cert-authority, namespaces, valid-after, valid-before)",
                quoted(name)
            ),
            (LineProblem::DuplicateOption(name), Lang::Nl) => {
                format!("de optie {name} staat er twee keer")
            }
            (LineProblem::DuplicateOption(name), Lang::En) => {
                format!("the option {name} is given twice")
            }
            (LineProblem::UnquotedValue(name), Lang::Nl) => format!(
                "de waarde van {name} moet tussen dubbele aanhalingstekens staan, zoals {name}=\"20250101\""
            ),
            (LineProblem::UnquotedValue(name), Lang::En) => {
                format!("the value of {name} must be in double quotes, like {name}=\"20250101\"")
            }
            (LineProblem::BadTime(name), Lang::Nl) => format!(
                "ongeldige tijd bij {name} (verwacht JJJJMMDD of JJJJMMDDUUMM[SS], met Z erachter voor UTC)"
            ),
            (LineProblem::BadTime(name), Lang::En) => format!(
                "invalid time in {name} (expected YYYYMMDD or YYYYMMDDHHMM[SS], with Z after it for UTC)"
            ),
            (LineProblem::EmptyWindow, Lang::Nl) => "valid-before ligt niet na valid-after".into(),
            (LineProblem::EmptyWindow, Lang::En) => "valid-before is not after valid-after".into(),
            (LineProblem::EmptyOption, Lang::Nl) => "een komma zonder optie erachter".into(),
            (LineProblem::EmptyOption, Lang::En) => "a comma with no option after it".into(),
        }
    }
}

dutch_display!(LineProblem);

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
