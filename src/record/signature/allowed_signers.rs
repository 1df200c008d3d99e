//! The allowed_signers file as ssh-keygen(1) reads it (section ALLOWED SIGNERS):
//! `principals [options] keytype base64-key [comment]`, one signer a line.
//!
//! The rules follow OpenSSH's own parser (sshsig.c, sshsig_parse_options) so that a file this
//! module accepts is read the same way by `ssh-keygen -Y verify`: option names are
//! case-insensitive, option values must be in double quotes, a time without `Z` is local time.
//! Where OpenSSH skips a line it cannot read, this module refuses the file instead, naming the
//! line: an FG who mistypes their own line should hear so, not get "not allowed".
use ssh_key::PublicKey;
use ssh_key::public::KeyData;

/// One signer line, read.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    /// 1-based line number in the file.
    pub line: usize,
    pub principals: String,
    pub cert_authority: bool,
    /// The `namespaces` pattern list, if the line restricts them.
    pub namespaces: Option<String>,
    /// Unix seconds; the line applies from this moment on.
    pub valid_after: Option<i64>,
    /// Unix seconds; the line applies up to and including this moment.
    pub valid_before: Option<i64>,
    pub key: KeyData,
}

/// What is wrong with a line of the allowed_signers file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineProblem {
    /// Only the principals, or nothing readable as a key after them.
    MissingKey,
    /// A key type and key that do not make a public key.
    BadKey,
    /// A double quote that is never closed.
    UnclosedQuote,
    /// An option ssh-keygen does not know (the text as written).
    UnknownOption(String),
    /// The same option twice.
    DuplicateOption(&'static str),
    /// `valid-after=20250101` instead of `valid-after="20250101"`: ssh-keygen refuses it too.
    UnquotedValue(&'static str),
    /// A time that is not YYYYMMDD[Z] or YYYYMMDDHHMM[SS][Z] (or lies before 1970).
    BadTime(&'static str),
    /// `valid-before` is not later than `valid-after`.
    EmptyWindow,
    /// A comma with no option after it.
    EmptyOption,
}

/// Reads every signer line. Blank lines and `#` comments are skipped; any other line that does
/// not parse stops the reading with its line number. `utc_offset` (seconds east of UTC) turns a
/// local time in `valid-after`/`valid-before` into a moment.
pub(super) fn parse(text: &str, utc_offset: i32) -> Result<Vec<Entry>, (usize, LineProblem)> {
    let mut entries = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let content = raw.trim_start_matches(is_space);
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        entries.push(parse_line(line, content, utc_offset).map_err(|p| (line, p))?);
    }
    Ok(entries)
}

/// OpenSSH's WHITESPACE set; `\r` covers files saved with Windows line ends.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

fn parse_line(line: usize, content: &str, utc_offset: i32) -> Result<Entry, LineProblem> {
    let (principals, rest) = principals_field(content)?;
    if rest.is_empty() {
        return Err(LineProblem::MissingKey);
    }
    // As OpenSSH: first try the rest as a key; only if that fails is the next word the options.
    let (options, key) = match read_key(rest) {
        Some(key) => (None, key),
        None => {
            let (options, after) = options_field(rest)?;
            if after.is_empty() {
                return Err(LineProblem::MissingKey);
            }
            (Some(options), read_key(after).ok_or(LineProblem::BadKey)?)
        }
    };
    let options = match options {
        Some(text) => parse_options(text, utc_offset)?,
        None => Options::default(),
    };
    Ok(Entry {
        line,
        principals,
        cert_authority: options.cert_authority,
        namespaces: options.namespaces,
        valid_after: options.valid_after,
        valid_before: options.valid_before,
        key,
    })
}

/// The first field, which may be (partly) in double quotes, and the rest after its whitespace.
fn principals_field(s: &str) -> Result<(String, &str), LineProblem> {
    let end = s.find(|c: char| is_space(c) || c == '"').unwrap_or(s.len());
    let mut field = s[..end].to_string();
    let mut rest = &s[end..];
    if let Some(quoted) = rest.strip_prefix('"') {
        let close = quoted.find('"').ok_or(LineProblem::UnclosedQuote)?;
        field.push_str(&quoted[..close]);
        rest = &quoted[close + 1..];
    }
    Ok((field, rest.trim_start_matches(is_space)))
}

/// The options word: up to the first space or tab outside double quotes.
fn options_field(s: &str) -> Result<(&str, &str), LineProblem> {
    let mut quoted = false;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if quoted && chars.peek().is_some_and(|&(_, n)| n == '"') => {
                chars.next();
            }
            '"' => quoted = !quoted,
            ' ' | '\t' if !quoted => {
                return Ok((&s[..i], s[i..].trim_start_matches(is_space)));
            }
            _ => {}
        }
    }
    if quoted {
        return Err(LineProblem::UnclosedQuote);
    }
    Ok((s, ""))
}

