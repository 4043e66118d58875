//! Whether a display name reads as a person's.
//!
//! Names are hard, and calling a real person "not a person" is the costliest
//! mistake the console can make, so these checks only look for what people's
//! names do not hold: business words, digits, emoji, handles, shouting. A
//! single word is never a sign on its own (mononyms are common in Indonesia,
//! parts of India and elsewhere); scripts without letter case (Chinese,
//! Japanese, Korean, Thai) never look "all capitals"; initials, apostrophes,
//! hyphens and diacritics are ordinary; and whatever follows a comma, a bar,
//! a dash or a parenthesis ("Robert J. Castellano, CPA", "Ann Lee | Hiring")
//! is a tagline or post-nominals, not the name.

use std::sync::LazyLock;

use foldhash::HashSet;

use super::{Findings, Signal};
use crate::model::NO_VISIBLE_NAME;
use crate::score::lexicon::names::BUSINESS_WORDS;
use crate::score::text::{fold_word_into, quote, words};
use crate::score::vocabulary;

static BUSINESS: LazyLock<HashSet<&str>> =
    LazyLock::new(|| BUSINESS_WORDS.iter().copied().collect());

/// Business words long enough to be recognised inside a run-together brand
/// ("ResumeGirl", "jobsolutionsnow") without matching inside a surname.
const COMPOUND_MIN_LEN: usize = 6;
/// What must remain of a word beside a business word for it to be a compound.
const COMPOUND_REST_MIN_LEN: usize = 3;

/// A name of ordinary words needs this many of them: one word alone may be
/// a mononym or a nickname.
const MIN_WORDS_OF_A_PHRASE: usize = 2;

pub(crate) fn check(name: &str, findings: &mut Findings) {
    if name == NO_VISIBLE_NAME {
        findings.fire(
            Signal::InvisibleName,
            "the name shows nothing: it is made of invisible or blank characters",
        );
        return;
    }
    let core = core_of(name);
    let given = has_given_name(core);
    match business_word(core) {
        Some(word) if given => findings.fire(
            Signal::BusinessWordInName,
            format_args!(
                "the name holds \"{}\", a business word, beside a given name",
                quote(word, 30)
            ),
        ),
        Some(word) => findings.fire(
            Signal::BusinessName,
            format_args!(
                "a business's name: it holds \"{}\" and no given name",
                quote(word, 30)
            ),
        ),
        None if !given && is_phrase(core) => findings.fire(
            Signal::WordName,
            "the name is ordinary words, with no given name",
        ),
        None => {}
    }
    if core.bytes().any(|b| b.is_ascii_digit()) {
        findings.fire(Signal::DigitsInName, "the name holds digits");
    }
    // Emoji are beyond ASCII, which most names are, told at a glance.
    if !name.is_ascii() && name.chars().any(is_emoji) {
        findings.fire(Signal::EmojiInName, "the name holds emoji");
    }
    if is_all_caps(core) {
        findings.fire(Signal::AllCapsName, "the name is all in capitals");
    }
    if let Some(handle) = handle_like(core) {
        findings.fire(
            Signal::HandleLikeName,
            format_args!("the name reads like a handle: \"{}\"", quote(handle, 30)),
        );
    }
}

/// A known given name in any word or run-together part of it: evidence for
/// a person. A name the lists do not know says nothing either way.
fn has_given_name(core: &str) -> bool {
    words(core).any(|(_, word)| {
        // A word in one part was looked up whole already.
        let parts = || camel_parts(word);
        vocabulary::is_given_name(word)
            || (parts().next() != Some(word) && parts().any(vocabulary::is_given_name))
    })
}

/// Two words or more, every one an ordinary dictionary word and none a
/// known surname: "Bright Future", but not "Wing Long".
fn is_phrase(core: &str) -> bool {
    // Letters only, told at a glance, before any word is looked up.
    let lettered = words(core).all(|(_, word)| word.chars().all(char::is_alphabetic));
    lettered
        && words(core).count() >= MIN_WORDS_OF_A_PHRASE
        && words(core).all(|(_, word)| vocabulary::is_word(word) && !vocabulary::is_surname(word))
}

