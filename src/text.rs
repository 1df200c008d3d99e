//! Texts in the two interface languages, and the one cleaning of text on its way to a terminal.
use std::borrow::Cow;
use std::io::{self, Write};

use serde::{Deserialize, Serialize};
use unicode_width::UnicodeWidthStr;

/// The language the interface speaks. Dutch is the default: the users are Dutch library staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }
}

/// A text a person reads, in both languages. The bank's lint requires both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub nl: String,
    #[serde(default)]
    pub en: String,
}

impl Text {
    /// The text in `lang`, falling back to Dutch where an English text is missing.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.en.trim().is_empty() => &self.en,
            _ => &self.nl,
        }
    }
}

/// Breaks `text` into lines of at most `width` screen columns, the one wrapping of the plain
/// mode, the exports and the interface. The first line starts with `first`, the others with
/// `rest`, so list items hang. Paragraph breaks in the text are kept; within a paragraph, words
/// are separated by one space, and a word longer than a line stays whole.
///
/// Columns are counted as a terminal (and ratatui) shows the text: a wide character (CJK, most
/// emoji) takes two, a combining mark none. textwrap places the words (greedily, first fit);
/// unicode-width measures them, a word at a time, so that a sequence of characters drawn as one
/// (an emoji with a skin tone, a family joined by zero-width joiners) is measured as drawn.
pub fn wrap_lines(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    use textwrap::wrap_algorithms::wrap_first_fit;
    let columns = |s: &str| s.width() as f64;
    let room = |indent: &str| width as f64 - columns(indent);
    let mut out = Vec::new();
    let mut indent = first;
    for para in text.split('\n') {
        let words: Vec<Word> = para
            .split_whitespace()
            .map(|text| Word {
                text,
                columns: columns(text),
            })
            .collect();
        for line in wrap_first_fit(&words, &[room(indent), room(rest)]) {
            let mut s = String::from(indent);
            for (i, word) in line.iter().enumerate() {
                if i > 0 {
                    s.push(' ');
                }
                s.push_str(word.text);
            }
            out.push(s);
            indent = rest;
        }
    }
    out
}

/// [`wrap_lines`] as one text, the lines joined by newlines.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> String {
    wrap_lines(text, width, first, rest).join("\n")
}

/// A word to place on a line, with the columns it takes; a space follows it.
#[derive(Debug)]
struct Word<'a> {
    text: &'a str,
    columns: f64,
}

impl textwrap::core::Fragment for Word<'_> {
    fn width(&self) -> f64 {
        self.columns
    }
    fn whitespace_width(&self) -> f64 {
        1.0
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Text escaped for HTML: the five characters that could end an element or an attribute.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Keeps a person's own words from being read as Markdown markup, and on one line.
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Whether `c` steers a terminal or hides how a text reads, rather than being shown: the C0
/// controls (tab and newline excepted; a carriage return is judged with what follows it), DEL,
/// the C1 controls, and the bidirectional controls that reorder what is shown.
pub fn steers(c: char) -> bool {
    matches!(c,
        '\0'..='\x08'
        | '\x0b'..='\x1f'
        | '\x7f'..='\u{9f}'
        | '\u{61c}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}')
}

/// Text from a file in a line of a report or table, where a line break would add a line of
/// its own (a fake row, a fake "klopt"): written out as `\n`. What would steer the terminal is
/// left to [`for_terminal`], on the way out.
pub fn one_line(s: &str) -> Cow<'_, str> {
    if s.contains('\n') {
        Cow::Owned(s.replace('\n', "\\n"))
    } else {
        Cow::Borrowed(s)
    }
}

