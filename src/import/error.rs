use std::path::PathBuf;

use crate::problem::Problem;

/// Why an input could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}: {error}", path.display())]
    Io {
        path: PathBuf,
        /// Told in the message, so not a `source`: `{:#}` would tell it twice.
        error: std::io::Error,
    },
    #[error("{}: no {name} in it; is this LinkedIn's data export?", path.display())]
    MissingFile { path: PathBuf, name: &'static str },
    #[error("{}: cannot be read as a zip archive: {reason}", path.display())]
    NotAnArchive { path: PathBuf, reason: String },
    #[error(
        "{}: cannot tell what this is; inviteq reads a queue file, LinkedIn's export (.zip, folder or Invitations.csv), the saved \"Manage invitations\" page (.html), and e-mails (.eml, mbox, Maildir)",
        path.display()
    )]
    Unrecognised { path: PathBuf },
    #[error(
        "{}: nothing inviteq reads is in this folder (a queue file, LinkedIn's export, a saved invitation page, e-mails)",
        path.display()
    )]
    NothingFound { path: PathBuf },
    #[error("{}:{}{}", path.display(), problems[0], more(problems.len()))]
    Invalid {
        path: PathBuf,
        /// Never empty.
        problems: Vec<Problem>,
    },
}

fn more(count: usize) -> String {
    match count {
        1 => String::new(),
        2 => " (and 1 more problem; `inviteq check` lists them all)".to_string(),
        n => format!(
            " (and {} more problems; `inviteq check` lists them all)",
            n - 1
        ),
    }
}
