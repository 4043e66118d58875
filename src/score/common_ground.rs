//! Common ground between the inviter and the owner: mutual connections, a
//! shared company, a note that says how the two know each other. It lowers
//! the score, and the stricter policies accept only with it.
//!
//! A note that only greets the owner by name or praises their work is
//! personal, but it is not common ground: "loved your book" says nothing of
//! having met.

use std::fmt;

use super::lexicon::met::EVENTS_ATTENDED;
use super::lexicon::{Scanned, Topic};
use super::signals::{Findings, Signal};
use super::text::{Said, Text, folded, quote, words};
use crate::model::{Owner, Profile};

/// Company suffixes that do not tell two companies apart.
const COMPANY_SUFFIXES: &[&str] = &["inc", "llc", "ltd", "gmbh", "corp", "co", "plc", "sa", "ag"];

const MANY_MUTUAL: u32 = 10;

/// The owner, as common ground is read against them: their company's key
/// made once for the queue, not once an invitation.
pub(crate) struct Ours {
    owner: Owner,
    /// The words of the [`company_key`] of the owner's company, a space
    /// between each (no word holds one).
    company_key: Option<String>,
}

impl Ours {
    pub fn new(owner: &Owner) -> Ours {
        Ours {
            owner: owner.clone(),
            company_key: owner.company.as_deref().map(|company| {
                let folded = folded(company);
                let key: Vec<&str> = words(company_key(&folded)).map(|(_, w)| w).collect();
                key.join(" ")
            }),
        }
    }
}

/// Fires the common-ground signals and says what common ground there is, in
/// words (none, when the findings' words are left unwritten). `note` is the
/// note, when there is one and it is not canned.
pub(crate) fn check(
    profile: &Profile,
    ours: &Ours,
    note: Option<&Scanned>,
    f: &mut Findings,
) -> Option<String> {
    let mut found = Found::default();
    match profile.mutual_connections {
        None => f.unknown("mutual connections"),
        Some(0) => {}
        Some(n) => {
            let signal = if n >= MANY_MUTUAL {
                Signal::ManyMutualConnections
            } else {
                Signal::MutualConnections
            };
            let plural = if n == 1 { "" } else { "s" };
            let detail = f.say(format_args!("{n} mutual connection{plural}"));
            f.fire(signal, &detail);
            found.add(detail);
        }
    }
    match (profile.company.as_deref(), ours.company_key.as_deref()) {
        (None, _) => f.unknown("company"),
        (Some(theirs), Some(ours)) if same_company(theirs, ours) => {
            let detail = f.say(format_args!("works at {}, as you do", quote(theirs, 40)));
            f.fire(Signal::SharedCompany, &detail);
            found.add(detail);
        }
        (Some(theirs), _) => {
            let known = ours
                .owner
                .network
                .as_ref()
                .map_or(0, |n| n.connections_at(theirs));
            if known > 0 {
                let plural = if known == 1 { "" } else { "s" };
                let detail = f.say(format_args!(
                    "works at {}, as {known} of your connection{plural} do",
                    quote(theirs, 40)
                ));
                f.fire(Signal::SharedCompany, &detail);
                found.add(detail);
            }
        }
    }
    if let Some(phrase) = note.and_then(how_we_met) {
        f.fire(
            Signal::SaysHowWeMet,
            format_args!("the note says how you know each other: \"{phrase}\""),
        );
        found.add(f.say(format_args!("the note says \"{phrase}\"")));
    }
    found.0
}

/// The common ground found, its parts in one line.
#[derive(Default)]
struct Found(Option<String>);

impl Found {
    /// A part left unwritten (empty) adds nothing to the line but the fact
    /// that there is common ground: no allocation for a summary.
    fn add(&mut self, part: String) {
        match &mut self.0 {
            None => self.0 = Some(part),
            Some(line) if !part.is_empty() => {
                line.push_str("; ");
                line.push_str(&part);
            }
            Some(_) => {}
        }
    }
}

/// The words of the note that say how the two know each other.
pub(crate) fn how_we_met(note: &Scanned) -> Option<Met<'_>> {
    match note.phrase(Topic::Met) {
        Some(phrase) => Some(Met::Phrase(phrase)),
        None => event_attended(&note.text).map(Met::Said),
    }
}

