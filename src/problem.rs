//! A problem at a place in a file a person can go to: the line and column
//! every reader of user files (queues, exports, pages, e-mails, templates,
//! the config) reports.

use std::fmt;

/// One thing wrong with an input, at a place a person can go to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    pub message: String,
}

impl Problem {
    /// A problem at byte `offset` of `text`.
    pub fn at(text: &str, offset: usize, message: String) -> Problem {
        let (line, column) = position(text, offset);
        Problem {
            line,
            column,
            message,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

/// `bytes` as text; else the problem at the first byte that is not UTF-8,
/// told by line, column and byte offset, since an editor that shows such a
/// file often shows no sign of where.
pub fn utf8(bytes: &[u8]) -> Result<&str, Problem> {
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let valid = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
        let byte = bytes.get(at).copied().unwrap_or_default();
        Problem::at(
            valid,
            at,
            format!("not UTF-8 text: byte {at} is 0x{byte:02X}; save the file as UTF-8"),
        )
    })
}

/// The 1-based line and character column of byte `offset` in `text`.
pub fn position(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_from_one_in_characters() {
        let text = "ab\nçd\n";
        assert_eq!(position(text, 0), (1, 1));
        assert_eq!(position(text, 3), (2, 1));
        assert_eq!(position(text, 5), (2, 2), "ç is one column");
        assert_eq!(position(text, 4), (2, 1), "inside ç: its start");
        assert_eq!(position(text, 99), (3, 1), "past the end: the end");
    }

    #[test]
    fn text_that_is_not_utf8_is_told_by_line_column_and_byte() {
        assert_eq!(utf8(b"ok\n"), Ok("ok\n"));
        let problem = utf8(b"a = 1\nname = \"Jos\xe9\"\n").unwrap_err();
        assert_eq!(
            problem.to_string(),
            "2:12: not UTF-8 text: byte 17 is 0xE9; save the file as UTF-8"
        );
    }
}
