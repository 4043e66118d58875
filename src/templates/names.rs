//! First and last names from a display name, as a person would pick them
//! out to start a reply.
//!
//! The rules, in order:
//! - Anything in brackets, and anything after a comma, `|` or a spaced dash
//!   (credentials, taglines: "Robert J. Castellano, CPA", "Ann Lee | Hiring")
//!   is set aside. A nickname in quotes ("Robert \"Bob\" Smith") is the first
//!   name, since it is the name the person asks to be called.
//! - Emoji and symbols are dropped; words with no letter left go away.
//! - A name with Chinese, Japanese or Korean characters is kept whole as the
//!   first name and has no last name: such names are often written without
//!   spaces and family name first, so no split is safe.
//! - Leading titles (Dr., Mr, Prof., ...) and trailing suffixes (Jr., PhD,
//!   MBA, ...) are dropped.
//! - The first name is the first word, unless that is a lone initial: then
//!   it is the next word when a last name follows ("J. Robert Smith" goes by
//!   Robert), and unknown otherwise ("J. Smith").
//! - The last name is the last word with any lowercase particles before it
//!   ("van Beethoven"); unknown for a single word or a trailing initial
//!   ("Stacy M.").
//! - A name written all in capitals is title-cased ("MARY-JANE O'NEIL" gives
//!   "Mary-Jane", "O'Neil"): capitals read as shouting in a greeting. Any
//!   other capitalisation is kept as written.

/// The parts of a display name a reply can address.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonName {
    pub first: Option<String>,
    pub last: Option<String>,
}

const TITLES: &[&str] = &[
    "dr", "mr", "mrs", "ms", "miss", "mx", "prof", "sir", "dame", "rev", "fr", "capt",
];

const SUFFIXES: &[&str] = &[
    "jr", "sr", "ii", "iii", "iv", "phd", "md", "mba", "cpa", "esq", "pmp", "cfa",
];

/// Splits a display name into the first and last name a reply can use.
pub fn split_name(display: &str) -> PersonName {
    let (core, nickname) = set_aside(display);
    if core.chars().any(is_cjk) {
        let whole = core.split_whitespace().collect::<Vec<_>>().join(" ");
        return PersonName {
            first: Some(whole).filter(|name| !name.is_empty()),
            last: None,
        };
    }
    let mut words: Vec<String> = core.split_whitespace().filter_map(clean_word).collect();
    while words.len() > 1 && is_one_of(&words[0], TITLES) {
        words.remove(0);
    }
    while words.len() > 1 && words.last().is_some_and(|word| is_one_of(word, SUFFIXES)) {
        words.pop();
    }
    let shouting = words.iter().any(|w| w.chars().any(char::is_uppercase))
        && !words.iter().any(|w| w.chars().any(char::is_lowercase));
    let cased = |word: &str| {
        if shouting {
            title_case(word)
        } else {
            word.to_string()
        }
    };

    let first_index = match words.as_slice() {
        [initial, next, _, ..] if is_initial(initial) && !is_initial(next) => Some(1),
        [word, ..] if !is_initial(word) => Some(0),
        _ => None,
    };
    // The last name never reaches back over the first name, nor over a
    // leading initial when there is no first name.
    let before_last = first_index.unwrap_or(0);
    let last = match words.last() {
        Some(word) if words.len() - 1 > before_last && !is_initial(word) => {
            let mut start = words.len() - 1;
            while start - 1 > before_last && starts_lowercase(&words[start - 1]) {
                start -= 1;
            }
            Some(cased(&words[start..].join(" ")))
        }
        _ => None,
    };
    let first = nickname
        .map(|nick| cased(&nick))
        .or_else(|| first_index.map(|i| cased(&words[i])));
    PersonName { first, last }
}

/// The name without bracketed parts or trailing credentials, and a quoted
/// nickname if there is one.
fn set_aside(display: &str) -> (String, Option<String>) {
    let mut core = String::new();
    let mut nickname = String::new();
    let mut depth = 0usize;
    let mut quoted = false;
    for c in display.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            '"' | '“' | '”' if depth == 0 => quoted = !quoted,
            ',' | '|' if depth == 0 && !quoted => break,
            _ if depth > 0 => {}
            _ if quoted => nickname.push(c),
            _ => core.push(c),
        }
    }
    for dash in [" - ", " – ", " — "] {
        if let Some(at) = core.find(dash) {
            core.truncate(at);
        }
    }
    let nickname = nickname.split_whitespace().filter_map(clean_word).next();
    (core, nickname)
}

/// The word without emoji and symbols, or `None` when no letter is left.
fn clean_word(word: &str) -> Option<String> {
    let kept: String = word.chars().filter(|&c| !is_decoration(c)).collect();
    let kept = kept.trim_matches('-');
    kept.chars()
        .any(char::is_alphabetic)
        .then(|| kept.to_string())
}

/// Emoji, pictographs, symbols and punctuation that never belong to a name.
/// Combining marks of every script are kept, which a test on
/// `char::is_alphabetic` alone would not do.
fn is_decoration(c: char) -> bool {
    matches!(c,
        '!'..='&' | '('..=',' | '/' | ':'..='@' | '['..='`' | '{'..='~'
        | '\u{2020}'..='\u{2BFF}' | '\u{FE00}'..='\u{FE0F}'
        | '\u{200D}' | '\u{1F000}'..='\u{1FAFF}' | '\u{E0000}'..='\u{E007F}')
}

fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}' | '\u{3040}'..='\u{30FF}' | '\u{3130}'..='\u{318F}'
        | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}'
        | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

/// "J" or "J.": a single letter, perhaps with a dot.
fn is_initial(word: &str) -> bool {
    let mut letters = word.trim_end_matches('.').chars();
    letters.next().is_some_and(char::is_alphabetic) && letters.next().is_none()
}

fn is_one_of(word: &str, list: &[&str]) -> bool {
    let bare = word.replace('.', "").to_lowercase();
    list.contains(&bare.as_str())
}

fn starts_lowercase(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

/// Capital after anything that is not a letter ("o'neil" gives "O'Neil").
fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut after_letter = false;
    for c in word.chars() {
        if after_letter {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        after_letter = c.is_alphabetic();
    }
    out
}
