use std::path::PathBuf;

use super::NAME_CAP;
use super::placeholder::BodyError;
use crate::problem::Problem;

/// Why a template name cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    #[error("a template needs a name")]
    Empty,
    #[error("a template name has at most {NAME_CAP} characters")]
    TooLong,
    #[error("a template name has only letters, digits, `-` and `_`, not {0:?}")]
    BadCharacter(char),
    #[error("there is already a template named `{0}`")]
    Duplicate(String),
    #[error("there is no template named `{0}`")]
    NotFound(String),
}

/// Why the templates file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("{}: {error}", path.display())]
    Io {
        path: PathBuf,
        /// Told in the message, so not a `source`: `{:#}` would tell it twice.
        error: std::io::Error,
    },
    #[error("{}:{}{}", path.display(), problems[0], more(problems.len()))]
    Invalid {
        path: PathBuf,
        /// Never empty.
        problems: Vec<Problem>,
    },
    #[error(
        "{}: not saved: template `{}`, {}{}",
        path.display(),
        problems[0].0,
        problems[0].1,
        more(problems.len())
    )]
    NotSaved {
        path: PathBuf,
        /// Every problem, with the name of its template. Never empty.
        problems: Vec<(String, BodyError)>,
    },
}

fn more(count: usize) -> String {
    match count {
        1 => String::new(),
        2 => " (and 1 more problem)".to_string(),
        n => format!(" (and {} more problems)", n - 1),
    }
}
