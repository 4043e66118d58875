//! A message body as a reader meets it: lines of text in order, and the
//! links and images in them, each tied to the line where it shows. Plain
//! text and HTML both come to this, so one reader finds the facts in either.

use super::words;
use crate::import::sighting::profile_slug;

#[derive(Debug, Default)]
pub(super) struct Body {
    /// Each line trimmed with its runs of spaces folded; blank lines are "".
    pub lines: Vec<String>,
    pub links: Vec<Link>,
    pub images: Vec<Image>,
}

#[derive(Debug)]
pub(super) struct Link {
    pub href: String,
    /// What the link reads: its text in HTML, the label before the address
    /// in plain text ("View profile").
    pub text: String,
    /// The line it shows on, an index into `Body::lines`.
    pub line: usize,
}

#[derive(Debug)]
pub(super) struct Image {
    pub src: String,
    pub alt: String,
    pub line: usize,
    /// The link the image sits in, an index into `Body::links`.
    pub link: Option<usize>,
}

impl Body {
    /// A text/plain body: addresses become links labelled by the words
    /// before them ("View profile: https://…"), or by the line above when
    /// that line ends with a colon.
    pub fn from_text(text: &str) -> Body {
        let mut body = Body::default();
        for raw in text.lines() {
            let line = fold_spaces(raw);
            let index = body.lines.len();
            let mut label_start = 0;
            for (at, href) in addresses(&line) {
                let mut label = label_of(&line[label_start..at]).to_string();
                if label.is_empty() && label_start == 0 {
                    label = label_above(&body.lines).unwrap_or_default();
                }
                body.links.push(Link {
                    href: href.to_string(),
                    text: label,
                    line: index,
                });
                label_start = at + href.len();
            }
            body.lines.push(line);
        }
        body
    }

    /// Where the inviter's part ends: at the suggestions block ("More people
    /// you may know") or the footer, whose people and links are not the
    /// inviter's.
    pub fn card_end(&self) -> usize {
        self.lines
            .iter()
            .position(|line| words::ends_the_card_region(line))
            .unwrap_or(self.lines.len())
    }
}

pub(super) fn fold_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The web addresses in a line of text, with where each starts.
fn addresses(line: &str) -> Vec<(usize, &str)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(offset) = line[from..].find("http") {
        let at = from + offset;
        let rest = &line[at..];
        if rest.starts_with("https://") || rest.starts_with("http://") {
            let end = rest
                .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | ')' | ']'))
                .unwrap_or(rest.len());
            found.push((at, &rest[..end]));
            from = at + end;
        } else {
            from = at + "http".len();
        }
    }
    found
}

fn label_of(text: &str) -> &str {
    text.trim()
        .trim_end_matches(['<', '(', '['])
        .trim_end()
        .trim_end_matches(':')
        .trim()
}

/// "View profile:" on a line of its own, the address on the next.
fn label_above(lines: &[String]) -> Option<String> {
    let above = lines.last()?;
    let label = above.strip_suffix(':')?;
    (!label.contains("http")).then(|| label.trim().to_string())
}

/// Which profile a LinkedIn address points to, so that the photo, name and
/// "View profile" links of one person can be told from everyone else's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum ProfileKey {
    /// `/in/SLUG`, `/comm/in/SLUG?midToken=…`.
    Slug(String),
    /// `/comm/profile/view?id=…` (2016): an id, no slug.
    Id(String),
}

/// The profile a `linkedin.com` address points to; `None` for any other.
pub(super) fn profile_key(href: &str) -> Option<ProfileKey> {
    let (path, query) = linkedin_path(href)?;
    if let Some(slug) = profile_slug(path) {
        return is_slug(slug).then(|| ProfileKey::Slug(slug.to_string()));
    }
    if !path.trim_end_matches('/').ends_with("/profile/view") {
        return None;
    }
    let id = parameter(query, "id")?;
    is_slug(id).then(|| ProfileKey::Id(id.to_string()))
}

/// LinkedIn's tracking tag of a link (`trk=eml-email_m2m_invite_single_01-hero-3-prof~cta`):
/// "header" links go to the member's own profile, "hero" ones to the inviter's.
pub(super) fn tracking(href: &str) -> &str {
    linkedin_path(href)
        .and_then(|(_, query)| parameter(query, "trk"))
        .unwrap_or_default()
}

/// The path and query of an address on `linkedin.com` or one of its hosts.
fn linkedin_path(href: &str) -> Option<(&str, &str)> {
    let rest = href
        .strip_prefix("https://")
        .or_else(|| href.strip_prefix("http://"))?;
    let slash = rest.find('/')?;
    let host = rest[..slash].to_ascii_lowercase();
    if host != "linkedin.com" && !host.ends_with(".linkedin.com") {
        return None;
    }
    let rest = &rest[slash..];
    let rest = rest.split('#').next().unwrap_or(rest);
    Some(rest.split_once('?').unwrap_or((rest, "")))
}

fn parameter<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
        .filter(|value| !value.is_empty())
}

/// What a slug or an id may hold; anything else is a garbled address.
fn is_slug(slug: &str) -> bool {
    const LONGEST_SLUG: usize = 200;
    slug.len() <= LONGEST_SLUG
        && slug
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '%' | '.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_links_take_their_label() {
        let body = Body::from_text(
            "Dana  Whitfield\nView profile: https://www.linkedin.com/comm/in/dana?x=1\n\
             Accept:\nhttps://www.linkedin.com/comm/mynetwork/invite-accept/1/\n",
        );
        assert_eq!(body.lines[0], "Dana Whitfield");
        let labels: Vec<_> = body
            .links
            .iter()
            .map(|l| (l.text.as_str(), l.line))
            .collect();
        assert_eq!(labels, [("View profile", 1), ("Accept", 3)]);
        assert_eq!(
            body.links[0].href,
            "https://www.linkedin.com/comm/in/dana?x=1"
        );
    }

    #[test]
    fn profile_keys_come_from_linkedin_addresses_only() {
        let slug = |s: &str| Some(ProfileKey::Slug(s.to_string()));
        assert_eq!(
            profile_key("https://www.linkedin.com/comm/in/ann-lee-4b?midToken=A&trk=x"),
            slug("ann-lee-4b")
        );
        assert_eq!(
            profile_key("https://www.linkedin.com/comm/profile/view?id=AAsA-1_b&authType=name"),
            Some(ProfileKey::Id("AAsA-1_b".to_string()))
        );
        assert_eq!(profile_key("https://evil.example/in/ann-lee-4b"), None);
        assert_eq!(
            profile_key("https://linkedin.com.evil.example/in/ann"),
            None
        );
        assert_eq!(
            profile_key("https://www.linkedin.com/in/ann\"><script>"),
            None
        );
        assert_eq!(
            profile_key("https://www.linkedin.com/comm/mynetwork/invite-accept/1/"),
            None
        );
    }

    #[test]
    fn tracking_tags_are_read_from_the_query() {
        let href = "https://www.linkedin.com/comm/in/a?midToken=A&trk=eml-x-hero-3-prof~cta&z=1";
        assert_eq!(tracking(href), "eml-x-hero-3-prof~cta");
        assert_eq!(tracking("https://example.org/?trk=hero"), "");
    }
}
