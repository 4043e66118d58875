//! A batch: decisions one key makes at once, shown before they are made.
//! The sweep (`x`) takes every pending invitation whose suggestion is
//! sure; marks (`Space`, `v`) then `a`, `i` or `r` take the marked ones.
//! Any entry can be left out before the batch is applied, and it is
//! applied as one step, which one undo takes back.

use crate::model::Verdict;
use crate::review::Review;
use crate::score::Confidence;

/// Where a batch came from, for its title and what applying it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Sweep,
    Marks,
}

/// One decision of a batch.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The invitation, as a queue index.
    pub index: usize,
    pub verdict: Verdict,
    /// The reply's template and text, when the verdict is a reply.
    pub reply: Option<(String, String)>,
    /// Left out by the reviewer when false.
    pub included: bool,
}

impl Entry {
    pub fn new(index: usize, verdict: Verdict) -> Entry {
        Entry {
            index,
            verdict,
            reply: None,
            included: true,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Batch {
    pub origin: Origin,
    /// Grouped by verdict (accepts, ignores, replies), each group in queue
    /// order.
    pub entries: Vec<Entry>,
    pub cursor: usize,
    /// What was left out before the preview, and why, one line each.
    pub left_out: Vec<String>,
}

/// The verdicts in the order a batch groups them.
pub const GROUPS: [Verdict; 3] = [Verdict::Accept, Verdict::Ignore, Verdict::Reply];

impl Batch {
    /// A batch of `entries`, grouped.
    pub fn new(origin: Origin, mut entries: Vec<Entry>, left_out: Vec<String>) -> Batch {
        entries.sort_by_key(|entry| (group_of(entry.verdict), entry.index));
        Batch {
            origin,
            entries,
            cursor: 0,
            left_out,
        }
    }

    /// The sweep: every pending invitation whose suggestion to accept or
    /// ignore has high confidence. A sure reply is left to be drafted.
    pub fn sweep(review: &Review) -> Batch {
        // Every pending row's summary: made on every core, not one by one.
        review.score_all();
        let mut entries = Vec::new();
        let mut replies = 0;
        for index in (0..review.len()).filter(|&index| review.is_pending(index)) {
            let summary = review.summary(index);
            if summary.confidence != Confidence::High {
                continue;
            }
            match summary.suggestion {
                Some(Verdict::Reply) => replies += 1,
                Some(verdict) => entries.push(Entry::new(index, verdict)),
                None => {}
            }
        }
        let left_out = match replies {
            0 => Vec::new(),
            1 => vec!["1 sure reply is left for you to draft".to_string()],
            n => vec![format!("{n} sure replies are left for you to draft")],
        };
        Batch::new(Origin::Sweep, entries, left_out)
    }

    /// The entries that applying makes.
    pub fn included(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|entry| entry.included)
    }

    /// How many of each verdict applying makes, in group order, the groups
    /// with an entry only: (verdict, included, entries).
    pub fn counts(&self) -> Vec<(Verdict, usize, usize)> {
        GROUPS
            .iter()
            .filter_map(|&verdict| {
                let group = self.entries.iter().filter(|e| e.verdict == verdict);
                let (all, included) = group.fold((0, 0), |(all, inc), e| {
                    (all + 1, inc + usize::from(e.included))
                });
                (all > 0).then_some((verdict, included, all))
            })
            .collect()
    }

    pub fn move_to(&mut self, position: usize) {
        self.cursor = position.min(self.entries.len().saturating_sub(1));
    }

    /// Leaves the entry under the cursor out, or takes it back in, and
    /// moves on.
    pub fn toggle(&mut self) {
        if let Some(entry) = self.entries.get_mut(self.cursor) {
            entry.included = !entry.included;
            self.move_to(self.cursor + 1);
        }
    }
}

fn group_of(verdict: Verdict) -> usize {
    GROUPS
        .iter()
        .position(|&v| v == verdict)
        .unwrap_or(GROUPS.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch() -> Batch {
        Batch::new(
            Origin::Marks,
            vec![
                Entry::new(4, Verdict::Ignore),
                Entry::new(2, Verdict::Accept),
                Entry::new(1, Verdict::Ignore),
            ],
            Vec::new(),
        )
    }

    #[test]
    fn entries_are_grouped_by_verdict_in_queue_order() {
        let order: Vec<_> = batch().entries.iter().map(|e| e.index).collect();
        assert_eq!(order, [2, 1, 4]);
    }

    #[test]
    fn an_entry_left_out_is_not_applied_nor_counted() {
        let mut batch = batch();
        batch.move_to(1);
        batch.toggle();
        assert_eq!(batch.cursor, 2, "it moves on");
        let applied: Vec<_> = batch.included().map(|e| e.index).collect();
        assert_eq!(applied, [2, 4]);
        assert_eq!(
            batch.counts(),
            [(Verdict::Accept, 1, 1), (Verdict::Ignore, 1, 2)]
        );
        batch.move_to(1);
        batch.toggle();
        assert_eq!(batch.included().count(), 3, "and back in");
    }

    #[test]
    fn the_cursor_stays_on_an_entry() {
        let mut batch = batch();
        batch.move_to(usize::MAX);
        assert_eq!(batch.cursor, 2);
        batch.toggle();
        assert_eq!(batch.cursor, 2);
    }
}
