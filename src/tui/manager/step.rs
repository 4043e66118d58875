//! How the template manager answers actions, on its own data: what it
//! asks of the console around it comes back as a [`Step`], which the
//! console's `update` carries out. Texts that name a key take it from the
//! live keymap.

use ratatui_textarea::CursorMove;

use super::{ABOUT_CAP, Confirm, Focus, Manager, Naming, Prompt, STARTER, name_input};
use crate::templates::{Template, Templates, check_name};
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::keymap::{KeyContext, Keymap, with_key};

/// What an action asks of the state around the manager.
pub enum Step {
    Stay,
    Say(String),
    Leave,
    Quit,
    Run(Effect),
}

/// Text from an outside editor as a body: the final line break that
/// editors add is not part of it, and control characters, which the
/// terminal would act on, are dropped.
pub(super) fn clean(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let text = text.strip_suffix('\n').unwrap_or(&text);
    text.chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect()
}

impl Manager {
    /// The outside editor is done with template `name`: its text goes in,
    /// unsaved, and the answer says what became of it.
    pub fn take_edit(
        &mut self,
        name: &str,
        text: Result<String, String>,
        keymap: &Keymap,
    ) -> String {
        let text = match text {
            Err(problem) => return format!("{problem}; the template is unchanged"),
            Ok(text) => text,
        };
        let body = clean(&text);
        let selected = self.selected_template().map(|t| t.name.as_str()) == Some(name);
        match self.templates.get(name) {
            None => format!("`{name}` is gone; the text from the editor is dropped"),
            Some(template) if template.body == body => {
                "The editor left the template unchanged".to_string()
            }
            Some(_) => {
                if selected {
                    // Through the editor's history, so that undo takes it back.
                    self.editor.replace_all(&body);
                    self.sync_body();
                } else {
                    // The name was just found.
                    let _ = self.templates.set_body(name, body);
                }
                let told = keymap.tell(KeyContext::Manager, Action::SaveTemplates, "saves");
                with_key(format!("`{name}` changed in the editor"), "; ", told)
            }
        }
    }

    pub fn step(&mut self, action: Action, saved: &Templates, keymap: &Keymap) -> Step {
        if self.help {
            self.help = false;
            if matches!(action, Action::ToggleHelp | Action::Back) {
                return Step::Stay;
            }
        }
        match action {
            Action::Suspend => return Step::Run(Effect::Suspend),
            Action::Quit => {
                self.prompt = None;
                return self.leave(saved, true);
            }
            _ => {}
        }
        if let Some(confirm) = self.confirm.take() {
            return self.answer(confirm, action, keymap);
        }
        if self.prompt.is_some() {
            return self.prompt_step(action, keymap);
        }
        match self.focus {
            Focus::List => self.list_step(action, saved, keymap),
            Focus::Editor => self.editor_step(action),
        }
    }

    fn list_step(&mut self, action: Action, saved: &Templates, keymap: &Keymap) -> Step {
        match action {
            Action::MoveDown => self.select(self.selected + 1),
            Action::MoveUp => self.select(self.selected.saturating_sub(1)),
            Action::First => self.select(0),
            Action::Last => self.select(usize::MAX),
            Action::EditTemplate => {
                self.set_focus(Focus::Editor);
                if self.focus == Focus::List {
                    let told = keymap.tell(KeyContext::Manager, Action::NewTemplate, "makes one");
                    return Step::Say(with_key("There is no template", ": ", told));
                }
            }
            Action::NewTemplate => {
                self.prompt = Some(Prompt {
                    naming: Naming::New,
                    input: name_input(""),
                    error: None,
                });
            }
            Action::RenameTemplate => {
                if let Some(name) = self.selected_template().map(|t| t.name.clone()) {
                    self.prompt = Some(Prompt {
                        input: name_input(&name),
                        naming: Naming::Rename(name),
                        error: None,
                    });
                }
            }
            Action::DescribeTemplate => {
                if let Some(template) = self.selected_template() {
                    self.prompt = Some(Prompt {
                        input: name_input(template.about.as_deref().unwrap_or_default()),
                        naming: Naming::Describe(template.name.clone()),
                        error: None,
                    });
                }
            }
            Action::DeleteTemplate => {
                if let Some(template) = self.selected_template() {
                    self.confirm = Some(Confirm::Delete(template.name.clone()));
                }
            }
            Action::EditExternally => {
                if let Some(template) = self.selected_template() {
                    return Step::Run(Effect::EditExternally {
                        name: template.name.clone(),
                        body: template.body.clone(),
                    });
                }
            }
            Action::SaveTemplates => return self.save(),
            Action::ToggleHelp => self.help = true,
            Action::Back => return self.leave(saved, false),
            _ => {}
        }
        Step::Stay
    }

    fn editor_step(&mut self, action: Action) -> Step {
        let changed = match action {
            Action::Edit(key) => self.editor.input(key),
            Action::Undo => self.editor.undo(),
            Action::Redo => self.editor.redo(),
            Action::SaveTemplates => return self.save(),
            Action::Back => {
                self.set_focus(Focus::List);
                false
            }
            _ => false,
        };
        if changed {
            self.sync_body();
        }
        Step::Stay
    }

