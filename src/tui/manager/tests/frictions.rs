//! What a newcomer met in the manager: no way to say what a template is
//! for, and deleting the one a policy replies with without a word.

use super::*;
use crate::score::{Policy, Settings};
use crate::templates::templates_listing;

/// The demo under `policy`, with the manager open on `how-do-we-know`.
fn opened_under(policy: Policy) -> State {
    let settings = Settings {
        policy,
        ..Settings::default()
    };
    let review = Review::new(import::demo(), &Decisions::default(), None, |queue| {
        Scorer::new(queue, &settings, time::macros::date!(2026 - 11 - 27))
    });
    let mut state = State::new(review, Templates::builtin(), "demo".into());
    press(&mut state, KeyCode::Char('t'));
    state
}

fn erase(state: &mut State) {
    press(state, KeyCode::End);
    for _ in 0..100 {
        press(state, KeyCode::Backspace);
    }
}

fn about(state: &State, name: &str) -> Option<String> {
    manager(state).templates.get(name)?.about.clone()
}

#[test]
fn a_describes_the_selected_template_and_the_save_writes_its_about() {
    let mut state = opened();
    press(&mut state, KeyCode::Char('n'));
    typed(&mut state, "thanks-anyway");
    press(&mut state, KeyCode::Enter);
    press(&mut state, KeyCode::Esc);
    assert_eq!(about(&state, "thanks-anyway"), None);

    press(&mut state, KeyCode::Char('A'));
    assert_eq!(state.context(), KeyContext::ManagerPrompt);
    typed(&mut state, "  after a call that went nowhere ");
    press(&mut state, KeyCode::Enter);
    assert_eq!(state.context(), KeyContext::Manager);
    assert_eq!(
        about(&state, "thanks-anyway").as_deref(),
        Some("after a call that went nowhere")
    );
    let said = state.status.clone().unwrap_or_default();
    assert!(said.contains("is for: after a call"), "{said}");

    let effects = ctrl(&mut state, 's');
    let [Effect::SaveTemplates(saved)] = effects.as_slice() else {
        panic!("no save: {effects:?}");
    };
    let file = saved.to_toml();
    assert!(
        file.contains("about = \"after a call that went nowhere\""),
        "{file}"
    );
    let read_back = Templates::from_toml(&file).unwrap();
    let listing = templates_listing(&read_back, std::path::Path::new("templates.toml"));
    assert!(
        listing.contains("after a call that went nowhere"),
        "{listing}"
    );
}

#[test]
fn a_starts_from_the_about_there_is_and_blank_clears_it() {
    let mut state = opened();
    let before = about(&state, "how-do-we-know").unwrap();
    press(&mut state, KeyCode::Char('A'));
    let shown = manager(&state)
        .prompt
        .as_ref()
        .map(|p| p.input.lines().concat());
    assert_eq!(shown, Some(before));
    erase(&mut state);
    press(&mut state, KeyCode::Enter);
    assert_eq!(about(&state, "how-do-we-know"), None);
}

#[test]
fn an_about_too_long_for_the_picker_is_refused_with_the_reason() {
    let mut state = opened();
    press(&mut state, KeyCode::Char('A'));
    erase(&mut state);
    typed(&mut state, &"x".repeat(ABOUT_CAP + 1));
    let error = prompt_error(&state).unwrap_or_default();
    assert!(error.contains("at most 60 characters"), "{error}");
    press(&mut state, KeyCode::Enter);
    assert_eq!(state.context(), KeyContext::ManagerPrompt, "still asking");
    assert_ne!(
        about(&state, "how-do-we-know"),
        Some("x".repeat(ABOUT_CAP + 1))
    );
}

#[test]
fn deleting_the_template_your_policy_replies_with_warns_first() {
    let mut state = opened_under(Policy::KnowAndTrust);
    press(&mut state, KeyCode::Char('d'));
    let question = manager(&state)
        .confirm
        .as_ref()
        .map(|c| c.question(state.review.policy()))
        .unwrap_or_default();
    assert_eq!(
        question,
        "Delete template `how-do-we-know`? Your know-and-trust policy replies with it; \
         its replies would be drafted with another."
    );
}

#[test]
fn deleting_a_template_another_policy_replies_with_says_which() {
    let question = |name: &str| Confirm::Delete(name.into()).question(Policy::Open);
    assert_eq!(
        question("how-do-we-know"),
        "Delete template `how-do-we-know`? (The selective and know-and-trust policies reply with it.)"
    );
    assert_eq!(
        question("meet-first"),
        "Delete template `meet-first`? (The meet-first policy replies with it.)"
    );
    assert_eq!(question("welcome"), "Delete template `welcome`?");
}

#[test]
fn in_the_template_editor_ctrl_end_goes_to_the_end_and_ctrl_u_takes_back_a_word() {
    let mut state = opened();
    press(&mut state, KeyCode::Enter);
    let body = manager(&state).editor.text();
    key(&mut state, KeyCode::End, KeyModifiers::CONTROL);
    let lines = manager(&state).editor.lines().to_vec();
    let end = (lines.len() - 1, lines[lines.len() - 1].chars().count());
    assert_eq!(manager(&state).editor.cursor(), end);

    typed(&mut state, " Bye now");
    ctrl(&mut state, 'u');
    assert_eq!(manager(&state).editor.text(), format!("{body} Bye "));
    ctrl(&mut state, 'u');
    assert_eq!(manager(&state).editor.text(), body);
    key(&mut state, KeyCode::Home, KeyModifiers::CONTROL);
    assert_eq!(manager(&state).editor.cursor(), (0, 0));
}
