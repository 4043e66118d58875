//! Drafting a reply: the template picker, the reply box (keeping the text,
//! never with a raw placeholder), and copying a reply.

use ratatui_textarea::CursorMove;
use time::OffsetDateTime;

use super::list::decide;
use super::{Effect, anywhere};
use crate::model::{Decision, Verdict};
use crate::score::policy::template::HOW_DO_WE_KNOW;
use crate::templates::{self, check_reply};
use crate::tui::action::Action;
use crate::tui::editor::Editor;
use crate::tui::effect::Change;
use crate::tui::keymap::{KeyContext, with_key};
use crate::tui::state::{Mode, ReplyDraft, State};

/// The template a reply falls back on when none is asked for or the one
/// asked for is gone.
pub(super) const DEFAULT_TEMPLATE: &str = HOW_DO_WE_KNOW;

/// The template picker: choosing, or going back to the list.
pub(super) fn picker(state: &mut State, action: Action) -> Vec<Effect> {
    let Mode::PickTemplate(choice) = &mut state.mode else {
        return Vec::new();
    };
    let last = state.templates.as_slice().len().saturating_sub(1);
    match action {
        Action::MoveDown => *choice = (*choice + 1).min(last),
        Action::MoveUp => *choice = choice.saturating_sub(1),
        Action::Choose => {
            let name = state
                .templates
                .as_slice()
                .get(*choice)
                .map(|t| t.name.clone());
            open_reply(state, name.as_deref());
        }
        Action::CancelReply => state.mode = Mode::List,
        other => return anywhere(state, other),
    }
    Vec::new()
}

/// The reply box: typing, keeping, copying, or dropping the draft.
pub(super) fn update(state: &mut State, action: Action, now: OffsetDateTime) -> Vec<Effect> {
    match action {
        Action::KeepReply => return keep_reply(state, now),
        Action::Copy => return copy(state),
        Action::CancelReply => {
            state.status = Some("Reply dropped".into());
            state.mode = Mode::List;
        }
        Action::Edit(key) => {
            if let Mode::Reply(draft) = &mut state.mode {
                draft.editor.input(key);
            }
        }
        Action::Undo | Action::Redo => {
            if let Mode::Reply(draft) = &mut state.mode {
                let done = match action {
                    Action::Undo => draft.editor.undo(),
                    _ => draft.editor.redo(),
                };
                if !done {
                    state.status = Some("Nothing to take back or make again".into());
                }
            }
        }
        other => return anywhere(state, other),
    }
    Vec::new()
}

/// A reply (or a welcome) that could not be kept goes back into its box,
/// text and all.
pub(super) fn reopen_reply(state: &mut State, change: &Change) {
    let Some(Decision {
        action: verdict @ (Verdict::Reply | Verdict::Accept),
        template: Some(template),
        reply: Some(text),
        ..
    }) = &change.after
    else {
        return;
    };
    state.mode = Mode::Reply(Box::new(ReplyDraft {
        index: change.index,
        verdict: *verdict,
        template: template.clone(),
        editor: editor_with(text),
        missing: Vec::new(),
    }));
}

/// There is no template to draft with: say where templates are made.
pub(super) fn no_template(state: &mut State) {
    let told = state.keymap.tell(
        KeyContext::List,
        Action::OpenTemplates,
        "opens the template manager",
    );
    state.status = Some(with_key("There is no reply template", ": ", told));
}

pub(super) fn pick_template(state: &mut State) {
    if state.selected().is_none() {
        return;
    }
    if state.templates.as_slice().is_empty() {
        no_template(state);
        return;
    }
    let suggested = state
        .selected()
        .and_then(|index| state.review.assess(index).suggestion.template);
    let choice = suggested
        .or(Some(DEFAULT_TEMPLATE))
        .and_then(|name| state.templates.index_of(name))
        .unwrap_or(0);
    state.mode = Mode::PickTemplate(choice);
}

pub(super) fn open_reply(state: &mut State, template: Option<&str>) {
    open_draft(state, template, Verdict::Reply);
}

/// The template accept-and-welcome drafts with.
const WELCOME_TEMPLATE: &str = "welcome";

/// Drafts the welcome message; keeping it accepts. Without a `welcome`
/// template nothing is drafted: another template's text would be no welcome.
pub(super) fn open_welcome(state: &mut State) {
    if state.templates.index_of(WELCOME_TEMPLATE).is_none() {
        let told = state.keymap.tell(
            KeyContext::List,
            Action::OpenTemplates,
            "opens the template manager",
        );
        state.status = Some(with_key(
            format!("There is no template named `{WELCOME_TEMPLATE}`"),
            ": ",
            told,
        ));
        return;
    }
    open_draft(state, Some(WELCOME_TEMPLATE), Verdict::Accept);
}

/// Opens the reply box on `template`'s text for the selected invitation;
/// keeping it decides `verdict`.
fn open_draft(state: &mut State, template: Option<&str>, verdict: Verdict) {
    let Some(index) = state.selected() else {
        return;
    };
    let review = &state.review;
    let context = templates::Values::new(review.invitation(index), &review.queue.owner);
    let Some(draft) = templates::draft(&state.templates, &context, template, DEFAULT_TEMPLATE)
    else {
        state.mode = Mode::List;
        no_template(state);
        return;
    };
    if let Some(wanted) = template.filter(|&wanted| wanted != draft.template) {
        state.status = Some(format!(
            "There is no template `{wanted}`, which the {} policy replies with: drafted with `{}`",
            review.policy(),
            draft.template
        ));
    }
    state.mode = Mode::Reply(Box::new(ReplyDraft {
        index,
        verdict,
        template: draft.template,
        editor: editor_with(&draft.text),
        missing: draft.missing,
    }));
}

/// A reply editor holding `text`, with the cursor at its end.
fn editor_with(text: &str) -> Editor {
    let mut editor = Editor::new(text);
    editor.move_cursor(CursorMove::Bottom);
    editor.move_cursor(CursorMove::End);
    editor
}

fn keep_reply(state: &mut State, now: OffsetDateTime) -> Vec<Effect> {
    let Mode::Reply(draft) = &state.mode else {
        return Vec::new();
    };
    let text = draft.editor.lines().join("\n").trim().to_string();
    if let Err(problem) = check_reply(&text) {
        let told = state
            .keymap
            .key(KeyContext::Reply, Action::CancelReply)
            .map(|key| format!("press {key}"));
        let text = with_key(format!("Not kept: {problem}; edit it"), " or ", told);
        state.status = Some(text);
        return Vec::new();
    }
    let (index, verdict, template) = (draft.index, draft.verdict, draft.template.clone());
    state.mode = Mode::List;
    state.move_cursor(
        state
            .view
            .iter()
            .position(|&i| i == index)
            .unwrap_or(state.cursor),
    );
    decide(state, verdict, Some(template), Some(text), now)
}

/// The reply being drafted, else the one kept for the selected invitation.
pub(super) fn copy(state: &mut State) -> Vec<Effect> {
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
            let told = state
                .keymap
                .tell(KeyContext::List, Action::Reply, "drafts one");
            state.status = Some(with_key("No reply kept here to copy", ": ", told));
            Vec::new()
        }
    }
}
