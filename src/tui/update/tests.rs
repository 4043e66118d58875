//! The console's behaviour, one action at a time: every key of the review,
//! with the state it leaves and the effects it asks for.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use time::OffsetDateTime;
use time::macros::datetime;

use super::*;
use crate::model::{Filter, Queue, Sort};
use crate::review::Review;
use crate::score::Scorer;
use crate::store::journal::Decisions;
use crate::templates::Templates;
use crate::tui::keymap::Context;

const NOW: OffsetDateTime = datetime!(2026-12-01 09:30 UTC);
const LATER: OffsetDateTime = datetime!(2026-12-02 17:45 UTC);

/// Five invitations, neither in name order nor in score order: people and
/// obvious non-persons mixed.
const FIVE: &str = r#"{
  "format": "inviteq-queue", "version": 1,
  "invitations": [
    {"id": "cara", "message": "We met at the spring conference.",
     "profile": {"name": "Cara Zorn", "photo": "person", "connections": 300}},
    {"id": "acme", "profile": {"name": "Acme Leads Inc", "photo": "logo", "connections": 3}},
    {"id": "ben", "message": "Hello from the old team!",
     "profile": {"name": "Ben Young", "photo": "person", "connections": 120}},
    {"id": "dora", "profile": {"name": "Dora Adams", "photo": "none", "connections": 8}},
    {"id": "eli", "message": "Saw your talk on onboarding.",
     "profile": {"name": "Eli Brown", "photo": "person", "connections": 500}}
  ]
}"#;

/// Loads a queue written as JSON through the real loader.
fn load(json: &str) -> Queue {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("queue.json");
    std::fs::write(&path, json).unwrap();
    crate::import::load(&path).unwrap()
}

fn state_of(queue: Queue) -> State {
    with_templates(queue, Templates::builtin())
}

fn with_templates(queue: Queue, templates: Templates) -> State {
    let review = Review::new(queue, &Decisions::default(), None, Scorer::new);
    State::new(review, templates, "test".into())
}

fn five() -> State {
    state_of(load(FIVE))
}

/// `n` people named `Person0 Surname` … in queue order.
fn people(n: usize) -> State {
    let invitations: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id": "p{i}", "profile": {{"name": "Person{i} Surname"}}}}"#))
        .collect();
    state_of(load(&format!("[{}]", invitations.join(","))))
}

fn act(state: &mut State, action: Action) -> Vec<Effect> {
    update(state, action, NOW)
}

fn key(code: KeyCode) -> Action {
    Action::Edit(KeyEvent::new(code, KeyModifiers::NONE))
}

fn typed(state: &mut State, text: &str) {
    for c in text.chars() {
        assert!(act(state, key(KeyCode::Char(c))).is_empty());
    }
}

fn action_at(state: &State, index: usize) -> Option<Verdict> {
    state.review.decision(index).map(|d| d.action)
}

fn decision(verdict: Verdict, at: OffsetDateTime) -> Decision {
    Decision {
        action: verdict,
        template: None,
        reply: None,
        decided_at: at,
        carried_out_at: None,
    }
}

fn draft(state: &State) -> &ReplyDraft {
    match &state.mode {
        Mode::Reply(draft) => draft,
        _ => panic!("the reply box is not open"),
    }
}

fn draft_text(state: &State) -> String {
    draft(state).editor.lines().join("\n")
}

fn record(op: Op, index: usize, before: Option<Decision>, after: Option<Decision>) -> Effect {
    Effect::Record {
        op,
        change: Change {
            index,
            before,
            after,
        },
    }
}

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

// Deciding

#[test]
fn accept_stores_the_decision_records_it_and_moves_to_the_next_pending() {
    let mut state = five();
    state.review.set(1, Some(decision(Verdict::Ignore, LATER)));

    let effects = act(&mut state, Action::Accept);

    let accepted = decision(Verdict::Accept, NOW);
    assert_eq!(state.review.decision(0), Some(&accepted));
    assert_eq!(effects, [record(Op::Decide, 0, None, Some(accepted))]);
    assert_eq!(state.selected(), Some(2), "skips the decided invitation 1");
    assert_eq!(state.review.decided(), 2);
    assert_eq!(state.done.len(), 1);
    assert_eq!(state.status, None);
}

