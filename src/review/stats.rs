//! What the stats screen (`S`) counts: the progress, the decisions by
//! action, how the scores spread against the threshold, how often the
//! suggestion was taken, and the decisions of each day. Plain counting over
//! a [`Review`], made once when the screen opens.
//!
//! Which invitations each count is over follows the counting words of
//! [`Review`]: the progress and the scores are over the invitations *to
//! review* (people's invitations only, for the scores: the others are never
//! scored); the decisions are every decision kept, gone invitations
//! included, as `inviteq export` lists them.

use time::{Date, Duration};

use super::Review;
use crate::model::{Kind, Verdict};
use crate::score::Policy;

/// Scores fall into ten buckets: 0–9, 10–19, …, 90–100.
pub const BUCKETS: usize = 10;

/// The most days the per-day count keeps, ending on the last day with a
/// decision; the screen shows as many of the latest as fit.
pub const DAYS_KEPT: usize = 60;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    pub policy: Policy,
    /// At or above this score an account is taken for a non-person.
    pub threshold: u8,
    /// Of the invitations to review, how many are decided.
    pub decided: usize,
    pub total: usize,
    pub actions: ActionCounts,
    /// How many people's invitations to review score in each bucket.
    pub scores: [usize; BUCKETS],
    /// Of the decisions on invitations still in the queue with something
    /// to suggest, how many took the suggestion's action.
    pub taken: usize,
    pub comparable: usize,
    /// Every day from the first decision (at most [`DAYS_KEPT`] back) to
    /// the last, with its count; days without a decision count 0.
    pub days: Vec<(Date, usize)>,
    /// Decisions taken before the first of `days`.
    pub earlier: usize,
}

/// The decisions kept, by what they decided.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ActionCounts {
    pub accept: usize,
    pub ignore: usize,
    pub reply: usize,
    /// Ticked done on the checklist: carried out on LinkedIn.
    pub carried_out: usize,
}

impl ActionCounts {
    pub fn all(&self) -> usize {
        self.accept + self.ignore + self.reply
    }

    pub fn of(&self, verdict: Verdict) -> usize {
        match verdict {
            Verdict::Accept => self.accept,
            Verdict::Ignore => self.ignore,
            Verdict::Reply => self.reply,
        }
    }
}

/// The bucket of a score: 100 shares the last one with 90–99.
pub fn bucket(score: u8) -> usize {
    usize::from(score / 10).min(BUCKETS - 1)
}

impl Stats {
    /// Counts over the whole review. Scores every invitation not scored
    /// yet, once, as a sort by score does.
    pub fn new(review: &Review) -> Stats {
        review.score_all();
        let mut actions = ActionCounts::default();
        let mut scores = [0; BUCKETS];
        let (mut taken, mut comparable) = (0, 0);
        let mut dates = Vec::new();
        for index in 0..review.len() {
            let person = review.invitation(index).kind == Kind::Person;
            if person && review.is_to_review(index) {
                scores[bucket(review.summary(index).score)] += 1;
            }
            let Some(decision) = review.decision(index) else {
                continue;
            };
            match decision.action {
                Verdict::Accept => actions.accept += 1,
                Verdict::Ignore => actions.ignore += 1,
                Verdict::Reply => actions.reply += 1,
            }
            actions.carried_out += usize::from(decision.carried_out_at.is_some());
            dates.push(decision.decided_at.date());
            // A gone invitation's facts are not known, so neither is what
            // would have been suggested.
            if review.presence(index).gone {
                continue;
            }
            if let Some(suggested) = review.summary(index).suggestion {
                comparable += 1;
                taken += usize::from(suggested == decision.action);
            }
        }
        let (days, earlier) = per_day(dates);
        Stats {
            policy: review.policy(),
            threshold: review.threshold(),
            decided: review.decided(),
            total: review.total(),
            actions,
            scores,
            taken,
            comparable,
            days,
            earlier,
        }
    }

    /// The bucket the threshold falls in: it and those after it hold the
    /// scores taken for non-persons (the first one partly, unless the
    /// threshold is a multiple of ten).
    pub fn threshold_bucket(&self) -> usize {
        bucket(self.threshold)
    }
}

/// The decisions of each day, from the first to the last day with one,
/// kept to the last [`DAYS_KEPT`]; and how many came before those.
fn per_day(mut dates: Vec<Date>) -> (Vec<(Date, usize)>, usize) {
    dates.sort_unstable();
    let Some(&last) = dates.last() else {
        return (Vec::new(), 0);
    };
    let kept_back = i64::try_from(DAYS_KEPT - 1).unwrap_or(i64::MAX);
    let window_start = last
        .checked_sub(Duration::days(kept_back))
        .unwrap_or(Date::MIN);
    let first = dates[0].max(window_start);
    let earlier = dates.iter().take_while(|&&d| d < first).count();
    let mut days = Vec::new();
    let mut day = first;
    let mut counted = dates[earlier..].iter().peekable();
    loop {
        let mut count = 0;
        while counted.next_if(|&&d| d == day).is_some() {
            count += 1;
        }
        days.push((day, count));
        match day.next_day() {
            Some(next) if day < last => day = next,
            _ => break,
        }
    }
    (days, earlier)
}

#[cfg(test)]
mod tests {
    use time::OffsetDateTime;
    use time::macros::{date, datetime};

