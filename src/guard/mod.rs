//! A guard on free text: notes, campaign descriptions and sign-off remarks should not hold
//! personal data of library members. [`scan`] finds what looks like an e-mail address, a Dutch
//! postcode with house number, a phone number or an IBAN; [`warning`] says that in one
//! sentence for the person typing. The guard warns, it never blocks: it can be wrong both ways.
//!
//! Each kind is a regular expression (the `regex` crate runs in time linear in the text), and
//! what a pattern cannot say (a checksum, a word list, what stands just before the match) is
//! checked on each match. Where a match can be rejected, the pattern is of bounded length (see
//! [`matches`]); so a long text costs time in proportion to its length, whatever it holds.
use std::ops::Range;
use std::sync::LazyLock;

use regex::{Match, Regex};

use crate::text::Lang;

mod phone;
mod postcode;
#[cfg(test)]
mod tests;

/// A kind of personal data a free text seems to contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suspect {
    Email,
    PostcodeHouseNumber,
    Phone,
    Iban,
}

/// What looks like personal data in `text`, each kind once, in the order above.
pub fn scan(text: &str) -> Vec<Suspect> {
    // Each kind needs what its pattern and checks cannot do without: an e-mail address an
    // '@', a postcode with house number five digits (four and one), a phone number eight, an
    // IBAN eight (two check digits, and at least 15 characters, mostly digits, after the
    // country; see `iban_valid`). Most texts (a campaign name, a purpose, "Zomeractie 2027")
    // have fewer, and are then not searched at all: the patterns take 2.9 MiB once compiled,
    // which a session that never needs them need not hold (the interface's peak-memory bar is
    // 10 MiB; benches/perf.rs, group tui).
    let digits = text.bytes().filter(u8::is_ascii_digit).count();
    // E-mail addresses and IBANs are blanked out once found, so that their digits are not
    // read again as a phone number or a house number.
    let mut text = text.to_owned();
    let emails = match text.contains('@') {
        true => emails(&text),
        false => Vec::new(),
    };
    blank(&mut text, &emails);
    let ibans: Vec<_> = match digits >= 8 {
        true => matches(&IBAN, &text, |m| iban_end(&text, m)).collect(),
        false => Vec::new(),
    };
    blank(&mut text, &ibans);
    [
        (!emails.is_empty(), Suspect::Email),
        (
            digits >= 5 && postcode::found(&text),
            Suspect::PostcodeHouseNumber,
        ),
        (digits >= 8 && phone::found(&text), Suspect::Phone),
        (!ibans.is_empty(), Suspect::Iban),
    ]
    .into_iter()
    .filter_map(|(found, kind)| found.then_some(kind))
    .collect()
}

/// The full warning for a text (in the words of `locale::guard`), or None when nothing in it
/// looks like personal data.
pub fn warning(text: &str, lang: Lang) -> Option<String> {
    crate::locale::guard::warning(&scan(text), lang)
}

// ---------------------------------------------------------------------------------------------
// Searching.

/// Compiles one of the guard's fixed patterns (the tests compile them all).
#[expect(
    clippy::expect_used,
    reason = "constant patterns, compiled by the tests: they cannot fail on any input"
)]
fn pattern(re: &str) -> Regex {
    Regex::new(re).expect("the guard's patterns are valid regexes")
}

/// The matches of `re` in `text` that `accept` takes, each up to where `accept` says the
/// finding ends. After a rejected match the search goes on one character further, so a finding
/// that overlaps a rejected match is still seen; the patterns are of bounded length, so this
/// reads each character a bounded number of times.
fn matches<'t>(
    re: &'t Regex,
    text: &'t str,
    accept: impl Fn(Match) -> Option<usize> + 't,
) -> impl Iterator<Item = Range<usize>> + 't {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at <= text.len() {
            let m = re.find_at(text, at)?;
            if let Some(end) = accept(m) {
                at = end.max(m.start() + 1);
                return Some(m.start()..end);
            }
            at = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
        }
        None
    })
}

/// Replaces the found ranges by spaces, keeping every other byte where it was.
fn blank(text: &mut String, found: &[Range<usize>]) {
    for r in found {
        text.replace_range(r.clone(), &" ".repeat(r.len()));
    }
}

/// The last `n` characters before byte `at`.
fn tail(text: &str, at: usize, n: usize) -> &str {
    let before = &text[..at];
    let from = before.char_indices().rev().nth(n.saturating_sub(1));
    &before[from.map_or(0, |(i, _)| i)..]
}