#[test]
fn ignore_stores_the_decision_and_wraps_round_to_the_first_pending() {
    let mut state = five();
    act(&mut state, Action::Accept);
    assert_eq!(state.selected(), Some(1));
    act(&mut state, Action::Last);

    let effects = act(&mut state, Action::Ignore);

    let ignored = decision(Verdict::Ignore, NOW);
    assert_eq!(state.review.decision(4), Some(&ignored));
    assert_eq!(effects, [record(Op::Decide, 4, None, Some(ignored))]);
    assert_eq!(state.selected(), Some(1), "wraps past the end, skipping 0");
}

#[test]
fn deciding_again_replaces_the_decision_and_records_the_one_before() {
    let mut state = five();
    act(&mut state, Action::Accept);
    act(&mut state, Action::First);

    let effects = update(&mut state, Action::Ignore, LATER);

    assert_eq!(action_at(&state, 0), Some(Verdict::Ignore));
    assert_eq!(
        effects,
        [record(
            Op::Decide,
            0,
            Some(decision(Verdict::Accept, NOW)),
            Some(decision(Verdict::Ignore, LATER)),
        )]
    );
    assert_eq!(state.review.decided(), 1);
}

#[test]
fn the_last_decision_says_that_all_are_decided() {
    let mut state = people(3);
    act(&mut state, Action::Accept);
    act(&mut state, Action::Ignore);
    assert_eq!(state.status, None);
    assert_eq!(state.selected(), Some(2));

    let effects = act(&mut state, Action::Accept);

    assert_eq!(effects.len(), 1);
    assert_eq!(state.review.decided(), 3);
    assert_eq!(state.status.as_deref(), Some("All 3 invitations decided"));
    assert_eq!(state.selected(), Some(2), "nowhere to go: the cursor stays");
}

#[test]
fn the_status_lasts_until_the_next_key_but_survives_a_resize() {
    let mut state = people(1);
    act(&mut state, Action::Accept);
    assert!(state.status.is_some());
    act(&mut state, Action::Resize(80, 24));
    assert!(state.status.is_some());
    act(&mut state, Action::MoveDown);
    assert_eq!(state.status, None);
}

#[test]
fn an_empty_queue_takes_every_key_without_a_decision() {
    let mut state = state_of(Queue::default());
    for action in [
        Action::Resize(80, 24),
        Action::MoveDown,
        Action::MoveUp,
        Action::Last,
        Action::PageDown,
        Action::PageUp,
        Action::Accept,
        Action::Ignore,
        Action::Reply,
        Action::TakeSuggestion,
        Action::Undo,
        Action::Redo,
        Action::CycleFilter,
        Action::CycleSort,
    ] {
        assert_eq!(act(&mut state, action), [], "{action:?}");
    }
    assert_eq!(state.selected(), None);
    assert!(matches!(state.mode, Mode::List));
}

// Replying

#[test]
fn reply_opens_a_draft_addressed_by_first_name() {
    let mut state = five();
    act(&mut state, Action::MoveDown);
    act(&mut state, Action::MoveDown);

    assert!(act(&mut state, Action::Reply).is_empty());

    assert_eq!(state.context(), Context::Reply);
    let draft = draft(&state);
    assert_eq!(draft.index, 2);
    assert!(!draft.template.is_empty());
    let text = draft_text(&state);
    assert!(text.starts_with("Hi Ben,"), "{text}");
    assert!(!text.contains("Young"), "{text}");
    assert_eq!(state.review.decision(2), None);
    assert!(state.done.is_empty());
}

