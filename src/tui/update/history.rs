//! The history of decisions: a change as a step, undo and redo, and the
//! journal refusing a change.

use super::Effect;
use super::reply::reopen_reply;
use crate::model::Decision;
use crate::store::journal::Op;
use crate::tui::effect::Change;
use crate::tui::state::{Mode, State};

/// The journal could not take the last change: put it back as it was, so
/// that the screen never shows a decision that is not on disk.
pub(super) fn journal_failed(state: &mut State, op: Op, error: &str) {
    let change = match op {
        Op::Decide | Op::Redo | Op::Tick => state.undo.pop(),
        Op::Undo => state.redo.pop(),
    };
    if let Some(change) = change {
        let previous = match op {
            Op::Undo => change.after.clone(),
            Op::Decide | Op::Redo | Op::Tick => change.before.clone(),
        };
        state.review.set(change.index, previous);
        if !matches!(state.mode, Mode::Checklist(_)) {
            show(state, change.index);
        }
        match op {
            Op::Redo => state.redo.push(change),
            Op::Undo => state.undo.push(change),
            Op::Decide => {
                state.redo = std::mem::take(&mut state.cleared_redo);
                reopen_reply(state, &change);
            }
            Op::Tick => state.redo = std::mem::take(&mut state.cleared_redo),
        }
    }
    state.status = Some(format!("Not saved, nothing changed: {error}"));
}

/// Sets invitation `index`'s decision as a new step in the history, for
/// the app to record.
pub(super) fn change_decision(
    state: &mut State,
    index: usize,
    after: Option<Decision>,
    op: Op,
) -> Vec<Effect> {
    let before = state.review.set(index, after.clone());
    let change = Change {
        index,
        before,
        after,
    };
    state.undo.push(change.clone());
    state.cleared_redo = std::mem::take(&mut state.redo);
    vec![Effect::Record { op, change }]
}

pub(super) fn undo(state: &mut State) -> Vec<Effect> {
    let Some(change) = state.undo.pop() else {
        state.status = Some("Nothing to undo".into());
        return Vec::new();
    };
    state.review.set(change.index, change.before.clone());
    show(state, change.index);
    state.redo.push(change.clone());
    vec![Effect::Record {
        op: Op::Undo,
        change,
    }]
}

pub(super) fn redo(state: &mut State) -> Vec<Effect> {
    let Some(change) = state.redo.pop() else {
        state.status = Some("Nothing to redo".into());
        return Vec::new();
    };
    state.review.set(change.index, change.after.clone());
    show(state, change.index);
    state.undo.push(change.clone());
    vec![Effect::Record {
        op: Op::Redo,
        change,
    }]
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
