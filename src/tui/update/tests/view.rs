//! Filter, sort, and the saved place.

use super::*;
use crate::tui::state::Overlay;

// Filter and sort

#[test]
fn the_filter_keeps_the_selected_invitation_under_the_cursor() {
    let mut state = five();
    act(&mut state, Action::Accept);
    act(&mut state, Action::MoveDown);
    act(&mut state, Action::Ignore);
    act(&mut state, Action::Last);
    assert_eq!(state.selected(), Some(4));

    act(&mut state, Action::CycleFilter);
    assert_eq!(state.filter, Filter::Pending);
    assert_eq!(state.view, [1, 3, 4]);
    assert_eq!(state.selected(), Some(4));
    assert_eq!(state.status.as_deref(), Some("Showing pending invitations"));

    act(&mut state, Action::CycleFilter);
    assert_eq!(state.filter, Filter::Decided);
    assert_eq!(state.view, [0, 2]);
    assert_eq!(state.cursor, 0, "the selected one is hidden: to the top");
    assert_eq!(state.selected(), Some(0));
}

#[test]
fn a_filter_that_hides_the_selected_one_keeps_the_place_nearby() {
    let mut state = people(40);
    for _ in 0..30 {
        act(&mut state, Action::Accept);
    }
    act(&mut state, Action::MoveUp);
    assert_eq!(state.selected(), Some(29), "a decided one");

    act(&mut state, Action::CycleFilter);

    assert_eq!(state.filter, Filter::Pending);
    assert_eq!(
        state.selected(),
        Some(30),
        "the next one shown, not the top of the list"
    );
}

#[test]
fn a_decision_under_a_filter_stays_in_view_until_the_filter_changes() {
    let mut state = five();
    state.restore(Filter::Pending, None, Sort::Queue, Some("eli"));
    assert_eq!(state.selected(), Some(4));

    act(&mut state, Action::Accept);
    assert_eq!(state.view, [0, 1, 2, 3, 4], "no row jumps away");
    assert_eq!(
        state.selected(),
        Some(0),
        "on to the next pending, wrapping"
    );
    act(&mut state, Action::Last);

    act(&mut state, Action::CycleFilter);
    assert_eq!(state.filter, Filter::Decided);
    assert_eq!(state.view, [4]);
    assert_eq!(state.selected(), Some(4), "kept under the cursor");
}

#[test]
fn invitations_of_one_score_keep_their_queue_order_when_sorted_by_score() {
    let mut state = of_several_scores(12);
    let score = |state: &State, index: usize| state.review.summary(index).score;
    let mut expected: Vec<usize> = (0..12).collect();
    expected.sort_by_key(|&index| std::cmp::Reverse(score(&state, index)));

    act(&mut state, Action::CycleSort);

    assert_eq!(state.sort, Sort::Score);
    assert_eq!(state.view, expected);
    assert_ne!(score(&state, expected[0]), score(&state, expected[11]));
}

#[test]
fn the_sort_keeps_the_selected_invitation_under_the_cursor() {
    let mut state = five();
    act(&mut state, Action::MoveDown);
    act(&mut state, Action::MoveDown);
    assert_eq!(state.selected(), Some(2));

    act(&mut state, Action::CycleSort);
    assert_eq!(state.sort, Sort::Score);
    assert_eq!(state.selected(), Some(2));
    let scores: Vec<u8> = state
        .view
        .iter()
        .map(|&i| state.review.summary(i).score)
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert_eq!(state.status.as_deref(), Some("Sorted by score"));

    act(&mut state, Action::CycleSort);
    assert_eq!(state.sort, Sort::Name);
    let names: Vec<&str> = state
        .view
        .iter()
        .map(|&i| state.review.invitation(i).profile.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Acme Leads Inc",
            "Ben Young",
            "Cara Zorn",
            "Dora Adams",
            "Eli Brown"
        ]
    );
    assert_eq!(state.selected(), Some(2));
    assert_eq!(state.cursor, 1);

    act(&mut state, Action::CycleSort);
    assert_eq!(state.sort, Sort::Queue);
    assert_eq!(state.view, [0, 1, 2, 3, 4]);
    assert_eq!(state.selected(), Some(2));
}

