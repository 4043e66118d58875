//! Signs read from the profile: photo, headline, connections, account age,
//! experience and education. An unknown fact fires nothing and is listed.

use std::fmt;

use time::Date;

use super::{Findings, Signal};
use crate::model::{Photo, Profile, connections_shown};
use crate::score::lexicon::headlines::GENERIC_HEADLINES;
use crate::score::lexicon::{Scanned, Topic};
use crate::score::text::{Text, quote, words};

/// An about shorter than this does not make up for a generic headline.
const ABOUT_SAYS_MORE: usize = 60;

const KEYWORD_SEPARATORS: &[char] = &['|', '•', '·', '/', ',', ';', '#', '★', '✓', '✔', '►', '▪'];
const MIN_KEYWORDS: usize = 5;
const MAX_KEYWORD_WORDS: usize = 3;
const MIN_HASHTAGS: usize = 3;

/// Connection tiers, fewest first: under the bound, the signal fires.
const CONNECTION_TIERS: &[(u32, Signal)] = &[
    (10, Signal::VeryFewConnections),
    (25, Signal::FewConnections),
    (50, Signal::SmallNetwork),
];
/// LinkedIn shows "500+" from here on.
const LARGE_NETWORK: u32 = 500;
/// A network of this many is built by a person over time; bought or made
/// accounts seldom reach it.
const ESTABLISHED_NETWORK: u32 = 100;

/// Account ages, in days before the invitation: under the bound, it fires.
const AGE_TIERS: &[(i64, Signal)] = &[(30, Signal::VeryNewAccount), (90, Signal::NewAccount)];

/// The profile's day of reference for the account's age, and the headline
/// scanned once for all the checks that read it.
pub(crate) struct ProfileInputs<'a> {
    /// The day the invitation was sent, or the scorer's today when unknown.
    pub reference: Date,
    /// Which of the two `reference` is, in words.
    pub reference_label: &'a str,
    /// `None` when the headline is unknown.
    pub headline: Option<&'a Scanned>,
}

/// Fires the profile's signs and says how many of its facts speak for a
/// person: a photo of one, a headline that says something, a network.
pub(crate) fn check(p: &Profile, cx: &ProfileInputs, f: &mut Findings) -> usize {
    let photo = photo(p.photo, f);
    let headline = headline(p, cx.headline, f);
    let network = connections(p.connections, f);
    account_age(p.account_created, cx.reference, cx.reference_label, f);
    experience(p, f);
    [photo, headline, network]
        .into_iter()
        .filter(|&b| b)
        .count()
}

fn photo(photo: Photo, f: &mut Findings) -> bool {
    match photo {
        Photo::Logo => f.fire(Signal::LogoPhoto, "the photo is a logo, not a person"),
        Photo::None => f.fire(Signal::NoPhoto, "no photo"),
        Photo::Person => return true,
        Photo::Unknown => f.unknown("photo"),
    }
    false
}

/// Says whether the headline is known and says something of the person.
fn headline(p: &Profile, scanned: Option<&Scanned>, f: &mut Findings) -> bool {
    let (Some(headline), Some(scanned)) = (p.headline.as_deref(), scanned) else {
        f.unknown("headline");
        return false;
    };
    if let Some(phrase) = scanned.phrase(Topic::Pitch) {
        f.fire(
            Signal::PitchHeadline,
            format_args!("the headline is a sales pitch: \"{phrase}\""),
        );
    } else if is_keywords(headline) {
        f.fire(
            Signal::KeywordHeadline,
            "the headline is a string of keywords",
        );
    } else if is_generic(&scanned.text) && !about_says_more(p, headline) {
        f.fire(
            Signal::GenericHeadline,
            format_args!(
                "the headline \"{}\" says little, and no about says more",
                quote(headline, 30)
            ),
        );
    } else {
        return !scanned.text.is_empty();
    }
    false
}

fn is_generic(headline: &Text) -> bool {
    let trimmed = headline
        .as_str()
        .trim_matches(|c: char| !c.is_alphanumeric());
    headline.len() <= 1 || GENERIC_HEADLINES.contains(&trimmed)
}

fn about_says_more(p: &Profile, headline: &str) -> bool {
    p.about.as_deref().is_some_and(|about| {
        about.chars().count() >= ABOUT_SAYS_MORE
            && !about.trim().eq_ignore_ascii_case(headline.trim())
    })
}

fn is_keywords(headline: &str) -> bool {
    if headline.matches('#').count() >= MIN_HASHTAGS {
        return true;
    }
    let mut segments = 0;
    for segment in headline.split(KEYWORD_SEPARATORS) {
        // A segment of more words than a keyword's is told on its first few.
        match words(segment).take(MAX_KEYWORD_WORDS + 1).count() {
            0 => {}
            n if n <= MAX_KEYWORD_WORDS => segments += 1,
            _ => return false,
        }
    }
    segments >= MIN_KEYWORDS
}

/// Says whether the inviter has a network: more connections than any tier.
fn connections(connections: Option<u32>, f: &mut Findings) -> bool {
    let Some(n) = connections else {
        f.unknown("connections");
        return false;
    };
    if let Some(&(_, signal)) = CONNECTION_TIERS.iter().find(|(bound, _)| n < *bound) {
        f.fire(signal, format_args!("only {} connections", Shown(n)));
        return false;
    }
    let signal = match n {
        LARGE_NETWORK.. => Signal::LargeNetwork,
        ESTABLISHED_NETWORK.. => Signal::EstablishedNetwork,
        _ => return true,
    };
    f.fire(signal, format_args!("{} connections", Shown(n)));
    true
}

