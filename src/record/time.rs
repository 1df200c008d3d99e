//! Times. A record keeps each moment as UTC in RFC 3339, to the second
//! (`2026-11-30T03:47:25Z`): the record format, the same on every machine. A person is shown
//! Dutch local time in words (`30 november 2026, 04:47`), in the zone of the libraries that use
//! the program, from the time zone database built into it (jiff's bundled copy): the same
//! words on every machine, whatever its own zone or its zoneinfo files.
//!
//! Every function takes the moment it works on, so the hours around midnight and the changes
//! of summer time are testable; only [`now`] reads the clock.
use std::sync::OnceLock;

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::tz::{TimeZone, TimeZoneDatabase};

use crate::text::Lang;

/// Where the users are: Dutch public libraries.
const ZONE: &str = "Europe/Amsterdam";

/// The users' time zone, read once from the bundled database. The database is compiled into
/// the program, so the lookup cannot miss; should it, UTC is still a true time.
fn zone() -> &'static TimeZone {
    static ZONE_TZ: OnceLock<TimeZone> = OnceLock::new();
    ZONE_TZ.get_or_init(|| {
        TimeZoneDatabase::bundled()
            .get(ZONE)
            .unwrap_or(TimeZone::UTC)
    })
}

/// Now, as `2026-11-23T05:13:17Z`.
pub fn now() -> String {
    stamp(Timestamp::now())
}

/// Seconds since the Unix epoch as `YYYY-MM-DDTHH:MM:SSZ`; beyond the years jiff represents
/// (±9999) the nearest end of them.
pub fn format(secs: i64) -> String {
    let (first, last) = (Timestamp::MIN.as_second(), Timestamp::MAX.as_second());
    stamp(Timestamp::from_second(secs.clamp(first, last)).unwrap_or(Timestamp::UNIX_EPOCH))
}

fn stamp(t: Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The moment `at` (RFC 3339, as a record keeps it) in the users' local time.
fn local(at: &str) -> Option<DateTime> {
    let t: Timestamp = at.trim().parse().ok()?;
    Some(zone().to_datetime(t))
}

/// The moment `at` as a person reads it: local time in words, `30 november 2026, 04:47`
/// (`30 November 2026, 04:47` in English). Text that is not a time is shown as it is.
pub fn in_words(at: &str, lang: Lang) -> String {
    match local(at) {
        Some(t) => format!(
            "{}, {:02}:{:02}",
            date_words(t.date(), lang),
            t.hour(),
            t.minute()
        ),
        None => at.to_string(),
    }
}

/// The local date of the moment `at`, in words: `30 november 2026`.
pub fn day_in_words(at: &str, lang: Lang) -> String {
    match local(at) {
        Some(t) => date_words(t.date(), lang),
        None => at.to_string(),
    }
}

/// A calendar date `YYYY-MM-DD` (a sign-off date) in words: `2 januari 2027`. Text that is
/// not such a date is shown as it is.
pub fn date_in_words(date: &str, lang: Lang) -> String {
    match parse_date(date) {
        Some(d) => date_words(d, lang),
        None => date.to_string(),
    }
}

/// The local date of the moment `at`, as `2026-11-30`: the date a sign-off made then is
/// dated by default. Text that is not a time gives its first ten characters.
pub fn local_date(at: &str) -> String {
    match local(at) {
        Some(t) => t.date().to_string(),
        None => at.chars().take(10).collect(),
    }
}

/// The moment `at` in the users' local time as (year, month, day, hour, minute, second), for
/// a spreadsheet's date cell; `None` when `at` is not a time.
pub fn local_fields(at: &str) -> Option<(i16, i8, i8, i8, i8, i8)> {
    let t = local(at)?;
    Some((
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
    ))
}

/// A calendar date `YYYY-MM-DD` as (year, month, day); `None` when it is not one.
pub fn date_fields(date: &str) -> Option<(i16, i8, i8)> {
    parse_date(date).map(|d| (d.year(), d.month(), d.day()))
}

/// The moment `at` in local time as a spreadsheet reads it as a date: `30-11-2026 11:39` in
/// Dutch (Dutch Excel's own short date), `2026-11-30 11:39` in English (ISO, which Excel
/// reads as a date in every language, where `30/11` or `11/30` depends on the country).
/// Text that is not a time is given as it is.
pub fn in_digits(at: &str, lang: Lang) -> String {
    match local(at) {
        Some(t) => format!(
            "{} {:02}:{:02}",
            digits(t.date(), lang),
            t.hour(),
            t.minute()
        ),
        None => at.to_string(),
    }
}

/// A calendar date `YYYY-MM-DD` as [`in_digits`] writes its date.
pub fn date_in_digits(date: &str, lang: Lang) -> String {
    match parse_date(date) {
        Some(d) => digits(d, lang),
        None => date.to_string(),
    }
}

fn digits(d: Date, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{:02}-{:02}-{:04}", d.day(), d.month(), d.year()),
        Lang::En => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
    }
}

