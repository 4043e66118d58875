//! An mbox split into its messages while it is read, so that only one
//! message is ever held in memory, however big the mailbox.
//!
//! Writers do not all escape body lines that begin with "From ", so a line
//! starts a message only when it has the separator's whole shape (`From`,
//! a sender, an asctime date) and follows a blank line.

use std::io::{self, BufRead};

use super::MailError;
use super::sniff::problem;

/// The most of one message kept: far beyond any invitation e-mail, and a
/// bound on memory whatever the input holds.
pub(super) const MAX_MESSAGE: usize = 32 * 1024 * 1024;

/// One message's bytes, unescaped.
#[derive(Debug, Default)]
pub(super) struct RawMessage {
    pub bytes: Vec<u8>,
    /// The message was longer than `MAX_MESSAGE`: only its start is here.
    pub truncated: bool,
}

pub(super) struct Splitter<R> {
    reader: R,
    line: Vec<u8>,
    /// A separator was read and its message not yet.
    pending: bool,
}

impl<R: BufRead> Splitter<R> {
    /// Reads up to the first separator, which must open the input (after
    /// blank lines, if any).
    pub fn new(mut reader: R) -> Result<Self, MailError> {
        let mut line = Vec::new();
        let mut number = 0;
        loop {
            if !read_line(&mut reader, &mut line)? {
                return Err(MailError::Invalid(problem(
                    1,
                    "empty: there is no e-mail in it",
                )));
            }
            number += 1;
            let text = if number == 1 {
                line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&line)
            } else {
                &line
            };
            if is_separator(text) {
                break;
            }
            if !is_blank(text) {
                return Err(MailError::Invalid(problem(
                    number,
                    "not an mbox: this line is not a \"From SENDER DATE\" line opening a message",
                )));
            }
        }
        Ok(Splitter {
            reader,
            line,
            pending: true,
        })
    }

    /// The next message, or `None` at the end.
    pub fn next_message(&mut self) -> io::Result<Option<RawMessage>> {
        if !self.pending {
            return Ok(None);
        }
        let mut message = RawMessage::default();
        // A separator right after another one opens an empty message.
        let mut after_blank = true;
        loop {
            if !read_line(&mut self.reader, &mut self.line)? {
                self.pending = false;
                return Ok(Some(message));
            }
            if after_blank && is_separator(&self.line) {
                return Ok(Some(message));
            }
            after_blank = is_blank(&self.line);
            let line = unescape(&self.line);
            if message.bytes.len() + line.len() > MAX_MESSAGE {
                message.truncated = true;
            } else {
                message.bytes.extend_from_slice(line);
            }
        }
    }
}

/// Reads one line, keeping at most `MAX_MESSAGE` bytes of it; `false` at
/// the end of the input.
fn read_line(reader: &mut impl BufRead, line: &mut Vec<u8>) -> io::Result<bool> {
    line.clear();
    let mut read_any = false;
    loop {
        let buffer = match reader.fill_buf() {
            Ok(buffer) => buffer,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if buffer.is_empty() {
            return Ok(read_any);
        }
        read_any = true;
        let (chunk, ends) = match buffer.iter().position(|&b| b == b'\n') {
            Some(newline) => (&buffer[..=newline], true),
            None => (buffer, false),
        };
        let room = MAX_MESSAGE.saturating_sub(line.len());
        line.extend_from_slice(&chunk[..chunk.len().min(room)]);
        let used = chunk.len();
        reader.consume(used);
        if ends {
            return Ok(true);
        }
    }
}

fn is_blank(line: &[u8]) -> bool {
    line.iter().all(u8::is_ascii_whitespace)
}

/// mboxrd escaping: ">From " and ">>From " lose one ">".
fn unescape(line: &[u8]) -> &[u8] {
    let quotes = line.iter().take_while(|&&b| b == b'>').count();
    if quotes > 0 && line[quotes..].starts_with(b"From ") {
        &line[1..]
    } else {
        line
    }
}

/// `From SENDER Mon Nov 24 10:12:03 2026`, with the zone (Google Takeout
/// puts `+0000` before the year) and the sender (Thunderbird writes `-`)
/// in any of their usual forms.
pub(super) fn is_separator(line: &[u8]) -> bool {
    const MOST_TOKENS: usize = 10;
    let Some(rest) = line.strip_prefix(b"From ") else {
        return false;
    };
    let Ok(rest) = std::str::from_utf8(rest) else {
        return false;
    };
    let tokens: Vec<&str> = rest.split_ascii_whitespace().take(MOST_TOKENS).collect();
    (0..=1).any(|sender_tokens| tokens.get(sender_tokens..).is_some_and(is_asctime))
}

/// "Mon Nov 24 10:12:03 2026", "Mon Nov 24 10:12:03 +0000 2026",
/// "Mon Nov 24 10:12 2026 +0100".
fn is_asctime(tokens: &[&str]) -> bool {
    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let [day_name, month, day, time, rest @ ..] = tokens else {
        return false;
    };
    let year = match rest {
        [year, ..] if is_year(year) => true,
        [zone, year, ..] => is_zone(zone) && is_year(year),
        _ => false,
    };
    DAYS.contains(&day_name.to_ascii_lowercase().as_str())
        && MONTHS.contains(&month.to_ascii_lowercase().as_str())
        && is_number_in(day, 1..=31)
        && is_time(time)
        && year
}

fn is_time(text: &str) -> bool {
    let parts: Vec<&str> = text.split(':').collect();
    matches!(parts.len(), 2 | 3)
        && is_number_in(parts[0], 0..=23)
        && parts[1..]
            .iter()
            .all(|part| part.len() == 2 && is_number_in(part, 0..=60))
}

fn is_year(text: &str) -> bool {
    text.len() == 4 && is_number_in(text, 1970..=9999)
}

fn is_zone(text: &str) -> bool {
    let numeric = text.len() == 5
        && text.starts_with(['+', '-'])
        && text[1..].bytes().all(|b| b.is_ascii_digit());
    numeric || (2..=5).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_uppercase())
}

