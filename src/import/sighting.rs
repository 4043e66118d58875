//! One inviter as one saved source shows them: the invitation page's card
//! or an invitation e-mail. Sightings of the same person are joined into
//! one invitation of the queue; every text in a sighting is already cleaned.

use time::OffsetDateTime;

use crate::model::{Kind, Photo};

/// When an invitation was sent, as far as a source tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sent {
    pub at: OffsetDateTime,
    /// Worked out from words such as "2 days ago" and the day the page was
    /// saved, so only roughly right.
    pub approximate: bool,
}

/// The invitation's note as a source shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub text: String,
    /// The page showed the start only ("… see more").
    pub cut: bool,
}

/// One inviter as one source shows them. `None` is unknown, as everywhere.
#[derive(Debug, Clone, PartialEq)]
pub struct Sighting {
    pub kind: Kind,
    pub name: String,
    /// `https://www.linkedin.com/in/SLUG` for a person; the page's or
    /// newsletter's own address for the other kinds, when known.
    pub url: Option<String>,
    pub headline: Option<String>,
    pub location: Option<String>,
    pub photo: Photo,
    pub mutual_connections: Option<u32>,
    pub sent: Option<Sent>,
    pub note: Option<Note>,
    /// The card shows LinkedIn's "Verified" badge.
    pub verified: Option<bool>,
    /// The card says the inviter follows the member.
    pub follows_you: Option<bool>,
    /// An e-mail that reminds of an invitation already sent.
    pub reminder: bool,
    /// Where in the source: "card 3", "message 12".
    pub place: String,
}

impl Sighting {
    /// A sighting with only a kind, a name and a place, every fact unknown.
    pub fn new(kind: Kind, name: impl Into<String>, place: impl Into<String>) -> Sighting {
        Sighting {
            kind,
            name: name.into(),
            url: None,
            headline: None,
            location: None,
            photo: Photo::Unknown,
            mutual_connections: None,
            sent: None,
            note: None,
            verified: None,
            follows_you: None,
            reminder: false,
            place: place.into(),
        }
    }
}

/// The profile address LinkedIn would show for a slug: how every source's
/// address is written, so that sources join and ids stay the same.
pub fn profile_url(slug: &str) -> String {
    format!("https://www.linkedin.com/in/{slug}")
}

/// The slug of a LinkedIn profile address, whatever its form:
/// `https://www.linkedin.com/in/SLUG/`, `/in/SLUG`, `…/comm/in/SLUG?midToken=…`.
/// `None` for any other address (`/comm/profile/view?id=…` holds no slug).
pub fn profile_slug(address: &str) -> Option<&str> {
    let path = address.split(['?', '#']).next().unwrap_or(address);
    let at = path.find("/in/")?;
    let slug = path[at + 4..].split('/').next().unwrap_or_default();
    (!slug.is_empty()).then_some(slug)
}

/// What a picture shows, from its address, in the saved page and in the
/// e-mails alike. LinkedIn serves members' uploads from `media*.licdn.com` and the grey
/// silhouette from `static*.licdn.com`. A "Complete" save rewrites the
/// address into its `NAME_files/` folder, after which the picture could be
/// either: unknown.
pub fn photo_of_address(address: &str) -> Photo {
    let Some(host) = host(address) else {
        return Photo::Unknown;
    };
    let host = host.to_ascii_lowercase();
    if !host.ends_with(".licdn.com") {
        return Photo::Unknown;
    }
    if host.starts_with("static") {
        Photo::None
    } else if host.starts_with("media") {
        if address.contains("company-logo") {
            Photo::Logo
        } else {
            Photo::Person
        }
    } else {
        Photo::Unknown
    }
}

/// The host of an absolute (`https://…`) or scheme-relative (`//…`) address.
fn host(address: &str) -> Option<&str> {
    let rest = match address.split_once("://") {
        Some((scheme, rest)) if scheme.bytes().all(|b| b.is_ascii_alphabetic()) => rest,
        _ => address.strip_prefix("//")?,
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let host = authority.rsplit('@').next().unwrap_or(authority);
    Some(host.split(':').next().unwrap_or(host))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_read_from_every_form_of_address() {
        for address in [
            "https://www.linkedin.com/in/ann-lee-4b3a2b1/",
            "/in/ann-lee-4b3a2b1/",
            "https://www.linkedin.com/comm/in/ann-lee-4b3a2b1?midToken=AQ&trk=eml",
            "https://linkedin.com/in/ann-lee-4b3a2b1#about",
        ] {
            assert_eq!(profile_slug(address), Some("ann-lee-4b3a2b1"), "{address}");
        }
        assert_eq!(
            profile_slug("https://www.linkedin.com/comm/profile/view?id=AAsAAA"),
            None
        );
        assert_eq!(profile_slug("/in/"), None);
    }

    #[test]
    fn photos_by_their_address() {
        let cases = [
            (
                "https://media.licdn.com/dms/image/v2/D4E03/profile-displayphoto-shrink_100_100/0/1?e=1",
                Photo::Person,
            ),
            (
                "https://media-exp1.licdn.com/dms/image/C4D03/profile-displayphoto-shrink_100_100/0/1",
                Photo::Person,
            ),
            (
                "https://media.licdn.com/dms/image/v2/C4E0B/company-logo_100_100/0/1",
                Photo::Logo,
            ),
            (
                "https://static.licdn.com/aero-v1/sc/h/9c8pery4andzj6ohjkjp54ma2",
                Photo::None,
            ),
            (
                "https://static-exp1.licdn.com/sc/h/244xhbkr7g40x6bsu4gi6q4ry",
                Photo::None,
            ),
            (
                "./Manage invitations_files/profile-displayphoto-shrink_100_100.jpg",
                Photo::Unknown,
            ),
            (
                "Manage invitations_files/9c8pery4andzj6ohjkjp54ma2",
                Photo::Unknown,
            ),
            (
                "file:///home/j/Manage invitations_files/a.jpg",
                Photo::Unknown,
            ),
            ("https://media.licdn.com.evil.example/x.jpg", Photo::Unknown),
            ("cid:photo@linkedin", Photo::Unknown),
        ];
        for (address, photo) in cases {
            assert_eq!(photo_of_address(address), photo, "{address}");
        }
    }
}
