//! Finding the export's files, whichever way it was given: the `.zip`
//! LinkedIn mails (read in memory, never unpacked), the unpacked folder, or
//! `Invitations.csv` alone with whatever lies beside it.

use std::io::BufReader;
use std::path::{Path, PathBuf};

use super::archive::{self, Limits};
use crate::files;
use crate::import::ImportError;

pub(super) const INVITATIONS: &str = "Invitations.csv";
pub(super) const CONNECTIONS: &str = "Connections.csv";
pub(super) const PROFILE: &str = "Profile.csv";
pub(super) const POSITIONS: &str = "Positions.csv";

/// One file of the export, read whole. `path` names it in messages; inside
/// a zip it is the zip's path joined with the entry's name.
pub(super) struct Source {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// The files of an export that inviteq reads; only invitations are required.
pub(super) struct Export {
    pub invitations: Source,
    pub connections: Option<Source>,
    pub profile: Option<Source>,
    pub positions: Option<Source>,
    /// What the reader should know of how the files were found.
    pub notes: Vec<String>,
}

/// Reads the export at `path`: a folder, a `.zip`, or a lone CSV file.
pub(super) fn read_export(path: &Path) -> Result<Export, ImportError> {
    if path.is_dir() {
        read_folder(path)
    } else if has_extension(path, "zip") {
        read_zip(path)
    } else {
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        Ok(Export {
            invitations: read_file(path.to_path_buf())?,
            connections: beside(folder, CONNECTIONS)?,
            profile: beside(folder, PROFILE)?,
            positions: beside(folder, POSITIONS)?,
            notes: Vec::new(),
        })
    }
}

pub(super) fn has_extension(path: &Path, wanted: &str) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(wanted))
}

/// The export's files directly in `folder`, else in a folder inside it, as
/// when a zip was unpacked into a folder of its own name.
fn read_folder(folder: &Path) -> Result<Export, ImportError> {
    let io_error = |error| ImportError::Io {
        path: folder.to_path_buf(),
        error,
    };
    let mut candidates = vec![folder.to_path_buf()];
    let mut inner: Vec<PathBuf> = std::fs::read_dir(folder)
        .map_err(io_error)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    inner.sort();
    candidates.extend(inner);
    for candidate in candidates {
        if let Some(invitations) = beside(&candidate, INVITATIONS)? {
            return Ok(Export {
                invitations,
                connections: beside(&candidate, CONNECTIONS)?,
                profile: beside(&candidate, PROFILE)?,
                positions: beside(&candidate, POSITIONS)?,
                notes: Vec::new(),
            });
        }
    }
    Err(ImportError::MissingFile {
        path: folder.to_path_buf(),
        name: INVITATIONS,
    })
}

/// The file called `name` (compared without case) in `folder`, if any.
fn beside(folder: &Path, name: &str) -> Result<Option<Source>, ImportError> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Ok(None);
    };
    let found = entries
        .filter_map(Result::ok)
        .find(|entry| entry.file_name().eq_ignore_ascii_case(name) && entry.path().is_file());
    found.map(|entry| read_file(entry.path())).transpose()
}

fn read_file(path: PathBuf) -> Result<Source, ImportError> {
    match files::read(&path) {
        Ok(bytes) => Ok(Source { path, bytes }),
        Err(error) => Err(ImportError::Io { path, error }),
    }
}

fn read_zip(path: &Path) -> Result<Export, ImportError> {
    let file = files::open(path).map_err(|error| ImportError::Io {
        path: path.to_path_buf(),
        error,
    })?;
    archive::read_zip(BufReader::new(file), path, Limits::EXPORT)
}
