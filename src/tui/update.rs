//! The one place the console's state changes. No I/O, no terminal: what
//! must happen outside comes back as [`Effect`]s for the app to run.

use ratatui_textarea::TextArea;
use time::OffsetDateTime;

use super::action::Action;
use super::checklist;
use super::draft;
use super::manager;
use super::state::{Change, Mode, ReplyDraft, State};
use crate::model::{Action as Verdict, Decision};
use crate::score::Intent;
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

/// The journal could not take the last change: put it back as it was, so
/// that the screen never shows a decision that is not on disk.
pub fn journal_failed(state: &mut State, op: Op, error: &str) {
    let change = match op {
        Op::Decide | Op::Redo | Op::Tick => state.done.pop(),
        Op::Undo => state.undone.pop(),
    };
    if let Some(change) = change {
        let previous = match op {
            Op::Undo => change.after.clone(),
            Op::Decide | Op::Redo | Op::Tick => change.before.clone(),
        };
        state.review.set(change.index, previous);
        if !matches!(state.mode, Mode::Checklist(_)) {
            show(state, change.index);
        }
        match op {
            Op::Redo => state.undone.push(change),
            Op::Undo => state.done.push(change),
            Op::Decide => {
                state.undone = std::mem::take(&mut state.cleared_redo);
                reopen_reply(state, &change);
            }
            Op::Tick => state.undone = std::mem::take(&mut state.cleared_redo),
        }
    }
    state.status = Some(format!("Not saved, nothing changed: {error}"));
}

/// A reply that could not be kept goes back into its box, text and all.
fn reopen_reply(state: &mut State, change: &Change) {
    let Some(Decision {
        action: Verdict::Reply,
        template: Some(template),
        reply: Some(text),
        ..
    }) = &change.after
    else {
        return;
    };
    state.mode = Mode::Reply(Box::new(ReplyDraft {
        index: change.index,
        template: template.clone(),
        editor: editor_with(text),
        missing: Vec::new(),
    }));
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

/// Sets invitation `index`'s decision as a new step in the history, for
/// the app to record.
pub fn change_decision(
    state: &mut State,
    index: usize,
    after: Option<Decision>,
    op: Op,
) -> Vec<Effect> {
    let before = state.review.set(index, after.clone());
    let change = Change {
        index,
        before,
        after,
    };
    state.done.push(change.clone());
    state.cleared_redo = std::mem::take(&mut state.undone);
    vec![Effect::Record { op, change }]
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
    state.mode = Mode::Reply(Box::new(ReplyDraft {
        index,
        template: draft.template,
        editor: editor_with(&draft.text),
        missing: draft.missing,
    }));
}

/// A reply editor holding `text`, with the cursor at its end.
fn editor_with(text: &str) -> TextArea<'static> {
    let mut editor = TextArea::new(text.lines().map(str::to_string).collect());
    editor.set_wrap_mode(ratatui_textarea::WrapMode::Word);
    editor.move_cursor(ratatui_textarea::CursorMove::Bottom);
    editor.move_cursor(ratatui_textarea::CursorMove::End);
    editor
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
