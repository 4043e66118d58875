//! The template manager on a `TestBackend`, driven through the real event
//! loop by a scripted keyboard: its screens as snapshots, and saving and the
//! outside editor as the app runs them.
// Helpers unwrap as the tests do: a panic here is the test failing.
#![allow(clippy::unwrap_used)]

mod scripted;

use std::path::PathBuf;

use inviteq::store::session::{Session, Source};
use inviteq::templates::Templates;
use inviteq::tui::{App, Outcome};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode};
use scripted::{Script, ctrl, demo_state, keys, paths, press};

/// The demo console in a fresh session under `root`, saving templates to
/// `root/templates.toml`.
fn demo_app(root: &tempfile::TempDir) -> App {
    let opened = Session::open(&paths(root), Source::Demo, None).unwrap();
    let mut app = App::new(demo_state(&opened.decisions), opened.session);
    app.templates_file = Some(templates_file(root));
    app
}

fn templates_file(root: &tempfile::TempDir) -> PathBuf {
    root.path().join("templates.toml")
}

/// Runs the loop over `events` on `terminal`, and says why it returned.
fn run(app: &mut App, terminal: &mut Terminal<TestBackend>, events: Vec<Event>) -> Outcome {
    app.run(terminal, &mut Script(events.into())).unwrap()
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(120, 40)).unwrap()
}

/// On Resume Pro Services (no company known), in the manager, with
/// `welcome` opened in the editor and `Hello {company}! ` typed at its start.
fn welcome_edited() -> Vec<Event> {
    let mut events = keys("jjjjjjtG");
    events.push(press(KeyCode::Enter));
    events.extend(keys("Hello {company}! "));
    events
}

