//! Drawing only: every function here reads the model and draws; none changes anything.
mod advice;
mod campaign;
pub mod compare;
pub mod documents;
mod forms;
mod legend;
mod note;
mod notes;
mod overlay;
mod page;
mod plan;
mod profile;
mod question;
mod signoff;
mod start;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::app::{Model, NoticeKind, Screen, TextField};
use super::keymap::Action;
use super::theme::Theme;
use crate::locale::screen::words;
use crate::text::Lang;
pub use crate::text::wrap_lines;
pub use legend::legend_actions;
use legend::{draw_legend, start_legend};
pub use page::{page, page_for};

/// The smallest terminal the screens are laid out for: 80 × 22, so that an 80 × 24 terminal
/// still fits inside tmux or screen with a status line (80 × 23) and a tab bar besides.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 22;

/// From this width on (a projector's 200 × 50, a large screen) the screens use the room: wider
/// side panels, text shown whole, and text kept to a readable width ([`READABLE`]).
pub const PROJECTOR_WIDTH: u16 = 160;
/// The widest a panel of running text is drawn: longer lines are hard to follow, the more so
/// from the back of a room.
pub const READABLE: u16 = 120;

/// `area` kept to [`READABLE`] columns, centred, from [`PROJECTOR_WIDTH`] on.
pub fn readable(area: Rect) -> Rect {
    if area.width < PROJECTOR_WIDTH {
        return area;
    }
    Rect {
        x: area.x + (area.width - READABLE) / 2,
        width: READABLE,
        ..area
    }
}

/// Whether a terminal of `width` × `height` is large enough for the screens.
pub fn fits(width: u16, height: u16) -> bool {
    width >= MIN_WIDTH && height >= MIN_HEIGHT
}

/// Where a click lands: the screen rows of each item of the list on screen, with the item's
/// place in that list (the place its cursor takes).
pub type Targets = Vec<(Rect, usize)>;

/// Draws the model; returns where the items of its list are, for clicks (none while an
/// overlay covers the screen).
pub fn draw(frame: &mut Frame, m: &Model) -> Targets {
    let chrome = Chrome {
        lang: m.lang,
        theme: m.theme,
        header: header_text(m),
        status: m.status.as_ref(),
        legend: legend_actions(m),
    };
    let Some(body) = draw_chrome(frame, &chrome) else {
        return Targets::new();
    };
    // Text and forms are kept to a readable width on a wide screen; the questionnaire and the
    // record list use all of it.
    let text = readable(body);
    // The profile's form takes the room of the start screen it covers.
    if let Some(f) = m.profile_form() {
        profile::draw(frame, m, f, text);
        overlay::draw(frame, m, frame.area());
        return Targets::new();
    }
    // So does the plan's form, the advice's.
    if let Some(f) = m.plan_form() {
        plan::draw(frame, m, f, text);
        overlay::draw(frame, m, frame.area());
        return Targets::new();
    }
    let targets = match &m.screen {
        Screen::Start(s) => start::draw(frame, &start::StartView::of(m, s), body),
        Screen::NewForm(f) => {
            forms::new_form(frame, m, f, text);
            Targets::new()
        }
        Screen::Question(s) => question::draw(frame, m, s, body),
        Screen::Review(r) => question::review(frame, m, r, text),
        // The advice uses the width in two columns of its own.
        Screen::Advice(v) => advice::draw(frame, m, v, body),
        Screen::SignOff(f) => {
            forms::sign_off(frame, m, f, text);
            Targets::new()
        }
        Screen::Export(f) => {
            forms::export(frame, m, f, text);
            Targets::new()
        }
        Screen::Documents(v) => documents::draw(frame, m, v, text),
        Screen::Register(f) => {
            forms::register(frame, m, f, text);
            Targets::new()
        }
        Screen::Compare(v) => compare::draw(frame, m, v, body),
    };
    overlay::draw(frame, m, frame.area());
    match m.overlay {
        super::app::Overlay::None => targets,
        _ => Targets::new(),
    }
}

