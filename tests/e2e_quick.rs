//! A quick review in the real binary, in a pseudo-terminal: a sweep taken
//! in two keys and taken back in one, a name found with `/` and accepted,
//! and three marked invitations ignored at once. What the screen showed is
//! on disk, as a SIGKILL right after proves.
// Helpers unwrap as the tests do: a panic here is the test failing.
#![allow(clippy::unwrap_used)]

mod common;

use common::{Home, decide_records, queue_of};

/// The records of a journal with this op.
fn records(home: &Home, op: &str) -> Vec<String> {
    std::fs::read_to_string(home.journal())
        .unwrap_or_default()
        .lines()
        .filter(|l| l.contains(&format!("\"op\":\"{op}\"")))
        .map(str::to_string)
        .collect()
}

/// The "N/32 decided" of the status bar.
fn decided(screen: &str) -> usize {
    let at = screen.find("/32 decided").expect("the progress is shown");
    let digits: String = screen[..at]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.chars().rev().collect::<String>().parse().unwrap()
}

#[test]
fn a_sweep_takes_two_keys_and_one_undo_takes_it_back() {
    let home = Home::new();
    let mut console = home.console(&[]);
    console.wait_for("0/32 decided");
    console.keys("x");
    console.wait_for("Sweep: decide");
    console.keys("\r");
    let screen = console.wait_for("Swept: ");
    let swept = decided(&screen);
    assert!(swept >= 20, "most of the demo is sure: {screen}");
    assert_eq!(decide_records(&home.journal()).len(), swept);

    console.keys("u");
    console.wait_for(&format!("Undone: {swept} decisions"));
    console.signal("KILL");
    console.wait();
    assert_eq!(records(&home, "undo").len(), swept);

    let mut again = home.console(&[]);
    again.wait_for("0/32 decided");
    again.keys("q");
    assert_eq!(again.wait(), 0);
}

#[test]
fn a_name_found_with_a_search_is_accepted() {
    let home = Home::new();
    let queue = home.file("queue.json", queue_of(60));
    let mut console = home.console(&[queue.to_str().unwrap()]);
    console.wait_for("0/60 decided");
    console.keys("/number47");
    console.wait_for("/number47▏  1 of 1");
    console.keys("\r");
    console.wait_for("match 1 of 1");
    console.keys("a");
    console.wait_for("1/60 decided");
    console.signal("KILL");
    console.wait();
    let kept = decide_records(&home.journal());
    assert_eq!(kept.len(), 1);
    assert!(kept[0].contains("\"id\":\"inv-47\""), "{}", kept[0]);
}

#[test]
fn three_marked_are_ignored_at_once() {
    let home = Home::new();
    let queue = home.file("queue.json", queue_of(10));
    let mut console = home.console(&[queue.to_str().unwrap()]);
    console.wait_for("0/10 decided");
    console.keys("j   ");
    console.wait_for("3 marked");
    console.keys("i");
    let screen = console.wait_for("Ignore 3 marked?");
    for n in 2..=4 {
        assert!(screen.contains(&format!("Person Number{n} ")), "{screen}");
    }
    console.keys("\r");
    console.wait_for("3/10 decided");
    console.signal("KILL");
    console.wait();
    let kept = decide_records(&home.journal());
    assert_eq!(kept.len(), 3);
    for (record, n) in kept.iter().zip(2..) {
        assert!(
            record.contains(&format!("\"id\":\"inv-{n:02}\"")),
            "{record}"
        );
        assert!(record.contains("\"action\":\"ignore\""), "{record}");
        assert!(record.contains("\"batch\":1"), "{record}");
    }
}
