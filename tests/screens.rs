//! Whole screens of the console, drawn on a `TestBackend` and compared with
//! the snapshots in `tests/snapshots/`. Screens that need a mode (help, the
//! reply box) or decisions taken by keystroke run the real event loop with a
//! scripted keyboard, in a session under a temporary folder.
// Helpers unwrap as the tests do: a panic here is the test failing.
#![allow(clippy::unwrap_used)]

mod scripted;

use inviteq::model::{Decision, Verdict};
use inviteq::store::journal::{self, Decisions};
use inviteq::store::session::{Session, Source};
use inviteq::templates::Templates;
use inviteq::tui::{App, Outcome, State};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::Event;
use scripted::{Script, ctrl, demo_state, keys, paths};
use time::OffsetDateTime;
use time::macros::datetime;

/// Every decision shown on screen is dated: a fixed date keeps the
/// snapshots stable.
const DECIDED_AT: OffsetDateTime = datetime!(2026-12-01 09:30 UTC);

fn draw(state: &State, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| {
            inviteq::tui::draw(state, frame);
        })
        .unwrap();
    terminal
}

/// The screen as plain text, to look for what a snapshot must show.
fn screen(terminal: &Terminal<TestBackend>) -> String {
    terminal.backend().to_string()
}

/// The console on the demo, in a fresh session under `root`.
fn demo_app(root: &tempfile::TempDir) -> App {
    let opened = Session::open(&paths(root), Source::Demo, None).unwrap();
    App::new(demo_state(&opened.decisions), opened.session)
}

/// The console on the demo, resumed with `decisions` and the cursor saved on
/// invitation `cursor`. The decisions are given rather than read from the
/// journal, so that their dates are fixed.
fn resumed_demo_app(root: &tempfile::TempDir, decisions: &Decisions, cursor: &str) -> App {
    let mut opened = Session::open(&paths(root), Source::Demo, None).unwrap();
    opened.session.state.cursor = Some(cursor.to_string());
    App::new(demo_state(decisions), opened.session)
}

/// Runs the real loop over `events` and gives back the last frame.
fn run(app: &mut App, events: Vec<Event>) -> Terminal<TestBackend> {
    run_at(app, events, 120, 40)
}

/// The same, on a terminal of `width`×`height`.
fn run_at(app: &mut App, events: Vec<Event>, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let outcome = app.run(&mut terminal, &mut Script(events.into())).unwrap();
    assert_eq!(outcome, Outcome::Stopped);
    terminal
}

/// The score block of an account that is not a person: every reason with
/// its points, the threshold, and the suggestion with its confidence.
#[test]
fn the_score_explains_a_non_person() {
    let mut state = demo_state(&Decisions::default());
    let brand = state.review.position("demo-02").unwrap();
    state.restore(
        Default::default(),
        None,
        Default::default(),
        Some("demo-02"),
    );
    assert_eq!(state.selected(), Some(brand));
    let terminal = draw(&state, 120, 40);
    let text = screen(&terminal);
    assert!(text.contains("not a person at 60+"), "{text}");
    assert!(text.contains("Suggests  ignore"), "{text}");
    assert!(
        text.contains("│  ·   0 acc H Priya Raman"),
        "the first row stays on screen: {text}"
    );
    insta::assert_snapshot!(terminal.backend());
}