/// `keytype base64 [comment]` as a key, if it is one.
fn read_key(s: &str) -> Option<KeyData> {
    let mut words = s.split(is_space).filter(|w| !w.is_empty());
    let (kind, base64) = (words.next()?, words.next()?);
    PublicKey::from_openssh(&format!("{kind} {base64}"))
        .ok()
        .map(|key| key.key_data().clone())
}

#[derive(Default)]
struct Options {
    cert_authority: bool,
    namespaces: Option<String>,
    valid_after: Option<i64>,
    valid_before: Option<i64>,
}

/// The options word, read as OpenSSH's sshsig_parse_options does.
fn parse_options(mut s: &str, utc_offset: i32) -> Result<Options, LineProblem> {
    let mut options = Options::default();
    loop {
        if let Some(rest) = strip_prefix_ci(s, "cert-authority") {
            options.cert_authority = true;
            s = rest;
        } else if let Some(rest) = strip_prefix_ci(s, "namespaces=") {
            let (value, rest) = dequote(rest, "namespaces")?;
            set_once(&mut options.namespaces, value, "namespaces")?;
            s = rest;
        } else if let Some(rest) = strip_prefix_ci(s, "valid-after=") {
            let (value, rest) = dequote(rest, "valid-after")?;
            let time = parse_time(&value, utc_offset).ok_or(LineProblem::BadTime("valid-after"))?;
            set_once(&mut options.valid_after, time, "valid-after")?;
            s = rest;
        } else if let Some(rest) = strip_prefix_ci(s, "valid-before=") {
            let (value, rest) = dequote(rest, "valid-before")?;
            let time =
                parse_time(&value, utc_offset).ok_or(LineProblem::BadTime("valid-before"))?;
            set_once(&mut options.valid_before, time, "valid-before")?;
            s = rest;
        } else {
            let name = s.split(',').next().unwrap_or_default();
            return Err(if name.is_empty() {
                LineProblem::EmptyOption
            } else {
                LineProblem::UnknownOption(name.to_string())
            });
        }
        if s.is_empty() {
            break;
        }
        // Anything but a comma glued to an option ("cert-authorityx") is an unknown option.
        s = match s.strip_prefix(',') {
            Some("") => return Err(LineProblem::EmptyOption),
            Some(rest) => rest,
            None => return Err(LineProblem::UnknownOption(s.to_string())),
        };
    }
    if let (Some(after), Some(before)) = (options.valid_after, options.valid_before)
        && before <= after
    {
        return Err(LineProblem::EmptyWindow);
    }
    Ok(options)
}

fn set_once<T>(slot: &mut Option<T>, value: T, name: &'static str) -> Result<(), LineProblem> {
    if slot.is_some() {
        return Err(LineProblem::DuplicateOption(name));
    }
    *slot = Some(value);
    Ok(())
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// A double-quoted value with `\"` for a quote inside, and what follows it.
fn dequote<'a>(s: &'a str, name: &'static str) -> Result<(String, &'a str), LineProblem> {
    let body = s
        .strip_prefix('"')
        .ok_or(LineProblem::UnquotedValue(name))?;
    let mut value = String::new();
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if chars.peek().is_some_and(|&(_, n)| n == '"') => {
                value.push('"');
                chars.next();
            }
            '"' => return Ok((value, &body[i + 1..])),
            _ => value.push(c),
        }
    }
    Err(LineProblem::UnclosedQuote)
}

