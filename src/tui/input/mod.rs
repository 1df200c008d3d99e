//! Keys, clicks, pastes and resizes from the terminal, read here instead of by crossterm's
//! `event::read`. crossterm 0.29 (its mio source) can stop taking input in two ways: after a
//! byte that starts a sequence (a lone UTF-8 lead byte, `Esc [`) it reads the blocking
//! terminal again until more comes, ignoring resizes and signals meanwhile and dropping the
//! next key if it does not fit; and it waits for readiness edge-triggered but reads only 1 KiB
//! before handing out events, so the rest of a larger burst (up to the 4 KiB the terminal
//! buffers) stays unread until the next key. Here the terminal is polled level-triggered,
//! only read when poll says there are bytes, and a sequence that is cut short is settled after
//! a timeout by the [`decode::Decoder`].
pub mod decode;

use std::collections::VecDeque;
use std::io;
use std::time::{Duration, Instant};

use crossterm::event::Event;

use decode::Decoder;

/// The terminal gives no more input: its other end closed. Carried in an `io::Error`, and
/// said by `locale::screen` (as `tui::ScreenError::Gone` once it reaches the loop).
#[derive(Debug)]
pub struct Gone;

impl std::error::Error for Gone {}

/// The terminal's input: events one at a time, waiting at most as long as asked.
pub struct Input {
    #[cfg(unix)]
    source: unix::Source,
    decoder: Decoder,
    events: VecDeque<Event>,
    /// When the last byte came, which settles a sequence still waiting for its rest.
    last_byte: Instant,
}

impl Input {
    /// Reads the terminal crossterm puts in raw mode: standard input if it is one, else the
    /// controlling terminal.
    pub fn new() -> io::Result<Input> {
        Ok(Input {
            #[cfg(unix)]
            source: unix::Source::new()?,
            decoder: Decoder::default(),
            events: VecDeque::new(),
            last_byte: Instant::now(),
        })
    }

    /// The next event, waiting up to `timeout` for one (with a zero timeout: only what has
    /// already come).
    pub fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        let start = Instant::now();
        let deadline = start.checked_add(timeout).unwrap_or(start);
        let mut polled = false;
        loop {
            if let Some(event) = self.events.pop_front() {
                return Ok(Some(event));
            }
            let now = Instant::now();
            let settle_at = self
                .decoder
                .waiting()
                .map(|t| self.last_byte.checked_add(t).unwrap_or(now));
            if settle_at.is_some_and(|at| now >= at) {
                // Bytes that came while the program was busy elsewhere are not late: take
                // them in before calling a sequence cut short.
                if !self.wait(Duration::ZERO)? {
                    self.decoder.flush(&mut self.events);
                }
                continue;
            }
            if polled && now >= deadline {
                return Ok(None);
            }
            let until = settle_at.map_or(deadline, |at| at.min(deadline));
            self.wait(until.saturating_duration_since(now))?;
            polled = true;
        }
    }

    /// Waits up to `timeout` for bytes or a resize and takes them in; whether bytes came.
    #[cfg(unix)]
    fn wait(&mut self, timeout: Duration) -> io::Result<bool> {
        let mut buf = [0u8; 8192];
        let news = self.source.wait(timeout, &mut buf)?;
        if news.resized {
            let (cols, rows) = crossterm::terminal::size().unwrap_or_default();
            self.events.push_back(Event::Resize(cols, rows));
        }
        if news.read > 0 {
            self.last_byte = Instant::now();
            self.decoder.feed(&buf[..news.read], &mut self.events);
        }
        Ok(news.read > 0)
    }

    /// Elsewhere crossterm reads the console, which hands over whole events.
    #[cfg(not(unix))]
    fn wait(&mut self, timeout: Duration) -> io::Result<bool> {
        if crossterm::event::poll(timeout)? {
            self.events.push_back(crossterm::event::read()?);
        }
        Ok(false)
    }
}

#[cfg(unix)]
mod unix {
    use std::io;
    use std::os::fd::{AsFd, OwnedFd};
    use std::os::unix::net::UnixStream;
    use std::time::Duration;

    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    use signal_hook::SigId;

    /// The terminal and a pipe that SIGWINCH writes to, so that one poll waits for both.
    pub struct Source {
        tty: OwnedFd,
        winch: UnixStream,
        winch_id: SigId,
    }

    /// What one wait brought.
    pub struct News {
        pub read: usize,
        pub resized: bool,
    }

    impl Source {
        pub fn new() -> io::Result<Source> {
            let stdin = io::stdin();
            // A copy of the descriptor crossterm set to raw mode (so closing ours leaves
            // standard input open); reads on it are only made when poll says bytes are there,
            // so the terminal stays in blocking mode for the shell after us.
            let tty = if rustix::termios::isatty(stdin.as_fd()) {
                stdin.as_fd().try_clone_to_owned()?
            } else {
                std::fs::File::open("/dev/tty")?.into()
            };
            let (winch, writer) = UnixStream::pair()?;
            winch.set_nonblocking(true)?;
            writer.set_nonblocking(true)?;
            let winch_id =
                signal_hook::low_level::pipe::register(signal_hook::consts::SIGWINCH, writer)?;
            Ok(Source {
                tty,
                winch,
                winch_id,
            })
        }

        /// Waits up to `timeout` for bytes or a resize; reads what one read gives into `buf`.
        pub fn wait(&mut self, timeout: Duration, buf: &mut [u8]) -> io::Result<News> {
            let mut news = News {
                read: 0,
                resized: false,
            };
            // A timeout beyond what a timespec holds is as good as none.
            let timespec = Timespec::try_from(timeout).ok();
            let mut fds = [
                PollFd::new(&self.tty, PollFlags::IN),
                PollFd::new(&self.winch, PollFlags::IN),
            ];
            match poll(&mut fds, timespec.as_ref()) {
                Ok(_) => {}
                // A signal (SIGWINCH among them) ends the wait early; the caller looks again.
                Err(rustix::io::Errno::INTR) => return Ok(news),
                Err(e) => return Err(e.into()),
            }
            let (tty, winch) = (fds[0].revents(), fds[1].revents());
            if winch.contains(PollFlags::IN) {
                let mut drain = [0u8; 64];
                while matches!(rustix::io::read(&self.winch, &mut drain), Ok(n) if n > 0) {}
                news.resized = true;
            }
            if tty.contains(PollFlags::IN) {
                match rustix::io::read(&self.tty, buf) {
                    // The terminal is gone (its other end closed).
                    Ok(0) => return Err(gone()),
                    Ok(n) => news.read = n,
                    Err(rustix::io::Errno::INTR | rustix::io::Errno::AGAIN) => {}
                    Err(e) => return Err(e.into()),
                }
            } else if tty.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
                return Err(gone());
            }
            Ok(news)
        }
    }

    fn gone() -> io::Error {
        io::Error::new(io::ErrorKind::UnexpectedEof, super::Gone)
    }

    impl Drop for Source {
        fn drop(&mut self) {
            signal_hook::low_level::unregister(self.winch_id);
        }
    }
}

#[cfg(test)]
mod tests;
