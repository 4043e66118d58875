//! Undo, redo, and the journal refusing a change.

use super::*;

// Undo and redo

#[test]
fn undo_puts_back_the_decision_before_and_records_it() {
    let mut state = five();
    act(&mut state, Action::Accept);
    act(&mut state, Action::Ignore);
    assert_eq!(state.selected(), Some(2));

    let effects = act(&mut state, Action::Undo);

    let ignored = decision(Verdict::Ignore, NOW);
    assert_eq!(effects, [record(Op::Undo, 1, None, Some(ignored))]);
    assert_eq!(state.review.decision(1), None);
    assert_eq!(action_at(&state, 0), Some(Verdict::Accept));
    assert_eq!(
        state.selected(),
        Some(1),
        "the cursor goes to the undone one"
    );
    assert_eq!(state.review.decided(), 1);

    act(&mut state, Action::Undo);
    assert_eq!(state.review.decided(), 0);
    assert_eq!(state.selected(), Some(0));

    assert!(act(&mut state, Action::Undo).is_empty());
    assert_eq!(state.status.as_deref(), Some("Nothing to undo"));
}

#[test]
fn undo_of_a_changed_decision_restores_the_earlier_one() {
    let mut state = five();
    act(&mut state, Action::Accept);
    act(&mut state, Action::First);
    update(&mut state, Action::Ignore, LATER);

    let effects = act(&mut state, Action::Undo);

    let accepted = decision(Verdict::Accept, NOW);
    assert_eq!(state.review.decision(0), Some(&accepted));
    assert_eq!(
        effects,
        [record(
            Op::Undo,
            0,
            Some(accepted),
            Some(decision(Verdict::Ignore, LATER))
        )]
    );
}

#[test]
fn redo_takes_the_undone_decision_again() {
    let mut state = five();
    act(&mut state, Action::Accept);
    act(&mut state, Action::Ignore);
    act(&mut state, Action::Undo);
    act(&mut state, Action::Undo);
    act(&mut state, Action::Last);

    let effects = act(&mut state, Action::Redo);

    let accepted = decision(Verdict::Accept, NOW);
    assert_eq!(effects, [record(Op::Redo, 0, None, Some(accepted.clone()))]);
    assert_eq!(state.review.decision(0), Some(&accepted));
    assert_eq!(
        state.selected(),
        Some(0),
        "the cursor goes to the redone one"
    );

    act(&mut state, Action::Redo);
    assert_eq!(action_at(&state, 1), Some(Verdict::Ignore));
    assert_eq!(state.review.decided(), 2);

    assert!(act(&mut state, Action::Redo).is_empty());
    assert_eq!(state.status.as_deref(), Some("Nothing to redo"));

    act(&mut state, Action::Undo);
    act(&mut state, Action::Undo);
    assert_eq!(state.review.decided(), 0, "undo after redo undoes again");
}

#[test]
fn a_new_decision_clears_what_could_be_redone() {
    let mut state = five();
    act(&mut state, Action::Accept);
    act(&mut state, Action::Ignore);
    act(&mut state, Action::Undo);
    assert_eq!(state.redo.len(), 1);

    act(&mut state, Action::Accept);

    assert!(state.redo.is_empty());
    assert!(act(&mut state, Action::Redo).is_empty());
    assert_eq!(state.status.as_deref(), Some("Nothing to redo"));
    assert_eq!(action_at(&state, 1), Some(Verdict::Accept));
}

#[test]
fn undo_shows_an_invitation_that_the_filter_hides() {
    let mut state = five();
    act(&mut state, Action::Accept);
    act(&mut state, Action::CycleFilter);
    assert_eq!(state.filter, Filter::Pending);
    assert!(!state.view.contains(&0));

    act(&mut state, Action::Undo);

    assert_eq!(state.review.decision(0), None);
    assert_eq!(state.selected(), Some(0));
}

// The journal refusing a change

/// The journal could not take the last change, as the app tells `update`.
fn refused(state: &mut State, op: Op) {
    let event = Event::Recorded {
        op,
        result: Err("disk full".into()),
    };
    assert_eq!(act(state, event), []);
}