/// A count of connections as LinkedIn shows it ("500+"), written only when
/// the reason's words are.
struct Shown(u32);

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&connections_shown(self.0))
    }
}

fn account_age(created: Option<Date>, reference: Date, label: &str, f: &mut Findings) {
    let Some(created) = created else {
        f.unknown("account age");
        return;
    };
    let days = (reference - created).whole_days();
    if days < 0 {
        return;
    }
    if let Some(&(_, signal)) = AGE_TIERS.iter().find(|(bound, _)| days < *bound) {
        let plural = if days == 1 { "" } else { "s" };
        f.fire(
            signal,
            format_args!("the account was opened {days} day{plural} before {label}"),
        );
    }
}

fn experience(p: &Profile, f: &mut Findings) {
    if p.experience_count.is_none() {
        f.unknown("experience");
    }
    if p.education_count.is_none() {
        f.unknown("education");
    }
    if p.experience_count == Some(0) && p.education_count == Some(0) {
        f.fire(
            Signal::NoExperienceOrEducation,
            "no experience and no education on the profile",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::signals::Points;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 01 - 31);

    fn run(p: &Profile) -> (Vec<&'static str>, Vec<&'static str>) {
        let points = Points::default();
        let mut f = Findings::new(&points);
        let headline = p.headline.as_deref().map(Scanned::new);
        let cx = ProfileInputs {
            reference: TODAY,
            reference_label: "the invitation",
            headline: headline.as_ref(),
        };
        check(p, &cx, &mut f);
        (f.reasons.iter().map(|r| r.signal).collect(), f.unknown)
    }

    fn fired(p: &Profile) -> Vec<&'static str> {
        run(p).0
    }

    #[test]
    fn every_fact_unknown_fires_nothing_and_lists_them() {
        let (fired, unknown) = run(&Profile::named("Ann Lee"));
        assert!(fired.is_empty());
        assert_eq!(
            unknown,
            [
                "photo",
                "headline",
                "connections",
                "account age",
                "experience",
                "education"
            ]
        );
    }

    #[test]
    fn photo() {
        let logo = Profile {
            photo: Photo::Logo,
            ..Profile::named("x")
        };
        let none = Profile {
            photo: Photo::None,
            ..Profile::named("x")
        };
        let person = Profile {
            photo: Photo::Person,
            ..Profile::named("x")
        };
        assert_eq!(fired(&logo), ["logo_photo"]);
        assert_eq!(fired(&none), ["no_photo"]);
        assert!(fired(&person).is_empty());
    }

    fn headlined(headline: &str, about: Option<&str>) -> Profile {
        Profile {
            headline: Some(headline.into()),
            about: about.map(Into::into),
            ..Profile::named("x")
        }
    }

    #[test]
    fn headlines() {
        assert_eq!(fired(&headlined("Student", None)), ["generic_headline"]);
        assert_eq!(fired(&headlined("CEO.", None)), ["generic_headline"]);
        let about = "Third-year chemistry student at Leeds, working on battery materials.";
        assert!(fired(&headlined("Student", Some(about))).is_empty());
        assert!(fired(&headlined("Sales engineer at Example Co", None)).is_empty());
        assert_eq!(
            fired(&headlined("SEO | SMM | PPC | Growth | B2B", None)),
            ["keyword_headline"]
        );
        assert_eq!(
            fired(&headlined("I help coaches get more clients", None)),
            ["pitch_headline"]
        );
        assert!(
            fired(&headlined(
                "Dundee (born) / Glasgow (raised) / University of Stirling (student) / Rowing / Scotland",
                None
            ))
            .is_empty()
        );
    }

    #[test]
    fn connection_tiers() {
        let with = |n| Profile {
            connections: Some(n),
            ..Profile::named("x")
        };
        assert_eq!(fired(&with(3)), ["very_few_connections"]);
        assert_eq!(fired(&with(12)), ["few_connections"]);
        assert_eq!(fired(&with(40)), ["small_network"]);
        assert!(fired(&with(60)).is_empty());
        assert_eq!(fired(&with(120)), ["established_network"]);
        assert_eq!(fired(&with(500)), ["large_network"]);
    }

    #[test]
    fn account_age_is_measured_to_the_reference_day() {
        let opened = |d| Profile {
            account_created: Some(d),
            ..Profile::named("x")
        };
        assert_eq!(fired(&opened(date!(2026 - 01 - 20))), ["very_new_account"]);
        assert_eq!(fired(&opened(date!(2025 - 12 - 01))), ["new_account"]);
        assert!(fired(&opened(date!(2020 - 01 - 01))).is_empty());
        assert!(fired(&opened(date!(2026 - 03 - 01))).is_empty());
    }

    #[test]
    fn experience_and_education_must_both_be_known_and_none() {
        let p = |e, d| Profile {
            experience_count: e,
            education_count: d,
            ..Profile::named("x")
        };
        assert_eq!(fired(&p(Some(0), Some(0))), ["no_experience_or_education"]);
        assert!(fired(&p(Some(0), None)).is_empty());
        assert!(fired(&p(Some(2), Some(0))).is_empty());
    }
}
