//! A guard on free text: notes, campaign descriptions and sign-off remarks should not hold
//! personal data of library members. [`scan`] finds what looks like an e-mail address, a Dutch
//! postcode with house number, a phone number or an IBAN; [`warning`] turns that into one
//! sentence for the person typing. The guard warns, it never blocks: it can be wrong both ways.
//!
//! The scanning is hand-written and linear: the text is read once into chars, and every
//! candidate is examined over a bounded stretch of text (an IBAN is at most 34 characters, a
//! phone number at most 17 digits), so a long text costs time in proportion to its length.
use crate::text::Lang;

mod phone;
mod postcode;
#[cfg(test)]
mod tests;

use phone::has_phone;
use postcode::has_postcode_house_number;

/// A kind of personal data a free text seems to contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suspect {
    Email,
    PostcodeHouseNumber,
    Phone,
    Iban,
}

impl Suspect {
    /// One short Dutch sentence for the warning, e.g. "Dit lijkt op een e-mailadres."
    pub fn warning_nl(self) -> &'static str {
        match self {
            Suspect::Email => "Dit lijkt op een e-mailadres.",
            Suspect::PostcodeHouseNumber => "Dit lijkt op een postcode met huisnummer.",
            Suspect::Phone => "Dit lijkt op een telefoonnummer.",
            Suspect::Iban => "Dit lijkt op een bankrekeningnummer (IBAN).",
        }
    }

    /// One short English sentence for the warning, e.g. "This looks like an e-mail address."
    pub fn warning_en(self) -> &'static str {
        match self {
            Suspect::Email => "This looks like an e-mail address.",
            Suspect::PostcodeHouseNumber => "This looks like a postcode with house number.",
            Suspect::Phone => "This looks like a phone number.",
            Suspect::Iban => "This looks like a bank account number (IBAN).",
        }
    }

    /// The kind as a noun phrase in `lang`, for the combined warning.
    fn noun(self, lang: Lang) -> &'static str {
        match (lang, self) {
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
}

/// What looks like personal data in `text`, each kind once, in the order above.
pub fn scan(text: &str) -> Vec<Suspect> {
    let mut c: Vec<char> = text.chars().collect();
    // E-mail addresses and IBANs are blanked out once found, so that their digits are not
    // read again as a phone number or a house number.
    let email = mask_emails(&mut c);
    let iban = mask_ibans(&mut c);
    let postcode = has_postcode_house_number(&c);
    let phone = has_phone(&c);
    [
        (email, Suspect::Email),
        (postcode, Suspect::PostcodeHouseNumber),
        (phone, Suspect::Phone),
        (iban, Suspect::Iban),
    ]
    .into_iter()
    .filter_map(|(found, kind)| found.then_some(kind))
    .collect()
}

