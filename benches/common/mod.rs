//! What several benches share: the varied queue they read, the scorer, and
//! a key with the frame it draws. Each bench uses a part of it.
#![allow(dead_code)]

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use inviteq::model::Queue;
use inviteq::review::Review;
use inviteq::score::Scorer;
use inviteq::store::journal::Decisions;
use inviteq::templates::Templates;
use inviteq::tui::{Event, State, draw, update};

/// A varied queue: people and pages, notes and none, facts known and unknown.
pub fn queue_text(count: usize) -> String {
    let mut text =
        String::from("{\"format\": \"inviteq-queue\", \"version\": 1, \"invitations\": [\n");
    for n in 0..count {
        if n > 0 {
            text.push_str(",\n");
        }
        let (name, photo, note) = match n % 4 {
            0 => (
                format!("Person Number{n}"),
                "person",
                "\"I'd like to add you to my professional network on LinkedIn.\"",
            ),
            1 => (format!("BEST JOBS {n}"), "logo", "null"),
            2 => (
                format!("José Núñez-{n}"),
                "person",
                "\"We met at the data conference in Lisbon last spring.\"",
            ),
            _ => (
                format!("Lead Services {n}"),
                "none",
                "\"I help companies 10x their pipeline. Book a call!\"",
            ),
        };
        text.push_str(&format!(
            r#"{{"id": "inv-{n}", "sent_at": "2026-11-{:02}T09:00:00Z", "message": {note}, "profile": {{"name": "{name}", "headline": "Engineer at Company {}", "company": "Company {}", "location": "Lisbon", "url": "https://www.linkedin.com/in/p{n}", "photo": "{photo}", "connections": {}, "mutual_connections": {}, "account_created": "2015-03-0{}"}}}}"#,
            n % 27 + 1,
            n % 97,
            n % 97,
            n % 900,
            n % 7,
            n % 9 + 1,
        ));
    }
    text.push_str("\n]}\n");
    text
}

/// Updates with `event` (a key's action, as a rule), draws a frame, and
/// brings where the list settled back in, as the app does.
pub fn key_and_frame(
    state: &mut State,
    terminal: &mut Terminal<TestBackend>,
    event: impl Into<Event>,
) {
    let now = time::OffsetDateTime::UNIX_EPOCH;
    update(state, event, now);
    let mut scroll = None;
    terminal
        .draw(|frame| scroll = Some(draw(state, frame)))
        .expect("a frame");
    if let Some(scroll) = scroll {
        update(state, Event::Drawn(scroll), now);
    }
}

/// A 120×40 terminal in memory.
pub fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(120, 40)).expect("a test terminal")
}

/// The default settings, on a fixed day, so that scores never depend on the clock.
pub fn default_scorer(queue: &inviteq::model::Queue) -> Scorer {
    Scorer::new(
        queue,
        &inviteq::score::Settings::default(),
        time::macros::date!(2026 - 11 - 27),
    )
}

/// The review of `queue` with `decisions` laid over it, and its first
/// frame drawn, as the console opens.
pub fn first_frame_of(queue: Queue, decisions: &Decisions) -> State {
    let review = Review::new(queue, decisions, None, default_scorer);
    let state = State::new(review, Templates::builtin(), "bench".into());
    terminal()
        .draw(|frame| {
            draw(&state, frame);
        })
        .expect("a frame");
    state
}
