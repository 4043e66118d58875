//! Memory against the queue file's size, at 100,000 invitations (38 MB):
//! the peak of the heap, counted by the allocator, while the file is read
//! (what `inviteq check` holds), while the console's first frame is made,
//! and while `score --json` is written. Printed as ratios to the file, once
//! a run; then the file's reading is timed against jq's
//! `.invitations|length` on it. A million invitations is measured by hand
//! (see the README's Performance).

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

use inviteq::score::report;
use inviteq::store::journal::Decisions;
use inviteq::tui::State;

mod common;

use common::{default_scorer, first_frame_of, queue_text};

const SIZE: usize = 100_000;

/// The system's allocator, counting the bytes held and their peak.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn held(more: usize) {
    let now = HELD.fetch_add(more, Ordering::Relaxed) + more;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is passed on to the system's allocator unchanged;
// only the sizes are counted.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        held(layout.size());
        // SAFETY: the caller's layout, as `System` requires.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        held(layout.size());
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` came from `alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
        held(new_size);
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The peak of the heap while `work` runs, above what was held before.
fn peak_of<T>(work: impl FnOnce() -> T) -> usize {
    let before = HELD.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    drop(black_box(work()));
    PEAK.load(Ordering::Relaxed) - before
}

fn load(path: &Path) -> inviteq::model::Queue {
    inviteq::import::load(path).expect("a valid queue")
}

/// The queue read, the journal (none) laid over it and the first frame
/// drawn, as the console opens.
fn first_frame(path: &Path) -> State {
    first_frame_of(load(path), &Decisions::default())
}

fn score_json(path: &Path) {
    let queue = load(path);
    let scorer = default_scorer(&queue);
    report::write_json(&queue, &scorer, &mut std::io::sink()).expect("written");
}

fn memory(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("queue.json");
    std::fs::write(&path, queue_text(SIZE)).expect("the queue written");
    let file = std::fs::metadata(&path).expect("the file").len() as f64;
    let megabytes = |bytes: f64| bytes / 1e6;
    eprintln!(
        "the queue file: {SIZE} invitations, {:.1} MB",
        megabytes(file)
    );
    for (what, peak) in [
        ("read (check)", peak_of(|| load(&path))),
        ("first frame", peak_of(|| first_frame(&path))),
        ("score --json", peak_of(|| score_json(&path))),
    ] {
        let peak = peak as f64;
        eprintln!(
            "peak heap, {what}: {:.1} MB, {:.2}x the file",
            megabytes(peak),
            peak / file
        );
    }

    let mut group = c.benchmark_group("memory");
    group.sample_size(10);
    group.bench_function(BenchmarkId::new("read_file", SIZE), |b| {
        b.iter(|| black_box(load(&path)))
    });
    let jq = || {
        std::process::Command::new("jq")
            .arg(".invitations|length")
            .arg(&path)
            .stdout(std::process::Stdio::null())
            .status()
    };
    if jq().is_ok_and(|status| status.success()) {
        group.bench_function(BenchmarkId::new("jq_length", SIZE), |b| {
            b.iter(|| black_box(jq().expect("jq runs")))
        });
    } else {
        eprintln!("jq is not installed: the peer is left out");
    }
    group.finish();
}

criterion_group!(benches, memory);
criterion_main!(benches);
