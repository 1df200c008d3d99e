//! The one key table. Every key the interface knows is here; the key legend on each screen and
//! the help overlay are built from this table (with its words from `locale::keys`), so keys,
//! legend and help never drift apart.
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::locale::keys::said;
use crate::text::Lang;

pub use super::action::Action;
use super::message::Message;

/// Which keys apply: moving through lists, typing in a text field, writing in a text area of
/// several lines (a note: Enter is a new line there), or answering a yes/no question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ctx {
    Nav,
    Typing,
    Lines,
    Dialog,
}

#[derive(Debug, Clone, Copy)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn k(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn c(ch: char) -> Key {
    k(KeyCode::Char(ch))
}

const fn ctrl(ch: char) -> Key {
    Key {
        code: KeyCode::Char(ch),
        mods: KeyModifiers::CONTROL,
    }
}

pub struct Binding {
    pub ctx: Ctx,
    pub keys: &'static [Key],
    pub action: Action,
}

const fn b(ctx: Ctx, keys: &'static [Key], action: Action) -> Binding {
    Binding { ctx, keys, action }
}

use Action as A;
use Ctx::{Dialog, Lines, Nav, Typing};

/// The key table: context, keys, action. Their words are in `locale::keys`.
#[rustfmt::skip]
pub const KEYS: &[Binding] = &[
    b(Nav, &[k(KeyCode::Up), c('k')], A::Up),
    b(Nav, &[k(KeyCode::Down), c('j')], A::Down),
    b(Nav, &[k(KeyCode::Left), c('h')], A::Left),
    b(Nav, &[k(KeyCode::Right), c('l')], A::Right),
    b(Nav, &[k(KeyCode::PageUp)], A::PageUp),
    b(Nav, &[k(KeyCode::PageDown)], A::PageDown),
    b(Nav, &[k(KeyCode::Home), c('g')], A::Top),
    b(Nav, &[k(KeyCode::End), c('G')], A::Bottom),
    b(Nav, &[k(KeyCode::Enter)], A::Select),
    b(Nav, &[c(' ')], A::Toggle),
    b(Nav, &[k(KeyCode::Tab)], A::NextPanel),
    b(Nav, &[k(KeyCode::BackTab)], A::PrevPanel),
    b(Nav, &[c('u')], A::Explain),
    b(Nav, &[c('?')], A::Help),
    b(Nav, &[c('b'), k(KeyCode::Backspace)], A::Back),
    b(Nav, &[c('f')], A::Forward),
    b(Nav, &[c('e')], A::Edit),
    b(Nav, &[c('n')], A::Note),
    b(Nav, &[c('x')], A::Export),
    b(Nav, &[c('s')], A::SignOff),
    b(Nav, &[c('p')], A::Profile),
    b(Nav, &[c('d')], A::Documents),
    b(Nav, &[c('a')], A::Plan),
    b(Nav, &[c('r')], A::Register),
    b(Nav, &[c('m')], A::Mark),
    b(Nav, &[c('c')], A::Compare),
    b(Nav, &[c('v')], A::Previous),
    b(Nav, &[c('o')], A::EditCampaign),
    b(Nav, &[c('/')], A::Filter),
    b(Nav, &[c('+')], A::Unfold),
    b(Nav, &[c('-')], A::Fold),
    b(Nav, &[c('q'), k(KeyCode::Esc)], A::Leave),
    b(Nav, &[ctrl('c')], A::Exit),
    b(Nav, &[k(KeyCode::F(2))], A::Theme),
    b(Typing, &[k(KeyCode::Enter)], A::Select),
    b(Typing, &[k(KeyCode::Tab), k(KeyCode::Down)], A::NextPanel),
    b(Typing, &[k(KeyCode::BackTab), k(KeyCode::Up)], A::PrevPanel),
    b(Typing, &[k(KeyCode::Left)], A::Left),
    b(Typing, &[k(KeyCode::Right)], A::Right),
    b(Typing, &[k(KeyCode::Home)], A::Top),
    b(Typing, &[k(KeyCode::End)], A::Bottom),
    b(Typing, &[k(KeyCode::Backspace)], A::Erase),
    b(Typing, &[k(KeyCode::Delete)], A::EraseForward),
    b(Typing, &[ctrl('u')], A::Clear),
    b(Typing, &[ctrl('p')], A::Choose),
    // Ctrl-J is a line feed, which terminals send apart from Enter (a carriage return).
    b(Typing, &[ctrl('j')], A::NewLine),
    b(Typing, &[ctrl('n')], A::AddRow),
    b(Typing, &[ctrl('d')], A::RemoveRow),
    b(Typing, &[k(KeyCode::Esc)], A::Leave),
    b(Typing, &[ctrl('c')], A::Exit),
    b(Typing, &[k(KeyCode::F(2))], A::Theme),
    // A text area: Enter is a new line, so saving takes a key of its own, shown in the legend.
    b(Lines, &[ctrl('s')], A::Select),
    b(Lines, &[k(KeyCode::F(2))], A::Theme),
    b(Lines, &[k(KeyCode::Enter), ctrl('j')], A::NewLine),
    b(Lines, &[k(KeyCode::Up)], A::Up),
    b(Lines, &[k(KeyCode::Down)], A::Down),
    b(Lines, &[k(KeyCode::Left)], A::Left),
    b(Lines, &[k(KeyCode::Right)], A::Right),
    b(Lines, &[k(KeyCode::Home)], A::Top),
    b(Lines, &[k(KeyCode::End)], A::Bottom),
    b(Lines, &[k(KeyCode::Backspace)], A::Erase),
    b(Lines, &[k(KeyCode::Delete)], A::EraseForward),
    b(Lines, &[ctrl('u')], A::Clear),
    b(Lines, &[k(KeyCode::Esc)], A::Leave),
    b(Lines, &[ctrl('c')], A::Exit),
    b(Dialog, &[c('j'), c('y')], A::Yes),
    b(Dialog, &[c('n'), k(KeyCode::Esc)], A::No),
    b(Dialog, &[ctrl('c')], A::Exit),
];

