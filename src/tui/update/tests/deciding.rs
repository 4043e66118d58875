//! Deciding: accept, ignore, the suggestion, and the modes around them.

use super::*;

// Deciding

#[test]
fn accept_stores_the_decision_records_it_and_moves_to_the_next_pending() {
    let mut state = five();
    state.review.set(1, Some(decision(Verdict::Ignore, LATER)));

    let effects = act(&mut state, Action::Accept);

    let accepted = decision(Verdict::Accept, NOW);
    assert_eq!(state.review.decision(0), Some(&accepted));
    assert_eq!(effects, [record(Op::Decide, 0, None, Some(accepted))]);
    assert_eq!(state.selected(), Some(2), "skips the decided invitation 1");
    assert_eq!(state.review.decided(), 2);
    assert_eq!(state.undo.len(), 1);
    assert_eq!(state.status, None);
}

#[test]
fn ignore_stores_the_decision_and_wraps_round_to_the_first_pending() {
    let mut state = five();
    act(&mut state, Action::Accept);
    assert_eq!(state.selected(), Some(1));
    act(&mut state, Action::Last);

    let effects = act(&mut state, Action::Ignore);

    let ignored = decision(Verdict::Ignore, NOW);
    assert_eq!(state.review.decision(4), Some(&ignored));
    assert_eq!(effects, [record(Op::Decide, 4, None, Some(ignored))]);
    assert_eq!(state.selected(), Some(1), "wraps past the end, skipping 0");
}

#[test]
fn deciding_again_replaces_the_decision_and_records_the_one_before() {
    let mut state = five();
    act(&mut state, Action::Accept);
    act(&mut state, Action::First);

    let effects = update(&mut state, Action::Ignore, LATER);

    assert_eq!(action_at(&state, 0), Some(Verdict::Ignore));
    assert_eq!(
        effects,
        [record(
            Op::Decide,
            0,
            Some(decision(Verdict::Accept, NOW)),
            Some(decision(Verdict::Ignore, LATER)),
        )]
    );
    assert_eq!(state.review.decided(), 1);
}

#[test]
fn the_last_decision_says_that_all_are_decided() {
    let mut state = people(3);
    act(&mut state, Action::Accept);
    act(&mut state, Action::Ignore);
    assert_eq!(state.status, None);
    assert_eq!(state.selected(), Some(2));

    let effects = act(&mut state, Action::Accept);

    assert_eq!(effects.len(), 1);
    assert_eq!(state.review.decided(), 3);
    assert_eq!(state.status.as_deref(), Some("All 3 invitations decided"));
    assert_eq!(state.selected(), Some(2), "nowhere to go: the cursor stays");
}

#[test]
fn the_status_lasts_until_the_next_key_but_survives_what_comes_back() {
    let mut state = people(1);
    act(&mut state, Action::Accept);
    assert!(state.status.is_some());
    let recorded = Event::Recorded {
        op: Op::Decide,
        result: Ok(()),
    };
    assert_eq!(act(&mut state, recorded), []);
    let drawn = Scroll {
        offset: 0,
        rows: 20,
        ..Scroll::default()
    };
    assert_eq!(act(&mut state, Event::Drawn(drawn)), []);
    assert_eq!(state.scroll, drawn);
    assert!(state.status.is_some());
    act(&mut state, Action::MoveDown);
    assert_eq!(state.status, None);
}

#[test]
fn an_empty_queue_takes_every_key_without_a_decision() {
    let mut state = state_of(Queue::default());
    for action in [
        Action::MoveDown,
        Action::MoveUp,
        Action::Last,
        Action::PageDown,
        Action::PageUp,
        Action::Accept,
        Action::Ignore,
        Action::Reply,
        Action::TakeSuggestion,
        Action::Undo,
        Action::Redo,
        Action::CycleFilter,
        Action::CycleSort,
    ] {
        assert_eq!(act(&mut state, action), [], "{action:?}");
    }
    assert_eq!(state.selected(), None);
    assert!(matches!(state.mode, Mode::List));
}

// The suggestion

#[test]
fn enter_takes_exactly_the_suggestion() {
    let queue = crate::import::demo();
    let len = queue.invitations.len();
    let mut state = state_of(queue);
    for index in 0..len {
        state.move_cursor(index);
        assert_eq!(state.selected(), Some(index));
        let suggestion = state.review.assess(index).suggestion;
        let suggested = suggestion
            .action
            .expect("the demo holds no connection already");

        let effects = act(&mut state, Action::TakeSuggestion);

        if suggested == Verdict::Reply {
            assert!(effects.is_empty(), "a reply is drafted before it is kept");
            assert_eq!(draft(&state).index, index);
            let template = draft(&state).template.clone();
            if let Some(suggested_template) = suggestion.template {
                assert_eq!(template, suggested_template);
            }
            let effects = act(&mut state, Action::KeepReply);
            assert_eq!(effects.len(), 1);
            let kept = state.review.decision(index).expect("kept");
            assert_eq!(kept.template, Some(template));
        } else {
            assert_eq!(
                effects,
                [record(
                    Op::Decide,
                    index,
                    None,
                    Some(decision(suggested, NOW))
                )]
            );
        }
        assert_eq!(action_at(&state, index), Some(suggested), "{index}");
    }
    assert_eq!(state.review.decided(), len);
}

// Modes and leaving

#[test]
fn help_opens_and_closes() {
    let mut state = five();
    assert!(act(&mut state, Action::ToggleHelp).is_empty());
    assert_eq!(state.context(), KeyContext::Help);
    act(&mut state, Action::ToggleHelp);
    assert_eq!(state.context(), KeyContext::List);
    assert_eq!(state.selected(), Some(0));
}

#[test]
fn a_mode_takes_only_the_actions_of_its_keys() {
    let mut state = five();
    act(&mut state, Action::ToggleHelp);
    assert_eq!(act(&mut state, Action::Accept), []);
    assert_eq!(state.context(), KeyContext::Help);
    act(&mut state, Action::ToggleHelp);

    act(&mut state, Action::Reply);
    for action in [Action::Accept, Action::MoveDown, Action::Undo] {
        assert_eq!(act(&mut state, action), [], "{action:?}");
    }
    assert_eq!(state.context(), KeyContext::Reply);
    assert_eq!(state.selected(), Some(0));
    assert_eq!(state.review.decided(), 0);

    act(&mut state, Action::CancelReply);
    act(&mut state, Action::PickTemplate);
    assert_eq!(act(&mut state, Action::Accept), []);
    assert_eq!(state.review.decided(), 0);
    act(&mut state, Action::Quit);
    assert!(state.quitting, "quitting works everywhere");
}

#[test]
fn quit_asks_to_leave_and_changes_nothing_else() {
    let mut state = five();
    assert!(!state.quitting);
    assert!(act(&mut state, Action::Quit).is_empty());
    assert!(state.quitting);
    assert_eq!(state.review.decided(), 0);
}

#[test]
fn suspend_hands_the_terminal_back() {
    let mut state = five();
    act(&mut state, Action::MoveDown);
    assert_eq!(act(&mut state, Action::Suspend), [Effect::Suspend]);
    assert_eq!(state.selected(), Some(1));
    assert!(!state.quitting);
}
