//! The real binary against a damaged store: a place file with junk in it
//! costs the place only, never the review; a damaged last record is
//! refused, never cut away; and the commands that read a journal never
//! change it.
// Helpers unwrap as the tests do: a panic here is the test failing.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};

use common::{Home, queue_of};

fn place_file(home: &Home) -> PathBuf {
    home.journal().with_file_name("session.json")
}

/// Opens `queue` in the console, accepts the first two invitations and
/// quits.
fn decide_two(home: &Home, queue: &Path) {
    let mut console = home.console(&[queue.to_str().unwrap()]);
    console.wait_for("0/10 decided");
    console.keys("a");
    console.wait_for("1/10 decided");
    console.keys("a");
    console.wait_for("2/10 decided");
    console.keys("q");
    assert_eq!(console.wait(), 0);
}

#[test]
fn a_damaged_place_file_loses_the_place_and_keeps_the_review() {
    let home = Home::new();
    let queue = home.file("queue.json", queue_of(10));
    decide_two(&home, &queue);
    let place = place_file(&home);
    let mut damaged = std::fs::read(&place).unwrap();
    damaged.extend_from_slice(b"\n}} trailing junk");
    std::fs::write(&place, &damaged).unwrap();

    let (status, out, err) = home.run(&["sessions"]);
    assert_eq!(status, 0, "{err}");
    assert!(out.contains("2/10 decided"), "{out}");
    assert!(err.contains("session.json: damaged"), "{err}");
    assert!(err.contains("its decisions are kept"), "{err}");
    let (status, out, err) = home.run(&["export", "--format", "csv"]);
    assert_eq!(status, 0, "{err}");
    assert_eq!(out.matches(",accept,").count(), 2, "{out}");
    assert_eq!(std::fs::read(&place).unwrap(), damaged, "read, not changed");

    // A bare `inviteq` still knows the last queue.
    let mut console = home.console(&[]);
    let screen = console.wait_for("2/10 decided");
    assert!(screen.contains("place in this review is lost"), "{screen}");
    console.keys("q");
    assert_eq!(console.wait(), 0);
    let mut aside = place.clone().into_os_string();
    aside.push(".damaged");
    assert_eq!(std::fs::read(aside).unwrap(), damaged);
    let (status, _, err) = home.run(&["sessions"]);
    assert_eq!(status, 0, "{err}");
    assert!(err.is_empty(), "the place is whole again: {err}");
}

#[test]
fn a_whole_last_record_that_fails_its_checksum_is_refused_and_left_alone() {
    let home = Home::new();
    let queue = home.file("queue.json", queue_of(10));
    decide_two(&home, &queue);
    let journal = home.journal();
    let text = std::fs::read_to_string(&journal).unwrap();
    let at = text.rfind("\"accept\"").unwrap();
    let damaged = format!("{}\"ignore\"{}", &text[..at], &text[at + 8..]);
    std::fs::write(&journal, &damaged).unwrap();

    for args in [vec!["export"], vec!["sessions"]] {
        let (status, _, err) = home.run(&args);
        assert_eq!(status, 1, "{args:?}: {err}");
        assert!(err.contains("journal.jsonl:2:"), "{args:?}: {err}");
    }
    let mut console = home.console(&[queue.to_str().unwrap()]);
    assert_eq!(console.wait(), 1);
    assert_eq!(std::fs::read_to_string(&journal).unwrap(), damaged);
}

#[test]
fn a_second_console_on_one_review_is_read_only_and_names_the_first() {
    let home = Home::new();
    let queue = home.file("queue.json", queue_of(10));
    let queue = queue.to_str().unwrap();
    let mut first = home.console(&[queue]);
    first.wait_for("0/10 decided");
    first.keys("a");
    first.wait_for("1/10 decided");

    let mut second = home.console(&[queue]);
    let holder = format!("another inviteq (pid {})", first.pid());
    let screen = second.wait_for(&holder);
    assert!(screen.contains("1/10 decided"), "{screen}");
    assert!(
        screen.contains(&format!("read-only: pid {} has this review", first.pid())),
        "{screen}"
    );
    second.keys("a");
    let screen = second.wait_for("Not saved, nothing changed: read-only");
    assert!(screen.contains("1/10 decided"), "{screen}");

    // The commands that only read work while both are open.
    let (status, out, err) = home.run(&["sessions"]);
    assert_eq!(status, 0, "{err}");
    assert!(out.contains("1/10 decided"), "{out}");
    let (status, _, err) = home.run(&["export"]);
    assert_eq!(status, 0, "{err}");

    first.keys("ja");
    first.wait_for("2/10 decided");
    second.keys("q");
    assert_eq!(second.wait(), 0);
    first.keys("q");
    assert_eq!(first.wait(), 0);

    let seqs: Vec<String> = std::fs::read_to_string(home.journal())
        .unwrap()
        .lines()
        .map(|line| {
            line.split("\"seq\":")
                .nth(1)
                .unwrap()
                .split(',')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(seqs, ["1", "2"]);
    let (status, out, err) = home.run(&["export", "--format", "csv"]);
    assert_eq!(status, 0, "{err}");
    assert_eq!(out.matches(",accept,").count(), 2, "{out}");

    // Once the first is gone, the review is free again.
    let mut third = home.console(&[queue]);
    let screen = third.wait_for("2/10 decided");
    assert!(!screen.contains("read-only"), "{screen}");
    third.keys("q");
    assert_eq!(third.wait(), 0);
}

#[test]
fn a_console_killed_leaves_its_review_free() {
    let home = Home::new();
    let queue = home.file("queue.json", queue_of(10));
    let queue = queue.to_str().unwrap();
    let mut first = home.console(&[queue]);
    first.wait_for("0/10 decided");
    first.signal("KILL");
    first.wait();

    let mut second = home.console(&[queue]);
    second.wait_for("0/10 decided");
    second.keys("a");
    let screen = second.wait_for("1/10 decided");
    assert!(!screen.contains("read-only"), "{screen}");
    second.keys("q");
    assert_eq!(second.wait(), 0);
}
