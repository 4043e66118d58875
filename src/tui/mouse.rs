//! The mouse, as the keys would say it: a click on a list row selects it,
//! the wheel moves through the list, or scrolls the detail pane when it
//! is over it. Only where the panes stand on the last frame is needed.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Margin, Position, Rect};

use super::action::Action;
use super::ui::panes;

/// The action `mouse` asks for on a screen of `area` whose status bar is
/// `status_height` lines tall, if any.
pub fn action(mouse: MouseEvent, area: Rect, status_height: u16) -> Option<Action> {
    let panes = panes(area, status_height)?;
    let at = Position::new(mouse.column, mouse.row);
    // The list's rows lie inside its border.
    let rows = panes.list.inner(Margin::new(1, 1));
    let over_detail = panes.detail.contains(at);
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) if rows.contains(at) => {
            Some(Action::ClickRow(usize::from(at.y - rows.y)))
        }
        MouseEventKind::ScrollDown if over_detail => Some(Action::ScrollDetailDown),
        MouseEventKind::ScrollUp if over_detail => Some(Action::ScrollDetailUp),
        MouseEventKind::ScrollDown if panes.list.contains(at) => Some(Action::MoveDown),
        MouseEventKind::ScrollUp if panes.list.contains(at) => Some(Action::MoveUp),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::KeyModifiers;

    use super::*;

    const SCREEN: Rect = Rect::new(0, 0, 120, 40);

    fn mouse(kind: MouseEventKind, column: u16, row: u16) -> MouseEvent {
        MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }
    }

    fn left(column: u16, row: u16) -> Option<Action> {
        action(
            mouse(MouseEventKind::Down(MouseButton::Left), column, row),
            SCREEN,
            1,
        )
    }

    #[test]
    fn a_click_on_a_list_row_says_which_row() {
        assert_eq!(left(10, 1), Some(Action::ClickRow(0)));
        assert_eq!(left(10, 5), Some(Action::ClickRow(4)));
    }

    #[test]
    fn a_click_elsewhere_does_nothing() {
        assert_eq!(left(10, 0), None, "the list's top border");
        assert_eq!(left(0, 5), None, "the list's left border");
        assert_eq!(left(80, 5), None, "the detail pane");
        assert_eq!(left(10, 39), None, "the hint bar");
        let right = mouse(MouseEventKind::Down(MouseButton::Right), 10, 5);
        assert_eq!(action(right, SCREEN, 1), None);
    }

    #[test]
    fn the_wheel_moves_the_list_or_scrolls_the_detail_under_it() {
        let wheel = |kind, column| action(mouse(kind, column, 10), SCREEN, 1);
        assert_eq!(
            wheel(MouseEventKind::ScrollDown, 10),
            Some(Action::MoveDown)
        );
        assert_eq!(wheel(MouseEventKind::ScrollUp, 10), Some(Action::MoveUp));
        assert_eq!(
            wheel(MouseEventKind::ScrollDown, 80),
            Some(Action::ScrollDetailDown)
        );
        assert_eq!(
            wheel(MouseEventKind::ScrollUp, 80),
            Some(Action::ScrollDetailUp)
        );
    }

    #[test]
    fn a_screen_too_small_for_the_panes_takes_no_mouse() {
        let tiny = Rect::new(0, 0, 30, 8);
        let click = mouse(MouseEventKind::Down(MouseButton::Left), 2, 2);
        assert_eq!(action(click, tiny, 1), None);
    }
}
