//! The search prompt, on the status bar's line: the query as typed and how
//! many rows match it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::theme;
use crate::tui::search::Search;

pub fn render(search: &Search, cursor: usize, frame: &mut Frame, area: Rect) {
    let found = match (search.query.is_empty(), search.matches.len()) {
        (true, _) => String::new(),
        (false, 0) => "  no match".to_string(),
        (false, all) => match search.matches.iter().position(|&p| p == cursor) {
            Some(n) => format!("  {} of {all}", n + 1),
            None => format!("  {all} matches"),
        },
    };
    let line = Line::from(vec![
        Span::styled("/", theme::key()),
        Span::raw(search.query.typed.clone()),
        Span::styled("▏", theme::key()),
        Span::styled(found, theme::muted()),
    ]);
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(line), area);
}
