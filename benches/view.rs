//! The list's order and filters, each a key with the frame it draws.
//!
//! A sort by score at 1,000,000 invitations, the first time (the key's
//! frame, which waits for the scores, then the reviewer reading while the
//! console scores every row as it does between keys, then the sorted
//! frame) and again (the scores made), beside a cursor move and a plain
//! `sort_unstable` of as many `u32` keys. Each
//! filter change at 100,000, the intent filter on a console just opened
//! (the intents are read as it opens; no score is needed) and each intent
//! in turn, and a filter change while the list is sorted by name, beside a
//! move.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use time::macros::datetime;

use inviteq::import::parse_queue_json;
use inviteq::model::{Decision, Queue, Sort, Verdict};
use inviteq::review::Review;
use inviteq::score::{Scorer, Settings};
use inviteq::store::journal::Decisions;
use inviteq::templates::Templates;
use inviteq::tui::{Action, Event, State};

mod common;

use common::{key_and_frame, queue_text, terminal};

const SORTED: usize = 1_000_000;
const FILTERED: usize = 100_000;

fn scorer(queue: &Queue) -> Scorer {
    Scorer::new(
        queue,
        &Settings::default(),
        time::macros::date!(2026 - 11 - 27),
    )
}

/// One invitation in three accepted, so that every filter shows some rows.
fn journal(queue: &Queue) -> Decisions {
    let accepted = Decision::new(Verdict::Accept, datetime!(2026-11-01 09:00 UTC));
    Decisions::taken(
        queue
            .invitations
            .iter()
            .step_by(3)
            .map(|invitation| (&*invitation.id, accepted.clone())),
    )
}

/// A console on `queue`, nothing scored yet but its first frame's rows.
fn state_of(queue: Queue, journal: &Decisions) -> State {
    let review = Review::new(queue, journal, None, scorer);
    let mut state = State::new(review, Templates::builtin(), "bench".into());
    key_and_frame(&mut state, &mut terminal(), Action::First);
    state
}

/// Times `action`'s key and frame alone, each time on a state `ready`
/// makes or readies first.
fn bench_key(
    group: &mut BenchmarkGroup<WallTime>,
    id: BenchmarkId,
    state: &mut State,
    ready: impl FnMut(&mut State),
    action: Action,
) {
    bench_timed(group, id, state, ready, |state, terminal| {
        key_and_frame(state, terminal, action)
    });
}

/// Times `timed` alone, each time on a state `ready` makes or readies
/// first.
fn bench_timed(
    group: &mut BenchmarkGroup<WallTime>,
    id: BenchmarkId,
    state: &mut State,
    mut ready: impl FnMut(&mut State),
    mut timed: impl FnMut(&mut State, &mut Terminal<TestBackend>),
) {
    let mut terminal = terminal();
    group.bench_function(id, |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                ready(state);
                let start = Instant::now();
                timed(state, &mut terminal);
                total += start.elapsed();
            }
            total
        })
    });
}

fn sort(c: &mut Criterion) {
    let queue = parse_queue_json(queue_text(SORTED).as_bytes()).expect("a valid queue");
    let journal = Decisions::default();
    let mut group = c.benchmark_group("sort");
    group.sample_size(10);
    let mut state = state_of(queue.clone(), &journal);
    let mut terminal = terminal();
    group.bench_function(BenchmarkId::new("move_and_draw", SORTED), |b| {
        b.iter(|| key_and_frame(&mut state, &mut terminal, Action::MoveDown))
    });
    let mut keys: Vec<u32> = (0..SORTED as u32)
        .map(|n| n.wrapping_mul(2_654_435_761))
        .collect();
    group.bench_function(BenchmarkId::new("plain_sort_unstable_u32", SORTED), |b| {
        b.iter_batched_ref(
            || keys.clone(),
            |keys| keys.sort_unstable(),
            criterion::BatchSize::LargeInput,
        )
    });
    keys.sort_unstable();
    black_box(keys);
    // A console just opened each time: only the first frame's rows scored.
    let fresh = |state: &mut State| *state = state_of(queue.clone(), &journal);
    bench_timed(
        &mut group,
        BenchmarkId::new("by_score_first_time", SORTED),
        &mut state,
        fresh,
        |state, terminal| {
            key_and_frame(state, terminal, Action::CycleSort);
            assert!(state.sort_waits, "a million rows are scored while read");
            state.review.score_while(|| true);
            key_and_frame(state, terminal, Event::Scored);
        },
    );
    let back_in_queue_order = |state: &mut State| state.sort = Sort::Queue;
    bench_key(
        &mut group,
        BenchmarkId::new("by_score_again", SORTED),
        &mut state,
        back_in_queue_order,
        Action::CycleSort,
    );
    group.finish();
}

fn filters(c: &mut Criterion) {
    let queue = parse_queue_json(queue_text(FILTERED).as_bytes()).expect("a valid queue");
    let journal = journal(&queue);
    let mut group = c.benchmark_group("filter");
    let mut state = state_of(queue.clone(), &journal);
    let mut terminal = terminal();
    group.bench_function(BenchmarkId::new("move_and_draw", FILTERED), |b| {
        b.iter(|| key_and_frame(&mut state, &mut terminal, Action::MoveDown))
    });
    // All, pending, decided, new, and round again.
    bench_key(
        &mut group,
        BenchmarkId::new("each_filter", FILTERED),
        &mut state,
        |_| {},
        Action::CycleFilter,
    );
    group.sample_size(10);
    let fresh = |state: &mut State| *state = state_of(queue.clone(), &journal);
    bench_key(
        &mut group,
        BenchmarkId::new("intent_just_opened", FILTERED),
        &mut state,
        fresh,
        Action::CycleIntent,
    );
    group.sample_size(100);
    // Each intent in turn, and every intent.
    bench_key(
        &mut group,
        BenchmarkId::new("each_intent", FILTERED),
        &mut state,
        |_| {},
        Action::CycleIntent,
    );
    let by_name = |state: &mut State| state.sort = Sort::Name;
    bench_key(
        &mut group,
        BenchmarkId::new("each_filter_sorted_by_name", FILTERED),
        &mut state,
        by_name,
        Action::CycleFilter,
    );
    group.finish();
}

criterion_group!(benches, sort, filters);
criterion_main!(benches);
