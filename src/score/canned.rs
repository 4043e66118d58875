//! LinkedIn's default invitation texts, recognised so that a canned note is
//! reported apart from spam: bad manners, not a sign of a fake account. The
//! seed's author accepts canned invitations; stricter reviewers reply to them.

use std::sync::LazyLock;

use memchr::memchr2_iter;

use super::lexicon::canned::{CANNED, GREETINGS};
use super::text::{word_is, words};

/// The stock texts cut into words once, not on every note.
static CANNED_WORDS: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    CANNED
        .iter()
        .map(|text| text.split(' ').collect())
        .collect()
});

/// A greeting may name the owner in up to this many words before the text.
const MAX_GREETING_WORDS: usize = 3;
/// A signature after the text: "- Charlie Example", "Best regards, Charlie".
const MAX_SIGNATURE_WORDS: usize = 5;
/// Notes longer than this are never canned; it keeps the check cheap.
const MAX_WORDS: usize = 40;

/// Whether the note is missing or one of LinkedIn's stock texts, with or
/// without a greeting before it and a signature line after it.
pub fn is_canned(note: Option<&str>) -> bool {
    let Some(note) = note else { return true };
    if !may_be_stock(note) {
        // No stock text, and no words either only when nothing is said.
        return !note.bytes().any(|b| b.is_ascii_alphanumeric());
    }
    // On the stack: a note is asked this when its row is scored and when
    // the queue is counted.
    let mut first = [(0, ""); MAX_WORDS + 1];
    let mut count = 0;
    for (slot, span) in first.iter_mut().zip(words(note)) {
        *slot = span;
        count += 1;
    }
    let spans = &first[..count];
    if spans.is_empty() {
        return true;
    }
    if spans.len() > MAX_WORDS {
        return false;
    }
    let greeting = GREETINGS.iter().any(|g| word_is(spans[0].1, g));
    let starts = if greeting {
        1..=MAX_GREETING_WORDS
    } else {
        0..=0
    };
    starts.into_iter().any(|start| {
        CANNED_WORDS
            .iter()
            .any(|text| matches_at(note, spans, start, text))
    })
}

/// Every stock text says one of these words.
const STOCK_WORDS: [&str; 2] = ["network", "connect"];

/// Whether `note` may hold a stock text, told without cutting it into
/// words: a plain ASCII note holds one only where it says one of
/// [`STOCK_WORDS`], perhaps with apostrophes inside ("net'work", which is
/// still the word), and most personal notes do not. Other notes may.
fn may_be_stock(note: &str) -> bool {
    if !note.is_ascii() {
        return true;
    }
    let bytes = note.as_bytes();
    STOCK_WORDS.iter().any(|word| {
        let word = word.as_bytes();
        let first = word[0];
        memchr2_iter(first, first.to_ascii_uppercase(), bytes).any(|at| says_at(&bytes[at..], word))
    })
}

/// Whether `text` starts with `word`, ignoring case and apostrophes.
fn says_at(text: &[u8], word: &[u8]) -> bool {
    let mut letters = text.iter().filter(|&&b| b != b'\'');
    word.iter()
        .all(|w| letters.next().is_some_and(|b| b.eq_ignore_ascii_case(w)))
}

fn matches_at(note: &str, spans: &[(usize, &str)], start: usize, text: &[&str]) -> bool {
    let length = text.len();
    let Some(found) = spans.get(start..start + length) else {
        return false;
    };
    if !found.iter().zip(text).all(|(&(_, w), t)| word_is(w, t)) {
        return false;
    }
    let rest = &spans[start + length..];
    let Some(&(next, _)) = rest.first() else {
        return true;
    };
    let (end, last) = found[found.len() - 1];
    let between = &note[end + last.len()..next];
    rest.len() <= MAX_SIGNATURE_WORDS && between.contains(['\n', '.', '-', '–', '—', ',', '!', '~'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stock_texts_are_canned() {
        for note in [
            None,
            Some(""),
            Some("I'd like to add you to my professional network on LinkedIn."),
            Some("I’d like to add you to my professional network."),
            Some("I'd like to add you to my LinkedIn network."),
            Some(
                "Since you are a person I trust, I wanted to invite you to join my network on LinkedIn.",
            ),
            Some("I'd like to connect"),
            Some("I'd like to connect with you on LinkedIn."),
            Some("Hi Jason, I'd like to join your LinkedIn network."),
            Some(
                "I'd like to add you to my professional network on LinkedIn.\n\n- Charlie Example",
            ),
            Some(
                "I'd like to add you to my professional network on LinkedIn. Best regards, Charlie",
            ),
        ] {
            assert!(is_canned(note), "{note:?}");
        }
    }

    #[test]
    fn every_stock_text_says_a_stock_word() {
        for text in CANNED_WORDS.iter() {
            assert!(
                text.iter().any(|w| STOCK_WORDS.contains(w)),
                "{text:?} says none of {STOCK_WORDS:?}: the quick test would miss it"
            );
        }
        assert!(is_canned(Some("  ...  ")), "nothing said");
        assert!(!is_canned(Some("Great talk!")));
    }

    #[test]
    fn personal_notes_are_not() {
        for note in [
            "I'd like to connect about the role you posted on Monday.",
            "Hi Jason, I was in your LinkedIn class last week.",
            "I'd like to add you to my professional network. We met at the Provo meetup and talked about job boards for an hour.",
            "Great talk!",
        ] {
            assert!(!is_canned(Some(note)), "{note}");
        }
    }
}
