//! A sort by score asked for before the console could score a large queue
//! does not stop it: the list keeps its order while the status bar shows
//! how far the scoring is, and is sorted once the console has scored every
//! row. The sweep, which reads every score too, waits the same way and
//! opens then. Each key is typed before the first frame, so that no row is
//! scored ahead of it.
// Helpers unwrap as the tests do: a panic here is the test failing.
#![allow(clippy::unwrap_used)]

mod common;

use common::Home;

/// More invitations than a sort scores before its frame.
const COUNT: usize = 40_000;

/// People, and now and then a jobs page, which scores far higher.
fn queue() -> String {
    let invitations: Vec<String> = (0..COUNT)
        .map(|n| {
            let (name, photo) = if n % 5_000 == 4_999 {
                (format!("TOP JOBS HIRING {n}"), "logo")
            } else {
                (format!("Person Number{n}"), "person")
            };
            format!(
                r#"{{"id": "inv-{n}", "profile": {{"name": "{name}", "headline": "Engineer at Company {n}", "photo": "{photo}", "connections": {}}}}}"#,
                100 + n % 400
            )
        })
        .collect();
    format!(
        "{{\"format\": \"inviteq-queue\", \"version\": 1, \"invitations\": [\n{}\n]}}\n",
        invitations.join(",\n")
    )
}

#[test]
fn a_sort_by_score_on_a_large_queue_waits_for_the_scores_and_keys_work() {
    let home = Home::new();
    let path = home.file("large.json", queue());
    let mut console = home.console(&[path.to_str().unwrap()]);
    console.keys("s");
    console.wait_for_bytes(b"scoring to sort", 0);
    let screen = console.wait_for("Sorted by score");

    // The one under the cursor stays there; the top of the list is now
    // the highest score.
    assert!(screen.contains("sort score"), "{screen}");
    console.keys("g");
    let top = console.wait_for("TOP JOBS HIRING");
    let first_row = top
        .lines()
        .find(|line| line.contains('▶'))
        .unwrap_or_default();
    assert!(first_row.contains("TOP JOBS HIRING"), "{top}");
    console.keys("q");
    assert_eq!(console.wait(), 0);
}

#[test]
fn a_sweep_on_a_large_queue_waits_for_the_scores_and_then_opens() {
    let home = Home::new();
    let path = home.file("large.json", queue());
    let mut console = home.console(&[path.to_str().unwrap()]);
    console.keys("x");
    console.wait_for_bytes(b"scoring for the sweep", 0);
    let screen = console.wait_for("Sweep: decide");
    assert!(screen.contains("TOP JOBS HIRING"), "{screen}");
    assert!(!screen.contains("x sweep"), "{screen}");
    console.keys("\x1b");
    console.wait_for("x sweep");
    console.keys("q");
    assert_eq!(console.wait(), 0);
}
