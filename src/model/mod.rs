//! Plain data: invitations, profiles, the queue and decisions. No I/O, no terminal.

mod decision;
mod network;
mod profile;
mod source;
mod view;

pub use decision::{Decision, Verdict};
pub use network::Network;
pub use profile::{NO_VISIBLE_NAME, Photo, Profile, connections_shown};
pub use source::{Kind, Source, SourceKind};
pub use view::{Filter, Sort};

use time::OffsetDateTime;

/// An invitation's text: most of it (ids, names, headlines, companies,
/// places) is short, and is held within the 24 bytes a `String` takes for
/// its pointer alone, where a `String` would cost an allocation more; at a
/// million invitations that is a third of the queue's memory.
pub type Text = compact_str::CompactString;

/// One pending invitation, with every imported text already cleaned.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Invitation {
    /// Stable across runs and across newer exports of the same queue.
    pub id: Text,
    pub sent_at: Option<OffsetDateTime>,
    /// The invitation note; `None` when there was none.
    pub message: Option<Text>,
    pub profile: Profile,
    /// The inviter is already one of the owner's connections (from the
    /// export's `Connections.csv`); `false` when that is not known.
    pub already_connected: bool,
    /// What the reviewer decided on an earlier invitation from the same
    /// inviter, when this one was sent after that decision.
    pub earlier: Option<EarlierDecision>,
    /// A person's invitation to connect, or a page's, newsletter's, event's
    /// or group's invitation, which is never scored.
    pub kind: Kind,
    /// Worked out from "2 days ago" on a saved page: only roughly right.
    pub sent_approximate: bool,
    /// Only the start of the note is known ("… see more").
    pub note_cut: bool,
    /// Where the facts came from; empty for a single source.
    pub sources: Vec<Source>,
}

/// A decision taken on an earlier invitation from the same inviter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EarlierDecision {
    pub action: Verdict,
    pub on: time::Date,
}

/// The person reviewing the queue.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Owner {
    pub name: Option<String>,
    pub company: Option<String>,
    pub headline: Option<String>,
    /// The owner's connections; `None` when the input does not list them.
    pub network: Option<Network>,
}

/// Everything loaded from one input, ready for scoring and review.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Queue {
    pub owner: Owner,
    pub invitations: Vec<Invitation>,
    /// Problems that did not stop the load (a duplicate id, a skipped row), in plain words.
    pub warnings: Vec<String>,
    /// Input rows left out because they could not be read (each has a warning).
    pub skipped_rows: usize,
}
