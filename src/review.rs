//! A queue under review: its invitations, their scores and where each one's
//! decision stands. Plain data shared by the console and the commands.

use std::collections::HashMap;

use crate::model::{Decision, Invitation, Queue};
use crate::score::{Assessment, Scorer, Summary};
use crate::store::journal::Decisions;

pub struct Review {
    pub queue: Queue,
    scorer: Scorer,
    summaries: Vec<Summary>,
    decisions: Vec<Option<Decision>>,
    decided: usize,
    by_id: HashMap<String, usize>,
}

impl Review {
    /// Scores the queue once and lays the journal's decisions over it.
    pub fn new(queue: Queue, scorer: Scorer, journal: &Decisions) -> Review {
        let summaries = queue
            .invitations
            .iter()
            .map(|inv| Summary::from(&scorer.assess(inv)))
            .collect();
        let by_id: HashMap<String, usize> = queue
            .invitations
            .iter()
            .enumerate()
            .map(|(index, inv)| (inv.id.clone(), index))
            .collect();
        let mut decisions = vec![None; queue.invitations.len()];
        for (id, standing) in &journal.by_id {
            if let Some(&index) = by_id.get(id) {
                decisions[index] = Some(standing.decision.clone());
            }
        }
        let decided = decisions.iter().flatten().count();
        Review {
            queue,
            scorer,
            summaries,
            decisions,
            decided,
            by_id,
        }
    }

    pub fn len(&self) -> usize {
        self.queue.invitations.len()
    }

    pub fn is_empty(&self) -> bool {
        self.queue.invitations.is_empty()
    }

    pub fn invitation(&self, index: usize) -> &Invitation {
        &self.queue.invitations[index]
    }

    pub fn summary(&self, index: usize) -> Summary {
        self.summaries[index]
    }

    /// The full explanation of one invitation's score, made on demand.
    pub fn assess(&self, index: usize) -> Assessment {
        self.scorer.assess(&self.queue.invitations[index])
    }

    pub fn decision(&self, index: usize) -> Option<&Decision> {
        self.decisions[index].as_ref()
    }

    /// At or above this score an account is taken for a non-person.
    pub fn threshold(&self) -> u8 {
        self.scorer.threshold()
    }

    pub fn decided(&self) -> usize {
        self.decided
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Sets one invitation's decision and gives back the one it replaces.
    pub fn set(&mut self, index: usize, decision: Option<Decision>) -> Option<Decision> {
        let before = std::mem::replace(&mut self.decisions[index], decision);
        self.decided = self.decided + usize::from(self.decisions[index].is_some())
            - usize::from(before.is_some());
        before
    }
}
