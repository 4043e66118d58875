//! The export's `.zip`, read as it inflates (never unpacked) within bounds
//! that no real export comes near, so that a crafted zip cannot make
//! inviteq read without end: few entries, and few bytes inflated across all
//! the files read. What is kept is the rows, never the bytes.

use std::io::{Read, Seek};
use std::path::{Path, PathBuf};

use zip::ZipArchive;

use super::sources::{Files, INVITATIONS, Source};
use crate::import::ImportError;
use crate::import::clean::{LINE_CAP, clean_line};

/// How much of a zip is read at most.
#[derive(Debug, Clone, Copy)]
pub(super) struct Limits {
    /// Entries in the archive; LinkedIn's export holds a few dozen.
    pub entries: usize,
    /// Bytes inflated, the files read counted together. An
    /// `Invitations.csv` of 100,000 invitations, each with a full note, is
    /// some 40 MiB. Memory does not grow with it (the files are streamed);
    /// the time to read a bomb up to it does: some 10 s.
    pub bytes: u64,
}

impl Limits {
    pub const EXPORT: Limits = Limits {
        entries: 10_000,
        bytes: 256 << 20,
    };
}

/// The export in a zip: its files are read from the folder of its
/// `Invitations.csv`, each entry inflated as it is read, within `Limits`.
pub(super) struct Zip<R> {
    archive: ZipArchive<R>,
    zip_path: PathBuf,
    names: Vec<String>,
    folder: String,
    note: Option<String>,
    /// Bytes the files still read may inflate to, and the whole allowance.
    left: u64,
    cap: u64,
    /// A file was cut short at the bound.
    overrun: bool,
}

impl<R: Read + Seek> Zip<R> {
    /// Opens the zip `archive`, which `zip_path` names in messages, and
    /// finds its export.
    pub fn open(archive: R, zip_path: &Path, limits: Limits) -> Result<Zip<R>, ImportError> {
        let not_an_archive = |reason: String| ImportError::NotAnArchive {
            path: zip_path.to_path_buf(),
            reason,
        };
        let archive = ZipArchive::new(archive).map_err(|e| not_an_archive(e.to_string()))?;
        if archive.len() > limits.entries {
            return Err(not_an_archive(format!(
                "it holds {} entries, more than the {} an export could; not read",
                archive.len(),
                limits.entries
            )));
        }
        if archive.has_duplicate_names() {
            // The zip reader keeps one of them, and cannot say which name.
            return Err(not_an_archive(
                "two of its entries have the same name; which to read cannot be told".to_string(),
            ));
        }
        let names: Vec<String> = archive
            .file_names()
            .filter_map(Result::ok)
            .map(String::from)
            .collect();
        let (folder, note) = export_folder(&names, zip_path)?;
        if !names
            .iter()
            .any(|name| in_folder(name, &folder, INVITATIONS))
        {
            return Err(ImportError::MissingFile {
                path: zip_path.to_path_buf(),
                name: INVITATIONS,
            });
        }
        Ok(Zip {
            archive,
            zip_path: zip_path.to_path_buf(),
            names,
            folder,
            note,
            left: limits.bytes,
            cap: limits.bytes,
            overrun: false,
        })
    }
}

impl<R: Read + Seek> Files for Zip<R> {
    fn open(&mut self, wanted: &str) -> Result<Option<Source<'_>>, ImportError> {
        let Some(name) = self
            .names
            .iter()
            .find(|name| in_folder(name, &self.folder, wanted))
        else {
            return Ok(None);
        };
        let path = entry_path(&self.zip_path, name);
        let entry = self
            .archive
            .by_name(name)
            .map_err(|e| ImportError::NotAnArchive {
                path: path.clone(),
                reason: e.to_string(),
            })?;
        let reader = Box::new(Bounded {
            entry,
            left: &mut self.left,
            overrun: &mut self.overrun,
        });
        Ok(Some(Source { path, reader }))
    }

    fn notes(&self) -> Vec<String> {
        self.note.iter().cloned().collect()
    }

    fn within_bounds(&self) -> Result<(), ImportError> {
        if self.overrun {
            return Err(ImportError::NotAnArchive {
                path: self.zip_path.clone(),
                reason: format!(
                    "its files inflate to more than {} MiB, far past any export; not read",
                    self.cap >> 20
                ),
            });
        }
        Ok(())
    }
}

/// An entry as it inflates, out of what the archive may still inflate to.
struct Bounded<'a, E> {
    entry: E,
    left: &'a mut u64,
    overrun: &'a mut bool,
}

impl<E: Read> Read for Bounded<'_, E> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        if *self.left == 0 {
            // At the bound: the entry must end here.
            let mut probe = [0u8; 1];
            if self.entry.read(&mut probe)? == 0 {
                return Ok(0);
            }
            *self.overrun = true;
            return Err(std::io::Error::other(
                "the zip's files inflate past the bound set for an export",
            ));
        }
        let room = usize::try_from(*self.left)
            .unwrap_or(usize::MAX)
            .min(buffer.len());
        let read = self.entry.read(&mut buffer[..room])?;
        *self.left -= read as u64;
        Ok(read)
    }
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
fn entry_path(zip_path: &Path, name: &str) -> PathBuf {
    let mut path = zip_path.as_os_str().to_owned();
    path.push("/");
    path.push(shown(name));
    PathBuf::from(path)
}

#[cfg(test)]
mod tests;
