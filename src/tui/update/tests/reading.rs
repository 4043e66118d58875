//! Reading what does not fit: the help and the message log scroll within
//! their text, the detail pane stops at its end, and the status bar keeps
//! what matters when it is narrow.

use super::*;
use crate::score::Intent;
use crate::tui::state::Reach;

/// The offset of the help or the message log.
fn overlay_offset(state: &State) -> u16 {
    match state.mode {
        Mode::Help(offset) | Mode::Messages(offset) => offset,
        _ => panic!("no overlay is open"),
    }
}

#[test]
fn the_help_scrolls_to_its_end_and_no_further_and_closes() {
    let mut state = five();
    act(&mut state, Action::ToggleHelp);
    let screen = frame(&mut state, 80, 24);
    assert!(
        !screen.contains("quit"),
        "q quit is below the fold: {screen}"
    );
    let reach = state.scroll.overlay;
    assert!(reach.max > 0 && reach.rows > 0, "{reach:?}");
    assert!(screen.contains(&format!("1–{} of", reach.rows)), "{screen}");

    act(&mut state, Action::MoveDown);
    assert_eq!(overlay_offset(&state), 1);
    act(&mut state, Action::PageDown);
    assert_eq!(overlay_offset(&state), (1 + reach.rows).min(reach.max));
    act(&mut state, Action::Last);
    assert_eq!(overlay_offset(&state), reach.max);
    act(&mut state, Action::MoveDown);
    act(&mut state, Action::PageDown);
    assert_eq!(overlay_offset(&state), reach.max, "no further than the end");
    let screen = frame(&mut state, 80, 24);
    assert!(screen.contains("q Ctrl-c      quit"), "{screen}");
    assert!(
        screen.contains("0/5 decided"),
        "the status bar stays: {screen}"
    );
    act(&mut state, Action::MoveUp);
    assert_eq!(overlay_offset(&state), reach.max - 1);
    act(&mut state, Action::First);
    assert_eq!(overlay_offset(&state), 0);

    act(&mut state, Action::ToggleHelp);
    assert!(matches!(state.mode, Mode::List));
    act(&mut state, Action::ToggleHelp);
    assert_eq!(overlay_offset(&state), 0, "it opens at its top");
}

#[test]
fn the_helps_wrapped_lines_hang_under_their_column() {
    let mut state = five();
    act(&mut state, Action::ToggleHelp);
    frame(&mut state, 60, 40);
    act(&mut state, Action::Last);
    let screen = frame(&mut state, 60, 40);
    let picker = screen
        .lines()
        .position(|l| l.contains("Template picker: j next template"))
        .unwrap_or_else(|| panic!("{screen}"));
    let next = screen.lines().nth(picker + 1).unwrap_or_default();
    let column = |line: &str, text: &str| line.find(text).map(|at| line[..at].chars().count());
    assert_eq!(
        column(next, "Enter draft"),
        column(screen.lines().nth(picker).unwrap_or_default(), "j next"),
        "{screen}"
    );
}

#[test]
fn every_status_message_is_kept_in_the_log_newest_last() {
    let mut state = five();
    act(&mut state, Action::ToggleMessages);
    assert_eq!(
        state.status.as_deref(),
        Some("No messages yet in this session")
    );
    assert!(matches!(state.mode, Mode::List));
    act(&mut state, Action::CycleSort);
    act(&mut state, Action::MoveDown);
    act(&mut state, Action::CycleSort);
    act(&mut state, Action::CycleSort);
    act(&mut state, Event::Copied(Err("no terminal".into())));
    assert_eq!(
        state.messages,
        [
            "No messages yet in this session",
            "Sorted by score",
            "Sorted by name",
            "Sorted by queue",
            "Could not copy: no terminal",
        ]
    );
    let scroll = state.scroll;
    act(&mut state, Event::Drawn(scroll));
    assert_eq!(state.messages.len(), 5, "a frame says nothing new");
    for _ in 0..6 {
        act(&mut state, Action::CycleSort);
    }
    act(&mut state, Event::Copied(Err("still no terminal".into())));

    act(&mut state, Action::ToggleMessages);
    let screen = frame(&mut state, 80, 14);
    assert!(
        screen.contains("still no terminal"),
        "newest in sight: {screen}"
    );
    assert!(
        !screen.contains("No messages yet"),
        "oldest scrolled away: {screen}"
    );
    assert_eq!(overlay_offset(&state), state.scroll.overlay.max);
    act(&mut state, Action::First);
    assert!(frame(&mut state, 80, 14).contains("No messages yet"));
    act(&mut state, Action::ToggleMessages);
    assert!(matches!(state.mode, Mode::List));
}

