//! Dates in words: the names of the months.
use crate::text::Lang;

/// The name of month `n` (1 is January) in `lang`; out of range is clamped.
pub fn month(n: u8, lang: Lang) -> &'static str {
    const NL: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let names = if lang == Lang::En { &EN } else { &NL };
    names[usize::from(n).clamp(1, 12) - 1]
}
