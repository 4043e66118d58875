//! The help overlay, written from the keymap: every action with its keys.
//! Long descriptions wrap under their own column, and the whole scrolls,
//! so that every line is in reach at 80×24.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::wrap::{width, wrap};
use super::{pager, theme};
use crate::tui::action::Action;
use crate::tui::keymap::{KeyContext, either, key_label};
use crate::tui::state::{Reach, State};

/// Columns of the key column, with its margin.
const KEYS: usize = 15;

pub fn render(state: &State, offset: u16, frame: &mut Frame, area: Rect) -> Reach {
    let inner = pager::inner_width(area);
    let mut lines = Vec::new();
    for (keys, description) in list_keys(state) {
        let keys = format!(" {keys:<width$} ", width = KEYS - 2);
        let hang = " ".repeat(width(&keys));
        for (row, text) in wrap(description, inner.saturating_sub(width(&keys)), inner)
            .into_iter()
            .enumerate()
        {
            let lead = if row == 0 {
                Span::styled(keys.clone(), theme::key())
            } else {
                Span::raw(hang.clone())
            };
            lines.push(Line::from(vec![lead, Span::raw(text)]));
        }
    }
    lines.push(Line::raw(""));
    for (context, name) in [
        (KeyContext::Batch, "Sweep and marked"),
        (KeyContext::Search, "Search"),
        (KeyContext::Picker, "Template picker"),
        (KeyContext::Reply, "Reply box"),
        (KeyContext::Checklist, "Checklist"),
        (KeyContext::Messages, "Messages"),
    ] {
        let keys: Vec<String> = state
            .keymap
            .hints(context)
            .map(|b| format!("{} {}", key_label(b.code, b.modifiers), b.description))
            .collect();
        lines.extend(hanging(&format!(" {name}: "), &keys.join(" · "), inner));
    }
    lines.extend(hanging(
        " Marks: ",
        "· pending, ✓ accepted, ✗ ignored, ↩ replied; [new] [gone] [connected] [again]; \
         * marked, for this session only (marks are not saved)",
        inner,
    ));
    let closes = either(&state.keymap.keys(KeyContext::Help, Action::ToggleHelp));
    pager::render(
        frame,
        area,
        format!(" Keys ({closes} closes) "),
        lines,
        offset,
    )
}

/// The list's keys, one row per description with every key that does it.
fn list_keys(state: &State) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(String, &str)> = Vec::new();
    for binding in state.keymap.bindings(KeyContext::List) {
        let label = key_label(binding.code, binding.modifiers);
        match rows
            .iter_mut()
            .find(|(_, description)| *description == binding.description)
        {
            Some((keys, _)) => {
                keys.push(' ');
                keys.push_str(&label);
            }
            None => rows.push((label, binding.description)),
        }
    }
    rows
}

/// `lead` then `text`, muted, its wrapped lines hanging under the text.
fn hanging(lead: &str, text: &str, inner: usize) -> Vec<Line<'static>> {
    let hang = " ".repeat(width(lead));
    wrap(
        text,
        inner.saturating_sub(width(lead)),
        inner.saturating_sub(width(lead)),
    )
    .into_iter()
    .enumerate()
    .map(|(row, text)| {
        let lead = if row == 0 {
            lead.to_string()
        } else {
            hang.clone()
        };
        Line::styled(format!("{lead}{text}"), theme::muted())
    })
    .collect()
}
