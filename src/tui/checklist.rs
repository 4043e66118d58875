//! The checklist (`c`): the decisions still to carry out on LinkedIn, in
//! the order they were taken, each ticked off as it is done.

use crate::review::Review;

/// The checklist's rows (queue indices, in decision order) and its cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checklist {
    pub rows: Vec<usize>,
    pub cursor: usize,
}

impl Checklist {
    /// Every decided invitation, the ones still to do first.
    pub fn new(review: &Review) -> Checklist {
        let mut rows: Vec<usize> = (0..review.len())
            .filter(|&i| review.decision(i).is_some())
            .collect();
        rows.sort_by_key(|&index| {
            let decision = review.decision(index);
            (
                decision.is_some_and(|d| d.carried_out_at.is_some()),
                decision.map(|d| d.decided_at),
                index,
            )
        });
        Checklist { rows, cursor: 0 }
    }

    pub fn selected(&self) -> Option<usize> {
        self.rows.get(self.cursor).copied()
    }

    pub fn move_by(&mut self, step: isize) {
        let last = self.rows.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(step).min(last);
    }

    /// How many are still to carry out.
    pub fn to_do(&self, review: &Review) -> usize {
        self.rows
            .iter()
            .filter(|&&i| {
                review
                    .decision(i)
                    .is_some_and(|d| d.carried_out_at.is_none())
            })
            .count()
    }
}
