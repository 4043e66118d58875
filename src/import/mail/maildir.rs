//! A Maildir: one message per file in `cur/` and `new/`; `tmp/` holds
//! messages still being delivered, so it is left alone.

use crate::files;
use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::Mailbox;
use super::mbox::MAX_MESSAGE;
use super::message::{self, Outcome};
use super::sniff::problem;
use crate::import::ImportError;

/// A folder with `cur/` or `new/` in it.
pub fn is_maildir(path: &Path) -> bool {
    path.join("cur").is_dir() || path.join("new").is_dir()
}

/// Reads every message, one file at a time, in the order of the file names
/// (which begin with the delivery time). A file that cannot be read is
/// skipped with a warning giving its path.
pub(super) fn read(path: &Path) -> Result<Mailbox, ImportError> {
    if !is_maildir(path) {
        return Err(ImportError::Invalid {
            path: path.to_path_buf(),
            problems: vec![problem(
                1,
                "not a Maildir: there is no cur/ or new/ folder in it",
            )],
        });
    }
    let mut mailbox = Mailbox::default();
    for (name, file) in message_files(path)? {
        let place = name.to_string_lossy();
        let outcome = match read_file(&file) {
            Ok((bytes, truncated)) => message::read(&bytes, &place, truncated),
            Err(error) => Outcome::Refused(format!("could not be read: {error}")),
        };
        mailbox.add(&file.display().to_string(), outcome);
    }
    Ok(mailbox)
}

/// The files of `cur/` and `new/`, sorted by name; hidden files and
/// folders are not messages.
fn message_files(path: &Path) -> Result<Vec<(OsString, PathBuf)>, ImportError> {
    let mut files = Vec::new();
    for folder in ["cur", "new"].map(|name| path.join(name)) {
        if !folder.is_dir() {
            continue;
        }
        let io_error = |error| ImportError::Io {
            path: folder.clone(),
            error,
        };
        for entry in std::fs::read_dir(&folder).map_err(io_error)? {
            let entry = entry.map_err(io_error)?;
            let name = entry.file_name();
            let is_file = entry.file_type().is_ok_and(|kind| !kind.is_dir());
            if is_file && !name.to_string_lossy().starts_with('.') {
                files.push((name, entry.path()));
            }
        }
    }
    files.sort();
    Ok(files)
}

/// A message file's bytes, at most `MAX_MESSAGE` of them, and whether
/// there were more.
fn read_file(path: &Path) -> std::io::Result<(Vec<u8>, bool)> {
    let mut bytes = Vec::new();
    let limit = u64::try_from(MAX_MESSAGE).unwrap_or(u64::MAX);
    // A pipe dropped among the messages is refused, not waited on.
    files::open(path)?.take(limit + 1).read_to_end(&mut bytes)?;
    let truncated = bytes.len() > MAX_MESSAGE;
    bytes.truncate(MAX_MESSAGE);
    Ok((bytes, truncated))
}
