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
