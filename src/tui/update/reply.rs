//! Drafting a reply: choosing the template, the editor, keeping the text
//! (never with a raw placeholder), and copying it.

use ratatui_textarea::TextArea;
use time::OffsetDateTime;

use super::{Effect, decide};
use crate::model::{Action as Verdict, Decision};
use crate::templates::check_reply;
use crate::tui::draft;
use crate::tui::state::{Change, Mode, ReplyDraft, State};

/// A reply that could not be kept goes back into its box, text and all.
pub(super) fn reopen_reply(state: &mut State, change: &Change) {
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

pub(super) fn pick_template(state: &mut State) {
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

pub(super) fn open_reply(state: &mut State, template: Option<&str>) {
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

pub(super) fn keep_reply(state: &mut State, now: OffsetDateTime) -> Vec<Effect> {
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
            state.status = Some("No reply kept here to copy: r drafts one".into());
            Vec::new()
        }
    }
}
