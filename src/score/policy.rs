//! The connection policies of the seed's people, as presets that turn a
//! score, a canned or personal note and common ground into a suggestion.

use std::fmt;
use std::str::FromStr;

use super::lists::Listed;
use super::{Confidence, Suggestion};
use crate::model::Verdict;

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

    /// The reply templates this policy's suggestions name: deleting one
    /// leaves its replies to be drafted with another.
    pub fn templates(self) -> &'static [&'static str] {
        use template::*;
        match self {
            Policy::Open | Policy::Recruiter => &[],
            Policy::Selective => &[HOW_DO_WE_KNOW],
            Policy::KnowAndTrust => &[HOW_DO_WE_KNOW, NOT_AN_OPEN_NETWORKER],
            Policy::MeetFirst => &[MEET_FIRST],
        }
    }

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

/// What the known facts say of the inviter being a real person, for the
/// confidence: a suggestion acted on without a look must stand on facts.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Evidence<'a> {
    /// How many of the photo, the headline, a network and common ground are
    /// known and speak for a person.
    pub for_person: usize,
    /// How many signs against a person fired.
    pub signs_against: usize,
    /// The strongest of them, in words.
    pub strongest_against: Option<&'a str>,
}

/// This many of the four facts that speak for a person make an accept or a
/// reply sure enough to take without a look.
const ENOUGH_FOR_PERSON: usize = 3;
/// Two facts for a person with nothing against them: worth a glance.
const SOME_FOR_PERSON: usize = 2;
/// An ignore is sure when this many signs agree, this far past the threshold.
const ENOUGH_AGAINST: usize = 2;
const SURE_MARGIN: i32 = 20;
/// Closer than this to the threshold, a suggestion is a coin toss.
const NEAR_THRESHOLD: i32 = 10;

/// Everything a policy decides on.
pub(crate) struct Case<'a> {
    pub score: u8,
    pub threshold: u8,
    pub canned: bool,
    /// The common ground found, in words.
    pub common_ground: Option<&'a str>,
    pub listed: Option<Listed>,
    pub lead: Option<Lead<'a>>,
    /// The inviter is already one of the owner's connections.
    pub connected: bool,
    pub evidence: Evidence<'a>,
}

/// Whether a suggestion's why and doubt are written: the list keeps only
/// the action and the confidence, and a million rows are decided without
/// writing two million sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Words {
    Written,
    Left,
}

impl Words {
    /// `text`, when the words are written.
    fn say(self, text: fmt::Arguments) -> String {
        match self {
            Words::Written => text.to_string(),
            Words::Left => String::new(),
        }
    }
}

/// The suggestion, its why and doubt written as `words` says.
pub(crate) fn decide(policy: Policy, case: &Case, words: Words) -> Suggestion {
    use template::*;
    let sure = |action, why: &str| Suggestion {
        action,
        template: None,
        confidence: Confidence::High,
        why: words.say(format_args!("{why}")),
        doubt: None,
    };
    if case.connected {
        return sure(None, "Already one of your connections: nothing to do.");
    }
    match case.listed {
        Some(Listed::Allowed) => return sure(Some(Verdict::Accept), "On your allow list."),
        Some(Listed::Denied) => return sure(Some(Verdict::Ignore), "On your deny list."),
        None => {}
    }
    if case.score >= case.threshold {
        let why = words.say(format_args!(
            "Not a real person, by the signals: score {} reaches the threshold {}.",
            case.score, case.threshold
        ));
        let (confidence, doubt) = ignore_confidence(case, words);
        return Suggestion {
            action: Some(Verdict::Ignore),
            template: None,
            confidence,
            why,
            doubt,
        };
    }
    let make = |action, template: Option<&'static str>, why: String| {
        let (confidence, doubt) = person_confidence(case, action, words);
        Suggestion {
            action: Some(action),
            template,
            confidence,
            why,
            doubt,
        }
    };
    let accept = |why: fmt::Arguments| make(Verdict::Accept, None, words.say(why));
    let reply = |template, why: &str| {
        make(
            Verdict::Reply,
            Some(template),
            words.say(format_args!("{why}")),
        )
    };
    let common_ground = case.common_ground;
    match (policy, common_ground) {
        (Policy::Open, _) => accept(format_args!("A real person, as far as the signals show.")),
        (Policy::Selective, _) if case.canned => reply(
            HOW_DO_WE_KNOW,
            "A canned invitation: ask how you know each other.",
        ),
        (Policy::Selective, _) => accept(format_args!("A personal note from a real person.")),
        (Policy::KnowAndTrust | Policy::MeetFirst, Some(cg)) => {
            accept(format_args!("Common ground: {cg}."))
        }
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
        (Policy::Recruiter, _) => match case.lead {
            Some(Lead::Candidate(word)) => accept(format_args!(
                "A likely candidate: the headline says \"{word}\"."
            )),
            Some(Lead::Client(word)) => accept(format_args!(
                "A likely client: the headline says \"{word}\"."
            )),
            None => accept(format_args!(
                "A real person; not a candidate or client by your words."
            )),
        },
    }
}

