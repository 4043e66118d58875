//! The checklist over the list and detail panes: each decision with its
//! profile address and the first line of its reply, ticked when carried
//! out; the selected one shows its whole reply, wrapped under its row, as
//! it is to be sent.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{theme, wrapped};
use crate::model::Verdict;
use crate::tui::checklist::Checklist;
use crate::tui::state::State;

pub fn render(state: &State, checklist: &Checklist, frame: &mut Frame, area: Rect) {
    let review = &state.review;
    let title = format!(
        " Checklist · {} of {} still to carry out on LinkedIn ",
        checklist.to_do(review),
        checklist.rows.len()
    );
    let block = Block::bordered().title(Span::styled(title, theme::title()));
    let inner = block.inner(area);
    let height = usize::from(inner.height);
    let width = usize::from(inner.width).saturating_sub(REPLY_INDENT.len());
    let whole_reply = checklist
        .selected()
        .and_then(|index| review.decision(index))
        .and_then(|decision| decision.reply.as_deref())
        .map(|reply| reply_lines(reply, width))
        .unwrap_or_default();
    // Two lines a row, the selected one its row and its whole reply: as
    // many rows before it as leave it room.
    let selected_height = 1 + whole_reply.len().max(1);
    let before = height.saturating_sub(selected_height) / 2;
    let first = checklist.cursor.saturating_sub(before);
    let mut lines = Vec::new();
    for (position, &index) in checklist.rows.iter().enumerate().skip(first) {
        if lines.len() >= height {
            break;
        }
        let Some(decision) = review.decision(index) else {
            continue;
        };
        let invitation = review.invitation(index);
        let (mark, style) = theme::mark(Some(decision.action));
        let done = if decision.carried_out_at.is_some() {
            "[x]"
        } else {
            "[ ]"
        };
        let selected = position == checklist.cursor;
        let row = Line::from(vec![
            Span::raw(if selected { "▶ " } else { "  " }),
            Span::raw(format!("{done} ")),
            Span::styled(format!("{mark} {:<7} ", decision.action.as_str()), style),
            Span::styled(invitation.profile.name.clone(), theme::title()),
            Span::styled(
                format!(
                    "  {}",
                    invitation
                        .profile
                        .url
                        .as_deref()
                        .unwrap_or("(no profile address)")
                ),
                theme::muted(),
            ),
        ]);
        lines.push(if selected {
            row.style(theme::selected())
        } else {
            row
        });
        // An accept that carries a message is a welcome, sent once accepted.
        let then = match (decision.action, &decision.reply) {
            (Verdict::Accept, Some(_)) => "then send: ",
            _ => "",
        };
        if selected && !whole_reply.is_empty() {
            if !then.is_empty() {
                lines.push(Line::styled(
                    format!("{REPLY_INDENT}{then}"),
                    theme::muted(),
                ));
            }
            lines.extend(
                whole_reply
                    .iter()
                    .map(|line| Line::raw(format!("{REPLY_INDENT}{line}"))),
            );
            continue;
        }
        let reply = decision
            .reply
            .as_deref()
            .and_then(|r| r.lines().find(|l| !l.trim().is_empty()));
        lines.push(Line::styled(
            format!("{REPLY_INDENT}{then}{}", reply.unwrap_or("")),
            theme::muted(),
        ));
    }
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// A reply stands in under its row, past the tick and the mark.
const REPLY_INDENT: &str = "        ";

/// A reply's lines, each wrapped to `width`; its blank lines kept.
fn reply_lines(reply: &str, width: usize) -> Vec<String> {
    reply
        .lines()
        .flat_map(|line| {
            let wrapped = wrapped(line, width);
            if wrapped.is_empty() {
                vec![String::new()]
            } else {
                wrapped
            }
        })
        .collect()
}
