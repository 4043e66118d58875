//! The profile address: is it the inviter's name run together with random
//! letters, the way account factories make addresses in bulk?
//!
//! LinkedIn's own default addresses ("tamsin-edevane-4b3a2b1") carry hyphens
//! and digits and never match; a person's own choice ("tamsinedevane",
//! "edevane", "tamsin_e") does not match either. What matches is a name
//! followed by a few letters that belong to no part of it ("edevanexqv").

use memchr::{memchr2, memrchr};

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
    // The marks are ASCII, which no byte of a longer character can be.
    let url = memchr2(b'?', b'#', url.as_bytes()).map_or(url, |end| &url[..end]);
    let url = url.trim_end_matches('/');
    memrchr(b'/', url.as_bytes()).map_or(url, |at| &url[at + 1..])
}

/// The random letters added to the name, when the address is made that way.
pub(crate) fn random_tail(name: &str, url: &str) -> Option<String> {
    let slug = slug(url);
    if slug.len() < MIN_NAME_LETTERS + 2 || !slug.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    // Every address of the queue is read when the scorer is built and again
    // when its row is scored: the name's parts go in one buffer, and the
    // slug is compared ignoring case rather than lowercased.
    let parts = name_parts(name);
    let parts = || parts.split(|&b| b == b' ').filter(|p| !p.is_empty());
    // Two parts at least.
    parts().nth(1)?;
    let starts = |text: &[u8], prefix: &[u8]| {
        text.len() >= prefix.len() && text[..prefix.len()].eq_ignore_ascii_case(prefix)
    };
    let mut rest = slug;
    while let Some(part) = parts()
        .filter(|p| starts(rest.as_bytes(), p))
        .max_by_key(|p| p.len())
    {
        rest = &rest[part.len()..];
    }
    let used = slug.len() - rest.len();
    let truncated_name = parts().any(|p| starts(p, rest.as_bytes()));
    let own_tail = OWN_TAILS.iter().any(|t| t.eq_ignore_ascii_case(rest));
    (used >= MIN_NAME_LETTERS && rest.len() <= MAX_TAIL && !truncated_name && !own_tail)
        .then(|| rest.to_ascii_lowercase())
}

/// The words of `name` in plain lowercase ASCII letters, each ended by a
/// space; words of fewer than two letters are left out.
fn name_parts(name: &str) -> Vec<u8> {
    let mut parts = Vec::with_capacity(name.len() + 1);
    for (_, word) in words(name) {
        let start = parts.len();
        for c in word.chars() {
            // An ASCII letter folds to its lowercase, with nothing to look up.
            if c.is_ascii() {
                parts.extend(
                    u8::try_from(c.to_ascii_lowercase())
                        .ok()
                        .filter(u8::is_ascii_lowercase),
                );
            } else {
                parts.extend(
                    fold(c)
                        .filter(char::is_ascii_lowercase)
                        .filter_map(|c| u8::try_from(c).ok()),
                );
            }
        }
        if parts.len() - start >= 2 {
            parts.push(b' ');
        } else {
            parts.truncate(start);
        }
    }
    parts
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
