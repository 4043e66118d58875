//! The console on a `TestBackend`, driven through its real event loop by a
//! scripted keyboard, in a session under a temporary folder.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::io;

use inviteq::import;
use inviteq::model::Queue;
use inviteq::review::Review;
use inviteq::score::{Scorer, Settings};
use inviteq::store::Paths;
use inviteq::store::journal::Decisions;
use inviteq::templates::Templates;
use inviteq::tui::{Events, State};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// A keyboard that types a fixed list of keys, one frame each, then stops.
pub struct Script(pub VecDeque<Event>);

impl Events for Script {
    fn next(&mut self) -> io::Result<Option<Event>> {
        Ok(self.0.pop_front())
    }

    fn pending(&mut self) -> io::Result<bool> {
        Ok(false)
    }
}

pub fn press(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn ctrl(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

pub fn keys(text: &str) -> Vec<Event> {
    text.chars().map(|c| press(KeyCode::Char(c))).collect()
}

pub fn paths(root: &tempfile::TempDir) -> Paths {
    Paths {
        config_dir: root.path().join("config"),
        data_dir: root.path().join("data"),
    }
}

/// The default settings, on a fixed day, so that scores never depend on the clock.
pub fn default_scorer(queue: &Queue) -> Scorer {
    Scorer::new(
        queue,
        &Settings::default(),
        time::macros::date!(2026 - 11 - 27),
    )
}

/// The demo queue under review with `decisions` laid over it.
pub fn demo_state(decisions: &Decisions) -> State {
    let review = Review::new(import::demo(), decisions, None, default_scorer);
    State::new(review, Templates::builtin(), "demo".into())
}
