//! The score's measured quality on public data: genuine and fake accounts
//! from cresci-2015 (`tests/data/cresci-2015/README.md`), cut into queues
//! like the ones a member really gets (50 invitations, a few fakes), each
//! queue scored on its own under the `open` policy. The rules are tuned on
//! the design half; the test half is what the README reports.
//!
//! `cargo test --release --test score_quality -- --nocapture` prints the
//! tables.

use inviteq::score::Settings;

#[path = "score_quality/eval_set.rs"]
mod eval_set;
#[path = "score_quality/measure.rs"]
mod measure;
#[path = "common/random.rs"]
mod random;

use eval_set::{Facts, Half};
use measure::{Figures, QUEUE_SIZE, Table, realistic, roc_auc, whole};

/// Fakes per queue of 50: 2 %, 6 % and 10 %.
const FAKES_PER_QUEUE: [usize; 3] = [1, 3, 5];
/// Queues cut for each share of fakes.
const QUEUES: u64 = 200;

const MIN_AUC: f64 = 0.95;
const MAX_GENUINE_IGNORED: f64 = 0.01;
const MAX_FAKES_SWEPT: f64 = 0.10;
const MIN_GENUINE_SWEPT: f64 = 0.50;

/// One fact profile measured: the figures per number of fakes in a queue,
/// and the table that shows them.
struct Measured {
    facts: Facts,
    by_share: Vec<(usize, Figures)>,
    table: Table,
}

fn tables(half: Half) -> Vec<Measured> {
    let accounts = eval_set::load(half);
    let fakes = accounts.iter().filter(|a| a.fake).count();
    let settings = Settings::default();
    Facts::ALL
        .into_iter()
        .map(|facts| {
            let mut rows = Vec::new();
            let mut by_share = Vec::new();
            for n in FAKES_PER_QUEUE {
                let figures = Figures::of(&realistic(&accounts, facts, n, QUEUES, &settings));
                let percent = n * 100 / QUEUE_SIZE;
                rows.push((
                    format!("{QUEUES} of {QUEUE_SIZE}, {percent} % fake"),
                    figures,
                ));
                by_share.push((n, figures));
            }
            rows.push((
                format!(
                    "the whole half at once ({} genuine, {fakes} fake)",
                    accounts.len() - fakes
                ),
                Figures::of(&whole(&accounts, facts, &settings)),
            ));
            let title = format!(
                "cresci-2015, {} half, policy open, {}:",
                half.as_str(),
                facts.as_str()
            );
            Measured {
                facts,
                by_share,
                table: Table { title, rows },
            }
        })
        .collect()
}

#[test]
fn auc_on_ties_counts_one_half() {
    assert_eq!(roc_auc(&[(1, false), (2, true)]), 1.0);
    assert_eq!(roc_auc(&[(2, false), (1, true)]), 0.0);
    assert_eq!(roc_auc(&[(1, false), (1, true)]), 0.5);
    assert_eq!(
        roc_auc(&[(1, false), (3, false), (2, true), (4, true)]),
        0.75
    );
}

#[test]
fn the_halves_split_by_id_and_both_hold_both_labels() {
    let design = eval_set::load(Half::Design);
    let test = eval_set::load(Half::Test);
    for half in [&design, &test] {
        let fakes = half.iter().filter(|a| a.fake).count();
        assert!(
            fakes > 500 && half.len() - fakes > 500,
            "{fakes} of {}",
            half.len()
        );
    }
    assert!(
        design
            .iter()
            .all(|a| test.iter().all(|b| a.invitation.id != b.invitation.id))
    );
}

#[test]
fn the_design_half_in_realistic_queues() {
    for measured in tables(Half::Design) {
        println!("{}", measured.table);
    }
}

#[test]
fn the_test_half_in_realistic_queues_holds_the_bar() {
    let mut failures = Vec::new();
    for measured in tables(Half::Test) {
        println!("{}", measured.table);
        if measured.facts != Facts::All {
            continue;
        }
        for (n, r) in measured.by_share {
            let at = format!("{n} fake(s) per queue of {QUEUE_SIZE}");
            if r.auc < MIN_AUC {
                failures.push(format!("{at}: ROC AUC {:.3} < {MIN_AUC}", r.auc));
            }
            if r.genuine_ignored > MAX_GENUINE_IGNORED {
                failures.push(format!("{at}: genuine ignored {:.2}", r.genuine_ignored));
            }
            if r.fakes_swept > MAX_FAKES_SWEPT {
                failures.push(format!("{at}: fakes a sweep takes {:.2}", r.fakes_swept));
            }
            if r.genuine_swept < MIN_GENUINE_SWEPT {
                failures.push(format!(
                    "{at}: genuine a sweep takes {:.2}",
                    r.genuine_swept
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
