//! LinkedIn's invitation e-mails, as a member's mailbox holds them: single
//! `.eml` files, an mbox (Thunderbird, Google Takeout) or a Maildir (mutt,
//! aerc, mbsync). Each invitation, and each reminder of one, becomes a
//! [`Sighting`]; every other message is counted as skipped.
//!
//! Mailboxes are big and messy, so messages are read one at a time, a
//! message that cannot be read is skipped with a warning naming it, and only
//! an input that is not mail at all stops the read.

mod body;
mod facts;
mod html;
mod maildir;
mod mbox;
mod message;
mod sniff;
mod words;

#[cfg(test)]
mod robustness;
#[cfg(test)]
mod tests;

use std::io::{self, BufRead};
use std::path::Path;

pub use maildir::is_maildir;
pub use sniff::{MailFormat, sniff};

use super::ImportError;
use super::sighting::Sighting;
use crate::problem::Problem;
use mbox::{MAX_MESSAGE, Splitter};
use message::Outcome;

/// What was read from one mailbox (a file or a folder).
#[derive(Debug, Default)]
pub struct Mailbox {
    /// The invitations and reminders, in the mailbox's order.
    pub sightings: Vec<Sighting>,
    /// Every message seen, read or not.
    pub messages: usize,
    /// Messages that are not invitations, or could not be read.
    pub skipped: usize,
    /// Each as `PLACE: what went wrong` (`message 7: not a readable e-mail: …`).
    pub warnings: Vec<String>,
}

impl Mailbox {
    fn add(&mut self, place: &str, outcome: Outcome) {
        self.messages += 1;
        match outcome {
            Outcome::Found(sighting) => self.sightings.push(*sighting),
            Outcome::Skipped => self.skipped += 1,
            Outcome::Refused(reason) => {
                self.skipped += 1;
                self.warnings.push(format!("{place}: {reason}"));
            }
        }
    }
}

/// Why an mbox could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// Not mail: empty, or not opening as the format says.
    #[error("{0}")]
    Invalid(Problem),
    #[error(transparent)]
    Io(#[from] io::Error),
}

impl MailError {
    /// The error as told for the file at `path`.
    pub fn at(self, path: &Path) -> ImportError {
        let path = path.to_path_buf();
        match self {
            MailError::Invalid(problem) => ImportError::Invalid {
                path,
                problems: vec![problem],
            },
            MailError::Io(error) => ImportError::Io { path, error },
        }
    }
}

/// Reads one message (`.eml`). Only an input that is not an e-mail at all
/// is an error; a message beyond `MAX_MESSAGE` bytes is read from its start.
pub fn read_eml(bytes: &[u8]) -> Result<Mailbox, Problem> {
    let truncated = bytes.len() > MAX_MESSAGE;
    let bytes = &bytes[..bytes.len().min(MAX_MESSAGE)];
    let (_, start) = sniff::content_start(bytes);
    if !mbox::is_separator(sniff::first_line(start)) {
        sniff::check_headers(bytes)?;
    }
    let mut mailbox = Mailbox::default();
    let place = "message 1";
    mailbox.add(place, message::read(bytes, place, truncated));
    Ok(mailbox)
}

/// Reads an mbox held in memory. For a big file, [`read_mbox_from`] a
/// `BufReader` keeps only one message in memory.
pub fn read_mbox(bytes: &[u8]) -> Result<Mailbox, Problem> {
    read_mbox_from(bytes).map_err(|error| match error {
        MailError::Invalid(problem) => problem,
        // Reading from memory cannot fail, but the type must say something.
        MailError::Io(error) => sniff::problem(1, &error.to_string()),
    })
}

/// Reads an mbox while it streams in, one message in memory at a time.
/// Places are "message N", counted from 1.
pub fn read_mbox_from(reader: impl BufRead) -> Result<Mailbox, MailError> {
    let mut splitter = Splitter::new(reader)?;
    let mut mailbox = Mailbox::default();
    while let Some(raw) = splitter.next_message()? {
        let place = format!("message {}", mailbox.messages + 1);
        mailbox.add(&place, message::read(&raw.bytes, &place, raw.truncated));
    }
    Ok(mailbox)
}

/// Reads a Maildir's `cur/` and `new/`, one file at a time; each sighting's
/// place, and each warning, names its file.
pub fn read_maildir(path: &Path) -> Result<Mailbox, ImportError> {
    maildir::read(path)
}
