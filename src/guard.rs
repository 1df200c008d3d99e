//! A guard on free text: notes, campaign descriptions and sign-off remarks should not hold
//! personal data of library members. [`scan`] finds what looks like an e-mail address, a Dutch
//! postcode with house number, a phone number or an IBAN; [`warning`] turns that into one
//! sentence for the person typing. The guard warns, it never blocks: it can be wrong both ways.
//!
//! The scanning is hand-written and linear: the text is read once into chars, and every
//! candidate is examined over a bounded stretch of text (an IBAN is at most 34 characters, a
//! phone number at most 17 digits), so a long text costs time in proportion to its length.
use crate::text::Lang;

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

// ---------------------------------------------------------------------------------------------
// Postcode with house number: "1234 AB 12", "1234AB12", "1234 ab, 5", and the street form
// "Dorpsstraat 12, 1234 AB". A postcode alone is not flagged.

/// Two-letter words a lower-case "postcode" would more likely be: "in 2027 en 2028" is a year,
/// a word and a year, not a postcode with house number. Upper-case letters are always taken as
/// a postcode.
const COMMON_PAIRS: &[&str] = &[
    "al", "am", "an", "as", "at", "be", "by", "ca", "cd", "cm", "de", "do", "en", "er", "eu", "gb",
    "go", "he", "if", "ik", "in", "is", "it", "ja", "je", "kb", "kg", "km", "mb", "me", "ml", "mm",
    "my", "na", "no", "nr", "nu", "of", "om", "on", "op", "or", "pc", "pm", "so", "st", "te", "to",
    "tv", "up", "us", "we", "ze", "zo",
];

/// Street-name endings: a year-like house number ("Dorpsstraat 2027, 1234 AB") is only taken
/// after a word that looks like a street.
const STREET_ENDINGS: &[&str] = &[
    "straat",
    "laan",
    "weg",
    "plein",
    "gracht",
    "kade",
    "singel",
    "dijk",
    "pad",
    "steeg",
    "hof",
    "park",
    "dreef",
    "ring",
    "baan",
    "plantsoen",
    "markt",
    "wal",
    "zijde",
    "veld",
    "erf",
    "kamp",
    "hoek",
    "berg",
    "haven",
    "dam",
    "dal",
    "wijk",
    "werf",
    "allee",
    "boulevard",
    "sloot",
    "vaart",
    "tuin",
    "einde",
    "pier",
    "polder",
    "hout",
    "bos",
    "brink",
    "hoven",
    "oord",
    "akker",
    "weide",
    "hoeve",
    "poort",
    "kant",
    "burg",
    "gang",
    "stede",
    "rade",
    "lei",
];

/// Words after a number that make it a count rather than a house number: "1234 AB 5 weken".
const COUNT_WORDS: &[&str] = &[
    "jaar",
    "jaren",
    "maand",
    "maanden",
    "week",
    "weken",
    "dag",
    "dagen",
    "uur",
    "uren",
    "min",
    "minuten",
    "km",
    "kilometer",
    "meter",
    "m",
    "keer",
    "x",
    "procent",
    "euro",
    "leden",
    "lezers",
    "deelnemers",
    "bezoekers",
    "huishoudens",
    "adressen",
    "stuks",
    "boeken",
    "folders",
    "flyers",
];

/// Words before a number that are not a street: "Postbus 12, 1234 AB" is the library's own
/// address, "groep 8, 1234 AB" a school class.
const NOT_STREETS: &[&str] = &[
    "postbus",
    "antwoordnummer",
    "groep",
    "klas",
    "week",
    "jaar",
    "fase",
    "stap",
    "versie",
    "pagina",
    "blz",
    "artikel",
    "lid",
    "hoofdstuk",
    "bijlage",
    "punt",
    "nummer",
    "nr",
    "kamer",
    "zaal",
    "ronde",
    "editie",
    "deel",
    "niveau",
];

