//! Taking the terminal and giving it back, on every way out: raw mode, the
//! alternate screen, mouse capture, and a panic hook that gives it back
//! before the panic is told.

use std::io::{self, Stdout};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::layout::Rect;

use super::sgr::BasicColours;

/// The real terminal, with the basic colours written as every terminal
/// reads them.
pub type Screen = Terminal<CrosstermBackend<BasicColours<Stdout>>>;

/// Takes the terminal: raw mode, the alternate screen, and the mouse when
/// `mouse` asks for it.
pub fn take(mouse: bool) -> io::Result<Screen> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        give_back();
        hook(info);
    }));
    enter(mouse)?;
    Terminal::new(CrosstermBackend::new(BasicColours::new(io::stdout())))
}

fn enter(mouse: bool) -> io::Result<()> {
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen)?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

/// Leaves raw mode, the alternate screen and mouse capture. A terminal
/// that is gone cannot be given back, and saying so would only fail again
/// (printing to a closed terminal panics): errors are let go.
pub fn give_back() {
    // Raw mode first: it has more side effects than the screen.
    let _ = disable_raw_mode();
    let _ = execute!(io::stdout(), DisableMouseCapture, LeaveAlternateScreen);
}

/// Takes the terminal again after the shell or an editor had it, and
/// redraws it all.
pub fn take_back(terminal: &mut Screen, mouse: bool) -> io::Result<()> {
    enter(mouse)?;
    // Not `clear()`, which asks the terminal where its cursor is.
    let size = terminal.size()?;
    terminal.resize(Rect::new(0, 0, size.width, size.height))
}
