//! The status bar (progress, view, the active policy or that the console
//! is read-only, the last message)
//! and the hint bar, whose keys come from the live keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme;
use super::wrap::{width, wrap};
use crate::tui::action::Action;
use crate::tui::keymap::{KeyContext, key_label};
use crate::tui::state::State;

/// How many lines the status bar needs at `columns`: a second one when the
/// message does not fit on the first.
pub fn status_height(state: &State, columns: u16) -> u16 {
    if status_lines(state, usize::from(columns)).len() > 1 {
        2
    } else {
        1
    }
}

pub fn render_status(state: &State, frame: &mut Frame, area: Rect) {
    let lines = status_lines(state, usize::from(area.width));
    frame.render_widget(Paragraph::new(lines), area);
}

/// The progress first, the policy at the right; the view between them
/// when there is room, given up first for the message and at narrow
/// widths. A message too long for the first line goes on over a second,
/// and what still does not fit is left to the message log.
fn status_lines(state: &State, columns: usize) -> Vec<Line<'static>> {
    let review = &state.review;
    let mut progress = vec![
        Span::styled(
            format!(" {}/{}", review.decided(), review.total()),
            theme::title(),
        ),
        Span::raw(" decided"),
    ];
    if let Some(what) = state.waiting_for_scores() {
        let scored = review.len() - review.unscored();
        progress.push(Span::styled(
            format!(" · scoring {what} {}%", scored * 100 / review.len().max(1)),
            theme::warning(),
        ));
    }
    let view = format!(
        " · filter {}{} · sort {}",
        state.filter.as_str(),
        state
            .intent
            .map(|i| format!(", {}", i.as_str()))
            .unwrap_or_default(),
        state.sort.as_str()
    );
    let (policy, policy_style) = match &state.read_only {
        Some(read_only) => (format!(" {read_only} "), theme::warning()),
        None => (
            format!(" policy: {} ", review.policy().as_str()),
            theme::muted(),
        ),
    };
    let used = spans_width(&progress);
    let fits = |extra: usize| used + extra <= columns;
    let policy = fits(width(&policy)).then_some(policy);
    let policy_width = policy.as_deref().map_or(0, width);
    let mut first = progress;
    let mut second = None;
    match &state.status {
        Some(message) if fits(width(&view) + 3 + width(message) + policy_width) => {
            first.push(Span::styled(view, theme::muted()));
            first.extend(said(message.clone()));
        }
        Some(message) => {
            let room = columns.saturating_sub(used + 3 + policy_width + 2);
            let mut parts = wrap(message, room, columns.saturating_sub(1)).into_iter();
            first.extend(said(parts.next().unwrap_or_default()));
            let rest: Vec<String> = parts.collect();
            if !rest.is_empty() {
                second = Some(second_line(state, rest, columns));
            }
        }
        None if fits(width(&view) + policy_width) => first.push(Span::styled(view, theme::muted())),
        None => {}
    }
    if let Some(policy) = policy {
        let gap = columns.saturating_sub(spans_width(&first) + width(&policy));
        first.push(Span::raw(" ".repeat(gap)));
        first.push(Span::styled(policy, policy_style));
    }
    std::iter::once(Line::from(first)).chain(second).collect()
}

/// The message's separator and text, as the status bar sets it apart.
fn said(text: String) -> [Span<'static>; 2] {
    [Span::raw(" · "), Span::styled(text, theme::warning())]
}

/// The rest of a long message on one line; when even that is not enough,
/// its end gives way to the key that shows the message whole.
fn second_line(state: &State, rest: Vec<String>, columns: usize) -> Line<'static> {
    let mut text = rest.join(" ");
    if 1 + width(&text) > columns {
        let whole = state
            .keymap
            .tell(KeyContext::List, Action::ToggleMessages, "shows it whole")
            .map(|told| format!("… ({told})"))
            .unwrap_or_else(|| "…".to_string());
        let room = columns.saturating_sub(1 + width(&whole));
        text = wrap(&text, room, room)
            .into_iter()
            .next()
            .unwrap_or_default()
            + &whole;
    }
    Line::from(vec![Span::raw(" "), Span::styled(text, theme::warning())])
}

fn spans_width(spans: &[Span]) -> usize {
    spans.iter().map(Span::width).sum()
}

/// The hints that fit, whole: the way out of the mode and the help first,
/// so that they always show; the others give way, last first.
pub fn render_hints(state: &State, frame: &mut Frame, area: Rect) {
    let context = state.context();
    let way_out = context.way_out();
    let mut hints: Vec<_> = state.keymap.hints(context).collect();
    hints.sort_by_key(|b| !(b.action == way_out || b.action == Action::ToggleHelp));
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