fn is_number_in(text: &str, range: std::ops::RangeInclusive<u32>) -> bool {
    !text.is_empty()
        && text.len() <= 4
        && text.bytes().all(|b| b.is_ascii_digit())
        && text.parse().is_ok_and(|n| range.contains(&n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::Problem;

    #[test]
    fn separators_have_the_whole_shape() {
        for line in [
            "From invitations@linkedin.com Mon Nov 24 10:12:03 2026\n",
            "From MAILER-DAEMON Fri Jul  8 12:08:34 2011\n",
            "From - Mon Nov 24 10:12:03 2026\r\n",
            "From 1783727262632@xxx Wed Nov 27 10:12:03 +0000 2024\n",
            "From ann@example.org Sat Jan  3 01:05 1996 +0100\n",
        ] {
            assert!(is_separator(line.as_bytes()), "{line}");
        }
        for line in [
            "From the team at Acme\n",
            "From: Ann <ann@example.org>\n",
            "From ann Mon Nov 24 2026\n",
            ">From ann Mon Nov 24 10:12:03 2026\n",
            "From ann Mon Foo 24 10:12:03 2026\n",
        ] {
            assert!(!is_separator(line.as_bytes()), "{line}");
        }
    }

    #[test]
    fn messages_split_only_after_a_blank_line() {
        let mbox = "From a Mon Nov 24 10:12:03 2026\nSubject: one\n\n\
                    From the team at Acme\nFrom a Mon Nov 24 10:12:03 2026 (no blank before)\n\
                    >From here, escaped\n\n\
                    From b Tue Nov 25 10:12:03 2026\nSubject: two\n\nbody\n";
        let mut splitter = Splitter::new(mbox.as_bytes()).unwrap();
        let first = splitter.next_message().unwrap().unwrap();
        let first = String::from_utf8(first.bytes).unwrap();
        assert!(first.starts_with("Subject: one\n"));
        assert!(first.contains("\nFrom the team at Acme\n"));
        assert!(first.contains("\nFrom here, escaped\n"));
        let second = splitter.next_message().unwrap().unwrap();
        assert_eq!(second.bytes, b"Subject: two\n\nbody\n");
        assert!(splitter.next_message().unwrap().is_none());
    }

    #[test]
    fn an_input_not_opening_with_a_separator_is_refused() {
        let Err(MailError::Invalid(problem)) = Splitter::new(&b"\nhello\n"[..]) else {
            panic!("accepted");
        };
        assert_eq!((problem.line, problem.column), (2, 1));
        assert!(matches!(
            Splitter::new(&b""[..]),
            Err(MailError::Invalid(Problem { line: 1, .. }))
        ));
    }
}
