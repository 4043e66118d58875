//! The score's measured quality on public data: genuine and fake accounts
//! from cresci-2015 (see `../shared/eval/README.md`), scored under the
//! `open` policy. Run with `cargo test --test score_quality -- --nocapture`
//! to see the figures.

use std::collections::HashMap;
use std::path::PathBuf;

use inviteq::config::Settings;
use inviteq::model::Action;
use inviteq::score::Scorer;
use time::macros::date;

const MIN_AUC: f64 = 0.93;
const MAX_GENUINE_IGNORED: f64 = 0.02;

fn eval_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/cresci-2015")
}

fn labels() -> HashMap<String, bool> {
    let text = std::fs::read_to_string(eval_dir().join("labels.csv")).expect("labels.csv");
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let (id, label) = line.trim().split_once(',').expect("id,label");
            assert!(matches!(label, "fake" | "genuine"), "label {label:?}");
            (id.to_string(), label == "fake")
        })
        .collect()
}

/// The probability that a random fake scores above a random genuine
/// account, ties counting one half: the Mann–Whitney U over the rank sums.
fn roc_auc(scored: &[(u8, bool)]) -> f64 {
    let mut sorted: Vec<(u8, bool)> = scored.to_vec();
    sorted.sort_by_key(|&(score, _)| score);
    let mut fake_rank_sum = 0.0;
    let mut i = 0;
    while i < sorted.len() {
        let j = i + sorted[i..]
            .iter()
            .take_while(|s| s.0 == sorted[i].0)
            .count();
        // Tied scores share the mean of ranks i+1..=j.
        let mean_rank = (i + 1 + j) as f64 / 2.0;
        let fakes = sorted[i..j].iter().filter(|s| s.1).count();
        fake_rank_sum += mean_rank * fakes as f64;
        i = j;
    }
    let fakes = scored.iter().filter(|s| s.1).count() as f64;
    let genuine = scored.len() as f64 - fakes;
    (fake_rank_sum - fakes * (fakes + 1.0) / 2.0) / (fakes * genuine)
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
fn cresci_2015_under_the_open_policy() {
    let queue =
        inviteq::import::load(&eval_dir().join("queue.json")).expect("the eval queue loads");
    let labels = labels();
    let scorer = Scorer::new(&queue, &Settings::default(), date!(2015 - 02 - 14));
    let mut scored = Vec::new();
    let (mut genuine, mut genuine_ignored, mut fake_ignored) = (0usize, 0usize, 0usize);
    for invitation in &queue.invitations {
        let fake = labels[&invitation.id];
        let a = scorer.assess(invitation);
        scored.push((a.score, fake));
        let ignored = a.suggestion.action == Action::Ignore;
        genuine += usize::from(!fake);
        genuine_ignored += usize::from(!fake && ignored);
        fake_ignored += usize::from(fake && ignored);
    }
    let fakes = scored.len() - genuine;
    let auc = roc_auc(&scored);
    let share = genuine_ignored as f64 / genuine as f64;
    println!("cresci-2015: {genuine} genuine, {fakes} fake accounts, policy open");
    println!("ROC AUC {auc:.4}");
    println!(
        "genuine ignored {:.2}% ({genuine_ignored}/{genuine}); fakes ignored {:.1}% ({fake_ignored}/{fakes})",
        share * 100.0,
        fake_ignored as f64 * 100.0 / fakes as f64
    );
    assert!(auc >= MIN_AUC, "ROC AUC {auc:.4} is below {MIN_AUC}");
    assert!(
        share <= MAX_GENUINE_IGNORED,
        "{:.2}% of genuine accounts ignored, above {}%",
        share * 100.0,
        MAX_GENUINE_IGNORED * 100.0
    );
}