    use super::*;
    use crate::model::{Decision, Invitation, Photo, Profile, Queue};
    use crate::score::{Scorer, Settings};
    use crate::store::journal::Decisions;

    fn decided(action: Verdict, at: OffsetDateTime, done: bool) -> Decision {
        Decision {
            carried_out_at: done.then_some(at),
            ..Decision::new(action, at)
        }
    }

    /// A review of `people` (id, name, photo and connections known or not)
    /// over a journal holding `decisions` by id; an id in the journal and
    /// not in the queue is a gone invitation.
    fn review(people: &[(&str, &str, bool)], decisions: &[(&str, Decision)]) -> Review {
        let invitations = people
            .iter()
            .map(|&(id, name, well_known)| Invitation {
                id: id.into(),
                profile: Profile {
                    photo: if well_known {
                        Photo::Person
                    } else {
                        Photo::Logo
                    },
                    connections: well_known.then_some(300),
                    headline: well_known.then(|| "Engineer at Example Co".into()),
                    mutual_connections: well_known.then_some(12),
                    ..Profile::named(name.to_string())
                },
                ..Invitation::default()
            })
            .collect();
        let journal = Decisions::taken(decisions.iter().map(|(id, d)| (*id, d.clone())));
        let queue = Queue {
            invitations,
            ..Queue::default()
        };
        Review::new(queue, &journal, None, |queue| {
            Scorer::new(queue, &Settings::default(), date!(2026 - 11 - 27))
        })
    }

    #[test]
    fn buckets_are_tens_and_a_hundred_joins_the_nineties() {
        assert_eq!(bucket(0), 0);
        assert_eq!(bucket(9), 0);
        assert_eq!(bucket(10), 1);
        assert_eq!(bucket(59), 5);
        assert_eq!(bucket(60), 6);
        assert_eq!(bucket(99), 9);
        assert_eq!(bucket(100), 9);
    }

    #[test]
    fn counts_progress_actions_scores_and_the_suggestion_taken() {
        let day = datetime!(2026-12-01 09:30 UTC);
        let review = review(
            &[
                ("ana", "Ana Ruiz", true),
                ("ben", "Ben Young", true),
                ("leads", "Acme Leads Inc", false),
                ("cara", "Cara Zorn", true),
            ],
            &[
                // The suggestion for a well-known person under `open` is accept.
                ("ana", decided(Verdict::Accept, day, true)),
                ("ben", decided(Verdict::Ignore, day, false)),
                ("gone", decided(Verdict::Reply, day, false)),
            ],
        );
        let stats = Stats::new(&review);
        assert_eq!((stats.decided, stats.total), (2, 4));
        assert_eq!(
            stats.actions,
            ActionCounts {
                accept: 1,
                ignore: 1,
                reply: 1,
                carried_out: 1,
            }
        );
        assert_eq!(stats.actions.all(), 3);
        assert_eq!(
            stats.scores.iter().sum::<usize>(),
            4,
            "the gone one is not scored"
        );
        let brand = review.summary(2).score;
        assert!(
            brand >= stats.threshold,
            "the brand is a non-person: {brand}"
        );
        assert_eq!(stats.scores[bucket(brand)], 1);
        assert_eq!(
            (stats.taken, stats.comparable),
            (1, 2),
            "ana's accept took it, ben's ignore did not, the gone one is not known"
        );
        assert_eq!((stats.policy, stats.threshold), (Policy::Open, 60));
        assert_eq!(stats.threshold_bucket(), 6);
    }

    #[test]
    fn days_run_from_the_first_decision_to_the_last_with_empty_days_in_between() {
        let review = review(
            &[
                ("a", "Ana Ruiz", true),
                ("b", "Ben Young", true),
                ("c", "Cara Zorn", true),
            ],
            &[
                (
                    "a",
                    decided(Verdict::Accept, datetime!(2026-12-01 09:00 UTC), false),
                ),
                (
                    "b",
                    decided(Verdict::Accept, datetime!(2026-12-03 18:00 UTC), false),
                ),
                (
                    "c",
                    decided(Verdict::Ignore, datetime!(2026-12-03 08:00 UTC), false),
                ),
            ],
        );
        let stats = Stats::new(&review);
        assert_eq!(
            stats.days,
            [
                (date!(2026 - 12 - 01), 1),
                (date!(2026 - 12 - 02), 0),
                (date!(2026 - 12 - 03), 2),
            ]
        );
        assert_eq!(stats.earlier, 0);
    }

    #[test]
    fn only_the_last_days_are_kept_and_the_rest_are_counted_as_earlier() {
        let (days, earlier) = per_day(vec![
            date!(2025 - 01 - 01),
            date!(2026 - 12 - 01),
            date!(2025 - 06 - 30),
        ]);
        assert_eq!(days.len(), DAYS_KEPT);
        assert_eq!(days.last(), Some(&(date!(2026 - 12 - 01), 1)));
        assert_eq!(days.iter().map(|(_, n)| n).sum::<usize>(), 1);
        assert_eq!(earlier, 2);
    }

    #[test]
    fn nothing_decided_counts_nothing() {
        let stats = Stats::new(&review(&[("a", "Ana Ruiz", true)], &[]));
        assert_eq!((stats.decided, stats.total), (0, 1));
        assert_eq!(stats.actions.all(), 0);
        assert_eq!((stats.taken, stats.comparable), (0, 0));
        assert!(stats.days.is_empty());
    }
}
