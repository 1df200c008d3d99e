//! Phone numbers: Dutch numbers of ten digits starting with 0 ("06-12345678", "(010) 123 45 67"),
//! and international numbers with + or 00 and 8 to 15 digits ("+31 (0)20 1234567"; the trunk
//! prefix "(0)" counts as a digit).
use std::sync::LazyLock;

use regex::Regex;

use super::{matches, number_starts_at, pattern, tail};

/// How a phone number ends: not glued to a letter or digit, and not continued tightly (up to
/// three separators without a space, then a digit): "06-12345678 12" is a phone number,
/// "06-12345678-12" is not.
const END: &str = r"(?: $
    | [^\p{Alphabetic}\p{N}\p{Pd}./()]
    | [\p{Pd}./()]{1,2} (?: $ | [^0-9\p{Pd}./()] )
    | [\p{Pd}./()]{3} (?: $ | [^0-9] ) )";

/// Phone numbers, national, with + and with 00: digits in groups separated by up to three
/// spaces, dashes, dots, slashes or brackets, ending at the first place where there are enough
/// digits and [`END`] holds. Three patterns rather than one alternation: each has a literal
/// start the search can skip to.
static PHONES: LazyLock<[Regex; 3]> = LazyLock::new(|| {
    let digit = r"[\t\p{Zs}\p{Pd}./()]{0,3}[0-9]";
    [
        format!("0[1-9](?:{digit}){{8}}"),
        format!(r"\+[0-9](?:{digit}){{7,14}}?"),
        format!("00[1-9](?:{digit}){{9,14}}?"),
    ]
    .map(|number| pattern(&format!("(?x){number}{END}")))
});

/// Dots used only on their own, between every group ("06.12.34.56.78"): mixed with other
/// separators they are times ("09.30 10.30 11.30").
static DOTTED: LazyLock<Regex> = LazyLock::new(|| pattern(r"^\+?[0-9]+(?:\.[0-9]+)*$"));

/// An amount in thousands: "+1.250.000.000".
static THOUSANDS: LazyLock<Regex> = LazyLock::new(|| pattern(r"^\+?[0-9]{1,3}(?:\.[0-9]{3})+$"));

/// A date at the start: "05-11-2024", "5/11/2024", "05.11.2024".
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"^[0-9]{1,2}(?:-[0-9]{1,2}-|/[0-9]{1,2}/|\.[0-9]{1,2}\.)[0-9]{4}(?:[^0-9]|$)")
});

pub(super) fn found(text: &str) -> bool {
    PHONES.iter().any(|re| {
        matches(re, text, |m| {
            // The pattern reads on past the number to see that it ends.
            let n = m.as_str().trim_end_matches(|c: char| !c.is_ascii_digit());
            let dots = n.contains('.') && (!DOTTED.is_match(n) || THOUSANDS.is_match(n));
            // "ISBN 0306406152" is a book, not a phone.
            let isbn = tail(text, m.start(), 12).to_lowercase().contains("isbn");
            let phone = number_starts_at(text, m.start()) && !dots && !DATE.is_match(n) && !isbn;
            phone.then_some(m.start() + n.len())
        })
        .next()
        .is_some()
    })
}