/// The start screen before anything is loaded (not even the question bank), for the very
/// first frame: the same screen the model draws a moment later, with the records still
/// loading.
pub fn draw_first(frame: &mut Frame, lang: Lang, theme: Theme, store_shown: &str) {
    let start = super::app::Start::default();
    let chrome = Chrome {
        lang,
        theme,
        header: (words(lang).tagline.to_string(), String::new()),
        status: None,
        legend: (super::keymap::Ctx::Nav, start_legend(&start)),
    };
    if let Some(body) = draw_chrome(frame, &chrome) {
        let view = start::StartView {
            bank: None,
            lang,
            theme,
            records: &super::app::Records::Loading,
            cursor: start.cursor,
            marked: None,
            store_shown,
            clock: crate::record::time::now,
            archive: None,
            filter: None,
            typing: false,
            hits: None,
        };
        start::draw(frame, &view, body);
    }
}

/// What frames every screen: the header, the status line and the key legend.
struct Chrome<'a> {
    lang: Lang,
    theme: Theme,
    header: (String, String),
    status: Option<&'a super::app::Notice>,
    legend: (super::keymap::Ctx, Vec<Action>),
}

/// Draws the frame around a screen and returns the room left for the screen itself; `None`
/// when the terminal is too small, after saying so.
fn draw_chrome(frame: &mut Frame, c: &Chrome) -> Option<Rect> {
    let area = frame.area();
    // The theme's own background and foreground under everything (the terminal's own in the
    // default theme, where this changes nothing).
    frame.buffer_mut().set_style(area, c.theme.plain());
    if !fits(area.width, area.height) {
        too_small(frame, c.lang, c.theme, area);
        return None;
    }
    let status_lines = status_lines(c, area.width);
    let [header, body, status, legend] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(status_lines.len().max(1) as u16),
        Constraint::Length(2),
    ])
    .areas(area);
    draw_header(frame, c, header);
    draw_status(frame, c, &status_lines, status);
    draw_legend(frame, c, legend);
    Some(body)
}

fn too_small(frame: &mut Frame, lang: Lang, theme: Theme, area: Rect) {
    let w = words(lang);
    let text = format!(
        // "80×22" without spaces: a size is never wrapped apart.
        "{} {MIN_WIDTH}×{MIN_HEIGHT} {} ({} {}×{}). {}",
        w.too_small, w.characters, w.now, area.width, area.height, w.too_small_keys
    );
    let lines = wrap_lines(&text, area.width.saturating_sub(2) as usize, "", "");
    let h = (lines.len() as u16).min(area.height);
    let y = area.y + area.height.saturating_sub(h) / 2;
    let p = Paragraph::new(lines.into_iter().map(Line::from).collect::<Vec<_>>())
        .style(theme.bold())
        .centered();
    frame.render_widget(p, Rect::new(area.x, y, area.width, h));
}

/// The header's left (what this is about) and right (which screen) parts.
fn header_text(m: &Model) -> (String, String) {
    let w = words(m.lang);
    if m.profile_form().is_some() {
        return (w.profile_title.to_string(), String::new());
    }
    let title = match &m.screen {
        Screen::Start(_) => w.tagline.to_string(),
        Screen::NewForm(_) => w.new_assessment.to_string(),
        Screen::Register(_) => crate::locale::register::form_words(m.lang)
            .title
            .to_string(),
        Screen::Compare(v) => {
            let c = &v.comparison;
            let name = |s: &crate::compare::Side| match s.title.trim() {
                "" => crate::locale::record::untitled(m.lang).to_string(),
                _ => crate::json::escape_controls(&s.title),
            };
            format!("A {} · B {}", name(&c.a), name(&c.b))
        }
        _ => {
            let name = m
                .record()
                .map(|r| r.title(m.lang).to_string())
                .unwrap_or_default();
            format!("{}: {name}", m.lang.ui().campaign)
        }
    };
    let mut right = match &m.screen {
        Screen::Question(_) => w.screen_question,
        Screen::Review(_) => w.screen_review,
        Screen::Advice(_) => w.screen_advice,
        Screen::SignOff(_) => w.screen_sign_off,
        Screen::Export(_) => w.screen_export,
        Screen::Documents(_) => crate::locale::screen::doc_words(m.lang).screen,
        Screen::Compare(_) => crate::locale::compare::screen_words(m.lang).screen,
        _ => "",
    }
    .to_string();
    if m.work.as_ref().is_some_and(|x| x.is_read_only()) {
        right = format!("{right} ({})", w.read_only_short);
    }
    (title, right)
}

