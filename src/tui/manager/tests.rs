//! The template manager, key by key through the real keymap and `update`.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use time::macros::datetime;

use super::step::clean;
use super::*;
use crate::import;
use crate::review::Review;
use crate::score::Scorer;
use crate::store::journal::Decisions;
use crate::tui::effect::Effect;
use crate::tui::event::Event;
use crate::tui::state::{Mode, State};
use crate::tui::update::update;

mod frictions;

fn demo() -> State {
    let queue = import::demo();
    let review = Review::new(queue, &Decisions::default(), None, default_scorer);
    State::new(review, Templates::builtin(), "demo".into())
}

const NOW: time::OffsetDateTime = datetime!(2026-12-01 09:30 UTC);

fn key(state: &mut State, code: KeyCode, modifiers: KeyModifiers) -> Vec<Effect> {
    let event = KeyEvent::new(code, modifiers);
    match state.keymap.resolve(state.context(), event) {
        Some(action) => update(state, action, NOW),
        None => Vec::new(),
    }
}

/// The outside editor is done with `how-do-we-know`, as the app tells `update`.
fn edited_externally(state: &mut State, text: Result<String, String>) {
    let name = "how-do-we-know".to_string();
    let effects = update(state, Event::EditedExternally { name, text }, NOW);
    assert_eq!(effects, []);
}

fn press(state: &mut State, code: KeyCode) -> Vec<Effect> {
    key(state, code, KeyModifiers::NONE)
}

