//! The daily review of LinkedIn's export: today's decisions carry over to
//! tomorrow's export, which shows only what is new, what has gone, and who
//! invites again after being ignored.
// Helpers unwrap as the tests do: a panic here is the test failing.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};

use common::{Home, decide_records};
use time::{Duration, OffsetDateTime};

/// `Sent At` as the export writes it, e.g. `4/11/13, 9:05 AM`.
fn sent_at(day: OffsetDateTime) -> String {
    format!(
        "{}/{}/{:02}, 9:05 AM",
        u8::from(day.month()),
        day.day(),
        day.year() % 100
    )
}

fn export(home: &Home, folder: &str, rows: &[(&str, &str, OffsetDateTime)]) -> PathBuf {
    let dir = home.root.path().join(folder);
    std::fs::create_dir_all(&dir).unwrap();
    let mut csv = String::from(
        "\u{feff}From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\r\n",
    );
    for (name, slug, day) in rows {
        csv.push_str(&format!(
            "{name},Jason Example,\"{}\",,INCOMING,https://www.linkedin.com/in/{slug},https://www.linkedin.com/in/jason-example\r\n",
            sent_at(*day)
        ));
    }
    csv.push_str("Short Row,Jason Example\r\n");
    std::fs::write(dir.join("Invitations.csv"), csv).unwrap();
    std::fs::write(
        dir.join("Profile.csv"),
        "First Name,Last Name,Maiden Name,Address,Birth Date,Headline\r\nJason,Example,,,,Author\r\n",
    )
    .unwrap();
    dir
}

fn row_of<'a>(screen: &'a str, name: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(name))
        .unwrap_or_else(|| panic!("no row for {name}:\n{screen}"))
}

fn open(home: &Home, dir: &Path) -> common::Console {
    home.console(&[dir.to_str().unwrap()])
}

#[test]
fn tomorrows_export_resumes_todays_review_and_marks_what_changed() {
    let home = Home::new();
    let now = OffsetDateTime::now_utc();
    let last_week = now - Duration::days(7);
    let day1 = export(
        &home,
        "export-day1",
        &[
            ("Ann Lee", "ann-lee", last_week),
            ("Bob Ray", "bob-ray", last_week),
            ("Cat Poe", "cat-poe", last_week),
        ],
    );
    let mut console = open(&home, &day1);
    let screen = console.wait_for("0/3 decided");
    assert!(screen.contains("1 rows skipped"), "{screen}");
    console.keys("a");
    console.wait_for("1/3 decided");
    console.keys("i");
    console.wait_for("2/3 decided");
    console.keys("q");
    assert_eq!(console.wait(), 0);

    // Tomorrow: Ann was accepted on LinkedIn and is gone, Bob invites again
    // after being ignored, Dee and Eli are new.
    let tomorrow = now + Duration::days(1);
    let day2 = export(
        &home,
        "export-day2",
        &[
            ("Bob Ray", "bob-ray", tomorrow),
            ("Cat Poe", "cat-poe", last_week),
            ("Dee Kim", "dee-kim", tomorrow),
            ("Eli Fox", "eli-fox", tomorrow),
        ],
    );
    let mut console = open(&home, &day2);
    let screen = console.wait_for("0/4 decided");
    assert!(row_of(&screen, "Ann Lee").contains("[gone]"), "{screen}");
    assert!(row_of(&screen, "Ann Lee").contains('✓'), "{screen}");
    assert!(row_of(&screen, "Bob Ray").contains("[again]"), "{screen}");
    assert!(row_of(&screen, "Bob Ray").contains('·'), "{screen}");
    assert!(!row_of(&screen, "Cat Poe").contains("[new]"), "{screen}");
    assert!(row_of(&screen, "Dee Kim").contains("[new]"), "{screen}");
    assert!(row_of(&screen, "Eli Fox").contains("[new]"), "{screen}");
    console.keys("g");
    let screen = console.wait_for("Invites again");
    assert!(
        screen.contains("Invites again: you ignored an earlier invitation"),
        "{screen}"
    );

    // The new-since-last-time filter shows just the two.
    console.keys("fff");
    let screen = console.wait_for("filter new");
    assert!(screen.contains("2 shown"), "{screen}");
    console.keys("q");
    console.wait();

    assert_eq!(
        decide_records(&home.journal()).len(),
        2,
        "no decision was lost"
    );
    let (status, json, _) = home.run(&["export"]);
    assert_eq!(status, 0);
    assert!(
        json.contains("ann-lee") && json.contains("bob-ray"),
        "{json}"
    );
}
