//! Telling an mbox from a single e-mail, and either from anything else, by
//! how the input begins.

use super::mbox::is_separator;
use crate::problem::Problem;

/// How a file holds its mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailFormat {
    /// One message (`.eml`, "Download message"): mail headers from the first line.
    Eml,
    /// Many messages, each after a `From SENDER DATE` line (Thunderbird,
    /// Google Takeout, mutt).
    Mbox,
}

/// How much of the start is looked at: headers are rarely longer.
const SNIFF_LEN: usize = 64 * 1024;
/// Past this many header lines the input is taken as mail if it looked like
/// it so far.
const MOST_HEADER_LINES: usize = 1000;
/// Field names of which one at least opens every real message.
const KNOWN_HEADERS: &[&str] = &[
    "arc-seal",
    "authentication-results",
    "content-type",
    "date",
    "delivered-to",
    "dkim-signature",
    "from",
    "message-id",
    "mime-version",
    "received",
    "reply-to",
    "return-path",
    "sender",
    "subject",
    "to",
    "x-gm-thrid",
    "x-mozilla-status",
    "x-original-to",
];
const BOM: &[u8] = b"\xef\xbb\xbf";

/// The format told from the content, or `None` for anything that is not
/// mail. Only the start is read, so the first bytes of a file are enough.
pub fn sniff(bytes: &[u8]) -> Option<MailFormat> {
    let (_, start) = content_start(bytes);
    if is_separator(first_line(start)) {
        return Some(MailFormat::Mbox);
    }
    check_headers(bytes).is_ok().then_some(MailFormat::Eml)
}

/// Whether `bytes` open with mail headers; if not, why, at the line that
/// shows it.
pub(super) fn check_headers(bytes: &[u8]) -> Result<(), Problem> {
    let cut = bytes.len() > SNIFF_LEN;
    let (skipped_lines, start) = content_start(&bytes[..bytes.len().min(SNIFF_LEN)]);
    if start.is_empty() {
        return Err(problem(1, "empty: there is no e-mail in it"));
    }
    let mut lines: Vec<&[u8]> = start.split(|&b| b == b'\n').collect();
    if cut {
        // The last line may have been cut in the middle of its name.
        lines.pop();
    }
    let mut known = false;
    for (index, line) in lines.iter().enumerate().take(MOST_HEADER_LINES) {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            break;
        }
        if index > 0 && matches!(line.first(), Some(b' ' | b'\t')) {
            continue;
        }
        let Some(name) = field_name(line) else {
            return Err(problem(
                skipped_lines + index + 1,
                "not an e-mail: this line is not a mail header (\"Name: value\")",
            ));
        };
        known |= KNOWN_HEADERS.contains(&name.to_ascii_lowercase().as_str());
    }
    if known {
        Ok(())
    } else {
        Err(problem(
            skipped_lines + 1,
            "not an e-mail: no mail header such as \"From:\" or \"Date:\" at its start",
        ))
    }
}

/// The name of a header line `Name: value`.
fn field_name(line: &[u8]) -> Option<&str> {
    const LONGEST_NAME: usize = 100;
    let colon = line.iter().position(|&b| b == b':')?;
    let name = std::str::from_utf8(&line[..colon])
        .ok()?
        .trim_end_matches([' ', '\t']);
    let valid = !name.is_empty()
        && name.len() <= LONGEST_NAME
        && name.bytes().all(|b| (33..=126).contains(&b));
    valid.then_some(name)
}

/// The input after a byte-order mark and leading blank lines, and how many
/// lines were passed over.
pub(super) fn content_start(bytes: &[u8]) -> (usize, &[u8]) {
    let mut rest = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let mut skipped = 0;
    while let Some(newline) = rest.iter().position(|&b| b == b'\n') {
        if !rest[..newline].iter().all(u8::is_ascii_whitespace) {
            break;
        }
        rest = &rest[newline + 1..];
        skipped += 1;
    }
    (skipped, rest)
}

pub(super) fn first_line(bytes: &[u8]) -> &[u8] {
    bytes.split(|&b| b == b'\n').next().unwrap_or_default()
}

pub(super) fn problem(line: usize, message: &str) -> Problem {
    Problem {
        line,
        column: 1,
        message: message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_from_the_first_lines() {
        let eml = b"Received: from x\n\tby y\nFrom: Ann <a@b.c>\nSubject: hi\n\nbody";
        assert_eq!(sniff(eml), Some(MailFormat::Eml));
        let mbox = b"\xef\xbb\xbfFrom - Mon Nov 24 10:12:03 2026\nFrom: Ann <a@b.c>\n\nbody\n";
        assert_eq!(sniff(mbox), Some(MailFormat::Mbox));
        assert_eq!(sniff(b"{\"format\": \"inviteq-queue\"}"), None);
        assert_eq!(sniff(b"First Name,Last Name,URL\n"), None);
        assert_eq!(sniff(b"Note: nothing to see\n"), None);
        assert_eq!(sniff(b""), None);
    }

    #[test]
    fn problems_point_at_the_line_that_is_not_a_header() {
        let problem = check_headers(b"\n\nFrom: Ann <a@b.c>\nnot a header\n\nbody").unwrap_err();
        assert_eq!((problem.line, problem.column), (4, 1));
        assert!(problem.message.starts_with("not an e-mail"), "{problem}");
        assert_eq!(
            check_headers(b" \n").unwrap_err().message,
            "empty: there is no e-mail in it"
        );
    }
}