fn draw_header(frame: &mut Frame, c: &Chrome, area: Rect) {
    let left = format!(" AVG-wijzer — {}", c.header.0);
    let width = area.width as usize;
    let right = format!("{} ", c.header.1);
    let room = width.saturating_sub(right.chars().count());
    let left = truncate(&left, room);
    let pad = width.saturating_sub(left.chars().count() + right.chars().count());
    let line = format!("{left}{}{right}", " ".repeat(pad));
    one_line(
        frame.buffer_mut(),
        &Line::from(line),
        c.theme.header(),
        area,
    );
}

/// The status line's text, wrapped: a message that says what went wrong and what to do is
/// often longer than one line, so it takes up to four.
fn status_lines(c: &Chrome, width: u16) -> Vec<String> {
    const MOST: usize = 4;
    let Some(n) = c.status else {
        return Vec::new();
    };
    let text = match n.kind {
        NoticeKind::Info => n.text.clone(),
        NoticeKind::Error => format!("{}: {}", words(c.lang).error, n.text),
    };
    let mut lines = wrap_lines(&text, usize::from(width).saturating_sub(1), " ", " ");
    lines.truncate(MOST);
    lines
}

fn draw_status(frame: &mut Frame, c: &Chrome, lines: &[String], area: Rect) {
    let Some(n) = c.status else { return };
    let style = match n.kind {
        NoticeKind::Info => c.theme.bold(),
        NoticeKind::Error => c.theme.error(),
    };
    for (i, line) in lines.iter().enumerate() {
        let row = Rect {
            y: area.y + i as u16,
            height: 1,
            ..area
        };
        if row.y < area.bottom() {
            one_line(frame.buffer_mut(), &Line::from(line.as_str()), style, row);
        }
    }
}

// --- helpers shared by the screens -------------------------------------------------------

pub fn truncate(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    let mut t: String = s.chars().take(width.saturating_sub(1)).collect();
    t.push('…');
    t
}

/// A bordered block; the focused one gets a bold frame and a "▶" in its title, so focus never
/// rests on the frame's weight alone.
pub fn panel<'a>(title: &str, focused: bool, theme: Theme) -> Block<'a> {
    let title = if focused {
        format!(" ▶ {title} ")
    } else {
        format!(" {title} ")
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(title, theme.bold()));
    if focused {
        block.border_style(theme.focus_border())
    } else {
        block
    }
}

/// A labelled one-line text field with its guard warning below it. Returns the lines used and,
/// when focused, where the cursor goes.
pub fn text_field(
    label: &str,
    field: &TextField,
    focused: bool,
    width: usize,
    theme: Theme,
) -> (Vec<Line<'static>>, Option<(u16, u16)>) {
    let mut lines = vec![Line::from(Span::styled(
        format!("{}{label}", if focused { "▶ " } else { "  " }),
        theme.bold(),
    ))];
    // The visible part of the text: its end, when it is longer than the field.
    let inner = width.saturating_sub(4).max(4);
    let chars: Vec<char> = field.text.chars().collect();
    let start = field.cursor.saturating_sub(inner - 1);
    let shown: String = chars.iter().skip(start).take(inner).collect();
    let pad = inner.saturating_sub(shown.chars().count());
    let style = if focused {
        theme.selected()
    } else {
        theme.plain()
    };
    lines.push(Line::from(vec![
        Span::raw("  ["),
        Span::styled(format!("{shown}{}", " ".repeat(pad)), style),
        Span::raw("]"),
    ]));
    let cursor = focused.then_some(((3 + field.cursor - start) as u16, 1u16));
    if let Some(w) = &field.warning {
        for l in wrap_lines(&format!("⚠ {w}"), width.saturating_sub(2), "  ", "    ") {
            lines.push(Line::from(Span::styled(l, theme.warning())));
        }
    }
    (lines, cursor)
}

