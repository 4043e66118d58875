//! The connection policies of the seed's people, as presets that turn a
//! score, a canned or personal note and common ground into a suggestion.

use std::fmt;
use std::str::FromStr;

use super::lists::Listed;
use super::{Confidence, Suggestion};
use crate::model::Action;

/// The reply templates a suggestion may name.
pub mod template {
    pub const HOW_DO_WE_KNOW: &str = "how-do-we-know";
    pub const MEET_FIRST: &str = "meet-first";
    pub const NOT_AN_OPEN_NETWORKER: &str = "not-an-open-networker";
}

/// Who the reviewer is, as far as invitations go.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Policy {
    /// Accept every real person, canned note or not; ignore non-persons.
    #[default]
    Open,
    /// Accept personal invitations; ask canned ones how you know each other.
    Selective,
    /// Accept only with common ground; reply to the rest.
    KnowAndTrust,
    /// Reply "let's meet first" to anyone without common ground.
    MeetFirst,
    /// Accept real people; flag likely candidates and clients.
    Recruiter,
}

impl Policy {
    pub const ALL: [Policy; 5] = [
        Policy::Open,
        Policy::Selective,
        Policy::KnowAndTrust,
        Policy::MeetFirst,
        Policy::Recruiter,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Policy::Open => "open",
            Policy::Selective => "selective",
            Policy::KnowAndTrust => "know-and-trust",
            Policy::MeetFirst => "meet-first",
            Policy::Recruiter => "recruiter",
        }
    }
}

impl fmt::Display for Policy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A policy name that is none of the presets.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown policy \"{0}\"; the policies are: open, selective, know-and-trust, meet-first, recruiter"
)]
pub struct UnknownPolicy(pub String);

impl FromStr for Policy {
    type Err = UnknownPolicy;

    /// Case does not matter, and `_` or a space may stand for `-`.
    fn from_str(text: &str) -> Result<Policy, UnknownPolicy> {
        let wanted = text.trim().to_lowercase().replace(['_', ' '], "-");
        Policy::ALL
            .into_iter()
            .find(|p| p.as_str() == wanted)
            .ok_or_else(|| UnknownPolicy(text.to_string()))
    }
}

/// The headline words by which a recruiter spots likely candidates and
/// clients, as the user lists them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecruiterWords {
    pub candidates: Vec<String>,
    pub clients: Vec<String>,
}

/// What the recruiter policy spotted in the headline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lead<'a> {
    Candidate(&'a str),
    Client(&'a str),
}

/// Everything a policy decides on.
pub(crate) struct Case<'a> {
    pub score: u8,
    pub threshold: u8,
    pub canned: bool,
    /// The common ground found, in words.
    pub common_ground: Option<&'a str>,
    pub listed: Option<Listed>,
    pub lead: Option<Lead<'a>>,
    /// Most of the facts that tell a person from an account are unknown.
    pub thin_facts: bool,
}

pub(crate) fn suggest(policy: Policy, case: &Case) -> Suggestion {
    use template::*;
    let sure = |action, why: &str| Suggestion {
        action,
        template: None,
        confidence: Confidence::High,
        why: why.to_string(),
    };
    match case.listed {
        Some(Listed::Allowed) => return sure(Action::Accept, "On your allow list."),
        Some(Listed::Denied) => return sure(Action::Ignore, "On your deny list."),
        None => {}
    }
    let confidence = confidence(case);
    let make = |action, template, why: String| Suggestion {
        action,
        template,
        confidence,
        why,
    };
    if case.score >= case.threshold {
        let why = format!(
            "Not a real person, by the signals: score {} reaches the threshold {}.",
            case.score, case.threshold
        );
        return make(Action::Ignore, None, why);
    }
    let accept = |why: String| make(Action::Accept, None, why);
    let reply = |template, why: &str| make(Action::Reply, Some(template), why.to_string());
    let common_ground = case.common_ground.map(|cg| format!("Common ground: {cg}."));
    match (policy, common_ground) {
        (Policy::Open, _) => accept("A real person, as far as the signals show.".into()),
        (Policy::Selective, _) if case.canned => reply(
            HOW_DO_WE_KNOW,
            "A canned invitation: ask how you know each other.",
        ),
        (Policy::Selective, _) => accept("A personal note from a real person.".into()),
        (Policy::KnowAndTrust | Policy::MeetFirst, Some(why)) => accept(why),
        (Policy::KnowAndTrust, None) if case.canned => reply(
            HOW_DO_WE_KNOW,
            "No common ground and a canned note: ask how you know each other.",
        ),
        (Policy::KnowAndTrust, None) => reply(
            NOT_AN_OPEN_NETWORKER,
            "No common ground: say you connect only with people you know.",
        ),
        (Policy::MeetFirst, None) => reply(
            MEET_FIRST,
            "No common ground yet: offer to connect after a call or a coffee.",
        ),
        (Policy::Recruiter, _) => accept(match case.lead {
            Some(Lead::Candidate(word)) => {
                format!("A likely candidate: the headline says \"{word}\".")
            }
            Some(Lead::Client(word)) => format!("A likely client: the headline says \"{word}\"."),
            None => "A real person; not a candidate or client by your words.".into(),
        }),
    }
}

/// How far the score is from the threshold, one step lower when most of
/// the telling facts are unknown.
fn confidence(case: &Case) -> Confidence {
    let margin = (i32::from(case.score) - i32::from(case.threshold)).abs();
    let by_margin = match margin {
        30.. => Confidence::High,
        15.. => Confidence::Medium,
        _ => Confidence::Low,
    };
    match (by_margin, case.thin_facts) {
        (Confidence::High, true) => Confidence::Medium,
        (_, true) => Confidence::Low,
        (c, false) => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_leniently_and_errors_list_the_presets() {
        assert_eq!("know_and_trust".parse(), Ok(Policy::KnowAndTrust));
        assert_eq!("Meet First".parse(), Ok(Policy::MeetFirst));
        for p in Policy::ALL {
            assert_eq!(p.as_str().parse(), Ok(p));
        }
        let err = "strict".parse::<Policy>().unwrap_err().to_string();
        assert!(
            err.contains("\"strict\"") && err.contains("know-and-trust"),
            "{err}"
        );
    }

    fn case(score: u8, thin_facts: bool) -> Case<'static> {
        Case {
            score,
            threshold: 60,
            canned: false,
            common_ground: None,
            listed: None,
            lead: None,
            thin_facts,
        }
    }

    #[test]
    fn confidence_follows_the_margin_and_the_known_facts() {
        assert_eq!(confidence(&case(0, false)), Confidence::High);
        assert_eq!(confidence(&case(40, false)), Confidence::Medium);
        assert_eq!(confidence(&case(55, false)), Confidence::Low);
        assert_eq!(confidence(&case(95, false)), Confidence::High);
        assert_eq!(confidence(&case(0, true)), Confidence::Medium);
        assert_eq!(confidence(&case(40, true)), Confidence::Low);
    }

    #[test]
    fn the_lists_outrank_every_policy() {
        for p in Policy::ALL {
            let allowed = Case {
                score: 100,
                listed: Some(Listed::Allowed),
                ..case(100, false)
            };
            assert_eq!(suggest(p, &allowed).action, Action::Accept);
            let denied = Case {
                listed: Some(Listed::Denied),
                ..case(0, false)
            };
            assert_eq!(suggest(p, &denied).action, Action::Ignore);
        }
    }
}