#[test]
fn keep_reply_records_the_edited_text_and_the_template() {
    let mut state = five();
    act(&mut state, Action::Reply);
    let template = draft(&state).template.clone();
    typed(&mut state, " Cheers!");
    let text = draft_text(&state);
    assert!(
        text.ends_with("? Cheers!"),
        "typing goes at the end: {text}"
    );

    let effects = act(&mut state, Action::KeepReply);

    let replied = Decision {
        action: Verdict::Reply,
        template: Some(template),
        reply: Some(text),
        decided_at: NOW,
        carried_out_at: None,
    };
    assert_eq!(state.review.decision(0), Some(&replied));
    assert_eq!(effects, [record(Op::Decide, 0, None, Some(replied))]);
    assert_eq!(state.context(), Context::List);
    assert_eq!(state.selected(), Some(1));
}

#[test]
fn an_emptied_reply_is_refused_and_the_box_stays_open() {
    let mut state = five();
    act(&mut state, Action::Reply);
    let length = draft_text(&state).chars().count();
    for _ in 0..=length {
        act(&mut state, key(KeyCode::Backspace));
    }
    assert_eq!(draft_text(&state), "");

    let effects = act(&mut state, Action::KeepReply);

    assert!(effects.is_empty());
    assert_eq!(state.context(), Context::Reply);
    assert_eq!(state.review.decision(0), None);
    assert!(state.done.is_empty());
    assert!(state.status.as_deref().unwrap_or("").contains("empty"));

    typed(&mut state, "   ");
    assert!(
        act(&mut state, Action::KeepReply).is_empty(),
        "blank is empty"
    );
    assert_eq!(state.review.decision(0), None);

    typed(&mut state, "Who are you?");
    act(&mut state, Action::KeepReply);
    let kept = state.review.decision(0).and_then(|d| d.reply.as_deref());
    assert_eq!(kept, Some("Who are you?"), "the kept text is trimmed");
}

#[test]
fn cancel_reply_leaves_no_decision() {
    let mut state = five();
    act(&mut state, Action::Reply);
    typed(&mut state, "typed, then dropped");

    assert!(act(&mut state, Action::CancelReply).is_empty());

    assert_eq!(state.context(), Context::List);
    assert_eq!(state.review.decision(0), None);
    assert_eq!(state.review.decided(), 0);
    assert!(state.done.is_empty());
    assert_eq!(state.selected(), Some(0));
    assert_eq!(state.status.as_deref(), Some("Reply dropped"));

    act(&mut state, Action::Reply);
    assert!(
        !draft_text(&state).contains("dropped"),
        "a new reply starts from a fresh draft"
    );
}

#[test]
fn typing_outside_the_reply_box_does_nothing() {
    let mut state = five();
    assert!(act(&mut state, key(KeyCode::Char('x'))).is_empty());
    assert!(matches!(state.mode, Mode::List));
    assert!(act(&mut state, Action::KeepReply).is_empty());
    assert_eq!(state.review.decided(), 0);
}

// The suggestion

#[test]
fn enter_takes_exactly_the_suggestion() {
    let queue = crate::import::demo();
    let len = queue.invitations.len();
    let mut state = state_of(queue);
    for index in 0..len {
        state.move_cursor(index);
        assert_eq!(state.selected(), Some(index));
        let suggestion = state.review.assess(index).suggestion;

        let effects = act(&mut state, Action::TakeSuggestion);

        if suggestion.action == Verdict::Reply {
            assert!(effects.is_empty(), "a reply is drafted before it is kept");
            assert_eq!(draft(&state).index, index);
            let template = draft(&state).template.clone();
            if let Some(suggested) = suggestion.template {
                assert_eq!(template, suggested);
            }
            let effects = act(&mut state, Action::KeepReply);
            assert_eq!(effects.len(), 1);
            let kept = state.review.decision(index).expect("kept");
            assert_eq!(kept.template, Some(template));
        } else {
            assert_eq!(
                effects,
                [record(
                    Op::Decide,
                    index,
                    None,
                    Some(decision(suggestion.action, NOW))
                )]
            );
        }
        assert_eq!(action_at(&state, index), Some(suggestion.action), "{index}");
    }
    assert_eq!(state.review.decided(), len);
}

// Undo and redo

