//! The sweep, marks, and deciding a batch as one step.

use super::*;

fn batch(state: &State) -> &crate::tui::batch::Batch {
    match &state.mode {
        Mode::Batch(batch) => batch,
        _ => panic!("no batch is shown"),
    }
}

/// The (queue index, verdict) of every entry a batch would decide.
fn applied(state: &State) -> Vec<(usize, Verdict)> {
    batch(state)
        .included()
        .map(|entry| (entry.index, entry.verdict))
        .collect()
}

/// Every decision one step records, as (queue index, verdict).
fn recorded(effects: &[Effect]) -> Vec<(usize, Option<Verdict>)> {
    let [
        Effect::Record {
            op: Op::Decide,
            step,
        },
    ] = effects
    else {
        panic!("not one recorded step: {effects:?}");
    };
    step.changes
        .iter()
        .map(|c| (c.index, c.after.as_ref().map(|d| d.action)))
        .collect()
}

/// Every pending invitation whose suggestion is sure, as the list knows it.
fn sure(state: &State) -> Vec<(usize, Verdict)> {
    let review = &state.review;
    let mut sure: Vec<_> = (0..review.len())
        .filter(|&i| review.is_pending(i))
        .filter(|&i| review.summary(i).confidence == crate::score::Confidence::High)
        .filter_map(|i| review.summary(i).suggestion.map(|v| (i, v)))
        .filter(|(_, v)| *v != Verdict::Reply)
        .collect();
    sure.sort_by_key(|&(i, v)| (v != Verdict::Accept, i));
    sure
}

#[test]
fn the_sweep_shows_every_sure_suggestion_then_takes_them_in_two_keys() {
    let mut state = five();
    let expected = sure(&state);
    assert!(
        expected.iter().any(|(_, v)| *v == Verdict::Accept)
            && expected.iter().any(|(_, v)| *v == Verdict::Ignore),
        "the queue has sure accepts and ignores: {expected:?}"
    );
    assert!(act(&mut state, Action::Sweep).is_empty(), "nothing yet");
    assert_eq!(applied(&state), expected, "accepts first, then ignores");

    let effects = act(&mut state, Action::Choose);

    assert_eq!(
        recorded(&effects),
        expected
            .iter()
            .map(|&(i, v)| (i, Some(v)))
            .collect::<Vec<_>>()
    );
    assert!(matches!(state.mode, Mode::List));
    for (index, verdict) in expected {
        assert_eq!(action_at(&state, index), Some(verdict));
    }
    let status = state.status.clone().unwrap();
    assert!(status.starts_with("Swept: "), "{status}");
    assert!(status.contains("u takes it all back"), "{status}");
}

#[test]
fn one_undo_takes_the_whole_sweep_back_and_one_redo_makes_it_again() {
    let mut state = five();
    let expected = sure(&state);
    act(&mut state, Action::Sweep);
    act(&mut state, Action::Choose);

    let effects = act(&mut state, Action::Undo);
    let [Effect::Record { op: Op::Undo, step }] = effects.as_slice() else {
        panic!("one undo record: {effects:?}");
    };
    assert_eq!(step.changes.len(), expected.len());
    assert_eq!(state.review.decided(), 0);
    assert_eq!(
        state.status.as_deref(),
        Some(format!("Undone: {} decisions", expected.len()).as_str())
    );

    act(&mut state, Action::Redo);
    assert_eq!(state.review.decided(), expected.len());
}

#[test]
fn an_entry_left_out_of_the_sweep_stays_pending() {
    let mut state = five();
    let expected = sure(&state);
    act(&mut state, Action::Sweep);
    act(&mut state, Action::ToggleMark);
    assert!(!batch(&state).entries[0].included);

    let effects = act(&mut state, Action::Choose);

    assert_eq!(recorded(&effects).len(), expected.len() - 1);
    assert!(state.review.is_pending(expected[0].0));
}

#[test]
fn leaving_the_sweep_decides_nothing() {
    let mut state = five();
    act(&mut state, Action::Sweep);
    assert!(act(&mut state, Action::Back).is_empty());
    assert!(matches!(state.mode, Mode::List));
    assert_eq!(state.review.decided(), 0);
}

#[test]
fn with_nothing_sure_the_sweep_says_so() {
    let mut state = people(3);
    assert!(sure(&state).is_empty(), "a name alone is never sure");
    act(&mut state, Action::Sweep);
    assert!(matches!(state.mode, Mode::List));
    let status = state.status.clone().unwrap();
    assert!(status.starts_with("Nothing to sweep"), "{status}");
}

#[test]
fn a_journal_refusing_the_sweep_puts_every_decision_back() {
    let mut state = five();
    act(&mut state, Action::Sweep);
    act(&mut state, Action::Choose);
    act(
        &mut state,
        Event::Recorded {
            op: Op::Decide,
            result: Err("disk full".into()),
        },
    );
    assert_eq!(state.review.decided(), 0);
    assert!(state.undo.is_empty());
    assert!(state.status.as_deref().unwrap().contains("disk full"));
}

