//! What the inviter seems to want, read from the note first and the headline
//! second: to tell the salesperson from the old colleague at a glance.

use super::Intent;
use super::common_ground::how_we_met;
use super::lexicon::{Scanned, Topic};

pub(crate) const JOB_SEEKING: &[&str] = &[
    "looking for a job",
    "looking for work",
    "looking for a new",
    "looking for an opportunity",
    "looking for opportunities",
    "looking for my next",
    "job search",
    "job hunting",
    "seeking a position",
    "seeking employment",
    "seeking new",
    "seeking opportunities",
    "open to work",
    "open to opportunities",
    "my resume",
    "my cv",
    "any openings",
    "refer me",
    "a referral",
    "internship",
    "recent graduate",
    "recently graduated",
    "career change",
];

pub(crate) const RECRUITING: &[&str] = &[
    "we are hiring",
    "we're hiring",
    "i'm hiring",
    "i am hiring",
    "hiring for",
    "recruiting for",
    "recruiter",
    "recruiting",
    "talent acquisition",
    "headhunter",
    "sourcer",
    "open position",
    "open role",
    "open roles",
    "job openings",
    "exciting opportunities",
    "hiring",
    "job opportunity",
    "a role that",
    "your background",
    "candidates",
];

/// What sellers say in a note beyond what a pitch headline says.
pub(crate) const SELLING_NOTE: &[&str] = &[
    "our product",
    "a demo",
    "our solution",
    "special offer",
    "pricing",
];

/// `note` is `None` when there is no note, `headline` when it is unknown.
pub(crate) fn read(note: Option<&Scanned>, headline: Option<&Scanned>) -> Intent {
    if let Some(note) = note {
        if how_we_met(note).is_some() {
            return Intent::MetBefore;
        }
        if let Some(intent) = specific(note, true) {
            return intent;
        }
    }
    if let Some(intent) = headline.and_then(|h| specific(h, false)) {
        return intent;
    }
    if note.is_some() {
        Intent::Networking
    } else {
        Intent::Unknown
    }
}

/// Job seeking, recruiting or selling, in that order: someone "looking for a
/// new role" is not recruiting although both speak of roles.
fn specific(text: &Scanned, is_note: bool) -> Option<Intent> {
    if text.phrase(Topic::JobSeeking).is_some() {
        Some(Intent::JobSeeking)
    } else if text.phrase(Topic::Recruiting).is_some() {
        Some(Intent::Recruiting)
    } else if text.phrase(Topic::Pitch).is_some()
        || (is_note && text.phrase(Topic::Selling).is_some())
    {
        Some(Intent::Selling)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    fn intent(note: Option<&str>, headline: Option<&str>) -> Intent {
        let note = note.map(Scanned::new);
        let headline = headline.map(Scanned::new);
        read(note.as_ref(), headline.as_ref())
    }

    #[test]
    fn the_note_speaks_first() {
        assert_eq!(
            intent(Some("We met at the Provo meetup"), Some("Recruiter")),
            Intent::MetBefore
        );
        assert_eq!(
            intent(Some("I'm looking for a new role in sales"), None),
            Intent::JobSeeking
        );
        assert_eq!(
            intent(Some("We're hiring engineers in Lehi"), None),
            Intent::Recruiting
        );
        assert_eq!(
            intent(Some("Can I show you a demo of our product?"), None),
            Intent::Selling
        );
        assert_eq!(
            intent(Some("Big fan of your articles!"), None),
            Intent::Networking
        );
    }

    #[test]
    fn then_the_headline() {
        assert_eq!(
            intent(None, Some("Technical Recruiter at Acme")),
            Intent::Recruiting
        );
        assert_eq!(
            intent(None, Some("Open to work: data analyst")),
            Intent::JobSeeking
        );
        assert_eq!(
            intent(None, Some("I help coaches grow your income")),
            Intent::Selling
        );
        assert_eq!(
            intent(Some("I'd like to connect"), Some("Nurse")),
            Intent::Networking
        );
        assert_eq!(intent(None, Some("Nurse")), Intent::Unknown);
        assert_eq!(intent(None, None), Intent::Unknown);
    }
}