/// The full warning for a text, or None when nothing in it looks like personal data.
pub fn warning(text: &str, lang: Lang) -> Option<String> {
    let found = scan(text);
    if found.is_empty() {
        return None;
    }
    let nouns: Vec<&str> = found.iter().map(|s| s.noun(lang)).collect();
    let and = match lang {
        Lang::Nl => "en",
        Lang::En => "and",
    };
    let list = match nouns.split_last() {
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} {and} {last}", rest.join(", ")),
        None => String::new(),
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

// ---------------------------------------------------------------------------------------------
// Small helpers over a slice of chars. Out of range reads give '\0', which is neither a letter,
// a digit nor a separator, so it acts as a boundary.

fn get(c: &[char], i: usize) -> char {
    c.get(i).copied().unwrap_or('\0')
}

/// The char `n` places before `i`, or '\0'.
fn back(c: &[char], i: usize, n: usize) -> char {
    if i >= n { c[i - n] } else { '\0' }
}

/// A space inside one line: the phone and postcode forms do not run over a line break.
fn is_inline_space(ch: char) -> bool {
    matches!(ch, ' ' | '\t' | '\u{a0}' | '\u{2007}' | '\u{202f}')
}

fn is_dash(ch: char) -> bool {
    matches!(ch, '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}')
}

/// Whether a number may start at `i`: not glued to a word or a number before it ("A1234",
/// "1.2345", "15-0612345678"), and not a signed amount.
fn number_starts_at(c: &[char], i: usize) -> bool {
    let p = back(c, i, 1);
    if p.is_alphanumeric() || p == '+' {
        return false;
    }
    let joins = matches!(p, '.' | ',' | '/' | ':') || is_dash(p);
    !(joins && back(c, i, 2).is_ascii_digit())
}

// ---------------------------------------------------------------------------------------------
// E-mail: local@domain.tld, with a dot in the domain and a TLD of two or more letters.

fn is_local_char(ch: char) -> bool {
    ch.is_alphanumeric() || matches!(ch, '.' | '_' | '%' | '+' | '-' | '\'')
}

fn is_domain_char(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '.' || ch == '-'
}

/// Finds every e-mail address, blanks it out, and says whether there was one.
fn mask_emails(c: &mut [char]) -> bool {
    let mut found = false;
    let mut i = 0;
    while i < c.len() {
        if c[i] == '@' {
            let p = back(c, i, 1);
            let local_ok = p.is_alphanumeric() || matches!(p, '_' | '%' | '+' | '-');
            if let Some(end) = email_domain_end(c, i + 1).filter(|_| local_ok) {
                // A local part is at most 64 chars; bounding the walk back keeps this linear.
                let mut start = i;
                while start > 0 && i - start < 64 && is_local_char(c[start - 1]) {
                    start -= 1;
                }
                c[start..end].fill(' ');
                found = true;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    found
}

/// The end of a valid domain starting at `start`, or None: two or more labels, no empty label,
/// no label starting or ending with a hyphen, and a last label of two or more letters.
fn email_domain_end(c: &[char], start: usize) -> Option<usize> {
    let mut end = start;
    while end < c.len() && end - start < 255 && is_domain_char(c[end]) {
        end += 1;
    }
    // A full stop or hyphen after the address belongs to the sentence.
    while end > start && matches!(c[end - 1], '.' | '-') {
        end -= 1;
    }
    let domain = &c[start..end];
    let mut labels = 0;
    let mut last: &[char] = &[];
    for label in domain.split(|&ch| ch == '.') {
        match (label.first(), label.last()) {
            (Some(&a), Some(&b)) if a != '-' && b != '-' => {}
            _ => return None,
        }
        labels += 1;
        last = label;
    }
    let tld_ok = last.len() >= 2 && last.iter().all(|ch| ch.is_alphabetic());
    (labels >= 2 && tld_ok).then_some(end)
}

// ---------------------------------------------------------------------------------------------
// IBAN: two letters, two check digits, 11 to 30 alphanumerics, optionally in groups of four
// separated by single spaces; mostly digits after the check digits; the mod-97 checksum must
// hold, and the length must be the country's where the country is listed below.

/// IBAN lengths of the countries a Dutch library's members most likely bank in. A country not
/// listed is held to the general 15 to 34 characters (and the checksum).
const IBAN_LENGTHS: &[(&[u8; 2], usize)] = &[
    (b"NL", 18),
    (b"BE", 16),
    (b"DE", 22),
    (b"LU", 20),
    (b"FR", 27),
    (b"GB", 22),
    (b"IE", 22),
    (b"ES", 24),
    (b"PT", 25),
    (b"IT", 27),
    (b"AT", 20),
    (b"CH", 21),
    (b"DK", 18),
    (b"NO", 15),
    (b"SE", 24),
    (b"FI", 18),
    (b"PL", 28),
];

/// Finds every IBAN, blanks it out, and says whether there was one.
fn mask_ibans(c: &mut [char]) -> bool {
    let mut found = false;
    let mut i = 0;
    while i < c.len() {
        if let Some(end) = iban_at(c, i) {
            c[i..end].fill(' ');
            found = true;
            i = end;
        } else {
            i += 1;
        }
    }
    found
}

/// The end of an IBAN starting at `i`, or None. Tries every end where a group of characters
/// stops, so "BE68 5390 0754 7034 voor" is found without the following word.
fn iban_at(c: &[char], i: usize) -> Option<usize> {
    let head = get(c, i).is_ascii_alphabetic()
        && get(c, i + 1).is_ascii_alphabetic()
        && get(c, i + 2).is_ascii_digit()
        && get(c, i + 3).is_ascii_digit();
    if !head || back(c, i, 1).is_alphanumeric() {
        return None;
    }
    let mut buf = [0u8; 34];
    let mut n = 0;
    let mut j = i;
    let mut run_start = i;
    loop {
        while j < c.len() && c[j].is_ascii_alphanumeric() {
            if n == buf.len() {
                return None;
            }
            buf[n] = c[j].to_ascii_uppercase() as u8;
            n += 1;
            j += 1;
        }
        if get(c, j).is_alphanumeric() {
            // Glued to a non-ASCII letter or digit: part of a word.
            return None;
        }
        if iban_valid(&buf[..n]) {
            return Some(j);
        }
        // Groups are written in fours: only a group of four (or a multiple) may be followed
        // by a space and more of the number.
        let spaced = matches!(get(c, j), ' ' | '\u{a0}') && get(c, j + 1).is_ascii_alphanumeric();
        if spaced && (j - run_start).is_multiple_of(4) {
            j += 1;
            run_start = j;
        } else {
            return None;
        }
    }
}

/// Whether `b` (upper-case ASCII alphanumerics) is a well-formed IBAN with a valid checksum.
fn iban_valid(b: &[u8]) -> bool {
    if !(15..=34).contains(&b.len())
        || !b[..2].iter().all(u8::is_ascii_alphabetic)
        || !b[2..4].iter().all(u8::is_ascii_digit)
    {
        return false;
    }
    // Account numbers are mostly digits; a run of words is not.
    let bban = &b[4..];
    if bban.iter().filter(|x| x.is_ascii_digit()).count() * 2 < bban.len() {
        return false;
    }
    let expected = IBAN_LENGTHS.iter().find(|(cc, _)| cc[..] == b[..2]);
    if expected.is_some_and(|&(_, len)| b.len() != len) {
        return false;
    }
    let mut r: u32 = 0;
    for &x in b[4..].iter().chain(&b[..4]) {
        r = if x.is_ascii_digit() {
            (r * 10 + u32::from(x - b'0')) % 97
        } else {
            (r * 100 + u32::from(x - b'A') + 10) % 97
        };
    }
    r == 1
}
