//! Styles. Meaning is always also in words or symbols, so `NO_COLOR` (no colours at all) loses
//! nothing. Text uses the terminal's own foreground and background; emphasis is bold and
//! reverse video, which read well on dark and light terminals and on a projector. The only
//! colours are the verdict badge, the error line and a document's gaps, each a self-contained
//! foreground on background pair.
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

/// How serious a verdict is, from the position of its value in the bank (weakest first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Good,
    Caution,
    Bad,
    Unknown,
}

impl Severity {
    /// The symbol shown with the verdict, so its meaning never rests on colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Severity::Good => "✔",
            Severity::Caution => "!",
            Severity::Bad => "✖",
            Severity::Unknown => "?",
        }
    }
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to anything non-empty (no-color.org).
    pub fn from_env() -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    pub fn plain(self) -> Style {
        Style::default()
    }

    pub fn bold(self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    pub fn header(self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// The row under the cursor.
    pub fn selected(self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    /// The frame of the panel that has the keys.
    pub fn focus_border(self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    pub fn key(self) -> Style {
        Style::default().add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }

    pub fn error(self) -> Style {
        if self.color {
            Style::default()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::default().add_modifier(Modifier::BOLD | Modifier::REVERSED)
        }
    }

    /// What a document still lacks: its marker says so in words too ("[ontbreekt: …]").
    pub fn missing(self) -> Style {
        let base = Style::default().add_modifier(Modifier::BOLD);
        match self.color {
            true => base.fg(Color::Black).bg(Color::Yellow),
            false => base.add_modifier(Modifier::UNDERLINED),
        }
    }

    pub fn warning(self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    pub fn verdict(self, s: Severity) -> Style {
        let base = Style::default().add_modifier(Modifier::BOLD);
        if !self.color {
            return base.add_modifier(Modifier::REVERSED);
        }
        match s {
            Severity::Good => base.fg(Color::Black).bg(Color::Green),
            Severity::Caution => base.fg(Color::Black).bg(Color::Yellow),
            Severity::Bad => base.fg(Color::White).bg(Color::Red),
            Severity::Unknown => base.add_modifier(Modifier::REVERSED),
        }
    }
}
