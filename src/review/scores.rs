//! Each invitation's score summary, made once: the rows on screen as they
//! are drawn, the others on every core while the console waits for a key,
//! and all those left at once when a sort by score, the sweep or the stats
//! ask for them.
//!
//! Scoring is a pure function of the invitation and the scorer, so a row
//! scores the same whichever of the three makes it, and in whatever order.

use std::cell::{Cell, OnceCell};

use crate::cores;
use crate::model::Invitation;
use crate::score::{Scorer, Summary};

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
            cores: cores::available(),
        }
    }

    /// Row `index`'s summary, scored now when it was not yet.
    pub fn get(&self, index: usize, scorer: &Scorer, invitations: &[Invitation]) -> Summary {
        *self.summaries[index].get_or_init(|| scorer.summary(&invitations[index]))
    }

    /// How many rows may be left to score: those from the first not scored
    /// yet on, some of which may be scored, having been shown.
    pub fn left(&self) -> usize {
        self.summaries
            .len()
            .saturating_sub(self.scored_before.get())
    }

    /// Whether every row is scored.
    pub fn is_complete(&self) -> bool {
        self.scored_before.get() >= self.summaries.len()
    }

    /// Scores every row not scored yet, on every core.
    pub fn complete(&self, scorer: &Scorer, invitations: &[Invitation]) {
        self.score_while(|| true, scorer, invitations);
    }

    /// Scores the rows not scored yet, the first ones first, on every core,
    /// for as long as `go_on` says (it is asked between runs of a few
    /// hundred rows); says whether every row is scored now.
    pub fn score_while(
        &self,
        go_on: impl FnMut() -> bool,
        scorer: &Scorer,
        invitations: &[Invitation],
    ) -> bool {
        let from = self.scored_before.get();
        let rows: Vec<usize> = (from..self.summaries.len())
            .filter(|&index| self.summaries[index].get().is_none())
            .collect();
        let made = cores::map_while(
            self.cores,
            rows.len(),
            |at| scorer.summary(&invitations[rows[at]]),
            go_on,
        );
        let first_left = rows.get(made.len()).copied();
        for (&index, summary) in rows.iter().zip(made) {
            // Each row is set here once: only rows found empty were scored.
            let _ = self.summaries[index].set(summary);
        }
        self.scored_before
            .set(first_left.unwrap_or(self.summaries.len()));
        self.is_complete()
    }
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;
    use crate::cores::PARALLEL_MIN;
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
            // A few shown first, a run or so in the background, the rest at
            // once.
            scores.get(7, &scorer, &all);
            scores.get(PARALLEL_MIN + 1, &scorer, &all);
            let mut asked = 0;
            let one_run = || {
                asked += 1;
                asked == 1
            };
            // The other threads may score any number of runs before the
            // stop, every one on a busy machine.
            let complete = scores.score_while(one_run, &scorer, &all);
            let first_left = scores.scored_before.get();
            assert!(first_left > 8, "{first_left}: the shown row is passed");
            assert!((0..first_left).all(|index| scores.summaries[index].get().is_some()));
            assert_eq!(complete, first_left == all.len());
            if let Some(left) = scores.summaries.get(first_left) {
                assert!(left.get().is_none());
            }
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
        assert!(scores.score_while(|| true, &scorer(&[]), &[]));
    }
}
