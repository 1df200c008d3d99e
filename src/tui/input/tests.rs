//! The decoder: every key, click and paste the interface uses, split anywhere; cut and invalid
//! UTF-8; and no input that makes it panic, hold bytes back or swallow what follows.
use std::collections::VecDeque;

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use proptest::prelude::*;

use super::decode::{Decoder, PASTE_TIMEOUT, SEQUENCE_TIMEOUT};

const FFFD: char = char::REPLACEMENT_CHARACTER;

/// What `bytes` decode to in one piece, without waiting for more.
fn complete(bytes: &[u8]) -> Vec<Event> {
    let mut d = Decoder::default();
    let mut out = VecDeque::new();
    d.feed(bytes, &mut out);
    out.into()
}

/// What `bytes` decode to in one piece, then settled as if nothing more came.
fn settled(bytes: &[u8]) -> Vec<Event> {
    let mut d = Decoder::default();
    let mut out = VecDeque::new();
    d.feed(bytes, &mut out);
    d.flush(&mut out);
    assert_eq!(d.waiting(), None, "nothing waits after a flush");
    out.into()
}

/// What `bytes` decode to fed in the given pieces (no flush between them).
fn in_pieces(pieces: &[&[u8]]) -> Vec<Event> {
    let mut d = Decoder::default();
    let mut out = VecDeque::new();
    for p in pieces {
        d.feed(p, &mut out);
    }
    d.flush(&mut out);
    out.into()
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn key_with(code: KeyCode, mods: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, mods))
}

fn ch(c: char) -> Event {
    let mods = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    key_with(KeyCode::Char(c), mods)
}

fn text(s: &str) -> Vec<Event> {
    s.chars().map(ch).collect()
}