// Marks

#[test]
fn space_marks_and_moves_on_and_a_second_space_unmarks() {
    let mut state = people(5);
    act(&mut state, Action::ToggleMark);
    act(&mut state, Action::ToggleMark);
    assert_eq!(state.cursor, 2);
    assert_eq!(state.marked(), [0, 1]);
    act(&mut state, Action::MoveUp);
    act(&mut state, Action::ToggleMark);
    assert_eq!(state.marked(), [0]);
    assert!(state.status.as_deref().unwrap().starts_with("1 marked"));
}

#[test]
fn v_marks_a_range_from_where_it_began_to_the_cursor() {
    let mut state = people(6);
    act(&mut state, Action::MoveDown);
    act(&mut state, Action::MarkRange);
    act(&mut state, Action::MoveDown);
    act(&mut state, Action::MoveDown);
    assert_eq!(state.marked(), [1, 2, 3], "the range shows as it grows");
    act(&mut state, Action::MarkRange);
    act(&mut state, Action::Last);
    assert_eq!(state.marked(), [1, 2, 3], "and stays marked");
    act(&mut state, Action::MarkRange);
    act(&mut state, Action::ClearMarks);
    assert_eq!(state.marked(), [1, 2, 3], "Esc drops the range first");
    act(&mut state, Action::ClearMarks);
    assert!(state.marked().is_empty(), "then the marks");
}

#[test]
fn marked_invitations_are_ignored_as_one_step_after_a_confirm() {
    let mut state = people(5);
    for _ in 0..3 {
        act(&mut state, Action::ToggleMark);
    }
    assert!(
        act(&mut state, Action::Ignore).is_empty(),
        "a confirm first"
    );
    assert_eq!(
        applied(&state),
        [
            (0, Verdict::Ignore),
            (1, Verdict::Ignore),
            (2, Verdict::Ignore)
        ]
    );

    let effects = act(&mut state, Action::Choose);

    assert_eq!(
        recorded(&effects),
        [
            (0, Some(Verdict::Ignore)),
            (1, Some(Verdict::Ignore)),
            (2, Some(Verdict::Ignore))
        ]
    );
    assert!(state.marks.is_empty(), "the marks are used up");
    assert_eq!(state.selected(), Some(3), "on to the next pending");
    act(&mut state, Action::Undo);
    assert_eq!(state.review.decided(), 0, "one undo takes the batch back");
}

#[test]
fn an_invitation_already_so_decided_is_left_out_and_told() {
    let mut state = people(3);
    act(&mut state, Action::Ignore);
    act(&mut state, Action::First);
    act(&mut state, Action::ToggleMark);
    act(&mut state, Action::ToggleMark);
    act(&mut state, Action::Ignore);
    assert_eq!(applied(&state), [(1, Verdict::Ignore)]);
    assert_eq!(batch(&state).left_out, ["1 already ignored"]);
}

#[test]
fn marked_replies_are_drafted_from_each_ones_template() {
    let mut state = people(2);
    act(&mut state, Action::ToggleMark);
    act(&mut state, Action::ToggleMark);
    act(&mut state, Action::Reply);
    let effects = act(&mut state, Action::Choose);
    let [Effect::Record { step, .. }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    for (change, n) in step.changes.iter().zip(0..) {
        let after = change.after.as_ref().unwrap();
        assert_eq!(after.action, Verdict::Reply);
        assert!(after.template.is_some());
        let text = after.reply.as_deref().unwrap();
        assert!(text.contains(&format!("Person{n}")), "{text}");
    }
}

#[test]
fn marked_replies_with_no_template_say_where_templates_are_made() {
    let queue = load(r#"[{"id": "a", "profile": {"name": "Ann Lee"}}]"#);
    let mut state = with_templates(queue, Templates::default());
    act(&mut state, Action::ToggleMark);
    act(&mut state, Action::Reply);
    assert!(matches!(state.mode, Mode::List), "nothing to confirm");
    assert_eq!(
        state.status.as_deref(),
        Some("There is no reply template: t opens the template manager")
    );
}

// Deciding again

#[test]
fn enter_on_a_decided_invitation_records_nothing_and_moves_on() {
    let mut state = people(3);
    act(&mut state, Action::Accept);
    act(&mut state, Action::First);
    assert!(act(&mut state, Action::TakeSuggestion).is_empty());
    assert_eq!(state.selected(), Some(1));
    act(&mut state, Action::Undo);
    assert_eq!(state.review.decided(), 0, "u takes back the accept");
}

#[test]
fn the_same_decision_again_records_nothing() {
    let mut state = people(3);
    act(&mut state, Action::Accept);
    act(&mut state, Action::First);
    assert!(act(&mut state, Action::Accept).is_empty());
    assert_eq!(state.status.as_deref(), Some("Already accepted"));
}
