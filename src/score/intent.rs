//! What the inviter seems to want, read from the note first and the headline
//! second: to tell the salesperson from the old colleague at a glance.

use super::Intent;
use super::common_ground::how_we_met;
use super::lexicon::jobs::SEEKING_WORK;
use super::lexicon::{Scanned, Topic};

/// `note` is `None` when there is no note, `headline` when it is unknown.
pub(crate) fn read(note: Option<&Scanned>, headline: Option<&Scanned>) -> Intent {
    if note.and_then(how_we_met).is_some() {
        return Intent::MetBefore;
    }
    // Job seeking first, wherever it is said: someone "open to work" who
    // writes that the owner's company "is hiring" is not recruiting.
    let texts = || note.into_iter().chain(headline);
    if texts().any(seeks_work) {
        Intent::JobSeeking
    } else if texts().any(|t| t.phrase(Topic::Recruiting).is_some()) {
        Intent::Recruiting
    } else if texts().any(|t| t.phrase(Topic::Pitch).is_some())
        || note.is_some_and(|n| n.phrase(Topic::Selling).is_some())
    {
        Intent::Selling
    } else if note.is_some() {
        Intent::Networking
    } else {
        Intent::Unknown
    }
}

fn seeks_work(text: &Scanned) -> bool {
    text.phrase(Topic::JobSeeking).is_some() || SEEKING_WORK.find(&text.text).is_some()
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
        assert_eq!(
            intent(
                Some("I finish my degree in May and I'm looking for junior analyst roles."),
                None
            ),
            Intent::JobSeeking
        );
        assert_eq!(
            intent(
                Some("We're looking for candidates for two open roles."),
                None
            ),
            Intent::Recruiting
        );
    }

    #[test]
    fn job_seeking_outranks_a_mention_of_hiring() {
        assert_eq!(
            intent(
                Some("I saw your team is hiring and would love to hear what you look for."),
                Some("Bookkeeper | Open to work")
            ),
            Intent::JobSeeking
        );
        assert_eq!(
            intent(None, Some("Graduate chemist | Seeking laboratory roles")),
            Intent::JobSeeking
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
