//! Cleaning of untrusted text, done once as it is imported.
//!
//! Names, headlines and notes come from strangers. Whatever they hold, the
//! terminal must only ever receive printable text laid out by us: no escape
//! sequence (7- or 8-bit), no control character, no bidi override that would
//! reorder what the reviewer reads, no zero-width character that hides text.

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
    cap_chars(out, cap)
}

/// Cleans a multi-line field: line breaks are kept (at most one blank line in
/// a row), tabs become spaces, each line is trimmed at its end, and the whole
/// is trimmed and capped at `cap` characters.
pub fn clean_text(raw: &str, cap: usize) -> String {
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
    cap_chars(out, cap)
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
            | '\u{fff9}'..='\u{fffb}' | '\u{e0000}'..='\u{e007f}')
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
    fn unterminated_sequences_swallow_only_their_own_text() {
        assert_eq!(clean_line("ok\u{1b}]0;never ends", 50), "ok");
        assert_eq!(clean_line("ok\u{1b}", 50), "ok");
    }
}