fn date_words(d: Date, lang: Lang) -> String {
    let month = crate::locale::when::month(d.month().unsigned_abs(), lang);
    format!("{} {month} {}", d.day(), d.year())
}

/// Whether `s` is a calendar date `YYYY-MM-DD` (for a sign-off date typed by a person).
pub fn is_date(s: &str) -> bool {
    parse_date(s).is_some()
}

/// Today in Dutch local time, as `2026-11-30`: the day a plan's due dates are measured by.
pub fn today() -> String {
    local_date(&now())
}

/// Whether the date `date` lies before the date `day` (both `YYYY-MM-DD`); false when either
/// is not a date.
pub fn is_before(date: &str, day: &str) -> bool {
    match (parse_date(date), parse_date(day)) {
        (Some(a), Some(b)) => a < b,
        _ => false,
    }
}

/// `YYYY-MM-DD` exactly (four, two and two digits), a real day from 1900 on.
fn parse_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    let shaped = b.len() == 10
        && b.iter().enumerate().all(|(i, &c)| match i {
            4 | 7 => c == b'-',
            _ => c.is_ascii_digit(),
        });
    if !shaped {
        return None;
    }
    let year: i16 = s[0..4].parse().ok()?;
    let (month, day): (i8, i8) = (s[5..7].parse().ok()?, s[8..10].parse().ok()?);
    if year < 1900 {
        return None;
    }
    Date::new(year, month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_utc_times() {
        assert_eq!(format(0), "1970-01-01T00:00:00Z");
        assert_eq!(format(1_795_410_797), "2026-11-23T05:13:17Z");
        assert_eq!(format(951_782_400), "2000-02-29T00:00:00Z");
        assert!(
            format(i64::MAX).starts_with("9999-12-"),
            "{}",
            format(i64::MAX)
        );
        assert!(
            format(i64::MIN).contains("9999-01-"),
            "{}",
            format(i64::MIN)
        );
        let now = now();
        assert_eq!(now.len(), 20, "{now}");
        assert!(now.parse::<Timestamp>().is_ok(), "{now}");
    }

    #[test]
    fn the_zone_is_in_the_bundled_database() {
        let tz = TimeZoneDatabase::bundled().get(ZONE).expect("bundled zone");
        assert_eq!(tz.iana_name(), Some(ZONE));
    }

    #[test]
    fn times_are_shown_in_dutch_local_time_in_words() {
        // Winter time: one hour ahead of UTC.
        let at = "2026-11-30T03:47:25Z";
        assert_eq!(in_words(at, Lang::Nl), "30 november 2026, 04:47");
        assert_eq!(in_words(at, Lang::En), "30 November 2026, 04:47");
        assert_eq!(day_in_words(at, Lang::Nl), "30 november 2026");
        // Summer time: two hours ahead, so late evening in UTC is the next day here.
        let at = "2026-07-15T22:30:00Z";
        assert_eq!(in_words(at, Lang::Nl), "16 juli 2026, 00:30");
        assert_eq!(in_words(at, Lang::En), "16 July 2026, 00:30");
        assert_eq!(local_date(at), "2026-07-16");
        // The night the clocks go forward: 02:00 becomes 03:00 at 01:00 UTC.
        assert_eq!(
            in_words("2026-03-29T00:59:00Z", Lang::Nl),
            "29 maart 2026, 01:59"
        );
        assert_eq!(
            in_words("2026-03-29T01:00:00Z", Lang::Nl),
            "29 maart 2026, 03:00"
        );
        // And back: 03:00 becomes 02:00 again at 01:00 UTC.
        assert_eq!(
            in_words("2026-10-25T00:30:00Z", Lang::Nl),
            "25 oktober 2026, 02:30"
        );
        assert_eq!(
            in_words("2026-10-25T01:30:00Z", Lang::Nl),
            "25 oktober 2026, 02:30"
        );
        // A time written with another offset is the same moment.
        assert_eq!(
            in_words("2027-01-01T01:00:00+01:00", Lang::Nl),
            "1 januari 2027, 01:00"
        );
        // What is not a time is shown as it is.
        for text in ["", "gisteren", "2027-01-01", "2027-13-01T00:00:00Z"] {
            assert_eq!(in_words(text, Lang::Nl), text);
        }
    }

    /// Between midnight and one (two in summer) Dutch time it is still yesterday in UTC: the
    /// default sign-off date is the local one.
    #[test]
    fn the_local_date_after_midnight_is_the_next_day() {
        let at = "2026-11-29T23:30:00Z";
        assert_eq!(local_date(at), "2026-11-30");
        assert_eq!(in_words(at, Lang::Nl), "30 november 2026, 00:30");
        assert_eq!(local_date("2026-11-29T22:59:59Z"), "2026-11-29");
        assert_eq!(local_date("2026-06-30T22:00:00Z"), "2026-07-01");
        assert_eq!(local_date("2026-06-30T21:59:59Z"), "2026-06-30");
        assert_eq!(local_date("2026-12-31T23:00:00Z"), "2027-01-01");
        assert_eq!(local_date("kapot"), "kapot");
    }

    #[test]
    fn dates_in_words() {
        assert_eq!(date_in_words("2027-01-02", Lang::Nl), "2 januari 2027");
        assert_eq!(date_in_words("2027-01-02", Lang::En), "2 January 2027");
        assert_eq!(date_in_words("2024-02-29", Lang::Nl), "29 februari 2024");
        assert_eq!(date_in_words("2026-05-31", Lang::Nl), "31 mei 2026");
        assert_eq!(date_in_words("2026-02-29", Lang::Nl), "2026-02-29");
        assert_eq!(date_in_words("morgen", Lang::En), "morgen");
    }

    #[test]
    fn times_in_digits_for_a_spreadsheet_are_local() {
        assert_eq!(
            in_digits("2026-11-30T10:39:00Z", Lang::Nl),
            "30-11-2026 11:39"
        );
        assert_eq!(
            in_digits("2026-07-15T22:30:00Z", Lang::Nl),
            "16-07-2026 00:30"
        );
        assert_eq!(
            in_digits("2026-07-15T22:30:00Z", Lang::En),
            "2026-07-16 00:30"
        );
        assert_eq!(in_digits("kapot", Lang::Nl), "kapot");
        assert_eq!(date_in_digits("2027-01-02", Lang::Nl), "02-01-2027");
        assert_eq!(date_in_digits("2027-01-02", Lang::En), "2027-01-02");
        assert_eq!(date_in_digits("morgen", Lang::Nl), "morgen");
        assert_eq!(
            local_fields("2026-12-31T23:00:05Z"),
            Some((2027, 1, 1, 0, 0, 5))
        );
        assert_eq!(local_fields("x"), None);
        assert_eq!(date_fields("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(date_fields("2026-02-29"), None);
    }

    #[test]
    fn checks_dates() {
        assert!(is_date("2026-11-23"));
        assert!(is_date("2024-02-29"));
        assert!(is_date("2000-02-29"));
        assert!(!is_date("1900-02-29"));
        assert!(!is_date("2026-02-29"));
        assert!(!is_date("2026-13-01"));
        assert!(!is_date("2026-04-31"));
        assert!(!is_date("2026-00-10"));
        assert!(!is_date("1899-12-31"));
        assert!(!is_date("23-11-2026"));
        assert!(!is_date("2026-1-1x"));
        assert!(!is_date("2026-+1-01"));
        assert!(!is_date("２０２６-11-23"));
        assert!(!is_date(""));
    }

    #[test]
    fn compares_dates() {
        assert!(is_before("2027-01-14", "2027-01-15"));
        assert!(is_before("2026-12-31", "2027-01-01"));
        assert!(!is_before("2027-01-15", "2027-01-15"));
        assert!(!is_before("2027-01-16", "2027-01-15"));
        assert!(!is_before("morgen", "2027-01-15"));
        assert!(!is_before("2027-01-14", "2027-02-30"));
    }
}
