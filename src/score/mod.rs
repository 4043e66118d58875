//! The spam score: transparent signals, each with its points and a reason in
//! plain words, and the policy that turns a score into a suggestion.
//!
//! The console keeps only a [`Summary`] per invitation and asks for the full
//! [`Assessment`] of the one on screen, so memory stays small at any size.

mod canned;
mod common_ground;
mod intent;
mod lexicon;
mod lists;
pub mod policy;
pub mod report;
mod settings;
mod signals;
mod text;
mod vocabulary;

pub use lists::{Lists, Pattern};
pub use policy::{Policy, RecruiterWords, UnknownPolicy};
pub use settings::Settings;
pub use signals::{Points, Signal};

use serde::{Deserialize, Serialize};
use time::{Date, UtcOffset};

use crate::model::{Invitation, Kind, Queue, Verdict};
use lexicon::Scanned;
use policy::{Case, Evidence, Lead, Words};
use signals::queue::QueueFacts;
use signals::{Findings, address, history, name, note, profile};
use text::{folded, has_phrase};

/// What an inviter seems to want, read from the note and the headline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
    pub const ALL: [Intent; 6] = [
        Intent::MetBefore,
        Intent::Networking,
        Intent::JobSeeking,
        Intent::Recruiting,
        Intent::Selling,
        Intent::Unknown,
    ];

    /// The intent filter after `current`: none, then each intent in turn.
    pub fn cycle(current: Option<Intent>) -> Option<Intent> {
        match current {
            None => Some(Intent::ALL[0]),
            Some(intent) => Intent::ALL
                .iter()
                .position(|&i| i == intent)
                .and_then(|p| Intent::ALL.get(p + 1).copied()),
        }
    }

    /// What `invitation`'s inviter seems to want: its assessment's intent,
    /// read alone. It needs no other invitation of the queue, so it is
    /// read as the queue opens, where a score waits for the queue's counts.
    pub fn of(invitation: &Invitation) -> Intent {
        if invitation.kind != Kind::Person {
            return Intent::Unknown;
        }
        let note = invitation.message.as_deref().map(Scanned::new);
        let headline = invitation.profile.headline.as_deref().map(Scanned::new);
        intent::read(note.as_ref(), headline.as_ref())
    }

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

impl Confidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
        }
    }
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
    /// `None` when there is nothing to do: the inviter is already a connection.
    pub action: Option<Verdict>,
    /// The reply template, when the action is a reply.
    pub template: Option<&'static str>,
    pub confidence: Confidence,
    pub why: String,
    /// Why the confidence is not high, in one line.
    pub doubt: Option<String>,
}

impl Suggestion {
    /// The action's name as `score --json` gives it; "none" when there is
    /// nothing to do.
    pub fn action_str(&self) -> &'static str {
        self.action.map_or("none", Verdict::as_str)
    }
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

/// The little the list needs of each invitation's score. Its intent, which
/// needs no score, the review reads apart (`Intent::of`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub score: u8,
    pub suggestion: Option<Verdict>,
    pub confidence: Confidence,
}

impl From<&Assessment> for Summary {
    fn from(a: &Assessment) -> Self {
        Summary {
            score: a.score,
            suggestion: a.suggestion.action,
            confidence: a.suggestion.confidence,
        }
    }
}

/// Scores the invitations of one queue. Built once per queue, since some
/// signals look across the queue (the same note sent by several inviters).
pub struct Scorer {
    settings: Settings,
    facts: QueueFacts,
    ours: common_ground::Ours,
    today: Date,
}

impl Scorer {
    /// Counts what the whole queue says, in one pass. `today` stands in for
    /// the day an invitation was sent when that is unknown, so that a score
    /// never depends on the clock.
    pub fn new(queue: &Queue, settings: &Settings, today: Date) -> Scorer {
        Scorer {
            settings: settings.clone(),
            facts: QueueFacts::gather(queue),
            ours: common_ground::Ours::new(&queue.owner),
            today,
        }
    }

    pub fn policy(&self) -> Policy {
        self.settings.policy
    }

    /// At or above this score an account is taken for a non-person.
    pub fn threshold(&self) -> u8 {
        self.settings.non_person_threshold
    }

    /// What the list keeps of an invitation: its assessment, with no words
    /// written for its reasons.
    pub fn summary(&self, invitation: &Invitation) -> Summary {
        Summary::from(&self.judge(invitation, Words::Left))
    }

    pub fn assess(&self, invitation: &Invitation) -> Assessment {
        self.judge(invitation, Words::Written)
    }

