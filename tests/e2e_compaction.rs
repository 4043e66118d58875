//! A review whose journal has grown is compacted when the console opens
//! it: `export` and `sessions` read the snapshot and the journal's tail as
//! they read the journal alone, and a decision taken afterwards goes on
//! from the snapshot's sequence numbers.

mod common;

use common::Home;
use inviteq::model::{Decision, Invitation, Profile, Verdict};
use inviteq::store::journal::{Journal, Op};

#[test]
fn the_console_compacts_a_long_journal_and_every_decision_reads_the_same() {
    let home = Home::new();
    let queue = home.file("queue.json", common::queue_of(3));
    let queue = queue.to_str().unwrap();
    let mut console = home.console(&[queue]);
    console.wait_for("0/3 decided");
    console.keys("a");
    console.wait_for("1/3 decided");
    console.keys("q");
    assert_eq!(console.wait(), 0);

    // Decisions on invitations gone from this queue, written as a sweep
    // writes them, until the journal is worth compacting (over 1 MiB).
    let journal = home.journal();
    {
        let (mut appending, ..) = Journal::open(&journal).unwrap();
        let gone: Vec<Invitation> = (0..5000)
            .map(|n| Invitation {
                id: format!("old-{n}").into(),
                message: Some(format!("We met at the fair, {n}.").into()),
                profile: Profile {
                    headline: Some("Data engineer at a company with a long name".into()),
                    ..Profile::named(format!("Earlier Person {n}"))
                },
                ..Invitation::default()
            })
            .collect();
        let ignored = Decision::new(
            Verdict::Ignore,
            time::macros::datetime!(2026-01-05 10:00 UTC),
        );
        let entries: Vec<_> = gone.iter().map(|i| (i, Some(&ignored))).collect();
        appending.append_all(Op::Decide, &entries).unwrap();
    }
    assert!(std::fs::metadata(&journal).unwrap().len() > 1 << 20);
    let snapshot = journal.with_extension("snapshot");
    let (status, before, stderr) = home.run(&["export", "--format", "json"]);
    assert_eq!(status, 0, "{stderr}");
    assert!(!snapshot.exists(), "export never compacts");

    let mut console = home.console(&[queue]);
    console.wait_for("1/3 decided");
    assert!(snapshot.exists(), "the console compacted the journal");
    console.keys("a");
    console.wait_for("2/3 decided");
    console.keys("q");
    assert_eq!(console.wait(), 0);

    // The journal holds only what was decided after the compaction, under
    // the next sequence number.
    let tail = std::fs::read_to_string(&journal).unwrap();
    assert_eq!(tail.lines().count(), 1, "{tail}");
    assert!(tail.contains("\"seq\":5002,"), "{tail}");

    let (status, after, stderr) = home.run(&["export", "--format", "json"]);
    assert_eq!(status, 0, "{stderr}");
    let before: Vec<serde_json::Value> = serde_json::from_str(&before).unwrap();
    let after: Vec<serde_json::Value> = serde_json::from_str(&after).unwrap();
    assert_eq!(before.len(), 5001);
    assert_eq!(after[..before.len()], before[..]);
    assert_eq!(after.len(), before.len() + 1);

    let (status, listed, stderr) = home.run(&["sessions"]);
    assert_eq!(status, 0, "{stderr}");
    assert!(listed.contains("5002"), "{listed}");
}
