//! Load, score and first frame against a plain JSON parse of the same file,
//! one keystroke, and the real loop (a key through the keymap, update, the
//! effects on a real session, the frame), at 1,000 and 100,000 invitations.

use std::hint::black_box;
use std::io;
use std::time::Instant;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event as Input, KeyCode, KeyEvent, KeyModifiers};

use inviteq::import::parse_queue_json;
use inviteq::review::Review;
use inviteq::store::Paths;
use inviteq::store::journal::Decisions;
use inviteq::store::session::{Session, Source};
use inviteq::templates::Templates;
use inviteq::tui::{Action, App, Event, Events, Outcome, State, draw, update};

mod common;

use common::{default_scorer, first_frame_of, queue_text};

const SIZES: [usize; 2] = [1_000, 100_000];

fn first_frame(text: &str) -> State {
    first_frame_over(text, &Decisions::default())
}

/// The queue in `text` read, `decisions` laid over it, and the first frame
/// drawn.
fn first_frame_over(text: &str, decisions: &Decisions) -> State {
    first_frame_of(
        parse_queue_json(text.as_bytes()).expect("a valid queue"),
        decisions,
    )
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    for size in SIZES {
        let text = queue_text(size);
        group.bench_with_input(
            BenchmarkId::new("plain_json_parse", size),
            &text,
            |b, text| {
                b.iter(|| {
                    black_box(serde_json::from_str::<serde_json::Value>(text).expect("valid JSON"))
                })
            },
        );
        group.bench_with_input(BenchmarkId::new("first_frame", size), &text, |b, text| {
            b.iter(|| black_box(first_frame(text)))
        });
        jq_counts(&mut group, size, &text);
    }
    group.finish();
}

/// The peer: `jq '.invitations|length'` on the same text in a file, when
/// jq is installed (it is not needed to build or test inviteq).
fn jq_counts(
    group: &mut criterion::BenchmarkGroup<criterion::measurement::WallTime>,
    size: usize,
    text: &str,
) {
    let jq = |path: &std::path::Path| {
        std::process::Command::new("jq")
            .arg(".invitations|length")
            .arg(path)
            .stdout(std::process::Stdio::null())
            .status()
    };
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("queue.json");
    std::fs::write(&path, text).expect("the queue written");
    if !jq(&path).is_ok_and(|status| status.success()) {
        eprintln!("jq is not installed: the peer is left out");
        return;
    }
    group.bench_function(BenchmarkId::new("jq_length", size), |b| {
        b.iter(|| black_box(jq(&path).expect("jq runs")))
    });
}

fn keystroke(c: &mut Criterion) {
    let mut group = c.benchmark_group("keystroke");
    for size in SIZES {
        let queue = parse_queue_json(queue_text(size).as_bytes()).expect("a valid queue");
        let mut state = State::new(
            Review::new(queue, &Decisions::default(), None, default_scorer),
            Templates::builtin(),
            "bench".into(),
        );
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
        let now = time::OffsetDateTime::UNIX_EPOCH;
        group.bench_function(BenchmarkId::new("move_and_draw", size), |b| {
            // As the app does: the key, the frame, and where the list
            // settled back into the state.
            b.iter(|| {
                update(&mut state, Action::MoveDown, now);
                let mut scroll = None;
                terminal
                    .draw(|frame| scroll = Some(draw(&state, frame)))
                    .expect("a frame");
                if let Some(scroll) = scroll {
                    update(&mut state, Event::Drawn(scroll), now);
                }
            })
        });
    }
    group.finish();
}

/// A keyboard that types `keys` over and over, `count` keys in all.
struct Typing {
    keys: &'static [char],
    count: u64,
    typed: u64,
}

impl Events for Typing {
    fn next(&mut self) -> io::Result<Option<Input>> {
        if self.typed == self.count {
            return Ok(None);
        }
        let key = self.keys[(self.typed % self.keys.len() as u64) as usize];
        self.typed += 1;
        Ok(Some(Input::Key(KeyEvent::new(
            KeyCode::Char(key),
            KeyModifiers::NONE,
        ))))
    }

    fn pending(&mut self) -> io::Result<bool> {
        Ok(false)
    }
}

