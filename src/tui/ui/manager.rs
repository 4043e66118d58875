//! The template manager: the list of templates, the editor, and a live
//! preview for the invitation selected in the console's list, with every
//! error and every unknown value pointed out.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::{centered, theme, wrapped};
use crate::templates::{Missing, Template, Values, render as fill};
use crate::tui::action::Action;
use crate::tui::keymap::{KeyContext, with_key};
use crate::tui::manager::{Focus, Manager, Naming, Prompt};
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
        let question = with_key(confirm.question(state.review.policy()), " ", answers);
        // Wrapped whole, so that a warning is never cut.
        let width = question.chars().count().min(CONFIRM_WIDTH);
        let lines: Vec<Line> = wrapped(&question, width)
            .into_iter()
            .map(|line| Line::styled(format!(" {line}"), theme::title()))
            .collect();
        let size = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        let popup = centered(area, size(width + 4), size(lines.len() + 2));
        frame.render_widget(Clear, popup);
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .block(Block::bordered().border_style(theme::warning())),
            popup,
        );
    }
    if manager.help {
        help::render(state, frame, area);
    }
}

/// The widest a question's line runs before it wraps.
const CONFIRM_WIDTH: usize = 60;

fn focused(yes: bool) -> Style {
    if yes { theme::key() } else { Style::new() }
}

fn render_list(state: &State, manager: &Manager, frame: &mut Frame, area: Rect) {
    let mut title = vec![Span::styled(" Templates ", theme::title())];
    if manager.is_dirty(&state.templates) {
        title.push(Span::styled("· unsaved ", theme::warning()));
    }
    let block = Block::bordered()
        .border_style(focused(
            manager.focus == Focus::List && manager.prompt.is_none(),
        ))
        .title(Line::from(title));
    let rows = block.inner(area);
    frame.render_widget(block, area);
    let mut lines: Vec<Line> = manager
        .templates
        .as_slice()
        .iter()
        .enumerate()
        .map(|(position, template)| list_row(state, template, position == manager.selected))
        .collect();
    if lines.is_empty() && manager.prompt.is_none() {
        let told = state
            .keymap
            .tell(KeyContext::Manager, Action::NewTemplate, "makes one");
        frame.render_widget(
            Paragraph::new(Line::styled(
                with_key("No template", ": ", told),
                theme::muted(),
            ))
            .wrap(Wrap { trim: true }),
            rows,
        );
        return;
    }
    // The prompt opens under the selected row: where a new template will
    // be, or under the one renamed or described.
    let below = (manager.selected + 1).min(lines.len());
    let mut input_at = None;
    let mut shown_to = below;
    if let Some(prompt) = &manager.prompt {
        let asked = prompt_lines(prompt, usize::from(rows.width));
        let (label, error) = (asked.label, asked.error);
        let mut inserted: Vec<Line> = label
            .into_iter()
            .map(|text| Line::styled(text, theme::label()))
            .collect();
        input_at = Some(below + inserted.len());
        inserted.push(Line::raw(""));
        inserted.extend(
            error
                .into_iter()
                .map(|text| Line::styled(text, error_style())),
        );
        shown_to = below + inserted.len();
        lines.splice(below..below, inserted);
    }
    // The selected row and the prompt under it stay on screen; when both
    // do not fit, the prompt does.
    let first = shown_to.saturating_sub(usize::from(rows.height));
    frame.render_widget(
        Paragraph::new(lines).scroll((u16::try_from(first).unwrap_or(u16::MAX), 0)),
        rows,
    );
    if let (Some(prompt), Some(at)) = (&manager.prompt, input_at) {
        let offset = at.checked_sub(first).and_then(|o| u16::try_from(o).ok());
        if let Some(offset) = offset.filter(|&o| o < rows.height) {
            let input = Rect {
                x: rows.x + PROMPT_INDENT,
                y: rows.y + offset,
                width: rows.width.saturating_sub(PROMPT_INDENT),
                height: 1,
            };
            frame.render_widget(&prompt.input, input);
        }
    }
}

/// How far the prompt's lines stand in from the list's edge.
const PROMPT_INDENT: u16 = 2;

/// The prompt's question and its error, each wrapped whole to `width`.
struct PromptLines {
    label: Vec<String>,
    error: Vec<String>,
}

fn prompt_lines(prompt: &Prompt, width: usize) -> PromptLines {
    let label = match &prompt.naming {
        Naming::New => "New template's name".to_string(),
        Naming::Rename(old) => format!("Rename `{old}` to"),
        Naming::Describe(name) => format!("What `{name}` is for"),
    };
    let room = width.saturating_sub(usize::from(PROMPT_INDENT)).max(1);
    let indent = " ".repeat(usize::from(PROMPT_INDENT));
    let wrap = |text: &str| -> Vec<String> {
        wrapped(text, room)
            .into_iter()
            .map(|line| format!("{indent}{line}"))
            .collect()
    };
    PromptLines {
        label: wrap(&label),
        error: prompt.error.as_deref().map(wrap).unwrap_or_default(),
    }
}

/// `text` cut to `width` characters, with `…` saying so.
fn shortened(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut short: String = text.chars().take(width.saturating_sub(1)).collect();
    short.push('…');
    short
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
        .map_or(String::new(), |t| match &t.about {
            Some(about) => {
                // The corners and the spaces around the name and the dot.
                let room = usize::from(area.width).saturating_sub(t.name.chars().count() + 7);
                format!(" {} · {} ", t.name, shortened(about, room))
            }
            None => format!(" {} ", t.name),
        });
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
