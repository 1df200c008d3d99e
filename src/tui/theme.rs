//! Styles. Meaning is always also in words or symbols, so `NO_COLOR` (no colours at all) loses
//! nothing. The default theme uses the terminal's own foreground and background; emphasis is
//! bold and reverse video, which read well on dark and light terminals. Its only colours are
//! the verdict badge, the error line and a document's gaps, each a self-contained foreground on
//! background pair.
//!
//! The high-contrast theme (`--theme contrast`, F2) is for a projector: black on bright white
//! everywhere (a terminal's own foreground is often a light grey, and a dark background washes
//! out on a projector in a lit room), bold for emphasis, reverse video for what is chosen and
//! for the verdict, never a colour besides black and white.
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    /// The high-contrast theme.
    pub contrast: bool,
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
    /// The default theme, in colour or not.
    pub const fn with_color(color: bool) -> Theme {
        Theme {
            color,
            contrast: false,
        }
    }

    /// The default theme; colour unless `NO_COLOR` is set to anything non-empty
    /// (no-color.org).
    pub fn from_env() -> Theme {
        Theme::with_color(std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()))
    }

    /// The high-contrast theme (`true`) or the default one, with `NO_COLOR` respected.
    pub fn chosen(contrast: bool) -> Theme {
        Theme {
            contrast,
            ..Theme::from_env()
        }
    }

    /// The other theme (F2).
    pub fn switched(self) -> Theme {
        Theme {
            contrast: !self.contrast,
            ..self
        }
    }

    /// Black on bright white in the high-contrast theme with colour; otherwise the terminal's
    /// own. Every other style starts from it, and the whole screen is filled with it first.
    fn base(self) -> Style {
        if self.contrast && self.color {
            Style::default().fg(Color::Black).bg(Color::White)
        } else {
            Style::default()
        }
    }

    pub fn plain(self) -> Style {
        self.base()
    }

    pub fn bold(self) -> Style {
        self.base().add_modifier(Modifier::BOLD)
    }

    pub fn header(self) -> Style {
        self.base()
            .add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// The row under the cursor; bold too in the high-contrast theme, where thin reversed
    /// text is hard to read from the back of a room.
    pub fn selected(self) -> Style {
        let style = self.base().add_modifier(Modifier::REVERSED);
        match self.contrast {
            true => style.add_modifier(Modifier::BOLD),
            false => style,
        }
    }

    /// The frame of the panel that has the keys.
    pub fn focus_border(self) -> Style {
        self.base().add_modifier(Modifier::BOLD)
    }

    pub fn key(self) -> Style {
        self.base()
            .add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }

    pub fn error(self) -> Style {
        if self.color && !self.contrast {
            Style::default()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD)
        } else {
            self.base()
                .add_modifier(Modifier::BOLD | Modifier::REVERSED)
        }
    }

    /// What a document still lacks: its marker says so in words too ("[ontbreekt: …]").
    pub fn missing(self) -> Style {
        let base = self.base().add_modifier(Modifier::BOLD);
        match self.color && !self.contrast {
            true => base.fg(Color::Black).bg(Color::Yellow),
            false => base.add_modifier(Modifier::UNDERLINED),
        }
    }

    pub fn warning(self) -> Style {
        self.base().add_modifier(Modifier::BOLD)
    }

    pub fn verdict(self, s: Severity) -> Style {
        let base = self.base().add_modifier(Modifier::BOLD);
        if !self.color || self.contrast {
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
