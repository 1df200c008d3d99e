//! A one-line text field with the personal-data guard's warning kept up to date.
use crate::guard;
use crate::text::Lang;

/// A one-line text field: the text, the cursor (in characters) and the personal-data guard's
/// warning for what is typed, kept up to date on every edit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextField {
    pub text: String,
    pub cursor: usize,
    pub warning: Option<String>,
}

impl TextField {
    /// The field as it is shown when what is typed must not be seen (a passphrase): a dot per
    /// character, the cursor where it is.
    pub fn masked(&self) -> TextField {
        TextField {
            text: "•".repeat(self.text.chars().count()),
            cursor: self.cursor,
            warning: None,
        }
    }

    pub fn with_text(text: &str, lang: Lang) -> TextField {
        let mut f = TextField {
            text: text.to_string(),
            cursor: text.chars().count(),
            warning: None,
        };
        f.check(lang);
        f
    }

    fn byte_at(&self, char_index: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_index)
            .map_or(self.text.len(), |(i, _)| i)
    }

    pub fn insert(&mut self, c: char, lang: Lang) {
        if c.is_control() || self.text.chars().count() >= crate::engine::MAX_TEXT {
            return;
        }
        let at = self.byte_at(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
        self.check(lang);
    }

    /// Pasted text at the cursor, as if typed character by character, but checked once at
    /// the end: checking after every character made pasting 10,000 characters take seconds.
    pub fn insert_str(&mut self, text: &str, lang: Lang) {
        self.insert_filtered(text, false, lang);
    }

    /// [`TextField::insert_str`] keeping the line breaks, for a field that holds several lines
    /// (a Windows line end becomes a plain one).
    pub fn insert_lines(&mut self, text: &str, lang: Lang) {
        self.insert_filtered(&text.replace("\r\n", "\n"), true, lang);
    }

    /// A line break at the cursor, for a field that holds several lines.
    pub fn insert_break(&mut self, lang: Lang) {
        self.insert_filtered("\n", true, lang);
    }

    fn insert_filtered(&mut self, text: &str, lines: bool, lang: Lang) {
        let room = crate::engine::MAX_TEXT.saturating_sub(self.text.chars().count());
        let added: String = text
            .chars()
            .filter(|&c| !c.is_control() || (lines && c == '\n'))
            .take(room)
            .collect();
        if added.is_empty() {
            return;
        }
        let at = self.byte_at(self.cursor);
        self.text.insert_str(at, &added);
        self.cursor += added.chars().count();
        self.check(lang);
    }

    /// Backspace: removes the character before the cursor.
    pub fn erase(&mut self, lang: Lang) {
        if self.cursor == 0 {
            return;
        }
        self.cursor -= 1;
        let at = self.byte_at(self.cursor);
        self.text.remove(at);
        self.check(lang);
    }

    /// Delete: removes the character under the cursor.
    pub fn erase_forward(&mut self, lang: Lang) {
        if self.cursor < self.text.chars().count() {
            self.cursor += 1;
            self.erase(lang);
        }
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.chars().count();
    }

    pub fn set(&mut self, text: &str, lang: Lang) {
        *self = TextField::with_text(text, lang);
    }

    fn check(&mut self, lang: Lang) {
        self.warning = guard::warning(&self.text, lang);
    }
}

/// One screen row of a text area of several lines: the characters `start..end` of its text.
/// A row cut off by wrapping ends where the next begins; a row that ends a line ends before
/// its line break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub start: usize,
    pub end: usize,
    /// Whether the row ends its line (at a line break or the text's end), not cut off.
    pub ends_line: bool,
}

/// The rows `text` takes in an area `width` characters wide: each line cut after its last
/// space that fits, or at the width when a word is longer. Never empty: an empty text is one
/// empty row.
pub fn rows(text: &str, width: usize) -> Vec<Row> {
    let width = width.max(1);
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        let chars: Vec<char> = line.chars().collect();
        let mut start = 0;
        while chars.len() - start > width {
            // Cut after the last space that fits, keeping the space on this row (a space just
            // past the width still goes with it: it shows as nothing, in the column the area
            // keeps to spare).
            let cut = chars[start..=start + width]
                .iter()
                .rposition(|c| *c == ' ')
                .filter(|&i| i > 0)
                .map_or(start + width, |i| start + i + 1);
            out.push(Row {
                start: at + start,
                end: at + cut,
                ends_line: false,
            });
            start = cut;
        }
        out.push(Row {
            start: at + start,
            end: at + chars.len(),
            ends_line: true,
        });
        at += chars.len() + 1;
    }
    out
}

/// The row the cursor `cursor` is on, in `rows`: the last that starts at or before it (the
/// cursor at the cut of a wrapped row stands at the start of the next).
pub fn cursor_row(rows: &[Row], cursor: usize) -> usize {
    rows.iter().rposition(|r| r.start <= cursor).unwrap_or(0)
}

impl TextField {
    /// Up one row of a text area `width` wide, to the same column or the row's end.
    pub fn up(&mut self, width: usize) {
        self.by_rows(width, -1);
    }

    /// Down one row of a text area `width` wide, to the same column or the row's end.
    pub fn down(&mut self, width: usize) {
        self.by_rows(width, 1);
    }

    fn by_rows(&mut self, width: usize, by: isize) {
        let rows = rows(&self.text, width);
        let here = cursor_row(&rows, self.cursor);
        let Some(to) = here.checked_add_signed(by).and_then(|i| rows.get(i)) else {
            // Past the first or last row: to the text's start or end, as an editor does.
            match by < 0 {
                true => self.home(),
                false => self.end(),
            }
            return;
        };
        let column = self.cursor - rows[here].start;
        // The end of a cut row is the start of the next: stop one short of it.
        let last = match to.ends_line {
            true => to.end,
            false => to.end.saturating_sub(1).max(to.start),
        };
        self.cursor = (to.start + column).min(last);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_wrap_at_spaces_and_keep_lines() {
        let r = rows("een twee drie\nvier", 8);
        let spans: Vec<(usize, usize, bool)> =
            r.iter().map(|r| (r.start, r.end, r.ends_line)).collect();
        // "een twee" fits the 8 columns; the space after it goes with it.
        assert_eq!(spans, vec![(0, 9, false), (9, 13, true), (14, 18, true)]);
        // A word longer than the width is cut at the width.
        let r = rows("abcdefghij", 4);
        assert_eq!(r.len(), 3);
        assert_eq!((r[2].start, r[2].end), (8, 10));
        assert_eq!(rows("", 10).len(), 1);
    }

    #[test]
    fn up_and_down_keep_the_column() {
        let mut f = TextField::with_text("abcdef\nab\nabcdef", Lang::Nl);
        f.cursor = 4;
        f.down(20);
        assert_eq!(f.cursor, 9, "to the end of the short line");
        f.down(20);
        assert_eq!(f.cursor, 12);
        f.down(20);
        assert_eq!(f.cursor, 16, "past the last row: the end");
        f.up(20);
        f.up(20);
        assert_eq!(f.cursor, 2);
        f.up(20);
        assert_eq!(f.cursor, 0, "past the first row: the start");
    }
}