/// Suffixes written after a space behind a house number: "12 A", "12 bis", "12 hs".
const HOUSE_SUFFIXES: &[&str] = &["bis", "hs", "huis", "ii", "iii", "iv", "zw", "rd"];

fn has_postcode_house_number(c: &[char]) -> bool {
    (0..c.len()).any(|i| {
        postcode_at(c, i).is_some_and(|end| house_number_after(c, end) || house_number_before(c, i))
    })
}

/// The end of a postcode starting at `i` ("1234 AB", "1234AB"), or None.
fn postcode_at(c: &[char], i: usize) -> Option<usize> {
    if !matches!(get(c, i), '1'..='9') || !number_starts_at(c, i) {
        return None;
    }
    postcode_letters(c, i).filter(|_| (i + 1..i + 4).all(|k| get(c, k).is_ascii_digit()))
}

/// After the four digits of a postcode at `i`: an optional space and two letters, not followed
/// by a letter. Returns the end of the letters.
fn postcode_letters(c: &[char], i: usize) -> Option<usize> {
    let mut j = i + 4;
    if is_inline_space(get(c, j)) {
        j += 1;
    }
    let (a, b) = (get(c, j), get(c, j + 1));
    if !a.is_ascii_alphabetic() || !b.is_ascii_alphabetic() || get(c, j + 2).is_alphabetic() {
        return None;
    }
    if !(a.is_ascii_uppercase() && b.is_ascii_uppercase()) {
        let pair = [a.to_ascii_lowercase() as u8, b.to_ascii_lowercase() as u8];
        if COMMON_PAIRS.iter().any(|w| w.as_bytes() == pair) {
            return None;
        }
    }
    Some(j + 2)
}

fn is_year(digits: &[char]) -> bool {
    let s: String = digits.iter().collect();
    digits.len() == 4 && s.parse::<u32>().is_ok_and(|y| (1900..=2099).contains(&y))
}

/// A house number behind a postcode ending at `end`: "1234 AB 12", "1234AB12", "1234 ab, 5".
fn house_number_after(c: &[char], end: usize) -> bool {
    let mut j = end;
    if get(c, j) == ',' {
        j += 1;
    }
    j = skip_inline_spaces(c, j, 2);
    // "1234 AB, nr. 12", "1234AB huisnummer 12"
    let (word, after) = ascii_word(c, j);
    if matches!(word.as_str(), "huisnummer" | "huisnr" | "nummer" | "nr") {
        j = after;
        if matches!(get(c, j), '.' | ':') {
            j += 1;
        }
        j = skip_inline_spaces(c, j, 2);
    }
    let s = j;
    while get(c, j).is_ascii_digit() {
        j += 1;
        if j - s > 5 {
            return false;
        }
    }
    let digits = &c[s..j];
    if digits.is_empty() || digits[0] == '0' {
        return false;
    }
    // "1234 AB 1,5 km", "1234 AB 12:00": a decimal or a time, not a house number.
    if matches!(get(c, j), '.' | ',' | ':') && get(c, j + 1).is_ascii_digit() {
        return false;
    }
    // "1234 AB, 1235 AC": the next postcode of a list; "1234 AB 2027": a year.
    if digits.len() == 4 && (postcode_letters(c, s).is_some() || is_year(digits)) {
        return false;
    }
    // "1234 AB 5 weken lang", "1234 AB 40%": a count, not a house number.
    if get(c, j) == '%' {
        return false;
    }
    let (word, _) = ascii_word(c, skip_inline_spaces(c, j, 1));
    !COUNT_WORDS.contains(&word.as_str())
}

fn skip_inline_spaces(c: &[char], mut j: usize, most: usize) -> usize {
    let start = j;
    while j - start < most && is_inline_space(get(c, j)) {
        j += 1;
    }
    j
}

