//! A long read shows its progress on a terminal's stderr, and nothing when
//! stderr is piped. The tests shorten the quiet half second to nothing
//! (`INVITEQ_PROGRESS_AFTER_MS=0`), so that a machine quick enough to read
//! their queue in less still shows the bar; and they read the bytes
//! written, since a bar drawn and cleared between two looks at the screen
//! was still shown.
// Helpers unwrap as the tests do: a panic here is the test failing.
#![allow(clippy::unwrap_used)]

mod common;

use common::{Home, queue_of};

/// Progress at once, rather than after half a second.
const AT_ONCE: (&str, &str) = ("INVITEQ_PROGRESS_AFTER_MS", "0");

/// A queue large enough that reading it takes a while in a test build.
fn large_queue(home: &Home) -> String {
    let path = home.file("large.json", queue_of(60_000));
    path.to_str().unwrap().to_string()
}

#[test]
fn a_long_read_shows_its_progress_on_a_terminal() {
    let home = Home::new();
    let path = large_queue(&home);
    let mut console = home.console_with_env(&["check", &path], &[AT_ONCE]);
    console.wait_for_bytes(b"reading large.json", 0);
    console.wait_for("60000 invitations, no problems");
    assert_eq!(console.wait(), 0);
    let written = String::from_utf8_lossy(&console.raw()).into_owned();
    let shown = &written[written.find("reading large.json").unwrap()..];
    assert!(
        shown
            .split('%')
            .next()
            .is_some_and(|before| before.chars().last().is_some_and(|c| c.is_ascii_digit())),
        "the bar says how much is read: {written:?}"
    );
    let screen = console.contents();
    assert!(!screen.contains("reading large.json"), "cleared: {screen}");
}

#[test]
fn piped_nothing_is_shown() {
    let home = Home::new();
    let path = large_queue(&home);
    let (status, stdout, stderr) = home.run_with_env(&["check", &path], &[AT_ONCE]);
    assert_eq!(status, 0, "{stderr}");
    assert!(stdout.contains("60000 invitations"), "{stdout}");
    assert_eq!(stderr, "", "no progress in a pipe");
}
