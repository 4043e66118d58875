//! Moving the cursor.

use super::*;

// Moving

#[test]
fn up_and_down_move_one_row_and_stop_at_the_ends() {
    let mut state = five();
    assert_eq!(state.selected(), Some(0));
    assert!(act(&mut state, Action::MoveUp).is_empty());
    assert_eq!(state.cursor, 0);
    act(&mut state, Action::MoveDown);
    assert_eq!(state.selected(), Some(1));
    for _ in 0..10 {
        assert!(act(&mut state, Action::MoveDown).is_empty());
    }
    assert_eq!(state.cursor, 4);
    act(&mut state, Action::MoveUp);
    assert_eq!(state.cursor, 3);
    assert_eq!(state.review.decided(), 0);
}

#[test]
fn first_and_last_jump_to_the_ends() {
    let mut state = five();
    act(&mut state, Action::Last);
    assert_eq!(state.cursor, 4);
    act(&mut state, Action::Last);
    assert_eq!(state.cursor, 4);
    act(&mut state, Action::First);
    assert_eq!(state.cursor, 0);
}

#[test]
fn pages_move_by_the_rows_on_screen_and_keep_the_cursor_visible() {
    let mut state = people(30);
    act(&mut state, Action::Resize(100, 12));
    let rows = crate::tui::ui::list_rows(100, 12);
    assert_eq!(state.rows, rows);
    assert!(rows > 1 && rows < 30, "{rows}");

    act(&mut state, Action::PageDown);
    assert_eq!(state.cursor, rows);
    act(&mut state, Action::PageDown);
    assert_eq!(state.cursor, 2 * rows);
    assert!(state.offset <= state.cursor && state.cursor < state.offset + rows);

    act(&mut state, Action::PageUp);
    assert_eq!(state.cursor, rows);
    assert!(state.offset <= state.cursor && state.cursor < state.offset + rows);

    for _ in 0..10 {
        act(&mut state, Action::PageDown);
    }
    assert_eq!(state.cursor, 29);
    assert_eq!(state.offset, 30 - rows);

    act(&mut state, Action::First);
    act(&mut state, Action::MoveDown);
    act(&mut state, Action::PageUp);
    assert_eq!((state.cursor, state.offset), (0, 0));
}

#[test]
fn a_smaller_terminal_scrolls_the_cursor_back_into_view() {
    let mut state = people(30);
    act(&mut state, Action::Resize(100, 40));
    act(&mut state, Action::Last);
    act(&mut state, Action::MoveUp);
    act(&mut state, Action::Resize(100, 12));
    let rows = state.rows;
    assert!(state.offset <= state.cursor && state.cursor < state.offset + rows);
    assert_eq!(state.cursor, 28);
}
