//! Postcode with house number: "1234 AB 12", "1234AB12", "1234 ab, 5", and the street form
//! "Dorpsstraat 12, 1234 AB". A postcode alone is not flagged.
use super::*;

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

pub(super) fn has_postcode_house_number(c: &[char]) -> bool {
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
