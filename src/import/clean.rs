//! Cleaning of untrusted text, done once as it is imported.
//!
//! Names, headlines and notes come from strangers. Whatever they hold, the
//! terminal must only ever receive printable text laid out by us: no escape
//! sequence (7- or 8-bit), no control character, no bidi override that would
//! reorder what the reviewer reads, no zero-width character that hides text.
//! Characters drawn as blank space (Hangul fillers, the blank braille cell)
//! are spaces, and a name that would show nothing says so.

use std::borrow::Cow;

use unicode_width::UnicodeWidthChar;

use crate::model::NO_VISIBLE_NAME;

/// Longest name kept, in characters.
pub const NAME_CAP: usize = 120;
/// Longest one-line field (headline, company, location, URL) kept.
pub const LINE_CAP: usize = 300;
/// Longest multi-line field (invitation note, about) kept.
pub const TEXT_CAP: usize = 3000;

const TAB_WIDTH: usize = 4;
const ELLIPSIS: char = '…';

/// Cleans a one-line field: every kind of line break and run of spaces
/// becomes one space; the result is trimmed and capped at `cap` characters.
pub fn clean_line(raw: &str, cap: usize) -> String {
    clean_line_cow(raw, cap).into_owned()
}

/// [`clean_line`], borrowing text that is clean already, as most is: an
/// invitation's text is then copied once, into the queue.
pub fn clean_line_cow(raw: &str, cap: usize) -> Cow<'_, str> {
    let single_spaced = || !raw.as_bytes().windows(2).any(|pair| pair == b"  ");
    if is_plain(raw, cap) && single_spaced() {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len().min(cap * 4));
    let mut pending_space = false;
    for c in printable_chars(raw) {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    Cow::Owned(cap_chars(out, cap))
}

/// Cleans a multi-line field: line breaks are kept (at most one blank line in
/// a row), tabs become spaces, each line is trimmed at its end, and the whole
/// is trimmed and capped at `cap` characters.
pub fn clean_text(raw: &str, cap: usize) -> String {
    clean_text_cow(raw, cap).into_owned()
}

/// [`clean_text`], borrowing text that is clean already.
pub fn clean_text_cow(raw: &str, cap: usize) -> Cow<'_, str> {
    if is_plain(raw, cap) {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len().min(cap * 4));
    let mut newlines = 0usize;
    let mut column = 0usize;
    for c in printable_chars(raw) {
        match c {
            '\n' => {
                trim_end_spaces(&mut out);
                newlines += 1;
                column = 0;
            }
            c if c.is_whitespace() => {
                let width = if c == '\t' {
                    TAB_WIDTH - column % TAB_WIDTH
                } else {
                    1
                };
                if flush_newlines(&mut out, &mut newlines) {
                    out.extend(std::iter::repeat_n(' ', width));
                    column += width;
                }
            }
            c => {
                flush_newlines(&mut out, &mut newlines);
                out.push(c);
                column += 1;
            }
        }
    }
    // Blank space after the last line break flushed that break: trimming
    // the spaces alone would leave it, and cleaning again would not.
    let kept = out.trim_end().len();
    out.truncate(kept);
    Cow::Owned(cap_chars(out, cap))
}

/// Whether `raw` is already clean, as most text is: printable ASCII on
/// one line, not beginning or ending with a space, within `cap`. Cleaning
/// it would give it back unchanged, so it is taken as it is.
fn is_plain(raw: &str, cap: usize) -> bool {
    raw.len() <= cap
        && !raw.starts_with(' ')
        && !raw.ends_with(' ')
        && raw.bytes().all(|b| (b' '..=b'~').contains(&b))
}

/// A name, cleaned as a one-line field. A name whose characters would all
/// show as nothing (Hangul fillers, a lone accent, a variation selector,
/// zero-width or blank characters) is [`NO_VISIBLE_NAME`], so that no row
/// of the list is blank; one with no characters at all stays empty, for the
/// caller to treat as missing.
pub fn clean_name(raw: &str) -> String {
    clean_name_cow(raw).into_owned()
}

/// [`clean_name`], borrowing a name that is clean already.
pub fn clean_name_cow(raw: &str) -> Cow<'_, str> {
    let name = clean_line_cow(raw, NAME_CAP);
    if !shows_nothing(&name) {
        name
    } else if raw.chars().all(char::is_whitespace) {
        Cow::Borrowed("")
    } else {
        Cow::Borrowed(NO_VISIBLE_NAME)
    }
}

/// Like [`clean_name`], but `None` when nothing at all was given.
pub fn clean_optional_name(raw: Option<&str>) -> Option<String> {
    raw.map(clean_name).filter(|name| !name.is_empty())
}

/// Whether `text` would show nothing on a terminal: only spaces and
/// characters of no width, such as accents with nothing to sit on.
pub fn shows_nothing(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || c.width().is_none_or(|width| width == 0))
}

