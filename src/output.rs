//! Text bound for stdout and stderr gets the screen's cleaning.
//!
//! Imported text is cleaned on the way in, but what the command line prints
//! also quotes what never went through an import: a config value in an
//! error, a template's body and `about`, a folder's name in a warning, a
//! journal's record. Whatever it quotes, the terminal must receive no
//! escape sequence (7- or 8-bit), control character, bidi override or
//! zero-width character.

use std::fmt::Write as _;
use std::io;

use crate::import::clean::{is_hidden, printable_chars};

/// Writes `line` cleaned as [`terminal_text`] says, then a line break.
pub fn write_line(out: &mut impl io::Write, line: &str) -> io::Result<()> {
    writeln!(out, "{}", terminal_text(line))
}

/// `text` as the terminal may receive it: what the screen's cleaning drops
/// is dropped; line breaks and tabs stay, so that a template's body or a
/// table keeps its layout, and nothing is capped.
pub fn terminal_text(text: &str) -> String {
    printable_chars(text).collect()
}

/// JSON text with every character the terminal must not receive written as
/// a `\uXXXX` escape: the same data for a JSON reader, and nothing raw for
/// a terminal. (`serde_json` escapes C0 controls only, not C1 controls,
/// bidi overrides or zero-width characters.)
///
/// Outside its strings JSON is ASCII, with line breaks and spaces between
/// tokens; so every such character stands inside a string, where an escape
/// means the same character. Text with none (nearly all: imported text is
/// cleaned already) is handed back as it is, without a copy.
pub fn json_text(json: String) -> String {
    let Some(first) = first_to_escape(&json) else {
        return json;
    };
    let mut out = String::with_capacity(json.len() + 64);
    out.push_str(&json[..first]);
    for c in json[first..].chars() {
        if needs_escape(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{unit:04x}");
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Where the first character to escape begins, if any. A pass over the
/// bytes that looks closer only at a control or a non-ASCII character: the
/// check costs a fraction of the serialising even at 100,000 invitations.
fn first_to_escape(json: &str) -> Option<usize> {
    let bytes = json.as_bytes();
    let mut at = 0;
    while let Some(skip) = bytes[at..]
        .iter()
        .position(|&b| (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t')) || b >= 0x7f)
    {
        at += skip;
        let c = json[at..].chars().next()?;
        if needs_escape(c) {
            return Some(at);
        }
        at += c.len_utf8();
    }
    None
}

/// Whether `c` is written as an escape; ASCII, nearly all of JSON, is
/// told apart first and cheaply.
fn needs_escape(c: char) -> bool {
    if c.is_ascii() {
        // Line breaks and tabs between tokens are JSON's own; within a
        // string `serde_json` has escaped them already.
        return c.is_ascii_control() && !matches!(c, '\n' | '\r' | '\t');
    }
    is_hidden(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_text_drops_escapes_and_keeps_the_layout() {
        let raw = "Hi \u{1b}]0;pwned\u{07}{first_name},\n\n\tsee \u{9b}31myou\u{202e} \u{200b}soon";
        assert_eq!(terminal_text(raw), "Hi {first_name},\n\n\tsee you soon");
    }

    #[test]
    fn json_text_escapes_what_the_terminal_must_not_see_and_reads_the_same() {
        let value = serde_json::json!({"name": "a\u{9b}31m\u{202e}b\u{200b}\u{e0041}\u{2028}c"});
        let json = serde_json::to_string_pretty(&value).expect("JSON");
        let escaped = json_text(json);
        assert!(
            escaped.chars().all(|c| c == '\n' || !is_hidden(c)),
            "{escaped:?}"
        );
        assert!(escaped.contains("\\u009b") && escaped.contains("\\udb40\\udc41"));
        let back: serde_json::Value = serde_json::from_str(&escaped).expect("still JSON");
        assert_eq!(back, value);
    }

    #[test]
    fn clean_json_is_handed_back_without_a_copy() {
        let json = "[\n  {\"name\": \"Ana \\u001b Ruiz\"}\n]\n".to_string();
        let (at, text) = (json.as_ptr(), json.clone());
        let out = json_text(json);
        assert_eq!(out, text);
        assert_eq!(out.as_ptr(), at);
    }
}
