//! The template manager's keys: its own from the keymap, then the editor's
//! built-in ones, which come from `ratatui-textarea` and are not rebindable.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::tui::action::Action;
use crate::tui::keymap::{KeyContext, either, key_label};
use crate::tui::state::State;
use crate::tui::ui::{centered, theme};

/// The keys `TextArea::input` handles itself, as its source binds them.
const EDITOR_KEYS: &[(&str, &str)] = &[
    ("Shift-arrows", "select"),
    ("Ctrl-c Ctrl-x", "copy, cut the selection"),
    ("Ctrl-y", "paste (as in the reply box)"),
    ("Ctrl-Home", "start of the text"),
    ("Ctrl-End", "end of the text"),
    ("Ctrl-w Alt-d", "delete the word before, after"),
    ("Ctrl-k Ctrl-j", "delete to the line's end, start"),
    ("Ctrl-a Ctrl-e", "line start, end (also Home End)"),
    ("Alt-b Alt-f", "a word back, forward"),
    ("Alt-< Alt->", "top, bottom (also PgUp PgDn)"),
];

const SECTIONS: [(&str, &[KeyContext]); 3] = [
    ("Template list", &[KeyContext::Manager]),
    ("Editor", &[KeyContext::ManagerEditor]),
    (
        "Naming and questions",
        &[KeyContext::ManagerPrompt, KeyContext::ManagerConfirm],
    ),
];

pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    let mut lines = Vec::new();
    // Ctrl-c, Ctrl-z and Ctrl-s work alike in several places: told once.
    let mut told: Vec<(String, &str)> = Vec::new();
    for (title, contexts) in SECTIONS {
        lines.push(Line::styled(format!(" {title}"), theme::label()));
        for context in contexts {
            for row in rows(state, *context) {
                if !told.contains(&row) {
                    lines.push(key_line(&row.0, row.1));
                    told.push(row);
                }
            }
        }
    }
    lines.push(Line::styled(" Editor, built in", theme::label()));
    for (keys, description) in EDITOR_KEYS {
        lines.push(key_line(keys, description));
    }
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let popup = centered(area, 60, height);
    frame.render_widget(Clear, popup);
    // Any key closes the keys; these two are the ones that do nothing else.
    let closes: Vec<String> = [Action::ToggleHelp, Action::Back]
        .into_iter()
        .filter_map(|action| state.keymap.key(KeyContext::Manager, action))
        .collect();
    let block = Block::bordered().title(Span::styled(
        format!(" Template manager keys ({} closes) ", either(&closes)),
        theme::title(),
    ));
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}

/// Each description once, with every key that does it.
fn rows(state: &State, context: KeyContext) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(String, &'static str)> = Vec::new();
    for binding in state.keymap.bindings(context) {
        let label = key_label(binding.code, binding.modifiers);
        match rows.iter_mut().find(|(_, d)| *d == binding.description) {
            Some((keys, _)) => {
                keys.push(' ');
                keys.push_str(&label);
            }
            None => rows.push((label, binding.description)),
        }
    }
    rows
}

fn key_line(keys: &str, description: &str) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("   {keys:<16}"), theme::key()),
        Span::raw(description.to_string()),
    ])
}
