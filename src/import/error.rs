use std::fmt;
use std::path::PathBuf;

/// One thing wrong with an input, at a place a person can go to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

/// Why an input could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
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

/// The 1-based line and character column of byte `offset` in `text`.
pub(crate) fn position(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}
