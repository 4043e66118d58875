//! Finds the pieces of a queue file in the part of it read so far: each
//! invitation's own text, and the envelope's other members (`format`,
//! `version`, `owner`, whatever else), so that the file never has to be
//! held whole.
//!
//! It checks only what lies between the pieces (brackets, commas, colons,
//! whitespace); each piece is checked when serde reads it. Anything it does
//! not expect (a key written with an escape, `invitations` twice, a comma
//! before a closing bracket, text after the end, a file cut short) is
//! [`Step::Irregular`], and the caller reads the file the careful way,
//! which tells what is wrong, where.

use std::ops::Range;

use memchr::memchr2;

/// What the next piece is, at byte ranges of the bytes given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Piece {
    /// A member of the envelope other than `invitations`: its key (within
    /// the quotes) and its value, to be read with the envelope.
    Member {
        key: Range<usize>,
        value: Range<usize>,
    },
    /// One element of the invitations array.
    Invitation(Range<usize>),
    /// The queue is whole, and nothing but whitespace follows it.
    End,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Step {
    Found(Piece),
    /// The bytes end within the next piece: more are needed.
    More,
    Irregular,
}

/// Where the splitter stands: what it expects next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// The very start, where a byte order mark may stand.
    Start,
    /// Before the queue: an object or a bare array.
    Top,
    /// In the envelope, before a key (`first`: right after the `{`).
    Key { first: bool },
    /// In the envelope, after a member.
    AfterMember,
    /// In the invitations array, before one (`first`: right after the `[`).
    Item { first: bool },
    /// In the invitations array, after one.
    AfterItem,
    /// After the queue.
    Done,
}

/// A splitter over a file read from its start into a buffer. Everything
/// before [`Splitter::at`] is used and may be dropped from the buffer, the
/// rest moved to its start, if the splitter is told with
/// [`Splitter::dropped`].
#[derive(Debug)]
pub(super) struct Splitter {
    state: State,
    /// The next byte to look at, in the bytes given.
    at: usize,
    /// The queue is a bare array (rather than an envelope).
    bare: bool,
    /// The envelope's `invitations` has been read.
    invitations: bool,
}

const BOM: &[u8] = "\u{feff}".as_bytes();

impl Default for Splitter {
    fn default() -> Self {
        Splitter {
            state: State::Start,
            at: 0,
            bare: false,
            invitations: false,
        }
    }
}

impl Splitter {
    /// The bytes before this one are used.
    pub(super) fn at(&self) -> usize {
        self.at
    }

    /// The queue is a bare array of invitations, with no envelope.
    pub(super) fn bare(&self) -> bool {
        self.bare
    }

    /// The first `count` bytes were dropped from the buffer.
    pub(super) fn dropped(&mut self, count: usize) {
        self.at -= count;
    }

    /// The next piece in `bytes` (the buffer, the same bytes as before
    /// followed by more, less those dropped); `end` says the file ends
    /// with them. Each call goes on from the piece found before.
    pub(super) fn next(&mut self, bytes: &[u8], end: bool) -> Step {
        loop {
            if self.state == State::Start {
                let rest = &bytes[self.at..];
                if !end && rest.len() < BOM.len() && BOM.starts_with(rest) {
                    return Step::More;
                }
                if rest.starts_with(BOM) {
                    self.at += BOM.len();
                }
                self.state = State::Top;
            }
            self.at = skip_whitespace(bytes, self.at);
            let Some(&byte) = bytes.get(self.at) else {
                return match (self.state, end) {
                    (State::Done, true) => Step::Found(Piece::End),
                    (_, true) => Step::Irregular,
                    (_, false) => Step::More,
                };
            };
            match (self.state, byte) {
                (State::Top, b'{') => self.state = State::Key { first: true },
                (State::Top, b'[') => {
                    self.bare = true;
                    self.state = State::Item { first: true };
                }
                (State::Key { first: true }, b'}') | (State::AfterMember, b'}')
                    if self.invitations =>
                {
                    self.state = State::Done;
                }
                (State::Key { .. }, b'"') => match self.member(bytes, end) {
                    Some(step) => return step,
                    None => continue,
                },
                (State::AfterMember, b',') => self.state = State::Key { first: false },
                (State::Item { first: true }, b']') | (State::AfterItem, b']') => {
                    self.state = if self.bare {
                        State::Done
                    } else {
                        State::AfterMember
                    };
                }
                (State::Item { .. }, b'{') => {
                    return match nested_end(&bytes[self.at..]) {
                        Some(length) => {
                            let start = self.at;
                            self.at += length;
                            self.state = State::AfterItem;
                            Step::Found(Piece::Invitation(start..self.at))
                        }
                        None => more_or_irregular(end),
                    };
                }
                (State::AfterItem, b',') => self.state = State::Item { first: false },
                _ => return Step::Irregular,
            }
            self.at += 1;
        }
    }

