//! What a card is made of, as the walker records it in page order: the
//! little that reading a card needs of each element, nothing of the rest.

use std::rc::Rc;

use crate::import::sighting::profile_slug;
use crate::model::{Kind, Photo};

/// Where a link goes, when it is somewhere a card can name.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Target {
    /// A member's profile, by its slug.
    Profile(String),
    /// A newsletter's, page's, event's or group's own address, absolute.
    Thing(Kind, String),
}

/// How a run of text is shown.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Marks {
    /// For screen readers only, or inside a drawing: not one of the lines
    /// a person reads, though it may name a badge.
    pub aside: bool,
    /// Inside a `<time>`.
    pub time: bool,
    /// Inside the note's own box (a hint from the markup).
    pub note: bool,
}

/// One piece of text as the page holds it, entities decoded, spaces kept.
#[derive(Debug)]
pub(super) struct Run {
    pub text: String,
    pub marks: Marks,
    pub link: Option<Rc<Target>>,
}

/// An Accept or Ignore button (or link).
#[derive(Debug)]
pub(super) struct Control {
    pub label: String,
}

#[derive(Debug)]
pub(super) enum Item {
    Text(Run),
    /// The end of a line: a block element begins or ends, or a `<br>`.
    Break,
    /// A link begins.
    Link(Rc<Target>),
    Picture(Photo),
    Control(Control),
    /// A badge whose label, title or alt says "Verified".
    Verified,
}

/// LinkedIn's address for a path on its site.
const SITE: &str = "https://www.linkedin.com";

/// Where an `href` goes, if it is a profile or a thing a card invites to.
pub(super) fn target(href: &str) -> Option<Target> {
    let path = site_path(href.trim())?;
    if path.starts_with("/in/") {
        return profile_slug(path).map(|slug| Target::Profile(slug.to_string()));
    }
    let kind = [
        ("/newsletters/", Kind::Newsletter),
        ("/company/", Kind::Page),
        ("/school/", Kind::Page),
        ("/showcase/", Kind::Page),
        ("/events/", Kind::Event),
        ("/groups/", Kind::Group),
    ]
    .iter()
    .find(|(prefix, _)| path.starts_with(prefix))?
    .1;
    let bare = path.split(['?', '#']).next().unwrap_or(path);
    Some(Target::Thing(kind, format!("{SITE}{bare}")))
}

/// The path of an address on LinkedIn's site: relative (`/in/x/`, the newer
/// page) or absolute on a `linkedin.com` host (the older page).
fn site_path(href: &str) -> Option<&str> {
    if href.starts_with('/') && !href.starts_with("//") {
        return Some(href);
    }
    let rest = ["https://", "http://", "//"]
        .iter()
        .find_map(|scheme| href.strip_prefix(scheme))?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = rest[..end].to_ascii_lowercase();
    (host == "linkedin.com" || host.ends_with(".linkedin.com")).then(|| &rest[end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_to_profiles_and_things() {
        let profile = |s: &str| Some(Target::Profile(s.to_string()));
        assert_eq!(target("/in/ann-lee-4b/"), profile("ann-lee-4b"));
        assert_eq!(
            target("https://www.linkedin.com/in/ann-lee-4b/?mini=true"),
            profile("ann-lee-4b")
        );
        assert_eq!(target("https://evil.example/in/ann/"), None);
        assert_eq!(
            target("https://www.linkedin.com.evil.example/in/ann/"),
            None
        );
        assert_eq!(target("/mynetwork/invitation-manager/sent/"), None);
        assert_eq!(
            target("/company/acme/?viewAsMember=true"),
            Some(Target::Thing(
                Kind::Page,
                "https://www.linkedin.com/company/acme/".into()
            ))
        );
        assert_eq!(
            target("https://www.linkedin.com/newsletters/the-ledger-71/"),
            Some(Target::Thing(
                Kind::Newsletter,
                "https://www.linkedin.com/newsletters/the-ledger-71/".into()
            ))
        );
    }
}