/// `YYYYMMDD[Z]` or `YYYYMMDDHHMM[SS][Z]` (also `UTC` for `Z`, any case) as Unix seconds; a time
/// without a zone is local, `utc_offset` seconds ahead of UTC. As OpenSSH, nothing before 1970.
fn parse_time(s: &str, utc_offset: i32) -> Option<i64> {
    let (digits, utc) = if let Some(d) = strip_suffix_ci(s, "Z") {
        (d, true)
    } else if let Some(d) = strip_suffix_ci(s, "UTC") {
        (d, true)
    } else {
        (s, false)
    };
    if !matches!(digits.len(), 8 | 12 | 14) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // All ASCII digits, so every slice below is on a char boundary and parses.
    let num = |from: usize, len: usize| -> i64 {
        digits
            .get(from..from + len)
            .and_then(|d| d.parse().ok())
            .unwrap_or(0)
    };
    let (year, month, day) = (num(0, 4), num(4, 2), num(6, 2));
    let (hour, minute, second) = if digits.len() >= 12 {
        (
            num(8, 2),
            num(10, 2),
            if digits.len() == 14 { num(12, 2) } else { 0 },
        )
    } else {
        (0, 0, 0)
    };
    if !(1..=12).contains(&month)
        || !(1..=days_in_month(year, month)).contains(&day)
        || hour > 23
        || minute > 59
        || second > 59
    {
        return None;
    }
    let wall = days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second;
    let moment = if utc {
        wall
    } else {
        wall - i64::from(utc_offset)
    };
    // OpenSSH reads 0 as "no limit" and refuses negative times; so do we.
    (moment > 0).then_some(moment)
}

fn strip_suffix_ci<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(suffix.len()).filter(|&c| c > 0)?;
    let tail = s.get(cut..)?;
    tail.eq_ignore_ascii_case(suffix).then(|| &s[..cut])
}

fn days_in_month(year: i64, month: i64) -> i64 {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), the
/// inverse of the calendar arithmetic in `record::time`.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// OpenSSH's match_pattern_list (case-sensitive): true if some pattern matches and no negated
/// (`!`) pattern does.
pub(super) fn matches_pattern_list(subject: &str, list: &str) -> bool {
    let mut positive = false;
    for pattern in list.split(',') {
        let (negated, pattern) = match pattern.strip_prefix('!') {
            Some(p) => (true, p),
            None => (false, pattern),
        };
        if matches_pattern(subject.as_bytes(), pattern.as_bytes()) {
            if negated {
                return false;
            }
            positive = true;
        }
    }
    positive
}

