//! The profile address: is it the inviter's name run together with random
//! letters, the way account factories make addresses in bulk?
//!
//! LinkedIn's own default addresses ("tamsin-edevane-4b3a2b1") carry hyphens
//! and digits and never match; a person's own choice ("tamsinedevane",
//! "edevane", "tamsin_e") does not match either. What matches is a name
//! followed by a few letters that belong to no part of it ("edevanexqv").

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
                .flat_map(fold)
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
                format_args!(
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
            random_tail("Tamsin Edevane", "https://x.invalid/edevanexqv").as_deref(),
            Some("xqv")
        );
        assert_eq!(
            random_tail("Bertil Marsh", "https://x.invalid/bertilmarshkqzt/").as_deref(),
            Some("kqzt")
        );
    }

    #[test]
    fn peoples_own_addresses_are_not() {
        for (name, url) in [
            (
                "Tamsin Edevane",
                "https://www.linkedin.com/in/tamsin-edevane-4b3a2b1",
            ),
            (
                "Tamsin Edevane",
                "https://www.linkedin.com/in/tamsinedevane",
            ),
            (
                "Tamsin Edevane",
                "https://www.linkedin.com/in/tamsinedevanemba",
            ),
            ("Odile Fairbrother", "https://x.invalid/odilefairbrothe"),
            ("Tamsin Edevane", "https://x.invalid/tedevane"),
            ("Sukarno", "https://x.invalid/sukarnoxyz"),
            (
                "Tamsin Edevane",
                "https://x.invalid/tamsinedevaneofficialpage",
            ),
        ] {
            assert_eq!(random_tail(name, url), None, "{url}");
        }
    }

    #[test]
    fn an_unknown_address_is_unknown() {
        let points = crate::score::signals::Points::default();
        let mut findings = Findings::new(&points);
        assert!(!check("Tamsin Edevane", None, &mut findings));
        assert_eq!(findings.unknown, ["profile address"]);
    }
}
