//! The list of invitations: whether it is marked (`*`), its decision's
//! mark, score, suggestion with its confidence, name and intent, one row
//! each; while a search is typed, the names that match are underlined.
//! Only the rows on screen are built, whatever the queue's size: the list
//! is virtual, scrolled as ratatui's `ListState` scrolls, and settled here,
//! where the real area is known.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::theme;
use crate::model::Kind;
use crate::review::Review;
use crate::score::Intent;
use crate::tui::action::Action;
use crate::tui::keymap::KeyContext;
use crate::tui::state::{Mode, Scroll, State};

/// Draws the rows on screen, and says where the list stood.
pub fn render(state: &State, frame: &mut Frame, area: Rect) -> Scroll {
    let title = format!(" {} · {} shown ", state.source, state.view.len());
    let block = Block::bordered().title(Span::styled(title, theme::title()));
    let inner = block.inner(area);
    let scroll = settle(
        state.scroll.offset,
        state.cursor,
        state.view.len(),
        usize::from(inner.height),
    );
    let end = (scroll.offset + scroll.rows).min(state.view.len());
    let lines: Vec<Line> = state.view[scroll.offset.min(end)..end]
        .iter()
        .enumerate()
        .map(|(row, &index)| row_line(state, scroll.offset + row, index))
        .collect();
    let body = if lines.is_empty() {
        Paragraph::new(Line::styled(nothing_shown(state), theme::muted())).wrap(Wrap { trim: true })
    } else {
        Paragraph::new(lines)
    };
    frame.render_widget(body.block(block), area);
    scroll
}

/// Why the list is empty, in the words of what hides the rest, with the
/// keys that change it: "No job-seeking invitations among all (I changes
/// the intent, f the filter)".
fn nothing_shown(state: &State) -> String {
    let filter = state.filter.as_str();
    let key = |action| state.keymap.key(KeyContext::List, action);
    let text = match state.intent {
        Some(intent) => format!("No {} invitations among {filter}", intent.as_str()),
        None => format!("No {filter} invitations"),
    };
    let intent_key = state.intent.and(key(Action::CycleIntent));
    let told = match (intent_key, key(Action::CycleFilter)) {
        (Some(intent), Some(filter)) => format!("{intent} changes the intent, {filter} the filter"),
        (Some(intent), None) => format!("{intent} changes the intent"),
        (None, Some(filter)) => format!("{filter} changes the filter"),
        (None, None) => return text,
    };
    format!("{text} ({told})")
}

/// Where a list of `len` rows, `rows` of them on screen, stands when the
/// last frame showed it from `offset`: moved as little as will show the
/// cursor, and never with rows hidden above while rows lie blank below.
fn settle(offset: usize, cursor: usize, len: usize, rows: usize) -> Scroll {
    let page = rows.max(1);
    let mut offset = offset.min(cursor);
    if cursor >= offset + page {
        offset = cursor + 1 - page;
    }
    Scroll {
        offset: offset.min(len.saturating_sub(page)),
        rows,
        ..Scroll::default()
    }
}

/// Short words for how an invitation stands against earlier sessions.
pub fn tags(review: &Review, index: usize) -> impl Iterator<Item = &'static str> {
    let presence = review.presence(index);
    let invitation = review.invitation(index);
    let other_kind = invitation.kind != Kind::Person;
    [
        (other_kind, invitation.kind.as_str()),
        (presence.new, "new"),
        (presence.gone, "gone"),
        (invitation.already_connected, "connected"),
        (invitation.earlier.is_some(), "again"),
    ]
    .into_iter()
    .filter_map(|(on, tag)| on.then_some(tag))
}

/// The row at `position` in the list, showing queue index `index`.
fn row_line(state: &State, position: usize, index: usize) -> Line<'static> {
    let review = &state.review;
    let selected = position == state.cursor;
    let marked = if state.is_marked(position, index) {
        "*"
    } else {
        " "
    };
    let mut name_style = Style::new();
    if let Mode::Search(search) = &state.mode
        && search.matches.binary_search(&position).is_ok()
    {
        name_style = name_style.add_modifier(Modifier::UNDERLINED | Modifier::BOLD);
    }
    let summary = review.summary(index);
    let (mark, mark_style) = theme::mark(review.decision(index).map(|d| d.action));
    let threshold = review.threshold();
    let (suggested, suggested_style) = theme::suggestion(summary.suggestion, summary.confidence);
    let mut spans = vec![
        Span::raw(if selected { "▶" } else { " " }),
        Span::styled(marked, theme::key()),
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
        Span::styled(review.invitation(index).profile.name.clone(), name_style),
    ];
    let intent = review.intent(index);
    if intent != Intent::Unknown {
        spans.push(Span::styled(
            format!("  {}", intent.as_str()),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn offset(offset: usize, cursor: usize, len: usize, rows: usize) -> usize {
        settle(offset, cursor, len, rows).offset
    }

    #[test]
    fn the_list_moves_only_as_far_as_the_cursor_needs() {
        assert_eq!(offset(0, 5, 100, 10), 0, "on screen: no move");
        assert_eq!(offset(0, 10, 100, 10), 1, "one below: one row");
        assert_eq!(offset(20, 25, 100, 10), 20);
        assert_eq!(offset(20, 3, 100, 10), 3, "above: it comes to the top");
        assert_eq!(offset(0, 99, 100, 10), 90);
    }

    #[test]
    fn no_row_is_hidden_above_while_rows_are_blank_below() {
        assert_eq!(offset(5, 5, 8, 10), 0, "all fit");
        assert_eq!(offset(95, 97, 100, 10), 90, "a taller screen fills up");
        assert_eq!(offset(7, 7, 0, 10), 0, "an empty list");
        assert_eq!(offset(3, 4, 100, 0), 4, "no room: the cursor's row");
    }
}
