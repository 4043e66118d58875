//! The template manager: the list of templates, the editor, and a live
//! preview for the invitation selected in the console's list, with every
//! error and every unknown value pointed out.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::{centered, theme};
use crate::templates::{Missing, Template, Values, render as fill};
use crate::tui::action::Action;
use crate::tui::keymap::{KeyContext, with_key};
use crate::tui::manager::{Focus, Manager, Naming};
use crate::tui::state::State;

mod help;

pub fn render(state: &State, manager: &Manager, frame: &mut Frame, area: Rect) {
    frame.render_widget(Clear, area);
    let [list_area, editor_area, preview_area] = Layout::horizontal([
        Constraint::Length(26.min(area.width / 3)),
        Constraint::Fill(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    render_list(state, manager, frame, list_area);
    render_editor(manager, frame, editor_area);
    render_preview(state, manager, frame, preview_area);
    if let Some(confirm) = &manager.confirm {
        let answers: Vec<String> = [Action::Yes, Action::No]
            .into_iter()
            .filter_map(|action| state.keymap.key(KeyContext::ManagerConfirm, action))
            .collect();
        let answers = (!answers.is_empty()).then(|| answers.join("/"));
        let question = with_key(confirm.question(), " ", answers);
        let width = u16::try_from(question.chars().count() + 6).unwrap_or(u16::MAX);
        let popup = centered(area, width, 3);
        frame.render_widget(Clear, popup);
        frame.render_widget(
            Paragraph::new(Line::styled(format!(" {question}"), theme::title()))
                .block(Block::bordered().border_style(theme::warning())),
            popup,
        );
    }
    if manager.help {
        help::render(state, frame, area);
    }
}

fn focused(yes: bool) -> Style {
    if yes { theme::key() } else { Style::new() }
}

fn render_list(state: &State, manager: &Manager, frame: &mut Frame, area: Rect) {
    let unsaved = if manager.is_dirty(&state.templates) {
        "· unsaved "
    } else {
        ""
    };
    let block = Block::bordered()
        .border_style(focused(
            manager.focus == Focus::List && manager.prompt.is_none(),
        ))
        .title(Span::styled(" Templates ", theme::title()))
        .title(Span::styled(unsaved, theme::warning()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let prompt_rows = if manager.prompt.is_some() { 3 } else { 0 };
    let [rows, prompt_area] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(prompt_rows)]).areas(inner);
    let lines: Vec<Line> = manager
        .templates
        .as_slice()
        .iter()
        .enumerate()
        .map(|(position, template)| list_row(state, template, position == manager.selected))
        .collect();
    let body = if lines.is_empty() {
        let told = state
            .keymap
            .tell(KeyContext::Manager, Action::NewTemplate, "makes one");
        Paragraph::new(Line::styled(
            with_key("No template", ": ", told),
            theme::muted(),
        ))
    } else {
        let first = manager
            .selected
            .saturating_sub(usize::from(rows.height).saturating_sub(1));
        Paragraph::new(lines).scroll((u16::try_from(first).unwrap_or(u16::MAX), 0))
    };
    frame.render_widget(body, rows);
    if let Some(prompt) = &manager.prompt {
        let label = match &prompt.naming {
            Naming::New => "New template's name".to_string(),
            Naming::Rename(old) => format!("Rename `{old}` to"),
        };
        let [label_area, input_area, error_area] =
            Layout::vertical([Constraint::Length(1); 3]).areas(prompt_area);
        frame.render_widget(Line::styled(label, theme::label()), label_area);
        frame.render_widget(&prompt.input, input_area);
        if let Some(error) = &prompt.error {
            frame.render_widget(
                Paragraph::new(Line::styled(error.clone(), error_style())),
                error_area,
            );
        }
    }
}

/// A template's name, marked `●` while it differs from the saved one.
fn list_row(state: &State, template: &Template, selected: bool) -> Line<'static> {
    let changed = state.templates.get(&template.name) != Some(template);
    let line = Line::from(vec![
        Span::raw(if selected { "▶ " } else { "  " }),
        Span::raw(template.name.clone()),
        Span::styled(if changed { " ●" } else { "" }, theme::warning()),
    ]);
    if selected {
        line.style(theme::selected())
    } else {
        line
    }
}

fn render_editor(manager: &Manager, frame: &mut Frame, area: Rect) {
    let title = manager
        .selected_template()
        .map_or(String::new(), |t| format!(" {} ", t.name));
    let block = Block::bordered()
        .border_style(focused(manager.focus == Focus::Editor))
        .title(Span::styled(title, theme::title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if manager.selected_template().is_some() {
        frame.render_widget(&manager.editor, inner);
    }
}

fn render_preview(state: &State, manager: &Manager, frame: &mut Frame, area: Rect) {
    let invitation = state.selected().map(|index| state.review.invitation(index));
    let title = invitation.map_or(" Preview ".to_string(), |invitation| {
        format!(" Preview for {} ", invitation.profile.name)
    });
    let block = Block::bordered().title(Span::styled(title, theme::title()));
    let lines = match (manager.selected_template(), invitation) {
        (None, _) => Vec::new(),
        (Some(_), None) => vec![Line::styled(
            "No invitation is selected to preview with",
            theme::muted(),
        )],
        (Some(template), Some(invitation)) => match template.parse() {
            Err(errors) => {
                let mut lines = vec![Line::styled(
                    "Cannot be used until fixed:",
                    error_style().add_modifier(Modifier::BOLD),
                )];
                lines.extend(
                    errors
                        .iter()
                        .map(|error| Line::styled(format!("✗ {error}"), error_style())),
                );
                lines
            }
            Ok(parsed) => {
                let rendered = fill(&parsed, &Values::new(invitation, &state.review.queue.owner));
                let mut lines = preview_lines(&rendered.text, &rendered.missing);
                if !rendered.missing.is_empty() {
                    lines.push(Line::raw(""));
                    lines.push(Line::styled(
                        "Unknown for this invitation, with no fallback: a reply \
                         stops until they are filled in. {field|fallback} gives one.",
                        theme::warning(),
                    ));
                    for missing in &rendered.missing {
                        lines.push(Line::styled(
                            format!("  {}", &rendered.text[missing.span.clone()]),
                            missing_style(),
                        ));
                    }
                }
                lines
            }
        },
    };
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

/// The rendered reply, one line per line, each unfilled placeholder marked.
fn preview_lines(text: &str, missing: &[Missing]) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for row in text.split('\n') {
        let end = start + row.len();
        let mut spans = Vec::new();
        let mut at = start;
        // A placeholder never holds a line break, so each lies on one line.
        for gap in missing
            .iter()
            .filter(|m| m.span.start >= start && m.span.end <= end)
        {
            spans.push(Span::raw(text[at..gap.span.start].to_string()));
            spans.push(Span::styled(
                text[gap.span.clone()].to_string(),
                missing_style(),
            ));
            at = gap.span.end;
        }
        spans.push(Span::raw(text[at..end].to_string()));
        lines.push(Line::from(spans));
        start = end + 1;
    }
    lines
}

fn missing_style() -> Style {
    theme::warning().add_modifier(Modifier::REVERSED)
}

fn error_style() -> Style {
    Style::new().fg(Color::Red)
}