    /// The assessment, its reasons and suggestion in words or not.
    fn judge(&self, invitation: &Invitation, words: Words) -> Assessment {
        if invitation.kind != Kind::Person {
            return self.not_a_persons(invitation.kind);
        }
        let settings = &self.settings;
        let p = &invitation.profile;
        let mut f = match words {
            Words::Written => Findings::new(&settings.points),
            Words::Left => Findings::without_words(&settings.points),
        };
        let listed = lists::check(&settings.allow, &settings.deny, p, &mut f);
        name::check(&p.name, &mut f);
        let headline = p.headline.as_deref().map(Scanned::new);
        // Import refuses a moment with no UTC day; one made otherwise
        // counts as unknown rather than stopping the score.
        let (reference, reference_label) = match invitation
            .sent_at
            .and_then(|sent| sent.checked_to_offset(UtcOffset::UTC))
        {
            Some(sent) => (sent.date(), "the invitation"),
            None => (self.today, "today"),
        };
        let cx = profile::ProfileInputs {
            reference,
            reference_label,
            headline: headline.as_ref(),
        };
        let profile_for_person = profile::check(p, &cx, &mut f);
        let patterned = address::check(&p.name, p.url.as_deref(), &mut f);
        history::check(invitation, &mut f);
        let note = invitation.message.as_deref().map(Scanned::new);
        if let Some(note) = &note {
            note::check(note, &mut f);
        }
        let stock = canned::is_canned(invitation.message.as_deref());
        let written = note.as_ref().filter(|_| !stock);
        let reused = self
            .facts
            .check(invitation, written.map(|n| &n.text), patterned, &mut f);
        // A note that several inviters sent is a template, however personal
        // it reads, and says nothing of having met.
        let canned = stock || reused;
        let personal = written.filter(|_| !reused);
        let common_ground = common_ground::check(p, &self.ours, personal, &mut f);
        let intent = intent::read(note.as_ref(), headline.as_ref());

        let Findings {
            mut reasons,
            unknown,
            ..
        } = f;
        // A summary keeps no reason, and needs of the signs against only
        // whether there are any and how many: only reasons shown are ordered.
        if words == Words::Written {
            reasons.sort_by_key(|r| std::cmp::Reverse(r.points.abs()));
        }
        let total: i32 = reasons.iter().map(|r| r.points).sum();
        let score = u8::try_from(total.clamp(0, 100)).unwrap_or(100);
        let lead = match settings.policy {
            Policy::Recruiter => headline
                .as_ref()
                .and_then(|h| lead(&settings.recruiter, h.text.as_str())),
            _ => None,
        };
        // Largest first, so the first sign against is the strongest.
        let mut against = reasons.iter().filter(|r| r.points > 0);
        let strongest_against = against.next().map(|r| r.detail.as_str());
        let evidence = Evidence {
            for_person: profile_for_person + usize::from(common_ground.is_some()),
            signs_against: usize::from(strongest_against.is_some()) + against.count(),
            strongest_against,
        };
        let case = Case {
            score,
            threshold: settings.non_person_threshold,
            canned,
            common_ground: common_ground.as_deref(),
            listed,
            lead,
            connected: invitation.already_connected,
            evidence,
        };
        let suggestion = policy::decide(settings.policy, &case, words);
        Assessment {
            score,
            threshold: settings.non_person_threshold,
            reasons,
            unknown,
            canned,
            intent,
            suggestion,
        }
    }

    /// A newsletter's, page's, event's or group's invitation: nothing to
    /// score, and the reviewer's to accept or ignore.
    fn not_a_persons(&self, kind: Kind) -> Assessment {
        Assessment {
            score: 0,
            threshold: self.settings.non_person_threshold,
            reasons: Vec::new(),
            unknown: Vec::new(),
            canned: true,
            intent: Intent::Unknown,
            suggestion: Suggestion {
                action: None,
                template: None,
                confidence: Confidence::High,
                why: format!(
                    "A {}'s invitation, not a person's: accept or ignore as you like.",
                    kind.as_str()
                ),
                doubt: None,
            },
        }
    }
}

/// The first of the recruiter's words found in the (folded) headline.
fn lead<'w>(words: &'w RecruiterWords, headline: &str) -> Option<Lead<'w>> {
    let found = |list: &'w [String]| {
        list.iter()
            .map(String::as_str)
            .find(|w| has_phrase(headline, &folded(w)))
    };
    found(&words.candidates)
        .map(Lead::Candidate)
        .or_else(|| found(&words.clients).map(Lead::Client))
}
