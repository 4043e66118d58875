//! A name made only of characters that show nothing (Hangul fillers, the
//! blank braille cell, a lone accent) is never a blank row: it is shown as
//! "(no visible name)", and the score says why.
// Helpers unwrap as the tests do: a panic here is the test failing.
#![allow(clippy::unwrap_used)]

mod common;
mod scripted;

use inviteq::import::queue_json;
use inviteq::review::Review;
use inviteq::store::journal::Decisions;
use inviteq::templates::Templates;
use inviteq::tui::State;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const INVISIBLE: [&str; 5] = [
    "\u{3164}",
    "\u{115f}\u{1160}",
    "\u{ffa0}\u{ffa0}",
    "\u{2800}\u{2800}",
    "\u{0301}\u{fe0f}\u{200b}",
];

fn queue_file() -> String {
    let invitations: Vec<String> = INVISIBLE
        .iter()
        .enumerate()
        .map(|(n, name)| {
            format!(
                r#"{{"id": "inv-{n}", "profile": {{"name": "{name}", "connections": 300, "photo": "person"}}}}"#
            )
        })
        .collect();
    format!("[{}]", invitations.join(","))
}

#[test]
fn score_names_the_placeholder_and_the_signal() {
    let home = common::Home::new();
    let queue = home.file("queue.json", queue_file());
    let (status, stdout, stderr) = home.run(&["score", "--json", queue.to_str().unwrap()]);
    assert_eq!(status, 0, "{stderr}");
    let scored: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    for row in scored.as_array().unwrap() {
        assert_eq!(row["name"], "(no visible name)", "{row}");
        let reasons = row["reasons"].as_array().unwrap();
        let invisible = reasons
            .iter()
            .find(|r| r["signal"] == "invisible_name")
            .unwrap_or_else(|| panic!("no invisible_name in {row}"));
        assert_eq!(invisible["points"], 40);
        assert!(
            invisible["detail"]
                .as_str()
                .unwrap()
                .contains("shows nothing")
        );
    }
}

#[test]
fn the_list_shows_the_placeholder_on_every_row() {
    let queue = queue_json::parse(queue_file().as_bytes()).unwrap();
    let review = Review::new(queue, &Decisions::default(), None, scripted::default_scorer);
    let state = State::new(review, Templates::builtin(), "invisible".into());
    let mut terminal = Terminal::new(TestBackend::new(100, 20)).unwrap();
    terminal
        .draw(|frame| {
            inviteq::tui::draw(&state, frame);
        })
        .unwrap();
    let screen = terminal.backend().to_string();
    assert_eq!(
        screen.matches("(no visible name)").count(),
        INVISIBLE.len() + 1,
        "each row, and the detail pane's heading:\n{screen}"
    );
}