/// A console on `n` invitations of several scores, in a mixed order.
fn of_several_scores(n: usize) -> State {
    let names = [
        "Ann Lee",
        "Resume Hub",
        "JOHN SMITH",
        "Bo Park",
        "career_hub 24",
    ];
    let invitations: Vec<String> = (0..n)
        .map(|i| {
            let name = names[i * 7 % names.len()];
            format!(r#"{{"id": "p{i}", "profile": {{"name": "{name}"}}}}"#)
        })
        .collect();
    state_of(load(&format!("[{}]", invitations.join(","))))
}

/// The same, whose sort by score waits whenever a row is left to score,
/// as a console on a million invitations does.
fn waiting(n: usize) -> State {
    let mut state = of_several_scores(n);
    state.scored_before_a_frame = 0;
    state
}

fn is_by_score(state: &State) -> bool {
    let scores: Vec<u8> = state
        .view
        .iter()
        .map(|&i| state.review.summary(i).score)
        .collect();
    scores.windows(2).all(|w| w[0] >= w[1]) && scores.first() != scores.last()
}

#[test]
fn a_sort_with_too_many_rows_to_score_waits_for_them_in_queue_order() {
    let mut state = waiting(40);
    act(&mut state, Action::Last);
    let selected = state.selected();

    act(&mut state, Action::CycleSort);

    assert_eq!(state.sort, Sort::Score);
    assert!(state.sort_waits);
    assert_eq!(state.view, (0..40).collect::<Vec<_>>(), "the queue's order");
    assert_eq!(state.selected(), selected);
    assert_eq!(
        state.status.as_deref(),
        Some("Sorting by score once every invitation is scored")
    );
    assert!(frame(&mut state, 120, 20).contains("scoring to sort"));

    act(&mut state, Action::MoveUp);
    let selected = state.selected();
    state.review.score_all();
    act(&mut state, Event::Scored);

    assert!(!state.sort_waits);
    assert!(is_by_score(&state));
    assert_eq!(state.selected(), selected, "kept under the cursor");
    assert_eq!(state.status.as_deref(), Some("Sorted by score"));
    assert!(!frame(&mut state, 120, 20).contains("scoring to sort"));
}

#[test]
fn a_waiting_sort_is_not_made_under_a_search_reading_the_list() {
    let mut state = waiting(40);
    act(&mut state, Action::CycleSort);
    act(&mut state, Action::Search);
    state.review.score_all();

    act(&mut state, Event::Scored);
    assert!(state.sort_waits, "the search's matches are list positions");
    assert_eq!(state.view, (0..40).collect::<Vec<_>>());

    act(&mut state, Action::Back);
    act(&mut state, Event::Scored);
    assert!(!state.sort_waits);
    assert!(is_by_score(&state));
}

#[test]
fn another_sort_or_a_queue_scored_meanwhile_ends_the_wait() {
    let mut state = waiting(40);
    act(&mut state, Action::CycleSort);
    assert!(state.sort_waits);
    act(&mut state, Action::CycleSort);
    assert_eq!(state.sort, Sort::Name);
    assert!(!state.sort_waits);

    let mut state = waiting(40);
    act(&mut state, Action::CycleSort);
    state.review.score_all();
    act(&mut state, Action::CycleFilter);
    assert!(!state.sort_waits, "nothing left to wait for");
    assert!(is_by_score(&state));
}

#[test]
fn the_sweep_and_the_stats_open_once_every_row_is_scored() {
    for (action, said, what) in [
        (
            Action::Sweep,
            "The sweep opens once every invitation is scored",
            "scoring for the sweep",
        ),
        (
            Action::ToggleStats,
            "The stats open once every invitation is scored",
            "scoring for the stats",
        ),
    ] {
        let mut state = waiting(40);
        act(&mut state, action);
        assert!(matches!(state.mode, Mode::List), "{said}");
        assert_eq!(state.status.as_deref(), Some(said));
        assert!(frame(&mut state, 120, 20).contains(what));

        act(&mut state, Action::MoveDown);
        state.review.score_all();
        act(&mut state, Event::Scored);
        assert_eq!(state.opens_when_scored, None);
        let opened = match action {
            Action::Sweep => matches!(state.mode, Mode::Batch(_)),
            _ => matches!(state.mode, Mode::Stats(_)),
        };
        assert!(opened, "{said}");
        assert!(!frame(&mut state, 120, 20).contains(what));
    }
}

#[test]
fn a_sort_and_a_sweep_can_both_wait_and_both_are_made() {
    let mut state = waiting(40);
    act(&mut state, Action::CycleSort);
    act(&mut state, Action::Sweep);
    assert!(state.sort_waits);
    assert_eq!(state.opens_when_scored, Some(Overlay::Sweep));

    state.review.score_all();
    act(&mut state, Event::Scored);

    assert!(!state.sort_waits);
    assert!(is_by_score(&state));
    assert!(matches!(state.mode, Mode::Batch(_)));
}

// The saved place

#[test]
fn restore_puts_the_cursor_back_on_the_saved_invitation() {
    let mut state = five();
    state.restore(Filter::All, None, Sort::Name, Some("dora"));
    assert_eq!(state.sort, Sort::Name);
    assert_eq!(state.selected(), Some(3));
    assert_eq!(state.cursor, 3, "Dora is fourth by name");
}

#[test]
fn restore_falls_back_to_the_first_pending_when_the_saved_one_is_gone() {
    let mut state = five();
    state.review.set(0, Some(decision(Verdict::Accept, NOW)));
    state.review.set(1, Some(decision(Verdict::Ignore, NOW)));

    state.restore(
        Filter::All,
        None,
        Sort::Queue,
        Some("no-longer-in-the-queue"),
    );
    assert_eq!(state.selected(), Some(2));

    state.restore(Filter::All, None, Sort::Queue, None);
    assert_eq!(state.selected(), Some(2));
}

#[test]
fn restore_falls_back_when_the_filter_hides_the_saved_one() {
    let mut state = five();
    state.review.set(3, Some(decision(Verdict::Accept, NOW)));

    state.restore(Filter::Pending, None, Sort::Queue, Some("dora"));

    assert_eq!(state.filter, Filter::Pending);
    assert_eq!(state.view, [0, 1, 2, 4]);
    assert_eq!(state.selected(), Some(0));
}

#[test]
fn the_intent_filter_shows_one_intent_at_a_time_and_then_all() {
    let mut state = five();
    let total = state.view.len();
    let mut seen = 0;
    for intent in crate::score::Intent::ALL {
        act(&mut state, Action::CycleIntent);
        assert_eq!(state.intent, Some(intent));
        assert!(state.view.iter().all(|&i| state.review.intent(i) == intent));
        seen += state.view.len();
    }
    assert_eq!(seen, total, "every invitation has exactly one intent");
    act(&mut state, Action::CycleIntent);
    assert_eq!(state.intent, None);
    assert_eq!(state.view.len(), total);
}
