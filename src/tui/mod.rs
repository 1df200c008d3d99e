//! The full-screen front end (ratatui + crossterm) over the same engine and store as the plain
//! mode. Elm style: one [`app::Model`], [`message::Message`]s from the [`keymap`],
//! [`update::update`] for every change, and [`view::draw`] that only draws. The loop is generic
//! over the backend so tests draw into a `TestBackend`.
//!
//! Keys, clicks, pastes and resizes come from [`input::Input`], which reads the terminal
//! itself: crossterm's `event::read` can stop taking input (see there).
//!
//! The terminal is restored on every way out: a normal quit, an error (a guard), a panic
//! (ratatui's hook) and SIGTERM/SIGHUP/SIGINT (a flag the loop polls).
pub mod action;
pub mod app;
pub mod driver;
pub mod effect;
pub mod input;
pub mod keymap;
pub mod message;
pub mod theme;
pub mod update;
pub mod view;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::Duration;

use anyhow::Result;
use crossterm::event::{
    DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyEvent, MouseButton, MouseEventKind,
};
use ratatui::Terminal;
use ratatui::backend::Backend;

use crate::app::Workflow;
use crate::bank::Bank;
use crate::store::Store;
use crate::text::Lang;

use app::{Model, Run};
use driver::Driver;
use effect::{Effect, Then};
use input::Input;
use message::Message;

/// Why the interface could not start or go on, on the terminal's side; said by
/// `locale::screen`. The system's own words are kept as they are.
#[derive(Debug)]
pub enum ScreenError {
    /// The terminal could not be set up for the full screen (raw mode, the alternate screen).
    Unusable(String),
    /// A frame could not be drawn.
    Drawing(String),
    /// There is no terminal to read the keys from.
    Keys(String),
    /// The terminal gives no more input: its other end closed.
    Gone,
}

impl std::error::Error for ScreenError {}

/// Reading the keys failed: the terminal closed, or as the system says.
fn reading(e: std::io::Error) -> anyhow::Error {
    if e.get_ref().is_some_and(|inner| inner.is::<input::Gone>()) {
        ScreenError::Gone.into()
    } else {
        e.into()
    }
}

/// Restores the terminal when dropped: on a normal return, on `?` and while unwinding.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        restore();
    }
}

/// Gives the terminal back as it was: mouse reporting off, then what ratatui set up.
fn restore() {
    let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
}

/// A flag raised by SIGTERM or SIGINT; a second signal ends the process at once. SIGHUP means
/// the terminal is gone and reading from it may return nothing for ever, so a watcher thread
/// ([`Hangup::watch`]) restores what it can and ends the process at once (every answer is
/// already saved).
pub fn stop_flag() -> Result<(Arc<AtomicBool>, Hangup)> {
    let stop = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    {
        for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT] {
            signal_hook::flag::register_conditional_shutdown(sig, 1, Arc::clone(&stop))?;
            signal_hook::flag::register(sig, Arc::clone(&stop))?;
        }
        // Not a flag for the loop: with the terminal gone it may be stuck reading.
        let signals = signal_hook::iterator::Signals::new([signal_hook::consts::SIGHUP])?;
        Ok((stop, Hangup { signals }))
    }
    #[cfg(not(unix))]
    Ok((stop, Hangup {}))
}

/// Makes the allocator keep one heap for all threads. By default glibc gives the thread that
/// lists the records a heap of its own, so the list's rows and its passing work took fresh
/// pages while the space the question bank's compilation had freed on the main heap stayed
/// unused: with one heap the interface's peak with 10,000 records went from 10.7 to 10.3 MiB
/// (a session like `benches/perf.rs`'s, on a store of 10,004 records). The interface has no
/// threads that allocate at the same time for long, so sharing the heap's lock costs nothing.
fn one_heap() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a number in the allocator's state; it is called before this
    // process starts a thread.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}

/// SIGHUP, caught from [`stop_flag`] on (a signal that comes is kept until it is read), and
/// acted on by a thread started after the first frame: starting a thread (its stack, and the
/// allocator's arena for it) is work the first frame need not wait for.
pub struct Hangup {
    #[cfg(unix)]
    signals: signal_hook::iterator::Signals,
}

impl Hangup {
    /// Restores the terminal and ends the process when the terminal hangs up.
    pub fn watch(self) {
        #[cfg(unix)]
        {
            let mut hangup = self.signals;
            std::thread::spawn(move || {
                if hangup.forever().next().is_some() {
                    restore();
                    std::process::exit(129);
                }
            });
        }
    }
}