impl Binding {
    /// The word in the key legend.
    pub fn short(&self, lang: Lang) -> &'static str {
        said(self.ctx, self.action, lang).map_or("", |s| s.short)
    }

    /// The sentence in the help.
    pub fn long(&self, lang: Lang) -> &'static str {
        said(self.ctx, self.action, lang).map_or("", |s| s.long)
    }

    /// The keys as a person reads them: "↑/k".
    pub fn keys_label(&self, lang: Lang) -> String {
        self.keys
            .iter()
            .map(|k| key_label(*k, lang))
            .collect::<Vec<_>>()
            .join("/")
    }
}

pub fn key_label(key: Key, lang: Lang) -> String {
    let base = match key.code {
        KeyCode::Up => "↑".to_string(),
        KeyCode::Down => "↓".to_string(),
        KeyCode::Left => "←".to_string(),
        KeyCode::Right => "→".to_string(),
        KeyCode::PageUp => "PgUp".to_string(),
        KeyCode::PageDown => "PgDn".to_string(),
        KeyCode::Home => "Home".to_string(),
        KeyCode::End => "End".to_string(),
        KeyCode::Enter => "Enter".to_string(),
        KeyCode::Tab => "Tab".to_string(),
        KeyCode::BackTab => "Shift-Tab".to_string(),
        KeyCode::Backspace => "Backspace".to_string(),
        KeyCode::Esc => "Esc".to_string(),
        KeyCode::Char(' ') => crate::locale::keys::space(lang).to_string(),
        KeyCode::Char(ch) => ch.to_string(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if key.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{}", base.to_uppercase())
    } else {
        base
    }
}

/// Actions with no key of their own: each uses the key of another action that means nothing
/// on the screen where it applies (the start screen's `a` archives, its Tab shows the
/// archive). `update` turns the one into the other there; the legend shows the key with the
/// shared action's word.
pub const SHARED: &[(Action, Action)] = &[(A::Archive, A::Plan), (A::ShowArchive, A::NextPanel)];

/// The binding of an action in a context, for the legend (of the action whose key it shares,
/// for one of [`SHARED`]).
pub fn binding(ctx: Ctx, action: Action) -> Option<&'static Binding> {
    let action = SHARED
        .iter()
        .find(|(a, _)| *a == action)
        .map_or(action, |(_, key)| *key);
    KEYS.iter().find(|b| b.ctx == ctx && b.action == action)
}

