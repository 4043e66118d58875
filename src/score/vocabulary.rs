//! The shipped lists of given names, surnames and ordinary English words,
//! for the checks that read a display name word by word.
//!
//! A known given name is evidence for a person: "Maria Hill" is someone,
//! "Hill River Table" is more likely a brand. An unknown one is never
//! evidence against: the lists hold the common names of about a hundred
//! countries and the US birth records, which still leaves out most of the
//! world's names, so a name missing from them says nothing.
//!
//! Each line is folded as [`fold`] folds a query when the set is built, so
//! "José", "JOSE" and "Jose" find the same line whatever spelling the list
//! holds; `assets/names/README.md` tells their sources, licences and how
//! `make-lists.py` made them.

use std::borrow::Cow;
use std::sync::LazyLock;

use foldhash::HashSet;

use super::text::{fold, is_apostrophe};

/// Most lines are their own folding and are kept borrowed.
type List = HashSet<Cow<'static, str>>;

/// Built on first use, not at start: the three take a few milliseconds to
/// parse (some 100,000 lines), which a run that reads no name need not pay.
static GIVEN_NAMES: LazyLock<List> =
    LazyLock::new(|| parse(include_str!("../../assets/names/given-names.txt")));
static SURNAMES: LazyLock<List> =
    LazyLock::new(|| parse(include_str!("../../assets/names/surnames.txt")));
static WORDS: LazyLock<List> =
    LazyLock::new(|| parse(include_str!("../../assets/names/words.txt")));

fn parse(list: &'static str) -> List {
    let mut set = List::with_capacity_and_hasher(
        list.bytes().filter(|&b| b == b'\n').count(),
        Default::default(),
    );
    set.extend(list.lines().map(|line| {
        if is_its_own_key(line) {
            Cow::Borrowed(line)
        } else {
            Cow::Owned(key(line).collect())
        }
    }));
    set
}

/// Looked at for every line: most are lowercase ASCII, told at a glance.
fn is_its_own_key(line: &str) -> bool {
    let plain = |b: u8| b.is_ascii() && !b.is_ascii_uppercase() && b != b'\'';
    line.bytes().all(plain) || key(line).eq(line.chars())
}

/// `word` folded and without apostrophes ("O’Brien" is "obrien"): what a
/// list holds and what a lookup asks, so every way of typing it is found.
fn key(word: &str) -> impl Iterator<Item = char> {
    word.chars().filter(|&c| !is_apostrophe(c)).flat_map(fold)
}

/// Looks `word`'s key up with no allocation: a display name's words are
/// looked up several times each on every assessment. A word whose key is
/// longer than the buffer, which no list holds, is keyed in a string.
fn lookup(list: &List, word: &str) -> bool {
    let mut buffer = [0u8; 64];
    let mut len = 0;
    if word.len() <= buffer.len() && word.is_ascii() {
        // ASCII folds to its lowercase, and its only apostrophe is '.
        for b in word.bytes().filter(|&b| b != b'\'') {
            buffer[len] = b.to_ascii_lowercase();
            len += 1;
        }
        return std::str::from_utf8(&buffer[..len]).is_ok_and(|key| list.contains(key));
    }
    for c in key(word) {
        let Some(room) = buffer.get_mut(len..len + c.len_utf8()) else {
            let folded: String = key(word).collect();
            return list.contains(folded.as_str());
        };
        c.encode_utf8(room);
        len += c.len_utf8();
    }
    std::str::from_utf8(&buffer[..len]).is_ok_and(|key| list.contains(key))
}

/// Whether `word`, one word of a display name, is a known given name, in
/// any script: "Maria", "José", "Андрей", "민준". Business words that are
/// also rare given names ("Job", "Media") are left out of the list, since a
/// display name holding them is far more often a company's.
pub(crate) fn is_given_name(word: &str) -> bool {
    lookup(&GIVEN_NAMES, word)
}

/// Whether `word` is one of the most common surnames of some country.
/// Particles ("de", "van") are not surnames on their own; names written in
/// parts ("Van der Meer") are found both by their parts and written
/// together ("Vandermeer").
pub(crate) fn is_surname(word: &str) -> bool {
    lookup(&SURNAMES, word)
}

/// Whether `word` is an ordinary English dictionary word (no proper nouns):
/// a name made only of such words reads more like a brand than a person,
/// unless they are given names too ("Will", "Rose", "Young").
pub(crate) fn is_word(word: &str) -> bool {
    lookup(&WORDS, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_folded_when_the_set_is_built() {
        let list = parse("Straße\nÆrø\nȘtefan\nO'Brien\nnguyễn\n");
        for word in ["strasse", "aero", "stefan", "obrien", "nguyen"] {
            assert!(list.contains(word), "{word}");
        }
        assert_eq!(list.len(), 5);
    }

    #[test]
    fn spellings_with_letters_of_their_own_are_found() {
        assert!(is_given_name("Ștefan") && is_given_name("Stefan"));
        assert!(is_given_name("Ærø") && is_given_name("AERO"));
        assert!(is_given_name("Søren") && is_given_name("Þór"));
        assert!(is_surname("Weiß") && is_surname("WEISS"));
    }

    #[test]
    fn given_names_are_found_in_every_script() {
        for name in [
            "Maria",
            "MARIA",
            "José",
            "Jose",
            "Zoë",
            "Sóley",
            "Андрей",
            "Muhammad",
            "Mohammed",
            "Μαρία",
            "ΜΑΡΙΑ",
            "若汐",
            "Ruòxī",
            "蒼",
            "민준",
            "Minjun",
            "Min",
            "Jun",
        ] {
            assert!(is_given_name(name), "{name}");
        }
    }

    #[test]
    fn common_english_given_names_are_kept() {
        for name in ["Will", "Rose", "Young", "Hope"] {
            assert!(is_given_name(name) && is_word(name), "{name}");
        }
    }

    #[test]
    fn business_words_are_never_given_names() {
        for word in [
            "services",
            "service",
            "solutions",
            "solution",
            "team",
            "network",
            "networks",
            "hub",
            "daily",
            "hacks",
            "hack",
            "resume",
            "resumes",
            "jobs",
            "job",
            "hiring",
            "careers",
            "career",
            "marketing",
            "consulting",
            "official",
            "inc",
            "llc",
            "ltd",
            "group",
            "digital",
            "global",
            "media",
            "agency",
            "academy",
            "store",
            "shop",
            "leads",
            "growth",
            "money",
            "sales",
            "trade",
            "trading",
            "business",
            "pro",
            "tech",
            "crypto",
            "forex",
            "invest",
            "capital",
            "finance",
            "recruit",
            "recruiting",
            "recruitment",
            "staffing",
            "talent",
        ] {
            assert!(!is_given_name(word), "{word}");
        }
        assert!(!is_given_name("Résumé"));
    }

    #[test]
    fn surnames_are_found_with_or_without_their_marks() {
        for name in [
            "Nguyễn",
            "Nguyen",
            "O'Brien",
            "O’Brien",
            "Vandermeer",
            "Meer",
            "Jovanović",
        ] {
            assert!(is_surname(name), "{name}");
        }
        assert!(!is_surname("van"));
    }

    #[test]
    fn words_are_lowercase_dictionary_entries() {
        for word in ["hill", "River", "TABLE", "café"] {
            assert!(is_word(word), "{word}");
        }
        for word in ["Zorblaxian", "Kowalczyk", "x"] {
            assert!(!is_word(word), "{word}");
        }
    }
}