#[test]
fn the_manager_with_a_live_preview_and_an_unknown_value_flagged() {
    let root = tempfile::tempdir().unwrap();
    let mut app = demo_app(&root);
    let mut terminal = terminal();
    assert_eq!(
        run(&mut app, &mut terminal, welcome_edited()),
        Outcome::Stopped
    );
    let screen = terminal.backend().to_string();
    assert!(
        screen.contains("Preview for Resume Pro Services"),
        "{screen}"
    );
    assert!(screen.contains("Hello {company}! Hi Resume,"), "{screen}");
    assert!(screen.contains("welcome ●"), "{screen}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn the_manager_refusing_to_save_a_template_with_an_error() {
    let root = tempfile::tempdir().unwrap();
    let mut app = demo_app(&root);
    let mut terminal = terminal();
    let mut events = keys("t");
    events.push(press(KeyCode::Enter));
    events.extend(keys("{frist_name} "));
    events.push(ctrl('s'));
    run(&mut app, &mut terminal, events);
    let screen = terminal.backend().to_string();
    assert!(
        screen.contains("Not saved: template `how-do-we-know`, line 1, column 1"),
        "{screen}"
    );
    assert!(!templates_file(&root).exists(), "nothing was written");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn the_manager_help() {
    let root = tempfile::tempdir().unwrap();
    let mut app = demo_app(&root);
    let mut terminal = terminal();
    run(&mut app, &mut terminal, keys("t?"));
    let screen = terminal.backend().to_string();
    assert!(screen.contains("Ctrl-y"), "the editor's own keys: {screen}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn the_manager_asking_before_it_drops_changes() {
    let root = tempfile::tempdir().unwrap();
    let mut app = demo_app(&root);
    let mut terminal = terminal();
    let mut events = keys("td");
    events.extend(keys("yq"));
    run(&mut app, &mut terminal, events);
    let screen = terminal.backend().to_string();
    assert!(screen.contains("Drop unsaved changes? y/n"), "{screen}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn ctrl_s_writes_the_file_and_the_next_reply_uses_it() {
    let root = tempfile::tempdir().unwrap();
    let mut app = demo_app(&root);
    let mut terminal = terminal();
    let mut events = welcome_edited();
    events.push(ctrl('s'));
    events.push(press(KeyCode::Esc));
    events.push(press(KeyCode::Esc));
    run(&mut app, &mut terminal, events);
    let on_disk = Templates::load(&templates_file(&root)).unwrap();
    assert!(
        on_disk
            .get("welcome")
            .unwrap()
            .body
            .starts_with("Hello {company}! Hi")
    );
    assert_eq!(app.state.templates, on_disk);

    let mut events = keys("kkRjjj");
    events.push(press(KeyCode::Enter));
    run(&mut app, &mut terminal, events);
    let screen = terminal.backend().to_string();
    assert!(
        screen.contains("Reply to Tyler Brandt · welcome"),
        "{screen}"
    );
    assert!(
        screen.contains("Hello PipelineRocket! Hi Tyler,"),
        "{screen}"
    );
}

#[test]
fn e_hands_the_template_to_the_editor_and_takes_the_text_back() {
    let root = tempfile::tempdir().unwrap();
    let mut app = demo_app(&root);
    let mut terminal = terminal();
    let Outcome::ExternalEdit(file) = run(&mut app, &mut terminal, keys("tE")) else {
        panic!("E asks the runner for the editor");
    };
    let body = std::fs::read_to_string(&file).unwrap();
    assert!(body.starts_with("Hi {first_name|there},\n"), "{body}");
    std::fs::write(&file, format!("{body}P.S. Edited outside.\n")).unwrap();
    app.finish_external_edit(Ok(()));
    assert!(!file.exists(), "the file is removed");

    run(&mut app, &mut terminal, Vec::new());
    let screen = terminal.backend().to_string();
    assert!(screen.contains("P.S. Edited outside."), "{screen}");
    assert!(
        screen.contains("`how-do-we-know` changed in the editor"),
        "{screen}"
    );
    assert!(!templates_file(&root).exists(), "unsaved until Ctrl-s");
}

/// The prompt of `n` opens right under the selected template, where the
/// new one will be, and a refused name says why in full, wrapped.
#[test]
fn the_name_prompt_opens_where_the_new_template_will_be_and_its_error_is_whole() {
    let root = tempfile::tempdir().unwrap();
    let mut app = demo_app(&root);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut events = keys("tjn");
    events.extend(keys("no way"));
    run(&mut app, &mut terminal, events);
    let screen = terminal.backend().to_string();
    let rows: Vec<&str> = screen.lines().collect();
    let selected = rows
        .iter()
        .position(|row| row.contains("▶ meet-first"))
        .unwrap();
    assert!(
        rows[selected + 1].contains("New template's name"),
        "{screen}"
    );
    assert!(rows[selected + 2].contains("no way"), "{screen}");
    let list: String = rows
        .iter()
        .filter_map(|row| row.split('│').nth(1))
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        list.contains("a template name has only letters, digits, `-` and `_`, not ' '"),
        "{list}"
    );
    assert!(
        rows[selected + 4..]
            .iter()
            .any(|r| r.contains("  not-an-open-networker")),
        "the rows after it move down: {screen}"
    );
    insta::assert_snapshot!(terminal.backend());
}

/// The list's title reads as one: "Templates · unsaved".
#[test]
fn the_title_says_unsaved_in_one_piece() {
    let root = tempfile::tempdir().unwrap();
    let mut app = demo_app(&root);
    let mut terminal = terminal();
    run(&mut app, &mut terminal, welcome_edited());
    let screen = terminal.backend().to_string();
    assert!(screen.contains("┌ Templates · unsaved ─"), "{screen}");
}

/// `A` says what a template is for; the editor's title shows it.
#[test]
fn the_about_typed_shows_over_the_editor() {
    let root = tempfile::tempdir().unwrap();
    let mut app = demo_app(&root);
    let mut terminal = terminal();
    let mut events = keys("tGA");
    events.extend((0..40).map(|_| press(KeyCode::Backspace)));
    events.extend(keys("after accepting"));
    events.push(press(KeyCode::Enter));
    run(&mut app, &mut terminal, events);
    let screen = terminal.backend().to_string();
    assert!(screen.contains("┌ welcome · after accepting ─"), "{screen}");
}