/// Like [`clean_line`], but `None` when nothing printable is left.
pub fn clean_optional_line(raw: Option<&str>, cap: usize) -> Option<String> {
    raw.map(|s| clean_line(s, cap)).filter(|s| !s.is_empty())
}

/// Like [`clean_text`], but `None` when nothing printable is left.
pub fn clean_optional_text(raw: Option<&str>, cap: usize) -> Option<String> {
    raw.map(|s| clean_text(s, cap)).filter(|s| !s.is_empty())
}

/// Writes the line breaks held back so far (at most two) and says whether
/// the output has begun, so that leading blank space is never written.
fn flush_newlines(out: &mut String, newlines: &mut usize) -> bool {
    if out.is_empty() {
        *newlines = 0;
        return false;
    }
    out.extend(std::iter::repeat_n('\n', (*newlines).min(2)));
    *newlines = 0;
    true
}

fn trim_end_spaces(out: &mut String) {
    let kept = out.trim_end_matches(' ').len();
    out.truncate(kept);
}

fn cap_chars(text: String, cap: usize) -> String {
    match text.char_indices().nth(cap.saturating_sub(1)) {
        Some((cut, _)) if text[cut..].chars().nth(1).is_some() => {
            let mut kept = text[..cut].trim_end().to_string();
            kept.push(ELLIPSIS);
            kept
        }
        _ => text,
    }
}

/// The characters of `raw` that may reach a terminal: escape sequences are
/// dropped whole, line breaks of every kind become `'\n'`, tabs stay `'\t'`,
/// and every other control, format-only or invisible character is dropped.
pub(crate) fn printable_chars(raw: &str) -> impl Iterator<Item = char> + '_ {
    let mut chars = raw.chars().peekable();
    std::iter::from_fn(move || {
        loop {
            let c = chars.next()?;
            match c {
                '\u{1b}' => skip_escape(&mut chars),
                '\u{9b}' => skip_csi(&mut chars),
                '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
                '\r' => {
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    return Some('\n');
                }
                '\n' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                    return Some('\n');
                }
                '\t' => return Some('\t'),
                c if is_blank(c) => return Some(' '),
                c if is_hidden(c) => {}
                c => return Some(c),
            }
        }
    })
}

/// Controls, bidi controls, zero-width and other invisible format characters.
pub(crate) fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
            | '\u{200b}'..='\u{200d}' | '\u{2060}'..='\u{2064}' | '\u{feff}'
            | '\u{00ad}' | '\u{034f}' | '\u{180e}' | '\u{206a}'..='\u{206f}'
            | '\u{fff9}'..='\u{fffb}' | '\u{e0000}'..='\u{e007f}'
            | '\u{17b4}' | '\u{17b5}' | '\u{1bca0}'..='\u{1bca3}' | '\u{1d173}'..='\u{1d17a}')
}