/// The name proper: what comes before a tagline or post-nominals.
fn core_of(name: &str) -> &str {
    let dash = |at: usize| {
        [" - ", " – ", " — "]
            .iter()
            .any(|d| name[at..].starts_with(d))
    };
    let end = name
        .char_indices()
        .find(|&(at, c)| {
            matches!(c, ',' | '|' | '(' | '[' | '/' | '•' | '·') || (c == ' ' && dash(at))
        })
        .map_or(name.len(), |(at, _)| at);
    let core = name[..end].trim();
    if core.is_empty() { name.trim() } else { core }
}

fn business_word(core: &str) -> Option<&str> {
    let mut lower = String::with_capacity(core.len());
    for (_, word) in words(core) {
        let mut parts = 0;
        for part in camel_parts(word) {
            fold_word_into(&mut lower, part);
            if BUSINESS.contains(lower.as_str()) {
                return Some(part);
            }
            parts += 1;
        }
        // A word in one part is folded already.
        if parts > 1 {
            fold_word_into(&mut lower, word);
        }
        // Too short to hold the shortest business word and a rest: most
        // words are, and need not be read against every business word.
        if lower.len() < COMPOUND_MIN_LEN + COMPOUND_REST_MIN_LEN {
            continue;
        }
        let compound = BUSINESS_WORDS.iter().any(|b| {
            b.len() >= COMPOUND_MIN_LEN
                && lower.len() >= b.len() + COMPOUND_REST_MIN_LEN
                && (lower.starts_with(b) || lower.ends_with(b))
        });
        if compound {
            return Some(word);
        }
    }
    None
}

/// "ResumeGirl" as "Resume" and "Girl"; "McDonald" as "Mc" and "Donald",
/// which is harmless since only business words are looked for in the parts.
fn camel_parts(word: &str) -> impl Iterator<Item = &str> {
    let mut rest = word;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut previous_lower = false;
        let cut = rest
            .char_indices()
            .find(|&(_, c)| {
                let cut_here = c.is_uppercase() && previous_lower;
                previous_lower = c.is_lowercase();
                cut_here
            })
            .map_or(rest.len(), |(i, _)| i);
        let (part, after) = rest.split_at(cut);
        rest = after;
        Some(part)
    })
}

/// Every word of two letters or more is in capitals, and there are two such
/// words: "JOHN SMITH", but not "Ilse K. M." nor a single "MARÍA".
fn is_all_caps(core: &str) -> bool {
    if core.chars().any(char::is_lowercase) {
        return false;
    }
    let shouted = words(core)
        .filter(|(_, w)| w.chars().filter(|c| c.is_uppercase()).count() >= 2)
        .count();
    shouted >= 2
}

/// A handle or an address: underscores, "@name", "john.smith", "www.", ".com".
fn handle_like(core: &str) -> Option<&str> {
    core.split_whitespace().find(|token| {
        let bytes = token.as_bytes();
        // Most words hold none of the three marks, told in one look.
        if !bytes.iter().any(|b| matches!(b, b'_' | b'.' | b'@')) {
            return false;
        }
        token.contains('_')
            || bytes.windows(4).any(|w| w.eq_ignore_ascii_case(b"www."))
            || (bytes.len() >= 4 && bytes[bytes.len() - 4..].eq_ignore_ascii_case(b".com"))
            || token
                .split_once('@')
                .is_some_and(|(_, after)| after.starts_with(char::is_alphanumeric))
            || dotted_words(token)
    })
}

/// Two words of two letters or more joined by a dot: "john.smith", not "J.R.".
fn dotted_words(token: &str) -> bool {
    let mut parts = token.split('.');
    let mut previous = parts.next().map_or(0, letter_count);
    for part in parts {
        let letters = letter_count(part);
        if previous >= 2 && letters >= 2 {
            return true;
        }
        previous = letters;
    }
    false
}