/// How the note says the two know each other: a phrase of the lexicon, or
/// the words between the ends of an event attended. Written only when shown.
#[derive(Clone, Copy)]
pub(crate) enum Met<'a> {
    Phrase(&'static str),
    Said(Said<'a>),
}

impl fmt::Display for Met<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Met::Phrase(phrase) => f.write_str(phrase),
            Met::Said(said) => said.fmt(f),
        }
    }
}

/// "your LinkedIn class", "at the Utah job fair", "shared that tiny
/// office": within one clause, since "at Acme, a fair employer" names no
/// place met.
fn event_attended(text: &Text) -> Option<Said<'_>> {
    EVENTS_ATTENDED.iter().find_map(|event| event.find(text))
}

/// Whether `theirs` names the company whose key's words are `ours`, a
/// space between each.
fn same_company(theirs: &str, ours: &str) -> bool {
    let theirs = folded(theirs);
    let mut rest = Some(ours);
    for (n, (_, word)) in words(company_key(&theirs)).enumerate() {
        let before = if n == 0 { "" } else { " " };
        rest = rest
            .and_then(|r| r.strip_prefix(before))
            .and_then(|r| r.strip_prefix(word));
    }
    !ours.is_empty() && rest == Some("")
}

/// A folded company name up to the end of its last word that is not a
/// suffix ("example co." is "example"), and never short of its first word:
/// two companies are one when their keys hold the same words.
fn company_key(folded: &str) -> &str {
    let mut end = 0;
    for (at, word) in words(folded) {
        if end == 0 || !COMPANY_SUFFIXES.contains(&word) {
            end = at + word.len();
        }
    }
    &folded[..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::signals::Points;

    fn run(
        p: &Profile,
        owner: &Owner,
        note: Option<&str>,
    ) -> (bool, Vec<&'static str>, Vec<&'static str>) {
        let points = Points::default();
        let mut f = Findings::new(&points);
        let note = note.map(Scanned::new);
        let found = check(p, &Ours::new(owner), note.as_ref(), &mut f).is_some();
        (
            found,
            f.reasons.iter().map(|r| r.signal).collect(),
            f.unknown,
        )
    }

    #[test]
    fn unknown_facts_are_no_common_ground_and_are_listed() {
        let (found, fired, unknown) = run(&Profile::named("x"), &Owner::default(), None);
        assert!(!found);
        assert!(fired.is_empty());
        assert_eq!(unknown, ["mutual connections", "company"]);
    }

    #[test]
    fn mutual_connections_in_two_tiers() {
        let with = |n| Profile {
            mutual_connections: Some(n),
            ..Profile::named("x")
        };
        let owner = Owner::default();
        assert_eq!(run(&with(0), &owner, None).1, Vec::<&str>::new());
        assert_eq!(run(&with(3), &owner, None).1, ["mutual_connections"]);
        assert_eq!(run(&with(40), &owner, None).1, ["many_mutual_connections"]);
    }

    #[test]
    fn a_shared_company_ignores_case_and_suffixes() {
        let p = Profile {
            company: Some("Example Co".into()),
            ..Profile::named("x")
        };
        let owner = |c: &str| Owner {
            company: Some(c.into()),
            ..Owner::default()
        };
        assert!(run(&p, &owner("example co."), None).0);
        assert!(run(&p, &owner("Example"), None).0);
        assert!(!run(&p, &owner("Other Example"), None).0);
        assert!(!run(&p, &Owner::default(), None).0);
    }

    #[test]
    fn a_note_saying_how_we_met_is_common_ground_and_praise_is_not() {
        let p = Profile::named("x");
        let owner = Owner::default();
        assert!(run(&p, &owner, Some("I was in your LinkedIn class last week")).0);
        assert!(run(&p, &owner, Some("We worked together at Acme in 2009")).0);
        assert!(
            run(
                &p,
                &owner,
                Some("Hi! We talked at the Utah job fair in May.")
            )
            .0
        );
        assert!(
            !run(
                &p,
                &owner,
                Some("Hi Jason! Loved your book and your articles.")
            )
            .0
        );
        assert!(!run(&p, &owner, Some("I work at Acme, a fair employer.")).0);
        for met in [
            "Remember me? We shared that cramped office by the lifts.",
            "We used to share a desk at the old agency.",
            "Great to see you here, old colleague!",
        ] {
            assert!(run(&p, &owner, Some(met)).0, "{met}");
        }
        assert!(!run(&p, &owner, Some("I shared your post, you may share mine.")).0);
    }
}
