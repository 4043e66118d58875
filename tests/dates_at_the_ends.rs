//! Dates at both ends of the range `time` counts, from every way a date
//! comes in (the queue's `sent_at` and `account_created`, the journal's
//! `decided_at`): no score, screen or export may stop on one, and a queue
//! file is refused, with its place, only for a moment that has no UTC day.
// Helpers unwrap as the tests do: a panic here is the test failing.
#![allow(clippy::unwrap_used)]

mod common;
mod scripted;

use inviteq::export::{ExportRecord, Formulas, to_csv, to_json};
use inviteq::import::queue_json;
use inviteq::model::{Decision, Invitation, Profile, Queue, Verdict};
use inviteq::review::Review;
use inviteq::store::journal::{Decisions, Standing};
use inviteq::templates::Templates;
use inviteq::tui::{Action, State};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use time::format_description::well_known::Rfc3339;
use time::macros::datetime;
use time::{Date, OffsetDateTime, Time, UtcOffset};

/// A day, mostly within a few days of either end of the range.
fn any_day() -> impl Strategy<Value = Date> {
    let (first, last) = (Date::MIN.to_julian_day(), Date::MAX.to_julian_day());
    prop_oneof![first..first + 3, last - 2..=last, first..=last,]
        .prop_map(|day| Date::from_julian_day(day).unwrap())
}

/// A day RFC 3339 can write, mostly within a few days of either end of
/// its years, 0 to 9999.
fn written_day() -> impl Strategy<Value = Date> {
    let first = Date::from_calendar_date(0, time::Month::January, 1)
        .unwrap()
        .to_julian_day();
    let last = Date::from_calendar_date(9999, time::Month::December, 31)
        .unwrap()
        .to_julian_day();
    prop_oneof![first..first + 3, last - 2..=last, first..=last]
        .prop_map(|day| Date::from_julian_day(day).unwrap())
}

/// A moment on any day, at any offset `time` allows (±25:59:59).
fn any_moment() -> impl Strategy<Value = OffsetDateTime> {
    let widest = 25 * 3600 + 59 * 60 + 59;
    moment_on(any_day(), -widest..=widest)
}

/// A moment RFC 3339 can write: its offsets are whole minutes.
fn written_moment() -> impl Strategy<Value = OffsetDateTime> {
    let widest = 23 * 60 + 59;
    moment_on(
        written_day(),
        (-widest..=widest).prop_map(|minutes| minutes * 60),
    )
}

/// A moment on one of `days`, at one of `offsets` (in seconds).
fn moment_on(
    days: impl Strategy<Value = Date>,
    offsets: impl Strategy<Value = i32>,
) -> impl Strategy<Value = OffsetDateTime> {
    (days, 0..86_400u32, offsets).prop_map(|(day, second, offset)| {
        let at = Time::from_hms(
            u8::try_from(second / 3600).unwrap(),
            u8::try_from(second / 60 % 60).unwrap(),
            u8::try_from(second % 60).unwrap(),
        )
        .unwrap();
        day.with_time(at)
            .assume_offset(UtcOffset::from_whole_seconds(offset).unwrap())
    })
}

fn queue_of(sent_at: OffsetDateTime, created: Date) -> Queue {
    Queue {
        invitations: vec![Invitation {
            id: "far".into(),
            sent_at: Some(sent_at),
            profile: Profile {
                account_created: Some(created),
                ..Profile::named("Ada Far")
            },
            ..Invitation::default()
        }],
        ..Queue::default()
    }
}

fn decided(decided_at: OffsetDateTime, carried_out_at: OffsetDateTime) -> Decisions {
    let standing = Standing {
        seq: 1,
        decision: Decision {
            carried_out_at: Some(carried_out_at),
            ..Decision::new(Verdict::Accept, decided_at)
        },
        name: Some("Ada Far".to_string()),
        url: None,
        snapshot: None,
    };
    Decisions {
        by_id: [("far".to_string(), standing)].into_iter().collect(),
    }
}

