//! While the reviewer reads, the console scores the rows not shown yet, so
//! that a sort by score finds them made; a keyboard that is never idle (a
//! script, or a reviewer typing) leaves them to be scored when asked for.
// Helpers unwrap as the tests do: a panic here is the test failing.
#![allow(clippy::unwrap_used)]

mod scripted;

use std::collections::VecDeque;
use std::io;

use inviteq::import::parse_queue_json;
use inviteq::review::Review;
use inviteq::store::journal::Decisions;
use inviteq::store::session::{Session, Source};
use inviteq::templates::Templates;
use inviteq::tui::{App, Events, Outcome, State};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::Event;
use scripted::{default_scorer, keys, paths};

/// Many more rows than a frame shows.
const ROWS: usize = 500;

/// A keyboard that is idle `idle` times when asked, then types its keys.
struct Reading {
    idle: usize,
    asked: usize,
    keys: VecDeque<Event>,
}

impl Events for Reading {
    fn next(&mut self) -> io::Result<Option<Event>> {
        Ok(self.keys.pop_front())
    }

    fn pending(&mut self) -> io::Result<bool> {
        Ok(false)
    }

    fn idle(&mut self) -> io::Result<bool> {
        self.asked += 1;
        Ok(self.asked <= self.idle)
    }
}

fn app(root: &tempfile::TempDir) -> App {
    let invitations: Vec<String> = (0..ROWS)
        .map(|n| format!(r#"{{"id": "r{n}", "profile": {{"name": "Person{n} Surname"}}}}"#))
        .collect();
    let queue = parse_queue_json(format!("[{}]", invitations.join(",")).as_bytes()).unwrap();
    let review = Review::new(queue, &Decisions::default(), None, default_scorer);
    let state = State::new(review, Templates::builtin(), "rows".into());
    let opened = Session::open(&paths(root), Source::Demo, None).unwrap();
    App::new(state, opened.session)
}

fn run(app: &mut App, idle: usize) -> Reading {
    let mut keyboard = Reading {
        idle,
        asked: 0,
        keys: keys("q").into(),
    };
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    assert_eq!(
        app.run(&mut terminal, &mut keyboard).unwrap(),
        Outcome::Quit
    );
    keyboard
}

#[test]
fn an_idle_console_scores_every_row_and_then_stops_asking() {
    let root = tempfile::tempdir().unwrap();
    let mut app = app(&root);
    assert!(!app.state.review.is_scored());

    let keyboard = run(&mut app, usize::MAX);

    assert!(app.state.review.is_scored());
    assert_eq!(
        keyboard.asked, 1,
        "one run scores these rows; then nothing is left"
    );
}

#[test]
fn a_console_never_idle_scores_only_what_it_shows() {
    let root = tempfile::tempdir().unwrap();
    let mut app = app(&root);

    let keyboard = run(&mut app, 0);

    assert!(!app.state.review.is_scored());
    assert!(keyboard.asked >= 1);
}