/// A number glued to a word or number before it ("A1234", "1.2345", "15-0612345678"), or a
/// signed amount.
static GLUED: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"(?:[\p{Alphabetic}\p{N}+]|[0-9][.,/:\p{Pd}])$"));

/// Whether a number may start at byte `at` (see [`GLUED`]).
fn number_starts_at(text: &str, at: usize) -> bool {
    !GLUED.is_match(tail(text, at, 2))
}

// ---------------------------------------------------------------------------------------------
// E-mail: local@domain.tld, with a dot in the domain, no label starting or ending with a hyphen
// and a TLD of two or more letters. A full stop or hyphen after the address belongs to the
// sentence; a letter or digit glued to it makes it something else.

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x)
        [\p{Alphabetic}\p{N}._%+'-]* [\p{Alphabetic}\p{N}_%+-]
        @ (?: [\p{Alphabetic}\p{N}] (?:[\p{Alphabetic}\p{N}-]* [\p{Alphabetic}\p{N}])? \. )+
        \p{Alphabetic}{2,}
        [.-]* (?: $ | [^\p{Alphabetic}\p{N}.-] )",
    )
});

/// The e-mail addresses in `text`. The pattern reads on past an address to see that it ends;
/// the address itself ends with the letters of its top-level domain.
fn emails(text: &str) -> Vec<Range<usize>> {
    let address = |m: Match| {
        let address = m.as_str().trim_end_matches(|c: char| !c.is_alphabetic());
        m.start()..m.start() + address.len()
    };
    EMAIL.find_iter(text).map(address).collect()
}

// ---------------------------------------------------------------------------------------------
// IBAN: two letters, two check digits, 11 to 30 alphanumerics, optionally in groups of four
// separated by single spaces; mostly digits after the check digits; the mod-97 checksum must
// hold, and the length must be the country's where the country is known.

static IBAN: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x) [A-Za-z]{2}[0-9]{2}
        (?: [\x20\x{a0}]? [A-Za-z0-9]{4} ){0,7} (?: [\x20\x{a0}]? [A-Za-z0-9]{1,3} )?",
    )
});

/// Where the IBAN matched by `m` ends, or None. Every end of a group is tried, shortest
/// first, so "BE68 5390 0754 7034 voor" is found without the following word.
fn iban_end(text: &str, m: Match) -> Option<usize> {
    if tail(text, m.start(), 1).chars().any(char::is_alphanumeric) {
        return None;
    }
    let mut iban = Vec::with_capacity(m.len());
    for (i, b) in m.as_str().bytes().enumerate() {
        if b.is_ascii_alphanumeric() {
            iban.push(b.to_ascii_uppercase());
        } else if iban_valid(&iban) {
            // A space (or the first byte of a no-break space) ends a group.
            return Some(m.start() + i);
        }
    }
    let glued = text[m.end()..].starts_with(char::is_alphanumeric);
    (!glued && iban_valid(&iban)).then_some(m.end())
}

/// IBAN lengths of the countries a Dutch library's members most likely bank in. A country not
/// listed is held to the general 15 to 34 characters (and the checksum).
fn iban_length(country: &[u8]) -> Option<usize> {
    Some(match country {
        b"NO" => 15,
        b"BE" => 16,
        b"NL" | b"DK" | b"FI" => 18,
        b"LU" | b"AT" => 20,
        b"CH" => 21,
        b"DE" | b"GB" | b"IE" => 22,
        b"ES" | b"SE" => 24,
        b"PT" => 25,
        b"FR" | b"IT" => 27,
        b"PL" => 28,
        _ => return None,
    })
}

/// Whether `b` (upper-case ASCII alphanumerics, starting with two letters and two digits) is
/// an IBAN with a valid checksum.
fn iban_valid(b: &[u8]) -> bool {
    // Account numbers are mostly digits; a run of words is not.
    let bban = b.get(4..).unwrap_or_default();
    if !(15..=34).contains(&b.len())
        || bban.iter().filter(|x| x.is_ascii_digit()).count() * 2 < bban.len()
        || iban_length(&b[..2]).is_some_and(|len| b.len() != len)
    {
        return false;
    }
    let remainder = bban.iter().chain(&b[..4]).fold(0u32, |r, &x| match x {
        b'0'..=b'9' => (r * 10 + u32::from(x - b'0')) % 97,
        _ => (r * 100 + u32::from(x - b'A') + 10) % 97,
    });
    remainder == 1
}
