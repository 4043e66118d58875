//! The export's `.zip`, read in memory (never unpacked) within bounds that
//! no real export comes near, so that a crafted zip cannot make inviteq read
//! without end: few entries, and few bytes inflated across all of them.

use std::io::{Read, Seek};
use std::path::{Path, PathBuf};

use zip::ZipArchive;

use super::sources::{CONNECTIONS, Export, INVITATIONS, POSITIONS, PROFILE, Source};
use crate::import::ImportError;
use crate::import::clean::{LINE_CAP, clean_line};

/// How much of a zip is read at most.
#[derive(Debug, Clone, Copy)]
pub(super) struct Limits {
    /// Entries in the archive; LinkedIn's export holds a few dozen.
    pub entries: usize,
    /// Bytes inflated, the files read counted together. An
    /// `Invitations.csv` of 100,000 invitations, each with a full note, is
    /// some 40 MiB.
    pub bytes: u64,
}

impl Limits {
    pub const EXPORT: Limits = Limits {
        entries: 10_000,
        bytes: 512 << 20,
    };
}

/// Bytes set aside at once for an entry, whatever it claims to hold: past
/// this, memory grows only with what is really read.
const CLAIM_TRUSTED: u64 = 64 << 20;

/// The export in the zip `archive`, which `zip_path` names in messages.
/// The files are taken from the folder of its `Invitations.csv`; a zip
/// holding more than one export says which it read.
pub(super) fn read_zip<R: Read + Seek>(
    archive: R,
    zip_path: &Path,
    limits: Limits,
) -> Result<Export, ImportError> {
    let not_an_archive = |reason: String| ImportError::NotAnArchive {
        path: zip_path.to_path_buf(),
        reason,
    };
    let mut archive = ZipArchive::new(archive).map_err(|e| not_an_archive(e.to_string()))?;
    if archive.len() > limits.entries {
        return Err(not_an_archive(format!(
            "it holds {} entries, more than the {} an export could; not read",
            archive.len(),
            limits.entries
        )));
    }
    let names: Vec<String> = archive
        .file_names()
        .filter_map(Result::ok)
        .map(String::from)
        .collect();
    let (folder, note) = export_folder(&names, zip_path)?;
    let mut left = limits.bytes;
    let mut entry = |wanted: &str| -> Result<Option<Source>, ImportError> {
        let Some(name) = names.iter().find(|name| in_folder(name, &folder, wanted)) else {
            return Ok(None);
        };
        read_entry(&mut archive, zip_path, name, &mut left, limits.bytes).map(Some)
    };
    let invitations = entry(INVITATIONS)?.ok_or_else(|| ImportError::MissingFile {
        path: zip_path.to_path_buf(),
        name: INVITATIONS,
    })?;
    Ok(Export {
        invitations,
        connections: entry(CONNECTIONS)?,
        profile: entry(PROFILE)?,
        positions: entry(POSITIONS)?,
        notes: note.into_iter().collect(),
    })
}

/// The folder (`""` at the top, else ending in `/`) of the `Invitations.csv`
/// to read: the one nearest the top, then first by name. Two in one folder
/// (names that differ in case only) cannot be told apart, so they are
/// refused; the export folders passed over are named in a note.
fn export_folder(
    names: &[String],
    zip_path: &Path,
) -> Result<(String, Option<String>), ImportError> {
    let mut found: Vec<(&str, &str)> = names
        .iter()
        .filter_map(|name| {
            let (folder, file) = name
                .rsplit_once('/')
                .map_or(("", name.as_str()), |(f, n)| (&name[..=f.len()], n));
            file.eq_ignore_ascii_case(INVITATIONS)
                .then_some((folder, name.as_str()))
        })
        .collect();
    found.sort_by_key(|(folder, name)| (folder.matches('/').count(), *folder, *name));
    let Some(&(folder, first)) = found.first() else {
        return Ok((String::new(), None));
    };
    if let Some((_, twin)) = found.iter().skip(1).find(|(other, _)| *other == folder) {
        return Err(ImportError::NotAnArchive {
            path: zip_path.to_path_buf(),
            reason: format!(
                "two {INVITATIONS} in one folder, {} and {}; which to read cannot be told",
                shown(first),
                shown(twin)
            ),
        });
    }
    let others: Vec<String> = found
        .iter()
        .skip(1)
        .map(|(other, _)| shown(other))
        .collect();
    let note = (!others.is_empty()).then(|| {
        format!(
            "{}: holds {} exports; read the one in {}, not {}",
            zip_path.display(),
            others.len() + 1,
            folder_shown(folder),
            others.join(", ")
        )
    });
    Ok((folder.to_string(), note))
}

fn folder_shown(folder: &str) -> String {
    if folder.is_empty() {
        "the top folder".to_string()
    } else {
        shown(folder)
    }
}

/// Whether the entry `name` is the file `wanted` (compared without case)
/// directly in `folder`.
fn in_folder(name: &str, folder: &str, wanted: &str) -> bool {
    name.get(..folder.len()) == Some(folder)
        && name
            .get(folder.len()..)
            .is_some_and(|file| file.eq_ignore_ascii_case(wanted))
}

/// An entry's name as messages show it: cleaned like any imported text
/// (whoever made the zip chose it), and always inside the zip, so that
/// `/etc/Invitations.csv` reads as the zip's, never as a file of the system.
fn shown(name: &str) -> String {
    clean_line(name.trim_start_matches(['/', '\\']), LINE_CAP)
}

/// The path that names an entry in messages: the zip's, then the entry's.
pub(super) fn entry_path(zip_path: &Path, name: &str) -> PathBuf {
    let mut path = zip_path.as_os_str().to_owned();
    path.push("/");
    path.push(shown(name));
    PathBuf::from(path)
}

/// Reads the entry `name` whole, out of the `left` bytes the archive may
/// still inflate; memory grows with what is read, never with what an entry
/// claims it holds.
fn read_entry<R: Read + Seek>(
    archive: &mut ZipArchive<R>,
    zip_path: &Path,
    name: &str,
    left: &mut u64,
    cap: u64,
) -> Result<Source, ImportError> {
    let path = entry_path(zip_path, name);
    let broken = |reason: String| ImportError::NotAnArchive {
        path: path.clone(),
        reason,
    };
    let entry = archive.by_name(name).map_err(|e| broken(e.to_string()))?;
    let claimed = entry.size().min(*left).min(CLAIM_TRUSTED);
    let mut bytes = Vec::with_capacity(usize::try_from(claimed).unwrap_or(0));
    entry
        .take(*left + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| broken(e.to_string()))?;
    let read = bytes.len() as u64;
    if read > *left {
        return Err(ImportError::NotAnArchive {
            path: zip_path.to_path_buf(),
            reason: format!(
                "its files inflate to more than {} MiB, far past any export; not read",
                cap >> 20
            ),
        });
    }
    *left -= read;
    Ok(Source { path, bytes })
}

#[cfg(test)]
mod tests;