/// Letters and symbols that are drawn as blank space: the Hangul fillers,
/// the blank braille cell, the null notehead. They read as spaces.
fn is_blank(c: char) -> bool {
    matches!(
        c,
        '\u{115f}' | '\u{1160}' | '\u{3164}' | '\u{ffa0}' | '\u{2800}' | '\u{1d159}'
    )
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// After ESC: a CSI (`ESC [`), a string (OSC, DCS, SOS, PM, APC) or a
/// two-character escape.
fn skip_escape(chars: &mut Chars) {
    match chars.next() {
        Some('[') => skip_csi(chars),
        Some(']' | 'P' | 'X' | '^' | '_') => skip_string(chars),
        _ => {}
    }
}

/// Parameters and intermediates up to and including the final byte.
fn skip_csi(chars: &mut Chars) {
    while let Some(&c) = chars.peek() {
        if !('\u{20}'..='\u{3f}').contains(&c) {
            if ('\u{40}'..='\u{7e}').contains(&c) {
                chars.next();
            }
            return;
        }
        chars.next();
    }
}

/// Everything up to the string terminator (BEL, `ESC \` or 8-bit ST).
fn skip_string(chars: &mut Chars) {
    while let Some(c) = chars.next() {
        match c {
            '\u{07}' | '\u{9c}' => return,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_dropped_whole() {
        let raw =
            "Ann\u{1b}]52;c;ZWNobyBoaQ==\u{07}a \u{1b}]0;pwned\u{1b}\\Lee\u{1b}[31m!\u{1b}[0m";
        assert_eq!(clean_line(raw, NAME_CAP), "Anna Lee!");
    }

    #[test]
    fn osc8_links_keep_only_their_visible_text() {
        let raw = "\u{1b}]8;;https://evil.example\u{1b}\\click\u{1b}]8;;\u{1b}\\ me";
        assert_eq!(clean_line(raw, LINE_CAP), "click me");
    }

    #[test]
    fn eight_bit_controls_are_dropped() {
        let raw = "a\u{9b}31mb\u{9d}0;title\u{9c}c\u{85}d";
        assert_eq!(clean_line(raw, LINE_CAP), "abc d");
    }

    #[test]
    fn bidi_and_zero_width_characters_are_dropped() {
        let raw = "\u{202e}evil\u{202c} na\u{200b}me\u{2066}x\u{2069}\u{feff}\u{200f}";
        assert_eq!(clean_line(raw, NAME_CAP), "evil namex");
    }

    #[test]
    fn one_line_fields_fold_breaks_and_spaces() {
        assert_eq!(
            clean_line("  Sales\r\n\tlead  at\u{2028}Acme ", 50),
            "Sales lead at Acme"
        );
    }

    #[test]
    fn notes_keep_lines_but_not_runs_of_blank_lines() {
        let raw = "\n\nHi Jason,\r\n\r\n\r\n\r\nWe met\tat  the class.  \n-- Ann\n\n";
        assert_eq!(
            clean_text(raw, TEXT_CAP),
            "Hi Jason,\n\nWe met  at  the class.\n-- Ann"
        );
    }

    #[test]
    fn plain_text_is_taken_as_it_is_and_only_plain_text() {
        assert_eq!(clean_line("Ana Ruiz", NAME_CAP), "Ana Ruiz");
        assert_eq!(clean_text("We met, twice.", TEXT_CAP), "We met, twice.");
        assert_eq!(
            clean_text("a  b", TEXT_CAP),
            "a  b",
            "a note keeps its spaces"
        );
        assert_eq!(clean_line("a  b", 10), "a b", "a line folds them");
        assert_eq!(clean_line(" a ", 10), "a");
        assert_eq!(clean_line("abcd", 4), "abcd", "at the cap");
        assert_eq!(clean_line("abcde", 4), "abc…", "past it");
        assert_eq!(clean_line("a\u{7f}b", 4), "ab", "DEL is not printable");
    }

    #[test]
    fn a_note_ending_in_a_break_and_blank_space_is_trimmed_whole() {
        assert_eq!(clean_text("Hi\n\t", TEXT_CAP), "Hi");
        assert_eq!(clean_text("Hi\r\n  \n \t", TEXT_CAP), "Hi");
        let once = clean_text("\u{e000}\n\t", TEXT_CAP);
        assert_eq!(
            clean_text(&once, TEXT_CAP),
            once,
            "cleaning twice changes nothing"
        );
    }

    #[test]
    fn long_fields_are_capped_with_an_ellipsis() {
        assert_eq!(clean_line("abcdefghij", 5), "abcd…");
        assert_eq!(clean_line("abcde", 5), "abcde");
        assert_eq!(clean_line("ab cdefg", 4), "ab…");
    }

    #[test]
    fn nothing_printable_is_none() {
        assert_eq!(clean_optional_line(Some("\u{200b}\u{1b}[0m "), 10), None);
        assert_eq!(clean_optional_text(None, 10), None);
    }

    #[test]
    fn characters_drawn_blank_are_spaces() {
        assert_eq!(
            clean_line("Ann\u{3164}Lee\u{2800}\u{115f}\u{1160}x\u{ffa0}", NAME_CAP),
            "Ann Lee x"
        );
        assert_eq!(
            clean_text("a\u{2800}\u{2800}b\u{1d173}c\u{17b4}", TEXT_CAP),
            "a  bc"
        );
    }

    #[test]
    fn a_name_that_would_show_nothing_shows_a_placeholder() {
        for invisible in [
            "\u{3164}",
            "\u{115f}\u{1160}",
            "\u{ffa0}\u{ffa0}",
            "\u{2800}",
            "\u{180e}\u{2060}\u{2064}\u{206a}\u{206f}",
            "\u{fe0f}\u{fe00}",
            "\u{e0041}\u{e0100}",
            "\u{1d159}\u{1d173}\u{1d17a}",
            "\u{0301}\u{0308}",
            "\u{200b}\u{1b}[0m",
            "\u{17b4}\u{1bca0}",
        ] {
            assert_eq!(clean_name(invisible), NO_VISIBLE_NAME, "{invisible:?}");
            assert_eq!(
                clean_optional_name(Some(invisible)).as_deref(),
                Some(NO_VISIBLE_NAME)
            );
        }
        // Spaces alone are no name at all, as ASCII spaces are.
        assert_eq!(clean_name("  \t"), "");
        assert_eq!(clean_name("\u{3000}\u{2003}\u{200a}"), "");
        assert_eq!(clean_optional_name(Some(" ")), None);
        assert_eq!(clean_name("Jos\u{e9} \u{3164}"), "Jos\u{e9}");
        assert_eq!(clean_name("\u{2764}\u{fe0f}"), "\u{2764}\u{fe0f}");
        assert_eq!(clean_name("e\u{0301}"), "e\u{0301}");
        assert_eq!(clean_name("\u{674e}"), "\u{674e}");
    }

    #[test]
    fn unterminated_sequences_swallow_only_their_own_text() {
        assert_eq!(clean_line("ok\u{1b}]0;never ends", 50), "ok");
        assert_eq!(clean_line("ok\u{1b}", 50), "ok");
    }
}
