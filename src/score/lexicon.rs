//! Every phrase the checks look for, found in one pass over a text's words.
//!
//! Assessing runs on every keystroke, so a note is not searched once per
//! phrase: its words are looked up in a table keyed by each phrase's first
//! word, built once, and every topic's first phrase is noted on the way.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::common_ground::MET_PHRASES;
use super::intent::{JOB_SEEKING, RECRUITING, SELLING_NOTE};
use super::signals::note::NOTE_PITCH_PHRASES;
use super::signals::profile::PITCH_PHRASES;
use super::text::{FnvBuild, Text, words};

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

const TOPICS: [(Topic, &[&str]); 6] = [
    (Topic::Pitch, PITCH_PHRASES),
    (Topic::NotePitch, NOTE_PITCH_PHRASES),
    (Topic::JobSeeking, JOB_SEEKING),
    (Topic::Recruiting, RECRUITING),
    (Topic::Selling, SELLING_NOTE),
    (Topic::Met, MET_PHRASES),
];

struct Entry {
    /// The phrase's words after the first.
    rest: Vec<&'static str>,
    phrase: &'static str,
    topic: Topic,
}

static LEXICON: LazyLock<HashMap<&'static str, Vec<Entry>, FnvBuild>> = LazyLock::new(|| {
    let mut table: HashMap<&'static str, Vec<Entry>, FnvBuild> = HashMap::default();
    for (topic, phrases) in TOPICS {
        for &phrase in phrases {
            let mut parts = words(phrase).map(|(_, w)| w);
            if let Some(first) = parts.next() {
                table.entry(first).or_default().push(Entry {
                    rest: parts.collect(),
                    phrase,
                    topic,
                });
            }
        }
    }
    table
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
            let Some(entries) = LEXICON.get(text.word(i)) else {
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
}