#[test]
fn a_long_status_message_wraps_to_a_second_line_and_stays_whole_in_the_log() {
    let mut state = five();
    let long = format!("Start {} end of the message", "word ".repeat(30));
    act(&mut state, Event::Copied(Err(long.clone())));
    let screen = frame(&mut state, 120, 30);
    let lines: Vec<&str> = screen.lines().collect();
    let status = lines[lines.len() - 3];
    let second = lines[lines.len() - 2];
    assert!(status.contains("Could not copy: Start word"), "{screen}");
    assert!(status.contains("policy: open"), "{screen}");
    assert!(second.contains("end of the message"), "{screen}");
    assert!(
        lines[lines.len() - 1].contains("? help"),
        "the hints stay: {screen}"
    );

    let longer = "word ".repeat(80);
    act(&mut state, Event::Copied(Err(longer.clone())));
    let screen = frame(&mut state, 120, 30);
    assert!(screen.contains("… (M shows it whole)"), "{screen}");
    assert_eq!(
        state.messages.last().map(String::as_str),
        Some(format!("Could not copy: {}", longer).as_str())
    );
}

#[test]
fn the_detail_pane_scrolls_to_its_end_and_no_further() {
    let mut state = five();
    frame(&mut state, 80, 16);
    let reach = state.scroll.detail;
    assert!(reach.max > 0, "the pane overflows at 80×16: {reach:?}");
    for _ in 0..50 {
        act(&mut state, Action::ScrollDetailDown);
    }
    assert_eq!(state.detail_scroll, reach.max);
    let screen = frame(&mut state, 80, 16);
    let pane_bottom = screen.lines().nth(12).unwrap_or_default();
    assert!(
        pane_bottom
            .split('│')
            .nth(3)
            .is_some_and(|cell| !cell.trim().is_empty()),
        "the last line of the pane holds text: {screen}"
    );
    act(&mut state, Action::ScrollDetailUp);
    assert_eq!(
        state.detail_scroll,
        reach.max.saturating_sub(3),
        "up at once"
    );

    state.detail_scroll = 40;
    let shorter = Scroll {
        detail: Reach { max: 2, rows: 10 },
        ..state.scroll
    };
    act(&mut state, Event::Drawn(shorter));
    assert_eq!(state.detail_scroll, 2, "a shorter text brings it back");
}

#[test]
fn an_empty_list_says_what_hides_the_rest_and_which_keys_change_it() {
    let mut state = five();
    while state.intent != Some(Intent::JobSeeking) {
        act(&mut state, Action::CycleIntent);
    }
    assert!(state.view.is_empty());
    let screen = frame(&mut state, 240, 20);
    assert!(
        screen
            .contains("No job-seeking invitations among all (I changes the intent, f the filter)"),
        "{screen}"
    );
    state
        .keymap
        .rebind(KeyContext::List, Action::CycleIntent, &["Ctrl-i".into()])
        .unwrap();
    assert!(frame(&mut state, 240, 20).contains("(Ctrl-i changes the intent, f the filter)"));
}

#[test]
fn at_80_columns_the_hint_bar_keeps_the_way_out_and_the_help() {
    let mut state = five();
    act(&mut state, Action::ToggleChecklist);
    act(&mut state, Action::ToggleChecklist);
    act(&mut state, Action::Accept);
    act(&mut state, Action::ToggleChecklist);
    let hints = frame(&mut state, 60, 20)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string();
    assert!(hints.contains("c back to the list"), "{hints}");

    act(&mut state, Action::ToggleChecklist);
    act(&mut state, Action::OpenTemplates);
    let hints = frame(&mut state, 80, 24)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string();
    assert!(hints.contains("Esc back to invitations"), "{hints}");
    assert!(hints.contains("? help"), "{hints}");

    act(&mut state, Action::EditTemplate);
    let hints = frame(&mut state, 60, 24)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string();
    assert!(hints.contains("Esc back to the template list"), "{hints}");
}

#[test]
fn the_status_bar_names_the_policy_and_gives_it_up_last() {
    let mut state = five();
    let screen = frame(&mut state, 80, 24);
    let status = screen.lines().nth(22).unwrap_or_default();
    assert!(status.contains("filter all"), "{status}");
    assert!(
        status.ends_with("policy: open \""),
        "at the right: {status}"
    );
    let screen = frame(&mut state, 60, 24);
    let status = screen.lines().nth(22).unwrap_or_default();
    assert!(status.contains("policy: open"), "{status}");
}
