//! The template manager in the console: it edits a copy of the templates,
//! and the console's own set, which drafts replies, changes only when a
//! save has reached the disk.

use std::path::PathBuf;

use super::Effect;
use crate::templates::Templates;
use crate::tui::action::Action;
use crate::tui::manager::{Manager, Step};
use crate::tui::state::{Mode, State};

/// Opens the manager on a copy of the templates.
pub(super) fn open(state: &mut State) {
    state.mode = Mode::Templates(Box::new(Manager::new(state.templates.clone())));
}

pub(super) fn update(state: &mut State, action: Action) -> Vec<Effect> {
    let Mode::Templates(manager) = &mut state.mode else {
        return Vec::new();
    };
    match manager.step(action, &state.templates, &state.keymap) {
        Step::Stay => {}
        Step::Say(text) => state.status = Some(text),
        Step::Leave => state.mode = Mode::List,
        Step::Quit => state.quitting = true,
        Step::Run(effect) => return vec![effect],
    }
    Vec::new()
}

/// The save ran. Templates that reached the disk are now the ones replies
/// are drafted with; when the save failed, nothing changed on disk and the
/// edits stay in the manager.
pub(super) fn saved(state: &mut State, result: Result<(Templates, PathBuf), String>) {
    state.status = Some(match result {
        Ok((templates, path)) => {
            let said = format!(
                "Saved {} templates to {}",
                templates.as_slice().len(),
                path.display()
            );
            state.templates = templates;
            said
        }
        Err(error) => format!("Not saved, your text is kept: {error}"),
    });
}

/// The outside editor is done with template `name`: its text, or why there
/// is none.
pub(super) fn edited_externally(state: &mut State, name: &str, text: Result<String, String>) {
    if let Mode::Templates(manager) = &mut state.mode {
        state.status = Some(manager.take_edit(name, text, &state.keymap));
    }
}