/// A centred rectangle of at most `w` × `h` inside `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Clears `area` and draws a bordered box in it; returns the inside.
pub fn popup(frame: &mut Frame, area: Rect, title: &str, theme: Theme) -> Rect {
    frame.render_widget(Clear, area);
    frame.buffer_mut().set_style(area, theme.plain());
    let block = panel(title, true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// The first line to show so that lines `start..end` are visible in `height` lines.
pub fn scroll_to(start: usize, end: usize, height: usize) -> usize {
    if end <= height {
        0
    } else if end - start >= height {
        start
    } else {
        end - height
    }
}

/// Text in `inner` from line `scroll` on (held so the last line can reach the bottom, no
/// further); when it does not all fit, the bottom border of `outer` says in words whether
/// more follows (`words.0`) or the text ends (`words.1`): a projector shows no scroll bar well.
pub fn scrolled_text(
    frame: &mut Frame,
    lines: Vec<Line<'_>>,
    scroll: u16,
    (inner, outer): (Rect, Rect),
    (more, end): (&str, &str),
    theme: Theme,
) {
    let max = lines.len().saturating_sub(inner.height as usize);
    let scroll = (scroll as usize).min(max);
    let total = lines.len();
    render_lines(frame, lines, scroll, inner);
    scroll_sign(
        frame,
        (scroll, total, inner.height),
        outer,
        (more, end),
        theme,
    );
}

/// When `total` lines do not all fit in `height` rows, the bottom border of `outer` says in
/// words whether more follows the lines shown from `offset` on (`words.0`) or the text ends
/// there (`words.1`): a projector shows no scroll bar well, and an entry below the fold must
/// not pass for the end.
pub fn scroll_sign(
    frame: &mut Frame,
    (offset, total, height): (usize, usize, u16),
    outer: Rect,
    (more, end): (&str, &str),
    theme: Theme,
) {
    let max = total.saturating_sub(height as usize);
    if max == 0 || outer.height == 0 {
        return;
    }
    let word = if offset < max { more } else { end };
    let at = Rect::new(
        outer.x + 2,
        outer.bottom() - 1,
        outer.width.saturating_sub(4),
        1,
    );
    frame.render_widget(Paragraph::new(format!(" {word} ")).style(theme.bold()), at);
}

/// The rows of `area` where each item shows, when the lines `spans[i]` (from, to) of item `i`
/// are drawn from line `offset` on; items scrolled out of sight have none.
pub fn item_rows(spans: &[(usize, usize)], offset: usize, area: Rect) -> Targets {
    let end = offset + area.height as usize;
    spans
        .iter()
        .enumerate()
        .filter_map(|(i, &(from, to))| {
            let (top, bottom) = (from.max(offset), to.min(end));
            (top < bottom).then(|| {
                let y = area.y + (top - offset) as u16;
                (Rect::new(area.x, y, area.width, (bottom - top) as u16), i)
            })
        })
        .collect()
}

/// Draws the lines that fit in `area` from `offset` on, straight into the buffer: only what
/// shows is measured, without a paragraph's reflowing, so long explanations and advice stay
/// cheap to redraw on every key.
pub fn render_lines(frame: &mut Frame, lines: Vec<Line<'_>>, offset: usize, area: Rect) {
    let buf = frame.buffer_mut();
    for (i, line) in lines
        .iter()
        .skip(offset)
        .take(area.height as usize)
        .enumerate()
    {
        put_line(buf, area.x, area.y + i as u16, line, area.width);
    }
}

/// One line over `area`, the area first filled with `style`: what a one-line `Paragraph`
/// draws, without its reflowing (a test holds the two together).
pub fn one_line(buf: &mut Buffer, line: &Line<'_>, style: Style, area: Rect) {
    buf.set_style(area, style);
    put_line(buf, area.x, area.y, line, area.width);
}

/// Characters that always fill one cell as a grapheme of their own, unless a character that
/// is not in this set follows: printable ASCII, Latin letters and signs, dashes and quotes,
/// arrows, box drawing, blocks and shapes. Nearly all the text on screen.
fn simple(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{A0}'..='\u{AC}'
        | '\u{AE}'..='\u{17F}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2190}'..='\u{21FF}'
        | '\u{2500}'..='\u{25FC}')
}

/// What `Buffer::set_line` draws, cell for cell (a test holds the two together), without
/// splitting into graphemes and measuring each where the characters are [`simple`]: that split
/// is most of the time a frame takes. The rest of a span, from the first other character on,
/// is drawn by ratatui itself.
///
/// Kept because the key-latency bar needs it (benches/perf.rs, group tui, 1000 keys, the two
/// builds run in turn, eight runs each): drawing with `set_line` itself put the key-to-frame
/// p99 over 1.5× the minimal app's in 6 of 8 runs with an empty store (median 1.71×, p50
/// 0.15 ms), with this path in 2 of 8 (median 1.28×, p50 0.13 ms).
fn put_line(buf: &mut Buffer, x: u16, y: u16, line: &Line<'_>, width: u16) {
    let end = x.saturating_add(width).min(buf.area.right());
    let mut x = x;
    for span in &line.spans {
        let style = line.style.patch(span.style);
        let text = span.content.as_ref();
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if x >= end {
                return;
            }
            if simple(c) && chars.peek().is_none_or(|&(_, next)| simple(next)) {
                buf[(x, y)].set_char(c).set_style(style);
                x += 1;
            } else {
                x = buf
                    .set_stringn(x, y, &text[at..], usize::from(end - x), style)
                    .0;
                break;
            }
        }
    }
}