#[test]
fn undo_puts_back_the_decision_before_and_records_it() {
    let mut state = five();
    act(&mut state, Action::Accept);
    act(&mut state, Action::Ignore);
    assert_eq!(state.selected(), Some(2));

    let effects = act(&mut state, Action::Undo);

    let ignored = decision(Verdict::Ignore, NOW);
    assert_eq!(effects, [record(Op::Undo, 1, None, Some(ignored))]);
    assert_eq!(state.review.decision(1), None);
    assert_eq!(action_at(&state, 0), Some(Verdict::Accept));
    assert_eq!(
        state.selected(),
        Some(1),
        "the cursor goes to the undone one"
    );
    assert_eq!(state.review.decided(), 1);

    act(&mut state, Action::Undo);
    assert_eq!(state.review.decided(), 0);
    assert_eq!(state.selected(), Some(0));

    assert!(act(&mut state, Action::Undo).is_empty());
    assert_eq!(state.status.as_deref(), Some("Nothing to undo"));
}

#[test]
fn undo_of_a_changed_decision_restores_the_earlier_one() {
    let mut state = five();
    act(&mut state, Action::Accept);
    act(&mut state, Action::First);
    update(&mut state, Action::Ignore, LATER);

    let effects = act(&mut state, Action::Undo);

    let accepted = decision(Verdict::Accept, NOW);
    assert_eq!(state.review.decision(0), Some(&accepted));
    assert_eq!(
        effects,
        [record(
            Op::Undo,
            0,
            Some(accepted),
            Some(decision(Verdict::Ignore, LATER))
        )]
    );
}

#[test]
fn redo_takes_the_undone_decision_again() {
    let mut state = five();
    act(&mut state, Action::Accept);
    act(&mut state, Action::Ignore);
    act(&mut state, Action::Undo);
    act(&mut state, Action::Undo);
    act(&mut state, Action::Last);

    let effects = act(&mut state, Action::Redo);

    let accepted = decision(Verdict::Accept, NOW);
    assert_eq!(effects, [record(Op::Redo, 0, None, Some(accepted.clone()))]);
    assert_eq!(state.review.decision(0), Some(&accepted));
    assert_eq!(
        state.selected(),
        Some(0),
        "the cursor goes to the redone one"
    );

    act(&mut state, Action::Redo);
    assert_eq!(action_at(&state, 1), Some(Verdict::Ignore));
    assert_eq!(state.review.decided(), 2);

    assert!(act(&mut state, Action::Redo).is_empty());
    assert_eq!(state.status.as_deref(), Some("Nothing to redo"));

    act(&mut state, Action::Undo);
    act(&mut state, Action::Undo);
    assert_eq!(state.review.decided(), 0, "undo after redo undoes again");
}

#[test]
fn a_new_decision_clears_what_could_be_redone() {
    let mut state = five();
    act(&mut state, Action::Accept);
    act(&mut state, Action::Ignore);
    act(&mut state, Action::Undo);
    assert_eq!(state.undone.len(), 1);

    act(&mut state, Action::Accept);

    assert!(state.undone.is_empty());
    assert!(act(&mut state, Action::Redo).is_empty());
    assert_eq!(state.status.as_deref(), Some("Nothing to redo"));
    assert_eq!(action_at(&state, 1), Some(Verdict::Accept));
}

#[test]
fn undo_shows_an_invitation_that_the_filter_hides() {
    let mut state = five();
    act(&mut state, Action::Accept);
    act(&mut state, Action::CycleFilter);
    assert_eq!(state.filter, Filter::Pending);
    assert!(!state.view.contains(&0));

    act(&mut state, Action::Undo);

    assert_eq!(state.review.decision(0), None);
    assert_eq!(state.selected(), Some(0));
}

// The journal refusing a change

#[test]
fn a_failed_decision_is_rolled_back() {
    let mut state = five();
    act(&mut state, Action::Accept);
    act(&mut state, Action::First);
    update(&mut state, Action::Ignore, LATER);

    journal_failed(&mut state, Op::Decide, "disk full");

    assert_eq!(
        state.review.decision(0),
        Some(&decision(Verdict::Accept, NOW))
    );
    assert_eq!(state.review.decided(), 1);
    assert_eq!(state.done.len(), 1, "only the change that was kept");
    let status = state.status.as_deref().unwrap_or("");
    assert!(status.contains("Not saved") && status.contains("disk full"));

    act(&mut state, Action::Undo);
    assert_eq!(state.review.decision(0), None, "undo skips the lost change");
}

