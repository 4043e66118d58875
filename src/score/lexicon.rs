//! Every word and phrase the score reads text for, one file per topic, and
//! the scanner that finds the phrases in one pass over a text's words.
//!
//! A phrase to add goes in the topic's file below; no list lives in the
//! checks. Words that describe a format rather than what people say (the
//! top-level domains of a link, currency codes, company suffixes, the tails
//! of a profile address) stay beside the code that parses that format.
//!
//! Assessing runs on every keystroke, so a note is not searched once per
//! phrase: its words are looked up in a table keyed by each phrase's first
//! word, built once, and every topic's first phrase is noted on the way.

pub(crate) mod canned;
pub(crate) mod headlines;
pub(crate) mod jobs;
pub(crate) mod met;
pub(crate) mod names;
pub(crate) mod pitch;

use std::sync::LazyLock;

use foldhash::HashMap;

use super::text::{Said, Text, words};

/// What a phrase is a sign of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Topic {
    /// A sales pitch, in a headline or a note.
    Pitch,
    /// A pitch only a note makes: "hello dear", "our services".
    NotePitch,
    JobSeeking,
    Recruiting,
    /// Selling words a note uses beside pitches: "our product".
    Selling,
    /// How the two know each other: "we met", "worked together".
    Met,
}

/// In the order of [`Topic`]'s variants, which index [`Scanned`]'s finds.
const TOPICS: [(Topic, &[&str]); 6] = [
    (Topic::Pitch, pitch::PITCH),
    (Topic::NotePitch, pitch::NOTE_PITCH),
    (Topic::JobSeeking, jobs::JOB_SEEKING),
    (Topic::Recruiting, jobs::RECRUITING),
    (Topic::Selling, pitch::SELLING),
    (Topic::Met, met::MET),
];

/// A phrase said with other words between its ends: a word of `from`, then
/// a word of `to` at most `window` words on, in the same clause, with no
/// word of `stop` between ("looking for junior analyst roles").
pub(crate) struct Gapped {
    pub from: &'static [&'static str],
    pub to: &'static [&'static str],
    pub stop: &'static [&'static str],
    pub window: usize,
}

impl Gapped {
    /// The words of `text` from the one end to the other, the first time
    /// they are said.
    pub fn find<'t>(&self, text: &'t Text) -> Option<Said<'t>> {
        text.near(self.from, self.to, self.stop, self.window)
    }
}

struct Entry {
    /// The phrase's words after the first.
    rest: Vec<&'static str>,
    phrase: &'static str,
    topic: Topic,
}

/// Every phrase, by its first word.
struct Lexicon {
    phrases: HashMap<&'static str, Vec<Entry>>,
    /// By a word's first byte, a bit for each length of a first word that
    /// begins so: most words of a note begin no phrase, and are told so
    /// without being hashed.
    starts: [u64; 256],
}

/// The bit of `starts` for a word of `len` bytes; longer words share one.
fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

impl Lexicon {
    /// The phrases that begin with `word`.
    fn beginning(&self, word: &str) -> Option<&[Entry]> {
        let &first = word.as_bytes().first()?;
        if self.starts[usize::from(first)] & length_bit(word.len()) == 0 {
            return None;
        }
        self.phrases.get(word).map(Vec::as_slice)
    }
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut phrases: HashMap<&'static str, Vec<Entry>> = HashMap::default();
    let mut starts = [0; 256];
    for (topic, list) in TOPICS {
        for &phrase in list {
            let mut parts = words(phrase).map(|(_, w)| w);
            if let Some(first) = parts.next() {
                if let Some(&b) = first.as_bytes().first() {
                    starts[usize::from(b)] |= length_bit(first.len());
                }
                phrases.entry(first).or_default().push(Entry {
                    rest: parts.collect(),
                    phrase,
                    topic,
                });
            }
        }
    }
    Lexicon { phrases, starts }
});

/// A text, with the first phrase of each topic found in it.
pub(crate) struct Scanned {
    pub text: Text,
    found: [Option<&'static str>; TOPICS.len()],
}

impl Scanned {
    pub fn new(raw: &str) -> Scanned {
        let text = Text::new(raw);
        let mut found = [None; TOPICS.len()];
        for i in 0..text.len() {
            let Some(entries) = LEXICON.beginning(text.word(i)) else {
                continue;
            };
            for entry in entries {
                let fits = i + entry.rest.len() < text.len()
                    && entry
                        .rest
                        .iter()
                        .enumerate()
                        .all(|(k, w)| text.word(i + 1 + k) == *w);
                if fits {
                    found[entry.topic as usize].get_or_insert(entry.phrase);
                }
            }
        }
        Scanned { text, found }
    }

    /// The first phrase of `topic` in the text.
    pub fn phrase(&self, topic: Topic) -> Option<&'static str> {
        self.found[topic as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_found_word_by_word_whatever_the_case_and_punctuation() {
        let s = Scanned::new("Hello DEAR! We're hiring; book a call?");
        assert_eq!(s.phrase(Topic::NotePitch), Some("hello dear"));
        assert_eq!(s.phrase(Topic::Recruiting), Some("we're hiring"));
        assert_eq!(s.phrase(Topic::Pitch), Some("book a call"));
        assert_eq!(s.phrase(Topic::Met), None);
    }

    #[test]
    fn a_phrase_cut_short_by_the_end_of_the_text_is_not_found() {
        assert_eq!(Scanned::new("let's book a").phrase(Topic::Pitch), None);
        assert_eq!(Scanned::new("crypto").phrase(Topic::Pitch), Some("crypto"));
    }

    /// A phrase written otherwise (capitals, accents, double spaces) would
    /// never be found, so a new one must read as a text's words do. Generic
    /// headlines are left out: they are whole headlines, "n/a" included.
    #[test]
    fn every_phrase_is_written_as_texts_are_read_and_listed_once() {
        let scanned = TOPICS.iter().map(|(_, phrases)| *phrases);
        let gapped = met::EVENTS_ATTENDED
            .iter()
            .chain([&jobs::SEEKING_WORK])
            .flat_map(|g| [g.from, g.to, g.stop]);
        let others = [canned::CANNED, canned::GREETINGS, names::BUSINESS_WORDS];
        for phrases in scanned.chain(gapped).chain(others) {
            for (at, phrase) in phrases.iter().enumerate() {
                let text = Text::new(phrase);
                let read: Vec<&str> = text.words().collect();
                assert_eq!(read.join(" "), *phrase);
                assert!(!phrases[..at].contains(phrase), "{phrase} is listed twice");
            }
        }
    }
}
