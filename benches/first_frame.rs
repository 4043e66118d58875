//! The first frame as a person sees it: the whole release binary started in
//! a pseudo-terminal on 100,000 invitations, timed until its screen shows
//! the review, for the project's queue JSON and for a LinkedIn
//! `Invitations.csv` of the same people. The peers run in the same group
//! when they are installed: csvlens showing the same CSV in the same kind
//! of terminal, and `jq '.invitations|length'` reading the JSON.
//!
//! Each run starts in fresh XDG folders, so that every opening is a first
//! one, and the program is killed once its screen is seen.

#[path = "../tests/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

use common::Home;

const SIZE: usize = 100_000;

/// The people of row `n`: a name and a profile slug.
fn person(n: usize) -> (String, String) {
    let given = ["Ana", "Lars", "Aisha", "Tomás", "Mei"][n % 5];
    (
        format!("{given} Sample{n}"),
        format!("{}-sample-{n}", given.to_lowercase()),
    )
}

/// A LinkedIn export's `Invitations.csv` with `count` incoming invitations.
fn invitations_csv(count: usize) -> String {
    let mut csv = String::from(
        "\u{feff}From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\r\n",
    );
    for n in 0..count {
        let (name, slug) = person(n);
        let note = if n % 3 == 0 {
            "\"We met at the fair, and I'd like to keep in touch.\""
        } else {
            ""
        };
        csv.push_str(&format!(
            "{name},Jo Reviewer,\"{}/{}/26, 9:{:02} AM\",{note},INCOMING,https://www.linkedin.com/in/{slug},https://www.linkedin.com/in/jo-reviewer\r\n",
            n % 12 + 1,
            n % 28 + 1,
            n % 60,
        ));
    }
    csv
}

/// The same people as a queue file.
fn queue_json(count: usize) -> String {
    let rows: Vec<String> = (0..count)
        .map(|n| {
            let (name, slug) = person(n);
            format!(
                r#"{{"id": "inv-{n}", "sent_at": "2026-{:02}-{:02}T09:{:02}:00Z", "message": "We met at the fair, and I'd like to keep in touch.", "profile": {{"name": "{name}", "headline": "Engineer at Company {}", "url": "https://www.linkedin.com/in/{slug}", "connections": {}}}}}"#,
                n % 12 + 1,
                n % 28 + 1,
                n % 60,
                n % 97,
                n % 900,
            )
        })
        .collect();
    format!(
        "{{\"format\": \"inviteq-queue\", \"version\": 1, \"invitations\": [\n{}\n]}}\n",
        rows.join(",\n")
    )
}

/// How long `program ARGS` takes, started in a fresh terminal, until its
/// screen shows `shown`. The screen is looked at every millisecond, and
/// the time is taken when it first shows the text (the tests' `wait_for`
/// also waits for the output to settle, which would add its wait here).
fn until_shown(program: &str, args: &[&str], shown: &str) -> Duration {
    let home = Home::new();
    let started = Instant::now();
    let console = home.program(program, args);
    while !console.contents().contains(shown) {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{program} never showed {shown:?}"
        );
        std::thread::sleep(Duration::from_millis(1));
    }
    started.elapsed()
}

fn whether_installed(program: &str, flag: &str) -> bool {
    Command::new(program)
        .arg(flag)
        .output()
        .is_ok_and(|out| out.status.success())
}

fn first_frame(c: &mut Criterion) {
    let files = Home::new();
    let csv = files.file("Invitations.csv", invitations_csv(SIZE));
    let json = files.file("queue.json", queue_json(SIZE));
    let (csv, json) = (path_text(&csv), path_text(&json));
    let inviteq = common::binary();

    let mut group = c.benchmark_group("first_frame");
    group.sample_size(10);
    // The review's first frame shows the detail pane's verdict.
    group.bench_function(BenchmarkId::new("inviteq_csv", SIZE), |b| {
        b.iter_custom(|runs| {
            (0..runs)
                .map(|_| until_shown(inviteq, &[&csv], "Suggests"))
                .sum()
        })
    });
    group.bench_function(BenchmarkId::new("inviteq_json", SIZE), |b| {
        b.iter_custom(|runs| {
            (0..runs)
                .map(|_| until_shown(inviteq, &[&json], "Suggests"))
                .sum()
        })
    });
    if whether_installed("csvlens", "--version") {
        // csvlens's first screen shows the first rows under the header.
        let (first, _) = person(0);
        group.bench_function(BenchmarkId::new("csvlens", SIZE), |b| {
            b.iter_custom(|runs| {
                (0..runs)
                    .map(|_| until_shown("csvlens", &[&csv], &first))
                    .sum()
            })
        });
    } else {
        eprintln!("csvlens is not installed: its line is left out");
    }
    if whether_installed("jq", "--version") {
        group.bench_function(BenchmarkId::new("jq_length", SIZE), |b| {
            b.iter(|| {
                black_box(
                    Command::new("jq")
                        .args([".invitations|length", &json])
                        .output()
                        .expect("jq runs"),
                )
            })
        });
    } else {
        eprintln!("jq is not installed: its line is left out");
    }
    group.finish();
}

fn path_text(path: &Path) -> String {
    path.to_str()
        .expect("a temporary path in UTF-8")
        .to_string()
}

criterion_group!(benches, first_frame);
criterion_main!(benches);
