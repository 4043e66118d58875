//! The session's small JSON files (the place, the ids seen, the last
//! session): written whole, and read so that damage to one is told and
//! costs only what that file holds, never the review.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::StoreError;

/// A file as found on disk.
#[derive(Debug, PartialEq)]
pub(super) enum Found<T> {
    Missing,
    Whole(T),
    /// Not readable as a whole. `salvaged` is its first value when that one
    /// reads (a file with junk after it), which can still say which queue
    /// it was for.
    Damaged {
        problem: String,
        salvaged: Option<T>,
    },
}

impl<T> Found<T> {
    /// What the file holds, whole or salvaged.
    pub(super) fn salvage(self) -> Option<T> {
        match self {
            Found::Missing => None,
            Found::Whole(value) => Some(value),
            Found::Damaged { salvaged, .. } => salvaged,
        }
    }
}

/// Reads `path` as JSON. Only a file that cannot be read at all is an
/// error; one that cannot be understood is [`Found::Damaged`].
pub(super) fn read_json<T: DeserializeOwned>(path: &Path) -> Result<Found<T>, StoreError> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Found::Missing),
        Err(error) => {
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                error,
            });
        }
    };
    Ok(match serde_json::from_slice(&bytes) {
        Ok(value) => Found::Whole(value),
        Err(e) => Found::Damaged {
            problem: format!("line {} column {}: {e}", e.line(), e.column()),
            salvaged: serde_json::Deserializer::from_slice(&bytes)
                .into_iter()
                .next()
                .and_then(Result::ok),
        },
    })
}

/// Reads `path` as JSON, refusing damage (for the files whose loss would
/// lose more than they hold).
pub(super) fn read_json_strict<T: DeserializeOwned>(path: &Path) -> Result<Option<T>, StoreError> {
    match read_json(path)? {
        Found::Missing => Ok(None),
        Found::Whole(value) => Ok(Some(value)),
        Found::Damaged { problem, .. } => Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            problem,
        }),
    }
}

/// Moves a damaged file aside as `NAME.damaged` (replacing an older one),
/// so that what it held can still be looked at once a new one is written;
/// the name it went to.
pub(super) fn set_aside(path: &Path) -> Result<PathBuf, StoreError> {
    let mut aside = path.as_os_str().to_owned();
    aside.push(".damaged");
    let aside = PathBuf::from(aside);
    fs::rename(path, &aside).map_err(|error| StoreError::Io {
        path: path.to_path_buf(),
        error,
    })?;
    Ok(aside)
}

/// Writes `value` to `path` as pretty JSON, with `replace` (synced or not).
pub(super) fn write_json<T: Serialize>(
    path: &Path,
    value: &T,
    replace: fn(&Path, &[u8]) -> io::Result<()>,
) -> Result<(), StoreError> {
    let io_error = |error| StoreError::Io {
        path: path.to_path_buf(),
        error,
    };
    let mut text = serde_json::to_string_pretty(value).map_err(|e| io_error(e.into()))?;
    text.push('\n');
    replace(path, text.as_bytes()).map_err(io_error)
}
