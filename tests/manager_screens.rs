//! The template manager on a `TestBackend`, driven through the real event
//! loop by a scripted keyboard: its screens as snapshots, and saving and the
//! outside editor as the app runs them.

use std::collections::VecDeque;
use std::io;
use std::path::PathBuf;

use inviteq::import;
use inviteq::review::Review;
use inviteq::score::Scorer;
use inviteq::store::Paths;
use inviteq::store::session::{Session, Source};
use inviteq::templates::Templates;
use inviteq::tui::{App, Events, Outcome, State};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

struct Script(VecDeque<Event>);

impl Events for Script {
    fn next(&mut self) -> io::Result<Option<Event>> {
        Ok(self.0.pop_front())
    }

    fn pending(&mut self) -> io::Result<bool> {
        Ok(false)
    }
}

fn press(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn ctrl(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

fn keys(text: &str) -> Vec<Event> {
    text.chars().map(|c| press(KeyCode::Char(c))).collect()
}

/// The demo console in a fresh session under `root`, saving templates to
/// `root/templates.toml`.
fn demo_app(root: &tempfile::TempDir) -> App {
    let paths = Paths {
        config_dir: root.path().join("config"),
        data_dir: root.path().join("data"),
    };
    let opened = Session::open(&paths, Source::Demo, None).unwrap();
    let queue = import::demo();
    let review = Review::new(queue, &opened.decisions, None, default_scorer);
    let state = State::new(review, Templates::builtin(), "demo".into());
    let mut app = App::new(state, opened.session);
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

/// The default settings, on a fixed day, so that scores never depend on the clock.
fn default_scorer(queue: &inviteq::model::Queue) -> Scorer {
    Scorer::new(
        queue,
        &inviteq::config::Settings::default(),
        time::macros::date!(2026 - 11 - 27),
    )
}
