//! The screens of a quick review: the main screen at 80×24 with the verdict
//! in sight, the sweep's preview, a search being typed, and the confirm of
//! marked invitations. Drawn through the real event loop on a
//! `TestBackend`, in a session under a temporary folder.
// Helpers unwrap as the tests do: a panic here is the test failing.
#![allow(clippy::unwrap_used)]

mod scripted;

use inviteq::store::journal;
use inviteq::store::session::{Session, Source};
use inviteq::tui::{App, Outcome};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode};
use scripted::{Script, demo_state, keys, paths, press};

/// The console on the demo, in a fresh session under `root`.
fn demo_app(root: &tempfile::TempDir) -> App {
    let opened = Session::open(&paths(root), Source::Demo, None).unwrap();
    App::new(demo_state(&opened.decisions), opened.session)
}

/// Runs the real loop over `events` on a `width`×`height` terminal and
/// gives back the last frame.
fn run(app: &mut App, events: Vec<Event>, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let outcome = app.run(&mut terminal, &mut Script(events.into())).unwrap();
    assert_eq!(outcome, Outcome::Stopped);
    terminal
}

fn screen(terminal: &Terminal<TestBackend>) -> String {
    terminal.backend().to_string()
}

#[test]
fn at_80_by_24_every_demo_invitation_shows_its_verdict_without_scrolling() {
    let root = tempfile::tempdir().unwrap();
    let mut app = demo_app(&root);
    let total = app.state.review.len();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    for n in 0..total {
        let step = if n == 0 { Vec::new() } else { keys("j") };
        app.run(&mut terminal, &mut Script(step.into())).unwrap();
        let text = screen(&terminal);
        let name = &app.state.review.invitation(n).profile.name;
        let person = app.state.review.invitation(n).kind == inviteq::model::Kind::Person;
        if person {
            assert!(text.contains("│Suggests  "), "{name}: {text}");
            assert!(text.contains("│Score "), "{name}: {text}");
        }
    }
}

#[test]
fn main_screen_at_80_by_24() {
    let root = tempfile::tempdir().unwrap();
    let mut app = demo_app(&root);
    let terminal = run(&mut app, keys("jjjj"), 80, 24);
    let text = screen(&terminal);
    assert!(text.contains("Suggests  accept  low confidence"), "{text}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn sweep_preview() {
    let root = tempfile::tempdir().unwrap();
    let mut app = demo_app(&root);
    let terminal = run(&mut app, keys("xjjj "), 100, 30);
    let text = screen(&terminal);
    assert!(
        text.contains("Sweep: decide 23 sure suggestions?"),
        "{text}"
    );
    assert!(text.contains("Accept 16 of 17"), "{text}");
    assert!(text.contains("(left out)"), "{text}");
    assert!(app.state.review.decided() == 0, "nothing decided yet");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn the_sweep_is_on_disk_as_one_batch_when_the_screen_shows_it() {
    let root = tempfile::tempdir().unwrap();
    let mut app = demo_app(&root);
    let terminal = run(
        &mut app,
        vec![press(KeyCode::Char('x')), press(KeyCode::Enter)],
        100,
        30,
    );
    let decided = app.state.review.decided();
    assert!(screen(&terminal).contains(&format!("{decided}/32 decided")));
    let on_disk = journal::read(app.session.journal_path()).unwrap();
    assert_eq!(on_disk.by_id.len(), decided);
    let text = std::fs::read_to_string(app.session.journal_path()).unwrap();
    assert_eq!(text.lines().count(), decided);
    assert_eq!(text.matches("\"batch\":1").count(), decided, "{text}");
}

#[test]
fn search_being_typed() {
    let root = tempfile::tempdir().unwrap();
    let mut app = demo_app(&root);
    let terminal = run(&mut app, keys("/growth"), 100, 30);
    let text = screen(&terminal);
    assert!(text.contains("/growth▏  1 of 2"), "{text}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn marks_confirm() {
    let root = tempfile::tempdir().unwrap();
    let mut app = demo_app(&root);
    let terminal = run(&mut app, keys("j   i"), 100, 30);
    let text = screen(&terminal);
    assert!(text.contains("Ignore 3 marked?"), "{text}");
    insta::assert_snapshot!(terminal.backend());
}
