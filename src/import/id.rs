//! Stable invitation ids, so that decisions survive a newer export.

use time::OffsetDateTime;

/// The id of an invitation that carries none: its inviter's profile URL
/// (without scheme, `www.`, query or trailing slash, lower-cased), else its
/// name and the day it was sent.
pub fn derive_id(url: Option<&str>, name: &str, sent_at: Option<OffsetDateTime>) -> String {
    if let Some(url) = url.and_then(normalize_url) {
        return url;
    }
    match sent_at {
        Some(sent_at) => format!("{name} {}", sent_at.date()),
        None => name.to_string(),
    }
}

fn normalize_url(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest)
        .split(['?', '#'])
        .next()
        .unwrap_or_default();
    let rest = rest
        .strip_prefix("www.")
        .unwrap_or(rest)
        .trim_end_matches('/');
    (!rest.is_empty()).then(|| rest.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::dates::parse_timestamp;

    #[test]
    fn the_same_profile_gets_the_same_id_however_its_url_is_written() {
        let a = derive_id(Some("https://www.linkedin.com/in/Ann-Lee/"), "Ann", None);
        let b = derive_id(
            Some("http://linkedin.com/in/ann-lee?trk=x"),
            "Ann Lee",
            None,
        );
        assert_eq!(a, "linkedin.com/in/ann-lee");
        assert_eq!(a, b);
    }

    #[test]
    fn without_a_url_the_name_and_day_make_the_id() {
        let sent = parse_timestamp("2013-04-11T09:05:00Z").ok();
        assert_eq!(derive_id(None, "Ann Lee", sent), "Ann Lee 2013-04-11");
        assert_eq!(derive_id(Some("  "), "Ann Lee", None), "Ann Lee");
    }
}
