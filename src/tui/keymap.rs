//! The one key table. Every key the interface knows is here, with what it does in both
//! languages; the key legend on each screen and the help overlay are built from this table, so
//! keys, legend and help never drift apart.
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::text::Lang;

pub use super::action::Action;
use super::message::Message;

/// Which keys apply: moving through lists, typing in a text field, or answering a yes/no
/// question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ctx {
    Nav,
    Typing,
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
    /// The word in the key legend.
    pub short: [&'static str; 2],
    /// The sentence in the help.
    pub long: [&'static str; 2],
}

const fn b(
    ctx: Ctx,
    keys: &'static [Key],
    action: Action,
    short: [&'static str; 2],
    long: [&'static str; 2],
) -> Binding {
    Binding {
        ctx,
        keys,
        action,
        short,
        long,
    }
}

use Action as A;
use Ctx::{Dialog, Nav, Typing};

/// The key table: context, keys, action, legend word and help sentence (Dutch, English).
#[rustfmt::skip]
pub const KEYS: &[Binding] = &[
    b(Nav, &[k(KeyCode::Up), c('k')], A::Up, ["omhoog", "up"], ["Vorige optie of regel", "Previous option or line"]),
    b(Nav, &[k(KeyCode::Down), c('j')], A::Down, ["omlaag", "down"], ["Volgende optie of regel", "Next option or line"]),
    b(Nav, &[k(KeyCode::Left), c('h')], A::Left, ["vorige keuze", "previous choice"], [ "Vorige keuze (besluit, formaat)", "Previous choice (decision, format)", ]),
    b(Nav, &[k(KeyCode::Right), c('l')], A::Right, ["volgende keuze", "next choice"], [ "Volgende keuze (besluit, formaat)", "Next choice (decision, format)", ]),
    b(Nav, &[k(KeyCode::PageUp)], A::PageUp, ["omhoog scrollen", "scroll up"], [ "Uitleg of advies een stuk terug scrollen", "Scroll the explanation or advice up", ]),
    b(Nav, &[k(KeyCode::PageDown)], A::PageDown, ["scrollen", "scroll"], [ "Uitleg of advies een stuk verder scrollen", "Scroll the explanation or advice down", ]),
    b(Nav, &[k(KeyCode::Home), c('g')], A::Top, ["begin", "top"], ["Naar het begin van de lijst", "To the top of the list"]),
    b(Nav, &[k(KeyCode::End), c('G')], A::Bottom, ["einde", "bottom"], ["Naar het einde van de lijst", "To the end of the list"]),
    b(Nav, &[k(KeyCode::Enter)], A::Select, ["kiezen", "choose"], ["Kiezen, bevestigen of openen", "Choose, confirm or open"]),
    b(Nav, &[c(' ')], A::Toggle, ["aan/uit", "check"], [ "Vakje aan- of uitvinken; uitklappen", "Check or uncheck a box; expand", ]),
    b(Nav, &[k(KeyCode::Tab)], A::NextPanel, ["paneel", "panel"], [ "Naar het volgende paneel of veld", "To the next panel or field", ]),
    b(Nav, &[k(KeyCode::BackTab)], A::PrevPanel, ["vorig paneel", "prev. panel"], [ "Naar het vorige paneel of veld", "To the previous panel or field", ]),
    b(Nav, &[c('u')], A::Explain, ["uitleg", "explain"], [ "Uitleg en redenering tonen of verbergen", "Show or hide the explanation and reasoning", ]),
    b(Nav, &[c('?')], A::Help, ["hulp", "help"], ["Deze hulp: alle toetsen", "This help: all keys"]),
    b(Nav, &[c('b'), k(KeyCode::Backspace)], A::Back, ["terug", "back"], [ "Terug naar de vorige vraag of het vorige scherm", "Back to the previous question or screen", ]),
    b(Nav, &[c('f')], A::Forward, ["verder", "forward"], [ "Verder naar de volgende vraag (antwoord blijft)", "On to the next question (answer kept)", ]),
    b(Nav, &[c('e')], A::Edit, ["wijzig", "edit"], [ "Een eerder antwoord wijzigen; een verslag verder bewerken", "Change an earlier answer; continue a record", ]),
    b(Nav, &[c('n')], A::Note, ["notitie", "note"], [ "Notitie bij deze vraag (of de hele sessie)", "Note on this question (or the whole session)", ]),
    b(Nav, &[c('x')], A::Export, ["exporteren", "export"], [ "Exporteren: Markdown, HTML, JSON of CSV", "Export: Markdown, HTML, JSON or CSV", ]),
    b(Nav, &[c('s')], A::SignOff, ["aftekenen (FG)", "sign off (DPO)"], [ "Aftekenen door de FG; daarna staat het verslag vast", "Sign-off by the DPO (FG); the record is then frozen", ]),
    b(Nav, &[c('q'), k(KeyCode::Esc)], A::Leave, ["verlaten", "leave"], [ "Dit scherm verlaten (alles is al bewaard)", "Leave this screen (everything is already saved)", ]),
    b(Nav, &[ctrl('c')], A::Exit, ["stoppen", "quit"], [ "Programma direct afsluiten (alles is al bewaard)", "Quit at once (everything is already saved)", ]),
    b(Typing, &[k(KeyCode::Enter)], A::Select, ["bewaren", "save"], [ "Tekst bewaren (of naar het volgende veld)", "Save the text (or go to the next field)", ]),
    b(Typing, &[k(KeyCode::Tab), k(KeyCode::Down)], A::NextPanel, ["volgend veld", "next field"], [ "Naar het volgende veld of paneel", "To the next field or panel", ]),
    b(Typing, &[k(KeyCode::BackTab), k(KeyCode::Up)], A::PrevPanel, ["vorig veld", "prev. field"], [ "Naar het vorige veld of paneel", "To the previous field or panel", ]),
    b(Typing, &[k(KeyCode::Left)], A::Left, ["←", "←"], ["Cursor naar links", "Cursor left"]),
    b(Typing, &[k(KeyCode::Right)], A::Right, ["→", "→"], ["Cursor naar rechts", "Cursor right"]),
    b(Typing, &[k(KeyCode::Home)], A::Top, ["begin", "start"], ["Cursor naar het begin", "Cursor to the start"]),
    b(Typing, &[k(KeyCode::End)], A::Bottom, ["einde", "end"], ["Cursor naar het einde", "Cursor to the end"]),
    b(Typing, &[k(KeyCode::Backspace)], A::Erase, ["wissen", "erase"], [ "Teken voor de cursor wissen", "Erase the character before the cursor", ]),
    b(Typing, &[k(KeyCode::Delete)], A::EraseForward, ["Del", "Del"], [ "Teken onder de cursor wissen", "Erase the character under the cursor", ]),
    b(Typing, &[ctrl('u')], A::Clear, ["veld leeg", "clear"], [ "Het hele veld leegmaken", "Clear the whole field", ]),
    b(Typing, &[k(KeyCode::Esc)], A::Leave, ["annuleren", "cancel"], [ "Annuleren of dit scherm verlaten", "Cancel or leave this screen", ]),
    b(Typing, &[ctrl('c')], A::Exit, ["stoppen", "quit"], ["Programma direct afsluiten", "Quit at once"]),
    b(Dialog, &[c('j'), c('y')], A::Yes, ["ja", "yes"], ["Ja", "Yes"]),
    b(Dialog, &[c('n'), k(KeyCode::Esc)], A::No, ["nee", "no"], ["Nee", "No"]),
    b(Dialog, &[ctrl('c')], A::Exit, ["stoppen", "quit"], ["Programma direct afsluiten", "Quit at once"]),
];

impl Binding {
    pub fn short(&self, lang: Lang) -> &'static str {
        self.short[usize::from(lang == Lang::En)]
    }

    pub fn long(&self, lang: Lang) -> &'static str {
        self.long[usize::from(lang == Lang::En)]
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
        KeyCode::Char(' ') if lang == Lang::En => "Space".to_string(),
        KeyCode::Char(' ') => "Spatie".to_string(),
        KeyCode::Char(ch) => ch.to_string(),
        other => format!("{other:?}"),
    };
    if key.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{}", base.to_uppercase())
    } else {
        base
    }
}

/// The binding of an action in a context, for the legend.
pub fn binding(ctx: Ctx, action: Action) -> Option<&'static Binding> {
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
        (Ctx::Typing, KeyCode::Char(ch)) if !mods.contains(KeyModifiers::CONTROL) => {
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
        for ctx in [Ctx::Nav, Ctx::Typing, Ctx::Dialog] {
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
    fn releases_are_ignored() {
        let mut e = press(KeyCode::Enter, KeyModifiers::NONE);
        e.kind = KeyEventKind::Release;
        assert!(message(e, Ctx::Nav).is_none());
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
