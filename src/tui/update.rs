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
mod overlay;
mod reply;
mod search;
mod stats;

pub fn update(state: &mut State, event: impl Into<Event>, now: OffsetDateTime) -> Vec<Effect> {
    let event = event.into();
    let is_action = matches!(event, Event::Action(_));
    let said = state.status.clone();
    let effects = answer(state, event, now);
    log_status(state, is_action, said);
    effects
}

fn answer(state: &mut State, event: Event, now: OffsetDateTime) -> Vec<Effect> {
    match event {
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
                place_not_saved(state, &error);
            }
            Vec::new()
        }
        Event::Drawn(scroll) => {
            overlay::drawn(state, scroll);
            Vec::new()
        }
        Event::Scored => {
            list::scored(state);
            Vec::new()
        }
    }
}

/// The most messages the log keeps: the oldest go first.
const MESSAGES_KEPT: usize = 1000;

/// Keeps the status message in the log when it is new: said in answer to a
/// key (a key clears the last one), or changed by an effect's result.
fn log_status(state: &mut State, is_action: bool, said: Option<String>) {
    let Some(status) = &state.status else {
        return;
    };
    if is_action || said.as_ref() != Some(status) {
        if state.messages.len() == MESSAGES_KEPT {
            state.messages.remove(0);
        }
        state.messages.push(status.clone());
    }
}

/// Tells that the place could not be kept, unless the status bar already
/// tells that a decision was not saved (the same full disk, as a rule):
/// then it goes to the message log only, once.
fn place_not_saved(state: &mut State, error: &str) {
    let message = format!("Could not save the place: {error}");
    if !history::shows_not_saved(state) {
        state.status = Some(message);
    } else if state.messages.last() != Some(&message) {
        state.messages.push(message);
    }
}

/// Hands `action` to the mode that has the keyboard.
fn act(state: &mut State, action: Action, now: OffsetDateTime) -> Vec<Effect> {
    match state.mode {
        Mode::List => list::update(state, action, now),
        Mode::Help(_) | Mode::Messages(_) => overlay::update(state, action),
        Mode::PickTemplate(_) => reply::picker(state, action),
        Mode::Reply(_) => reply::update(state, action, now),
        Mode::Checklist(_) => checklist::update(state, action, now),
        Mode::Stats(_) => stats::update(state, action),
        Mode::Templates(_) => manager::update(state, action),
        Mode::Batch(_) => batch::update(state, action, now),
        Mode::Search(_) => search::update(state, action),
    }
}

/// What works in every mode: quitting and suspending. Any other action is
/// not one this mode takes, and does nothing.
pub(super) fn anywhere(state: &mut State, action: Action) -> Vec<Effect> {
    match action {
        Action::Quit => state.quitting = true,
        Action::Suspend => return vec![Effect::Suspend],
        _ => {}
    }
    Vec::new()
}

/// The selected inviter's profile, when it is a web address.
fn open_profile(state: &mut State) -> Vec<Effect> {
    let url = state.selected().and_then(|index| {
        state
            .review
            .invitation(index)
            .profile
            .url
            .as_deref()
            .map(String::from)
    });
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