/// The ASCII word (lower-cased, at most 16 letters read) at `j`, and where the reading stopped.
fn ascii_word(c: &[char], mut j: usize) -> (String, usize) {
    let mut word = String::new();
    while word.len() < 16 && get(c, j).is_ascii_alphabetic() {
        word.push(c[j].to_ascii_lowercase());
        j += 1;
    }
    (word, j)
}

/// A street and house number before a postcode starting at `i`: "Dorpsstraat 12, 1234 AB",
/// "Kerklaan 3a\n1234 AB".
fn house_number_before(c: &[char], i: usize) -> bool {
    let mut k = i;
    let mut seps = 0;
    while k > 0 && seps < 3 && (c[k - 1] == ',' || c[k - 1].is_whitespace()) {
        k -= 1;
        seps += 1;
    }
    if seps == 0 {
        return false;
    }
    let Some((s, d)) = house_number_ending_at(c, k) else {
        return false;
    };
    // One space, then the street's (last) word.
    if !is_inline_space(back(c, s, 1)) || !back(c, s, 2).is_alphabetic() {
        return false;
    }
    let w_end = s - 1;
    let mut w = w_end;
    while w > 0 && w_end - w < 40 && c[w - 1].is_alphabetic() {
        w -= 1;
    }
    let word: String = c[w..w_end]
        .iter()
        .flat_map(|ch| ch.to_lowercase())
        .collect();
    if word.chars().count() < 2 || NOT_STREETS.contains(&word.as_str()) {
        return false;
    }
    let street = STREET_ENDINGS.iter().any(|e| word.ends_with(e));
    street || !is_year(&c[s..d])
}

/// A house number with an optional addition ("12", "12a", "12-2", "12-II", "12 bis") ending
/// at `k`: the range of its digits.
fn house_number_ending_at(c: &[char], k: usize) -> Option<(usize, usize)> {
    let last = back(c, k, 1);
    let d = if last.is_ascii_digit() {
        let mut s = k;
        while s > 0 && k - s <= 5 && c[s - 1].is_ascii_digit() {
            s -= 1;
        }
        if is_dash(back(c, s, 1)) && back(c, s, 2).is_ascii_digit() && k - s <= 3 {
            s - 1
        } else {
            k
        }
    } else if last.is_ascii_alphabetic() {
        let mut l = k;
        while l > 0 && k - l <= 4 && c[l - 1].is_ascii_alphabetic() {
            l -= 1;
        }
        let suffix: String = c[l..k].iter().map(char::to_ascii_lowercase).collect();
        let p = back(c, l, 1);
        let digit_before = back(c, l, 2).is_ascii_digit();
        if k - l > 4 {
            return None;
        } else if p.is_ascii_digit() {
            l
        } else if digit_before
            && (is_dash(p)
                || is_inline_space(p)
                    && (suffix.len() == 1 || HOUSE_SUFFIXES.contains(&suffix.as_str())))
        {
            l - 1
        } else {
            return None;
        }
    } else {
        return None;
    };
    let mut s = d;
    while s > 0 && d - s <= 5 && c[s - 1].is_ascii_digit() {
        s -= 1;
    }
    let n = d - s;
    if n == 0 || n > 5 || c[s] == '0' || back(c, s, 1).is_ascii_digit() {
        return None;
    }
    Some((s, d))
}

// ---------------------------------------------------------------------------------------------
// Phone numbers: Dutch numbers of ten digits starting with 0 ("06-12345678", "(010) 123 45 67"),
// and international numbers with + or 00 and 8 to 15 digits ("+31 (0)20 1234567").

/// No phone number has more digits; the walk along a candidate stops there.
const MAX_PHONE_DIGITS: usize = 17;

fn is_phone_sep(ch: char) -> bool {
    is_inline_space(ch) || is_dash(ch) || matches!(ch, '.' | '/' | '(' | ')')
}

fn has_phone(c: &[char]) -> bool {
    (0..c.len()).any(|i| phone_at(c, i))
}

