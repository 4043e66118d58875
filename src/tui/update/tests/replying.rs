//! Replying: drafting, editing, keeping, and templates.

use super::*;

// Replying

#[test]
fn reply_opens_a_draft_addressed_by_first_name() {
    let mut state = five();
    act(&mut state, Action::MoveDown);
    act(&mut state, Action::MoveDown);

    assert!(act(&mut state, Action::Reply).is_empty());

    assert_eq!(state.context(), KeyContext::Reply);
    let draft = draft(&state);
    assert_eq!(draft.index, 2);
    assert!(!draft.template.is_empty());
    let text = draft_text(&state);
    assert!(text.starts_with("Hi Ben,"), "{text}");
    assert!(!text.contains("Young"), "{text}");
    assert_eq!(state.review.decision(2), None);
    assert!(state.undo.is_empty());
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
    assert_eq!(state.context(), KeyContext::List);
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
    assert_eq!(state.context(), KeyContext::Reply);
    assert_eq!(state.review.decision(0), None);
    assert!(state.undo.is_empty());
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

    assert_eq!(state.context(), KeyContext::List);
    assert_eq!(state.review.decision(0), None);
    assert_eq!(state.review.decided(), 0);
    assert!(state.undo.is_empty());
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
    assert_eq!(state.context(), KeyContext::Picker);
    assert!(matches!(state.mode, Mode::PickTemplate(0)));

    act(&mut state, Action::MoveDown);
    act(&mut state, Action::MoveDown);
    assert!(matches!(state.mode, Mode::PickTemplate(1)), "clamped");
    act(&mut state, Action::MoveUp);
    act(&mut state, Action::MoveUp);
    assert!(matches!(state.mode, Mode::PickTemplate(0)), "clamped");
    assert_eq!(state.selected(), Some(1), "the list cursor stays put");

    act(&mut state, Action::CancelReply);
    assert_eq!(state.context(), KeyContext::List);
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
    assert_eq!(state.context(), KeyContext::Reply);
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
        KeyContext::Reply,
        "copying keeps the box open"
    );

    act(&mut state, Action::KeepReply);
    act(&mut state, Action::First);
    assert_eq!(act(&mut state, Action::Copy), [Effect::Copy(text)]);
    assert_eq!(state.review.decided(), 1, "copying decides nothing");
}

#[test]
fn r_says_when_the_template_the_policy_names_is_gone_and_which_one_it_used() {
    let settings = crate::score::Settings {
        policy: crate::score::Policy::MeetFirst,
        ..Default::default()
    };
    let review = Review::new(load(FIVE), &Decisions::default(), None, |queue| {
        Scorer::new(queue, &settings, time::macros::date!(2026 - 11 - 27))
    });
    let mut templates = Templates::builtin();
    templates.remove("meet-first");
    let mut state = State::new(review, templates, "test".into());
    let stranger = (0..state.review.len())
        .position(|i| state.review.assess(i).suggestion.template == Some("meet-first"))
        .unwrap();
    state.move_cursor(stranger);

    for action in [Action::Reply, Action::TakeSuggestion] {
        act(&mut state, action);
        assert_eq!(draft(&state).template, "how-do-we-know", "{action:?}");
        assert_eq!(
            state.status.as_deref(),
            Some(
                "There is no template `meet-first`, which the meet-first policy replies with: \
                 drafted with `how-do-we-know`"
            ),
            "{action:?}"
        );
        act(&mut state, Action::CancelReply);
    }
}

#[test]
fn r_with_the_policys_template_there_says_nothing() {
    let mut state = five();
    act(&mut state, Action::Reply);
    assert_eq!(state.status, None);
}

fn ctrl_key(state: &State, c: char) -> Option<Action> {
    let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    state.keymap.resolve(state.context(), key)
}

