//! Signs read from the invitation note: links, phone numbers, money, pitches.
//! A note is a greeting between two people; these belong in an advert.

use super::{Findings, Signal};
use crate::score::lexicon::{Scanned, Topic};
use crate::score::text::Text;

const TOP_LEVEL_DOMAINS: &[&str] = &["com", "net", "org", "io", "co", "ly", "biz", "info"];
const CURRENCY_SIGNS: &[char] = &['$', '€', '£', '¥', '₹', '₿'];
const CURRENCY_WORDS: &[&str] = &["usd", "eur", "dollars", "euros", "month"];
const MIN_PHONE_DIGITS: usize = 9;
const MAX_PHONE_DIGITS: usize = 15;

pub(crate) fn check(scanned: &Scanned, f: &mut Findings) {
    let note = scanned.text.as_str();
    if has_link(&scanned.text) {
        f.fire(Signal::LinkInNote, "the note holds a link");
    }
    if has_phone(note) {
        f.fire(Signal::PhoneInNote, "the note holds a phone number");
    }
    if has_money(&scanned.text) {
        f.fire(Signal::MoneyInNote, "the note talks money");
    }
    if let Some(phrase) = scanned
        .phrase(Topic::Pitch)
        .or_else(|| scanned.phrase(Topic::NotePitch))
    {
        f.fire(
            Signal::PitchInNote,
            format_args!("the note is a pitch: \"{phrase}\""),
        );
    }
}

/// An address ("http://", "www.") or a domain: a word, a dot, a known
/// top-level domain ("leadsco.io").
fn has_link(text: &Text) -> bool {
    let note = text.as_str();
    note.contains("://")
        || (1..text.len()).any(|i| {
            let (start, _) = text.span(i);
            let (_, end_before) = text.span(i - 1);
            // One dot between, told by its byte with no slice to cut.
            start == end_before + 1
                && note.as_bytes().get(end_before) == Some(&b'.')
                && (text.word(i - 1) == "www" || TOP_LEVEL_DOMAINS.contains(&text.word(i)))
        })
}

/// A run of digits with the separators phone numbers use, long enough to
/// be a phone number and too long to be a date or a year.
fn has_phone(note: &str) -> bool {
    let mut digits = 0;
    // Digits and separators are ASCII: the first byte of any other
    // character ends a run as the character would, with nothing decoded.
    for b in note.bytes().chain(std::iter::once(b'\n')) {
        if b.is_ascii_digit() {
            digits += 1;
        } else if !matches!(b, b' ' | b'-' | b'.' | b'(' | b')' | b'+') {
            if (MIN_PHONE_DIGITS..=MAX_PHONE_DIGITS).contains(&digits) {
                return true;
            }
            digits = 0;
        }
    }
    false
}

/// A currency sign next to a number, or a number followed by a currency
/// word ("5,000 USD", "2k a month").
fn has_money(text: &Text) -> bool {
    let note = text.as_str();
    let digit_near = |at: usize, len: usize| {
        let before = note[..at].chars().rev().take(2);
        let after = note[at + len..].chars().take(2);
        before.chain(after).any(|c| c.is_ascii_digit())
    };
    // The only sign in ASCII is the dollar, which most notes lack.
    let may_be_signed = !note.is_ascii() || note.contains('$');
    let signed = may_be_signed
        && note
            .char_indices()
            .any(|(at, c)| CURRENCY_SIGNS.contains(&c) && digit_near(at, c.len_utf8()));
    // A word is an amount when its first byte is a digit.
    let amount = |k: usize| {
        note.as_bytes()
            .get(text.span(k).0)
            .is_some_and(u8::is_ascii_digit)
    };
    // The amounts first: a digit is told at a glance, a word is not.
    signed
        || (1..text.len()).any(|i| {
            (amount(i - 1) || (i >= 2 && amount(i - 2) && matches!(text.word(i - 1), "a" | "per")))
                && CURRENCY_WORDS.contains(&text.word(i))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::signals::Points;

    fn fired(note: &str) -> Vec<&'static str> {
        let points = Points::default();
        let mut f = Findings::new(&points);
        check(&Scanned::new(note), &mut f);
        f.reasons.iter().map(|r| r.signal).collect()
    }

    #[test]
    fn a_plain_personal_note_fires_nothing() {
        for note in [
            "Hi Jason, I was in your LinkedIn class last week. Thanks for the tips!",
            "We met at the 2013 Utah job fair, booth 12.",
            "Loved your book. Greetings from Salt Lake City.",
            "I'd like to add you to my professional network on LinkedIn.",
        ] {
            assert!(fired(note).is_empty(), "{note}");
        }
    }

    #[test]
    fn links_phones_money_and_pitches_fire() {
        assert_eq!(fired("see https://example.invalid/offer"), ["link_in_note"]);
        assert_eq!(fired("visit leadsco.io today"), ["link_in_note"]);
        assert_eq!(fired("Call me on +1 (801) 555-0199"), ["phone_in_note"]);
        assert_eq!(fired("Earn 5,000 USD weekly"), ["money_in_note"]);
        assert_eq!(fired("only $99"), ["money_in_note"]);
        assert_eq!(fired("make 2k a month"), ["money_in_note"]);
        assert_eq!(
            fired("Hello dear, I have a business opportunity for you"),
            ["pitch_in_note"]
        );
        assert_eq!(fired("I help companies grow"), ["pitch_in_note"]);
    }
}