fn ctrl(state: &mut State, c: char) -> Vec<Effect> {
    key(state, KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn typed(state: &mut State, text: &str) {
    for c in text.chars() {
        press(state, KeyCode::Char(c));
    }
}

fn manager(state: &State) -> &Manager {
    match &state.mode {
        Mode::Templates(manager) => manager,
        _ => panic!("the template manager is not open"),
    }
}

fn names(state: &State) -> Vec<&str> {
    manager(state)
        .templates
        .as_slice()
        .iter()
        .map(|t| t.name.as_str())
        .collect()
}

/// The demo console with the manager open on `how-do-we-know`.
fn opened() -> State {
    let mut state = demo();
    press(&mut state, KeyCode::Char('t'));
    assert_eq!(manager(&state).context(), KeyContext::Manager);
    state
}

#[test]
fn t_opens_the_manager_on_a_copy_and_esc_leaves_when_nothing_changed() {
    let mut state = opened();
    assert_eq!(names(&state)[0], "how-do-we-know");
    assert!(!manager(&state).is_dirty(&state.templates));
    press(&mut state, KeyCode::Esc);
    assert!(matches!(state.mode, Mode::List));
}

#[test]
fn n_names_a_new_template_after_the_selected_one_and_edits_it() {
    let mut state = opened();
    press(&mut state, KeyCode::Char('n'));
    assert_eq!(state.context(), KeyContext::ManagerPrompt);
    typed(&mut state, "thanks-anyway");
    press(&mut state, KeyCode::Enter);
    assert_eq!(names(&state)[1], "thanks-anyway");
    let manager = manager(&state);
    assert_eq!(manager.selected, 1);
    assert_eq!(manager.context(), KeyContext::ManagerEditor);
    assert_eq!(manager.editor.lines().join("\n"), STARTER);
    assert!(manager.is_dirty(&state.templates));
}

#[test]
fn a_bad_or_taken_name_is_refused_in_the_prompt_with_the_reason() {
    let mut state = opened();
    press(&mut state, KeyCode::Char('n'));
    typed(&mut state, "no way");
    let error = prompt_error(&state);
    assert_eq!(
        error.as_deref(),
        Some("a template name has only letters, digits, `-` and `_`, not ' '")
    );
    press(&mut state, KeyCode::Enter);
    assert_eq!(state.context(), KeyContext::ManagerPrompt);
    for _ in 0.."no way".len() {
        press(&mut state, KeyCode::Backspace);
    }
    typed(&mut state, "Welcome");
    press(&mut state, KeyCode::Enter);
    let error = prompt_error(&state);
    assert_eq!(
        error.as_deref(),
        Some("there is already a template named `welcome`")
    );
    press(&mut state, KeyCode::Esc);
    assert_eq!(state.context(), KeyContext::Manager);
    assert_eq!(names(&state).len(), 4);
}

#[test]
fn r_renames_from_the_current_name() {
    let mut state = opened();
    press(&mut state, KeyCode::Char('j'));
    press(&mut state, KeyCode::Char('r'));
    assert_eq!(
        manager(&state)
            .prompt
            .as_ref()
            .map(|p| p.input.lines().concat()),
        Some("meet-first".to_string())
    );
    for _ in 0.."first".len() {
        press(&mut state, KeyCode::Backspace);
    }
    typed(&mut state, "for-coffee");
    press(&mut state, KeyCode::Enter);
    assert_eq!(names(&state)[1], "meet-for-coffee");
    assert_eq!(state.context(), KeyContext::Manager);
    assert!(
        state
            .status
            .as_deref()
            .unwrap_or_default()
            .contains("renamed")
    );
}

#[test]
fn d_deletes_only_after_y() {
    let mut state = opened();
    press(&mut state, KeyCode::Char('d'));
    assert_eq!(
        manager(&state).confirm,
        Some(Confirm::Delete("how-do-we-know".into()))
    );
    assert_eq!(state.context(), KeyContext::ManagerConfirm);
    press(&mut state, KeyCode::Char('n'));
    assert_eq!(names(&state).len(), 4);
    press(&mut state, KeyCode::Char('d'));
    press(&mut state, KeyCode::Char('x'));
    assert_eq!(
        state.context(),
        KeyContext::ManagerConfirm,
        "only y or n answer"
    );
    press(&mut state, KeyCode::Char('y'));
    assert_eq!(
        names(&state),
        ["meet-first", "not-an-open-networker", "welcome"]
    );
    assert!(manager(&state).editor.lines()[0].starts_with("Hi {first_name|there}"));
}

#[test]
fn an_edit_saves_through_an_effect_and_then_drafts_replies() {
    let mut state = opened();
    press(&mut state, KeyCode::Enter);
    assert_eq!(state.context(), KeyContext::ManagerEditor);
    typed(&mut state, "Hello! ");
    let effects = ctrl(&mut state, 's');
    let [Effect::SaveTemplates(templates)] = effects.as_slice() else {
        panic!("expected one save, got {effects:?}");
    };
    let body = &templates.as_slice()[0].body;
    assert!(body.starts_with("Hello! Hi {first_name|there},"), "{body}");
    assert_ne!(
        &state.templates, templates,
        "nothing is saved before the disk"
    );

    let saved = Ok((templates.clone(), "t.toml".into()));
    update(&mut state, Event::TemplatesSaved(saved), NOW);
    assert_eq!(&state.templates, templates);
    assert_eq!(state.status.as_deref(), Some("Saved 4 templates to t.toml"));
    press(&mut state, KeyCode::Esc);
    press(&mut state, KeyCode::Esc);
    assert!(matches!(state.mode, Mode::List), "saved: no question");
    press(&mut state, KeyCode::Char('r'));
    let Mode::Reply(draft) = &state.mode else {
        panic!("r drafts a reply");
    };
    assert!(draft.editor.lines()[0].starts_with("Hello! Hi "));
}

#[test]
fn a_template_with_errors_is_not_saved_and_the_cursor_goes_to_the_error() {
    let mut state = opened();
    press(&mut state, KeyCode::Char('j'));
    press(&mut state, KeyCode::Tab);
    press(&mut state, KeyCode::Down);
    press(&mut state, KeyCode::Down);
    typed(&mut state, "{frist_name} ");
    press(&mut state, KeyCode::Esc);
    press(&mut state, KeyCode::Char('k'));
    let effects = ctrl(&mut state, 's');
    assert_eq!(effects, []);
    let status = state.status.clone().unwrap_or_default();
    assert!(
        status.starts_with(
            "Not saved: template `meet-first`, line 3, column 1: unknown placeholder `{frist_name}`"
        ),
        "{status}"
    );
    let manager = manager(&state);
    assert_eq!(manager.selected, 1, "the template with the error is shown");
    assert_eq!(manager.context(), KeyContext::ManagerEditor);
    assert_eq!(manager.editor.cursor(), (2, 0));
    assert!(manager.editor.lines()[2].starts_with("{frist_name} Thanks"));
}

#[test]
fn leaving_with_changes_asks_first() {
    let mut state = opened();
    press(&mut state, KeyCode::Enter);
    typed(&mut state, "x");
    press(&mut state, KeyCode::Esc);
    press(&mut state, KeyCode::Char('q'));
    assert_eq!(manager(&state).confirm, Some(Confirm::Drop { quit: false }));
    press(&mut state, KeyCode::Char('n'));
    assert!(
        manager(&state).is_dirty(&state.templates),
        "the edit is kept"
    );
    press(&mut state, KeyCode::Esc);
    press(&mut state, KeyCode::Char('y'));
    assert!(matches!(state.mode, Mode::List));
    assert_eq!(state.templates, Templates::builtin());
}

#[test]
fn undoing_every_edit_leaves_nothing_to_ask_about() {
    let mut state = opened();
    press(&mut state, KeyCode::Enter);
    typed(&mut state, "ab");
    ctrl(&mut state, 'u');
    ctrl(&mut state, 'u');
    press(&mut state, KeyCode::Esc);
    press(&mut state, KeyCode::Esc);
    assert!(matches!(state.mode, Mode::List));
}

#[test]
fn ctrl_c_with_changes_asks_before_quitting() {
    let mut state = opened();
    press(&mut state, KeyCode::Char('d'));
    press(&mut state, KeyCode::Char('y'));
    ctrl(&mut state, 'c');
    assert!(!state.quitting);
    press(&mut state, KeyCode::Char('y'));
    assert!(state.quitting);
}

#[test]
fn e_hands_the_body_to_the_outside_editor_and_takes_its_text_back_unsaved() {
    let mut state = opened();
    let effects = press(&mut state, KeyCode::Char('E'));
    let body = Templates::builtin().as_slice()[0].body.clone();
    assert_eq!(
        effects,
        [Effect::EditExternally {
            name: "how-do-we-know".into(),
            body: body.clone()
        }]
    );
    edited_externally(&mut state, Ok(format!("{body}\nBye\n")));
    let edited = &manager(&state).templates.as_slice()[0].body;
    assert_eq!(edited, &format!("{body}\nBye"));
    assert!(manager(&state).editor.lines().join("\n").ends_with("\nBye"));
    assert_eq!(state.templates, Templates::builtin(), "not saved yet");

    // The editor's history holds it as clearing the text, then the new text.
    press(&mut state, KeyCode::Enter);
    ctrl(&mut state, 'u');
    ctrl(&mut state, 'u');
    assert!(
        !manager(&state).is_dirty(&state.templates),
        "undo takes it back"
    );
}

#[test]
fn a_failed_outside_edit_changes_nothing_and_says_why() {
    let mut state = opened();
    edited_externally(
        &mut state,
        Err("The editor `vi` stopped with exit status: 1".into()),
    );
    assert_eq!(
        state.status.as_deref(),
        Some("The editor `vi` stopped with exit status: 1; the template is unchanged")
    );
    assert!(!manager(&state).is_dirty(&state.templates));
}

#[test]
fn text_from_an_editor_loses_its_final_line_break_and_control_characters() {
    assert_eq!(clean("Hi\r\nthere\n"), "Hi\nthere");
    assert_eq!(clean("a\u{1b}[2Jb\tc\n\n"), "a[2Jb\tc\n");
}

#[test]
fn question_mark_shows_the_keys_and_any_key_closes_them() {
    let mut state = opened();
    press(&mut state, KeyCode::Char('?'));
    assert!(manager(&state).help);
    press(&mut state, KeyCode::Esc);
    assert!(!manager(&state).help);
    assert!(
        matches!(state.mode, Mode::Templates(_)),
        "Esc only closed the help"
    );
}

/// The default settings, on a fixed day, so that scores never depend on the clock.
fn default_scorer(queue: &crate::model::Queue) -> Scorer {
    Scorer::new(
        queue,
        &crate::score::Settings::default(),
        time::macros::date!(2026 - 11 - 27),
    )
}

/// What the name prompt says is wrong with the name typed, if anything.
fn prompt_error(state: &State) -> Option<String> {
    manager(state).prompt.as_ref().and_then(|p| p.error.clone())
}