/// Text from a file (a record, an answers file, a bank) as it may reach a terminal or a text
/// file read with `cat`: every character that steers the terminal or hides how the text reads
/// (see [`steers`]) is written out visibly as `\u{1b}`, `\u{9b}`, `\u{202e}`; a carriage
/// return is kept only before a newline (`\r\n` ends a line; alone it overwrites one).
///
/// Visible, not dropped: an accountability record whose text was tampered with must look
/// tampered with, and the escape names the exact character for whoever looks into it. The
/// notation is inert in a terminal, in Markdown, in HTML and in CSV, so it may be applied to a
/// whole rendered document. Text without such characters comes back borrowed, unchanged.
pub fn for_terminal(s: &str) -> Cow<'_, str> {
    if !s.chars().any(steers) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            out.push(c);
        } else if steers(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// JSON text as it may reach a terminal, with the same value: serde_json escapes the C0
/// controls inside strings but writes DEL, the C1 controls and the bidirectional controls
/// raw, so those are escaped here as `\u009b`, `\u202e` (which can only stand inside a string
/// in valid JSON). A lone carriage return can only be whitespace between tokens and becomes a
/// space. Not for a record file itself: its bytes are what the integrity hash covers.
pub fn json_for_terminal(s: &str) -> Cow<'_, str> {
    if !s.chars().any(steers) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => out.push(c),
            '\r' => out.push(' '),
            c if steers(c) => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A writer that passes everything through [`for_terminal`], for a front end that writes in
/// many places (the plain mode): wrapping its output once means no line can be missed. A
/// character split over two writes, and a carriage return that may yet be followed by a
/// newline, wait for the next write; `flush` (and drop) writes them out, a lone `\r` visibly.
pub struct TerminalWriter<W: Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: Write> TerminalWriter<W> {
    pub fn new(inner: W) -> TerminalWriter<W> {
        TerminalWriter {
            inner,
            pending: Vec::new(),
        }
    }

    /// Writes the pending bytes up to `end`, cleaned; invalid UTF-8 shows as U+FFFD.
    fn emit(&mut self, end: usize) -> io::Result<()> {
        if end == 0 {
            return Ok(());
        }
        let text = String::from_utf8_lossy(&self.pending[..end]);
        let clean = for_terminal(&text).into_owned();
        self.pending.drain(..end);
        self.inner.write_all(clean.as_bytes())
    }
}

/// How many bytes of `b` end in whole characters: an unfinished UTF-8 sequence at the end
/// (at most three bytes) is held back for the next write.
fn whole_chars(b: &[u8]) -> usize {
    for back in 1..=b.len().min(3) {
        let at = b.len() - back;
        let byte = b[at];
        if byte & 0xC0 == 0x80 {
            continue;
        }
        let len = match byte {
            0xF0.. => 4,
            0xE0.. => 3,
            0xC0.. => 2,
            _ => 1,
        };
        return if len > back { at } else { b.len() };
    }
    b.len()
}

impl<W: Write> Write for TerminalWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let mut end = whole_chars(&self.pending);
        if end > 0 && self.pending[end - 1] == b'\r' {
            end -= 1;
        }
        self.emit(end)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.emit(self.pending.len())?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for TerminalWriter<W> {
    fn drop(&mut self) {
        // Nothing to report an error to here; a failed write failed on an earlier line too.
        let _ = self.emit(self.pending.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_controls_are_shown_not_obeyed() {
        assert_eq!(for_terminal("gewoon\ttekst\n"), "gewoon\ttekst\n");
        assert!(matches!(for_terminal("Één — “x”"), Cow::Borrowed(_)));
        assert_eq!(
            for_terminal("\x1b]52;c;aGk=\x07 \u{9b}31m \u{202e}x\u{2066} \x7f\x08"),
            "\\u{1b}]52;c;aGk=\\u{7} \\u{9b}31m \\u{202e}x\\u{2066} \\u{7f}\\u{8}"
        );
        assert_eq!(for_terminal("a\r\nb\rc\r"), "a\r\nb\\u{d}c\\u{d}");
        assert_eq!(
            for_terminal("\u{61c}\u{200e}\u{200f}"),
            "\\u{61c}\\u{200e}\\u{200f}"
        );
    }

    #[test]
    fn json_keeps_its_value_on_a_terminal() {
        let v = serde_json::json!({ "a": "x\u{9b}\u{202e}\u{7f}\u{1b}" });
        let raw = serde_json::to_string_pretty(&v).unwrap();
        let clean = json_for_terminal(&raw);
        assert!(clean.contains(r"x\u009b\u202e\u007f\u001b"), "{clean}");
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&clean).unwrap(),
            v
        );
        assert_eq!(json_for_terminal("{\r\"a\":\r\n1}"), "{ \"a\":\r\n1}");
    }

    #[test]
    fn wraps_words_into_lines_that_hang() {
        let text = "Een wat langere zin die over meer dan een regel moet lopen, met een woordheelmaaktnietuitelkaar erin.\nTweede  alinea\t met   ruimte.\n";
        assert_eq!(
            wrap_lines(text, 24, "- ", "  "),
            [
                "- Een wat langere zin",
                "  die over meer dan een",
                "  regel moet lopen, met",
                "  een",
                "  woordheelmaaktnietuitelkaar",
                "  erin.",
                "  Tweede alinea met",
                "  ruimte.",
                "  ",
            ]
        );
        assert_eq!(wrap("", 10, "> ", ""), "> ");
        assert_eq!(wrap("een twee drie", 7, "", ""), "een\ntwee\ndrie");
        assert_eq!(wrap("een twee drie", 8, "", ""), "een twee\ndrie");
        // An indent as wide as the line leaves a word a line.
        assert_eq!(wrap_lines("a b", 2, "--", "--"), ["--a", "--b"]);
    }

    /// Columns, not characters: wide characters take two, combining marks none, and an emoji
    /// sequence drawn as one is measured as one.
    #[test]
    fn wraps_by_screen_columns() {
        // Four ideographs of two columns each: 9 columns for two words, 14 for three.
        assert_eq!(
            wrap_lines("漢字 漢字 漢字 漢字", 10, "", ""),
            ["漢字 漢字", "漢字 漢字"]
        );
        // Full-width letters and hangul.
        assert_eq!(
            wrap_lines("ｆｕｌｌ width 한국어 텍스트", 12, "", ""),
            ["ｆｕｌｌ", "width 한국어", "텍스트"]
        );
        // "e" with a combining accent takes one column: six columns, one line.
        assert_eq!(
            wrap_lines("e\u{301}e\u{301}e\u{301}e\u{301} x", 6, "", ""),
            ["e\u{301}e\u{301}e\u{301}e\u{301} x"]
        );
        // Six columns but eight characters: counting characters would break after "Ééé".
        assert_eq!(
            wrap_lines("Ééé e\u{301}e\u{301} ñ", 7, "", ""),
            ["Ééé e\u{301}e\u{301}", "ñ"]
        );
        // Emoji: two columns each, with a skin tone or joined into a family too.
        assert_eq!(wrap_lines("👍 👍 👍", 5, "", ""), ["👍 👍", "👍"]);
        assert_eq!(
            wrap_lines("👍🏽 👨\u{200d}👩\u{200d}👧 ok", 5, "", ""),
            ["👍🏽 👨\u{200d}👩\u{200d}👧", "ok"]
        );
        // A hanging indent of wide characters counts double as well.
        assert_eq!(wrap_lines("a b c", 4, "漢", "漢"), ["漢a", "漢b", "漢c"]);
    }

    /// Every line fits in the width as ratatui measures what it draws, unless it is one word
    /// (with its indent) that does not fit on any line.
    #[test]
    fn every_wrapped_line_fits_as_drawn() {
        let text = "Één geëxporteerd verslag — “citaat” 漢字かな交じり文 ｆｕｌｌ 👍🏽 ⚠\u{fe0f} 👨\u{200d}👩\u{200d}👧 e\u{301}e\u{301} n\u{303} 한국어 \u{1F1F3}\u{1F1F1} ok ▶ (•) [x] ███▓▓░░";
        for width in 1..40 {
            for (first, rest) in [("", ""), ("- ", "  "), ("▶ ( ) ", "      "), ("漢 ", "  ")] {
                for (i, line) in wrap_lines(text, width, first, rest).iter().enumerate() {
                    let indent = if i == 0 { first } else { rest };
                    let body = line.strip_prefix(indent).expect("the indent");
                    let drawn = ratatui::text::Line::from(line.as_str()).width();
                    assert!(
                        drawn <= width || !body.contains(' '),
                        "{line:?} at {width}: {drawn} columns"
                    );
                }
            }
        }
    }

    #[test]
    fn the_writer_cleans_across_split_writes() {
        let mut out = Vec::new();
        {
            let mut w = TerminalWriter::new(&mut out);
            let bytes = "a\x1b[2J é\r\nb\rc\u{202e}".as_bytes();
            // One byte at a time: escapes, characters and "\r\n" all cut in half.
            for b in bytes {
                w.write_all(std::slice::from_ref(b)).unwrap();
            }
            w.write_all(b"\r").unwrap();
            w.flush().unwrap();
        }
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a\\u{1b}[2J é\r\nb\\u{d}c\\u{202e}\\u{d}"
        );
    }
}
