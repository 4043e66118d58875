//! A search keystroke at 1,000, 100,000 and 1,000,000 invitations, beside
//! a cursor move, each with the frame it draws. The first key of a search scans the
//! whole list (the later ones only narrow what it found), so it is the one
//! that must stay within a frame.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use inviteq::import::parse_queue_json;
use inviteq::review::Review;
use inviteq::score::{Scorer, Settings};
use inviteq::store::journal::Decisions;
use inviteq::templates::Templates;
use inviteq::tui::{Action, State, update};

mod common;

use common::key_and_frame;

const SIZES: [usize; 3] = [1_000, 100_000, 1_000_000];

/// People with names, headlines, companies and notes in several scripts.
fn queue_text(count: usize) -> String {
    let names = ["Ana Ruiz", "José Núñez", "王芳", "Lars Berg", "Aisha Bello"];
    let invitations: Vec<String> = (0..count)
        .map(|n| {
            format!(
                r#"{{"id": "p{n}", "message": "We met at the fair in {n}", "profile": {{"name": "{} {n}", "headline": "Engineer at Company {}", "company": "Company {}"}}}}"#,
                names[n % names.len()],
                n % 97,
                n % 89
            )
        })
        .collect();
    format!("[{}]", invitations.join(","))
}

fn state_of(count: usize) -> State {
    let queue = parse_queue_json(queue_text(count).as_bytes()).expect("a valid queue");
    let scorer = |queue: &inviteq::model::Queue| {
        Scorer::new(
            queue,
            &Settings::default(),
            time::macros::date!(2026 - 11 - 27),
        )
    };
    let review = Review::new(queue, &Decisions::default(), None, scorer);
    State::new(review, Templates::builtin(), "bench".into())
}

fn typed(c: char) -> Action {
    Action::Edit(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn search(c: &mut Criterion) {
    let mut group = c.benchmark_group("search");
    for size in SIZES {
        let mut state = state_of(size);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
        group.bench_function(BenchmarkId::new("move_and_draw", size), |b| {
            b.iter(|| key_and_frame(&mut state, &mut terminal, Action::MoveDown))
        });
        // The rarest letter of the queue's text is the slowest first key:
        // almost no row matches early, so every field of every row is read.
        group.bench_function(BenchmarkId::new("first_key_and_draw", size), |b| {
            b.iter(|| {
                update(&mut state, Action::Search, time::OffsetDateTime::UNIX_EPOCH);
                key_and_frame(&mut state, &mut terminal, typed('q'));
                update(&mut state, Action::Back, time::OffsetDateTime::UNIX_EPOCH);
                black_box(&state);
            })
        });
        update(&mut state, Action::Search, time::OffsetDateTime::UNIX_EPOCH);
        key_and_frame(&mut state, &mut terminal, typed('e'));
        group.bench_function(BenchmarkId::new("narrowing_key_and_draw", size), |b| {
            b.iter(|| {
                key_and_frame(&mut state, &mut terminal, typed('n'));
                key_and_frame(
                    &mut state,
                    &mut terminal,
                    Action::Edit(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE)),
                );
            })
        });
        update(&mut state, Action::Back, time::OffsetDateTime::UNIX_EPOCH);
    }
    group.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
