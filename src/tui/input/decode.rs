//! Bytes from the terminal to crossterm events, as crossterm's own parser gives them for the
//! keys, clicks and pastes this interface uses, with one difference that is the reason this
//! exists: a sequence that is cut short never holds up what comes after it. Bytes that do not
//! form UTF-8 become U+FFFD at once, the byte after them counting as itself; a sequence whose
//! rest has not come (a lone UTF-8 lead byte from a Latin-1 terminal, a lone Esc, half an
//! escape sequence, a paste without its end) waits for [`Decoder::flush`], which the reader
//! calls when no byte came for [`Decoder::waiting`].
//!
//! The decoder is pure: no clock and no terminal, so every split of the input can be tested.
use std::collections::VecDeque;
use std::time::Duration;

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// How long the rest of a started sequence may take to come. A terminal writes a key's
/// sequence at once, so the rest is microseconds behind even over a network link; a lone Esc
/// key is known for what it is after this long (shorter than one frame of typing, unnoticed).
pub const SEQUENCE_TIMEOUT: Duration = Duration::from_millis(50);

/// How long a bracketed paste may go without a byte before it counts as ended. A large paste
/// comes in chunks, so this is longer than for a key.
pub const PASTE_TIMEOUT: Duration = Duration::from_millis(500);

/// The most of one paste that is kept (the rest is read and dropped): far above what any text
/// field takes, and a bound on memory whatever is pasted.
const MAX_PASTE: usize = 1 << 20;

/// An escape sequence longer than this is not one a terminal sends for a key or a click; it
/// is dropped so that waiting bytes stay few.
const MAX_SEQUENCE: usize = 64;

const PASTE_START: &[u8] = b"200";
const PASTE_END: &[u8] = b"\x1b[201~";

/// Turns the bytes read from the terminal, in pieces of any size, into events.
#[derive(Debug, Default)]
pub struct Decoder {
    /// Bytes of a sequence whose rest has not come yet (never those of a paste).
    pending: Vec<u8>,
    /// A bracketed paste that has begun and not ended.
    paste: Option<Paste>,
}

#[derive(Debug, Default)]
struct Paste {
    text: Vec<u8>,
    /// How much of the end marker the last bytes matched.
    matched: usize,
}

impl Paste {
    fn keep(&mut self, bytes: &[u8]) {
        let room = MAX_PASTE.saturating_sub(self.text.len());
        self.text.extend_from_slice(&bytes[..bytes.len().min(room)]);
    }

    /// Takes bytes up to the end marker; how many it used when the paste ended, or `None`
    /// when all of them belong to it.
    fn take(&mut self, bytes: &[u8]) -> Option<usize> {
        for (i, &b) in bytes.iter().enumerate() {
            if b == PASTE_END[self.matched] {
                self.matched += 1;
                if self.matched == PASTE_END.len() {
                    self.matched = 0;
                    return Some(i + 1);
                }
                continue;
            }
            // What matched so far was text after all. The marker's first byte (Esc) occurs
            // only at its start, so a mismatching byte can only begin a new match.
            self.keep(&PASTE_END[..self.matched]);
            self.matched = usize::from(b == PASTE_END[0]);
            if self.matched == 0 {
                self.keep(&[b]);
            }
        }
        None
    }

    /// The paste as it stands, with a partly matched end marker counted as text.
    fn finish(mut self) -> Event {
        let matched = self.matched;
        self.keep(&PASTE_END[..matched]);
        Event::Paste(String::from_utf8_lossy(&self.text).into_owned())
    }
}

impl Decoder {
    /// Decodes `bytes`, the next ones read; complete events go to `out`.
    pub fn feed(&mut self, bytes: &[u8], out: &mut VecDeque<Event>) {
        self.pending.extend_from_slice(bytes);
        self.run(true, out);
    }

