//! Realistic queues cut from the evaluation set, each scored on its own, and
//! the figures that say whether a suggestion can be trusted.

use std::fmt;

use inviteq::model::{Queue, Verdict};
use inviteq::score::{Confidence, Scorer, Settings};
use time::macros::date;

use super::eval_set::{Account, Facts};
use super::random::SplitMix;

/// The day the set's accounts were collected: the reference for their age.
const COLLECTED: time::Date = date!(2015 - 02 - 14);
pub const QUEUE_SIZE: usize = 50;

/// One scored account: its score, label and what was suggested.
#[derive(Debug, Clone, Copy)]
pub struct Scored {
    pub score: u8,
    pub fake: bool,
    pub action: Option<Verdict>,
    pub confidence: Confidence,
}

/// `queues` queues of `QUEUE_SIZE` accounts with `fakes` fakes each, every
/// queue scored alone under `settings` with only `facts` known.
pub fn realistic(
    accounts: &[Account],
    facts: Facts,
    fakes: usize,
    queues: u64,
    settings: &Settings,
) -> Vec<Scored> {
    let (fake, genuine): (Vec<&Account>, Vec<&Account>) = accounts.iter().partition(|a| a.fake);
    let mut scored = Vec::new();
    for seed in 0..queues {
        let mut rng = SplitMix(seed ^ (fakes as u64) << 32);
        let mut picked: Vec<&Account> = rng
            .sample(fake.len(), fakes)
            .into_iter()
            .map(|i| fake[i])
            .chain(
                rng.sample(genuine.len(), QUEUE_SIZE - fakes)
                    .into_iter()
                    .map(|i| genuine[i]),
            )
            .collect();
        let order = rng.sample(picked.len(), picked.len());
        picked = order.into_iter().map(|i| picked[i]).collect();
        scored.extend(score_queue(&picked, facts, settings));
    }
    scored
}

/// Every account in one queue, as the set is.
pub fn whole(accounts: &[Account], facts: Facts, settings: &Settings) -> Vec<Scored> {
    let all: Vec<&Account> = accounts.iter().collect();
    score_queue(&all, facts, settings)
}

fn score_queue(accounts: &[&Account], facts: Facts, settings: &Settings) -> Vec<Scored> {
    let queue = Queue {
        invitations: accounts.iter().map(|a| facts.keep(&a.invitation)).collect(),
        ..Queue::default()
    };
    let scorer = Scorer::new(&queue, settings, COLLECTED);
    queue
        .invitations
        .iter()
        .zip(accounts)
        .map(|(invitation, account)| {
            let a = scorer.assess(invitation);
            Scored {
                score: a.score,
                fake: account.fake,
                action: a.suggestion.action,
                confidence: a.suggestion.confidence,
            }
        })
        .collect()
}

/// The probability that a random fake scores above a random genuine
/// account, ties counting one half: the Mann–Whitney U over the rank sums.
pub fn roc_auc(scored: &[(u8, bool)]) -> f64 {
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

/// The figures of one table row.
#[derive(Debug, Clone, Copy)]
pub struct Figures {
    pub auc: f64,
    /// Genuine accounts suggested "ignore", whatever the confidence.
    pub genuine_ignored: f64,
    /// Fakes suggested "accept" with high confidence: what a sweep would take.
    pub fakes_swept: f64,
    /// Genuine accounts suggested "accept" with high confidence: what a
    /// sweep saves the reviewer.
    pub genuine_swept: f64,
    /// Fakes suggested "ignore", whatever the confidence.
    pub fakes_ignored: f64,
}

impl Figures {
    pub fn of(scored: &[Scored]) -> Figures {
        let pairs: Vec<(u8, bool)> = scored.iter().map(|s| (s.score, s.fake)).collect();
        let share = |fake: bool, test: &dyn Fn(&Scored) -> bool| {
            let group: Vec<&Scored> = scored.iter().filter(|s| s.fake == fake).collect();
            group.iter().filter(|s| test(s)).count() as f64 / group.len().max(1) as f64
        };
        let ignored = |s: &Scored| s.action == Some(Verdict::Ignore);
        let swept =
            |s: &Scored| s.action == Some(Verdict::Accept) && s.confidence == Confidence::High;
        Figures {
            auc: roc_auc(&pairs),
            genuine_ignored: share(false, &ignored),
            fakes_swept: share(true, &swept),
            genuine_swept: share(false, &swept),
            fakes_ignored: share(true, &ignored),
        }
    }
}

/// A table of rows labelled by their queues.
pub struct Table {
    pub title: String,
    pub rows: Vec<(String, Figures)>,
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.title)?;
        writeln!(f)?;
        writeln!(
            f,
            "| queues | ROC AUC | genuine ignored | fakes a sweep takes | genuine a sweep takes | fakes ignored |"
        )?;
        writeln!(f, "| --- | ---: | ---: | ---: | ---: | ---: |")?;
        let pct = |x: f64| format!("{:.1} %", x * 100.0);
        for (label, r) in &self.rows {
            writeln!(
                f,
                "| {label} | {:.3} | {} | {} | {} | {} |",
                r.auc,
                pct(r.genuine_ignored),
                pct(r.fakes_swept),
                pct(r.genuine_swept),
                pct(r.fakes_ignored),
            )?;
        }
        Ok(())
    }
}
