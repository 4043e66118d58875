//! The help overlay, written from the keymap: every action with its keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::{centered, theme};
use crate::tui::action::Action;
use crate::tui::keymap::{KeyContext, either, key_label};
use crate::tui::state::State;

pub fn render(state: &State, frame: &mut Frame, area: Rect) {
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
    let mut lines: Vec<Line> = rows
        .iter()
        .map(|(keys, description)| {
            Line::from(vec![
                Span::styled(format!(" {keys:<14}"), theme::key()),
                Span::raw(description.to_string()),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    for (context, name) in [
        (KeyContext::Picker, "Template picker"),
        (KeyContext::Reply, "Reply box"),
        (KeyContext::Checklist, "Checklist"),
    ] {
        let keys: Vec<String> = state
            .keymap
            .hints(context)
            .map(|b| format!("{} {}", key_label(b.code, b.modifiers), b.description))
            .collect();
        lines.push(Line::styled(
            format!(" {name}: {}", keys.join(" · ")),
            theme::muted(),
        ));
    }
    lines.push(Line::styled(
        " Marks: · pending  ✓ accepted  ✗ ignored  ↩ replied  [new] [gone] [connected] [again]",
        theme::muted(),
    ));
    // Room for the border and for the context lines to wrap once each.
    let height = u16::try_from(lines.len() + 2 + 3).unwrap_or(u16::MAX);
    let popup = centered(area, 76, height);
    frame.render_widget(Clear, popup);
    let closes = either(&state.keymap.keys(KeyContext::Help, Action::ToggleHelp));
    let block = Block::bordered().title(Span::styled(
        format!(" Keys ({closes} closes) "),
        theme::title(),
    ));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        popup,
    );
}
