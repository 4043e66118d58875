//! The checklist: moving through the decisions to carry out, ticking them
//! done, and what to carry them out with (the profile, the reply).

use time::OffsetDateTime;

use super::history::change_decision;
use super::reply::copy;
use super::{Effect, anywhere, open_profile};
use crate::store::journal::Op;
use crate::tui::action::Action;
use crate::tui::checklist::Checklist;
use crate::tui::state::{Mode, State};

pub(super) fn update(state: &mut State, action: Action, now: OffsetDateTime) -> Vec<Effect> {
    let Mode::Checklist(checklist) = &mut state.mode else {
        return Vec::new();
    };
    match action {
        Action::MoveDown => checklist.move_by(1),
        Action::MoveUp => checklist.move_by(-1),
        Action::ToggleDone => return toggle(state, now),
        Action::OpenProfile => return open_profile(state),
        Action::Copy => return copy(state),
        Action::ToggleChecklist => state.mode = Mode::List,
        other => return anywhere(state, other),
    }
    Vec::new()
}

/// Opens the checklist, or says there is nothing to carry out yet.
pub(super) fn open(state: &mut State) {
    let checklist = Checklist::new(&state.review);
    if checklist.rows.is_empty() {
        state.status =
            Some("Nothing decided yet: the checklist lists decisions to carry out".into());
    } else {
        state.mode = Mode::Checklist(checklist);
    }
}

/// Ticks the selected row done, or back to be done, and moves on.
fn toggle(state: &mut State, now: OffsetDateTime) -> Vec<Effect> {
    let Mode::Checklist(checklist) = &mut state.mode else {
        return Vec::new();
    };
    let Some(index) = checklist.selected() else {
        return Vec::new();
    };
    checklist.move_by(1);
    let Some(mut decision) = state.review.decision(index).cloned() else {
        return Vec::new();
    };
    decision.carried_out_at = match decision.carried_out_at {
        Some(_) => None,
        None => Some(now),
    };
    change_decision(state, index, Some(decision), Op::Tick)
}