    /// How long to wait for more bytes before [`Decoder::flush`]: `None` when nothing waits.
    pub fn waiting(&self) -> Option<Duration> {
        if self.paste.is_some() {
            Some(PASTE_TIMEOUT)
        } else if self.pending.is_empty() {
            None
        } else {
            Some(SEQUENCE_TIMEOUT)
        }
    }

    /// The rest did not come: what waits is taken as it is (a lone Esc is the Esc key, a cut
    /// UTF-8 character one U+FFFD, a cut escape sequence nothing, an open paste a paste).
    pub fn flush(&mut self, out: &mut VecDeque<Event>) {
        if let Some(paste) = self.paste.take() {
            out.push_back(paste.finish());
        }
        self.run(false, out);
        // A paste that began in the bytes just flushed has no more to come either.
        if let Some(paste) = self.paste.take() {
            out.push_back(paste.finish());
        }
    }

    #[cfg(test)]
    pub fn pending_len(&self) -> usize {
        self.pending.len()
    }

    /// Decodes the pending bytes; `more` tells whether more may come to complete a sequence.
    fn run(&mut self, more: bool, out: &mut VecDeque<Event>) {
        let mut at = 0;
        while at < self.pending.len() {
            let rest = &self.pending[at..];
            if let Some(paste) = &mut self.paste {
                match paste.take(rest) {
                    Some(used) => {
                        at += used;
                        if let Some(paste) = self.paste.take() {
                            out.push_back(paste.finish());
                        }
                        continue;
                    }
                    None => {
                        at = self.pending.len();
                        break;
                    }
                }
            }
            match parse(rest, more) {
                Parsed::NeedMore => break,
                Parsed::Done(event, used) => {
                    out.extend(event);
                    at += used;
                }
                Parsed::PasteStart(used) => {
                    self.paste = Some(Paste::default());
                    at += used;
                }
            }
        }
        self.pending.drain(..at);
    }
}

/// What the bytes at the front make.
#[derive(Debug, PartialEq)]
enum Parsed {
    /// A sequence has begun and its rest has not come.
    NeedMore,
    /// An event (or nothing, for bytes that mean nothing here) and how many bytes it took;
    /// always at least one.
    Done(Option<Event>, usize),
    /// The start of a bracketed paste, and its length.
    PasteStart(usize),
}

