//! The keys the screen names are the keys bound: rebinding an action
//! changes every text that tells it.

use super::*;

fn rebind(state: &mut State, context: KeyContext, action: Action, key: &str) {
    state.keymap.rebind(context, action, &[key.into()]).unwrap();
}

/// The row of the screen that holds `text`.
fn line_with<'a>(screen: &'a str, text: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(text))
        .unwrap_or_else(|| panic!("no {text:?} on screen:\n{screen}"))
}

#[test]
fn a_rebound_key_is_the_one_the_reply_box_and_the_hints_tell() {
    let mut state = five();
    rebind(&mut state, KeyContext::Reply, Action::KeepReply, "Ctrl-k");
    rebind(&mut state, KeyContext::Reply, Action::CancelReply, "Ctrl-q");
    act(&mut state, Action::Reply);

    let screen = frame(&mut state, 100, 30);
    assert!(screen.contains("Reply to Cara Zorn"), "{screen}");
    assert!(
        screen.contains(" Ctrl-k keep · Ctrl-q cancel "),
        "the reply box: {screen}"
    );
    let hints = screen.lines().last().unwrap_or_default();
    assert!(hints.contains("Ctrl-k keep the reply"), "{hints}");
    assert!(hints.contains("Ctrl-q cancel"), "{hints}");
    assert!(!screen.contains("Ctrl-s"), "{screen}");
    assert!(!screen.contains("Esc"), "{screen}");

    for _ in 0..=draft_text(&state).chars().count() {
        act(&mut state, key(KeyCode::Backspace));
    }
    act(&mut state, Action::KeepReply);
    let status = state.status.clone().unwrap_or_default();
    assert!(status.ends_with("edit it or press Ctrl-q"), "{status}");
}

#[test]
fn the_list_the_picker_and_the_help_tell_the_keys_bound() {
    let mut state = five();
    rebind(&mut state, KeyContext::List, Action::CycleFilter, "F");
    rebind(&mut state, KeyContext::List, Action::Quit, "Q");
    rebind(&mut state, KeyContext::Picker, Action::Choose, "Tab");
    rebind(&mut state, KeyContext::Help, Action::ToggleHelp, "h");

    act(&mut state, Action::CycleFilter);
    act(&mut state, Action::CycleFilter);
    let screen = frame(&mut state, 160, 30);
    assert!(
        screen.contains("No decided invitations (F changes the filter)"),
        "{screen}"
    );
    assert!(frame(&mut state, 50, 10).contains("Q quits"), "too small");

    act(&mut state, Action::CycleFilter);
    act(&mut state, Action::CycleFilter);
    assert_eq!(state.filter, Filter::All);
    act(&mut state, Action::PickTemplate);
    let screen = frame(&mut state, 100, 30);
    assert!(screen.contains(" Tab draft · Esc cancel "), "{screen}");

    act(&mut state, Action::CancelReply);
    act(&mut state, Action::ToggleHelp);
    let screen = frame(&mut state, 100, 40);
    assert!(screen.contains(" Keys (h closes) "), "{screen}");
}

#[test]
fn an_action_left_without_a_key_is_not_offered() {
    let mut state = five();
    rebind(&mut state, KeyContext::List, Action::Ignore, "f");
    rebind(&mut state, KeyContext::List, Action::Accept, "r");
    act(&mut state, Action::CycleFilter);
    act(&mut state, Action::CycleFilter);
    let screen = frame(&mut state, 100, 30);
    assert!(
        !line_with(&screen, "No decided invitations").contains("changes the filter"),
        "f ignores now: {screen}"
    );
    act(&mut state, Action::Copy);
    assert_eq!(
        state.status.as_deref(),
        Some("No reply kept here to copy"),
        "r accepts now"
    );
}
