//! Load, score and first frame against a plain JSON parse of the same file,
//! and one keystroke, at 1,000 and 100,000 invitations.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use inviteq::import::parse_queue_json;
use inviteq::review::Review;
use inviteq::score::Scorer;
use inviteq::store::journal::Decisions;
use inviteq::templates::Templates;
use inviteq::tui::{Action, Event, State, draw, update};

const SIZES: [usize; 2] = [1_000, 100_000];

/// A varied queue: people and pages, notes and none, facts known and unknown.
fn queue_text(count: usize) -> String {
    let mut text =
        String::from("{\"format\": \"inviteq-queue\", \"version\": 1, \"invitations\": [\n");
    for n in 0..count {
        if n > 0 {
            text.push_str(",\n");
        }
        let (name, photo, note) = match n % 4 {
            0 => (
                format!("Person Number{n}"),
                "person",
                "\"I'd like to add you to my professional network on LinkedIn.\"",
            ),
            1 => (format!("BEST JOBS {n}"), "logo", "null"),
            2 => (
                format!("José Núñez-{n}"),
                "person",
                "\"We met at the data conference in Lisbon last spring.\"",
            ),
            _ => (
                format!("Lead Services {n}"),
                "none",
                "\"I help companies 10x their pipeline. Book a call!\"",
            ),
        };
        text.push_str(&format!(
            r#"{{"id": "inv-{n}", "sent_at": "2026-11-{:02}T09:00:00Z", "message": {note}, "profile": {{"name": "{name}", "headline": "Engineer at Company {}", "company": "Company {}", "location": "Lisbon", "url": "https://www.linkedin.com/in/p{n}", "photo": "{photo}", "connections": {}, "mutual_connections": {}, "account_created": "2015-03-0{}"}}}}"#,
            n % 27 + 1,
            n % 97,
            n % 97,
            n % 900,
            n % 7,
            n % 9 + 1,
        ));
    }
    text.push_str("\n]}\n");
    text
}

fn first_frame(text: &str) -> Terminal<TestBackend> {
    let queue = parse_queue_json(text.as_bytes()).expect("a valid queue");
    let review = Review::new(queue, &Decisions::default(), None, default_scorer);
    let state = State::new(review, Templates::builtin(), "bench".into());
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    terminal
        .draw(|frame| {
            draw(&state, frame);
        })
        .expect("a frame");
    terminal
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
    }
    group.finish();
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

criterion_group!(benches, load, keystroke);
criterion_main!(benches);

/// The default settings, on a fixed day, so that scores never depend on the clock.
fn default_scorer(queue: &inviteq::model::Queue) -> Scorer {
    Scorer::new(
        queue,
        &inviteq::score::Settings::default(),
        time::macros::date!(2026 - 11 - 27),
    )
}