pub fn plain_lines(lines: Vec<String>, style: Style) -> Vec<Line<'static>> {
    lines
        .into_iter()
        .map(|l| Line::from(Span::styled(l, style)))
        .collect()
}

#[cfg(test)]
mod tests {
    /// The fast drawing of lines agrees with ratatui's, cell for cell: for every simple
    /// character, and for text that mixes them with combining marks, wide characters, emoji,
    /// controls and styles, at widths that cut through all of it.
    #[test]
    fn put_line_draws_what_set_line_draws() {
        use ratatui::buffer::Buffer;
        use ratatui::layout::Rect;
        use ratatui::style::{Color, Style, Stylize};
        use ratatui::text::{Line, Span};

        let mut texts: Vec<String> = [
            '\u{20}'..='\u{7E}',
            '\u{A0}'..='\u{17F}',
            '\u{2010}'..='\u{2027}',
            '\u{2190}'..='\u{21FF}',
            '\u{2500}'..='\u{25FF}',
        ]
        .into_iter()
        .flat_map(|r| r.map(|c| format!("{c}a{c}\u{301}{c}")))
        .collect();
        texts.extend(
            [
                "Één geëxporteerd verslag — “citaat” ▶ (•) [x] ███▓▓░░··",
                "e\u{301}e\u{301} n\u{303}",
                "wide 漢字 and ｆｕｌｌ width",
                "emoji 👍🏽 and 👨‍👩‍👧 and ⚠️ and ✎ and ◽",
                "tab\there, newline\nthere, cr\r\nlf, bell\u{7}",
                "zero\u{200B}width and soft\u{AD}hyphen and \u{FE0F} alone",
                "\u{600}a prepend, 각 hangul, \u{1F1F3}\u{1F1F1} flag",
                "",
            ]
            .map(str::to_string),
        );
        let style = Style::new().fg(Color::Red);
        for text in &texts {
            let lines = [
                Line::from(text.as_str()),
                Line::from(vec![
                    Span::raw("▶ "),
                    Span::styled(text.as_str(), style),
                    Span::raw(" →"),
                ])
                .bold(),
            ];
            for line in &lines {
                for width in [0, 1, 2, 3, 5, 8, 13, 40] {
                    let area = Rect::new(0, 0, 30, 1);
                    let (mut ours, mut theirs) = (Buffer::empty(area), Buffer::empty(area));
                    super::put_line(&mut ours, 2, 0, line, width);
                    theirs.set_line(2, 0, line, width);
                    assert_eq!(ours, theirs, "{text:?} at width {width}");
                }
                // A paragraph leaves the cell hidden behind a wide character styled, where
                // `set_line` resets it; the terminal shows neither.
                if text.chars().any(|c| Span::raw(c.to_string()).width() > 1) {
                    continue;
                }
                let area = Rect::new(1, 0, 20, 1);
                let (mut ours, mut theirs) = (Buffer::empty(area), Buffer::empty(area));
                super::one_line(&mut ours, line, style, area);
                ratatui::widgets::Widget::render(
                    ratatui::widgets::Paragraph::new(line.clone()).style(style),
                    area,
                    &mut theirs,
                );
                assert_eq!(ours, theirs, "{text:?} as a paragraph");
            }
        }
    }
}