/// Whether a phone number starts at `i`.
fn phone_at(c: &[char], i: usize) -> bool {
    let ch = c[i];
    if !matches!(ch, '(' | '+' | '0') || !number_starts_at(c, i) {
        return false;
    }
    let mut j = i;
    if ch == '(' {
        j += 1;
    }
    let plus = get(c, j) == '+';
    if plus {
        j += 1;
    }
    if !get(c, j).is_ascii_digit() {
        return false;
    }
    let double_zero = !plus && get(c, j) == '0' && get(c, j + 1) == '0';
    let international = plus || double_zero;
    let national = get(c, j) == '0' && matches!(get(c, j + 1), '1'..='9');
    if !international && !national {
        return false;
    }
    if double_zero && !matches!(get(c, j + 2), '1'..='9') {
        return false;
    }
    // After 00 a country code and number: at least ten digits, so "0012345678" (a code) is not.
    let (min, max) = match (plus, double_zero) {
        (true, _) => (8, 15),
        (false, true) => (10, 15),
        (false, false) => (10, 10),
    };

    let mut count = 0; // digits that count: not the 00 prefix, not a trunk "(0)"
    let mut groups = 0;
    let mut lens = [0usize; 3];
    let mut seps = ['\0'; 2];
    let mut dots: Option<bool> = None;
    let mut all_three_after_first = true;
    loop {
        let gs = j;
        while get(c, j).is_ascii_digit() {
            j += 1;
            if j - gs > MAX_PHONE_DIGITS {
                return false;
            }
        }
        let glen = j - gs;
        let trunk = international
            && groups > 0
            && glen == 1
            && c[gs] == '0'
            && back(c, gs, 1) == '('
            && get(c, j) == ')';
        if groups == 0 {
            if (double_zero && glen < 3) || (!international && glen < 2) {
                return false;
            }
            count += if double_zero { glen - 2 } else { glen };
        } else if !trunk {
            count += glen;
        }
        if groups > 0 && glen != 3 {
            all_three_after_first = false;
        }
        if groups < lens.len() {
            lens[groups] = glen;
        }
        groups += 1;
        if count > max {
            return false;
        }

        let next = get(c, j);
        if next.is_alphanumeric() {
            // Glued to a letter: a code, not a phone number.
            return false;
        }
        let ends_here = count >= min
            && !(dots == Some(true) && all_three_after_first && groups >= 2 && lens[0] <= 3)
            && !(!international && groups >= 3 && is_date(lens, seps));
        if matches!(next, ',' | ':') && get(c, j + 1).is_ascii_digit() {
            // "06-12345678,06-87654321" ends here; "0,5" and "09:30" are no phone numbers.
            return ends_here && !after_isbn(c, i);
        }
        let ss = j;
        while j - ss < 3 && is_phone_sep(get(c, j)) {
            j += 1;
        }
        let sep = &c[ss..j];
        let continues = !sep.is_empty() && get(c, j).is_ascii_digit();
        let tight = continues && !sep.iter().any(|&ch| is_inline_space(ch));
        if ends_here && !tight {
            return !after_isbn(c, i);
        }
        if !continues {
            return false;
        }
        // Dots only on their own and throughout ("06.12.34.56.78"): "09.30 10.30 11.30" is a
        // timetable, not a phone number.
        let has_dot = sep.contains(&'.');
        if (has_dot && sep != ['.']) || dots.is_some_and(|d| d != has_dot) {
            return false;
        }
        dots = Some(has_dot);
        if groups <= seps.len() {
            seps[groups - 1] = if sep.len() == 1 { sep[0] } else { '\0' };
        }
    }
}

/// Whether "ISBN" stands shortly before `i`: "ISBN 0306406152" is a book, not a phone.
fn after_isbn(c: &[char], i: usize) -> bool {
    let before: String = c[i.saturating_sub(12)..i].iter().collect();
    before.to_ascii_lowercase().contains("isbn")
}

