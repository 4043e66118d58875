//! The one place the console's state changes. No I/O, no terminal: what
//! must happen outside comes back as [`Effect`]s for the app to run, and
//! how each one turned out comes back in as an [`Event`].
//!
//! An action goes to the update of the mode that has the keyboard; each
//! one takes the actions its keys send, and leaves the rest.

use time::OffsetDateTime;

use super::action::Action;
use super::effect::Effect;
use super::event::Event;
use super::state::{Mode, State};

mod batch;
mod checklist;
mod history;
mod list;
mod manager;
mod reply;
mod search;
mod stats;

pub fn update(state: &mut State, event: impl Into<Event>, now: OffsetDateTime) -> Vec<Effect> {
    match event.into() {
        Event::Action(action) => {
            state.status = None;
            act(state, action, now)
        }
        Event::Recorded { op, result } => {
            if let Err(error) = result {
                history::journal_failed(state, op, &error);
            }
            Vec::new()
        }
        Event::Copied(result) => {
            if let Err(error) = result {
                state.status = Some(format!("Could not copy: {error}"));
            }
            Vec::new()
        }
        Event::Opened(result) => {
            if let Err(error) = result {
                state.status = Some(format!("Could not open the browser: {error}"));
            }
            Vec::new()
        }
        Event::TemplatesSaved(result) => {
            manager::saved(state, result);
            Vec::new()
        }
        Event::EditedExternally { name, text } => {
            manager::edited_externally(state, &name, text);
            Vec::new()
        }
        Event::PlaceSaved(result) => {
            if let Err(error) = result {
                state.status = Some(format!("Could not save the place: {error}"));
            }
            Vec::new()
        }
        Event::Drawn(scroll) => {
            state.scroll = scroll;
            Vec::new()
        }
    }
}

/// Hands `action` to the mode that has the keyboard.
fn act(state: &mut State, action: Action, now: OffsetDateTime) -> Vec<Effect> {
    match state.mode {
        Mode::List => list::update(state, action, now),
        Mode::Help => help(state, action),
        Mode::PickTemplate(_) => reply::picker(state, action),
        Mode::Reply(_) => reply::update(state, action, now),
        Mode::Checklist(_) => checklist::update(state, action, now),
        Mode::Stats(_) => stats::update(state, action),
        Mode::Templates(_) => manager::update(state, action),
        Mode::Batch(_) => batch::update(state, action, now),
        Mode::Search(_) => search::update(state, action),
    }
}

/// The help overlay: it only closes.
fn help(state: &mut State, action: Action) -> Vec<Effect> {
    match action {
        Action::ToggleHelp => {
            state.mode = Mode::List;
            Vec::new()
        }
        other => anywhere(state, other),
    }
}

/// What works in every mode: quitting and suspending. Any other action is
/// not one this mode takes, and does nothing.
fn anywhere(state: &mut State, action: Action) -> Vec<Effect> {
    match action {
        Action::Quit => state.quitting = true,
        Action::Suspend => return vec![Effect::Suspend],
        _ => {}
    }
    Vec::new()
}

/// The selected inviter's profile, when it is a web address.
fn open_profile(state: &mut State) -> Vec<Effect> {
    let url = state
        .selected()
        .and_then(|index| state.review.invitation(index).profile.url.clone());
    match url {
        Some(url) if url.starts_with("https://") || url.starts_with("http://") => {
            state.status = Some(format!("Opening {url}"));
            vec![Effect::OpenUrl(url)]
        }
        Some(_) => {
            state.status = Some("The profile address is not a web address; not opened".into());
            Vec::new()
        }
        None => {
            state.status = Some("No profile address is known for this inviter".into());
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests;