/// `*` matches any run of bytes, `?` one byte. Iterative with one backtrack point, so a hostile
/// pattern of many stars costs time linear in its length per subject byte, never a deep stack.
fn matches_pattern(subject: &[u8], pattern: &[u8]) -> bool {
    let (mut s, mut p) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while s < subject.len() {
        match pattern.get(p) {
            Some(b'*') => {
                star = Some((p, s));
                p += 1;
            }
            Some(&c) if c == b'?' || c == subject[s] => {
                s += 1;
                p += 1;
            }
            _ => match star {
                Some((star_p, star_s)) => {
                    p = star_p + 1;
                    s = star_s + 1;
                    star = Some((star_p, star_s + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|&c| c == b'*')
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILD/F43jijlA6m1j3nuFmVFDF4ft2OwBUKPEALDGCruy";

    fn one(line: &str) -> Result<Entry, LineProblem> {
        parse(line, 0)
            .map(|mut entries| entries.remove(0))
            .map_err(|(_, p)| p)
    }

    #[test]
    fn patterns_follow_openssh() {
        assert!(matches_pattern_list("avg-wijzer", "avg-wijzer"));
        assert!(matches_pattern_list("avg-wijzer", "git,avg-*"));
        assert!(matches_pattern_list("avg-wijzer", "avg-wijze?"));
        assert!(matches_pattern_list("avg-wijzer", "*"));
        assert!(!matches_pattern_list("avg-wijzer", "git,file"));
        assert!(!matches_pattern_list("avg-wijzer", "!avg-wijzer,*"));
        assert!(!matches_pattern_list("avg-wijzer", "!git"));
        assert!(!matches_pattern_list("avg-wijzer", "AVG-WIJZER"));
        assert!(!matches_pattern_list("avg-wijzer", "avg-wijzer?"));
        assert!(matches_pattern_list("avg-wijzer", "*a*i*r"));
        assert!(!matches_pattern_list("avg-wijzer", &"*a".repeat(5_000)));
    }

    #[test]
    fn reads_a_plain_line_with_comment_and_tabs() {
        let entry = one(&format!("  fg@bieb.nl\t{KEY}\tFG van de bieb")).unwrap();
        assert_eq!(entry.principals, "fg@bieb.nl");
        assert!(!entry.cert_authority);
        assert_eq!(entry.namespaces, None);
        assert_eq!(entry.key.algorithm(), ssh_key::Algorithm::Ed25519);
    }

    #[test]
    fn reads_quoted_principals_and_options() {
        let entry = one(&format!(
            "\"fg@bieb.nl,a@b\" NameSpaces=\"avg-wijzer,git\",valid-after=\"20250101\",VALID-BEFORE=\"203001011200Z\" {KEY}"
        ))
        .unwrap();
        assert_eq!(entry.principals, "fg@bieb.nl,a@b");
        assert_eq!(entry.namespaces.as_deref(), Some("avg-wijzer,git"));
        assert_eq!(entry.valid_after, Some(1_735_689_600));
        assert_eq!(entry.valid_before, Some(1_893_499_200));
    }

    #[test]
    fn local_times_use_the_offset() {
        let line = format!("fg@bieb.nl valid-after=\"20250101\" {KEY}");
        let entries = parse(&line, 3600).unwrap();
        assert_eq!(entries[0].valid_after, Some(1_735_689_600 - 3600));
    }

    #[test]
    fn skips_blank_lines_and_comments_and_counts_lines() {
        let text = format!("# FG\n\n   \n  # ook commentaar\r\nfg@bieb.nl {KEY}\r\nkapot\n");
        assert_eq!(parse(&text, 0).unwrap_err(), (6, LineProblem::MissingKey));
        let entries = parse(&format!("# FG\n\nfg@bieb.nl {KEY}\n"), 0).unwrap();
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].line, 3);
    }

    #[test]
    fn names_each_problem() {
        let cases = [
            ("fg@bieb.nl".to_string(), LineProblem::MissingKey),
            (
                "fg@bieb.nl ssh-ed25519 AAAAnietbase64!".into(),
                LineProblem::BadKey,
            ),
            ("fg@bieb.nl cert-authority".into(), LineProblem::MissingKey),
            (format!("\"fg@bieb.nl {KEY}"), LineProblem::UnclosedQuote),
            (
                format!("fg@bieb.nl namespaces=\"avg {KEY}"),
                LineProblem::UnclosedQuote,
            ),
            (
                format!("fg@bieb.nl foo {KEY}"),
                LineProblem::UnknownOption("foo".into()),
            ),
            (
                format!("fg@bieb.nl cert-authorityx {KEY}"),
                LineProblem::UnknownOption("x".into()),
            ),
            (
                format!("fg@bieb.nl namespaces=\"a\",namespaces=\"b\" {KEY}"),
                LineProblem::DuplicateOption("namespaces"),
            ),
            (
                format!("fg@bieb.nl valid-before=20300101 {KEY}"),
                LineProblem::UnquotedValue("valid-before"),
            ),
            (
                format!("fg@bieb.nl valid-after=\"20250230\" {KEY}"),
                LineProblem::BadTime("valid-after"),
            ),
            (
                format!("fg@bieb.nl valid-after=\"2025010\" {KEY}"),
                LineProblem::BadTime("valid-after"),
            ),
            (
                format!("fg@bieb.nl valid-after=\"19600101Z\" {KEY}"),
                LineProblem::BadTime("valid-after"),
            ),
            (
                format!("fg@bieb.nl valid-after=\"20300101\",valid-before=\"20250101\" {KEY}"),
                LineProblem::EmptyWindow,
            ),
            (
                format!("fg@bieb.nl cert-authority, {KEY}"),
                LineProblem::EmptyOption,
            ),
        ];
        for (line, problem) in cases {
            assert_eq!(one(&line).unwrap_err(), problem, "{line}");
        }
    }

    #[test]
    fn times_in_every_form() {
        assert_eq!(parse_time("20250101Z", 0), Some(1_735_689_600));
        assert_eq!(parse_time("20250101utc", 0), Some(1_735_689_600));
        assert_eq!(parse_time("202501011230Z", 0), Some(1_735_734_600));
        assert_eq!(parse_time("20250101123015", 0), Some(1_735_734_615));
        assert_eq!(parse_time("20240229", 0), Some(1_709_164_800));
        assert_eq!(parse_time("20250229", 0), None);
        assert_eq!(parse_time("202501011260", 0), None);
        assert_eq!(parse_time("Z", 0), None);
        assert_eq!(parse_time("２０２５0101", 0), None);
        assert_eq!(parse_time("", 0), None);
    }
}
