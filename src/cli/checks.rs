//! Reading the command line in the language it asks for: clap checks a value (`export
//! --mode`, `lint --stale`) before the language is known, so `--lang` is found first, by a
//! pass that checks nothing else, and then the checks are made in that language.
use std::ffi::OsString;

use clap::{CommandFactory, FromArgMatches};

use super::Args;
use crate::locale::commands;
use crate::text::Lang;

impl Args {
    /// The arguments of this run, from the command line; on a mistake clap says what is
    /// wrong (or shows the help) and ends the process, as [`clap::Parser::parse`] does.
    pub fn from_command_line() -> Args {
        Args::try_from_in_language(std::env::args_os()).unwrap_or_else(|e| e.exit())
    }

    /// The arguments `argv` (the program's name first), with a value that does not pass its
    /// check (`export --mode`, `lint --stale`) explained in the language `--lang` asks for.
    /// clap checks a value before the language is known, so the language is found first, by
    /// a pass that checks nothing else; then the checks are made in it.
    pub fn try_from_in_language<I, T>(argv: I) -> Result<Args, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString> + Clone,
    {
        let argv: Vec<OsString> = argv.into_iter().map(Into::into).collect();
        let mut cmd = checked(lang_of(&argv));
        let matches = cmd.try_get_matches_from_mut(&argv)?;
        Args::from_arg_matches(&matches).map_err(|e| e.format(&mut cmd))
    }
}

/// The command line with the values that have a check of their own (see [`checked`]) taken
/// as they come, and everything else as it is.
fn unchecked() -> clap::Command {
    let text = || clap::value_parser!(String);
    Args::command()
        .mut_subcommand("export", |c| c.mut_arg("mode", |a| a.value_parser(text())))
        .mut_subcommand("lint", |c| c.mut_arg("stale", |a| a.value_parser(text())))
}

/// The command line, its own checks of values explaining in `lang`. Only the checks change:
/// the help is the same in every language.
fn checked(lang: Lang) -> clap::Command {
    unchecked()
        .mut_subcommand("export", |c| {
            c.mut_arg("mode", |a| {
                a.value_parser(move |s: &str| parse_mode(s, lang))
            })
        })
        .mut_subcommand("lint", |c| {
            c.mut_arg("stale", |a| {
                a.value_parser(move |s: &str| parse_months(s, lang))
            })
        })
}

/// The language `--lang` asks for in `argv`, read as clap reads it (also after the
/// subcommand, or as `--lang=en`; not after `--`), past a missing argument. Dutch when it asks
/// for none or for one there is not, or when a mistake clap says itself (in its own English)
/// comes first and stops the reading.
fn lang_of(argv: &[OsString]) -> Lang {
    // `--lang` has no short form, no variable and no abbreviation: without the word itself
    // nothing asks for a language, and the pass (a second build of the whole command line:
    // 0.14 of the 1.24 ms `avg-wijzer --version` took, `perf stat -r 300`) is not needed.
    let asks = |a: &OsString| {
        let a = a.as_encoded_bytes();
        a == b"--lang" || a.starts_with(b"--lang=")
    };
    if !argv.iter().skip(1).any(asks) {
        return Lang::default();
    }
    unchecked()
        .ignore_errors(true)
        .try_get_matches_from(argv)
        .ok()
        .and_then(|m| m.try_get_one::<Lang>("lang").ok().flatten().copied())
        .unwrap_or_default()
}

/// File permissions as octal digits ("600", "0640"), at most 777.
pub(super) fn parse_mode(s: &str, lang: Lang) -> Result<u32, String> {
    u32::from_str_radix(s.trim(), 8)
        .ok()
        .filter(|m| *m <= 0o777)
        .ok_or_else(|| commands::not_a_mode(s, lang))
}

/// A number of months, for `lint --stale`.
pub(super) fn parse_months(s: &str, lang: Lang) -> Result<u32, String> {
    s.trim().parse().map_err(|_| commands::not_months(s, lang))
}
