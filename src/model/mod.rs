//! Plain data: invitations, profiles, the queue and decisions. No I/O, no terminal.

mod decision;
mod profile;
mod view;

pub use decision::{Action, Decision};
pub use profile::{Photo, Profile};
pub use view::{Filter, Sort};

use time::OffsetDateTime;

/// One pending invitation, with every imported text already cleaned.
#[derive(Debug, Clone, PartialEq)]
pub struct Invitation {
    /// Stable across runs and across newer exports of the same queue.
    pub id: String,
    pub sent_at: Option<OffsetDateTime>,
    /// The invitation note; `None` when there was none.
    pub message: Option<String>,
    pub profile: Profile,
}

/// The person reviewing the queue.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Owner {
    pub name: Option<String>,
    pub company: Option<String>,
}

/// Everything loaded from one input, ready for scoring and review.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Queue {
    pub owner: Owner,
    pub invitations: Vec<Invitation>,
    /// Problems that did not stop the load (a duplicate id, a skipped row), in plain words.
    pub warnings: Vec<String>,
}
