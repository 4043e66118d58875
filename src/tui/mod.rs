//! The console: actions, keymap, pure update, state, and the event loop.

mod action;
mod app;
mod batch;
mod browser;
mod checklist;
mod editor;
mod effect;
mod event;
mod external;
mod keymap;
mod manager;
mod mouse;
mod search;
mod sgr;
mod state;
mod terminal;
mod ui;
mod update;

pub use action::Action;
pub use app::{App, Events, Hook, Outcome};
pub use effect::Effect;
pub use event::Event;
pub use keymap::{KeyBinding, KeyError, KeyProblem, Keymap};
pub use state::{Scroll, State};
pub use ui::{Depth, Theme, ThemeName, UnknownTheme, draw};
pub use update::update;

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use ratatui::crossterm::clipboard::CopyToClipboard;
use ratatui::crossterm::event as input;
use ratatui::crossterm::execute;
use rustix::event::{PollFd, PollFlags, Timespec, poll};
use rustix::io::Errno;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use terminal::give_back;

/// How the console ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Quit,
    /// Stopped by this signal, after saving and restoring the terminal.
    Signal(i32),
}

/// Runs the console on the real terminal until the reviewer quits or a
/// signal stops it, with the mouse when `mouse` says so. The terminal is
/// restored on every way out, a panic included.
pub fn run(app: &mut App, mouse: bool) -> io::Result<Ending> {
    let signal = Arc::new(AtomicUsize::new(0));
    for number in [SIGTERM, SIGHUP, SIGINT] {
        signal_hook::flag::register_usize(number, Arc::clone(&signal), number as usize)?;
    }
    let mut terminal = terminal::take(mouse)?;
    app.clipboard = Some(Box::new(|text: &str| {
        execute!(io::stdout(), CopyToClipboard::to_clipboard_from(text))
    }));
    app.browser = Some(Box::new(browser::open));
    let mut events = TerminalEvents {
        signal: Arc::clone(&signal),
    };
    let result = loop {
        match app.run(&mut terminal, &mut events) {
            Ok(Outcome::Suspend) => {
                give_back();
                let resumed = signal_hook::low_level::raise(SIGTSTP)
                    .and_then(|()| terminal::take_back(&mut terminal, mouse));
                if let Err(error) = resumed {
                    break Err(error);
                }
            }
            Ok(Outcome::ExternalEdit(file)) => {
                give_back();
                let ran = external::run(&file);
                if let Err(error) = terminal::take_back(&mut terminal, mouse) {
                    break Err(error);
                }
                app.finish_external_edit(ran);
            }
            Ok(Outcome::Quit) => break Ok(Ending::Quit),
            Ok(Outcome::Stopped) => break Ok(Ending::Signal(signal.load(Ordering::SeqCst) as i32)),
            Err(error) => break Err(error),
        }
    };
    if terminal_hung_up(Duration::ZERO).unwrap_or(true) {
        // Dropping the terminal would print that it cannot show the cursor,
        // and printing to a terminal that is gone panics.
        std::mem::forget(terminal);
    }
    give_back();
    result
}

/// Waits up to `timeout` for the terminal (standard input, which crossterm
/// reads when it is a terminal) and says whether it has hung up.
fn terminal_hung_up(timeout: Duration) -> io::Result<bool> {
    let stdin = io::stdin();
    let mut terminal = [PollFd::new(&stdin, PollFlags::IN)];
    // A timeout too long to be said is a wait without end.
    let timeout = Timespec::try_from(timeout).ok();
    match poll(&mut terminal, timeout.as_ref()) {
        Ok(_) => {}
        Err(Errno::INTR) => return Ok(false),
        Err(error) => return Err(error.into()),
    }
    let gone = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
    Ok(terminal[0].revents().intersects(gone))
}

struct TerminalEvents {
    signal: Arc<AtomicUsize>,
}

impl TerminalEvents {
    /// Waits until a key (or any input) comes, a signal or a hang-up asks
    /// to stop, or `until` passes, and says whether it was not the last.
    /// Waits on the terminal ourselves rather than in crossterm's `poll`,
    /// which spins without end on a terminal that has hung up (its reads
    /// return nothing, forever): a hang-up ends the console like SIGHUP.
    fn wait_until(&mut self, until: Option<Instant>) -> io::Result<bool> {
        loop {
            if self.signal.load(Ordering::SeqCst) != 0 || input::poll(Duration::ZERO)? {
                return Ok(true);
            }
            let step = match until {
                None => WATCH,
                Some(until) => match until.checked_duration_since(Instant::now()) {
                    Some(left) if !left.is_zero() => left.min(WATCH),
                    _ => return Ok(false),
                },
            };
            if terminal_hung_up(step)? {
                self.signal.store(SIGHUP as usize, Ordering::SeqCst);
                return Ok(true);
            }
        }
    }
}

/// How long a wait on the terminal goes before looking for a signal again.
const WATCH: Duration = Duration::from_millis(100);

impl Events for TerminalEvents {
    fn next(&mut self) -> io::Result<Option<input::Event>> {
        self.wait_until(None)?;
        if self.signal.load(Ordering::SeqCst) != 0 {
            return Ok(None);
        }
        input::read().map(Some)
    }

    fn pending(&mut self) -> io::Result<bool> {
        input::poll(Duration::ZERO)
    }

    fn wait(&mut self, quiet: Duration) -> io::Result<bool> {
        self.wait_until(Some(Instant::now() + quiet))
    }

    fn idle(&mut self) -> io::Result<bool> {
        Ok(self.signal.load(Ordering::SeqCst) == 0 && !input::poll(Duration::ZERO)?)
    }
}
