//! The list of invitations: mark, score, suggestion with its confidence,
//! name and intent, one row each.
//! Only the rows on screen are built, whatever the queue's size.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::theme;
use crate::model::Kind;
use crate::review::Review;
use crate::score::Intent;
use crate::tui::state::State;

pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    let title = format!(" {} · {} shown ", state.source, state.view.len());
    let block = Block::bordered().title(Span::styled(title, theme::title()));
    let inner = block.inner(area);
    let end = (state.offset + usize::from(inner.height)).min(state.view.len());
    let lines: Vec<Line> = state.view[state.offset.min(end)..end]
        .iter()
        .enumerate()
        .map(|(row, &index)| row_line(state, index, state.offset + row == state.cursor))
        .collect();
    let body = if lines.is_empty() {
        Paragraph::new(Line::styled(
            format!(
                "No {} invitations (f changes the filter)",
                state.filter.as_str()
            ),
            theme::muted(),
        ))
    } else {
        Paragraph::new(lines)
    };
    frame.render_widget(body.block(block), area);
}

/// Short words for how an invitation stands against earlier sessions.
pub fn tags(review: &Review, index: usize) -> impl Iterator<Item = &'static str> {
    let marks = review.marks(index);
    let invitation = review.invitation(index);
    let other_kind = invitation.kind != Kind::Person;
    [
        (other_kind, invitation.kind.as_str()),
        (marks.new, "new"),
        (marks.gone, "gone"),
        (invitation.already_connected, "connected"),
        (invitation.earlier.is_some(), "again"),
    ]
    .into_iter()
    .filter_map(|(on, tag)| on.then_some(tag))
}

fn row_line(state: &State, index: usize, selected: bool) -> Line<'static> {
    let review = &state.review;
    let summary = review.summary(index);
    let (mark, mark_style) = theme::mark(review.decision(index).map(|d| d.action));
    let threshold = review.threshold();
    let (suggested, suggested_style) = theme::suggestion(summary.suggestion, summary.confidence);
    let mut spans = vec![
        Span::raw(if selected { "▶ " } else { "  " }),
        Span::styled(mark, mark_style),
        if review.invitation(index).kind == Kind::Person {
            Span::styled(
                format!(" {:>3} ", summary.score),
                theme::score(summary.score, threshold),
            )
        } else {
            Span::styled("   - ", theme::muted())
        },
        Span::styled(suggested, suggested_style),
        Span::raw(" "),
        Span::raw(review.invitation(index).profile.name.clone()),
    ];
    if summary.intent != Intent::Unknown {
        spans.push(Span::styled(
            format!("  {}", summary.intent.as_str()),
            theme::muted(),
        ));
    }
    for tag in tags(review, index) {
        spans.push(Span::styled(format!(" [{tag}]"), theme::warning()));
    }
    let line = Line::from(spans);
    if selected {
        line.style(theme::selected())
    } else {
        line
    }
}
