//! The stats screen (`S`) on a `TestBackend`, over the demo with decisions
//! taken across three days: snapshots at the sizes a reviewer meets.
// Helpers unwrap as the tests do: a panic here is the test failing.
#![allow(clippy::unwrap_used)]

mod scripted;

use inviteq::model::{Decision, Verdict};
use inviteq::store::journal::{Decisions, Standing};
use inviteq::tui::{Action, State, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use scripted::demo_state;
use time::OffsetDateTime;
use time::macros::datetime;

const DAY_ONE: OffsetDateTime = datetime!(2026-11-29 09:30 UTC);
const DAY_THREE: OffsetDateTime = datetime!(2026-12-01 18:05 UTC);

/// Eight decisions on the demo over two days with one between them empty:
/// three accepts (one carried out), two ignores, a reply, and two on
/// invitations no longer in the queue.
fn decisions() -> Decisions {
    let standing = |seq, action, at, done: bool| Standing {
        seq,
        decision: Decision {
            action,
            template: (action == Verdict::Reply).then(|| "how-do-we-know".to_string()),
            reply: (action == Verdict::Reply).then(|| "Hi, how do we know each other?".into()),
            decided_at: at,
            carried_out_at: done.then_some(at),
        },
        name: Some(format!("Someone {seq}")),
        url: None,
        snapshot: None,
    };
    let taken = [
        ("demo-01", Verdict::Accept, DAY_ONE, true),
        ("demo-02", Verdict::Ignore, DAY_ONE, false),
        ("demo-03", Verdict::Reply, DAY_ONE, false),
        ("demo-04", Verdict::Accept, DAY_THREE, false),
        ("demo-05", Verdict::Ignore, DAY_THREE, false),
        ("demo-06", Verdict::Accept, DAY_THREE, false),
        ("gone-1", Verdict::Accept, DAY_ONE, true),
        ("gone-2", Verdict::Ignore, DAY_THREE, false),
    ];
    Decisions {
        by_id: taken
            .into_iter()
            .zip(1..)
            .map(|((id, action, at, done), seq)| (id.to_string(), standing(seq, action, at, done)))
            .collect(),
    }
}

/// The demo with [`decisions`], the stats screen open.
fn stats_open() -> State {
    let mut state = demo_state(&decisions());
    update(&mut state, Action::ToggleStats, DAY_THREE);
    state
}

fn draw(state: &State, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| {
            inviteq::tui::draw(state, frame);
        })
        .unwrap();
    terminal
}

#[test]
fn stats_at_120_by_40() {
    let state = stats_open();
    let terminal = draw(&state, 120, 40);
    let text = terminal.backend().to_string();
    for told in [
        "Stats · policy open",
        "Progress 6/32 decided (18%)",
        "Scores of the 32 to review",
        "▲ threshold 60: not a person",
        "8 decisions",
        "✓ accept    4",
        "✗ ignore    3",
        "↩ reply     1",
        "2 of 8",
        "suggestion taken",
        "Decisions per day",
        "11-29",
        "11-30",
        "12-01",
        "S back to the list",
    ] {
        assert!(text.contains(told), "{told:?} missing:\n{text}");
    }
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn stats_at_80_by_24() {
    let state = stats_open();
    let terminal = draw(&state, 80, 24);
    let text = terminal.backend().to_string();
    for told in [
        "Progress 6/32",
        "threshold 60",
        "Decisions per day",
        "12-01",
    ] {
        assert!(text.contains(told), "{told:?} missing:\n{text}");
    }
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn at_60_by_15_the_days_make_room_for_the_rest() {
    let state = stats_open();
    let terminal = draw(&state, 60, 15);
    let text = terminal.backend().to_string();
    assert!(!text.contains("Decisions per day"), "{text}");
    for told in [
        "Progress 6/32",
        "threshold 60",
        "✓ accept",
        "suggestion taken",
    ] {
        assert!(text.contains(told), "{told:?} missing:\n{text}");
    }
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn the_stats_screen_never_panics_at_any_size() {
    let state = stats_open();
    for width in [0, 1, 20, 59, 60, 61, 75, 200, 400] {
        for height in [0, 1, 5, 11, 12, 13, 17, 18, 30, 100] {
            draw(&state, width, height);
        }
    }
}

#[test]
fn a_review_with_nothing_decided_says_so() {
    let mut state = demo_state(&Decisions::default());
    update(&mut state, Action::ToggleStats, DAY_THREE);
    let text = draw(&state, 120, 40).backend().to_string();
    assert!(text.contains("Progress 0/32 decided (0%)"), "{text}");
    assert!(text.contains("No decision yet"), "{text}");
    assert!(text.contains("0 of 0"), "{text}");
}
