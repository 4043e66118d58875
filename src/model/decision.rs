use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// What the reviewer does with an invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Accept,
    Ignore,
    Reply,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Accept => "accept",
            Verdict::Ignore => "ignore",
            Verdict::Reply => "reply",
        }
    }

    /// What was done: "accepted", "ignored", "replied".
    pub fn past(self) -> &'static str {
        match self {
            Verdict::Accept => "accepted",
            Verdict::Ignore => "ignored",
            Verdict::Reply => "replied",
        }
    }
}

/// A decision as it stands for one invitation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub action: Verdict,
    /// The reply template, when the action is a reply, or an accept with a
    /// welcome.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    /// The kept reply text, when the action is a reply; with an accept, the
    /// welcome to send once accepted. Records without it read as `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub decided_at: OffsetDateTime,
    /// When the reviewer ticked the decision as carried out on LinkedIn.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "time::serde::rfc3339::option"
    )]
    pub carried_out_at: Option<OffsetDateTime>,
}

impl Decision {
    /// `action` taken at `decided_at`, with no template or reply, not yet
    /// carried out.
    pub fn new(action: Verdict, decided_at: OffsetDateTime) -> Decision {
        Decision {
            action,
            template: None,
            reply: None,
            decided_at,
            carried_out_at: None,
        }
    }
}
