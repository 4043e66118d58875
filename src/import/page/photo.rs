//! What the picture at the head of a card shows, from where it comes.

use super::tokens::StartTag;
use super::words::contains;
use crate::model::Photo;

/// An `<img>`: the address it shows, else the one it loads later
/// (`data-delayed-url`), else the silhouette it falls back to.
pub(super) fn of_image(tag: &StartTag) -> Photo {
    let addresses = ["src", "data-delayed-url", "data-src"]
        .into_iter()
        .filter_map(|name| tag.attribute(name))
        .map(str::trim)
        // A `data:` address is a placeholder until the real one loads.
        .filter(|a| !a.is_empty() && !a.starts_with("data:"));
    if let Some(address) = addresses.into_iter().next() {
        return of_address(address);
    }
    if tag.attribute("data-ghost-url").is_some() {
        Photo::None
    } else {
        Photo::Unknown
    }
}

/// LinkedIn serves members' uploads from `media*.licdn.com` and the grey
/// silhouette from `static*.licdn.com`. A "Complete" save rewrites the
/// address into its `NAME_files/` folder, after which the picture could be
/// either: unknown.
pub(super) fn of_address(address: &str) -> Photo {
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
        if contains(address, "company-logo") {
            Photo::Logo
        } else {
            Photo::Person
        }
    } else {
        Photo::Unknown
    }
}

/// Whether an element is Ember's silhouette: a `div` in place of the photo.
pub(super) fn is_ghost(tag: &StartTag) -> bool {
    tag.attribute("class")
        .is_some_and(|class| class.contains("ghost-person"))
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
        ];
        for (address, photo) in cases {
            assert_eq!(of_address(address), photo, "{address}");
        }
    }
}
