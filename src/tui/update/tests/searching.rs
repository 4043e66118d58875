//! Search: typing finds, Enter stays, Esc goes back, n and N go on.

use super::*;

fn search(state: &State) -> &crate::tui::search::Search {
    match &state.mode {
        Mode::Search(search) => search,
        _ => panic!("no search is being typed"),
    }
}

#[test]
fn each_key_typed_moves_to_the_first_match_from_where_the_search_began() {
    let mut state = five();
    act(&mut state, Action::MoveDown);
    act(&mut state, Action::Search);
    typed(&mut state, "e");
    assert_eq!(state.selected(), Some(1), "Acme Leads, from where it began");
    typed(&mut state, "li");
    assert_eq!(state.selected(), Some(4), "Eli Brown");
    assert_eq!(search(&state).matches, [4]);
    act(&mut state, key(KeyCode::Backspace));
    act(&mut state, key(KeyCode::Backspace));
    assert_eq!(search(&state).query.typed, "e");
    assert!(search(&state).matches.len() > 1, "widening scans again");
}

#[test]
fn enter_stays_on_the_match_and_esc_goes_back() {
    let mut state = five();
    act(&mut state, Action::Search);
    typed(&mut state, "dora");
    act(&mut state, Action::Choose);
    assert!(matches!(state.mode, Mode::List));
    assert_eq!(state.selected(), Some(3));
    assert_eq!(
        state.status.as_deref(),
        Some("“dora”: match 1 of 1; n and N go on")
    );

    act(&mut state, Action::Search);
    typed(&mut state, "cara");
    assert_eq!(state.selected(), Some(0));
    act(&mut state, Action::Back);
    assert_eq!(state.selected(), Some(3), "back where it began");
}

#[test]
fn n_and_n_go_to_the_next_and_previous_match_around_the_end() {
    let mut state = people(12);
    act(&mut state, Action::Search);
    typed(&mut state, "person1");
    act(&mut state, Action::Choose);
    assert_eq!(state.selected(), Some(1));
    act(&mut state, Action::NextMatch);
    assert_eq!(state.selected(), Some(10));
    assert_eq!(state.status.as_deref(), Some("“person1”: match 2 of 3"));
    act(&mut state, Action::NextMatch);
    act(&mut state, Action::NextMatch);
    assert_eq!(state.selected(), Some(1), "around the end");
    act(&mut state, Action::PreviousMatch);
    assert_eq!(state.selected(), Some(11));
}

#[test]
fn the_note_is_searched_and_a_miss_leaves_the_cursor() {
    let mut state = five();
    act(&mut state, Action::MoveDown);
    act(&mut state, Action::Search);
    typed(&mut state, "onboarding");
    assert_eq!(state.selected(), Some(4), "in Eli's note");
    typed(&mut state, "zzz");
    assert_eq!(state.selected(), Some(1), "no match: where it began");
    act(&mut state, Action::Choose);
    assert_eq!(
        state.status.as_deref(),
        Some("No match for “onboardingzzz”")
    );
}

#[test]
fn n_before_any_search_says_how_to_search() {
    let mut state = five();
    act(&mut state, Action::NextMatch);
    assert_eq!(state.status.as_deref(), Some("No search yet: / searches"));
}

#[test]
fn a_search_typed_then_accepted_decides_the_match() {
    let mut state = five();
    act(&mut state, Action::Search);
    typed(&mut state, "ben");
    act(&mut state, Action::Choose);
    act(&mut state, Action::Accept);
    assert_eq!(action_at(&state, 2), Some(Verdict::Accept));
}