#[test]
fn a_failed_undo_is_rolled_back() {
    let mut state = five();
    act(&mut state, Action::Accept);
    act(&mut state, Action::Undo);

    journal_failed(&mut state, Op::Undo, "disk full");

    assert_eq!(action_at(&state, 0), Some(Verdict::Accept));
    assert_eq!(state.review.decided(), 1);
    assert_eq!(state.done.len(), 1);
    assert!(state.undone.is_empty());
    assert!(state.status.as_deref().unwrap_or("").contains("disk full"));

    let effects = act(&mut state, Action::Undo);
    assert_eq!(effects.len(), 1, "the undo can be tried again");
    assert_eq!(state.review.decision(0), None);
}

#[test]
fn a_failed_redo_is_rolled_back() {
    let mut state = five();
    act(&mut state, Action::Accept);
    act(&mut state, Action::Undo);
    act(&mut state, Action::Redo);

    journal_failed(&mut state, Op::Redo, "disk full");

    assert_eq!(state.review.decision(0), None);
    assert_eq!(state.review.decided(), 0);
    assert!(state.done.is_empty());
    assert_eq!(state.undone.len(), 1);
    assert!(state.status.as_deref().unwrap_or("").contains("disk full"));

    act(&mut state, Action::Redo);
    assert_eq!(action_at(&state, 0), Some(Verdict::Accept));
}

#[test]
fn a_failed_decision_keeps_the_redo_tail_and_the_cursor() {
    let mut state = five();
    act(&mut state, Action::Accept);
    act(&mut state, Action::Undo);
    act(&mut state, Action::MoveDown);
    act(&mut state, Action::Ignore);
    assert!(
        state.undone.is_empty(),
        "a new decision clears the redo tail"
    );

    journal_failed(&mut state, Op::Decide, "disk full");

    assert_eq!(
        state.selected(),
        Some(1),
        "back on the invitation not decided"
    );
    assert_eq!(state.undone.len(), 1, "the redo tail is back");
    act(&mut state, Action::Redo);
    assert_eq!(action_at(&state, 0), Some(Verdict::Accept));
}

#[test]
fn a_reply_the_journal_refused_goes_back_into_its_box() {
    let mut state = five();
    act(&mut state, Action::Reply);
    typed(&mut state, " See you!");
    let written = draft_text(&state);
    act(&mut state, Action::KeepReply);
    assert!(matches!(state.mode, Mode::List));

    journal_failed(&mut state, Op::Decide, "disk full");

    assert_eq!(draft_text(&state), written);
    assert_eq!(state.review.decision(0), None);
}

// Filter and sort

#[test]
fn the_filter_keeps_the_selected_invitation_under_the_cursor() {
    let mut state = five();
    act(&mut state, Action::Accept);
    act(&mut state, Action::MoveDown);
    act(&mut state, Action::Ignore);
    act(&mut state, Action::Last);
    assert_eq!(state.selected(), Some(4));

    act(&mut state, Action::CycleFilter);
    assert_eq!(state.filter, Filter::Pending);
    assert_eq!(state.view, [1, 3, 4]);
    assert_eq!(state.selected(), Some(4));
    assert_eq!(state.status.as_deref(), Some("Showing pending invitations"));

    act(&mut state, Action::CycleFilter);
    assert_eq!(state.filter, Filter::Decided);
    assert_eq!(state.view, [0, 2]);
    assert_eq!(state.cursor, 0, "the selected one is hidden: to the top");
    assert_eq!(state.selected(), Some(0));
}

