//! The profile address: is it the inviter's name run together with random
//! letters, the way account factories make addresses in bulk?
//!
//! LinkedIn's own default addresses ("arthur-osborn-4b3a2b1") carry hyphens
//! and digits and never match; a person's own choice ("arthurosborn",
//! "osborn", "arthur_o") does not match either. What matches is a name
//! followed by a few letters that belong to no part of it ("osbornncc").

use super::{Findings, Signal};
use crate::score::text::{fold, quote, words};

/// Tails people add to their own address, which are not random.
const OWN_TAILS: &[&str] = &[
    "jr", "sr", "ii", "iii", "iv", "mba", "phd", "cpa", "md", "rn", "esq", "the", "real",
];
const MIN_NAME_LETTERS: usize = 4;
const MAX_TAIL: usize = 6;

/// The last path segment of a profile URL, without query or fragment.
pub(crate) fn slug(url: &str) -> &str {
    let url = url.split(['?', '#']).next().unwrap_or(url);
    url.trim_end_matches('/').rsplit('/').next().unwrap_or(url)
}

/// The random letters added to the name, when the address is made that way.
pub(crate) fn random_tail(name: &str, url: &str) -> Option<String> {
    let slug = slug(url);
    if slug.len() < MIN_NAME_LETTERS + 2 || !slug.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let parts: Vec<String> = words(name)
        .map(|(_, w)| {
            w.chars()
                .map(fold)
                .filter(char::is_ascii_lowercase)
                .collect::<String>()
        })
        .filter(|p| p.len() >= 2)
        .collect();
    if parts.len() < 2 {
        return None;
    }
    let slug = slug.to_ascii_lowercase();
    let mut rest = slug.as_str();
    while let Some(part) = parts
        .iter()
        .filter(|p| rest.starts_with(p.as_str()))
        .max_by_key(|p| p.len())
    {
        rest = &rest[part.len()..];
    }
    let used = slug.len() - rest.len();
    let truncated_name = parts.iter().any(|p| p.starts_with(rest));
    let own_tail = OWN_TAILS.contains(&rest);
    (used >= MIN_NAME_LETTERS && rest.len() <= MAX_TAIL && !truncated_name && !own_tail)
        .then(|| rest.to_string())
}

pub(crate) fn check(name: &str, url: Option<&str>, findings: &mut Findings) -> bool {
    let Some(url) = url else {
        findings.unknown("profile address");
        return false;
    };
    match random_tail(name, url) {
        Some(tail) => {
            findings.fire(
                Signal::PatternedAddress,
                format!(
                    "the address \"{}\" is the name with \"{tail}\" added",
                    quote(slug(url), 30)
                ),
            );
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_plus_random_letters_is_a_pattern() {
        assert_eq!(
            random_tail("Arthur Osborn", "https://x.invalid/osbornncc").as_deref(),
            Some("ncc")
        );
        assert_eq!(
            random_tail("Lavada Rios", "https://x.invalid/lavadariosctpy/").as_deref(),
            Some("ctpy")
        );
    }

    #[test]
    fn peoples_own_addresses_are_not() {
        for (name, url) in [
            (
                "Arthur Osborn",
                "https://www.linkedin.com/in/arthur-osborn-4b3a2b1",
            ),
            ("Arthur Osborn", "https://www.linkedin.com/in/arthurosborn"),
            (
                "Arthur Osborn",
                "https://www.linkedin.com/in/arthurosbornmba",
            ),
            ("Elvin Whitehead", "https://x.invalid/elvinwhitehea"),
            ("Arthur Osborn", "https://x.invalid/aosborn"),
            ("Sukarno", "https://x.invalid/sukarnoxyz"),
            (
                "Arthur Osborn",
                "https://x.invalid/arthurosbornofficialpage",
            ),
        ] {
            assert_eq!(random_tail(name, url), None, "{url}");
        }
    }

    #[test]
    fn an_unknown_address_is_unknown() {
        let points = crate::score::signals::Points::default();
        let mut findings = Findings::new(&points);
        assert!(!check("Arthur Osborn", None, &mut findings));
        assert_eq!(findings.unknown, ["profile address"]);
    }
}