/// The loop the reviewer's keys go through, whole: each key through the
/// keymap and update, its effects run against a real session and journal
/// in a temporary folder, and a 120×40 frame. Moves go down and up (`j`,
/// `k`) so that each one changes the place; decisions accept and undo
/// (`a`, `u`) so that each one writes the journal.
fn real_loop(c: &mut Criterion) {
    let mut group = c.benchmark_group("real_loop");
    for size in SIZES {
        let queue = parse_queue_json(queue_text(size).as_bytes()).expect("a valid queue");
        for (name, keys) in [("move", &['j', 'k'][..]), ("decide", &['a', 'u'][..])] {
            let root = tempfile::tempdir().expect("a temporary folder");
            let paths = Paths {
                config_dir: root.path().join("config"),
                data_dir: root.path().join("data"),
            };
            let opened = Session::open(&paths, Source::Demo, None).expect("a session");
            let state = State::new(
                Review::new(queue.clone(), &opened.decisions, None, default_scorer),
                Templates::builtin(),
                "bench".into(),
            );
            let mut app = App::new(state, opened.session);
            let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
            group.bench_function(BenchmarkId::new(name, size), |b| {
                b.iter_custom(|count| {
                    let mut typing = Typing {
                        keys,
                        count,
                        typed: 0,
                    };
                    let start = Instant::now();
                    let outcome = app.run(&mut terminal, &mut typing).expect("the loop runs");
                    let took = start.elapsed();
                    assert_eq!(outcome, Outcome::Stopped);
                    took
                })
            });
        }
    }
    group.finish();
}

/// Opening a review of 100,000 invitations for the first time, and again
/// once every one of them is decided, as the console does it: the queue
/// file read from disk, the session opened (its journal replayed, on its
/// snapshot once compacted), the review laid out and the first frame drawn.
/// Reopened three ways: the opening that finds the whole journal and
/// compacts it (once, as a session written before compaction, or after a
/// day of 100,000 decisions, is opened), and the openings after it, on the
/// snapshot.
fn reopen(c: &mut Criterion) {
    let size = 100_000;
    let root = tempfile::tempdir().expect("a temporary folder");
    let queue_file = root.path().join("queue.json");
    std::fs::write(&queue_file, queue_text(size)).expect("the queue written");
    let mut group = c.benchmark_group("reopen");
    group.sample_size(10);
    let open = |paths: &Paths| {
        let opened = Session::open(paths, Source::Demo, None).expect("a session");
        let text = std::fs::read_to_string(&queue_file).expect("the queue read");
        black_box(first_frame_over(&text, &opened.decisions).review.decided())
    };
    let folder = |root: &tempfile::TempDir| Paths {
        config_dir: root.path().join("config"),
        data_dir: root.path().join("data"),
    };
    group.bench_function(BenchmarkId::new("first_opening", size), |b| {
        b.iter_with_setup(
            || tempfile::tempdir().expect("a temporary folder"),
            |root| open(&folder(&root)),
        )
    });
    let decided = tempfile::tempdir().expect("a temporary folder");
    let paths = folder(&decided);
    let journal = {
        let text = std::fs::read(&queue_file).expect("the queue read");
        let queue = parse_queue_json(&text).expect("a valid queue");
        let mut opened = Session::open(&paths, Source::Demo, None).expect("a session");
        // After every invitation was sent, or it would be taken for a
        // decision on an earlier invitation.
        let accepted = inviteq::model::Decision::new(
            inviteq::model::Verdict::Accept,
            time::macros::datetime!(2026-12-01 09:30 UTC),
        );
        // As a sweep writes them: batches of a thousand.
        for batch in queue.invitations.chunks(1000) {
            let entries: Vec<_> = batch.iter().map(|i| (i, Some(&accepted))).collect();
            opened
                .session
                .record(inviteq::store::journal::Op::Decide, &entries)
                .expect("recorded");
        }
        opened.session.journal_path().to_path_buf()
    };
    let whole = std::fs::read(&journal).expect("the journal read");
    let snapshot = inviteq::store::journal::snapshot_path(&journal);
    group.bench_function(BenchmarkId::new("reopening_that_compacts", size), |b| {
        b.iter_batched(
            || {
                std::fs::write(&journal, &whole).expect("the journal put back");
                let _ = std::fs::remove_file(&snapshot);
            },
            |()| assert_eq!(open(&paths), size),
            criterion::BatchSize::PerIteration,
        )
    });
    // The compacting opening, when the filter left it out.
    open(&paths);
    assert!(snapshot.exists(), "opening compacted the journal");
    group.bench_function(BenchmarkId::new("reopening_after_compaction", size), |b| {
        b.iter(|| assert_eq!(open(&paths), size))
    });
    group.finish();
}

criterion_group!(benches, load, keystroke, real_loop, reopen);
criterion_main!(benches);