/// An accept or a reply treats the inviter as a real person: sure only when
/// enough of the person is known and nothing known speaks against it.
fn person_confidence(case: &Case, action: Verdict, words: Words) -> (Confidence, Option<String>) {
    let verb = match action {
        Verdict::Reply => "replying",
        _ => "accepting",
    };
    let margin = i32::from(case.threshold) - i32::from(case.score);
    let e = &case.evidence;
    if let Some(sign) = e.strongest_against {
        let confidence = if margin <= NEAR_THRESHOLD || e.signs_against >= ENOUGH_AGAINST {
            Confidence::Low
        } else {
            Confidence::Medium
        };
        return (
            confidence,
            Some(words.say(format_args!("look before {verb}, a sign disagrees: {sign}"))),
        );
    }
    match e.for_person {
        ENOUGH_FOR_PERSON.. => (Confidence::High, None),
        SOME_FOR_PERSON => (
            Confidence::Medium,
            Some(words.say(format_args!(
                "some facts unknown: glance at the profile before {verb}"
            ))),
        ),
        _ => (
            Confidence::Low,
            Some(words.say(format_args!(
                "few facts known: open the profile before {verb}"
            ))),
        ),
    }
}

/// An ignore is sure when several signs agree well past the threshold and
/// nothing speaks for knowing the person.
fn ignore_confidence(case: &Case, words: Words) -> (Confidence, Option<String>) {
    let margin = i32::from(case.score) - i32::from(case.threshold);
    let e = &case.evidence;
    if let Some(cg) = case.common_ground {
        return (
            Confidence::Low,
            Some(words.say(format_args!(
                "look before ignoring, there is common ground: {cg}"
            ))),
        );
    }
    if e.signs_against >= ENOUGH_AGAINST && margin >= SURE_MARGIN {
        (Confidence::High, None)
    } else if e.signs_against >= ENOUGH_AGAINST || margin >= NEAR_THRESHOLD {
        (
            Confidence::Medium,
            Some(words.say(format_args!("few signs decide: open the profile if unsure"))),
        )
    } else {
        (
            Confidence::Low,
            Some(words.say(format_args!(
                "one sign decides: open the profile before ignoring"
            ))),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suggest(policy: Policy, case: &Case) -> Suggestion {
        decide(policy, case, Words::Written)
    }

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

    fn case(score: u8, for_person: usize, against: Option<&'static str>) -> Case<'static> {
        Case {
            score,
            threshold: 60,
            canned: false,
            common_ground: None,
            listed: None,
            lead: None,
            connected: false,
            evidence: Evidence {
                for_person,
                signs_against: usize::from(against.is_some()),
                strongest_against: against,
            },
        }
    }

    #[test]
    fn a_policy_lists_every_template_its_suggestions_name() {
        for policy in Policy::ALL {
            let mut named: Vec<&str> = Vec::new();
            for canned in [false, true] {
                for common_ground in [None, Some("4 mutual connections")] {
                    for score in [0, 90] {
                        let case = Case {
                            canned,
                            common_ground,
                            ..case(score, 3, None)
                        };
                        named.extend(suggest(policy, &case).template);
                    }
                }
            }
            named.sort_unstable();
            named.dedup();
            let mut listed = policy.templates().to_vec();
            listed.sort_unstable();
            assert_eq!(named, listed, "{policy}");
        }
    }

    fn confidence(case: &Case) -> Confidence {
        suggest(Policy::Open, case).confidence
    }

    #[test]
    fn an_accept_is_sure_only_on_enough_facts_with_none_against() {
        assert_eq!(confidence(&case(0, 3, None)), Confidence::High);
        assert_eq!(confidence(&case(0, 4, None)), Confidence::High);
        assert_eq!(confidence(&case(0, 2, None)), Confidence::Medium);
        assert_eq!(confidence(&case(0, 1, None)), Confidence::Low);
        assert_eq!(
            confidence(&case(20, 4, Some("only 30 connections"))),
            Confidence::Medium
        );
        assert_eq!(
            confidence(&case(55, 4, Some("only 30 connections"))),
            Confidence::Low
        );
        let thin = suggest(Policy::Open, &case(0, 0, None));
        assert_eq!(
            thin.doubt.as_deref(),
            Some("few facts known: open the profile before accepting")
        );
        assert_eq!(suggest(Policy::Open, &case(0, 3, None)).doubt, None);
    }

    #[test]
    fn an_ignore_is_sure_when_signs_agree_well_past_the_threshold() {
        let ignore = |score, signs_against| Case {
            evidence: Evidence {
                for_person: 0,
                signs_against,
                strongest_against: Some("x"),
            },
            ..case(score, 0, None)
        };
        assert_eq!(confidence(&ignore(90, 3)), Confidence::High);
        assert_eq!(confidence(&ignore(65, 3)), Confidence::Medium);
        assert_eq!(confidence(&ignore(75, 1)), Confidence::Medium);
        assert_eq!(confidence(&ignore(60, 1)), Confidence::Low);
        let known = Case {
            common_ground: Some("3 mutual connections"),
            ..ignore(90, 3)
        };
        assert_eq!(confidence(&known), Confidence::Low);
    }

    #[test]
    fn a_connection_already_needs_nothing_under_every_policy() {
        for p in Policy::ALL {
            let connected = Case {
                connected: true,
                ..case(90, 0, Some("x"))
            };
            let s = suggest(p, &connected);
            assert_eq!((s.action, s.confidence), (None, Confidence::High));
        }
    }

    #[test]
    fn the_lists_outrank_every_policy() {
        for p in Policy::ALL {
            let allowed = Case {
                listed: Some(Listed::Allowed),
                ..case(100, 0, Some("x"))
            };
            assert_eq!(suggest(p, &allowed).action, Some(Verdict::Accept));
            let denied = Case {
                listed: Some(Listed::Denied),
                ..case(0, 4, None)
            };
            assert_eq!(suggest(p, &denied).action, Some(Verdict::Ignore));
        }
    }
}
