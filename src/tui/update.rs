//! The one place the console's state changes. No I/O, no terminal: what
//! must happen outside comes back as [`Effect`]s for the app to run.

use time::OffsetDateTime;

use super::action::Action;
use super::checklist;

use super::manager;
use super::state::{Change, Mode, State};
use crate::model::{Action as Verdict, Decision};
use crate::score::Intent;
use crate::store::journal::Op;
use crate::templates::Templates;
pub use history::{change_decision, journal_failed};
use history::{redo, undo};
use reply::{copy, keep_reply, open_reply, pick_template};

/// Work for the app, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Append this change to the journal, synced, before the next frame.
    Record { op: Op, change: Change },
    /// Hand the terminal back to the shell until the reviewer resumes.
    Suspend,
    /// Put this text on the clipboard.
    Copy(String),
    /// Open this web address in the browser.
    OpenUrl(String),
    /// Write these templates to the templates file, atomically.
    SaveTemplates(Templates),
    /// Let the reviewer edit template `name` in their own editor, starting
    /// from `body`.
    EditExternally { name: String, body: String },
}

impl Effect {
    /// The decision a recorded change leaves in place.
    pub fn recorded_decision(op: Op, change: &Change) -> Option<&Decision> {
        match op {
            Op::Undo => change.before.as_ref(),
            Op::Decide | Op::Redo | Op::Tick => change.after.as_ref(),
        }
    }
}

pub fn update(state: &mut State, action: Action, now: OffsetDateTime) -> Vec<Effect> {
    if !matches!(action, Action::Resize(..)) {
        state.status = None;
    }
    if matches!(state.mode, Mode::Templates(_)) && !matches!(action, Action::Resize(..)) {
        return manager::update(state, action);
    }
    if let Mode::PickTemplate(choice) = &mut state.mode {
        let last = state.templates.as_slice().len().saturating_sub(1);
        match action {
            Action::MoveDown => *choice = (*choice + 1).min(last),
            Action::MoveUp => *choice = choice.saturating_sub(1),
            _ => {}
        }
    }
    if let Mode::Checklist(checklist) = &mut state.mode {
        match action {
            Action::MoveDown => checklist.move_by(1),
            Action::MoveUp => checklist.move_by(-1),
            _ => {}
        }
    }
    match action {
        Action::MoveDown | Action::MoveUp
            if matches!(state.mode, Mode::PickTemplate(_) | Mode::Checklist(_)) => {}
        Action::MoveDown => state.move_cursor(state.cursor + 1),
        Action::MoveUp => state.move_cursor(state.cursor.saturating_sub(1)),
        Action::First => state.move_cursor(0),
        Action::Last => state.move_cursor(usize::MAX),
        Action::PageDown => state.move_cursor(state.cursor + state.rows.max(1)),
        Action::PageUp => state.move_cursor(state.cursor.saturating_sub(state.rows.max(1))),
        Action::ScrollDetailDown => state.detail_scroll = state.detail_scroll.saturating_add(3),
        Action::ScrollDetailUp => state.detail_scroll = state.detail_scroll.saturating_sub(3),
        Action::Accept => return decide(state, Verdict::Accept, None, None, now),
        Action::Ignore => return decide(state, Verdict::Ignore, None, None, now),
        Action::Reply => {
            let suggested = state
                .selected()
                .and_then(|index| state.review.assess(index).suggestion.template);
            open_reply(state, suggested);
        }
        Action::PickTemplate => pick_template(state),
        Action::Choose => {
            if let Mode::PickTemplate(choice) = state.mode {
                let name = state
                    .templates
                    .as_slice()
                    .get(choice)
                    .map(|t| t.name.clone());
                open_reply(state, name.as_deref());
            }
        }
        Action::Copy => return copy(state),
        Action::OpenProfile => return open_profile(state),
        Action::ToggleChecklist => match state.mode {
            Mode::Checklist(_) => state.mode = Mode::List,
            _ => checklist::open(state),
        },
        Action::ToggleDone => return checklist::toggle(state, now),
        Action::TakeSuggestion => return take_suggestion(state, now),
        Action::Undo => return undo(state),
        Action::Redo => return redo(state),
        Action::CycleFilter => {
            state.filter = state.filter.next();
            state.rebuild_view(state.selected());
            state.status = Some(format!("Showing {} invitations", state.filter.as_str()));
        }
        Action::CycleIntent => {
            state.intent = Intent::cycle(state.intent);
            state.rebuild_view(state.selected());
            state.status = Some(match state.intent {
                Some(intent) => format!("Showing {} invitations only", intent.as_str()),
                None => "Showing every intent".to_string(),
            });
        }
        Action::CycleSort => {
            state.sort = state.sort.next();
            state.rebuild_view(state.selected());
            state.status = Some(format!("Sorted by {}", state.sort.as_str()));
        }
        Action::ToggleHelp => {
            state.mode = match state.mode {
                Mode::Help => Mode::List,
                _ => Mode::Help,
            }
        }
        Action::Quit => state.quitting = true,
        Action::Suspend => return vec![Effect::Suspend],
        Action::KeepReply => return keep_reply(state, now),
        Action::CancelReply => {
            if matches!(state.mode, Mode::Reply(_)) {
                state.status = Some("Reply dropped".into());
            }
            state.mode = Mode::List;
        }
        Action::Edit(key) => {
            if let Mode::Reply(draft) = &mut state.mode {
                draft.editor.input(key);
            }
        }
        Action::OpenTemplates => manager::open(state),
        // Bound only in the template manager, which took them above.
        Action::NewTemplate
        | Action::RenameTemplate
        | Action::DeleteTemplate
        | Action::EditTemplate
        | Action::EditExternally
        | Action::SaveTemplates
        | Action::Back
        | Action::Yes
        | Action::No => {}
        Action::Resize(width, height) => {
            state.rows = super::ui::list_rows(width, height);
            state.scroll_to_cursor();
        }
    }
    Vec::new()
}

fn decide(
    state: &mut State,
    verdict: Verdict,
    template: Option<String>,
    reply: Option<String>,
    now: OffsetDateTime,
) -> Vec<Effect> {
    let Some(index) = state.selected() else {
        return Vec::new();
    };
    let after = Decision {
        action: verdict,
        template,
        reply,
        decided_at: now,
        carried_out_at: None,
    };
    let effects = change_decision(state, index, Some(after), Op::Decide);
    if !state.move_to_pending_from(state.cursor + 1) {
        state.status = Some(format!("All {} invitations decided", state.review.total()));
    }
    effects
}

fn take_suggestion(state: &mut State, now: OffsetDateTime) -> Vec<Effect> {
    let Some(index) = state.selected() else {
        return Vec::new();
    };
    let suggestion = state.review.assess(index).suggestion;
    match suggestion.action {
        Some(Verdict::Reply) => {
            open_reply(state, suggestion.template);
            Vec::new()
        }
        Some(verdict) => decide(state, verdict, None, None, now),
        None => {
            state.status = Some(suggestion.why);
            Vec::new()
        }
    }
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

mod history;
mod reply;

#[cfg(test)]
mod tests;
