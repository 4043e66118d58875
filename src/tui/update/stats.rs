//! The stats screen (`S`): counted once as it opens, and closed by the
//! key that opened it, `Esc` or `q`.

use super::{Effect, anywhere};
use crate::review::stats::Stats;
use crate::tui::action::Action;
use crate::tui::state::{Mode, Overlay, State};

/// Opens the stats; on a queue with too many rows left to score, once
/// they are scored.
pub(super) fn open(state: &mut State) {
    if state.must_wait_for_scores() {
        state.opens_when_scored = Some(Overlay::Stats);
        state.status = Some("The stats open once every invitation is scored".to_string());
        return;
    }
    state.mode = Mode::Stats(Box::new(Stats::new(&state.review)));
}

pub(super) fn update(state: &mut State, action: Action) -> Vec<Effect> {
    match action {
        Action::ToggleStats => {
            state.mode = Mode::List;
            Vec::new()
        }
        other => anywhere(state, other),
    }
}
