//! The template manager (`t`): a list of the reply templates, an editor for
//! the selected one, and a name prompt and confirm steps. It edits a copy of
//! the templates; the state's own set, which drafts replies, changes only
//! when a save has reached the disk.

mod step;

pub use step::Step;

use ratatui::style::{Color, Modifier, Style};
use ratatui_textarea::TextArea;

use super::editor::Editor;
use super::keymap::KeyContext;
use crate::score::Policy;
use crate::templates::{Template, Templates};

/// The body a new template starts with: valid, and a reminder of fallbacks.
const STARTER: &str = "Hi {first_name|there},\n\n";

pub struct Manager {
    /// The templates as edited so far, errors and all.
    pub templates: Templates,
    /// Position of the selected template in `templates`.
    pub selected: usize,
    pub focus: Focus,
    /// The selected template's body, as it is being edited.
    pub editor: Editor,
    pub prompt: Option<Prompt>,
    pub confirm: Option<Confirm>,
    /// The manager's keys are shown over it.
    pub help: bool,
}

/// What has the keyboard inside the manager.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Editor,
}

/// The one-line input of `n` and `r` (a name) and of `A` (what a
/// template is for).
pub struct Prompt {
    pub naming: Naming,
    pub input: TextArea<'static>,
    /// Why the name typed so far cannot be used.
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Naming {
    New,
    /// Renaming the template with this name.
    Rename(String),
    /// Saying what the template with this name is for: its `about`.
    Describe(String),
}

/// The longest `about`, so that it fits the picker's row.
pub const ABOUT_CAP: usize = 60;

/// A question that waits for a yes or a no.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    Delete(String),
    /// Leave the manager, or quit the console, dropping unsaved changes.
    Drop {
        quit: bool,
    },
}

impl Confirm {
    /// The question, warning when a policy replies with the template to
    /// delete: `policy` is the one in force.
    pub fn question(&self, policy: Policy) -> String {
        match self {
            Confirm::Delete(name) => {
                let mut question = format!("Delete template `{name}`?");
                if let Some(warning) = used_by_policies(name, policy) {
                    question.push(' ');
                    question.push_str(&warning);
                }
                question
            }
            Confirm::Drop { .. } => "Drop unsaved changes?".to_string(),
        }
    }
}

/// Which policies reply with template `name`, yours first: without it,
/// their replies are drafted with another template.
fn used_by_policies(name: &str, yours: Policy) -> Option<String> {
    if yours.templates().contains(&name) {
        return Some(format!(
            "Your {yours} policy replies with it; its replies would be drafted with another."
        ));
    }
    let others: Vec<&str> = Policy::ALL
        .into_iter()
        .filter(|policy| policy.templates().contains(&name))
        .map(Policy::as_str)
        .collect();
    match others.as_slice() {
        [] => None,
        [one] => Some(format!("(The {one} policy replies with it.)")),
        [first @ .., last] => Some(format!(
            "(The {} and {last} policies reply with it.)",
            first.join(", ")
        )),
    }
}

impl Manager {
    pub fn new(templates: Templates) -> Manager {
        let mut manager = Manager {
            templates,
            selected: 0,
            focus: Focus::List,
            editor: Editor::new(""),
            prompt: None,
            confirm: None,
            help: false,
        };
        manager.load_editor();
        manager
    }

    pub fn context(&self) -> KeyContext {
        if self.confirm.is_some() {
            KeyContext::ManagerConfirm
        } else if self.prompt.is_some() {
            KeyContext::ManagerPrompt
        } else {
            match self.focus {
                Focus::List => KeyContext::Manager,
                Focus::Editor => KeyContext::ManagerEditor,
            }
        }
    }

    pub fn selected_template(&self) -> Option<&Template> {
        self.templates.as_slice().get(self.selected)
    }

    /// Whether anything differs from the templates last saved.
    pub fn is_dirty(&self, saved: &Templates) -> bool {
        self.templates != *saved
    }

    /// Puts the selected template's body in the editor, with a fresh history.
    fn load_editor(&mut self) {
        let body = self.selected_template().map_or("", |t| t.body.as_str());
        let mut editor = Editor::new(body);
        editor.textarea.set_cursor_line_style(Style::new());
        editor
            .textarea
            .set_line_number_style(Style::new().fg(Color::DarkGray));
        self.editor = editor;
        self.set_focus(self.focus);
    }

    /// Moves the keyboard; only the focused editor shows its cursor.
    fn set_focus(&mut self, focus: Focus) {
        let focus = match self.selected_template() {
            Some(_) => focus,
            None => Focus::List,
        };
        self.focus = focus;
        self.editor.textarea.set_cursor_style(match focus {
            Focus::Editor => Style::new().add_modifier(Modifier::REVERSED),
            Focus::List => Style::new(),
        });
    }

    /// Copies the editor's text into the selected template.
    fn sync_body(&mut self) {
        let body = self.editor.lines().join("\n");
        if let Some(name) = self.selected_template().map(|t| t.name.clone()) {
            // The name was just read from the list, so it is there.
            let _ = self.templates.set_body(&name, body);
        }
    }

    fn select(&mut self, position: usize) {
        let last = self.templates.as_slice().len().saturating_sub(1);
        let position = position.min(last);
        if position != self.selected {
            self.selected = position;
            self.load_editor();
        }
    }
}

/// A one-line input for a template name.
fn name_input(text: &str) -> TextArea<'static> {
    let mut input = TextArea::new(vec![text.to_string()]);
    input.set_cursor_line_style(Style::new());
    input.move_cursor(ratatui_textarea::CursorMove::End);
    input
}

#[cfg(test)]
mod tests;
