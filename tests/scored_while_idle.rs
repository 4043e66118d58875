//! While the reviewer reads, the console scores the rows not shown yet, so
//! that a sort by score finds them made; a keyboard that is never idle (a
//! script, or a reviewer typing) leaves them to be scored when asked for.
//! A sort by score with more rows left to score than a frame allows waits
//! for them in the queue's order, and is made once the console has scored
//! them while the reviewer reads.
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

/// A keyboard that is idle `idle` times when asked, once `typed_first` of
/// its keys are typed, and never otherwise.
struct Reading {
    idle: usize,
    asked: usize,
    typed_first: usize,
    typed: usize,
    keys: VecDeque<Event>,
}

impl Events for Reading {
    fn next(&mut self) -> io::Result<Option<Event>> {
        self.typed += 1;
        Ok(self.keys.pop_front())
    }

    fn pending(&mut self) -> io::Result<bool> {
        Ok(false)
    }

    fn idle(&mut self) -> io::Result<bool> {
        if self.typed < self.typed_first {
            return Ok(false);
        }
        self.asked += 1;
        Ok(self.asked <= self.idle)
    }
}

fn app(root: &tempfile::TempDir) -> App {
    let names = [
        "Person Surname",
        "Resume Hub",
        "JOHN SMITH",
        "career_hub 24",
    ];
    let invitations: Vec<String> = (0..ROWS)
        .map(|n| {
            let name = names[n * 7 % names.len()];
            format!(r#"{{"id": "r{n}", "profile": {{"name": "{name}"}}}}"#)
        })
        .collect();
    let queue = parse_queue_json(format!("[{}]", invitations.join(",")).as_bytes()).unwrap();
    let review = Review::new(queue, &Decisions::default(), None, default_scorer);
    let state = State::new(review, Templates::builtin(), "rows".into());
    let opened = Session::open(&paths(root), Source::Demo, None).unwrap();
    App::new(state, opened.session)
}

fn run(app: &mut App, idle: usize) -> Reading {
    typing(app, "", idle, "q")
}

/// Runs `app` on a keyboard that types `first`, is then idle `idle` times,
/// and types `then`.
fn typing(app: &mut App, first: &str, idle: usize, then: &str) -> Reading {
    let first = keys(first);
    let mut keyboard = Reading {
        idle,
        asked: 0,
        typed_first: first.len(),
        typed: 0,
        keys: first.into_iter().chain(keys(then)).collect(),
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

/// Whether the list shows the rows highest score first, of several scores.
fn is_by_score(app: &App) -> bool {
    let review = &app.state.review;
    let scores: Vec<u8> = app
        .state
        .view
        .iter()
        .map(|&index| review.summary(index).score)
        .collect();
    scores.windows(2).all(|w| w[0] >= w[1]) && scores.first() != scores.last()
}

#[test]
fn a_sort_that_waits_for_its_scores_is_made_while_the_reviewer_reads() {
    let root = tempfile::tempdir().unwrap();
    let mut app = app(&root);
    app.state.scored_before_a_frame = 0;

    typing(&mut app, "s", usize::MAX, "q");

    assert!(app.state.review.is_scored());
    assert!(!app.state.sort_waits);
    assert!(is_by_score(&app));
    assert!(app.state.messages.iter().any(|m| m == "Sorted by score"));
}

#[test]
fn a_sort_that_waits_keeps_the_queue_order_while_keys_come() {
    let root = tempfile::tempdir().unwrap();
    let mut app = app(&root);
    app.state.scored_before_a_frame = 0;

    typing(&mut app, "sjq", 0, "");

    assert!(app.state.sort_waits);
    assert_eq!(app.state.view, (0..ROWS).collect::<Vec<_>>());
    assert_eq!(app.state.selected(), Some(1), "keys work meanwhile");
}