fn click(kind: MouseEventKind, column: u16, row: u16) -> Event {
    Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

/// The keys, clicks and pastes the interface uses, as terminals send them, with the events
/// crossterm 0.29 makes of them.
fn known() -> Vec<(&'static [u8], Event)> {
    use KeyCode::*;
    let ctrl = KeyModifiers::CONTROL;
    vec![
        (b"j", ch('j')),
        (b"G", ch('G')),
        (b"?", ch('?')),
        (b" ", ch(' ')),
        ("é".as_bytes(), ch('é')),
        ("€".as_bytes(), ch('€')),
        ("😀".as_bytes(), ch('😀')),
        (b"\r", key(Enter)),
        (b"\t", key(Tab)),
        (b"\x7f", key(Backspace)),
        (b"\x03", key_with(Char('c'), ctrl)),
        (b"\x15", key_with(Char('u'), ctrl)),
        (b"\n", key_with(Char('j'), ctrl)),
        (b"\x00", key_with(Char(' '), ctrl)),
        (b"\x1c", key_with(Char('4'), ctrl)),
        (b"\x1b[A", key(Up)),
        (b"\x1b[B", key(Down)),
        (b"\x1b[C", key(Right)),
        (b"\x1b[D", key(Left)),
        (b"\x1bOA", key(Up)),
        (b"\x1bOB", key(Down)),
        (b"\x1b[H", key(Home)),
        (b"\x1b[F", key(End)),
        (b"\x1bOH", key(Home)),
        (b"\x1bOF", key(End)),
        (b"\x1b[1~", key(Home)),
        (b"\x1b[4~", key(End)),
        (b"\x1b[3~", key(Delete)),
        (b"\x1b[2~", key(Insert)),
        (b"\x1b[5~", key(PageUp)),
        (b"\x1b[6~", key(PageDown)),
        (b"\x1b[Z", key_with(BackTab, KeyModifiers::SHIFT)),
        (b"\x1bOP", key(F(1))),
        (b"\x1b[15~", key(F(5))),
        (b"\x1b[24~", key(F(12))),
        (b"\x1b[[A", key(F(1))),
        (b"\x1b[1;5A", key_with(Up, ctrl)),
        (b"\x1b[1;2B", key_with(Down, KeyModifiers::SHIFT)),
        (b"\x1b[3;5~", key_with(Delete, ctrl)),
        (b"\x1b[1;3R", key_with(F(3), KeyModifiers::ALT)),
        (b"\x1bj", key_with(Char('j'), KeyModifiers::ALT)),
        (
            b"\x1bG",
            key_with(Char('G'), KeyModifiers::ALT | KeyModifiers::SHIFT),
        ),
        (b"\x1b\r", key_with(Enter, KeyModifiers::ALT)),
        (
            b"\x1b[<0;10;5M",
            click(MouseEventKind::Down(MouseButton::Left), 9, 4),
        ),
        (
            b"\x1b[<0;10;5m",
            click(MouseEventKind::Up(MouseButton::Left), 9, 4),
        ),
        (b"\x1b[<64;1;1M", click(MouseEventKind::ScrollUp, 0, 0)),
        (b"\x1b[<65;3;2M", click(MouseEventKind::ScrollDown, 2, 1)),
        (b"\x1b[<35;7;7M", click(MouseEventKind::Moved, 6, 6)),
        (
            b"\x1b[M !!",
            click(MouseEventKind::Down(MouseButton::Left), 0, 0),
        ),
        (b"\x1b[M`+*", click(MouseEventKind::ScrollUp, 10, 9)),
        (
            b"\x1b[32;10;5M",
            click(MouseEventKind::Down(MouseButton::Left), 9, 4),
        ),
        (b"\x1b[I", Event::FocusGained),
        (
            b"\x1b[200~twee\r\nregels \x1b[201 en \x1b[20\x1b\x1b[201~",
            Event::Paste("twee\r\nregels \x1b[201 en \x1b[20\x1b".into()),
        ),
        (b"\x1b[200~\x1b[201~", Event::Paste(String::new())),
        (
            b"\x1b[200~caf\xc3\xa9 \xe3!\x1b[201~",
            Event::Paste(format!("café {FFFD}!")),
        ),
    ]
}

#[test]
fn every_known_sequence_is_one_event_at_once() {
    for (bytes, want) in known() {
        assert_eq!(complete(bytes), vec![want], "{bytes:?}");
    }
}

/// All of them in one stream, and that stream cut at every byte boundary and into single
/// bytes: the same events, in order, whatever the reads were.
#[test]
fn a_stream_split_anywhere_decodes_the_same() {
    let known = known();
    let stream: Vec<u8> = known.iter().flat_map(|(b, _)| b.iter().copied()).collect();
    let want: Vec<Event> = known.into_iter().map(|(_, e)| e).collect();
    assert_eq!(complete(&stream), want);
    for cut in 0..=stream.len() {
        let (a, b) = stream.split_at(cut);
        assert_eq!(in_pieces(&[a, b]), want, "cut at {cut}");
    }
    let bytes: Vec<&[u8]> = stream.chunks(1).collect();
    assert_eq!(in_pieces(&bytes), want, "byte by byte");
    // Three pieces too, around every escape sequence's inside.
    for i in (0..stream.len()).step_by(7) {
        for j in i..stream.len().min(i + 9) {
            let pieces = [&stream[..i], &stream[i..j], &stream[j..]];
            assert_eq!(in_pieces(&pieces), want, "cut at {i} and {j}");
        }
    }
}

/// A lead byte whose rest never comes waits; settled it is one U+FFFD, and the next key
/// counts as itself, also when it came before the settling.
#[test]
fn a_lone_lead_byte_waits_then_is_one_replacement() {
    for lead in 0xC2..=0xF4u8 {
        let mut d = Decoder::default();
        let mut out = VecDeque::new();
        d.feed(&[lead], &mut out);
        assert!(out.is_empty(), "{lead:#x} waits for the rest");
        assert_eq!(d.waiting(), Some(SEQUENCE_TIMEOUT));
        d.flush(&mut out);
        d.feed(b"a", &mut out);
        assert_eq!(Vec::from(out), vec![ch(FFFD), ch('a')], "{lead:#x}");
        assert_eq!(d.waiting(), None);

        let mut next = vec![lead];
        next.extend_from_slice(b"\x1b[B");
        assert_eq!(complete(&next), vec![ch(FFFD), key(KeyCode::Down)]);
    }
    // Two of a three-byte character, then the rest never comes.
    assert_eq!(settled(b"\xe3\x81"), vec![ch(FFFD)]);
    assert_eq!(
        in_pieces(&[b"\xe3", b"\x81", b"x"]),
        text(&format!("{FFFD}x"))
    );
    // Through a split, the character whole.
    assert_eq!(in_pieces(&[b"\xe3", b"\x81", b"\x82"]), text("\u{3042}"));
}

/// Invalid UTF-8 gives U+FFFD for each maximal subpart, as `String::from_utf8_lossy` does,
/// and never takes the byte that broke a sequence.
#[test]
fn invalid_utf8_is_replaced_as_from_utf8_lossy_does() {
    let cases: &[&[u8]] = &[
        b"\xe3A",
        b"\xe3\x81A",
        b"\xf0\x9f\x98D",
        b"\xc0\x80",             // overlong NUL
        b"\xc1\xbf",             // overlong
        b"\xe0\x80\xaf",         // overlong '/'
        b"\xf0\x80\x80\xaf",     // overlong '/'
        b"\xed\xa0\x80",         // a surrogate
        b"\xf4\x90\x80\x80",     // above U+10FFFF
        b"\xf5\xf8\xfc\xfe\xff", // never in UTF-8
        b"\x80\xbf\x9b",         // continuation bytes alone
        b"\xe3\xe3\x81\x82",
    ];
    for &bytes in cases {
        let want = text(&String::from_utf8_lossy(bytes));
        assert_eq!(complete(bytes), want, "{bytes:x?}");
        assert_eq!(settled(bytes), want, "{bytes:x?}");
    }
}

/// C1 control bytes are not escape sequences in UTF-8 (0x9B is no CSI) and not text: alone
/// they are invalid, encoded they are dropped.
#[test]
fn c1_bytes_are_neither_sequences_nor_text() {
    assert_eq!(complete(b"\x9bA"), text(&format!("{FFFD}A")));
    assert_eq!(complete(b"\x9b2J"), text(&format!("{FFFD}2J")));
    assert_eq!(complete(b"\xc2\x9bA"), text("A"));
    assert_eq!(complete(b"\xc2\x85\xc2\x9f"), vec![]);
    // Alt with a C1 character is nothing either.
    assert_eq!(complete(b"\x1b\xc2\x9bx"), text("x"));
}

#[test]
fn a_lone_esc_is_the_esc_key_once_settled() {
    let mut d = Decoder::default();
    let mut out = VecDeque::new();
    d.feed(b"\x1b", &mut out);
    assert!(out.is_empty());
    assert_eq!(d.waiting(), Some(SEQUENCE_TIMEOUT));
    d.flush(&mut out);
    assert_eq!(Vec::from(out), vec![key(KeyCode::Esc)]);

    assert_eq!(settled(b"\x1b\x1b"), vec![key(KeyCode::Esc); 2]);
    assert_eq!(
        settled(b"\x1b\x1b[A"),
        vec![key(KeyCode::Esc), key(KeyCode::Up)]
    );
    // Half a sequence: Alt-[ or Alt-O when only the introducer came; nothing otherwise; and
    // never the key after it.
    let alt = KeyModifiers::ALT;
    assert_eq!(settled(b"\x1b["), vec![key_with(KeyCode::Char('['), alt)]);
    assert_eq!(
        settled(b"\x1bO"),
        vec![key_with(KeyCode::Char('O'), alt | KeyModifiers::SHIFT)]
    );
    assert_eq!(in_pieces(&[b"\x1b[1;", b""]), vec![]);
    let mut d = Decoder::default();
    let mut out = VecDeque::new();
    d.feed(b"\x1b[1;", &mut out);
    d.flush(&mut out);
    d.feed(b"A", &mut out);
    assert_eq!(Vec::from(out), vec![ch('A')]);
    // A control or non-ASCII byte inside a sequence ends it and counts as itself.
    assert_eq!(
        complete(b"\x1b[1\x03"),
        vec![key_with(KeyCode::Char('c'), KeyModifiers::CONTROL)]
    );
    assert_eq!(
        complete(b"\x1b[\xc3\xa9"),
        vec![key_with(KeyCode::Char('['), alt), ch('é')]
    );
    assert_eq!(
        complete(b"\x1bO\x7f"),
        vec![
            key_with(KeyCode::Char('O'), alt | KeyModifiers::SHIFT),
            key(KeyCode::Backspace)
        ]
    );
}

#[test]
fn sequences_for_nothing_here_are_dropped_whole() {
    for bytes in [
        &b"\x1b[?1;2c"[..], // device attributes
        b"\x1b[12;40R",     // cursor position
        b"\x1b[?62u",       // keyboard flags
        b"\x1b[97;5u",      // a kitty key
        b"\x1b[99~",        // no such key
        b"\x1b[1;2;3;4;5x", // no such final byte
        b"\x1bOz",          // no such SS3 key
        b"\x1b[<99;1;1M",   // no such button
        b"\x1b[<1;1M",      // two numbers, not three
        b"\x1b[<1;=;1M",    // not a number
        b"\x1b[201~",       // a paste end without a start
        b"\x1b[99999999~",  // beyond u16
    ] {
        let mut stream = bytes.to_vec();
        stream.push(b'k');
        assert_eq!(complete(&stream), vec![ch('k')], "{bytes:?}");
    }
}

#[test]
fn a_paste_waits_for_its_end_longer_and_is_settled_whole() {
    let mut d = Decoder::default();
    let mut out = VecDeque::new();
    d.feed(b"\x1b[200~half a paste\x1b[20", &mut out);
    assert!(out.is_empty());
    assert_eq!(d.waiting(), Some(PASTE_TIMEOUT));
    d.flush(&mut out);
    d.feed(b"j", &mut out);
    assert_eq!(
        Vec::from(out),
        vec![Event::Paste("half a paste\x1b[20".into()), ch('j')]
    );
    assert_eq!(settled(b"\x1b[200~"), vec![Event::Paste(String::new())]);
}

#[test]
fn a_huge_paste_is_kept_to_a_bound_and_ends_normally() {
    let mut d = Decoder::default();
    let mut out = VecDeque::new();
    d.feed(b"\x1b[200~", &mut out);
    let chunk = vec![b'y'; 64 * 1024];
    for _ in 0..40 {
        d.feed(&chunk, &mut out);
    }
    d.feed(b"\x1b[201~q", &mut out);
    let out = Vec::from(out);
    assert_eq!(out.len(), 2);
    let Event::Paste(p) = &out[0] else {
        panic!("a paste: {:?}", out[0]);
    };
    assert_eq!(p.len(), 1 << 20);
    assert_eq!(out[1], ch('q'));
}

#[test]
fn an_endless_sequence_is_not_kept() {
    let mut d = Decoder::default();
    let mut out = VecDeque::new();
    d.feed(b"\x1b[", &mut out);
    for _ in 0..10_000 {
        d.feed(b"1;", &mut out);
        assert!(d.pending_len() <= 128, "{}", d.pending_len());
    }
}

#[test]
fn a_burst_of_keys_larger_than_any_read_is_every_key() {
    let mut stream = Vec::new();
    for _ in 0..3000 {
        stream.extend_from_slice(b"j\x1b[Ak");
    }
    let want: Vec<Event> = (0..3000)
        .flat_map(|_| [ch('j'), key(KeyCode::Up), ch('k')])
        .collect();
    for size in [1, 2, 3, 5, 1024, 4095, 4096] {
        let pieces: Vec<&[u8]> = stream.chunks(size).collect();
        assert_eq!(in_pieces(&pieces), want, "pieces of {size}");
    }
}

proptest! {
    /// Text without control bytes decodes as `String::from_utf8_lossy` reads it, C1
    /// characters left out, however it is split.
    #[test]
    fn text_decodes_as_lossy_utf8(
        bytes in proptest::collection::vec(prop_oneof![0x20u8..0x7f, 0x80u8..=0xff], 0..64),
        cut in 0usize..64,
    ) {
        let want: Vec<Event> = String::from_utf8_lossy(&bytes)
            .chars()
            .filter(|c| !c.is_control())
            .map(ch)
            .collect();
        let cut = cut.min(bytes.len());
        let (a, b) = bytes.split_at(cut);
        prop_assert_eq!(in_pieces(&[a, b]), want.clone());
        prop_assert_eq!(settled(&bytes), want);
    }

    /// Whatever came before, once it is settled nothing waits and an arrow key and a letter
    /// after it are exactly themselves; and no input panics.
    #[test]
    fn any_input_is_settled_and_what_follows_counts(
        bytes in proptest::collection::vec(any::<u8>(), 0..96),
        cuts in proptest::collection::vec(0usize..96, 0..4),
    ) {
        let mut d = Decoder::default();
        let mut out = VecDeque::new();
        let mut at = 0;
        let mut cuts = cuts;
        cuts.sort_unstable();
        for cut in cuts {
            let cut = cut.clamp(at, bytes.len());
            d.feed(&bytes[at..cut], &mut out);
            at = cut;
        }
        d.feed(&bytes[at..], &mut out);
        d.flush(&mut out);
        prop_assert_eq!(d.waiting(), None);
        out.clear();
        d.feed(b"\x1b[Bx", &mut out);
        prop_assert_eq!(Vec::from(out), vec![key(KeyCode::Down), ch('x')]);
    }
}