    fn prompt_step(&mut self, action: Action, keymap: &Keymap) -> Step {
        let Some(prompt) = &mut self.prompt else {
            return Step::Stay;
        };
        match action {
            Action::Edit(key) => {
                if prompt.input.input(key) {
                    // A name or an about is one line, whatever was pasted.
                    let typed = prompt.input.lines().concat();
                    if prompt.input.lines().len() > 1 {
                        prompt.input = name_input(&typed);
                    }
                    prompt.error = match prompt.naming {
                        Naming::Describe(_) => (typed.trim().chars().count() > ABOUT_CAP)
                            .then(|| format!("at most {ABOUT_CAP} characters, to fit the picker")),
                        _ => check_name(typed.trim()).err().map(|e| e.to_string()),
                    };
                }
                Step::Stay
            }
            Action::Choose => self.take_name(keymap),
            Action::Back => {
                self.prompt = None;
                Step::Stay
            }
            _ => Step::Stay,
        }
    }

    fn take_name(&mut self, keymap: &Keymap) -> Step {
        let Some(prompt) = &mut self.prompt else {
            return Step::Stay;
        };
        let name = prompt.input.lines().concat().trim().to_string();
        // A new template opens in the editor, a renamed one stays in the list.
        let saves = |context| keymap.tell(context, Action::SaveTemplates, "saves");
        let done = match &prompt.naming {
            Naming::New => self
                .templates
                .insert(self.selected + 1, Template::new(name.clone(), STARTER))
                .map(|()| {
                    let told = saves(KeyContext::ManagerEditor);
                    with_key(format!("New template `{name}`: write it"), ", ", told)
                }),
            Naming::Rename(old) => self.templates.rename(old, &name).map(|()| {
                let told = saves(KeyContext::Manager);
                with_key(format!("`{old}` renamed to `{name}`"), "; ", told)
            }),
            Naming::Describe(template) => {
                if let Some(error) = &prompt.error {
                    return Step::Say(error.clone());
                }
                // Typed text holds no control character, but a paste may.
                let about: String = name.chars().filter(|c| !c.is_control()).collect();
                self.templates.set_about(template, &about).map(|()| {
                    let told = saves(KeyContext::Manager);
                    let said = if about.is_empty() {
                        format!("`{template}` has no about: its first line shows")
                    } else {
                        format!("`{template}` is for: {about}")
                    };
                    with_key(said, "; ", told)
                })
            }
        };
        match done {
            Err(error) => {
                prompt.error = Some(error.to_string());
                Step::Stay
            }
            Ok(message) => {
                let new = prompt.naming == Naming::New;
                self.prompt = None;
                if new {
                    self.selected = self.templates.index_of(&name).unwrap_or(self.selected);
                    self.load_editor();
                    self.set_focus(Focus::Editor);
                    self.editor.move_cursor(CursorMove::Bottom);
                }
                Step::Say(message)
            }
        }
    }

    fn answer(&mut self, confirm: Confirm, action: Action, keymap: &Keymap) -> Step {
        match (action, confirm) {
            (Action::Yes, Confirm::Delete(name)) => {
                self.templates.remove(&name);
                self.selected = self
                    .selected
                    .min(self.templates.as_slice().len().saturating_sub(1));
                self.load_editor();
                let told = [
                    keymap.tell(KeyContext::Manager, Action::SaveTemplates, "saves"),
                    keymap.tell(KeyContext::Manager, Action::Back, "drops it"),
                ];
                let told = told.into_iter().flatten().collect::<Vec<_>>().join(", ");
                let told = (!told.is_empty()).then_some(told);
                Step::Say(with_key(format!("Deleted `{name}`"), "; ", told))
            }
            (Action::Yes, Confirm::Drop { quit: true }) => Step::Quit,
            (Action::Yes, Confirm::Drop { quit: false }) => Step::Leave,
            (Action::No, _) => Step::Stay,
            (_, confirm) => {
                self.confirm = Some(confirm);
                Step::Stay
            }
        }
    }

    /// Leaves (or quits), first asking when there are unsaved changes.
    fn leave(&mut self, saved: &Templates, quit: bool) -> Step {
        if self.is_dirty(saved) {
            self.confirm = Some(Confirm::Drop { quit });
            Step::Stay
        } else if quit {
            Step::Quit
        } else {
            Step::Leave
        }
    }

    /// Asks the app to save, unless a template has errors: then the editor
    /// goes to the first one and nothing is written.
    fn save(&mut self) -> Step {
        let first = self
            .templates
            .problems()
            .into_iter()
            .find_map(|(name, errors)| errors.into_iter().next().map(|e| (name.to_string(), e)));
        let Some((name, error)) = first else {
            return Step::Run(Effect::SaveTemplates(self.templates.clone()));
        };
        if let Some(position) = self.templates.index_of(&name) {
            self.select(position);
        }
        self.set_focus(Focus::Editor);
        let at = |n: usize| u16::try_from(n.saturating_sub(1)).unwrap_or(u16::MAX);
        self.editor
            .move_cursor(CursorMove::Jump(at(error.line), at(error.column)));
        Step::Say(format!(
            "Not saved: template `{name}`, {error}; the file is unchanged"
        ))
    }
}
