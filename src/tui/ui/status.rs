//! The status bar (progress, view, last message) and the hint bar, whose
//! keys come from the live keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme;
use crate::tui::action::Action;
use crate::tui::keymap::key_label;
use crate::tui::state::State;

pub fn render_status(state: &State, frame: &mut Frame, area: Rect) {
    let review = &state.review;
    let mut spans = vec![
        Span::styled(
            format!(" {}/{}", review.decided(), review.total()),
            theme::title(),
        ),
        Span::raw(" decided"),
        Span::styled(
            format!(
                " · filter {}{} · sort {}",
                state.filter.as_str(),
                state
                    .intent
                    .map(|i| format!(", {}", i.as_str()))
                    .unwrap_or_default(),
                state.sort.as_str()
            ),
            theme::muted(),
        ),
    ];
    if let Some(message) = &state.status {
        spans.push(Span::raw(" · "));
        spans.push(Span::styled(message.clone(), theme::warning()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The hints that fit, whole: help and quit first, so that they always show.
pub fn render_hints(state: &State, frame: &mut Frame, area: Rect) {
    let mut hints: Vec<_> = state.keymap.hints(state.context()).collect();
    hints.sort_by_key(|b| !matches!(b.action, Action::ToggleHelp | Action::Quit));
    let mut spans = vec![Span::raw(" ")];
    let mut width = 1;
    for binding in hints {
        let key = Span::styled(key_label(binding.code, binding.modifiers), theme::key());
        let text = Span::styled(format!(" {}  ", binding.description), theme::muted());
        width += key.width() + text.width();
        if width > usize::from(area.width) {
            break;
        }
        spans.extend([key, text]);
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
