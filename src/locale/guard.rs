//! The personal-data guard's warning: what a free text seems to hold, in one sentence.
use crate::guard::Suspect;
use crate::text::Lang;

/// The kind as a noun phrase in `lang`, for the combined warning.
fn noun(s: Suspect, lang: Lang) -> &'static str {
    match (lang, s) {
        (Lang::Nl, Suspect::Email) => "een e-mailadres",
        (Lang::Nl, Suspect::PostcodeHouseNumber) => "een postcode met huisnummer",
        (Lang::Nl, Suspect::Phone) => "een telefoonnummer",
        (Lang::Nl, Suspect::Iban) => "een bankrekeningnummer (IBAN)",
        (Lang::En, Suspect::Email) => "an e-mail address",
        (Lang::En, Suspect::PostcodeHouseNumber) => "a postcode with house number",
        (Lang::En, Suspect::Phone) => "a phone number",
        (Lang::En, Suspect::Iban) => "a bank account number (IBAN)",
    }
}

/// The warning for what was found, or None when nothing was.
pub fn warning(found: &[Suspect], lang: Lang) -> Option<String> {
    let nouns: Vec<&str> = found.iter().map(|&s| noun(s, lang)).collect();
    let (last, rest) = nouns.split_last()?;
    let list = match (rest, lang) {
        ([], _) => (*last).to_string(),
        (_, Lang::Nl) => format!("{} en {last}", rest.join(", ")),
        (_, Lang::En) => format!("{} and {last}", rest.join(", ")),
    };
    Some(match lang {
        Lang::Nl => format!(
            "Let op: dit lijkt op {list} van een lid. \
             Een verslag hoort geen persoonsgegevens van leden te bevatten."
        ),
        Lang::En => format!(
            "Note: this looks like {list} of a member. \
             A record should not hold personal data of members."
        ),
    })
}
