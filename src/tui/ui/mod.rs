//! Drawing: reads the state, changes nothing. One file per pane.

mod batch;
mod checklist;
mod colours;
mod detail;
mod help;
mod list;
mod manager;
mod messages;
mod pager;
mod picker;
mod reply;
mod score;
mod search;
mod stats;
mod status;
mod theme;
mod wrap;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::action::Action;
use super::state::{Mode, Scroll, State};

pub use colours::{Depth, Theme, ThemeName, UnknownTheme};
pub use status::status_height;

/// The smallest terminal the layout fits in.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 12;

/// Draws the console, and says where the list stood in the real area: the
/// next frame starts from there.
pub fn draw(state: &State, frame: &mut Frame) -> Scroll {
    let scroll = draw_panes(state, frame);
    state.theme.fit(frame.buffer_mut());
    scroll
}

/// Where the panes stand on a screen: what `draw` lays out, and where the
/// mouse finds them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    /// The list, its border included.
    pub list: Rect,
    pub detail: Rect,
    pub status_bar: Rect,
    pub hint_bar: Rect,
}

/// The panes on a screen of `area` with a status bar `status_height` lines
/// tall, or none when it is too small for them.
pub fn panes(area: Rect, status_height: u16) -> Option<Panes> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let [main, status_bar, hint_bar] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(status_height),
        Constraint::Length(1),
    ])
    .areas(area);
    let [list, detail] =
        Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(main);
    Some(Panes {
        list,
        detail,
        status_bar,
        hint_bar,
    })
}

fn draw_panes(state: &State, frame: &mut Frame) -> Scroll {
    let area = frame.area();
    let Some(Panes {
        list: list_area,
        detail: detail_area,
        status_bar,
        hint_bar,
    }) = panes(area, status_height(state, area.width))
    else {
        render_too_small(state, frame, area);
        return state.scroll;
    };
    let main = list_area.union(detail_area);
    let mut scroll = list::render(state, frame, list_area);
    scroll.detail = detail::render(state, frame, detail_area);
    status::render_status(state, frame, status_bar);
    status::render_hints(state, frame, hint_bar);
    match &state.mode {
        Mode::List => {}
        Mode::Help(offset) => scroll.overlay = help::render(state, *offset, frame, main),
        Mode::Messages(offset) => scroll.overlay = messages::render(state, *offset, frame, main),
        Mode::PickTemplate(choice) => picker::render(state, *choice, frame, area),
        Mode::Checklist(checklist) => checklist::render(state, checklist, frame, main),
        Mode::Stats(stats) => stats::render(stats, frame, main),
        Mode::Reply(draft) => reply::render(state, draft, frame, area),
        Mode::Templates(templates) => manager::render(state, templates, frame, main),
        Mode::Batch(batch) => batch::render(state, batch, frame, main),
        Mode::Search(search) => search::render(search, state.cursor, frame, status_bar),
    }
    scroll
}

fn render_too_small(state: &State, frame: &mut Frame, area: Rect) {
    let mut text = vec![
        Line::from("inviteq needs a larger terminal"),
        Line::from(format!(
            "at least {MIN_WIDTH}×{MIN_HEIGHT}, now {}×{}",
            area.width, area.height
        )),
    ];
    if let Some(quits) = state.keymap.tell(state.context(), Action::Quit, "quits") {
        text.push(Line::from(quits));
    }
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(text)
            .style(theme::muted())
            .wrap(Wrap { trim: true }),
        area,
    );
}

/// The keys of a box's bottom edge, as " Ctrl-s keep · Esc cancel ": each
/// told by the keymap, and left out when its action has no key.
fn key_footer(told: impl IntoIterator<Item = Option<String>>) -> String {
    let told: Vec<String> = told.into_iter().flatten().collect();
    if told.is_empty() {
        String::new()
    } else {
        format!(" {} ", told.join(" · "))
    }
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

/// `text` in lines of at most `width` characters, broken between words;
/// a word longer than a line is broken where the line ends.
pub(super) fn wrapped(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        let used = line.chars().count();
        if used > 0 && used + 1 + word.len() > width {
            lines.push(std::mem::take(&mut line));
        }
        while word.len() > width {
            let rest = word.split_off(width);
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word.into_iter().collect());
            word = rest;
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.extend(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
