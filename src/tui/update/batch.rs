//! Batches: the sweep (`x`), marking (`Space`, `v`), deciding the marked
//! invitations (`a`, `i`, `r` with marks), and the preview that shows a
//! batch before it is made, as one step.

use time::OffsetDateTime;

use super::history::change_decisions;
use super::{Effect, anywhere};
use crate::model::{Decision, Verdict};
use crate::store::journal::Op;
use crate::templates::{self, check_reply};
use crate::tui::action::Action;
use crate::tui::batch::{Batch, Entry, Origin};
use crate::tui::keymap::{KeyContext, with_key};
use crate::tui::state::{Mode, Overlay, State};

/// Opens the sweep's preview, or says there is nothing sure to sweep; on
/// a queue with too many rows left to score, once they are scored.
pub(super) fn sweep(state: &mut State) {
    if state.must_wait_for_scores() {
        state.opens_when_scored = Some(Overlay::Sweep);
        state.status = Some("The sweep opens once every invitation is scored".to_string());
        return;
    }
    let batch = Batch::sweep(&state.review);
    if batch.entries.is_empty() {
        let mut text = "Nothing to sweep: no pending invitation has a sure suggestion".to_string();
        if let Some(why) = batch.left_out.first() {
            text = format!("{text} to accept or ignore ({why})");
        }
        state.status = Some(text);
    } else {
        state.mode = Mode::Batch(Box::new(batch));
    }
}

/// Marks the selected invitation, or unmarks it, and moves on.
pub(super) fn toggle_mark(state: &mut State) {
    let Some(index) = state.selected() else {
        return;
    };
    if !state.marks.remove(&index) {
        state.marks.insert(index);
    }
    state.move_cursor(state.cursor + 1);
    tell_marks(state);
}

/// Begins a range at the cursor, or marks the range begun.
pub(super) fn mark_range(state: &mut State) {
    if state.range_from.is_some() {
        let marked = state.marked();
        state.marks.extend(marked);
        state.range_from = None;
        tell_marks(state);
    } else if let Some(index) = state.selected() {
        state.range_from = Some(index);
        let told = state
            .keymap
            .tell(KeyContext::List, Action::MarkRange, "marks it");
        state.status = Some(with_key("Marking from here: move", ", then ", told));
    }
}

/// Drops the range being marked, else the marks.
pub(super) fn clear_marks(state: &mut State) {
    if state.range_from.take().is_some() {
        state.status = Some("Range dropped".into());
    } else if !state.marks.is_empty() {
        state.marks.clear();
        state.status = Some("Marks dropped".into());
    }
}

fn tell_marks(state: &mut State) {
    let count = state.marked().len();
    let told = state
        .keymap
        .tell(KeyContext::List, Action::ClearMarks, "drops them");
    let text = format!(
        "{count} marked: a, i or r decides them all{}",
        told.map(|t| format!("; {t}")).unwrap_or_default()
    );
    state.status = Some(text);
}

/// Whether `a`, `i` or `r` is for the marked invitations.
pub(super) fn has_marks(state: &State) -> bool {
    !state.marks.is_empty() || state.range_from.is_some()
}

