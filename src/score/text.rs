//! Small text helpers the signals share: words, phrase search on lowercased
//! text, and folding of Latin letters to their plain spelling so that
//! "Résumé" reads as "resume" and "Straße" as "strasse".

use std::fmt::{self, Write as _};

/// `c` lowercased, a Latin letter in its plain spelling ("é" is "e", "ß"
/// is "ss", "Æ" is "ae"), and every apostrophe the plain one. Letters of
/// other scripts are only lowercased: names are matched and shown in their
/// own script, where a transliteration ("王" as "wang") would find another.
pub(crate) fn fold(c: char) -> impl Iterator<Item = char> {
    let (letter, spelled) = if c.is_ascii() {
        (Some(c.to_ascii_lowercase()), "")
    } else if is_apostrophe(c) {
        (Some('\''), "")
    } else if let Some(plain) = plain_latin(c) {
        (None, plain)
    } else {
        (Some(c.to_lowercase().next().unwrap_or(c)), "")
    };
    letter
        .into_iter()
        .chain(spelled.chars().map(|c| c.to_ascii_lowercase()))
}

/// `word` folded without its apostrophes, into `buffer`: what the lists of
/// words and names are keyed by ("O’Brien" is "obrien").
pub(crate) fn fold_word_into(buffer: &mut String, word: &str) {
    buffer.clear();
    for c in word.chars() {
        // Most names are ASCII, whose folding is its lowercase.
        if c.is_ascii() {
            if c != '\'' {
                buffer.push(c.to_ascii_lowercase());
            }
        } else if !is_apostrophe(c) {
            buffer.extend(fold(c));
        }
    }
}

/// The plain spelling of a Latin letter with marks, or of a Latin ligature.
/// None for letters that have no plain spelling in letters ("ə", which
/// deunicode writes "@").
fn plain_latin(c: char) -> Option<&'static str> {
    let latin = matches!(c,
        '\u{00C0}'..='\u{024F}'   // Latin-1 Supplement, Latin Extended-A and -B
        | '\u{1E00}'..='\u{1EFF}' // Latin Extended Additional (Vietnamese)
        | '\u{2C60}'..='\u{2C7F}' // Latin Extended-C
        | '\u{A720}'..='\u{A7FF}' // Latin Extended-D
        | '\u{AB30}'..='\u{AB6F}' // Latin Extended-E
        | '\u{FB00}'..='\u{FB06}' // Latin ligatures ("ﬁ")
    );
    if !latin || !c.is_alphabetic() {
        return None;
    }
    deunicode::deunicode_char(c)
        .filter(|plain| !plain.is_empty() && plain.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// `text` folded and lowercased, for phrase search.
pub(crate) fn folded(text: &str) -> String {
    // Most text is ASCII, whose folding is its lowercase.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.chars().flat_map(fold).collect()
}

/// Where one clause ends and the next begins: "at Acme, a fair employer"
/// holds two clauses, so no phrase is read across the comma.
fn is_clause_break(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '\n' | '(' | ')')
}

/// A text folded once and cut into words once, for the checks that read it.
pub(crate) struct Text {
    folded: String,
    /// Byte range in `folded` and clause number of each word.
    words: Vec<(usize, usize, u16)>,
}

impl Text {
    /// Folds, then cuts in one pass: this runs for every note and headline
    /// on every assessment.
    pub fn new(raw: &str) -> Text {
        let folded = folded(raw);
        let mut spans = Vec::with_capacity(raw.len() / 5 + 1);
        let mut clause = 0u16;
        let mut start = None;
        let mut step = |at: usize, in_word: bool, c: char| {
            let in_word = in_word || (c == '\'' && start.is_some());
            match (in_word, start) {
                (true, None) => start = Some(at),
                (false, Some(s)) => {
                    spans.push((s, at, clause));
                    start = None;
                }
                _ => {}
            }
            if !in_word && is_clause_break(c) {
                clause = clause.saturating_add(1);
            }
        };
        // Most text is ASCII: read byte by byte, with nothing to decode, and
        // its letters and digits told with no table.
        if folded.is_ascii() {
            for (at, &b) in folded.as_bytes().iter().enumerate() {
                step(at, b.is_ascii_alphanumeric(), char::from(b));
            }
        } else {
            for (at, c) in folded.char_indices() {
                step(at, c.is_alphanumeric(), c);
            }
        }
        if let Some(s) = start {
            spans.push((s, folded.len(), clause));
        }
        for span in &mut spans {
            // A trailing apostrophe closes a quote, it is not part of the word.
            while span.1 > span.0 && folded.as_bytes()[span.1 - 1] == b'\'' {
                span.1 -= 1;
            }
        }
        Text {
            folded,
            words: spans,
        }
    }

