//! The one place the console's state changes. No I/O, no terminal: what
//! must happen outside comes back as [`Effect`]s for the app to run.

use ratatui_textarea::TextArea;
use time::OffsetDateTime;

use super::action::Action;
use super::draft;
use super::manager;
use super::state::{Change, Mode, ReplyDraft, State};
use crate::model::{Action as Verdict, Decision};
use crate::store::journal::Op;
use crate::templates::{Templates, check_reply};

/// Work for the app, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Append this change to the journal, synced, before the next frame.
    Record { op: Op, change: Change },
    /// Hand the terminal back to the shell until the reviewer resumes.
    Suspend,
    /// Put this text on the clipboard.
    Copy(String),
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
            Op::Decide | Op::Redo => change.after.as_ref(),
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
    match action {
        Action::MoveDown | Action::MoveUp if matches!(state.mode, Mode::PickTemplate(_)) => {}
        Action::MoveDown => state.move_cursor(state.cursor + 1),
        Action::MoveUp => state.move_cursor(state.cursor.saturating_sub(1)),
        Action::First => state.move_cursor(0),
        Action::Last => state.move_cursor(usize::MAX),
        Action::PageDown => state.move_cursor(state.cursor + state.rows.max(1)),
        Action::PageUp => state.move_cursor(state.cursor.saturating_sub(state.rows.max(1))),
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
        Action::TakeSuggestion => return take_suggestion(state, now),
        Action::Undo => return undo(state),
        Action::Redo => return redo(state),
        Action::CycleFilter => {
            state.filter = state.filter.next();
            state.rebuild_view(state.selected());
            state.status = Some(format!("Showing {} invitations", state.filter.as_str()));
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

/// The journal could not take the last change: put it back as it was, so
/// that the screen never shows a decision that is not on disk.
pub fn journal_failed(state: &mut State, op: Op, error: &str) {
    let change = match op {
        Op::Decide | Op::Redo => state.done.pop(),
        Op::Undo => state.undone.pop(),
    };
    if let Some(change) = change {
        let previous = match op {
            Op::Undo => change.after.clone(),
            Op::Decide | Op::Redo => change.before.clone(),
        };
        state.review.set(change.index, previous);
        match op {
            Op::Redo => state.undone.push(change),
            Op::Undo => state.done.push(change),
            Op::Decide => {}
        }
    }
    state.status = Some(format!("Not saved, nothing changed: {error}"));
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
    let after = Some(Decision {
        action: verdict,
        template,
        reply,
        decided_at: now,
    });
    let before = state.review.set(index, after.clone());
    let change = Change {
        index,
        before,
        after,
    };
    state.done.push(change.clone());
    state.undone.clear();
    if !state.move_to_pending_from(state.cursor + 1) {
        state.status = Some(format!("All {} invitations decided", state.review.len()));
    }
    vec![Effect::Record {
        op: Op::Decide,
        change,
    }]
}

fn take_suggestion(state: &mut State, now: OffsetDateTime) -> Vec<Effect> {
    let Some(index) = state.selected() else {
        return Vec::new();
    };
    let suggestion = state.review.assess(index).suggestion;
    match suggestion.action {
        Verdict::Reply => {
            open_reply(state, suggestion.template);
            Vec::new()
        }
        verdict => decide(state, verdict, None, None, now),
    }
}

fn pick_template(state: &mut State) {
    if state.selected().is_none() {
        return;
    }
    if state.templates.as_slice().is_empty() {
        state.status = Some("There is no reply template: t opens the template manager".into());
        return;
    }
    let suggested = state
        .selected()
        .and_then(|index| state.review.assess(index).suggestion.template);
    let choice = suggested
        .or(Some(draft::DEFAULT_TEMPLATE))
        .and_then(|name| state.templates.index_of(name))
        .unwrap_or(0);
    state.mode = Mode::PickTemplate(choice);
}

fn open_reply(state: &mut State, template: Option<&str>) {
    let Some(index) = state.selected() else {
        return;
    };
    let Some(draft) = draft::draft(&state.review, &state.templates, index, template) else {
        state.mode = Mode::List;
        state.status = Some("There is no reply template: t opens the template manager".into());
        return;
    };
    let mut editor = TextArea::new(draft.text.lines().map(str::to_string).collect());
    editor.set_wrap_mode(ratatui_textarea::WrapMode::Word);
    editor.move_cursor(ratatui_textarea::CursorMove::Bottom);
    editor.move_cursor(ratatui_textarea::CursorMove::End);
    state.mode = Mode::Reply(Box::new(ReplyDraft {
        index,
        template: draft.template,
        editor,
        missing: draft.missing,
    }));
}

fn keep_reply(state: &mut State, now: OffsetDateTime) -> Vec<Effect> {
    let Mode::Reply(draft) = &state.mode else {
        return Vec::new();
    };
    let text = draft.editor.lines().join("\n").trim().to_string();
    if let Err(problem) = check_reply(&text) {
        state.status = Some(format!("Not kept: {problem}; edit it or press Esc"));
        return Vec::new();
    }
    let (index, template) = (draft.index, draft.template.clone());
    state.mode = Mode::List;
    state.move_cursor(
        state
            .view
            .iter()
            .position(|&i| i == index)
            .unwrap_or(state.cursor),
    );
    decide(state, Verdict::Reply, Some(template), Some(text), now)
}

/// The reply being drafted, else the one kept for the selected invitation.
fn copy(state: &mut State) -> Vec<Effect> {
    let text = match &state.mode {
        Mode::Reply(draft) => Some(draft.editor.lines().join("\n")),
        _ => state
            .selected()
            .and_then(|index| state.review.decision(index))
            .and_then(|decision| decision.reply.clone()),
    };
    match text {
        Some(text) => {
            state.status = Some("Reply copied to the clipboard".into());
            vec![Effect::Copy(text)]
        }
        None => {
            state.status = Some("No reply kept here to copy: r drafts one".into());
            Vec::new()
        }
    }
}

fn undo(state: &mut State) -> Vec<Effect> {
    let Some(change) = state.done.pop() else {
        state.status = Some("Nothing to undo".into());
        return Vec::new();
    };
    state.review.set(change.index, change.before.clone());
    show(state, change.index);
    state.undone.push(change.clone());
    vec![Effect::Record {
        op: Op::Undo,
        change,
    }]
}

fn redo(state: &mut State) -> Vec<Effect> {
    let Some(change) = state.undone.pop() else {
        state.status = Some("Nothing to redo".into());
        return Vec::new();
    };
    state.review.set(change.index, change.after.clone());
    show(state, change.index);
    state.done.push(change.clone());
    vec![Effect::Record {
        op: Op::Redo,
        change,
    }]
}

/// Puts the cursor on queue index `index`, showing it even when the filter
/// would hide it.
fn show(state: &mut State, index: usize) {
    match state.view.iter().position(|&i| i == index) {
        Some(position) => state.move_cursor(position),
        None => {
            state.filter = crate::model::Filter::All;
            state.rebuild_view(Some(index));
        }
    }
}

#[cfg(test)]
mod tests;