fn letter_count(part: &str) -> usize {
    part.chars().filter(|c| c.is_alphabetic()).count()
}

fn is_emoji(c: char) -> bool {
    matches!(u32::from(c),
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x231A..=0x23FF)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::signals::Points;

    fn fired(name: &str) -> Vec<&'static str> {
        let points = Points::default();
        let mut findings = Findings::new(&points);
        check(name, &mut findings);
        findings.reasons.iter().map(|r| r.signal).collect()
    }

    #[test]
    fn a_name_that_shows_nothing_says_so_and_nothing_else() {
        assert_eq!(fired(NO_VISIBLE_NAME), ["invisible_name"]);
    }

    #[test]
    fn real_peoples_names_fire_nothing() {
        for name in [
            "王小明",
            "张三",
            "田中 太郎",
            "김민준",
            "สมชาย ใจดี",
            "Sukarno",
            "Priya",
            "José Álvarez-Núñez",
            "Zoë Ångström",
            "Seán O'Brien",
            "Ngũgĩ wa Thiong'o",
            "Jean-Luc Picard",
            "J. R. R. Tolkien",
            "Robert J. Castellano, CPA",
            "Ilse K. M.",
            "Mary-Kate O'Neil PhD",
            "Dr. Ana María López",
            "Nguyễn Văn An",
            "MARÍA",
            "Ramesh Kumar (he/him)",
            "Ann Lee | Hiring engineers",
            "Lakshmi Narayanan, MBA, PMP",
            "Ronald McDonald",
            "Shaquille O’Neal",
            "Te Hiringa",
            "ottavio lanzetta",
        ] {
            assert_eq!(fired(name), Vec::<&str>::new(), "{name}");
        }
    }

    #[test]
    fn business_words_fire_alone_in_brands_and_compounds() {
        assert_eq!(fired("Resume Girl"), ["business_name"]);
        assert_eq!(fired("ResumeGirl"), ["business_name"]);
        assert_eq!(fired("resumewriterpro"), ["business_name"]);
        assert_eq!(fired("Acme Solutions"), ["business_name"]);
        assert_eq!(fired("Talent Hunters Inc."), ["business_name"]);
        assert_eq!(fired("Résumé Services"), ["business_name"]);
        assert_eq!(fired("Remote Work Hub"), ["business_name"]);
        assert_eq!(fired("Startup Growth Hacks"), ["business_name"]);
    }

    #[test]
    fn a_business_word_beside_a_given_name_is_a_lesser_sign() {
        assert_eq!(fired("Maria Resume Services"), ["business_word_in_name"]);
        assert_eq!(fired("KevinMarketing"), ["business_word_in_name"]);
    }

    #[test]
    fn a_name_of_ordinary_words_with_no_given_name_is_no_person() {
        assert_eq!(fired("Bright Future"), ["word_name"]);
        assert_eq!(fired("Clear Water Thinking"), ["word_name"]);
        // A given name among the words, one word alone, or a word the
        // dictionary does not hold: a person, as far as the name goes.
        for name in ["Rose Hill", "Joy Love", "Summit", "Wing Chun Tsang"] {
            assert_eq!(fired(name), Vec::<&str>::new(), "{name}");
        }
    }

    #[test]
    fn digits_emoji_capitals_and_handles_fire() {
        assert_eq!(fired("John Smith 2024"), ["digits_in_name"]);
        assert_eq!(fired("Anna 🌸 Rossi"), ["emoji_in_name"]);
        assert_eq!(fired("JOHN SMITH"), ["all_caps_name"]);
        assert_eq!(fired("john_smith"), ["handle_like_name"]);
        assert_eq!(fired("john.smith"), ["handle_like_name"]);
        assert_eq!(fired("@leadsqueen"), ["handle_like_name"]);
    }

    #[test]
    fn taglines_and_post_nominals_are_not_the_name() {
        assert_eq!(fired("Robert Castellano, CPA 2x"), Vec::<&str>::new());
        assert_eq!(fired("Ann Lee - Talent Solutions"), Vec::<&str>::new());
    }
}