#[test]
fn a_failed_decision_is_rolled_back() {
    let mut state = five();
    act(&mut state, Action::Accept);
    act(&mut state, Action::First);
    update(&mut state, Action::Ignore, LATER);

    refused(&mut state, Op::Decide);

    assert_eq!(
        state.review.decision(0),
        Some(&decision(Verdict::Accept, NOW))
    );
    assert_eq!(state.review.decided(), 1);
    assert_eq!(state.undo.len(), 1, "only the change that was kept");
    let status = state.status.as_deref().unwrap_or("");
    assert!(status.contains("Not saved") && status.contains("disk full"));

    act(&mut state, Action::Undo);
    assert_eq!(state.review.decision(0), None, "undo skips the lost change");
}

#[test]
fn a_failed_undo_is_rolled_back() {
    let mut state = five();
    act(&mut state, Action::Accept);
    act(&mut state, Action::Undo);

    refused(&mut state, Op::Undo);

    assert_eq!(action_at(&state, 0), Some(Verdict::Accept));
    assert_eq!(state.review.decided(), 1);
    assert_eq!(state.undo.len(), 1);
    assert!(state.redo.is_empty());
    assert!(state.status.as_deref().unwrap_or("").contains("disk full"));

    let effects = act(&mut state, Action::Undo);
    assert_eq!(effects.len(), 1, "the undo can be tried again");
    assert_eq!(state.review.decision(0), None);
}

#[test]
fn a_failed_redo_is_rolled_back() {
    let mut state = five();
    act(&mut state, Action::Accept);
    act(&mut state, Action::Undo);
    act(&mut state, Action::Redo);

    refused(&mut state, Op::Redo);

    assert_eq!(state.review.decision(0), None);
    assert_eq!(state.review.decided(), 0);
    assert!(state.undo.is_empty());
    assert_eq!(state.redo.len(), 1);
    assert!(state.status.as_deref().unwrap_or("").contains("disk full"));

    act(&mut state, Action::Redo);
    assert_eq!(action_at(&state, 0), Some(Verdict::Accept));
}

#[test]
fn a_failed_decision_keeps_the_redo_tail_and_the_cursor() {
    let mut state = five();
    act(&mut state, Action::Accept);
    act(&mut state, Action::Undo);
    act(&mut state, Action::MoveDown);
    act(&mut state, Action::Ignore);
    assert!(state.redo.is_empty(), "a new decision clears the redo tail");

    refused(&mut state, Op::Decide);

    assert_eq!(
        state.selected(),
        Some(1),
        "back on the invitation not decided"
    );
    assert_eq!(state.redo.len(), 1, "the redo tail is back");
    act(&mut state, Action::Redo);
    assert_eq!(action_at(&state, 0), Some(Verdict::Accept));
}

#[test]
fn a_reply_the_journal_refused_goes_back_into_its_box() {
    let mut state = five();
    act(&mut state, Action::Reply);
    typed(&mut state, " See you!");
    let written = draft_text(&state);
    act(&mut state, Action::KeepReply);
    assert!(matches!(state.mode, Mode::List));

    refused(&mut state, Op::Decide);

    assert_eq!(draft_text(&state), written);
    assert_eq!(state.review.decision(0), None);
}

#[test]
fn a_place_that_cannot_be_kept_leaves_the_not_saved_message_on_the_status_bar() {
    let mut state = five();
    act(&mut state, Action::Accept);
    refused(&mut state, Op::Decide);
    let not_saved = state.status.clone();

    let place = || Event::PlaceSaved(Err("No space left on device (os error 28)".into()));
    act(&mut state, place());
    act(&mut state, place());

    assert_eq!(state.status, not_saved);
    let logged: Vec<_> = state
        .messages
        .iter()
        .filter(|m| m.starts_with("Could not save the place: No space left"))
        .collect();
    assert_eq!(logged.len(), 1, "{:?}", state.messages);
}

#[test]
fn a_place_that_cannot_be_kept_is_told_when_nothing_else_is() {
    let mut state = five();
    act(&mut state, Action::MoveDown);
    act(
        &mut state,
        Event::PlaceSaved(Err("read-only file system".into())),
    );
    assert_eq!(
        state.status.as_deref(),
        Some("Could not save the place: read-only file system")
    );
}
