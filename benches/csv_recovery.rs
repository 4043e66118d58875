//! Reading an `Invitations.csv` whose every row opens a quote and never
//! closes it, at 2,500 and 20,000 rows, beside one of sound rows. Recovery
//! is linear when the time per row stays the same (criterion's throughput,
//! in rows per second): before it was, 20,000 rows took 62 times as long
//! as 2,500.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

const ROWS: [usize; 2] = [2_500, 20_000];

/// An export whose rows each hold a quoted date, then a note whose quote
/// never closes: read from any row, the quotes pair up to the end.
fn broken_export(rows: usize) -> String {
    let mut text =
        "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n".to_string();
    for n in 0..rows {
        text.push_str(&format!(
            "Ann {n},Me,\"4/11/13, 9:05 AM\",\"Hello {n},INCOMING,https://www.linkedin.com/in/ann-{n},\n"
        ));
    }
    text
}

/// The same rows with their notes' quotes closed.
fn sound_export(rows: usize) -> String {
    broken_export(rows).replace(",INCOMING", "\",INCOMING")
}

fn recovery(c: &mut Criterion) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut group = c.benchmark_group("csv recovery");
    group.sample_size(10);
    for rows in ROWS {
        group.throughput(Throughput::Elements(rows as u64));
        for (kind, text) in [
            ("broken", broken_export(rows)),
            ("sound", sound_export(rows)),
        ] {
            let path = folder.path().join(format!("{kind}-{rows}.csv"));
            std::fs::write(&path, text).expect("the export is written");
            group.bench_with_input(BenchmarkId::new(kind, rows), &path, |b, path| {
                b.iter(|| inviteq::import::linkedin::load(black_box(path)))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, recovery);
criterion_main!(benches);
