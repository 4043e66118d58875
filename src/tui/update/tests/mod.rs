//! The console's behaviour, one action at a time: every key of the review,
//! with the state it leaves and the effects it asks for.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use time::OffsetDateTime;
use time::macros::datetime;

use super::*;

mod batches;
mod deciding;
mod handoff;
mod history;
mod keys;
mod mouse;
mod moving;
mod reading;
mod replying;
mod searching;
mod stats;
mod view;
use crate::model::{Decision, Filter, Queue, Sort, Verdict};
use crate::review::Review;
use crate::score::Scorer;
use crate::store::journal::{Decisions, Op};
use crate::templates::Templates;
use crate::tui::effect::{Change, Step};
use crate::tui::keymap::KeyContext;
use crate::tui::state::{ReplyDraft, Scroll};

const NOW: OffsetDateTime = datetime!(2026-12-01 09:30 UTC);
const LATER: OffsetDateTime = datetime!(2026-12-02 17:45 UTC);

/// Five invitations, neither in name order nor in score order: people and
/// obvious non-persons mixed.
const FIVE: &str = r#"{
  "format": "inviteq-queue", "version": 1,
  "invitations": [
    {"id": "cara", "message": "We met at the spring conference.",
     "profile": {"name": "Cara Zorn", "photo": "person", "connections": 300}},
    {"id": "acme", "profile": {"name": "Acme Leads Inc", "photo": "logo", "connections": 3}},
    {"id": "ben", "message": "Hello from the old team!",
     "profile": {"name": "Ben Young", "photo": "person", "connections": 120}},
    {"id": "dora", "profile": {"name": "Dora Adams", "photo": "none", "connections": 8}},
    {"id": "eli", "message": "Saw your talk on onboarding.",
     "profile": {"name": "Eli Brown", "photo": "person", "connections": 500}}
  ]
}"#;

/// Loads a queue written as JSON through the real loader.
fn load(json: &str) -> Queue {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("queue.json");
    std::fs::write(&path, json).unwrap();
    crate::import::load(&path).unwrap()
}

fn state_of(queue: Queue) -> State {
    with_templates(queue, Templates::builtin())
}

fn with_templates(queue: Queue, templates: Templates) -> State {
    let review = Review::new(queue, &Decisions::default(), None, default_scorer);
    State::new(review, templates, "test".into())
}

fn five() -> State {
    state_of(load(FIVE))
}

/// `n` people named `Person0 Surname` … in queue order.
fn people(n: usize) -> State {
    let invitations: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id": "p{i}", "profile": {{"name": "Person{i} Surname"}}}}"#))
        .collect();
    state_of(load(&format!("[{}]", invitations.join(","))))
}

fn act(state: &mut State, event: impl Into<Event>) -> Vec<Effect> {
    update(state, event, NOW)
}

/// Draws a `width`×`height` frame and brings back where the list settled,
/// as the app does; the screen as text.
fn frame(state: &mut State, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut scroll = state.scroll;
    terminal
        .draw(|frame| scroll = crate::tui::ui::draw(state, frame))
        .unwrap();
    act(state, Event::Drawn(scroll));
    terminal.backend().to_string()
}

fn key(code: KeyCode) -> Action {
    Action::Edit(KeyEvent::new(code, KeyModifiers::NONE))
}

fn typed(state: &mut State, text: &str) {
    for c in text.chars() {
        assert!(act(state, key(KeyCode::Char(c))).is_empty());
    }
}

fn action_at(state: &State, index: usize) -> Option<Verdict> {
    state.review.decision(index).map(|d| d.action)
}

fn decision(verdict: Verdict, at: OffsetDateTime) -> Decision {
    Decision::new(verdict, at)
}

fn draft(state: &State) -> &ReplyDraft {
    match &state.mode {
        Mode::Reply(draft) => draft,
        _ => panic!("the reply box is not open"),
    }
}

fn draft_text(state: &State) -> String {
    draft(state).editor.lines().join("\n")
}

fn record(op: Op, index: usize, before: Option<Decision>, after: Option<Decision>) -> Effect {
    Effect::Record {
        op,
        step: Step::one(Change {
            index,
            before,
            after,
        }),
    }
}

/// The default settings, on a fixed day, so that scores never depend on the clock.
fn default_scorer(queue: &crate::model::Queue) -> Scorer {
    Scorer::new(
        queue,
        &crate::score::Settings::default(),
        time::macros::date!(2026 - 11 - 27),
    )
}