/// Whether the first three groups are a date: "05-11-2024", "5/11/2024", "05.11.2024".
fn is_date(lens: [usize; 3], seps: [char; 2]) -> bool {
    (1..=2).contains(&lens[0])
        && (1..=2).contains(&lens[1])
        && lens[2] == 4
        && seps[0] == seps[1]
        && matches!(seps[0], '-' | '/' | '.')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::time::{Duration, Instant};

    fn kinds(text: &str) -> Vec<Suspect> {
        scan(text)
    }

    fn has(text: &str, kind: Suspect) -> bool {
        scan(text).contains(&kind)
    }

    fn assert_all(texts: &[&str], kind: Suspect, expect: bool) {
        for t in texts {
            assert_eq!(
                has(t, kind),
                expect,
                "{kind:?} expected {expect} for {t:?}: {:?}",
                scan(t)
            );
        }
    }

    #[test]
    fn emails_are_found() {
        assert_all(
            &[
                "jan.jansen@example.nl",
                "a+b@sub.bieb.nl",
                "Gesprek met Jan, mail hem op jan.jansen@example.nl.",
                "Contact: (p.devries@gmail.com)",
                "Stuur naar <m_bakker-2@hotmail.co.uk> graag",
                "mailadres lid: Annemiek.VanDijk@ziggo.nl, bellen mag niet",
                "e-mail:piet@kpnmail.nl",
                "Reactie van lid 'karin@xs4all.nl' op de enquête",
                "Aanmelding via info@bibliotheek-utrecht.nl ontvangen",
                "jürgen.müller@bücher.de schreef ons",
                "Zie JAN@EXAMPLE.COM",
                "x1@a.io",
            ],
            Suspect::Email,
            true,
        );
    }

    #[test]
    fn email_lookalikes_are_not() {
        assert_all(
            &[
                "Volg ons op Instagram: @bibliotheek",
                "Tag @bibliotheek.utrecht in je post",
                "user@localhost",
                "Mail naar info@bieb voor vragen",
                "info@bieb. Daarna verder",
                "Versie 2@3.4 is onzin",
                "jan@example.1",
                "jan@-example.nl",
                "jan@example..nl",
                "@ home werken",
                "We mailen 8 miljoen leden @ 2027",
                "Campagne 2027 voor 8 miljoen verbonden gebruikers",
            ],
            Suspect::Email,
            false,
        );
    }

    #[test]
    fn postcodes_with_house_numbers_are_found() {
        assert_all(
            &[
                "1234 AB 12",
                "1234AB12",
                "1234 ab, 5",
                "Adres lid: 3511 AZ 167",
                "Woont op 2511 CV 12a in Den Haag",
                "Bezorgen bij 9711 LM, 14-2",
                "Dorpsstraat 12, 1234 AB",
                "Dorpsstraat 12, 1234 AB Utrecht",
                "Kerklaan 3a\n1234 AB Ons Dorp",
                "Mevrouw woont Hoofdweg 145-2, 1017 AB Amsterdam",
                "Molenstraat 7 bis 5211 AB 's-Hertogenbosch",
                "Spui 1, 2511 BL",
                "Breestraat 2027, 2311 CS Leiden",
                "Oude Gracht 12-II, 3511 AB",
                "postcode 1234AB, huisnummer 12",
                "1234 AB nr. 7",
            ],
            Suspect::PostcodeHouseNumber,
            true,
        );
    }

    #[test]
    fn bare_postcodes_and_lookalikes_are_not() {
        assert_all(
            &[
                "1234 AB",
                "Actie voor postcodegebied 1234 AB",
                "Postcodes 1234 AB, 1235 AC en 1236 AD krijgen een folder",
                "Wijk 1234AB en omgeving",
                "Campagne 2027 en 2028 voor alle leden",
                "In 2027 op 5 locaties",
                "Campagne 2027 voor 8 miljoen verbonden gebruikers",
                "Campagne 2027, 1234 AB en omgeving",
                "1234 AB 2027",
                "Postbus 1234, 1000 AB Amsterdam",
                "PC4 gebied 1234 heeft 500 leden",
                "1234 AB 1,5 km verderop",
                "0123 AB 12",
                "12345 AB 12",
                "Groei 1500 km 12 dagen",
                "1234 AB 5 weken lang",
                "In 1234 AB 40% bereikt",
                "Kinderen uit groep 8, 1234 AB",
                "Lid 12, 1234 AB",
            ],
            Suspect::PostcodeHouseNumber,
            false,
        );
    }

    #[test]
    fn phones_are_found() {
        assert_all(
            &[
                "Gesprek met Jan, bel hem op 06-12345678",
                "06 1234 5678",
                "0612345678",
                "(010) 123 45 67",
                "020-1234567",
                "tel. 0299-123456 (na 18 uur)",
                "06 - 12 34 56 78",
                "06.12.34.56.78",
                "+31 6 12345678",
                "+31 (0)20 1234567",
                "+31(0)6-12345678",
                "0031 6 12345678",
                "+32 2 123 45 67",
                "+44 20 7946 0958",
                "Terugbellen: 06-12345678, 06-87654321",
                "bel 06\u{a0}1234\u{a0}5678 na vijven",
                "06–12345678",
                "Telefoon +31-6-1234-5678",
                "088 - 123 45 67",
            ],
            Suspect::Phone,
            true,
        );
    }

    #[test]
    fn phone_lookalikes_are_not() {
        assert_all(
            &[
                "Campagne 2027 voor 8 miljoen verbonden gebruikers",
                "Actie voor postcodegebied 1234 AB",
                "Start 15-11-2024, einde 05-12-2024",
                "Op 01-02-2024 12.30 uur in de zaal",
                "Versie 1.0.0 van de wijzer",
                "Budget € 1.250 voor flyers",
                "Omzet +1.250.000.000 in 2027",
                "Tijden: 09.30 10.30 11.30 12.30",
                "Open 09:00 - 17:00, 0,5 fte",
                "ISBN 0-306-40615-2 en ISBN 0306406152",
                "Bestelnummer A0612345678",
                "123456789012",
                "06-1234567",
                "06-123456789",
                "Groep 0 1 2 3 4 5 6 7 8 9",
                "+31",
                "2024-2025 seizoen",
                "Lidnummer 0012345678",
                "Datum 05/11/2024 06 12 34 56",
                "0800-1234 en 0900-1234567",
            ],
            Suspect::Phone,
            false,
        );
    }

    #[test]
    fn ibans_are_found() {
        assert_all(
            &[
                "NL91 ABNA 0417 1643 00",
                "NL91ABNA0417164300",
                "BE68 5390 0754 7034",
                "Terugstorten op NL91 ABNA 0417 1643 00 graag",
                "Rekening: BE68539007547034.",
                "DE89 3704 0044 0532 0130 00 voor de Duitse leden",
                "GB82 WEST 1234 5698 7654 32",
                "nl91abna0417164300",
                "IBAN:NL91ABNA0417164300",
                "FR14 2004 1010 0505 0001 3M02 606",
                "BE68 5390 0754 7034 voor het lidmaatschap",
                "CH93 0076 2011 6238 5295 7",
            ],
            Suspect::Iban,
            true,
        );
    }

    #[test]
    fn iban_lookalikes_are_not() {
        assert_all(
            &[
                "NL92 ABNA 0417 1643 00",
                "NL91ABNA0417164301",
                "BE68 5390 0754 7035",
                "AB12 campagne loopt tot eind 2027",
                "Code XX12345678901234 is ongeldig",
                "NL91 ABNA 0417 1643",
                "ANL91ABNA0417164300",
                "NL91ABNA0417164300X",
                "NL91ABNA041716430",
                "Campagne 2027 voor 8 miljoen verbonden gebruikers",
                "PC12 ruimte 34 van de bibliotheek",
            ],
            Suspect::Iban,
            false,
        );
    }

    #[test]
    fn iban_digits_are_no_phone_and_email_digits_no_postcode() {
        assert_eq!(kinds("NL91 ABNA 0417 1643 00"), vec![Suspect::Iban]);
        assert_eq!(kinds("0612345678@example.nl"), vec![Suspect::Email]);
        assert_eq!(kinds("1234ab12@example.nl"), vec![Suspect::Email]);
    }

    #[test]
    fn kinds_come_once_and_in_order() {
        let t = "Bel 06-12345678 of 020-1234567, mail a@b.nl of c@d.nl, \
                 rekening NL91ABNA0417164300, adres 1234 AB 5";
        assert_eq!(
            kinds(t),
            vec![
                Suspect::Email,
                Suspect::PostcodeHouseNumber,
                Suspect::Phone,
                Suspect::Iban
            ]
        );
        assert!(kinds("Een gewone notitie over de campagne.").is_empty());
        assert!(kinds("").is_empty());
    }

    #[test]
    fn warnings_read_well() {
        assert_eq!(warning("Niets bijzonders", Lang::Nl), None);
        assert_eq!(
            warning("jan@example.nl, 06-12345678", Lang::Nl).unwrap(),
            "Let op: dit lijkt op een e-mailadres en een telefoonnummer van een lid. \
             Een verslag hoort geen persoonsgegevens van leden te bevatten."
        );
        assert_eq!(
            warning("06-12345678", Lang::En).unwrap(),
            "Note: this looks like a phone number of a member. \
             A record should not hold personal data of members."
        );
        assert_eq!(
            warning("jan@example.nl, 1234 AB 5, NL91ABNA0417164300", Lang::Nl).unwrap(),
            "Let op: dit lijkt op een e-mailadres, een postcode met huisnummer en een \
             bankrekeningnummer (IBAN) van een lid. \
             Een verslag hoort geen persoonsgegevens van leden te bevatten."
        );
        for s in [
            Suspect::Email,
            Suspect::PostcodeHouseNumber,
            Suspect::Phone,
            Suspect::Iban,
        ] {
            assert!(s.warning_nl().starts_with("Dit lijkt op "));
            assert!(s.warning_en().starts_with("This looks like "));
        }
    }

    #[test]
    fn long_input_is_linear() {
        let patterns = [
            "a",
            "0",
            "06-",
            "0 ",
            "+3",
            "@",
            "a@",
            "a@b.",
            "a.",
            "NL91 ",
            "NL91",
            "1234 AB ",
            "1234 ",
            "12, ",
            "Dorpsstraat 12, ",
            "é€😀 ",
        ];
        for p in patterns {
            let text = p.repeat(100_000 / p.len() + 1);
            let start = Instant::now();
            let _ = scan(&text);
            let took = start.elapsed();
            assert!(took < Duration::from_secs(2), "{p:?} took {took:?}");
        }
    }

    proptest! {
        #[test]
        fn scan_never_panics(s in "\\PC*") {
            let _ = scan(&s);
        }

        #[test]
        fn scan_never_panics_on_near_misses(
            parts in prop::collection::vec(
                prop_oneof![
                    Just("0"), Just("06"), Just("1234"), Just("12"), Just(" "), Just("-"),
                    Just("("), Just(")"), Just("+"), Just("."), Just(","), Just("@"), Just("a"),
                    Just("AB"), Just("NL91"), Just("\n"), Just("é"), Just("😀"), Just("\u{a0}"),
                    Just("isbn"), Just("straat"), Just(":"), Just("/"),
                ],
                0..80,
            )
        ) {
            let s: String = parts.concat();
            let found = scan(&s);
            let mut sorted = found.clone();
            sorted.dedup();
            prop_assert_eq!(found.len(), sorted.len());
            let _ = warning(&s, Lang::En);
        }
    }
}
