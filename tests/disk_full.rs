//! A full disk never poisons the journal: a failed append leaves the file
//! exactly as it was, and once space returns the next decisions land whole
//! beside every one kept before. On a real full disk: a tiny tmpfs.
// Tests unwrap: a panic is the test failing.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::Duration;

use common::Home;
use common::disk::TinyDisk;
use inviteq::model::{Decision, Invitation, Profile, Verdict};
use inviteq::store::journal::{self, Journal, Op};

fn invitation(n: usize) -> Invitation {
    Invitation {
        id: format!("inv-{n}").into(),
        message: Some(
            format!("A long note to fill the page, number {n}. ")
                .repeat(20)
                .into(),
        ),
        profile: Profile::named(format!("Person {n}")),
        ..Invitation::default()
    }
}

fn accepted() -> Decision {
    Decision::new(Verdict::Accept, time::OffsetDateTime::UNIX_EPOCH)
}

#[test]
fn a_write_that_fills_the_disk_part_way_leaves_the_journal_as_it_was() {
    let Some(disk) = TinyDisk::mount(64) else {
        return;
    };
    let path = disk.path().join("journal.jsonl");
    let (mut journal, ..) = Journal::open(&path).unwrap();
    let decision = accepted();
    journal
        .append(Op::Decide, &invitation(0), Some(&decision))
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    disk.fill();

    // Far more than the slack in the journal's last page: the write lands
    // part way, then the disk is full.
    let many: Vec<Invitation> = (1..=20).map(invitation).collect();
    let entries: Vec<_> = many.iter().map(|i| (i, Some(&decision))).collect();
    let error = journal.append_all(Op::Decide, &entries).err().unwrap();
    assert!(error.to_string().contains("No space left"), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // Again: nothing is glued onto what the first failure left.
    journal.append_all(Op::Decide, &entries).err().unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), before);

    disk.free();
    journal
        .append(Op::Decide, &invitation(22), Some(&decision))
        .unwrap();
    let decisions = journal::read(&path).unwrap();
    let mut ids: Vec<_> = decisions.by_id.keys().cloned().collect();
    ids.sort();
    assert_eq!(ids, ["inv-0", "inv-22"]);
    let (_, reopened, recovery) = Journal::open(&path).unwrap();
    assert!(!recovery.dropped_torn_line);
    assert_eq!(reopened, decisions);
}

/// A queue whose every decision takes more than a page of the journal
/// (each record keeps the invitation's note), so that none fits in the
/// slack of a page already in use.
fn queue_of_long_notes(count: usize) -> String {
    let note = "ü".repeat(2_900);
    let invitations: Vec<String> = (1..=count)
        .map(|n| {
            format!(r#"{{"id": "inv-{n:02}", "message": "{note}", "profile": {{"name": "Person Number{n}", "photo": "person", "connections": 200}}}}"#)
        })
        .collect();
    format!("[{}]", invitations.join(","))
}

#[test]
fn the_console_on_a_full_disk_keeps_the_decisions_shown_and_says_the_disk_is_full() {
    let Some(disk) = TinyDisk::mount(256) else {
        return;
    };
    let home = Home::new();
    std::os::unix::fs::symlink(disk.path(), home.data()).unwrap();
    let queue = home.file("queue.json", queue_of_long_notes(10));
    let mut console = home.console(&[queue.to_str().unwrap()]);
    console.wait_for("0/10 decided");
    console.keys("a");
    console.wait_for("1/10 decided");
    std::thread::sleep(Duration::from_millis(1_300));

    disk.fill();
    console.keys("ja");
    let screen = console.wait_for("Not saved, nothing changed");
    assert!(screen.contains("No space left on device"), "{screen}");
    assert!(screen.contains("1/10 decided"), "{screen}");
    // The quiet second passes and the place cannot be kept either.
    std::thread::sleep(Duration::from_millis(1_600));
    let screen = console.contents();
    assert!(screen.contains("Not saved, nothing changed"), "{screen}");
    assert!(!screen.contains("Could not save the place"), "{screen}");

    disk.free();
    console.keys("a");
    console.wait_for("2/10 decided");
    console.keys("q");
    assert_eq!(console.wait(), 0);

    let (status, out, err) = home.run(&["export", "--format", "csv"]);
    assert_eq!(status, 0, "{err}");
    assert_eq!(out.matches(",accept,").count(), 2, "{out}");
    journal::read(&home.journal()).unwrap();
}