#[test]
fn a_decision_under_a_filter_stays_in_view_until_the_filter_changes() {
    let mut state = five();
    state.restore(Filter::Pending, Sort::Queue, Some("eli"));
    assert_eq!(state.selected(), Some(4));

    act(&mut state, Action::Accept);
    assert_eq!(state.view, [0, 1, 2, 3, 4], "no row jumps away");
    assert_eq!(
        state.selected(),
        Some(0),
        "on to the next pending, wrapping"
    );
    act(&mut state, Action::Last);

    act(&mut state, Action::CycleFilter);
    assert_eq!(state.filter, Filter::Decided);
    assert_eq!(state.view, [4]);
    assert_eq!(state.selected(), Some(4), "kept under the cursor");
}

#[test]
fn the_sort_keeps_the_selected_invitation_under_the_cursor() {
    let mut state = five();
    act(&mut state, Action::MoveDown);
    act(&mut state, Action::MoveDown);
    assert_eq!(state.selected(), Some(2));

    act(&mut state, Action::CycleSort);
    assert_eq!(state.sort, Sort::Score);
    assert_eq!(state.selected(), Some(2));
    let scores: Vec<u8> = state
        .view
        .iter()
        .map(|&i| state.review.summary(i).score)
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert_eq!(state.status.as_deref(), Some("Sorted by score"));

    act(&mut state, Action::CycleSort);
    assert_eq!(state.sort, Sort::Name);
    let names: Vec<&str> = state
        .view
        .iter()
        .map(|&i| state.review.invitation(i).profile.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Acme Leads Inc",
            "Ben Young",
            "Cara Zorn",
            "Dora Adams",
            "Eli Brown"
        ]
    );
    assert_eq!(state.selected(), Some(2));
    assert_eq!(state.cursor, 1);

    act(&mut state, Action::CycleSort);
    assert_eq!(state.sort, Sort::Queue);
    assert_eq!(state.view, [0, 1, 2, 3, 4]);
    assert_eq!(state.selected(), Some(2));
}

// Modes and leaving

#[test]
fn help_opens_and_closes() {
    let mut state = five();
    assert!(act(&mut state, Action::ToggleHelp).is_empty());
    assert_eq!(state.context(), Context::Help);
    act(&mut state, Action::ToggleHelp);
    assert_eq!(state.context(), Context::List);
    assert_eq!(state.selected(), Some(0));
}

#[test]
fn quit_asks_to_leave_and_changes_nothing_else() {
    let mut state = five();
    assert!(!state.quitting);
    assert!(act(&mut state, Action::Quit).is_empty());
    assert!(state.quitting);
    assert_eq!(state.review.decided(), 0);
}

#[test]
fn suspend_hands_the_terminal_back() {
    let mut state = five();
    act(&mut state, Action::MoveDown);
    assert_eq!(act(&mut state, Action::Suspend), [Effect::Suspend]);
    assert_eq!(state.selected(), Some(1));
    assert!(!state.quitting);
}

// The saved place

#[test]
fn restore_puts_the_cursor_back_on_the_saved_invitation() {
    let mut state = five();
    state.restore(Filter::All, Sort::Name, Some("dora"));
    assert_eq!(state.sort, Sort::Name);
    assert_eq!(state.selected(), Some(3));
    assert_eq!(state.cursor, 3, "Dora is fourth by name");
}

#[test]
fn restore_falls_back_to_the_first_pending_when_the_saved_one_is_gone() {
    let mut state = five();
    state.review.set(0, Some(decision(Verdict::Accept, NOW)));
    state.review.set(1, Some(decision(Verdict::Ignore, NOW)));

    state.restore(Filter::All, Sort::Queue, Some("no-longer-in-the-queue"));
    assert_eq!(state.selected(), Some(2));

    state.restore(Filter::All, Sort::Queue, None);
    assert_eq!(state.selected(), Some(2));
}

#[test]
fn restore_falls_back_when_the_filter_hides_the_saved_one() {
    let mut state = five();
    state.review.set(3, Some(decision(Verdict::Accept, NOW)));

    state.restore(Filter::Pending, Sort::Queue, Some("dora"));

    assert_eq!(state.filter, Filter::Pending);
    assert_eq!(state.view, [0, 1, 2, 4]);
    assert_eq!(state.selected(), Some(0));
}

// Templates: picking one, a gap left in a draft, copying

