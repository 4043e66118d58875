//! Drawing: reads the state, changes nothing. One file per pane.

mod checklist;
mod detail;
mod help;
mod list;
mod manager;
mod picker;
mod reply;
mod score;
mod status;
mod theme;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::state::{Mode, State};

/// The smallest terminal the layout fits in.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 12;
/// Rows taken by the status bar and the hint bar.
const BARS: u16 = 2;

pub fn render(state: &State, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        render_too_small(frame, area);
        return;
    }
    let [main, status_bar, hint_bar] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let [list_area, detail_area] =
        Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(main);
    list::render(state, frame, list_area);
    detail::render(state, frame, detail_area);
    status::render_status(state, frame, status_bar);
    status::render_hints(state, frame, hint_bar);
    match &state.mode {
        Mode::List => {}
        Mode::Help => help::render(state, frame, area),
        Mode::PickTemplate(choice) => picker::render(state, *choice, frame, area),
        Mode::Checklist(checklist) => checklist::render(state, checklist, frame, main),
        Mode::Reply(draft) => reply::render(state, draft, frame, area),
        Mode::Templates(templates) => manager::render(state, templates, frame, main),
    }
}

/// How many list rows fit in a terminal of this size.
pub fn list_rows(_width: u16, height: u16) -> usize {
    usize::from(height.saturating_sub(BARS + 2)).max(1)
}

fn render_too_small(frame: &mut Frame, area: Rect) {
    let text = vec![
        Line::from("inviteq needs a larger terminal"),
        Line::from(format!(
            "at least {MIN_WIDTH}×{MIN_HEIGHT}, now {}×{}",
            area.width, area.height
        )),
        Line::from("q quits"),
    ];
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(text)
            .style(theme::muted())
            .wrap(Wrap { trim: true }),
        area,
    );
}

/// A box of `width`×`height` cells centred in `area`, clipped to it.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}
