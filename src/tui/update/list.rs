//! The list of invitations, where the review happens: moving, deciding,
//! the filter and the sort, and the ways into the other modes.

use time::OffsetDateTime;

use super::batch::{clear_marks, decide_marked, has_marks, mark_range, sweep, toggle_mark};
use super::history::{change_decision, redo, undo};
use super::reply::{copy, open_reply, open_welcome, pick_template};
use super::{Effect, anywhere, checklist, manager, open_profile, overlay, search, stats};
use crate::model::{Decision, Verdict};
use crate::score::Intent;
use crate::store::journal::Op;
use crate::tui::action::Action;
use crate::tui::state::{Mode, Overlay, State};

pub(super) fn update(state: &mut State, action: Action, now: OffsetDateTime) -> Vec<Effect> {
    // A page is as many rows as the list showed on the last frame.
    let page = state.scroll.rows.max(1);
    match action {
        Action::MoveDown => state.move_cursor(state.cursor + 1),
        Action::MoveUp => state.move_cursor(state.cursor.saturating_sub(1)),
        Action::First => state.move_cursor(0),
        Action::Last => state.move_cursor(usize::MAX),
        Action::PageDown => state.move_cursor(state.cursor + page),
        Action::PageUp => state.move_cursor(state.cursor.saturating_sub(page)),
        Action::ClickRow(row) => {
            let at = state.scroll.offset + row;
            if at < state.view.len() {
                state.move_cursor(at);
            }
        }
        Action::ScrollDetailDown => {
            // Within the reach the last frame found: never into blank space.
            state.detail_scroll = state
                .detail_scroll
                .saturating_add(3)
                .min(state.scroll.detail.max)
        }
        Action::ScrollDetailUp => state.detail_scroll = state.detail_scroll.saturating_sub(3),
        Action::Accept | Action::Ignore | Action::Reply if has_marks(state) => {
            let verdict = match action {
                Action::Accept => Verdict::Accept,
                Action::Ignore => Verdict::Ignore,
                _ => Verdict::Reply,
            };
            decide_marked(state, verdict);
        }
        Action::Accept => return decide(state, Verdict::Accept, None, None, now),
        Action::Ignore => return decide(state, Verdict::Ignore, None, None, now),
        Action::Reply => {
            let suggested = state
                .selected()
                .and_then(|index| state.review.assess(index).suggestion.template);
            open_reply(state, suggested);
        }
        Action::PickTemplate => pick_template(state),
        Action::AcceptWelcome => open_welcome(state),
        Action::TakeSuggestion => return take_suggestion(state, now),
        Action::Copy => return copy(state),
        Action::OpenProfile => return open_profile(state),
        Action::ToggleChecklist => checklist::open(state),
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
            state.status = Some(if state.sort_waits {
                "Sorting by score once every invitation is scored".to_string()
            } else {
                format!("Sorted by {}", state.sort.as_str())
            });
        }
        Action::Sweep => sweep(state),
        Action::ToggleMark => toggle_mark(state),
        Action::MarkRange => mark_range(state),
        Action::ClearMarks => clear_marks(state),
        Action::Search => search::open(state),
        Action::NextMatch => search::again(state, true),
        Action::PreviousMatch => search::again(state, false),
        Action::ToggleHelp => state.mode = Mode::Help(0),
        Action::ToggleMessages => overlay::open_messages(state),
        Action::OpenTemplates => manager::open(state),
        Action::ToggleStats => stats::open(state),
        other => return anywhere(state, other),
    }
    Vec::new()
}

/// Every invitation is scored: the list that waited for it is sorted by
/// score now, the invitation under the cursor kept there, and the sweep or
/// the stats that waited open. Only in the list itself, whose positions a
/// search or the checklist would be reading, and which an overlay would
/// cover; elsewhere it waits for the next frame back in the list.
pub(super) fn scored(state: &mut State) {
    if !matches!(state.mode, Mode::List) {
        return;
    }
    if state.sort_waits {
        state.rebuild_view(state.selected());
        state.status = Some("Sorted by score".to_string());
    }
    match state.opens_when_scored.take() {
        Some(Overlay::Sweep) => sweep(state),
        Some(Overlay::Stats) => stats::open(state),
        None => {}
    }
}

/// Decides the selected invitation and moves on to the next pending one.
pub(super) fn decide(
    state: &mut State,
    verdict: Verdict,
    template: Option<String>,
    reply: Option<String>,
    now: OffsetDateTime,
) -> Vec<Effect> {
    let Some(index) = state.selected() else {
        return Vec::new();
    };
    let unchanged = state
        .review
        .decision(index)
        .is_some_and(|d| d.action == verdict && d.template == template && d.reply == reply);
    if unchanged {
        // Nothing to record: the next undo takes back what it seems to.
        state.status = Some(format!("Already {}", verdict.past()));
        state.move_to_pending_from(state.cursor + 1);
        return Vec::new();
    }
    let after = Decision {
        template,
        reply,
        ..Decision::new(verdict, now)
    };
    let effects = change_decision(state, index, Some(after), Op::Decide);
    if !state.move_to_pending_from(state.cursor + 1) {
        state.status = Some(format!("All {} invitations decided", state.review.total()));
    }
    effects
}

/// Takes the selected invitation's suggestion; on one already decided it
/// only moves on, whatever the suggestion: a decision is changed by `a`,
/// `i` or `r`, never by `Enter`.
fn take_suggestion(state: &mut State, now: OffsetDateTime) -> Vec<Effect> {
    let Some(index) = state.selected() else {
        return Vec::new();
    };
    if let Some(decision) = state.review.decision(index) {
        state.status = Some(format!(
            "Already decided: {}; a, i or r changes it",
            decision.action.as_str()
        ));
        state.move_to_pending_from(state.cursor + 1);
        return Vec::new();
    }
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
