//! What `update` answers: an action the reviewer asked for, or how an
//! effect turned out. Results come back in as events (television sends them
//! back as actions), so that `update` stays the one writer of the state.

use std::path::PathBuf;

use super::action::Action;
use super::state::Scroll;
use crate::store::journal::Op;
use crate::templates::Templates;

#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// A key, through the keymap.
    Action(Action),
    /// [`Effect::Record`](super::Effect::Record) ran: the change is on
    /// disk, or why it is not.
    Recorded { op: Op, result: Result<(), String> },
    /// [`Effect::Copy`](super::Effect::Copy) ran.
    Copied(Result<(), String>),
    /// [`Effect::OpenUrl`](super::Effect::OpenUrl) ran.
    Opened(Result<(), String>),
    /// [`Effect::SaveTemplates`](super::Effect::SaveTemplates) ran: the
    /// templates now on disk and their file, or why nothing was written.
    TemplatesSaved(Result<(Templates, PathBuf), String>),
    /// [`Effect::EditExternally`](super::Effect::EditExternally) ran:
    /// template `name`'s text as the editor left it, or why there is none.
    EditedExternally {
        name: String,
        text: Result<String, String>,
    },
    /// The app saved the place in the session, or could not.
    PlaceSaved(Result<(), String>),
    /// A frame was drawn; the list stood there, in the real area.
    Drawn(Scroll),
    /// The app has scored every invitation, for a sort that waited.
    Scored,
}

impl From<Action> for Event {
    fn from(action: Action) -> Event {
        Event::Action(action)
    }
}