    /// The whole text, folded.
    pub fn as_str(&self) -> &str {
        &self.folded
    }

    /// The number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn word(&self, i: usize) -> &str {
        let (start, end, _) = self.words[i];
        &self.folded[start..end]
    }

    /// The byte range of word `i` in [`Text::as_str`].
    pub fn span(&self, i: usize) -> (usize, usize) {
        let (start, end, _) = self.words[i];
        (start, end)
    }

    pub fn clause(&self, i: usize) -> u16 {
        self.words[i].2
    }

    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(|&(s, e, _)| &self.folded[s..e])
    }

    /// A word of `from`, then a word of `to` at most `window` words on in
    /// the same clause, with no word of `stop` between: the words from the
    /// one to the other ("looking for entry level roles").
    pub fn near(
        &self,
        from: &[&str],
        to: &[&str],
        stop: &[&str],
        window: usize,
    ) -> Option<Said<'_>> {
        (0..self.len()).find_map(|i| {
            if !is_one_of(self.word(i), from) {
                return None;
            }
            let last = (i + window).min(self.len() - 1);
            let end = (i + 1..=last)
                .take_while(|&k| self.clause(k) == self.clause(i) && !is_one_of(self.word(k), stop))
                .find(|&k| is_one_of(self.word(k), to))?;
            Some(Said {
                text: self,
                first: i,
                last: end,
            })
        })
    }
}

/// Whether `word` is one of `list`: every word of every note and headline
/// is looked for in the lists of [`Text::near`].
fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| same_word(w, word))
}

/// Whether two words are the same, compared byte by byte in place rather
/// than by a call: most words are short, and most pairs differ in length.
pub(crate) fn same_word(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

/// Words `first..=last` of a text, a space between each: written only when
/// shown, since a summary of a score writes no reason's words.
#[derive(Clone, Copy)]
pub(crate) struct Said<'a> {
    text: &'a Text,
    first: usize,
    last: usize,
}

impl fmt::Display for Said<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for k in self.first..=self.last {
            if k > self.first {
                f.write_char(' ')?;
            }
            f.write_str(self.text.word(k))?;
        }
        Ok(())
    }
}

/// The words of `text`: runs of letters and digits. Apostrophes stay inside
/// a word ("O'Brien", "I'd") so that they never split one into two.
pub(crate) fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = first_char(text, at, char::is_alphanumeric)?;
        let end = first_char(text, start, |c| !c.is_alphanumeric() && !is_apostrophe(c))
            .unwrap_or(text.len());
        at = end;
        Some((start, &text[start..end]))
    })
}

/// Where the first character of `text` from byte `from` on is `wanted`:
/// the words of every name, headline and note are cut with it, and most
/// of their characters are ASCII, read as bytes with nothing to decode.
fn first_char(text: &str, from: usize, wanted: impl Fn(char) -> bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = from;
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() {
            if wanted(char::from(b)) {
                return Some(at);
            }
            at += 1;
        } else {
            let c = text.get(at..)?.chars().next()?;
            if wanted(c) {
                return Some(at);
            }
            at += c.len_utf8();
        }
    }
    None
}

pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Whether two words are the same ignoring case, diacritics and
/// apostrophes: "I'd" is "id", "Résumé" is "resume".
pub(crate) fn word_is(word: &str, other: &str) -> bool {
    // ASCII folds to its lowercase, and its only apostrophe is '.
    if word.is_ascii() && other.is_ascii() {
        fn letters(w: &str) -> impl Iterator<Item = u8> + '_ {
            w.bytes()
                .filter(|&b| b != b'\'')
                .map(|b| b.to_ascii_lowercase())
        }
        return letters(word).eq(letters(other));
    }
    let mut letters = word.chars().filter(|&c| !is_apostrophe(c)).flat_map(fold);
    let mut expected = other.chars().filter(|&c| !is_apostrophe(c)).flat_map(fold);
    loop {
        match (letters.next(), expected.next()) {
            (None, None) => return true,
            (Some(a), Some(b)) if a == b => {}
            _ => return false,
        }
    }
}

/// Whether `phrase` is in `haystack` (both folded) as whole words: "hire"
/// is not in "hired", "book a call" is in "let's book a call!".
pub(crate) fn has_phrase(haystack: &str, phrase: &str) -> bool {
    haystack.match_indices(phrase).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + phrase.len()..].chars().next();
        let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        edge(before) && edge(after)
    })
}

/// `text` shortened to at most `max` characters, with an ellipsis when cut;
/// written only when shown, like [`Said`].
pub(crate) fn quote(text: &str, max: usize) -> Quote<'_> {
    Quote { text, max }
}

/// What [`quote`] gives.
#[derive(Clone, Copy)]
pub(crate) struct Quote<'a> {
    text: &'a str,
    max: usize,
}

impl fmt::Display for Quote<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.text.chars().count() <= self.max {
            return f.write_str(self.text);
        }
        for c in self.text.chars().take(self.max.saturating_sub(1)) {
            f.write_char(c)?;
        }
        f.write_char('…')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_apostrophes_and_split_on_everything_else() {
        let found: Vec<&str> = words("O'Brien, Jean-Luc (CPA) I’d")
            .map(|(_, w)| w)
            .collect();
        assert_eq!(found, ["O'Brien", "Jean", "Luc", "CPA", "I’d"]);
    }

    #[test]
    fn word_is_ignores_case_diacritics_and_apostrophes() {
        assert!(word_is("Résumé", "resume"));
        assert!(word_is("I'd", "id"));
        assert!(!word_is("Resumes", "resume"));
    }

    #[test]
    fn latin_letters_fold_to_their_plain_spelling() {
        assert_eq!(
            folded("Straße ÆSIR Œuvre Ștefan Țară"),
            "strasse aesir oeuvre stefan tara"
        );
        assert_eq!(
            folded("Nguyễn Đức Łukasz Þór İpek"),
            "nguyen duc lukasz thor ipek"
        );
        assert!(word_is("STRASSE", "Straße"));
    }

    #[test]
    fn other_scripts_are_only_lowercased() {
        assert_eq!(
            folded("王若汐 Андрей ΜΑΡΙΑ محمد สมชาย"),
            "王若汐 андрей μαρια محمد สมชาย"
        );
        // Latin letters with no plain spelling in letters stay as they are.
        assert_eq!(folded("Məmmədov"), "məmmədov");
    }

    #[test]
    fn a_longer_folding_keeps_words_whole() {
        let text = Text::new("Weiß-Æbelø, CEO");
        let found: Vec<&str> = text.words().collect();
        assert_eq!(found, ["weiss", "aebelo", "ceo"]);
        assert_eq!(text.span(1), (6, 12));
    }

    #[test]
    fn phrases_match_whole_words_only() {
        assert!(has_phrase("let's book a call!", "book a call"));
        assert!(!has_phrase("we hired", "hire"));
    }

    #[test]
    fn a_text_knows_its_words_and_clauses() {
        let text = Text::new("I’m at Acme, a FAIR employer");
        let found: Vec<&str> = text.words().collect();
        assert_eq!(found, ["i'm", "at", "acme", "a", "fair", "employer"]);
        assert_eq!((text.clause(2), text.clause(3)), (0, 1));
        assert_eq!(text.as_str(), "i'm at acme, a fair employer");
    }

    #[test]
    fn quote_cuts_with_an_ellipsis() {
        assert_eq!(quote("abcdef", 4).to_string(), "abc…");
        assert_eq!(quote("abc", 4).to_string(), "abc");
    }
}
