//! Each invitation's score summary, made once: the rows on screen as they
//! are drawn, a run of rows at a time while the console waits for a key,
//! and all the rest at once, on every core, when a sort by score or an
//! intent filter asks for them.
//!
//! Scoring is a pure function of the invitation and the scorer, so a row
//! scores the same whichever of the three makes it, and in whatever order.

use std::cell::{Cell, OnceCell};
use std::num::NonZero;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use crate::model::Invitation;
use crate::score::{Scorer, Summary};

/// Fewer rows than this are scored on this thread: a thread costs more to
/// start than scoring them does.
const PARALLEL_MIN: usize = 2_048;
/// Rows a thread takes at a time.
const RUN: usize = 512;

pub struct Scores {
    summaries: Vec<OnceCell<Summary>>,
    /// Every row before this one is scored; rows after it may be too,
    /// having been shown.
    scored_before: Cell<usize>,
    /// How many threads score at once: the machine's cores, asked once
    /// (the answer reads files on Linux).
    cores: usize,
}

impl Scores {
    /// None of `len` rows scored yet.
    pub fn new(len: usize) -> Scores {
        Scores {
            summaries: vec![OnceCell::new(); len],
            scored_before: Cell::new(0),
            cores: thread::available_parallelism().map_or(1, NonZero::get),
        }
    }

    /// Row `index`'s summary, scored now when it was not yet.
    pub fn get(&self, index: usize, scorer: &Scorer, invitations: &[Invitation]) -> Summary {
        *self.summaries[index].get_or_init(|| scorer.summary(&invitations[index]))
    }

    /// Whether every row is scored.
    pub fn is_complete(&self) -> bool {
        self.scored_before.get() >= self.summaries.len()
    }

    /// Scores every row not scored yet, on every core.
    pub fn complete(&self, scorer: &Scorer, invitations: &[Invitation]) {
        self.score_some(usize::MAX, scorer, invitations);
    }

    /// Scores up to `count` of the rows not scored yet, the first ones, on
    /// every core; says whether every row is scored now.
    pub fn score_some(&self, count: usize, scorer: &Scorer, invitations: &[Invitation]) -> bool {
        let from = self.scored_before.get();
        let mut to = from;
        let mut rows = Vec::new();
        while to < self.summaries.len() && rows.len() < count {
            if self.summaries[to].get().is_none() {
                rows.push(to);
            }
            to += 1;
        }
        let made = score_on_cores(self.cores, &rows, scorer, invitations);
        for (&index, summary) in rows.iter().zip(made) {
            // Each row is set here once: only rows found empty were scored.
            let _ = self.summaries[index].set(summary);
        }
        self.scored_before.set(to);
        self.is_complete()
    }
}

/// The summaries of `rows`, in their order, on up to `cores` threads that
/// each take the next run of rows until none is left: on a machine that is
/// busy with other work, a thread that gets less of a core scores fewer
/// runs, rather than the others waiting for its half.
fn score_on_cores(
    cores: usize,
    rows: &[usize],
    scorer: &Scorer,
    invitations: &[Invitation],
) -> Vec<Summary> {
    let score = |run: &[usize]| -> Vec<Summary> {
        run.iter()
            .map(|&index| scorer.summary(&invitations[index]))
            .collect()
    };
    if cores < 2 || rows.len() < PARALLEL_MIN {
        return score(rows);
    }
    let next = AtomicUsize::new(0);
    let take_runs = || {
        let mut made = Vec::new();
        loop {
            let at = next.fetch_add(RUN, Ordering::Relaxed);
            let Some(run) = rows.get(at..rows.len().min(at + RUN)) else {
                return made;
            };
            if run.is_empty() {
                return made;
            }
            made.push((at, score(run)));
        }
    };
    let mut runs = thread::scope(|scope| {
        let others: Vec<_> = (1..cores).map(|_| scope.spawn(take_runs)).collect();
        let mut runs = take_runs();
        for other in others {
            match other.join() {
                Ok(made) => runs.extend(made),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        runs
    });
    runs.sort_unstable_by_key(|&(at, _)| at);
    runs.into_iter().flat_map(|(_, made)| made).collect()
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;
    use crate::model::{Photo, Profile, Queue};

    /// Invitations that score differently from one another.
    fn invitations(count: usize) -> Vec<Invitation> {
        let names = ["Ann Lee", "Resume Hub", "JOHN SMITH", "career_hub 24"];
        (0..count)
            .map(|n| Invitation {
                id: format!("i{n}").into(),
                message: (n % 3 == 0).then(|| "We met at the Provo meetup".into()),
                profile: Profile {
                    photo: [Photo::Person, Photo::Logo, Photo::None][n % 3],
                    connections: Some((n % 700) as u32),
                    ..Profile::named(names[n % names.len()])
                },
                ..Invitation::default()
            })
            .collect()
    }

    fn scorer(invitations: &[Invitation]) -> Scorer {
        let queue = Queue {
            invitations: invitations.to_vec(),
            ..Queue::default()
        };
        Scorer::new(&queue, &Default::default(), date!(2026 - 01 - 31))
    }

    #[test]
    fn rows_score_the_same_however_they_are_made() {
        let all = invitations(PARALLEL_MIN * 2 + 5);
        let scorer = scorer(&all);
        let one_by_one: Vec<Summary> = all.iter().map(|i| scorer.summary(i)).collect();
        for cores in [1, 2, 3] {
            let scores = Scores {
                cores,
                ..Scores::new(all.len())
            };
            // A few shown first, some in the background, the rest at once.
            scores.get(7, &scorer, &all);
            scores.get(PARALLEL_MIN + 1, &scorer, &all);
            assert!(!scores.score_some(100, &scorer, &all));
            assert_eq!(scores.scored_before.get(), 101, "the shown row is skipped");
            assert!(!scores.is_complete());
            scores.complete(&scorer, &all);
            assert!(scores.is_complete());
            let made: Vec<Summary> = (0..all.len())
                .map(|index| scores.get(index, &scorer, &all))
                .collect();
            assert_eq!(made, one_by_one, "on {cores} cores");
        }
    }

    #[test]
    fn an_empty_queue_is_complete() {
        let scores = Scores::new(0);
        assert!(scores.is_complete());
        assert!(scores.score_some(10, &scorer(&[]), &[]));
    }
}
