//! Notes not checked for a while: a note states current law as of its `checked` month, and
//! `lint --stale MONTHS` lists the ones checked longer ago than that.
use crate::bank::{Bank, Note};

/// A calendar month, counted from year 0 so that months subtract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Month(i64);

impl Month {
    pub fn new(year: i64, month: u8) -> Option<Month> {
        (1..=12)
            .contains(&month)
            .then_some(Month(year * 12 + i64::from(month) - 1))
    }

    /// A month written as a note's `checked` is: `2026-11`.
    pub fn parse(s: &str) -> Option<Month> {
        let (y, m) = s.split_once('-')?;
        if y.len() != 4 || m.len() != 2 || !(y.bytes().chain(m.bytes())).all(|b| b.is_ascii_digit())
        {
            return None;
        }
        Month::new(y.parse().ok()?, m.parse().ok()?)
    }

    /// This month, in the local time zone (where the maintainer is).
    pub fn current() -> Month {
        let today = jiff::ZonedDateTime::now();
        Month(i64::from(today.year()) * 12 + i64::from(today.month()) - 1)
    }

    /// How many months `earlier` lies before this one (negative if it is later).
    pub fn since(self, earlier: Month) -> i64 {
        self.0 - earlier.0
    }

    /// This month less `n` months.
    pub fn minus(self, n: u32) -> Month {
        Month(self.0 - i64::from(n))
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:04}-{:02}",
            self.0.div_euclid(12),
            self.0.rem_euclid(12) + 1
        )
    }
}

/// A note checked too long ago, and how long ago.
pub struct Stale<'b> {
    pub note: &'b Note,
    pub months_ago: i64,
}

/// The notes whose `checked` month lies more than `limit` months before `now`, in the bank's
/// order. A `checked` that is not a month is the lint's to report, not this list's.
pub fn stale_notes(bank: &Bank, now: Month, limit: u32) -> Vec<Stale<'_>> {
    bank.notes
        .iter()
        .filter_map(|note| {
            let months_ago = now.since(Month::parse(&note.checked)?);
            (months_ago > i64::from(limit)).then_some(Stale { note, months_ago })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Month {
        Month::parse(s).unwrap()
    }

    #[test]
    fn months_subtract_across_years() {
        assert_eq!(m("2026-05").since(m("2026-05")), 0);
        assert_eq!(m("2026-05").since(m("2026-04")), 1);
        assert_eq!(m("2026-01").since(m("2025-12")), 1);
        assert_eq!(m("2026-01").since(m("2025-01")), 12);
        assert_eq!(m("2026-03").since(m("2024-11")), 16);
        assert_eq!(m("2026-03").since(m("2001-01")), 302);
        assert_eq!(m("2025-12").since(m("2026-02")), -2);
        assert_eq!(m("2026-01").minus(1), m("2025-12"));
        assert_eq!(m("2026-03").minus(26), m("2024-01"));
        assert_eq!(m("2026-01").minus(1).to_string(), "2025-12");
        assert_eq!(m("0999-12").to_string(), "0999-12");
    }

    #[test]
    fn only_real_months_parse() {
        for bad in [
            "2026-13",
            "2026-00",
            "2026-1",
            "26-11",
            "2026/11",
            "2026-11-01",
            "+026-11",
            "2026-1x",
            "",
        ] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
        assert_eq!(Month::new(2026, 11), Month::parse("2026-11"));
    }

    /// The small test bank with its one note checked in `checked`.
    fn bank_checked(checked: &str) -> Bank {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/banks/valid_small");
        let files: Vec<(String, String)> = ["bank.json", "content.json", "questions.json"]
            .iter()
            .map(|name| {
                let text = std::fs::read_to_string(format!("{dir}/{name}")).unwrap();
                let text = text.replace(
                    "\"checked\": \"2026-11\"",
                    &format!("\"checked\": \"{checked}\""),
                );
                (name.to_string(), text)
            })
            .collect();
        assert!(files[1].1.contains(checked));
        Bank::from_files(&files, "test").unwrap()
    }

    #[test]
    fn stale_means_more_than_the_limit_before_now() {
        let bank = bank_checked("2025-01");
        let now = m("2026-01");
        // Exactly `limit` months ago is not yet stale; one more is.
        assert!(stale_notes(&bank, now, 12).is_empty());
        let stale = stale_notes(&bank, now, 11);
        assert_eq!(stale.len(), 1);
        assert_eq!(stale[0].note.id, "spam_rules");
        assert_eq!(stale[0].months_ago, 12);
        // A note checked after "now" (a clock set wrong) is not stale.
        assert!(stale_notes(&bank, m("2024-06"), 0).is_empty());
        // A `checked` that is not a month is never listed: the lint reports it.
        assert!(stale_notes(&bank_checked("2025-13"), now, 0).is_empty());
    }
}
