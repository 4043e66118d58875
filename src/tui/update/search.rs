//! Search (`/`): each key typed moves the cursor to the first match from
//! where the search began; `Enter` stays there, `Esc` goes back; `n` and
//! `N` then go to the next and previous match of the search kept.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Effect, anywhere};
use crate::tui::action::Action;
use crate::tui::keymap::{KeyContext, with_key};
use crate::tui::search::{Query, Search, matching};
use crate::tui::state::{Mode, State};

pub(super) fn open(state: &mut State) {
    state.mode = Mode::Search(Search {
        origin: (state.cursor, state.scroll.offset),
        ..Search::default()
    });
}

pub(super) fn update(state: &mut State, action: Action) -> Vec<Effect> {
    let Mode::Search(mut search) = std::mem::replace(&mut state.mode, Mode::List) else {
        return Vec::new();
    };
    match action {
        Action::Edit(key) => {
            if let Some(typed) = edited(&search.query.typed, key) {
                let earlier = std::mem::replace(&mut search.query, Query::new(&typed));
                find(state, &mut search, &earlier);
            }
        }
        Action::NextMatch => step(state, &search.matches, true),
        Action::PreviousMatch => step(state, &search.matches, false),
        Action::Choose => {
            keep(state, search);
            return Vec::new();
        }
        Action::Back => {
            let (cursor, offset) = search.origin;
            state.move_cursor(cursor);
            state.scroll.offset = offset;
            return Vec::new();
        }
        other => {
            state.mode = Mode::Search(search);
            return anywhere(state, other);
        }
    }
    state.mode = Mode::Search(search);
    Vec::new()
}

/// The query after `key`: a character typed, one taken back, or all of it
/// cleared (Ctrl-u); `None` for a key that does not edit.
fn edited(typed: &str, key: KeyEvent) -> Option<String> {
    let control = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('u') if control => Some(String::new()),
        KeyCode::Char(c) if !control => Some(format!("{typed}{c}")),
        KeyCode::Backspace => {
            let mut typed = typed.to_string();
            typed.pop();
            Some(typed)
        }
        _ => None,
    }
}

/// Finds the rows the query matches (among `earlier`'s matches, when typing
/// only narrowed it) and moves to the first at or after where the search
/// began; back there when nothing matches.
fn find(state: &mut State, search: &mut Search, earlier: &Query) {
    let invitations = &state.review.queue.invitations;
    let query = &search.query;
    search.matches = if query.narrows(earlier) {
        let earlier = &search.matches;
        let at = |n: usize| earlier[n];
        matching(
            query,
            earlier.len(),
            at,
            &state.view,
            invitations,
            &mut state.folds,
        )
    } else {
        let all = |n: usize| n;
        matching(
            query,
            state.view.len(),
            all,
            &state.view,
            invitations,
            &mut state.folds,
        )
    };
    let (origin, _) = search.origin;
    let first = search
        .matches
        .iter()
        .find(|&&position| position >= origin)
        .or(search.matches.first());
    state.move_cursor(first.copied().unwrap_or(origin));
}

/// Moves to the next (or previous) of `matches` from the cursor, around
/// the end, and says which of them it is.
fn step(state: &mut State, matches: &[usize], forward: bool) {
    let cursor = state.cursor;
    let next = if forward {
        matches.iter().find(|&&p| p > cursor).or(matches.first())
    } else {
        matches
            .iter()
            .rev()
            .find(|&&p| p < cursor)
            .or(matches.last())
    };
    if let Some(&position) = next {
        state.move_cursor(position);
    }
}

/// "3 of 17": which match the cursor is on.
fn tell_place(matches: &[usize], cursor: usize) -> String {
    match matches.iter().position(|&p| p == cursor) {
        Some(n) => format!("match {} of {}", n + 1, matches.len()),
        None => format!("{} matches", matches.len()),
    }
}

/// `Enter`: stays on the match and keeps the search for `n` and `N`.
fn keep(state: &mut State, search: Search) {
    if search.query.is_empty() {
        return;
    }
    let typed = &search.query.typed;
    state.status = Some(if search.matches.is_empty() {
        format!("No match for “{typed}”{}", filter_hint(state))
    } else {
        let told = state.keymap.keys(KeyContext::List, Action::NextMatch);
        let back = state.keymap.keys(KeyContext::List, Action::PreviousMatch);
        let keys = match (told.first(), back.first()) {
            (Some(next), Some(previous)) => Some(format!("{next} and {previous} go on")),
            _ => None,
        };
        with_key(
            format!("“{typed}”: {}", tell_place(&search.matches, state.cursor)),
            "; ",
            keys,
        )
    });
    state.last_search = Some(search.query);
}

/// "; f shows all" when the filter hides rows a search could find.
fn filter_hint(state: &State) -> String {
    if state.filter == crate::model::Filter::All && state.intent.is_none() {
        return String::new();
    }
    state
        .keymap
        .tell(KeyContext::List, Action::CycleFilter, "changes the filter")
        .map(|told| format!(" among the rows shown; {told}"))
        .unwrap_or_default()
}

/// `n` and `N` in the list: the next or previous match of the search kept.
pub(super) fn again(state: &mut State, forward: bool) {
    let Some(query) = state.last_search.clone() else {
        let told = state
            .keymap
            .tell(KeyContext::List, Action::Search, "searches");
        state.status = Some(with_key("No search yet", ": ", told));
        return;
    };
    let invitations = &state.review.queue.invitations;
    let all = |n: usize| n;
    let matches = matching(
        &query,
        state.view.len(),
        all,
        &state.view,
        invitations,
        &mut state.folds,
    );
    if matches.is_empty() {
        state.status = Some(format!(
            "No match for “{}”{}",
            query.typed,
            filter_hint(state)
        ));
        return;
    }
    step(state, &matches, forward);
    state.status = Some(format!(
        "“{}”: {}",
        query.typed,
        tell_place(&matches, state.cursor)
    ));
}
