//! Finding the export's files, whichever way it was given: the `.zip`
//! LinkedIn mails (read in memory, never unpacked), the unpacked folder, or
//! `Invitations.csv` alone with whatever lies beside it. Each file is opened
//! when it is read and read as a stream, so that what a load keeps is the
//! rows, never the files.

use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use super::archive::{self, Limits};
use crate::files;
use crate::import::ImportError;

pub(super) const INVITATIONS: &str = "Invitations.csv";
pub(super) const CONNECTIONS: &str = "Connections.csv";
pub(super) const PROFILE: &str = "Profile.csv";
pub(super) const POSITIONS: &str = "Positions.csv";

/// One file of the export, open for reading. `path` names it in messages;
/// inside a zip it is the zip's path joined with the entry's name.
pub(super) struct Source<'a> {
    pub path: PathBuf,
    pub reader: Box<dyn Read + 'a>,
}

/// The files of an export, opened one at a time.
pub(super) trait Files {
    /// The export's file called `name`, if it has one.
    fn open(&mut self, name: &str) -> Result<Option<Source<'_>>, ImportError>;

    /// What the reader should know of how the files were found.
    fn notes(&self) -> Vec<String>;

    /// Whether what was read stayed within the bounds set for the export;
    /// a file cut short by one reads as an error of the whole export.
    fn within_bounds(&self) -> Result<(), ImportError>;
}

/// Opens the export at `path` (a folder, a `.zip`, or a lone CSV file) and
/// hands its files to `read`.
pub(super) fn with_export<T>(
    path: &Path,
    read: impl FnOnce(&mut dyn Files) -> Result<T, ImportError>,
) -> Result<T, ImportError> {
    if path.is_dir() {
        let folder = export_folder(path)?;
        read(&mut Folder { folder, lone: None })
    } else if has_extension(path, "zip") {
        let file = files::open(path).map_err(|error| ImportError::Io {
            path: path.to_path_buf(),
            error,
        })?;
        let mut zip = archive::Zip::open(BufReader::new(file), path, Limits::EXPORT)?;
        let read = read(&mut zip);
        zip.within_bounds()?;
        read
    } else {
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        read(&mut Folder {
            folder: folder.to_path_buf(),
            lone: Some(path.to_path_buf()),
        })
    }
}

pub(super) fn has_extension(path: &Path, wanted: &str) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(wanted))
}

/// The export's files in a folder; `lone` is the `Invitations.csv` named by
/// the user, which need not have that name.
struct Folder {
    folder: PathBuf,
    lone: Option<PathBuf>,
}

impl Files for Folder {
    fn open(&mut self, name: &str) -> Result<Option<Source<'_>>, ImportError> {
        let path = match &self.lone {
            Some(lone) if name == INVITATIONS => Some(lone.clone()),
            _ => beside(&self.folder, name),
        };
        let Some(path) = path else {
            return Ok(None);
        };
        match files::open(&path) {
            Ok(file) => Ok(Some(Source {
                path,
                reader: Box::new(BufReader::new(file)),
            })),
            Err(error) => Err(ImportError::Io { path, error }),
        }
    }

    fn notes(&self) -> Vec<String> {
        Vec::new()
    }

    fn within_bounds(&self) -> Result<(), ImportError> {
        Ok(())
    }
}

/// The folder of the export: `folder` itself, else a folder inside it, as
/// when a zip was unpacked into a folder of its own name.
fn export_folder(folder: &Path) -> Result<PathBuf, ImportError> {
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
    candidates
        .into_iter()
        .find(|candidate| beside(candidate, INVITATIONS).is_some())
        .ok_or_else(|| ImportError::MissingFile {
            path: folder.to_path_buf(),
            name: INVITATIONS,
        })
}

/// The file called `name` (compared without case) in `folder`, if any.
fn beside(folder: &Path, name: &str) -> Option<PathBuf> {
    std::fs::read_dir(folder)
        .ok()?
        .filter_map(Result::ok)
        .find(|entry| entry.file_name().eq_ignore_ascii_case(name) && entry.path().is_file())
        .map(|entry| entry.path())
}
