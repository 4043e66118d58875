//! A box of text over the list that scrolls (the help, the message log):
//! it shows where it stands, "1–20 of 45", on its bottom edge, and says how
//! far it can scroll, for `update` to keep it within its text.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{centered, theme};
use crate::tui::state::Reach;

/// The most columns a box of text takes: wider lines read badly.
pub const MAX_WIDTH: u16 = 78;

/// The columns inside the box that `area` leaves room for: what its lines
/// are wrapped to.
pub fn inner_width(area: Rect) -> usize {
    usize::from(area.width.min(MAX_WIDTH).saturating_sub(2))
}

/// Draws `lines` from `offset` in a box centred in `area`, as tall as they
/// need and `area` allows.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    title: String,
    lines: Vec<Line<'static>>,
    offset: u16,
) -> Reach {
    let total = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let popup = centered(area, area.width.min(MAX_WIDTH), total.saturating_add(2));
    let rows = popup.height.saturating_sub(2);
    let reach = Reach {
        max: total.saturating_sub(rows),
        rows,
    };
    let offset = offset.min(reach.max);
    let mut block = Block::bordered().title(Span::styled(title, theme::title()));
    if reach.max > 0 {
        let last = offset.saturating_add(rows).min(total);
        block = block.title_bottom(
            Line::styled(
                format!(" {}–{last} of {total} ", offset + 1),
                theme::muted(),
            )
            .alignment(Alignment::Right),
        );
    }
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).block(block).scroll((offset, 0)),
        popup,
    );
    reach
}