/// Shows the marked invitations to be decided `verdict`, before deciding
/// them; one already decided so is left out. A reply is drafted from each
/// invitation's suggested template; a draft with a gap is left out, for the
/// reviewer to write.
pub(super) fn decide_marked(state: &mut State, verdict: Verdict) {
    if verdict == Verdict::Reply && state.templates.as_slice().is_empty() {
        super::reply::no_template(state);
        return;
    }
    let mut entries = Vec::new();
    let mut already = 0;
    let mut gaps = Vec::new();
    for index in state.marked() {
        if state.review.decision(index).map(|d| d.action) == Some(verdict) {
            already += 1;
            continue;
        }
        let mut entry = Entry::new(index, verdict);
        if verdict == Verdict::Reply {
            match draft_reply(state, index) {
                Some(reply) => entry.reply = Some(reply),
                None => {
                    gaps.push(state.review.invitation(index).profile.name.clone());
                    continue;
                }
            }
        }
        entries.push(entry);
    }
    let mut left_out = Vec::new();
    if already > 0 {
        left_out.push(format!("{already} already {}", verdict.past()));
    }
    if !gaps.is_empty() {
        left_out.push(format!(
            "Left out, their draft has a gap to fill by hand (r): {}",
            gaps.join(", ")
        ));
    }
    if entries.is_empty() {
        state.status = Some(format!("Nothing to decide: {}", left_out.join("; ")));
        return;
    }
    state.mode = Mode::Batch(Box::new(Batch::new(Origin::Marks, entries, left_out)));
}

/// The reply to invitation `index` from its suggested template, when it
/// drafts whole: (template, text).
fn draft_reply(state: &State, index: usize) -> Option<(String, String)> {
    let review = &state.review;
    let suggested = review.assess(index).suggestion.template;
    let values = templates::Values::new(review.invitation(index), &review.queue.owner);
    let draft = templates::draft(
        &state.templates,
        &values,
        suggested,
        super::reply::DEFAULT_TEMPLATE,
    )?;
    let text = draft.text.trim().to_string();
    (draft.missing.is_empty() && check_reply(&text).is_ok()).then_some((draft.template, text))
}

/// The preview: moving, leaving entries out, deciding them all, or going
/// back with nothing decided.
pub(super) fn update(state: &mut State, action: Action, now: OffsetDateTime) -> Vec<Effect> {
    let page = state.scroll.rows.max(1);
    let Mode::Batch(batch) = &mut state.mode else {
        return Vec::new();
    };
    match action {
        Action::MoveDown => batch.move_to(batch.cursor + 1),
        Action::MoveUp => batch.move_to(batch.cursor.saturating_sub(1)),
        Action::First => batch.move_to(0),
        Action::Last => batch.move_to(usize::MAX),
        Action::PageDown => batch.move_to(batch.cursor + page),
        Action::PageUp => batch.move_to(batch.cursor.saturating_sub(page)),
        Action::ToggleMark => batch.toggle(),
        Action::Choose => return apply(state, now),
        Action::Back => state.mode = Mode::List,
        other => return anywhere(state, other),
    }
    Vec::new()
}

/// Decides every entry kept, as one step, and goes back to the list on the
/// first pending invitation from the cursor.
fn apply(state: &mut State, now: OffsetDateTime) -> Vec<Effect> {
    let Mode::Batch(batch) = std::mem::replace(&mut state.mode, Mode::List) else {
        return Vec::new();
    };
    let changes: Vec<_> = batch
        .included()
        .map(|entry| {
            let (template, reply) = entry.reply.clone().unzip();
            let decision = Decision {
                template,
                reply,
                ..Decision::new(entry.verdict, now)
            };
            (entry.index, Some(decision))
        })
        .collect();
    if changes.is_empty() {
        state.status = Some("Nothing decided: every entry was left out".into());
        return Vec::new();
    }
    let done: Vec<String> = batch
        .counts()
        .into_iter()
        .filter(|&(_, included, _)| included > 0)
        .map(|(verdict, included, _)| format!("{included} {}", verdict.past()))
        .collect();
    let what = match batch.origin {
        Origin::Sweep => "Swept",
        Origin::Marks => "Decided",
    };
    let told = state
        .keymap
        .tell(KeyContext::List, Action::Undo, "takes it all back");
    state.status = Some(with_key(format!("{what}: {}", done.join(", ")), "; ", told));
    if batch.origin == Origin::Marks {
        state.marks.clear();
        state.range_from = None;
    }
    let effects = change_decisions(state, changes, Op::Decide);
    state.move_to_pending_from(state.cursor);
    effects
}
