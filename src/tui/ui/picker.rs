//! The template picker (`R`): every reply template with its first line and
//! what it is for.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::{centered, key_footer, theme};
use crate::tui::action::Action;
use crate::tui::keymap::KeyContext;
use crate::tui::state::State;

pub fn render(state: &State, choice: usize, frame: &mut Frame, area: Rect) {
    let mut lines = Vec::new();
    for (position, template) in state.templates.as_slice().iter().enumerate() {
        let chosen = position == choice;
        let name = Line::from(vec![
            Span::raw(if chosen { "▶ " } else { "  " }),
            Span::styled(template.name.clone(), theme::title()),
        ]);
        lines.push(if chosen {
            name.style(theme::selected())
        } else {
            name
        });
        let about = template
            .about
            .as_deref()
            .unwrap_or_else(|| template.first_line());
        lines.push(Line::styled(format!("    {about}"), theme::muted()));
    }
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let popup = centered(area, 64, height);
    frame.render_widget(Clear, popup);
    let keys = key_footer([
        state
            .keymap
            .tell(KeyContext::Picker, Action::Choose, "draft"),
        state
            .keymap
            .tell(KeyContext::Picker, Action::CancelReply, "cancel"),
    ]);
    let block = Block::bordered()
        .title(Span::styled(" Reply with which template? ", theme::title()))
        .title_bottom(Span::styled(keys, theme::muted()));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        popup,
    );
}
