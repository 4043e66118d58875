//! The real binary in a pseudo-terminal: the place in a review is kept
//! without a sync on every key, yet it is there after a kill once the
//! keyboard has been quiet a second, and the count `inviteq sessions`
//! shows is right at once.
// Helpers unwrap as the tests do: a panic here is the test failing.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::Duration;

use common::{Home, queue_of};

/// The row under the cursor.
fn cursor_row(screen: &str) -> &str {
    screen.lines().find(|l| l.contains('▶')).unwrap_or_default()
}

#[test]
fn the_place_is_kept_after_a_quiet_second_and_survives_sigkill() {
    let home = Home::new();
    let queue = home.file("queue.json", queue_of(10));
    let mut console = home.console(&[queue.to_str().unwrap()]);
    console.wait_for("0/10 decided");
    console.keys("jjjj");
    let screen = console.wait_for("Hello from person 5");
    assert!(cursor_row(&screen).contains("Person Number5"), "{screen}");
    std::thread::sleep(Duration::from_millis(1_600));
    console.signal("KILL");
    console.wait();

    let mut again = home.console(&[]);
    let screen = again.wait_for("0/10 decided");
    assert!(cursor_row(&screen).contains("Person Number5"), "{screen}");
    again.keys("q");
    assert_eq!(again.wait(), 0);
}

#[test]
fn a_decision_is_counted_for_sessions_even_when_killed_at_once() {
    let home = Home::new();
    let queue = home.file("queue.json", queue_of(10));
    let mut console = home.console(&[queue.to_str().unwrap()]);
    console.wait_for("0/10 decided");
    console.keys("a");
    console.wait_for("1/10 decided");
    console.signal("KILL");
    console.wait();

    let (status, out, err) = home.run(&["sessions"]);
    assert_eq!(status, 0, "{err}");
    assert!(out.contains("1/10 decided"), "{out}");
}