fn draw(state: &State) {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal
        .draw(|frame| {
            inviteq::tui::draw(state, frame);
        })
        .unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Scored, shown, and the stats screen drawn, whatever the dates.
    #[test]
    fn the_console_takes_any_dates(
        sent_at in any_moment(),
        created in any_day(),
        decided_at in any_moment(),
        carried_out_at in any_moment(),
    ) {
        let queue = queue_of(sent_at, created);
        let review = Review::new(
            queue,
            &decided(decided_at, carried_out_at),
            None,
            scripted::default_scorer,
        );
        let assessment = review.assess(0);
        prop_assert!(assessment.score <= 100);
        let mut state = State::new(review, Templates::builtin(), "far".into());
        draw(&state);
        inviteq::tui::update(&mut state, Action::ToggleStats, datetime!(2026-12-01 09:30 UTC));
        draw(&state);
    }

    /// Exported as RFC 3339 (in UTC when the moment has a UTC day) or as
    /// seconds since 1970, never a panic.
    #[test]
    fn the_export_takes_any_dates(decided_at in any_moment(), carried_out_at in any_moment()) {
        let record = ExportRecord {
            id: "far".into(),
            name: "Ada Far".to_string(),
            url: None,
            action: Verdict::Ignore,
            template: None,
            reply: None,
            decided_at,
            carried_out_at: Some(carried_out_at),
        };
        let json: serde_json::Value = serde_json::from_str(&to_json(std::slice::from_ref(&record))).unwrap();
        let written = json[0]["decided_at"].as_str().unwrap().to_string();
        let read_back = OffsetDateTime::parse(&written, &Rfc3339)
            .map(OffsetDateTime::unix_timestamp)
            .or_else(|_| written.parse::<i64>());
        prop_assert_eq!(read_back, Ok(decided_at.unix_timestamp()));
        prop_assert!(to_csv(&[record], Formulas::Defused).contains(&written));
    }

    /// A queue file's `sent_at` is read when it has a UTC day, and refused
    /// with line and column when it has none; what is read scores.
    #[test]
    fn a_queue_file_refuses_only_moments_with_no_utc_day(sent_at in written_moment()) {
        let text = sent_at.format(&Rfc3339).unwrap();
        let file = format!(
            "[{{\"sent_at\": \"{text}\", \"profile\": {{\"name\": \"Ada Far\", \"account_created\": \"{}\"}}}}]",
            &text[..10]
        );
        match queue_json::parse(file.as_bytes()) {
            Ok(queue) => {
                prop_assert!(sent_at.checked_to_offset(UtcOffset::UTC).is_some());
                let review = Review::new(queue, &Decisions::default(), None, scripted::default_scorer);
                review.assess(0);
            }
            Err(problems) => {
                prop_assert!(sent_at.checked_to_offset(UtcOffset::UTC).is_none(), "{problems:?}");
                prop_assert_eq!(problems.len(), 1);
                prop_assert!(problems[0].to_string().contains("1:"), "{}", problems[0]);
                prop_assert!(problems[0].to_string().contains("out of range"), "{}", problems[0]);
            }
        }
    }
}

/// The issue's reproducer through the real binary: `check` names the file,
/// line and column; `score`, `queue` and the console never panic on it.
#[test]
fn the_year_ten_thousand_in_utc_is_refused_with_its_place() {
    let home = common::Home::new();
    let queue = home.file(
        "far.json",
        r#"[{"sent_at":"9999-12-31T23:59:59-00:01","profile":{"name":"A"}}]"#,
    );
    let queue = queue.to_str().unwrap();
    for command in ["check", "score", "queue"] {
        let (status, _, stderr) = home.run(&[command, queue]);
        assert_eq!(status, 1, "{command}: {stderr}");
        assert!(
            stderr.contains("far.json:1:39: invitation 1, sent_at"),
            "{command}: {stderr}"
        );
        assert!(stderr.contains("out of range"), "{command}: {stderr}");
        assert!(!stderr.contains("panicked"), "{command}: {stderr}");
    }
}

/// The same moment as a CSV `Sent At` is carried as unknown, with a warning.
#[test]
fn the_year_ten_thousand_in_a_csv_is_an_unknown_date() {
    let home = common::Home::new();
    let csv = home.file(
        "Invitations.csv",
        "From,To,Sent At,Message,Direction\r\nAda Far,Me,9999-12-31T23:59:59-00:01,,INCOMING\r\n",
    );
    let csv = csv.to_str().unwrap();
    let (status, stdout, stderr) = home.run(&["score", "--json", csv]);
    assert_eq!(status, 0, "{stderr}");
    assert!(stdout.contains("\"name\":\"Ada Far\""), "{stdout}");
    let (status, _, stderr) = home.run(&["check", csv]);
    assert_eq!(status, 0, "{stderr}");
    assert!(
        stderr.contains("Invitations.csv:2: Sent At \"9999-12-31T23:59:59-00:01\"")
            && stderr.contains("the date is taken as unknown"),
        "{stderr}"
    );
}
