//! A long read shows its progress on a terminal's stderr, and nothing when
//! stderr is piped.
// Helpers unwrap as the tests do: a panic here is the test failing.
#![allow(clippy::unwrap_used)]

mod common;

use common::{Home, queue_of};

/// A queue large enough that reading it outlasts half a second in a test
/// build.
fn large_queue(home: &Home) -> String {
    let path = home.file("large.json", queue_of(60_000));
    path.to_str().unwrap().to_string()
}

#[test]
fn a_long_read_shows_its_progress_on_a_terminal() {
    let home = Home::new();
    let path = large_queue(&home);
    let mut console = home.console(&["check", &path]);
    let screen = console.wait_for("reading large.json");
    assert!(screen.contains('%'), "{screen}");
    console.wait_for("60000 invitations, no problems");
    assert_eq!(console.wait(), 0);
    let screen = console.contents();
    assert!(!screen.contains("reading large.json"), "cleared: {screen}");
}

#[test]
fn piped_nothing_is_shown() {
    let home = Home::new();
    let path = large_queue(&home);
    let (status, stdout, stderr) = home.run(&["check", &path]);
    assert_eq!(status, 0, "{stderr}");
    assert!(stdout.contains("60000 invitations"), "{stdout}");
    assert_eq!(stderr, "", "no progress in a pipe");
}
