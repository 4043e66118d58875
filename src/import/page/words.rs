//! The words of the page: what a line of a card says, read the way a person
//! reads it. Every needle is ASCII, so matching ignores ASCII case on the
//! text as it is, without lowercasing copies.

use time::Duration;

use crate::model::Kind;

/// Byte index of `needle` in `haystack`, ignoring ASCII case.
pub(super) fn find(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    if n.is_empty() || n.len() > h.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

pub(super) fn contains(haystack: &str, needle: &str) -> bool {
    find(haystack, needle).is_some()
}

fn starts_with(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

fn ends_with(text: &str, suffix: &str) -> bool {
    text.len() >= suffix.len()
        && text.as_bytes()[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// What an invitation that is not a person's says, and what it is to.
/// Each phrase is followed by the thing's name on the newer page.
const INVITED_TO: [(&str, Kind); 6] = [
    ("invited you to subscribe to ", Kind::Newsletter),
    ("invited you to subscribe", Kind::Newsletter),
    ("invited you to an event", Kind::Event),
    ("invited you to attend ", Kind::Event),
    ("invited you to join ", Kind::Group),
    ("invited you to follow ", Kind::Page),
];

/// The kind of invitation a line announces, if it is not a person's.
pub(super) fn invitation_kind(line: &str) -> Option<Kind> {
    let line = line.trim();
    if starts_with(line, "newsletter •") || starts_with(line, "newsletter ·") {
        return Some(Kind::Newsletter);
    }
    let padded_end = |phrase: &str| ends_with(line, phrase.trim_end());
    INVITED_TO
        .iter()
        .find(|(phrase, _)| contains(line, phrase) || padded_end(phrase))
        .map(|(_, kind)| *kind)
}

/// The name after "invited you to follow …" and the like, as written.
pub(super) fn invited_to_name(line: &str) -> Option<&str> {
    INVITED_TO.iter().find_map(|(phrase, _)| {
        let at = find(line, phrase)?;
        let name = line[at + phrase.len()..].trim();
        (!name.is_empty()).then_some(name)
    })
}

/// Whether a line is the one saying the person is inviting you.
pub(super) fn is_inviting_line(line: &str) -> bool {
    contains(line, "inviting you to connect")
        || contains(line, "invited you to connect")
        || contains(line, "follows you")
}

pub(super) fn says_follows_you(line: &str) -> bool {
    contains(line, "follows you")
}

/// The inviter's name before "is inviting you…" or "follows you…".
pub(super) fn name_before_inviting(line: &str) -> Option<&str> {
    [
        " is inviting you",
        " follows you",
        " invited you to connect",
    ]
    .iter()
    .find_map(|phrase| find(line, phrase).map(|at| line[..at].trim()))
    .filter(|name| !name.is_empty())
}

/// The name in a button's label: "Accept NAME’s invitation",
/// "Ignore an invitation to connect from NAME", "Ignore invitation for NAME".
pub(super) fn name_in_label(label: &str) -> Option<&str> {
    let label = label.trim();
    let accepted = strip_prefix_ci(label, "accept ").and_then(|rest| {
        [
            "’s invitation",
            "'s invitation",
            "’ invitation",
            "' invitation",
        ]
        .iter()
        .find_map(|tail| rest.strip_suffix(tail))
    });
    let name = match accepted {
        Some(name) => name,
        None => {
            let at = find(label, " from ").or_else(|| find(label, " for "))?;
            label[at + 1..].split_once(' ')?.1
        }
    };
    let name = name.trim();
    (!name.is_empty()).then_some(name)
}

/// What the common-ground line says about mutual connections: `None` when
/// the line is not about them, `Some(None)` when it is but tells no count.
pub(super) fn mutual_connections(line: &str) -> Option<Option<u32>> {
    if !contains(line, "mutual connection") {
        return None;
    }
    // "Casey Ray and 8 other mutual connections": 8 others and Casey Ray.
    if let Some(at) = find(line, " other mutual connection") {
        return Some(last_number(&line[..at]).and_then(|n| n.checked_add(1)));
    }
    if contains(line, "is a mutual connection") {
        return Some(Some(1));
    }
    // "Casey Ray and Drew Stone are mutual connections".
    if contains(line, " are mutual connections") && contains(line, " and ") {
        return Some(Some(2));
    }
    if let Some(at) = find(line, " mutual connection") {
        return Some(last_number(&line[..at]));
    }
    Some(None)
}

/// The number a text ends with, thousands separators allowed ("1,203").
fn last_number(text: &str) -> Option<u32> {
    let word = text.trim_end().rsplit(' ').next()?;
    let digits: String = word
        .chars()
        .filter(|c| !matches!(c, ',' | '.' | '\u{a0}' | '\u{202f}'))
        .collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Longest count of units read in a time ("3 months ago"); more is not a
/// time LinkedIn writes.
const UNITS_MAX: i64 = 10_000;

/// How long ago a time line says the invitation was sent: "Today",
/// "12 hours ago", "Yesterday", "2 days ago", "3 months ago", "1 year ago",
/// or the short "5h", "2d", "1w", "3mo", "1y". A month counts 30 days and a
/// year 365: the page says no more than that.
pub(super) fn ago(line: &str) -> Option<Duration> {
    let text = line.trim();
    let text = strip_prefix_ci(text, "sent ").unwrap_or(text);
    for (word, days) in [("today", 0), ("just now", 0), ("now", 0), ("yesterday", 1)] {
        if text.eq_ignore_ascii_case(word) {
            return Some(Duration::days(days));
        }
    }
    let text = strip_suffix_ci(text, "ago").unwrap_or(text).trim_end();
    let (count, unit) = split_count(text)?;
    let unit = unit_length(unit.trim())?;
    unit.checked_mul(i32::try_from(count).ok()?)
}

fn strip_prefix_ci<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    starts_with(text, prefix).then(|| &text[prefix.len()..])
}

fn strip_suffix_ci<'t>(text: &'t str, suffix: &str) -> Option<&'t str> {
    ends_with(text, suffix).then(|| &text[..text.len() - suffix.len()])
}

/// "2 days" or "2d" → (2, "days"); "a day", "an hour" → (1, …).
fn split_count(text: &str) -> Option<(i64, &str)> {
    if let Some(unit) = strip_prefix_ci(text, "an ").or_else(|| strip_prefix_ci(text, "a ")) {
        return Some((1, unit));
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 5 {
        return None;
    }
    let count: i64 = text[..digits].parse().ok()?;
    (count <= UNITS_MAX).then_some((count, &text[digits..]))
}

fn unit_length(unit: &str) -> Option<Duration> {
    let unit = unit.to_ascii_lowercase();
    let length = match unit.as_str() {
        "s" | "sec" | "secs" | "second" | "seconds" => Duration::seconds(1),
        "m" | "min" | "mins" | "minute" | "minutes" => Duration::minutes(1),
        "h" | "hr" | "hrs" | "hour" | "hours" => Duration::hours(1),
        "d" | "day" | "days" => Duration::days(1),
        "w" | "wk" | "wks" | "week" | "weeks" => Duration::weeks(1),
        "mo" | "mos" | "month" | "months" => Duration::days(30),
        "y" | "yr" | "yrs" | "year" | "years" => Duration::days(365),
        _ => return None,
    };
    Some(length)
}

/// The "… see more" of a cut note: the whole line, or its end after an
/// ellipsis. Returns the byte length of the note's text before it.
pub(super) fn see_more(line: &str) -> Option<usize> {
    let trimmed = line.trim_end();
    let before = strip_suffix_ci(trimmed, "see more")?;
    let kept = before.trim_end_matches(|c: char| c == '…' || c == '.' || c.is_whitespace());
    let had_ellipsis = kept.len() < before.trim_end().len();
    (kept.is_empty() || had_ellipsis).then_some(kept.len())
}

/// Buttons and links around a note that are not part of it.
pub(super) fn is_note_chrome(line: &str) -> bool {
    let line = line.trim().trim_start_matches(['…', '.', ' ']);
    const WHOLE: [&str; 10] = [
        "message",
        "show more actions",
        "more actions",
        "more",
        "accept",
        "ignore",
        "see less",
        "show less",
        "reply",
        "view profile",
    ];
    WHOLE.iter().any(|w| line.eq_ignore_ascii_case(w)) || starts_with(line, "reply to ")
}

/// Words that can sit beside a name or a headline and are neither:
/// a connection degree, a separator.
pub(super) fn is_filler(text: &str) -> bool {
    let text = text.trim_matches(|c: char| c.is_whitespace() || matches!(c, '•' | '·' | '-' | '|'));
    text.is_empty()
        || ["1st", "2nd", "3rd", "3rd+"]
            .iter()
            .any(|d| text.eq_ignore_ascii_case(d))
}

/// Whether a label, title or alt names LinkedIn's verification badge.
pub(super) fn is_verified_label(label: &str) -> bool {
    let label = label.trim();
    starts_with(label, "verified")
        && label[8..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
}

/// Whether a page's text says it has no invitation to show.
pub(super) fn says_none_pending(text: &str) -> bool {
    text.len() < 200
        && (contains(text, "no pending invitations") || contains(text, "no new invitations"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_of_mutual_connections() {
        let cases = [
            ("Casey Ray and 8 other mutual connections", Some(Some(9))),
            ("Casey Ray and 1 other mutual connection", Some(Some(2))),
            ("Drew Stone is a mutual connection", Some(Some(1))),
            ("1 mutual connection", Some(Some(1))),
            ("12 mutual connections", Some(Some(12))),
            (
                "Ann Lee and 1,203 other mutual connections",
                Some(Some(1204)),
            ),
            (
                "Casey Ray and Drew Stone are mutual connections",
                Some(Some(2)),
            ),
            ("Many mutual connections", Some(None)),
            ("Fernwood Labs", None),
        ];
        for (line, expected) in cases {
            assert_eq!(mutual_connections(line), expected, "{line}");
        }
    }

    #[test]
    fn every_form_of_time() {
        let cases = [
            ("Today", Duration::ZERO),
            ("12 hours ago", Duration::hours(12)),
            ("Yesterday", Duration::days(1)),
            ("2 days ago", Duration::days(2)),
            ("an hour ago", Duration::hours(1)),
            ("1 week ago", Duration::weeks(1)),
            ("2w", Duration::weeks(2)),
            ("2d", Duration::days(2)),
            ("3mo", Duration::days(90)),
            ("3 months ago", Duration::days(90)),
            ("1 year ago", Duration::days(365)),
            ("  Sent 5 minutes ago ", Duration::minutes(5)),
        ];
        for (line, expected) in cases {
            assert_eq!(ago(line), Some(expected), "{line}");
        }
        for line in [
            "2 days of rest",
            "Senior designer",
            "99999999 years ago",
            "w",
            "3 parsecs ago",
        ] {
            assert_eq!(ago(line), None, "{line}");
        }
    }

    #[test]
    fn names_in_button_labels() {
        assert_eq!(
            name_in_label("Accept Mara Quist’s invitation"),
            Some("Mara Quist")
        );
        assert_eq!(
            name_in_label("Accept Ann Rees' invitation"),
            Some("Ann Rees")
        );
        assert_eq!(
            name_in_label("Ignore an invitation to connect from Mara Quist"),
            Some("Mara Quist")
        );
        assert_eq!(
            name_in_label("Ignore invitation for The Ledger"),
            Some("The Ledger")
        );
        assert_eq!(name_in_label("Accept"), None);
    }

    #[test]
    fn see_more_in_its_forms() {
        assert_eq!(see_more("… see more"), Some(0));
        assert_eq!(see_more("…See more"), Some(0));
        assert_eq!(see_more("see more"), Some(0));
        assert_eq!(see_more("we met… see more"), Some("we met".len()));
        assert_eq!(see_more("I would like to see more"), None);
    }

    #[test]
    fn kinds_of_invitations() {
        assert_eq!(
            invitation_kind("Newsletter • Monthly"),
            Some(Kind::Newsletter)
        );
        assert_eq!(
            invitation_kind("Ann invited you to subscribe to The Ledger"),
            Some(Kind::Newsletter)
        );
        assert_eq!(
            invitation_kind("Ann invited you to an event"),
            Some(Kind::Event)
        );
        assert_eq!(
            invitation_kind("Ann invited you to join"),
            Some(Kind::Group)
        );
        assert_eq!(
            invitation_kind("Ann invited you to follow Acme"),
            Some(Kind::Page)
        );
        assert_eq!(invitation_kind("Ann is inviting you to connect"), None);
        assert_eq!(
            invited_to_name("Ann invited you to follow Acme Ltd"),
            Some("Acme Ltd")
        );
    }

    #[test]
    fn badges_and_fillers() {
        assert!(is_verified_label("Verified"));
        assert!(is_verified_label("verified badge"));
        assert!(!is_verified_label("Verifiedness"));
        assert!(is_filler(" · 2nd"));
        assert!(!is_filler("Operations lead"));
    }
}