fn two_templates() -> Templates {
    Templates::from_toml(
        r#"
[[template]]
name = "short"
body = '''
Hi {first_name|there}, how do we know each other?
'''

[[template]]
name = "company"
body = '''
Hi {first_name}, how are things at {company}?
'''
"#,
    )
    .unwrap()
}

#[test]
fn the_picker_moves_among_templates_and_not_the_list() {
    let mut state = with_templates(load(FIVE), two_templates());
    act(&mut state, Action::MoveDown);

    assert!(act(&mut state, Action::PickTemplate).is_empty());
    assert_eq!(state.context(), Context::Picker);
    assert!(matches!(state.mode, Mode::PickTemplate(0)));

    act(&mut state, Action::MoveDown);
    act(&mut state, Action::MoveDown);
    assert!(matches!(state.mode, Mode::PickTemplate(1)), "clamped");
    act(&mut state, Action::MoveUp);
    act(&mut state, Action::MoveUp);
    assert!(matches!(state.mode, Mode::PickTemplate(0)), "clamped");
    assert_eq!(state.selected(), Some(1), "the list cursor stays put");

    act(&mut state, Action::CancelReply);
    assert_eq!(state.context(), Context::List);
    assert_eq!(state.status, None, "no reply was dropped");
    assert_eq!(state.review.decided(), 0);
}

#[test]
fn choosing_a_template_drafts_with_it() {
    let mut state = with_templates(load(FIVE), two_templates());
    act(&mut state, Action::PickTemplate);
    act(&mut state, Action::MoveDown);

    act(&mut state, Action::Choose);

    assert_eq!(draft(&state).template, "company");
    assert_eq!(draft(&state).index, 0);
    assert!(draft_text(&state).starts_with("Hi Cara, how are things at"));
}

#[test]
fn a_draft_with_an_unfilled_placeholder_is_not_kept_until_filled() {
    let mut state = with_templates(load(FIVE), two_templates());
    act(&mut state, Action::PickTemplate);
    act(&mut state, Action::MoveDown);
    act(&mut state, Action::Choose);
    assert_eq!(draft(&state).missing, ["{company}"]);

    assert!(act(&mut state, Action::KeepReply).is_empty());
    assert_eq!(state.context(), Context::Reply);
    assert_eq!(state.review.decision(0), None);
    let status = state.status.clone().unwrap_or_default();
    assert!(status.contains("{company}"), "{status}");

    for _ in 0.."{company}?".chars().count() {
        act(&mut state, key(KeyCode::Backspace));
    }
    typed(&mut state, "the conference?");
    let effects = act(&mut state, Action::KeepReply);
    assert_eq!(effects.len(), 1);
    let kept = state.review.decision(0).and_then(|d| d.reply.as_deref());
    assert_eq!(kept, Some("Hi Cara, how are things at the conference?"));
}

#[test]
fn without_templates_there_is_no_draft() {
    let mut state = with_templates(load(FIVE), Templates::from_toml("").unwrap());
    for action in [Action::Reply, Action::PickTemplate, Action::TakeSuggestion] {
        act(&mut state, Action::First);
        act(&mut state, action);
        assert!(!matches!(state.mode, Mode::Reply(_)), "{action:?}");
        if action != Action::TakeSuggestion {
            let status = state.status.clone().unwrap_or_default();
            assert!(status.contains("no reply template"), "{status}");
        }
    }
}

#[test]
fn copy_gives_the_draft_or_the_kept_reply() {
    let mut state = five();
    assert!(
        act(&mut state, Action::Copy).is_empty(),
        "nothing kept here"
    );
    assert!(state.status.is_some());

    act(&mut state, Action::Reply);
    let text = draft_text(&state);
    assert_eq!(act(&mut state, Action::Copy), [Effect::Copy(text.clone())]);
    assert_eq!(
        state.context(),
        Context::Reply,
        "copying keeps the box open"
    );

    act(&mut state, Action::KeepReply);
    act(&mut state, Action::First);
    assert_eq!(act(&mut state, Action::Copy), [Effect::Copy(text)]);
    assert_eq!(state.review.decided(), 1, "copying decides nothing");
}
