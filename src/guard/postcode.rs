//! Postcode with house number: "1234 AB 12", "1234AB12", "1234 ab, 5", and the street form
//! "Dorpsstraat 12, 1234 AB". A postcode alone is not flagged.
use std::sync::LazyLock;

use regex::Regex;

use super::{matches, number_starts_at, pattern, tail};

/// Two-letter words a lower-case "postcode" would more likely be: "in 2027 en 2028" is a year,
/// a word and a year, not a postcode with house number. Upper-case letters are always taken as
/// a postcode.
const COMMON_PAIRS: &str = "al am an as at be by ca cd cm de do en er eu gb go he if ik in is \
    it ja je kb kg km mb me ml mm my na no nr nu of om on op or pc pm so st te to tv up us we \
    ze zo";

/// Street-name endings: a year-like house number ("Dorpsstraat 2027, 1234 AB") is only taken
/// after a word that looks like a street.
const STREET_ENDINGS: &str = "straat laan weg plein gracht kade singel dijk pad steeg hof \
    park dreef ring baan plantsoen markt wal zijde veld erf kamp hoek berg haven dam dal wijk \
    werf allee boulevard sloot vaart tuin einde pier polder hout bos brink hoven oord akker \
    weide hoeve poort kant burg gang stede rade lei";

/// Words after a number that make it a count rather than a house number: "1234 AB 5 weken".
const COUNT_WORDS: &str = "jaar jaren maand maanden week weken dag dagen uur uren min \
    minuten km kilometer meter m keer x procent euro leden lezers deelnemers bezoekers \
    huishoudens adressen stuks boeken folders flyers";

/// Words before a number that are not a street: "Postbus 12, 1234 AB" is the library's own
/// address, "groep 8, 1234 AB" a school class.
const NOT_STREETS: &str = "postbus antwoordnummer groep klas week jaar fase stap versie \
    pagina blz artikel lid hoofdstuk bijlage punt nummer nr kamer zaal ronde editie deel \
    niveau";

fn listed(words: &str, word: &str) -> bool {
    words.split_whitespace().any(|w| w == word)
}

/// "1234 AB", "1234AB": four digits, not starting with 0, an optional space and two letters.
static POSTCODE: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"[1-9][0-9]{3}[\t\p{Zs}]?[A-Za-z]{2}"));

/// What may follow a postcode: a house number ("1234 AB 12", "1234AB12", "1234 ab, 5",
/// "1234 AB, nr. 12"), and then either what makes it something else (more digits, a decimal,
/// a time, a percentage) or the word after it.
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x)
        ^ ,? [\t\p{Zs}]{0,2} (?: (?i:huisnummer|huisnr|nummer|nr) [.:]? [\t\p{Zs}]{0,2} )?
        (?P<number> [1-9][0-9]{0,4} )
        (?: (?P<other> [0-9] | [.,:][0-9] | % ) | [\t\p{Zs}]? (?P<word> [A-Za-z]{1,16} ) )?",
    )
});

/// What may stand before a postcode: a street and house number with an optional addition
/// ("12", "12a", "12-2", "12-II", "12 bis"), then a comma or a line break: "Dorpsstraat 12,
/// 1234 AB", "Kerklaan 3a\n1234 AB".
static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x)
        (?P<street> \p{Alphabetic}+ ) [\t\p{Zs}] (?P<number> [1-9][0-9]{0,4} )
        (?: \p{Pd}[0-9]{1,3} | \p{Pd}?[A-Za-z]{1,4}
          | [\t\p{Zs}] (?: [A-Za-z] | (?i:bis|hs|huis|ii|iii|iv|zw|rd) ) )?
        [,\s]{1,3} $",
    )
});

pub(super) fn found(text: &str) -> bool {
    let mut found = matches(&POSTCODE, text, |m| {
        let postcode = number_starts_at(text, m.start())
            && postcode_letters(&m.as_str()[m.len() - 2..], &text[m.end()..]);
        let house_number =
            postcode && (house_number_after(text, m.end()) || house_number_before(text, m.start()));
        house_number.then_some(m.end())
    });
    found.next().is_some()
}

/// Whether two letters after four digits, followed by `rest`, make a postcode: not followed by
/// a letter, and not a common two-letter word written in lower case.
fn postcode_letters(letters: &str, rest: &str) -> bool {
    let upper = letters.bytes().all(|b| b.is_ascii_uppercase());
    letters.len() == 2
        && !rest.starts_with(char::is_alphabetic)
        && (upper || !listed(COMMON_PAIRS, &letters.to_ascii_lowercase()))
}

fn is_year(number: &str) -> bool {
    number.len() == 4
        && number
            .parse()
            .is_ok_and(|y: u32| (1900..=2099).contains(&y))
}

/// A house number behind a postcode ending at `end`.
fn house_number_after(text: &str, end: usize) -> bool {
    let Some(c) = AFTER.captures(&text[end..]) else {
        return false;
    };
    let Some(number) = c.name("number") else {
        return false;
    };
    // "1234 AB, 1235 AC": the next postcode of a list; "1234 AB 2027": a year.
    let word = c.name("word");
    let next_postcode = word.is_some_and(|w| postcode_letters(w.as_str(), &text[end + w.end()..]));
    let next = number.len() == 4 && (next_postcode || is_year(number.as_str()));
    // "1234 AB 5 weken lang": a count.
    let count = word.is_some_and(|w| listed(COUNT_WORDS, &w.as_str().to_ascii_lowercase()));
    c.name("other").is_none() && !next && !count
}

/// A street and house number before a postcode starting at `start`.
fn house_number_before(text: &str, start: usize) -> bool {
    // A street name, house number and separators fit in 64 characters; of a longer name the
    // end is read, which is what the street endings look at.
    let Some(c) = BEFORE.captures(tail(text, start, 64)) else {
        return false;
    };
    let (Some(street), Some(number)) = (c.name("street"), c.name("number")) else {
        return false;
    };
    let word = street.as_str().to_lowercase();
    let street = STREET_ENDINGS.split_whitespace().any(|e| word.ends_with(e));
    word.chars().count() >= 2
        && !listed(NOT_STREETS, &word)
        && (street || !is_year(number.as_str()))
}
