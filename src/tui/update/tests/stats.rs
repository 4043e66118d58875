//! The stats screen: counted as it opens, left by its keys, deciding nothing.

use super::*;

fn resolve(state: &State, code: KeyCode) -> Option<Action> {
    state
        .keymap
        .resolve(state.context(), KeyEvent::new(code, KeyModifiers::NONE))
}

#[test]
fn s_opens_the_stats_counted_from_the_review_and_s_esc_or_q_close_them() {
    for close in [KeyCode::Char('S'), KeyCode::Esc, KeyCode::Char('q')] {
        let mut state = five();
        act(&mut state, Action::Accept);
        act(&mut state, Action::Ignore);
        assert_eq!(
            resolve(&state, KeyCode::Char('S')),
            Some(Action::ToggleStats)
        );

        assert!(act(&mut state, Action::ToggleStats).is_empty());
        let Mode::Stats(stats) = &state.mode else {
            panic!("the stats screen is not open");
        };
        assert_eq!((stats.decided, stats.total), (2, 5));
        assert_eq!((stats.actions.accept, stats.actions.ignore), (1, 1));
        assert_eq!(stats.scores.iter().sum::<usize>(), 5);
        assert_eq!(stats.days, [(NOW.date(), 2)]);
        assert_eq!(state.context(), KeyContext::Stats);

        let action = resolve(&state, close);
        assert_eq!(action, Some(Action::ToggleStats), "{close:?}");
        act(&mut state, Action::ToggleStats);
        assert!(matches!(state.mode, Mode::List), "{close:?} closes");
        assert!(!state.quitting);
    }
}

#[test]
fn the_stats_screen_takes_no_decision_and_quits_with_ctrl_c() {
    let mut state = five();
    act(&mut state, Action::ToggleStats);
    for action in [Action::Accept, Action::TakeSuggestion, Action::Undo] {
        assert!(act(&mut state, action).is_empty());
    }
    assert_eq!(state.review.decided(), 0);
    assert!(matches!(state.mode, Mode::Stats(_)));

    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let quit = state.keymap.resolve(state.context(), ctrl_c);
    assert_eq!(quit, Some(Action::Quit));
    act(&mut state, Action::Quit);
    assert!(state.quitting);
}
