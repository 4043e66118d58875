//! The one place the console's state changes. No I/O, no terminal: what
//! must happen outside comes back as [`Effect`]s for the app to run.

use ratatui_textarea::TextArea;
use time::OffsetDateTime;

use super::action::Action;
use super::draft;
use super::state::{Change, Mode, ReplyDraft, State};
use crate::model::{Action as Verdict, Decision};
use crate::store::journal::Op;

/// Work for the app, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Append this change to the journal, synced, before the next frame.
    Record { op: Op, change: Change },
    /// Hand the terminal back to the shell until the reviewer resumes.
    Suspend,
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
    match action {
        Action::MoveDown => state.move_cursor(state.cursor + 1),
        Action::MoveUp => state.move_cursor(state.cursor.saturating_sub(1)),
        Action::First => state.move_cursor(0),
        Action::Last => state.move_cursor(usize::MAX),
        Action::PageDown => state.move_cursor(state.cursor + state.rows.max(1)),
        Action::PageUp => state.move_cursor(state.cursor.saturating_sub(state.rows.max(1))),
        Action::Accept => return decide(state, Verdict::Accept, None, None, now),
        Action::Ignore => return decide(state, Verdict::Ignore, None, None, now),
        Action::Reply => open_reply(state, None),
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
            state.mode = Mode::List;
            state.status = Some("Reply dropped".into());
        }
        Action::Edit(key) => {
            if let Mode::Reply(draft) = &mut state.mode {
                draft.editor.input(key);
            }
        }
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

fn open_reply(state: &mut State, template: Option<&str>) {
    let Some(index) = state.selected() else {
        return;
    };
    let (template, text) = draft::draft(&state.review, index, template);
    let mut editor = TextArea::new(text.lines().map(str::to_string).collect());
    editor.set_wrap_mode(ratatui_textarea::WrapMode::Word);
    editor.move_cursor(ratatui_textarea::CursorMove::Bottom);
    editor.move_cursor(ratatui_textarea::CursorMove::End);
    state.mode = Mode::Reply(Box::new(ReplyDraft {
        index,
        template,
        editor,
    }));
}

fn keep_reply(state: &mut State, now: OffsetDateTime) -> Vec<Effect> {
    let Mode::Reply(draft) = &state.mode else {
        return Vec::new();
    };
    let text = draft.editor.lines().join("\n").trim().to_string();
    if text.is_empty() {
        state.status = Some("The reply is empty; write something or press Esc".into());
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