fn key(code: KeyCode) -> Option<Event> {
    Some(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn key_with(code: KeyCode, mods: KeyModifiers) -> Option<Event> {
    Some(Event::Key(KeyEvent::new(code, mods)))
}

/// A typed character; capitals carry Shift, as crossterm reports them.
fn char_key(c: char) -> Option<Event> {
    let mods = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    key_with(KeyCode::Char(c), mods)
}

fn ctrl(c: char) -> Option<Event> {
    key_with(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn with_alt(event: Option<Event>) -> Option<Event> {
    match event {
        Some(Event::Key(mut k)) => {
            k.modifiers |= KeyModifiers::ALT;
            Some(Event::Key(k))
        }
        other => other,
    }
}

/// `bytes` is never empty.
fn parse(bytes: &[u8], more: bool) -> Parsed {
    let Some(&first) = bytes.first() else {
        return Parsed::NeedMore;
    };
    match first {
        0x1B => parse_escape(bytes, more),
        0x80..=0xFF => parse_utf8(bytes, more),
        // The control bytes as crossterm reads them in raw mode (so Ctrl-J for a line feed).
        b'\r' => Parsed::Done(key(KeyCode::Enter), 1),
        b'\t' => Parsed::Done(key(KeyCode::Tab), 1),
        0x7F => Parsed::Done(key(KeyCode::Backspace), 1),
        0x00 => Parsed::Done(ctrl(' '), 1),
        c @ 0x01..=0x1A => Parsed::Done(ctrl(char::from(c - 0x01 + b'a')), 1),
        c @ 0x1C..=0x1F => Parsed::Done(ctrl(char::from(c - 0x1C + b'4')), 1),
        c => Parsed::Done(char_key(char::from(c)), 1),
    }
}

/// One character of UTF-8, or U+FFFD for the longest start of one that cannot be completed
/// (the "maximal subpart" of Unicode's chapter 3, as `String::from_utf8_lossy` counts): the
/// byte that breaks a sequence is not part of it and is decoded anew.
fn parse_utf8(bytes: &[u8], more: bool) -> Parsed {
    const REPLACEMENT: char = char::REPLACEMENT_CHARACTER;
    // The length a lead byte announces and the range its second byte must be in, which rules
    // out overlong forms, surrogates and code points above U+10FFFF.
    let (len, second) = match bytes[0] {
        0xC2..=0xDF => (2, 0x80..=0xBF),
        0xE0 => (3, 0xA0..=0xBF),
        0xE1..=0xEC | 0xEE..=0xEF => (3, 0x80..=0xBF),
        0xED => (3, 0x80..=0x9F),
        0xF0 => (4, 0x90..=0xBF),
        0xF1..=0xF3 => (4, 0x80..=0xBF),
        0xF4 => (4, 0x80..=0x8F),
        // A continuation byte without a lead (C1 bytes among them), or a byte that never
        // occurs in UTF-8.
        _ => return Parsed::Done(char_key(REPLACEMENT), 1),
    };
    for i in 1..len {
        let Some(&b) = bytes.get(i) else {
            return if more {
                Parsed::NeedMore
            } else {
                Parsed::Done(char_key(REPLACEMENT), i)
            };
        };
        let fits = if i == 1 {
            second.contains(&b)
        } else {
            (0x80..=0xBF).contains(&b)
        };
        if !fits {
            return Parsed::Done(char_key(REPLACEMENT), i);
        }
    }
    match std::str::from_utf8(&bytes[..len])
        .ok()
        .and_then(|s| s.chars().next())
    {
        // A C1 control character (U+0080 to U+009F) is no key and no text.
        Some(c) if c.is_control() => Parsed::Done(None, len),
        Some(c) => Parsed::Done(char_key(c), len),
        None => Parsed::Done(char_key(REPLACEMENT), len),
    }
}

fn parse_escape(bytes: &[u8], more: bool) -> Parsed {
    let Some(&second) = bytes.get(1) else {
        return if more {
            Parsed::NeedMore
        } else {
            Parsed::Done(key(KeyCode::Esc), 1)
        };
    };
    match second {
        b'[' => parse_csi(bytes, more),
        b'O' => parse_ss3(bytes, more),
        // Esc pressed twice: the first one is a key of its own.
        0x1B => Parsed::Done(key(KeyCode::Esc), 1),
        // Esc before a key is how a terminal sends Alt with it.
        _ => match parse(&bytes[1..], more) {
            Parsed::NeedMore => Parsed::NeedMore,
            Parsed::Done(event, used) => Parsed::Done(with_alt(event), used + 1),
            Parsed::PasteStart(_) => Parsed::Done(key(KeyCode::Esc), 1),
        },
    }
}

/// `Esc O` and a letter: cursor keys in application mode and F1 to F4.
fn parse_ss3(bytes: &[u8], more: bool) -> Parsed {
    let Some(&last) = bytes.get(2) else {
        return if more {
            Parsed::NeedMore
        } else {
            Parsed::Done(with_alt(char_key('O')), 2)
        };
    };
    let code = match last {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(1 + last - b'P'),
        // Another final byte: a key this interface does not know.
        0x40..=0x7E => return Parsed::Done(None, 3),
        // Not a sequence after all: Alt-O, and the byte after it anew.
        _ => return Parsed::Done(with_alt(char_key('O')), 2),
    };
    Parsed::Done(key(code), 3)
}

/// `Esc [`, parameters and a final byte (ECMA-48), or an X10 mouse report.
fn parse_csi(bytes: &[u8], more: bool) -> Parsed {
    let cut_short = |len: usize| {
        if len == 2 {
            // `Esc [` alone: Alt-[.
            Parsed::Done(with_alt(char_key('[')), 2)
        } else {
            Parsed::Done(None, len)
        }
    };
    match bytes.get(2) {
        // X10 mouse: `Esc [ M` and three bytes that are not CSI bytes.
        Some(b'M') => {
            return match bytes.get(3..6) {
                Some(&[cb, cx, cy]) => Parsed::Done(x10_mouse(cb, cx, cy), 6),
                _ if more => Parsed::NeedMore,
                _ => Parsed::Done(None, bytes.len()),
            };
        }
        // The Linux console's F1 to F5: `Esc [ [` and a letter.
        Some(b'[') => {
            return match bytes.get(3) {
                Some(&c @ b'A'..=b'E') => Parsed::Done(key(KeyCode::F(1 + c - b'A')), 4),
                Some(_) => Parsed::Done(None, 3),
                None if more => Parsed::NeedMore,
                None => Parsed::Done(None, 3),
            };
        }
        _ => {}
    }
    for (i, &b) in bytes.iter().enumerate().skip(2) {
        match b {
            // Parameter and intermediate bytes.
            0x20..=0x3F => {}
            0x40..=0x7E => {
                let params = &bytes[2..i];
                if b == b'~' && params == PASTE_START {
                    return Parsed::PasteStart(i + 1);
                }
                return Parsed::Done(csi_event(params, b), i + 1);
            }
            // A byte that cannot be in a sequence (a control, a non-ASCII byte): the sequence
            // was cut short, and this byte counts as itself.
            _ => return cut_short(i),
        }
    }
    if !more {
        cut_short(bytes.len())
    } else if bytes.len() > MAX_SEQUENCE {
        Parsed::Done(None, bytes.len())
    } else {
        Parsed::NeedMore
    }
}

/// The numbers of a CSI sequence's parameters (sub-parameters after `:` left out); `None`
/// when one is not a number.
fn numbers(params: &[u8]) -> Option<Vec<u16>> {
    if params.is_empty() {
        return Some(Vec::new());
    }
    params
        .split(|&b| b == b';')
        .map(|p| {
            let p = p.split(|&b| b == b':').next().unwrap_or_default();
            if p.is_empty() {
                return Some(1);
            }
            std::str::from_utf8(p).ok()?.parse().ok()
        })
        .collect()
}

/// The modifier parameter of xterm's keys: 1 plus a bit mask.
fn modifiers(param: Option<&u16>) -> KeyModifiers {
    let mask = param.map_or(0, |p| p.saturating_sub(1));
    let mut mods = KeyModifiers::NONE;
    for (bit, m) in [
        (1, KeyModifiers::SHIFT),
        (2, KeyModifiers::ALT),
        (4, KeyModifiers::CONTROL),
        (8, KeyModifiers::SUPER),
        (16, KeyModifiers::HYPER),
        (32, KeyModifiers::META),
    ] {
        if mask & bit != 0 {
            mods |= m;
        }
    }
    mods
}

fn csi_event(params: &[u8], last: u8) -> Option<Event> {
    if let Some(sgr) = params.strip_prefix(b"<") {
        return sgr_mouse(sgr, last);
    }
    // Private replies (`?`, `>`, `=`) answer questions this interface never asks.
    if params.first().is_some_and(|b| (0x3C..=0x3F).contains(b)) {
        return None;
    }
    let n = numbers(params)?;
    let mods = modifiers(n.get(1));
    let code = match last {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'Z' => return key_with(KeyCode::BackTab, KeyModifiers::SHIFT),
        b'P' => KeyCode::F(1),
        b'Q' => KeyCode::F(2),
        // `CSI row ; col R` is a cursor position report unless the row is 1 with modifiers.
        b'R' if n.len() == 2 && n[0] == 1 => KeyCode::F(3),
        b'S' => KeyCode::F(4),
        b'I' if n.is_empty() => return Some(Event::FocusGained),
        b'O' if n.is_empty() => return Some(Event::FocusLost),
        // urxvt's mouse report: `CSI Cb ; Cx ; Cy M`, the button plus 32.
        b'M' => {
            return match n[..] {
                [cb, cx, cy] => mouse(cb.checked_sub(32)?, cx, cy, false),
                _ => None,
            };
        }
        b'~' => match n.first()? {
            1 | 7 => KeyCode::Home,
            2 => KeyCode::Insert,
            3 => KeyCode::Delete,
            4 | 8 => KeyCode::End,
            5 => KeyCode::PageUp,
            6 => KeyCode::PageDown,
            &v @ 11..=15 => KeyCode::F(u8::try_from(v - 10).ok()?),
            &v @ 17..=21 => KeyCode::F(u8::try_from(v - 11).ok()?),
            &v @ 23..=26 => KeyCode::F(u8::try_from(v - 12).ok()?),
            &v @ 28..=29 => KeyCode::F(u8::try_from(v - 13).ok()?),
            &v @ 31..=34 => KeyCode::F(u8::try_from(v - 14).ok()?),
            _ => return None,
        },
        _ => return None,
    };
    key_with(code, mods)
}

/// SGR mouse report: `CSI < Cb ; Cx ; Cy M` (pressed) or `m` (released), from 1.
fn sgr_mouse(params: &[u8], last: u8) -> Option<Event> {
    let released = match last {
        b'M' => false,
        b'm' => true,
        _ => return None,
    };
    match numbers(params)?[..] {
        [cb, cx, cy] => mouse(cb, cx, cy, released),
        _ => None,
    }
}

/// X10 mouse report: each value plus 32 in one byte, the position from 1.
fn x10_mouse(cb: u8, cx: u8, cy: u8) -> Option<Event> {
    let value = |b: u8| u16::from(b.saturating_sub(32));
    mouse(u16::from(cb.checked_sub(32)?), value(cx), value(cy), false)
}

/// A mouse event from xterm's button byte and a position counted from 1.
fn mouse(cb: u16, cx: u16, cy: u16, released: bool) -> Option<Event> {
    let button = (cb & 0b11) | ((cb & 0b1100_0000) >> 4);
    let dragging = cb & 0b10_0000 != 0;
    let kind = match (button, dragging) {
        (0, false) => MouseEventKind::Down(MouseButton::Left),
        (1, false) => MouseEventKind::Down(MouseButton::Middle),
        (2, false) => MouseEventKind::Down(MouseButton::Right),
        (0, true) => MouseEventKind::Drag(MouseButton::Left),
        (1, true) => MouseEventKind::Drag(MouseButton::Middle),
        (2, true) => MouseEventKind::Drag(MouseButton::Right),
        (3, false) => MouseEventKind::Up(MouseButton::Left),
        (3..=5, true) => MouseEventKind::Moved,
        (4, false) => MouseEventKind::ScrollUp,
        (5, false) => MouseEventKind::ScrollDown,
        (6, false) => MouseEventKind::ScrollLeft,
        (7, false) => MouseEventKind::ScrollRight,
        _ => return None,
    };
    let kind = match kind {
        MouseEventKind::Down(b) if released => MouseEventKind::Up(b),
        k => k,
    };
    let mut modifiers = KeyModifiers::NONE;
    for (bit, m) in [
        (0b100, KeyModifiers::SHIFT),
        (0b1000, KeyModifiers::ALT),
        (0b1_0000, KeyModifiers::CONTROL),
    ] {
        if cb & bit != 0 {
            modifiers |= m;
        }
    }
    Some(Event::Mouse(MouseEvent {
        kind,
        column: cx.saturating_sub(1),
        row: cy.saturating_sub(1),
        modifiers,
    }))
}
