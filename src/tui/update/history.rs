//! The history of decisions: a key's changes as one step, undo and redo,
//! and the journal refusing a step.

use super::Effect;
use super::reply::reopen_reply;
use crate::model::Decision;
use crate::store::journal::Op;
use crate::tui::effect::{Change, Step};
use crate::tui::state::{Mode, State};

/// The journal could not take the last step: put it back as it was, so
/// that the screen never shows a decision that is not on disk.
pub(super) fn journal_failed(state: &mut State, op: Op, error: &str) {
    let step = match op {
        Op::Decide | Op::Redo | Op::Tick => state.undo.pop(),
        Op::Undo => state.redo.pop(),
    };
    if let Some(step) = step {
        for change in step.changes.iter().rev() {
            let previous = match op {
                Op::Undo => change.after.clone(),
                Op::Decide | Op::Redo | Op::Tick => change.before.clone(),
            };
            state.review.set(change.index, previous);
        }
        if let (Some(first), false) = (step.changes.first(), in_checklist(state)) {
            show(state, first.index);
        }
        if let ([change], Op::Decide) = (step.changes.as_slice(), op) {
            reopen_reply(state, change);
        }
        match op {
            Op::Redo => state.redo.push(step),
            Op::Undo => state.undo.push(step),
            Op::Decide | Op::Tick => state.redo = std::mem::take(&mut state.cleared_redo),
        }
    }
    state.status = Some(format!("{NOT_SAVED}: {error}"));
}

/// How the status bar begins when the journal refused a change: the
/// message that matters most, which a later failure to keep the place must
/// not push out.
pub(super) const NOT_SAVED: &str = "Not saved, nothing changed";

/// The status bar tells that a change was not saved.
pub(super) fn shows_not_saved(state: &State) -> bool {
    state
        .status
        .as_deref()
        .is_some_and(|status| status.starts_with(NOT_SAVED))
}

fn in_checklist(state: &State) -> bool {
    matches!(state.mode, Mode::Checklist(_))
}

/// Sets invitation `index`'s decision as a new step in the history, for
/// the app to record.
pub(super) fn change_decision(
    state: &mut State,
    index: usize,
    after: Option<Decision>,
    op: Op,
) -> Vec<Effect> {
    change_decisions(state, vec![(index, after)], op)
}

/// Sets every decision of `changes` as one step in the history (a sweep, a
/// marked batch), for the app to record as one batch.
pub(super) fn change_decisions(
    state: &mut State,
    changes: Vec<(usize, Option<Decision>)>,
    op: Op,
) -> Vec<Effect> {
    if changes.is_empty() {
        return Vec::new();
    }
    let changes = changes
        .into_iter()
        .map(|(index, after)| Change {
            index,
            before: state.review.set(index, after.clone()),
            after,
        })
        .collect();
    let step = Step { changes };
    state.undo.push(step.clone());
    state.cleared_redo = std::mem::take(&mut state.redo);
    vec![Effect::Record { op, step }]
}

pub(super) fn undo(state: &mut State) -> Vec<Effect> {
    let Some(step) = state.undo.pop() else {
        state.status = Some("Nothing to undo".into());
        return Vec::new();
    };
    for change in step.changes.iter().rev() {
        state.review.set(change.index, change.before.clone());
    }
    after_travel(state, &step, "Undone");
    state.redo.push(step.clone());
    vec![Effect::Record { op: Op::Undo, step }]
}

pub(super) fn redo(state: &mut State) -> Vec<Effect> {
    let Some(step) = state.redo.pop() else {
        state.status = Some("Nothing to redo".into());
        return Vec::new();
    };
    for change in &step.changes {
        state.review.set(change.index, change.after.clone());
    }
    after_travel(state, &step, "Redone");
    state.undo.push(step.clone());
    vec![Effect::Record { op: Op::Redo, step }]
}

/// Shows the first invitation a step changed, and says how many it
/// changed when it was a batch.
fn after_travel(state: &mut State, step: &Step, done: &str) {
    if let Some(first) = step.changes.first() {
        show(state, first.index);
    }
    if step.changes.len() > 1 {
        state.status = Some(format!("{done}: {} decisions", step.changes.len()));
    }
}

/// Puts the cursor on queue index `index`, showing it even when the filter
/// would hide it.
pub(super) fn show(state: &mut State, index: usize) {
    match state.view.iter().position(|&i| i == index) {
        Some(position) => state.move_cursor(position),
        None => {
            state.filter = crate::model::Filter::All;
            state.rebuild_view(Some(index));
        }
    }
}