/// Runs the interface on the store in `dir`; `opening` may continue a record at once (a
/// signed-off one as a new revision) or open the form of a new assessment. The first frame is drawn before anything is loaded:
/// the question bank right after it, the store opened and its records listed in the
/// background, so neither a large bank nor 10,000 records delay the start. A bank that
/// does not load comes back as the inner error, with the terminal restored.
pub fn run<E>(
    load_bank: impl FnOnce() -> Result<Bank, E>,
    lang: Lang,
    dir: PathBuf,
    opening: crate::app::Opening,
    accept_altered: bool,
    theme: theme::Theme,
) -> Result<Result<ExitCode, E>> {
    one_heap();
    let (stop, hangup) = stop_flag()?;
    let mut terminal = ratatui::try_init().map_err(|e| {
        ratatui::restore();
        ScreenError::Unusable(e.to_string())
    })?;
    let _restore = Restore;
    // ratatui's panic hook restores the screen; mouse reporting must end too.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
        hook(info);
    }));
    let shown = dir.display().to_string();
    terminal
        .draw(|f| view::draw_first(f, lang, theme, &shown))
        .map_err(|e| ScreenError::Drawing(e.to_string()))?;
    // Clicks choose options and rows (asked for after the first frame, which nothing delays).
    // A terminal without mouse reporting just sends none.
    let _ = crossterm::execute!(std::io::stdout(), EnableMouseCapture);
    hangup.watch();
    let mut input = Input::new().map_err(|e| ScreenError::Keys(e.to_string()))?;
    let bank = match load_bank() {
        Ok(b) => b,
        Err(e) => return Ok(Err(e)),
    };
    // The records are listed after the bank is compiled, not beside it: the list then takes
    // the heap's room the compiling freed, rather than its own beside it. The bank takes a few
    // milliseconds, and the first frame is drawn already.
    let listing = {
        let (tx, rx) = mpsc::channel();
        let dir = dir.clone();
        std::thread::spawn(move || {
            let listed = Store::open(&dir).and_then(|s| app::list_rows(&s));
            let _ = tx.send(listed.map_err(|e| crate::locale::store::said(&e, lang)));
        });
        rx
    };
    // The store is opened (created, checked, tidied) on the thread above; saving needs only
    // its directory.
    let workflow = Workflow::new(&bank, Some(Store { dir }), accept_altered);
    let warning = workflow.exposure_warning(lang);
    let mut model = Model::new(&bank, lang, shown);
    model.theme = theme;
    let mut driver = Driver::new(model, workflow);
    if let Some(w) = warning {
        update::error(&mut driver.model, w);
    }
    match opening {
        crate::app::Opening::Resume(id) => driver.perform(Effect::Open {
            id: id.to_string(),
            then: Then::Continue,
            lang,
        }),
        crate::app::Opening::New => update::new_assessment(&mut driver.model),
        crate::app::Opening::Ask => {}
    }
    let mut listing = Some(listing);
    event_loop(&mut terminal, &mut input, &mut driver, &stop, |driver| {
        let news = match listing.as_ref().map(Receiver::try_recv) {
            Some(Ok(result)) => result,
            Some(Err(TryRecvError::Disconnected)) => {
                Err(crate::locale::screen::list_not_read(lang).into())
            }
            _ => return false,
        };
        listing = None;
        driver.send(Message::Listed(news));
        true
    })?;
    Ok(Ok(ExitCode::SUCCESS))
}

/// Draws, waits for keys and signals, updates; until the model says it is done. `after_draw`
/// runs after every frame and tells whether it changed the model (news from background work).
pub fn event_loop<'b, B: Backend>(
    terminal: &mut Terminal<B>,
    input: &mut Input,
    driver: &mut Driver<'b>,
    stop: &AtomicBool,
    mut after_draw: impl FnMut(&mut Driver<'b>) -> bool,
) -> Result<()> {
    let mut dirty = true;
    let mut targets = view::Targets::new();
    // The model must know whether its screens are in view before the first key.
    if let Ok(size) = terminal.size() {
        driver.send(Message::Resize(size.width, size.height));
    }
    while driver.model.run == Run::Running && !stop.load(Ordering::Relaxed) {
        if dirty {
            terminal
                .draw(|f| targets = view::draw(f, &driver.model))
                .map_err(|e| ScreenError::Drawing(e.to_string()))?;
            dirty = false;
        }
        if after_draw(driver) {
            dirty = true;
            continue;
        }
        let Some(mut event) = input.next(Duration::from_millis(50)).map_err(reading)? else {
            continue;
        };
        // Everything already waiting is handled before the next frame.
        loop {
            match event {
                Event::Key(key) => {
                    if let Some(msg) = keymap::message(key, driver.model.context()) {
                        driver.send(msg);
                        dirty = true;
                    }
                }
                Event::Paste(text) => {
                    driver.send(Message::Paste(text));
                    dirty = true;
                }
                Event::Mouse(mouse) => {
                    // The wheel moves as the arrow keys do, through the same key table.
                    let ctx = driver.model.context();
                    let key = |code| keymap::message(KeyEvent::from(code), ctx);
                    let msg = match mouse.kind {
                        MouseEventKind::Down(MouseButton::Left) => targets
                            .iter()
                            .find(|(r, _)| r.contains((mouse.column, mouse.row).into()))
                            .map(|&(_, i)| Message::Click(i)),
                        MouseEventKind::ScrollDown => key(KeyCode::Down),
                        MouseEventKind::ScrollUp => key(KeyCode::Up),
                        _ => None,
                    };
                    if let Some(msg) = msg {
                        driver.send(msg);
                        dirty = true;
                    }
                }
                Event::Resize(cols, rows) => {
                    driver.send(Message::Resize(cols, rows));
                    dirty = true;
                }
                _ => {}
            }
            if driver.model.run != Run::Running {
                break;
            }
            match input.next(Duration::ZERO).map_err(reading)? {
                Some(next) => event = next,
                None => break,
            }
        }
    }
    Ok(())
}