/// A key event as a message, in the context the screen is in. Only presses count (not
/// releases or repeats reported separately on some terminals).
pub fn message<'b>(event: KeyEvent, ctx: Ctx) -> Option<Message<'b>> {
    if event.kind != KeyEventKind::Press {
        return None;
    }
    // Shift is part of the character itself ('G', '?'); other modifiers must match.
    let mods = event.modifiers - KeyModifiers::SHIFT;
    let code = match event.code {
        KeyCode::Char(ch) if mods.contains(KeyModifiers::CONTROL) => {
            KeyCode::Char(ch.to_ascii_lowercase())
        }
        other => other,
    };
    let found = KEYS
        .iter()
        .find(|b| b.ctx == ctx && b.keys.iter().any(|k| k.code == code && k.mods == mods));
    if let Some(b) = found {
        return Some(Message::Key(b.action));
    }
    match (ctx, event.code) {
        (Ctx::Typing | Ctx::Lines, KeyCode::Char(ch)) if !mods.contains(KeyModifiers::CONTROL) => {
            Some(Message::Input(ch))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn keys_map_by_context() {
        let m = |code, ctx| message(press(code, KeyModifiers::NONE), ctx);
        assert!(matches!(
            m(KeyCode::Char('j'), Ctx::Nav),
            Some(Message::Key(Action::Down))
        ));
        assert!(matches!(
            m(KeyCode::Char('j'), Ctx::Typing),
            Some(Message::Input('j'))
        ));
        assert!(matches!(
            m(KeyCode::Char('j'), Ctx::Dialog),
            Some(Message::Key(Action::Yes))
        ));
        assert!(matches!(
            m(KeyCode::Backspace, Ctx::Nav),
            Some(Message::Key(Action::Back))
        ));
        assert!(matches!(
            m(KeyCode::Backspace, Ctx::Typing),
            Some(Message::Key(Action::Erase))
        ));
        for ctx in [Ctx::Nav, Ctx::Typing, Ctx::Lines, Ctx::Dialog] {
            assert!(matches!(
                message(press(KeyCode::Char('c'), KeyModifiers::CONTROL), ctx),
                Some(Message::Key(Action::Exit))
            ));
        }
        assert!(matches!(
            message(press(KeyCode::Char('G'), KeyModifiers::SHIFT), Ctx::Nav),
            Some(Message::Key(Action::Bottom))
        ));
        assert!(matches!(
            message(press(KeyCode::Char('?'), KeyModifiers::SHIFT), Ctx::Nav),
            Some(Message::Key(Action::Help))
        ));
    }

    #[test]
    fn in_a_text_area_enter_is_a_new_line_and_ctrl_s_saves() {
        let m = |code, mods| message(press(code, mods), Ctx::Lines);
        assert!(matches!(
            m(KeyCode::Enter, KeyModifiers::NONE),
            Some(Message::Key(Action::NewLine))
        ));
        assert!(matches!(
            m(KeyCode::Char('s'), KeyModifiers::CONTROL),
            Some(Message::Key(Action::Select))
        ));
        // F2 switches the theme everywhere, in a text area too.
        assert!(matches!(
            m(KeyCode::F(2), KeyModifiers::NONE),
            Some(Message::Key(Action::Theme))
        ));
        assert!(matches!(
            m(KeyCode::Char('j'), KeyModifiers::NONE),
            Some(Message::Input('j'))
        ));
        assert_eq!(key_label(k(KeyCode::F(2)), Lang::Nl), "F2");
    }

    #[test]
    fn releases_are_ignored() {
        let mut e = press(KeyCode::Enter, KeyModifiers::NONE);
        e.kind = KeyEventKind::Release;
        assert!(message(e, Ctx::Nav).is_none());
    }

    #[test]
    fn every_binding_has_words_in_both_languages() {
        for b in KEYS {
            for lang in [Lang::Nl, Lang::En] {
                let said = said(b.ctx, b.action, lang);
                assert!(
                    said.is_some_and(|s| !s.short.is_empty() && !s.long.is_empty()),
                    "{:?} {:?} in {lang:?}",
                    b.ctx,
                    b.action
                );
            }
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_a_context() {
        for (i, a) in KEYS.iter().enumerate() {
            for b in &KEYS[i + 1..] {
                if a.ctx != b.ctx {
                    continue;
                }
                for ka in a.keys {
                    assert!(
                        !b.keys
                            .iter()
                            .any(|kb| kb.code == ka.code && kb.mods == ka.mods),
                        "{:?} bound twice in {:?}",
                        ka.code,
                        a.ctx
                    );
                }
            }
        }
    }
}
