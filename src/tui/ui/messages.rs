//! The message log: every status message of the session, newest last, so
//! that one the status bar had to cut, or that the next key cleared, can
//! still be read whole.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::pager;
use super::wrap::wrap;
use crate::tui::action::Action;
use crate::tui::keymap::{KeyContext, either};
use crate::tui::state::{Reach, State};

pub fn render(state: &State, offset: u16, frame: &mut Frame, area: Rect) -> Reach {
    let inner = pager::inner_width(area);
    let lines = state
        .messages
        .iter()
        .flat_map(|message| {
            wrap(message, inner.saturating_sub(1), inner.saturating_sub(3))
                .into_iter()
                .enumerate()
                .map(|(row, text)| {
                    Line::raw(format!("{}{text}", if row == 0 { " " } else { "   " }))
                })
        })
        .collect();
    let closes = either(
        &state
            .keymap
            .keys(KeyContext::Messages, Action::ToggleMessages),
    );
    pager::render(
        frame,
        area,
        format!(" Messages, newest last ({closes} closes) "),
        lines,
        offset,
    )
}
