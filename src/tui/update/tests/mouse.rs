//! The mouse, through the same path as in the app: where the panes stood
//! on the last frame, the action it asks for, and `update`.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use super::*;
use crate::tui::mouse;

const SCREEN: Rect = Rect::new(0, 0, 120, 20);

/// The mouse `kind` at `column`, `row` of a 120×20 screen, through update.
fn mouse_at(state: &mut State, kind: MouseEventKind, column: u16, row: u16) -> Vec<Effect> {
    let event = MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    match mouse::action(event, SCREEN, 1) {
        Some(action) => act(state, action),
        None => Vec::new(),
    }
}

fn click(state: &mut State, column: u16, row: u16) -> Vec<Effect> {
    mouse_at(state, MouseEventKind::Down(MouseButton::Left), column, row)
}

#[test]
fn a_click_selects_the_row_under_it_in_a_scrolled_list() {
    let mut state = people(50);
    frame(&mut state, SCREEN.width, SCREEN.height);
    act(&mut state, Action::Last);
    frame(&mut state, SCREEN.width, SCREEN.height);
    let offset = state.scroll.offset;
    assert!(offset > 0, "the list is scrolled");

    assert!(
        click(&mut state, 10, 1).is_empty(),
        "a click decides nothing"
    );
    assert_eq!(state.cursor, offset);
    click(&mut state, 10, 3);
    assert_eq!(state.cursor, offset + 2);
    assert_eq!(state.review.decided(), 0);
}

#[test]
fn a_click_below_the_last_row_or_outside_the_list_moves_nothing() {
    let mut state = people(3);
    frame(&mut state, SCREEN.width, SCREEN.height);
    act(&mut state, Action::MoveDown);
    click(&mut state, 10, 10);
    assert_eq!(state.cursor, 1, "no row there");
    click(&mut state, 80, 2);
    assert_eq!(state.cursor, 1, "the detail pane");
}

#[test]
fn the_wheel_moves_through_the_list_and_scrolls_the_detail_pane() {
    // Notes longer than the pane, so that it has somewhere to scroll.
    let note = "A line of a long note.\\n".repeat(60);
    let invitations: Vec<String> = (0..10)
        .map(|i| format!(r#"{{"id": "p{i}", "message": "{note}", "profile": {{"name": "Person{i} Surname"}}}}"#))
        .collect();
    let mut state = state_of(load(&format!("[{}]", invitations.join(","))));
    frame(&mut state, SCREEN.width, SCREEN.height);
    mouse_at(&mut state, MouseEventKind::ScrollDown, 10, 5);
    mouse_at(&mut state, MouseEventKind::ScrollDown, 10, 5);
    assert_eq!(state.cursor, 2);
    mouse_at(&mut state, MouseEventKind::ScrollUp, 10, 5);
    assert_eq!(state.cursor, 1);

    mouse_at(&mut state, MouseEventKind::ScrollDown, 80, 5);
    assert_eq!(state.detail_scroll, 3);
    assert_eq!(state.cursor, 1, "the list stays");
    mouse_at(&mut state, MouseEventKind::ScrollUp, 80, 5);
    assert_eq!(state.detail_scroll, 0);
}

#[test]
fn a_click_under_the_help_overlay_selects_nothing() {
    let mut state = people(10);
    frame(&mut state, SCREEN.width, SCREEN.height);
    act(&mut state, Action::ToggleHelp);
    click(&mut state, 10, 4);
    assert_eq!(state.cursor, 0);
    assert!(matches!(state.mode, Mode::Help(_)));
}
