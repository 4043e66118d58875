//! The spam score: transparent signals, each with its points and a reason in
//! plain words, and the policy that turns a score into a suggestion.
//!
//! The console keeps only a [`Summary`] per invitation and asks for the full
//! [`Assessment`] of the one on screen, so memory stays small at any size.

use serde::Serialize;

use crate::model::{Action, Invitation, Queue};

/// What an inviter seems to want, read from the note and the headline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Intent {
    MetBefore,
    Networking,
    JobSeeking,
    Recruiting,
    Selling,
    Unknown,
}

impl Intent {
    pub fn as_str(self) -> &'static str {
        match self {
            Intent::MetBefore => "met-before",
            Intent::Networking => "networking",
            Intent::JobSeeking => "job-seeking",
            Intent::Recruiting => "recruiting",
            Intent::Selling => "selling",
            Intent::Unknown => "unknown",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    High,
    Medium,
    Low,
}

/// One signal that fired: its name, its points (negative lowers the score)
/// and what it saw, in plain words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    pub signal: &'static str,
    pub points: i32,
    pub detail: String,
}

/// What the active policy suggests, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub action: Action,
    /// The reply template, when the action is a reply.
    pub template: Option<&'static str>,
    pub confidence: Confidence,
    pub why: String,
}

/// Everything the detail pane shows about one invitation's score.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// 0–100; higher is more likely not a real person, or spam.
    pub score: u8,
    /// At or above this score the account is taken for a non-person.
    pub threshold: u8,
    /// Largest first.
    pub reasons: Vec<Reason>,
    /// Facts that were unknown, so the signals that need them did not fire.
    pub unknown: Vec<&'static str>,
    /// The note is missing or LinkedIn's default.
    pub canned: bool,
    pub intent: Intent,
    pub suggestion: Suggestion,
}

/// The little the list needs of each invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub score: u8,
    pub suggestion: Action,
    pub intent: Intent,
    pub canned: bool,
}

impl From<&Assessment> for Summary {
    fn from(a: &Assessment) -> Self {
        Summary {
            score: a.score,
            suggestion: a.suggestion.action,
            intent: a.intent,
            canned: a.canned,
        }
    }
}

/// Scores the invitations of one queue. Built once per queue, since some
/// signals look across the queue (the same note sent by several inviters).
pub struct Scorer {
    threshold: u8,
}

impl Scorer {
    pub fn new(_queue: &Queue) -> Self {
        Scorer { threshold: 50 }
    }

    pub fn threshold(&self) -> u8 {
        self.threshold
    }

    pub fn assess(&self, invitation: &Invitation) -> Assessment {
        let p = &invitation.profile;
        let mut reasons = Vec::new();
        let mut unknown = Vec::new();
        match p.connections {
            Some(n) if n < 20 => reasons.push(Reason {
                signal: "few_connections",
                points: 20,
                detail: format!("only {n} connections"),
            }),
            Some(_) => {}
            None => unknown.push("connections"),
        }
        match p.photo {
            crate::model::Photo::Logo => reasons.push(Reason {
                signal: "logo_photo",
                points: 30,
                detail: "the photo is a logo, not a person".into(),
            }),
            crate::model::Photo::Unknown => unknown.push("photo"),
            _ => {}
        }
        reasons.sort_by_key(|r| std::cmp::Reverse(r.points.abs()));
        let score = reasons.iter().map(|r| r.points).sum::<i32>().clamp(0, 100) as u8;
        let canned = invitation.message.is_none();
        let action = if score >= self.threshold {
            Action::Ignore
        } else {
            Action::Accept
        };
        Assessment {
            score,
            threshold: self.threshold,
            reasons,
            unknown,
            canned,
            intent: Intent::Unknown,
            suggestion: Suggestion {
                action,
                template: None,
                confidence: Confidence::Low,
                why: format!("score {score} against threshold {}", self.threshold),
            },
        }
    }
}
