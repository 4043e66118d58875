//! The place in a review (cursor, filter, sort) is kept without a sync per
//! key: the real event loop, on a real session under a temporary folder,
//! with a keyboard that can also fall quiet and that looks at the session
//! file on disk before each key.
// Helpers unwrap as the tests do: a panic here is the test failing.
#![allow(clippy::unwrap_used)]

mod scripted;

use std::collections::VecDeque;
use std::io;
use std::time::Duration;

use inviteq::store::Paths;
use inviteq::store::session::{Session, SessionState, Source, last_session};
use inviteq::tui::{App, Events, Outcome};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::Event;
use scripted::{demo_state, keys, paths};

/// What the keyboard does next.
enum Step {
    Key(Event),
    /// A second and more with no key.
    Quiet,
}

/// A scripted keyboard that reads the session file before each key, as
/// another process (or the next run, after a kill) would find it.
struct Watching {
    steps: VecDeque<Step>,
    paths: Paths,
    /// The session file before each key, in order.
    on_disk: Vec<SessionState>,
}

impl Watching {
    fn new(paths: Paths, steps: impl IntoIterator<Item = Step>) -> Watching {
        Watching {
            steps: steps.into_iter().collect(),
            paths,
            on_disk: Vec::new(),
        }
    }
}

impl Events for Watching {
    fn next(&mut self) -> io::Result<Option<Event>> {
        self.on_disk
            .push(last_session(&self.paths).unwrap().unwrap());
        loop {
            match self.steps.pop_front() {
                Some(Step::Key(event)) => return Ok(Some(event)),
                // The app had nothing to keep, so it did not wait.
                Some(Step::Quiet) => continue,
                None => return Ok(None),
            }
        }
    }

    fn pending(&mut self) -> io::Result<bool> {
        Ok(false)
    }

    fn wait(&mut self, quiet: Duration) -> io::Result<bool> {
        assert_eq!(quiet, Duration::from_secs(1), "about a second of quiet");
        if matches!(self.steps.front(), Some(Step::Quiet)) {
            self.steps.pop_front();
            return Ok(false);
        }
        Ok(true)
    }
}

fn typed(text: &str) -> Vec<Step> {
    keys(text).into_iter().map(Step::Key).collect()
}

fn demo_app(root: &tempfile::TempDir) -> App {
    let opened = Session::open(&paths(root), Source::Demo, None).unwrap();
    App::new(demo_state(&opened.decisions), opened.session)
}

fn run(app: &mut App, events: &mut Watching) -> Outcome {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    app.run(&mut terminal, events).unwrap()
}

#[test]
fn a_hundred_moves_sync_nothing_and_a_quit_syncs_once() {
    let root = tempfile::tempdir().unwrap();
    let mut app = demo_app(&root);
    let at_start = app.session.synced_writes();
    let mut steps = typed(&"jjk".repeat(33));
    steps.extend(typed("jq"));
    let mut keyboard = Watching::new(paths(&root), steps);

    assert_eq!(run(&mut app, &mut keyboard), Outcome::Quit);

    assert_eq!(app.session.synced_writes() - at_start, 1, "the quit alone");
    let before_quit = &keyboard.on_disk[100];
    assert_eq!(
        before_quit.cursor.as_deref(),
        Some("demo-01"),
        "after 100 moves the file still has the place the console started at"
    );
    let kept = last_session(&paths(&root)).unwrap().unwrap();
    assert_eq!(kept.cursor.as_deref(), app.state.selected_id());
    assert_ne!(app.state.selected_id(), Some("demo-01"));
}

#[test]
fn a_second_of_quiet_syncs_the_place_once() {
    let root = tempfile::tempdir().unwrap();
    let mut app = demo_app(&root);
    let at_start = app.session.synced_writes();
    let mut steps = typed("jjj");
    steps.extend([Step::Quiet, Step::Quiet]);
    steps.extend(typed("q"));
    let mut keyboard = Watching::new(paths(&root), steps);

    assert_eq!(run(&mut app, &mut keyboard), Outcome::Quit);

    let before_quit = keyboard.on_disk.last().unwrap();
    assert_eq!(before_quit.cursor.as_deref(), Some("demo-04"));
    assert_eq!(
        app.session.synced_writes() - at_start,
        1,
        "the quiet spell syncs; the second spell and the quit find nothing new"
    );
}

#[test]
fn a_decision_is_counted_on_disk_before_the_next_key_without_a_sync() {
    let root = tempfile::tempdir().unwrap();
    let mut app = demo_app(&root);
    let at_start = app.session.synced_writes();
    let mut keyboard = Watching::new(paths(&root), typed("a"));

    assert_eq!(run(&mut app, &mut keyboard), Outcome::Stopped);

    let after_accept = &keyboard.on_disk[1];
    assert_eq!(after_accept.decided, 1);
    assert_eq!(after_accept.total, app.state.review.total());
    assert_eq!(
        app.session.synced_writes() - at_start,
        1,
        "only the stop syncs; the journal holds the decision itself"
    );
}

#[test]
fn the_place_is_synced_before_a_suspend() {
    let root = tempfile::tempdir().unwrap();
    let mut app = demo_app(&root);
    let mut steps = typed("jj");
    steps.push(Step::Key(scripted::ctrl('z')));
    let mut keyboard = Watching::new(paths(&root), steps);

    assert_eq!(run(&mut app, &mut keyboard), Outcome::Suspend);

    let kept = last_session(&paths(&root)).unwrap().unwrap();
    assert_eq!(kept.cursor.as_deref(), Some("demo-03"));
}
