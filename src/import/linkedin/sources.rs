//! Finding the export's files, whichever way it was given: the `.zip`
//! LinkedIn mails (read in memory, never unpacked), the unpacked folder, or
//! `Invitations.csv` alone with whatever lies beside it.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use zip::ZipArchive;

use crate::import::ImportError;
use crate::import::clean::{LINE_CAP, clean_line};

pub(super) const INVITATIONS: &str = "Invitations.csv";
const CONNECTIONS: &str = "Connections.csv";
const PROFILE: &str = "Profile.csv";
const POSITIONS: &str = "Positions.csv";

/// Larger than any real export file; a bound so that a crafted zip cannot
/// make us inflate without end.
const ENTRY_CAP: u64 = 1 << 30;

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
    match std::fs::read(&path) {
        Ok(bytes) => Ok(Source { path, bytes }),
        Err(error) => Err(ImportError::Io { path, error }),
    }
}

fn read_zip(path: &Path) -> Result<Export, ImportError> {
    let file = File::open(path).map_err(|error| ImportError::Io {
        path: path.to_path_buf(),
        error,
    })?;
    let mut archive =
        ZipArchive::new(BufReader::new(file)).map_err(|e| ImportError::NotAnArchive {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })?;
    let names: Vec<String> = archive
        .file_names()
        .filter_map(Result::ok)
        .map(String::from)
        .collect();
    let mut entry = |wanted: &str| -> Result<Option<Source>, ImportError> {
        match shallowest(&names, wanted) {
            Some(name) => read_entry(&mut archive, path, name).map(Some),
            None => Ok(None),
        }
    };
    let invitations = entry(INVITATIONS)?.ok_or_else(|| ImportError::MissingFile {
        path: path.to_path_buf(),
        name: INVITATIONS,
    })?;
    Ok(Export {
        invitations,
        connections: entry(CONNECTIONS)?,
        profile: entry(PROFILE)?,
        positions: entry(POSITIONS)?,
    })
}

/// The entry whose last path part is `wanted`, nearest the top of the zip.
fn shallowest<'n>(names: &'n [String], wanted: &str) -> Option<&'n str> {
    names
        .iter()
        .filter(|name| {
            name.rsplit('/')
                .next()
                .is_some_and(|last| last.eq_ignore_ascii_case(wanted))
        })
        .min_by_key(|name| (name.matches('/').count(), name.as_str()))
        .map(String::as_str)
}

fn read_entry(
    archive: &mut ZipArchive<BufReader<File>>,
    zip_path: &Path,
    name: &str,
) -> Result<Source, ImportError> {
    // The entry's name comes from whoever made the zip and ends up on the
    // screen in messages, so it is cleaned like any imported text.
    let path = zip_path.join(clean_line(name, LINE_CAP));
    let broken = |reason: String| ImportError::NotAnArchive {
        path: path.clone(),
        reason,
    };
    let entry = archive.by_name(name).map_err(|e| broken(e.to_string()))?;
    let mut bytes = Vec::new();
    entry
        .take(ENTRY_CAP + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| broken(e.to_string()))?;
    if bytes.len() as u64 > ENTRY_CAP {
        return Err(broken(format!("larger than {} MiB", ENTRY_CAP >> 20)));
    }
    Ok(Source { path, bytes })
}
