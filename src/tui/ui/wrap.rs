//! Words laid into lines of a width, for text whose continuation lines
//! hang under a column (the help's descriptions, the status message), which
//! ratatui's own wrapping cannot do.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `text`'s words in lines of at most `first` columns, then `rest`; a word
/// wider than a line is cut where the line ends. Never empty.
pub fn wrap(text: &str, first: usize, rest: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut room = first.max(1);
    for word in text.split_whitespace() {
        let last = lines.len() - 1;
        let used = lines[last].width();
        let gap = usize::from(used > 0);
        if used + gap + word.width() <= room {
            if gap == 1 {
                lines[last].push(' ');
            }
            lines[last].push_str(word);
            continue;
        }
        if used > 0 {
            lines.push(String::new());
            room = rest.max(1);
        }
        for c in word.chars() {
            let last = lines.len() - 1;
            let width = c.width().unwrap_or(0);
            if lines[last].width() + width > room && !lines[last].is_empty() {
                lines.push(String::new());
                room = rest.max(1);
            }
            let last = lines.len() - 1;
            lines[last].push(c);
        }
    }
    lines
}

/// How many columns `text` takes on screen.
pub fn width(text: &str) -> usize {
    text.width()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fill_the_first_line_then_the_rest() {
        assert_eq!(wrap("one two three four", 7, 10), ["one two", "three four"]);
        assert_eq!(wrap("one two three", 20, 5), ["one two three"]);
        assert_eq!(wrap("", 5, 5), [""]);
    }

    #[test]
    fn a_word_wider_than_a_line_is_cut_at_the_line_end() {
        assert_eq!(
            wrap("see https://example.com/long", 8, 8),
            ["see", "https://", "example.", "com/long"]
        );
        assert_eq!(wrap("王芳王芳", 4, 4), ["王芳", "王芳"]);
    }
}
