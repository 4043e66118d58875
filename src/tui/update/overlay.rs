//! The help and the message log: text over the list that scrolls, within
//! the reach the last frame found, and closes.

use super::{Effect, anywhere};
use crate::tui::action::Action;
use crate::tui::state::{Mode, Scroll, State};

pub(super) fn update(state: &mut State, action: Action) -> Vec<Effect> {
    let reach = state.scroll.overlay;
    match (&mut state.mode, action) {
        (Mode::Help(_), Action::ToggleHelp) | (Mode::Messages(_), Action::ToggleMessages) => {
            state.mode = Mode::List;
        }
        (Mode::Help(offset) | Mode::Messages(offset), action) => {
            match reach.scroll(*offset, action) {
                Some(to) => *offset = to,
                None => return anywhere(state, action),
            }
        }
        _ => {}
    }
    Vec::new()
}

/// Opens the message log at its end: the newest message last, in sight.
pub(super) fn open_messages(state: &mut State) {
    if state.messages.is_empty() {
        state.status = Some("No messages yet in this session".into());
    } else {
        state.mode = Mode::Messages(u16::MAX);
    }
}

/// A frame was drawn: the list and the panes stood there. A pane asked to
/// scroll past its end (its text got shorter, or the log opened at its
/// end) comes back to its end.
pub(super) fn drawn(state: &mut State, scroll: Scroll) {
    state.scroll = scroll;
    state.detail_scroll = state.detail_scroll.min(scroll.detail.max);
    if let Mode::Help(offset) | Mode::Messages(offset) = &mut state.mode {
        *offset = (*offset).min(scroll.overlay.max);
    }
}
