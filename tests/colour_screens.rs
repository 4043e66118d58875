//! The console's colours on terminals of every depth, and the
//! high-contrast theme: whole screens drawn on a `TestBackend`, through the
//! real event loop where a mode is needed.
// Helpers unwrap as the tests do: a panic here is the test failing.
#![allow(clippy::unwrap_used)]

mod scripted;

use inviteq::store::session::{Session, Source};
use inviteq::tui::{App, Depth, Outcome, Theme, ThemeName};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::Event;
use ratatui::style::{Color, Modifier};
use scripted::{Script, demo_state, keys, paths};

/// The demo after `events`, in `theme`, as the last frame shows it.
fn screen_after(theme: Theme, events: Vec<Event>) -> Terminal<TestBackend> {
    let root = tempfile::tempdir().unwrap();
    let opened = Session::open(&paths(&root), Source::Demo, None).unwrap();
    let mut state = demo_state(&opened.decisions);
    state.theme = theme;
    let mut app = App::new(state, opened.session);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let outcome = app.run(&mut terminal, &mut Script(events.into())).unwrap();
    assert_eq!(outcome, Outcome::Stopped);
    terminal
}

fn theme(name: ThemeName, depth: Depth) -> Theme {
    Theme { name, depth }
}

/// Every colour a frame uses, foreground and background.
fn colours(terminal: &Terminal<TestBackend>) -> Vec<Color> {
    let cells = &terminal.backend().buffer().content;
    let mut all: Vec<Color> = cells.iter().flat_map(|c| [c.fg, c.bg]).collect();
    all.sort_by_key(|c| format!("{c:?}"));
    all.dedup();
    all
}

/// The screens that bring colours: the list and the score, help, and the
/// reply box with its text editor.
fn every_screen() -> [Vec<Event>; 3] {
    [Vec::new(), keys("?"), keys("r")]
}

const EIGHT: [Color; 9] = [
    Color::Reset,
    Color::Black,
    Color::Red,
    Color::Green,
    Color::Yellow,
    Color::Blue,
    Color::Magenta,
    Color::Cyan,
    Color::Gray,
];

#[test]
fn eight_colours_use_only_the_eight() {
    for events in every_screen() {
        let terminal = screen_after(theme(ThemeName::Default, Depth::Eight), events);
        let used = colours(&terminal);
        assert!(
            used.iter().all(|c| EIGHT.contains(c)),
            "colours beyond the eight: {used:?}"
        );
        assert!(used.contains(&Color::Green), "the scores still have colour");
    }
}

#[test]
fn muted_text_on_eight_colours_is_faint_not_grey() {
    let terminal = screen_after(theme(ThemeName::Default, Depth::Eight), Vec::new());
    let buffer = terminal.backend().buffer();
    let hint_bar = buffer.area.height - 1;
    let faint =
        (0..buffer.area.width).any(|x| buffer[(x, hint_bar)].modifier.contains(Modifier::DIM));
    assert!(faint, "the key hints are muted");
}

#[test]
fn no_colour_uses_none() {
    for events in every_screen() {
        let terminal = screen_after(theme(ThemeName::Default, Depth::None), events);
        assert_eq!(colours(&terminal), [Color::Reset]);
    }
}

#[test]
fn sixteen_colours_keep_the_grey_and_nothing_past_sixteen() {
    for events in every_screen() {
        let terminal = screen_after(theme(ThemeName::Default, Depth::Sixteen), events);
        let used = colours(&terminal);
        assert!(
            used.iter()
                .all(|c| !matches!(c, Color::Indexed(_) | Color::Rgb(..))),
            "{used:?}"
        );
        assert!(used.contains(&Color::DarkGray), "{used:?}");
    }
}

/// The main screen in the high-contrast theme: text and styles, so that a
/// change of colour shows in the snapshot.
#[test]
fn main_screen_in_high_contrast() {
    let terminal = screen_after(theme(ThemeName::HighContrast, Depth::Full), Vec::new());
    let used = colours(&terminal);
    assert!(!used.contains(&Color::DarkGray), "no faint grey: {used:?}");
    insta::assert_debug_snapshot!(terminal.backend().buffer());
}
