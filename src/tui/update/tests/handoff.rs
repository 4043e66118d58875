//! Handing decisions on: the checklist, opening a profile, copying a reply.

use super::*;

const WITH_URLS: &str = r#"[
  {"id": "a", "profile": {"name": "Ann Lee", "url": "https://www.linkedin.com/in/ann-lee"}},
  {"id": "b", "profile": {"name": "Bob Ray", "url": "javascript:alert(1)"}},
  {"id": "c", "profile": {"name": "Cat Poe"}}
]"#;

fn checklist(state: &State) -> &crate::tui::checklist::Checklist {
    match &state.mode {
        Mode::Checklist(checklist) => checklist,
        _ => panic!("the checklist is not open"),
    }
}

#[test]
fn the_checklist_lists_decisions_in_the_order_taken_and_ticks_them_done() {
    let mut state = five();
    act(&mut state, Action::MoveDown);
    update(&mut state, Action::Ignore, NOW);
    act(&mut state, Action::First);
    update(&mut state, Action::Accept, LATER);

    act(&mut state, Action::ToggleChecklist);
    assert_eq!(
        checklist(&state).rows,
        [1, 0],
        "ignored first, accepted later"
    );
    assert_eq!(checklist(&state).to_do(&state.review), 2);

    let effects = update(&mut state, Action::ToggleDone, LATER);
    let ticked = Decision {
        carried_out_at: Some(LATER),
        ..decision(Verdict::Ignore, NOW)
    };
    assert_eq!(
        effects,
        [record(
            Op::Tick,
            1,
            Some(decision(Verdict::Ignore, NOW)),
            Some(ticked)
        )]
    );
    assert_eq!(checklist(&state).cursor, 1, "on to the next");
    assert_eq!(checklist(&state).to_do(&state.review), 1);

    act(&mut state, Action::ToggleChecklist);
    assert!(matches!(state.mode, Mode::List));

    act(&mut state, Action::Undo);
    assert_eq!(
        state.review.decision(1).and_then(|d| d.carried_out_at),
        None,
        "a tick undoes"
    );
}

#[test]
fn an_empty_checklist_does_not_open() {
    let mut state = five();
    act(&mut state, Action::ToggleChecklist);
    assert!(matches!(state.mode, Mode::List));
    assert!(
        state
            .status
            .as_deref()
            .unwrap_or("")
            .contains("Nothing decided yet")
    );
}

#[test]
fn only_web_addresses_are_opened() {
    let mut state = state_of(load(WITH_URLS));
    assert_eq!(
        act(&mut state, Action::OpenProfile),
        [Effect::OpenUrl(
            "https://www.linkedin.com/in/ann-lee".into()
        )]
    );
    act(&mut state, Action::MoveDown);
    assert!(
        act(&mut state, Action::OpenProfile).is_empty(),
        "not a web address"
    );
    act(&mut state, Action::MoveDown);
    assert!(
        act(&mut state, Action::OpenProfile).is_empty(),
        "no address at all"
    );
    assert!(
        state
            .status
            .as_deref()
            .unwrap_or("")
            .contains("No profile address")
    );
}

/// The checklist shows the selected decision's whole reply, wrapped under
/// its row; the others keep to their first line.
#[test]
fn the_checklist_shows_the_selected_reply_whole() {
    let mut state = five();
    act(&mut state, Action::Accept);
    act(&mut state, Action::Reply);
    typed(
        &mut state,
        "\nThe second paragraph of a reply, long enough to wrap at this width.",
    );
    let reply = draft_text(&state);
    act(&mut state, Action::KeepReply);
    act(&mut state, Action::ToggleChecklist);
    act(&mut state, Action::MoveDown);
    let screen = frame(&mut state, 70, 30);
    for line in reply.lines().filter(|l| !l.trim().is_empty()) {
        for word in line.split_whitespace() {
            assert!(
                screen.contains(word),
                "{word:?} of {line:?} missing:\n{screen}"
            );
        }
    }
    assert!(
        screen.contains("        The second paragraph"),
        "indented:\n{screen}"
    );
    assert!(
        screen.contains("│        width."),
        "wrapped whole:\n{screen}"
    );

    act(&mut state, Action::MoveUp);
    let screen = frame(&mut state, 70, 30);
    assert!(!screen.contains("The second paragraph"), "{screen}");
}
