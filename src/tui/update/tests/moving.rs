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

/// The row under the cursor on `screen`.
fn cursor_row(screen: &str) -> &str {
    screen.lines().find(|l| l.contains('▶')).unwrap_or_default()
}

#[test]
fn pages_move_by_the_rows_the_list_showed_and_the_cursor_stays_on_screen() {
    let mut state = people(30);
    frame(&mut state, 100, 12);
    let rows = state.scroll.rows;
    assert!(rows > 1 && rows < 30, "{rows}");

    act(&mut state, Action::PageDown);
    assert_eq!(state.cursor, rows);
    act(&mut state, Action::PageDown);
    assert_eq!(state.cursor, 2 * rows);
    let screen = frame(&mut state, 100, 12);
    assert!(
        cursor_row(&screen).contains(&format!("Person{} Surname", 2 * rows)),
        "{screen}"
    );

    act(&mut state, Action::PageUp);
    assert_eq!(state.cursor, rows);
    let screen = frame(&mut state, 100, 12);
    assert!(
        cursor_row(&screen).contains(&format!("Person{rows} Surname")),
        "{screen}"
    );

    for _ in 0..10 {
        act(&mut state, Action::PageDown);
    }
    assert_eq!(state.cursor, 29);
    frame(&mut state, 100, 12);
    assert_eq!(state.scroll.offset, 30 - rows, "the last row at the bottom");

    act(&mut state, Action::First);
    act(&mut state, Action::MoveDown);
    act(&mut state, Action::PageUp);
    frame(&mut state, 100, 12);
    assert_eq!((state.cursor, state.scroll.offset), (0, 0));
}

#[test]
fn the_list_moves_only_as_far_as_the_cursor_needs() {
    let mut state = people(30);
    frame(&mut state, 100, 12);
    let rows = state.scroll.rows;
    act(&mut state, Action::Last);
    frame(&mut state, 100, 12);
    let bottom = state.scroll.offset;
    act(&mut state, Action::MoveUp);
    let screen = frame(&mut state, 100, 12);
    assert_eq!(state.scroll.offset, bottom, "still on screen: no scroll");
    assert!(cursor_row(&screen).contains("Person28 Surname"), "{screen}");
    for _ in 0..rows {
        act(&mut state, Action::MoveUp);
    }
    frame(&mut state, 100, 12);
    assert_eq!(state.scroll.offset, state.cursor, "one above: to the top");
}

#[test]
fn a_smaller_terminal_scrolls_the_cursor_back_into_view() {
    let mut state = people(30);
    frame(&mut state, 100, 40);
    act(&mut state, Action::Last);
    act(&mut state, Action::MoveUp);
    frame(&mut state, 100, 40);
    assert_eq!(state.scroll.offset, 0, "all 30 fit");

    let screen = frame(&mut state, 100, 12);
    assert_eq!(state.cursor, 28);
    assert!(cursor_row(&screen).contains("Person28 Surname"), "{screen}");
}

#[test]
fn a_taller_terminal_shows_the_rows_that_were_hidden_above() {
    let mut state = people(30);
    frame(&mut state, 100, 12);
    act(&mut state, Action::Last);
    frame(&mut state, 100, 12);
    assert!(state.scroll.offset > 0);

    let screen = frame(&mut state, 100, 40);
    assert_eq!(state.scroll.offset, 0, "no blank rows below a hidden top");
    assert!(screen.contains("Person0 Surname"), "{screen}");
    assert!(cursor_row(&screen).contains("Person29 Surname"), "{screen}");
}
