//! The reply box: the drafted reply, editable before it is kept.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{centered, key_footer, theme};
use crate::model::Verdict;
use crate::tui::action::Action;
use crate::tui::keymap::KeyContext;
use crate::tui::state::{ReplyDraft, State};

pub fn render(state: &State, draft: &ReplyDraft, frame: &mut Frame, area: Rect) {
    let name = &state.review.invitation(draft.index).profile.name;
    let width = area.width.saturating_sub(8).clamp(40, 90);
    let popup = centered(area, width, 12);
    frame.render_widget(Clear, popup);
    let keys = key_footer([
        state
            .keymap
            .tell(KeyContext::Reply, Action::KeepReply, "keep"),
        state
            .keymap
            .tell(KeyContext::Reply, Action::CancelReply, "cancel"),
    ]);
    let title = match draft.verdict {
        Verdict::Accept => format!(" Accept {name}, then send · {} ", draft.template),
        _ => format!(" Reply to {name} · {} ", draft.template),
    };
    let block = Block::bordered()
        .title(Span::styled(title, theme::title()))
        .title_bottom(Span::styled(keys, theme::muted()));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [editor, warning] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    frame.render_widget(&draft.editor, editor);
    if !draft.missing.is_empty() {
        let text = format!(
            "Unknown, fill in before keeping: {}",
            draft.missing.join(" ")
        );
        frame.render_widget(
            Paragraph::new(Line::styled(text, theme::warning())),
            warning,
        );
    }
}