    /// A member of the envelope, from its key's opening quote at `at`: a
    /// piece, or, for `invitations`, nothing yet: the array is entered.
    fn member(&mut self, bytes: &[u8], end: bool) -> Option<Step> {
        let Some(key_end) = string_end(bytes, self.at + 1) else {
            return Some(more_or_irregular(end));
        };
        let key = self.at + 1..key_end - 1;
        if bytes[key.clone()].contains(&b'\\') {
            return Some(Step::Irregular);
        }
        let colon = skip_whitespace(bytes, key_end);
        match bytes.get(colon) {
            Some(b':') => {}
            Some(_) => return Some(Step::Irregular),
            None => return Some(more_or_irregular(end)),
        }
        let start = skip_whitespace(bytes, colon + 1);
        let Some(&first) = bytes.get(start) else {
            return Some(more_or_irregular(end));
        };
        if &bytes[key.clone()] == b"invitations" {
            if self.invitations || first != b'[' {
                return Some(Step::Irregular);
            }
            self.invitations = true;
            self.at = start + 1;
            self.state = State::Item { first: true };
            return None;
        }
        let length = match first {
            b'"' => string_end(&bytes[start..], 1),
            b'{' | b'[' => nested_end(&bytes[start..]),
            b',' | b'}' | b']' | b':' => return Some(Step::Irregular),
            _ => bytes[start..].iter().position(|&b| is_delimiter(b)),
        };
        Some(match length {
            Some(length) => {
                self.at = start + length;
                self.state = State::AfterMember;
                Step::Found(Piece::Member {
                    key,
                    value: start..self.at,
                })
            }
            None => more_or_irregular(end),
        })
    }
}

/// Bytes that run out within a piece: more to come, or a file cut short.
fn more_or_irregular(end: bool) -> Step {
    if end { Step::Irregular } else { Step::More }
}

/// JSON's whitespace: space, tab, line feed, carriage return.
fn is_whitespace(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r')
}

/// What ends a number or a literal (`true`, `null`).
fn is_delimiter(byte: u8) -> bool {
    is_whitespace(byte) || matches!(byte, b',' | b'}' | b']')
}

/// The first byte from `from` on that is not whitespace, or the end.
fn skip_whitespace(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| !is_whitespace(b))
        .map_or(bytes.len(), |skip| from + skip)
}

/// Just past the quote that closes a string whose text starts at `from`,
/// if the bytes hold it; escapes are stepped over, text jumped with memchr.
fn string_end(bytes: &[u8], mut from: usize) -> Option<usize> {
    loop {
        from += memchr2(b'"', b'\\', bytes.get(from..)?)?;
        if bytes[from] == b'"' {
            return Some(from + 1);
        }
        // A backslash and the byte it escapes (the hex digits of a `\u`
        // are neither a quote nor a backslash).
        from += 2;
    }
}

/// The length of the object or array that `bytes` starts with, if the
/// bytes hold its end: brackets are counted outside strings. A mismatched
/// bracket is left for serde to find in the piece.
fn nested_end(bytes: &[u8]) -> Option<usize> {
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        at += 1;
        match byte {
            b'"' => at = string_end(bytes, at)?,
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(at);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests;
