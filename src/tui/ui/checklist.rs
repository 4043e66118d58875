//! The checklist over the list and detail panes: each decision with its
//! profile address and reply, ticked when carried out.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::theme;
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
    // Two lines a row; keep the cursor's row on screen.
    let visible = usize::from(inner.height / 2).max(1);
    let first = checklist.cursor.saturating_sub(visible - 1);
    let mut lines = Vec::new();
    for (position, &index) in checklist.rows.iter().enumerate().skip(first).take(visible) {
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
        let reply = decision
            .reply
            .as_deref()
            .and_then(|r| r.lines().find(|l| !l.trim().is_empty()));
        // An accept that carries a message is a welcome, sent once accepted.
        let then = match (decision.action, reply) {
            (Verdict::Accept, Some(_)) => "then send: ",
            _ => "",
        };
        lines.push(Line::styled(
            format!("        {then}{}", reply.unwrap_or("")),
            theme::muted(),
        ));
    }
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