/// One key, one meaning in both editors: Ctrl-y pastes what was cut, as
/// in the template editor; Ctrl-o copies the reply to the clipboard.
#[test]
fn in_the_reply_box_ctrl_y_pastes_and_ctrl_o_copies() {
    let mut state = five();
    act(&mut state, Action::Reply);
    typed(&mut state, " Cheers");
    let cut = ctrl_key(&state, 'w').unwrap();
    act(&mut state, cut);
    assert!(!draft_text(&state).ends_with("Cheers"));
    let paste = ctrl_key(&state, 'y').unwrap();
    assert!(matches!(paste, Action::Edit(_)), "{paste:?}");
    act(&mut state, paste);
    act(&mut state, paste);
    assert!(
        draft_text(&state).ends_with("CheersCheers"),
        "{}",
        draft_text(&state)
    );

    let copy = ctrl_key(&state, 'o');
    assert_eq!(copy, Some(Action::Copy));
    let text = draft_text(&state);
    assert_eq!(act(&mut state, Action::Copy), [Effect::Copy(text)]);
}

#[test]
fn in_the_reply_box_ctrl_u_takes_back_a_word_and_ctrl_r_makes_it_again() {
    let mut state = five();
    act(&mut state, Action::Reply);
    let drafted = draft_text(&state);
    typed(&mut state, " See you soon");
    let undo = ctrl_key(&state, 'u').unwrap();
    act(&mut state, undo);
    assert_eq!(draft_text(&state), format!("{drafted} See you "));
    act(&mut state, undo);
    act(&mut state, undo);
    assert_eq!(draft_text(&state), drafted);
    act(&mut state, undo);
    assert_eq!(
        state.status.as_deref(),
        Some("Nothing to take back or make again")
    );
    let redo = ctrl_key(&state, 'r').unwrap();
    act(&mut state, redo);
    assert_eq!(draft_text(&state), format!("{drafted} See "));
}

// Accepting with a welcome

#[test]
fn accept_with_a_welcome_drafts_the_welcome_and_keeping_it_accepts_with_the_text() {
    let mut state = five();
    assert!(act(&mut state, Action::AcceptWelcome).is_empty());
    assert_eq!(state.context(), KeyContext::Reply);
    assert_eq!(draft(&state).template, "welcome");
    assert_eq!(draft(&state).verdict, Verdict::Accept);
    assert_eq!(
        state.review.decision(0),
        None,
        "nothing decided before keeping"
    );
    let screen = frame(&mut state, 100, 30);
    assert!(
        screen.contains("Accept Cara Zorn, then send · welcome"),
        "{screen}"
    );

    let text = draft_text(&state);
    let effects = act(&mut state, Action::KeepReply);
    let accepted = Decision {
        action: Verdict::Accept,
        template: Some("welcome".into()),
        reply: Some(text.clone()),
        decided_at: NOW,
        carried_out_at: None,
    };
    assert_eq!(
        effects,
        [record(Op::Decide, 0, None, Some(accepted.clone()))]
    );
    assert_eq!(state.review.decision(0), Some(&accepted));
    assert_eq!(state.selected(), Some(1), "on to the next pending");

    act(&mut state, Action::First);
    assert_eq!(act(&mut state, Action::Copy), [Effect::Copy(text.clone())]);
    act(&mut state, Action::ToggleChecklist);
    let screen = frame(&mut state, 120, 30);
    let first_line = text.lines().next().unwrap_or_default();
    let then = screen
        .find("then send:")
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(screen[then..].contains(first_line), "{screen}");
}

#[test]
fn a_welcome_that_cannot_be_written_goes_back_into_its_box() {
    let mut state = five();
    act(&mut state, Action::AcceptWelcome);
    let text = draft_text(&state);
    act(&mut state, Action::KeepReply);
    act(
        &mut state,
        Event::Recorded {
            op: Op::Decide,
            result: Err("disk full".into()),
        },
    );
    assert_eq!(state.review.decision(0), None);
    assert_eq!(draft(&state).verdict, Verdict::Accept);
    assert_eq!(draft_text(&state), text);
}

#[test]
fn without_a_welcome_template_nothing_is_drafted_and_the_status_says_so() {
    let mut state = with_templates(load(FIVE), Templates::default());
    act(&mut state, Action::AcceptWelcome);
    assert_eq!(state.context(), KeyContext::List);
    assert_eq!(
        state.status.as_deref(),
        Some("There is no template named `welcome`: t opens the template manager")
    );
}
