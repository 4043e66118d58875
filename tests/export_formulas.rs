//! `inviteq export --format csv` defuses what a spreadsheet would run as a
//! formula (OWASP's advice: a leading `'`), and `--raw` leaves it.
// Helpers unwrap as the tests do: a panic here is the test failing.
#![allow(clippy::unwrap_used)]

mod common;

use common::Home;
use inviteq::model::{Decision, Verdict};
use time::macros::datetime;

/// Inviters named as formulas, one per kind of first character that
/// spreadsheets run, with a reply that is one too.
const NAMES: [&str; 6] = [
    "=HYPERLINK(\"https://evil.example\",\"Click\")",
    "+SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "\tTab Leading",
    "\u{200b}=1+1",
];

fn home_with_formulas() -> Home {
    let home = Home::new();
    for (n, name) in NAMES.iter().enumerate() {
        home.decided_on_demo(
            &format!("inv-{n}"),
            name,
            Decision {
                action: Verdict::Reply,
                template: Some("how-do-we-know".to_string()),
                reply: Some("=1+1\nhow do we know each other?".to_string()),
                decided_at: datetime!(2026-11-27 08:15 UTC) + time::Duration::minutes(n as i64),
                carried_out_at: None,
            },
        );
    }
    home
}

fn csv_rows(text: &str) -> Vec<csv::StringRecord> {
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn csv_export_defuses_formulas_by_default() {
    let home = home_with_formulas();
    let (status, stdout, stderr) = home.run(&["export", "--demo", "--format", "csv"]);
    assert_eq!(status, 0, "{stderr}");
    let rows = csv_rows(&stdout);
    let names: Vec<&str> = rows.iter().map(|row| &row[1]).collect();
    assert_eq!(
        names,
        [
            "'=HYPERLINK(\"https://evil.example\",\"Click\")",
            "'+SUM(1+1)*cmd|' /C calc'!A0",
            "'-2+3+cmd|' /C calc'!A0",
            "'@SUM(1+1)",
            "'\tTab Leading",
            // A zero-width character cannot hide the `=` from the check.
            "'=1+1",
        ]
    );
    for row in &rows {
        assert_eq!(&row[5], "'=1+1\nhow do we know each other?");
        assert_eq!(&row[3], "reply", "inviteq's own cells are left alone");
        assert!(row[6].starts_with("2026-11-27T08:"), "{:?}", &row[6]);
    }
}

#[test]
fn raw_keeps_the_cells_as_they_are() {
    let home = home_with_formulas();
    let (status, stdout, stderr) = home.run(&["export", "--demo", "--format", "csv", "--raw"]);
    assert_eq!(status, 0, "{stderr}");
    let rows = csv_rows(&stdout);
    assert_eq!(&rows[0][1], NAMES[0]);
    assert_eq!(&rows[3][1], "@SUM(1+1)");
    assert_eq!(&rows[0][5], "=1+1\nhow do we know each other?");
    // Raw is about formulas only: what the terminal must not see is still
    // cleaned away.
    assert_eq!(&rows[5][1], "=1+1");
}

#[test]
fn raw_with_json_is_a_usage_error() {
    let home = home_with_formulas();
    let (status, stdout, stderr) = home.run(&["export", "--demo", "--raw"]);
    assert_eq!(status, 2, "{stdout}");
    assert!(stderr.contains("--raw is for --format csv"), "{stderr}");
}

#[test]
fn json_export_is_not_defused() {
    let home = home_with_formulas();
    let (status, stdout, stderr) = home.run(&["export", "--demo"]);
    assert_eq!(status, 0, "{stderr}");
    let records: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(records[0]["name"], NAMES[0]);
}

#[test]
fn export_help_tells_of_the_defusing_and_raw() {
    let (status, stdout, _) = Home::new().run(&["export", "--help"]);
    assert_eq!(status, 0);
    assert!(stdout.contains("leading `'`"), "{stdout}");
    assert!(stdout.contains("--raw"), "{stdout}");
    assert!(stdout.contains("OWASP"), "{stdout}");
}
