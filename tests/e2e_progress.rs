//! One count everywhere: the status bar, the message on resuming and
//! `inviteq sessions` count the invitations to review (in the queue, not
//! from a connection) and how many of them are decided, whatever else the
//! list and the journal hold.

mod common;

use common::Home;

/// A queue file of people numbered `numbers`; those in `connected` are
/// already connections.
fn queue(numbers: std::ops::RangeInclusive<usize>, connected: &[usize]) -> String {
    let invitations: Vec<String> = numbers
        .map(|n| {
            format!(
                r#"{{"id": "inv-{n:02}", "already_connected": {}, "message": "Hello from person {n}", "profile": {{"name": "Person Number{n}", "headline": "Engineer at Company {n}", "photo": "person", "connections": {}}}}}"#,
                connected.contains(&n),
                100 + n
            )
        })
        .collect();
    format!(
        "{{\"format\": \"inviteq-queue\", \"version\": 1, \"invitations\": [\n{}\n]}}\n",
        invitations.join(",\n")
    )
}

/// The first row of `inviteq sessions`: its progress and its decisions.
fn sessions_row(home: &Home) -> (String, String) {
    let (status, out, err) = home.run(&["sessions"]);
    assert_eq!(status, 0, "{err}");
    let row = out.lines().nth(1).unwrap_or_default();
    let fields: Vec<&str> = row.split_whitespace().collect();
    assert!(fields.len() >= 4, "{out}");
    (
        format!("{} {}", fields[1], fields[2]),
        fields[3].to_string(),
    )
}

fn exported(home: &Home) -> usize {
    let (status, json, err) = home.run(&["export", "--format", "json"]);
    assert_eq!(status, 0, "{err}");
    let records: Vec<serde_json::Value> = serde_json::from_str(&json).expect("JSON");
    records.len()
}

#[test]
fn a_connection_in_the_queue_is_not_counted_on_resuming() {
    let home = Home::new();
    let path = home.file("queue.json", queue(1..=5, &[5]));
    let path = path.to_str().unwrap();
    let mut console = home.console(&[path]);
    console.wait_for("0/4 decided");
    console.keys("a");
    console.wait_for("1/4 decided");
    console.keys("a");
    console.wait_for("2/4 decided");
    console.keys("q");
    assert_eq!(console.wait(), 0);

    let mut again = home.console(&[path]);
    let screen = again.wait_for("Resumed:");
    assert!(screen.contains(" 2/4 decided ·"), "{screen}");
    assert!(screen.contains("Resumed: 2/4 decided"), "{screen}");
    again.keys("q");
    assert_eq!(again.wait(), 0);

    assert_eq!(sessions_row(&home), ("2/4 decided".into(), "2".into()));
    assert_eq!(exported(&home), 2);
}

#[test]
fn decisions_on_invitations_gone_from_the_queue_are_not_counted_on_resuming() {
    let home = Home::new();
    let path = home.file("queue.json", queue(1..=4, &[]));
    let path = path.to_str().unwrap();
    let mut console = home.console(&[path]);
    console.wait_for("0/4 decided");
    console.keys("aaaa");
    console.wait_for("4/4 decided");
    console.keys("q");
    assert_eq!(console.wait(), 0);

    // The next day the four have left the queue and three others wait.
    home.file("queue.json", queue(5..=7, &[]));
    let mut again = home.console(&[path]);
    let screen = again.wait_for("Resumed:");
    assert!(screen.contains(" 0/3 decided ·"), "{screen}");
    assert!(screen.contains("Resumed: 0/3 decided"), "{screen}");
    assert_eq!(screen.matches("[gone").count(), 4, "{screen}");
    again.keys("q");
    assert_eq!(again.wait(), 0);

    // The same count as the status bar, and the four decisions beside it,
    // as many as `export` hands on.
    assert_eq!(sessions_row(&home), ("0/3 decided".into(), "4".into()));
    assert_eq!(exported(&home), 4);
}