/// A suggestion the signals are not sure of says why in one line, under
/// the suggestion, and the list row carries its letters.
#[test]
fn a_doubtful_suggestion_says_why() {
    let mut state = demo_state(&Decisions::default());
    state.restore(
        Default::default(),
        None,
        Default::default(),
        Some("demo-05"),
    );
    let terminal = draw(&state, 120, 40);
    let text = screen(&terminal);
    assert!(text.contains("▶ ·  15 acc L Tyler Brandt"), "{text}");
    assert!(text.contains("accept  low confidence"), "{text}");
    assert!(
        text.contains("look before accepting, a sign disagrees: the note is a pitch"),
        "{text}"
    );
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn main_screen() {
    let state = demo_state(&Decisions::default());
    let terminal = draw(&state, 120, 40);
    let text = screen(&terminal);
    assert!(text.contains("0/32"), "{text}");
    assert!(
        text.contains("▶ ·"),
        "the first row is selected and pending"
    );
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn main_screen_at_the_smallest_size_that_fits() {
    let state = demo_state(&Decisions::default());
    let terminal = draw(&state, 60, 12);
    assert!(!screen(&terminal).contains("larger terminal"));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn too_small_terminal() {
    let state = demo_state(&Decisions::default());
    let terminal = draw(&state, 40, 10);
    let text = screen(&terminal);
    assert!(text.contains("larger terminal"), "{text}");
    assert!(text.contains("now 40×10"), "{text}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn tiny_terminals_never_crash() {
    let state = demo_state(&Decisions::default());
    for (width, height) in [(0, 0), (1, 1), (59, 40), (120, 11), (3, 200)] {
        draw(&state, width, height);
    }
}

#[test]
fn help_overlay() {
    let root = tempfile::tempdir().unwrap();
    let mut app = demo_app(&root);
    let terminal = run(&mut app, keys("?"));
    let text = screen(&terminal);
    assert!(text.contains("Keys"), "{text}");
    assert!(text.contains("Ctrl-r"), "{text}");
    insta::assert_snapshot!(terminal.backend());
}

/// At 80×24 the help does not fit: it scrolls to its end, where `q quit`
/// is, says where it stands, and leaves the status bar in sight.
#[test]
fn help_at_80_by_24_scrolled_to_its_end() {
    let root = tempfile::tempdir().unwrap();
    let mut app = demo_app(&root);
    let terminal = run_at(&mut app, keys("?G"), 80, 24);
    let text = screen(&terminal);
    assert!(text.contains("q Ctrl-c      quit"), "{text}");
    let edge = text
        .lines()
        .find(|l| l.contains(" of "))
        .unwrap_or_default();
    assert!(edge.contains("–"), "where it stands: {text}");
    assert!(text.contains("0/32 decided"), "{text}");
    insta::assert_snapshot!(terminal.backend());
}

/// A message longer than the status bar goes on over a second line, and
/// the message log (`M`) keeps it whole with the ones before it.
#[test]
fn a_long_message_wraps_and_the_message_log_keeps_it() {
    let mut state = demo_state(&Decisions::default());
    let now = DECIDED_AT;
    inviteq::tui::update(&mut state, inviteq::tui::Action::CycleSort, now);
    let long = "tried xdg-open, sensible-browser, x-www-browser (none could be started); \
        set $BROWSER, or open https://www.linkedin.com/in/priya-raman-brightpath/ yourself";
    inviteq::tui::update(
        &mut state,
        inviteq::tui::Event::Opened(Err(long.into())),
        now,
    );
    let terminal = draw(&state, 120, 40);
    let text = screen(&terminal);
    assert!(text.contains("priya-raman-brightpath/ yourself"), "{text}");
    insta::assert_snapshot!("a_long_message_on_two_lines", terminal.backend());

    inviteq::tui::update(&mut state, inviteq::tui::Action::ToggleMessages, now);
    let terminal = draw(&state, 120, 40);
    let text = screen(&terminal);
    assert!(text.contains("Sorted by score"), "{text}");
    insta::assert_snapshot!("the_message_log", terminal.backend());
}

#[test]
fn reply_box() {
    let root = tempfile::tempdir().unwrap();
    let mut app = demo_app(&root);
    let mut events = keys("jjr");
    events.extend(keys(" Thanks!"));
    let terminal = run(&mut app, events);
    let text = screen(&terminal);
    assert!(text.contains("Reply to Megan Lindqvist"), "{text}");
    assert!(text.contains("Hi Megan,"), "{text}");
    assert!(text.contains("Thanks!"), "{text}");
    assert_eq!(app.state.review.decided(), 0, "nothing is kept yet");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn main_screen_after_decisions_by_keystroke() {
    let root = tempfile::tempdir().unwrap();
    let mut app = demo_app(&root);
    let mut events = keys("air");
    events.extend(keys(" See you soon."));
    events.push(ctrl('s'));
    let terminal = run(&mut app, events);

    let text = screen(&terminal);
    assert!(text.contains(" 3/32 decided"), "{text}");
    for mark in ["✓", "✗", "↩"] {
        assert!(text.contains(mark), "{mark} missing: {text}");
    }
    let on_disk = journal::read(app.session.journal_path()).unwrap();
    let kept: Vec<_> = on_disk
        .in_order()
        .into_iter()
        .map(|(id, standing)| (id.to_string(), standing.decision.action))
        .collect();
    assert_eq!(
        kept,
        [
            ("demo-01".to_string(), Verdict::Accept),
            ("demo-02".to_string(), Verdict::Ignore),
            ("demo-03".to_string(), Verdict::Reply),
        ]
    );
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn a_resumed_session_shows_the_decisions_and_their_date() {
    let decision = |action, template: Option<&str>| Decision {
        action,
        template: template.map(str::to_string),
        reply: template.map(|_| "Hi Megan, how do we know each other?".to_string()),
        decided_at: DECIDED_AT,
        carried_out_at: None,
    };
    let decisions = Decisions::taken([
        ("demo-01", decision(Verdict::Accept, None)),
        ("demo-02", decision(Verdict::Ignore, None)),
        ("demo-03", decision(Verdict::Reply, Some("how-do-we-know"))),
    ]);
    let root = tempfile::tempdir().unwrap();
    let mut app = resumed_demo_app(&root, &decisions, "demo-03");
    let terminal = run(&mut app, Vec::new());
    let text = screen(&terminal);
    assert!(text.contains("3/32"), "{text}");
    assert!(text.contains("▶ ↩   0 acc H Megan Lindqvist"), "{text}");
    assert!(text.contains("↩ replied  2026-12-01"), "{text}");
    for mark in ["✓", "✗"] {
        assert!(text.contains(mark), "{mark} missing: {text}");
    }
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn template_picker() {
    let root = tempfile::tempdir().unwrap();
    let mut app = demo_app(&root);
    let terminal = run(&mut app, keys("jR"));
    let text = screen(&terminal);
    for template in Templates::builtin().as_slice() {
        assert!(
            text.contains(&template.name),
            "{} missing: {text}",
            template.name
        );
    }
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn a_second_console_on_a_held_review_is_read_only() {
    let root = tempfile::tempdir().unwrap();
    let holder = Session::open(&paths(&root), Source::Demo, None).unwrap();
    // The holder's process id as a second console reads it, fixed for the
    // snapshot.
    std::fs::write(holder.session.dir().join("lock"), "4242").unwrap();
    let mut app = demo_app(&root);
    let terminal = run(&mut app, keys("a"));
    let shown = screen(&terminal);
    assert!(
        shown.contains("read-only: pid 4242 has this review"),
        "{shown}"
    );
    assert!(shown.contains(" 0/32 decided"), "nothing decided: {shown}");
    assert!(
        shown.contains("nothing changed: read-only: another inviteq (pid"),
        "{shown}"
    );
    let on_disk = journal::read(holder.session.journal_path()).unwrap();
    assert!(on_disk.by_id.is_empty());
    insta::assert_snapshot!(terminal.backend());
}
