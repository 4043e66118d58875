//! LinkedIn's data export (see `queue-format.md`): the `.zip` as mailed, the
//! unpacked folder, or `Invitations.csv` alone. `Connections.csv`,
//! `Profile.csv` and `Positions.csv` are used when present.
//!
//! Real exports are messy, so a row that cannot be read is skipped with a
//! warning naming its file and line, and counted; only a missing or
//! headerless `Invitations.csv`, or a broken zip, stops the load.

mod archive;
mod connections;
mod csv_record;
mod csv_text;
mod decoder;
mod invitations;
mod profile;
mod report;
mod sent_at;
mod sources;

use std::io::Cursor;
use std::path::{Path, PathBuf};

use report::Report;
use sources::{CONNECTIONS, Files, INVITATIONS, POSITIONS, PROFILE};

use super::ImportError;
use super::id::derive_id;
use crate::model::{Invitation, Network, Owner, Queue};

/// Whether `path` is read as an export: a folder, a `.zip` or a `.csv` file.
pub fn is_export(path: &Path) -> bool {
    path.is_dir() || sources::has_extension(path, "zip") || sources::has_extension(path, "csv")
}

/// Loads the invitations of the export at `path`, marking the inviters who
/// are already connections.
pub fn load(path: &Path) -> Result<Queue, ImportError> {
    sources::with_export(path, |files| read_export(path, files))
}

/// Reads the bytes of an `Invitations.csv` alone, as if it were a file of
/// that name with nothing beside it (for the fuzz targets, which hand over
/// bytes rather than files).
pub fn read_invitations_csv(bytes: Vec<u8>) -> Result<Queue, ImportError> {
    read_export(Path::new(INVITATIONS), &mut Alone(Some(bytes)))
}

/// An `Invitations.csv` given as bytes, with no other file beside it.
struct Alone(Option<Vec<u8>>);

impl Files for Alone {
    fn open(&mut self, name: &str) -> Result<Option<sources::Source<'_>>, ImportError> {
        Ok(self
            .0
            .take()
            .filter(|_| name == INVITATIONS)
            .map(|bytes| sources::Source {
                path: PathBuf::from(INVITATIONS),
                reader: Box::new(Cursor::new(bytes)),
            }))
    }

    fn notes(&self) -> Vec<String> {
        Vec::new()
    }

    fn within_bounds(&self) -> Result<(), ImportError> {
        Ok(())
    }
}

/// Reads the export's files one after the other, each as it is opened.
fn read_export(path: &Path, files: &mut dyn Files) -> Result<Queue, ImportError> {
    let mut report = Report::default();
    for note in files.notes() {
        report.note(note);
    }
    let invitations = files
        .open(INVITATIONS)?
        .ok_or_else(|| ImportError::MissingFile {
            path: path.to_path_buf(),
            name: INVITATIONS,
        })?;
    let received = invitations::read(invitations, &mut report)?;
    let network = files
        .open(CONNECTIONS)?
        .and_then(|source| connections::read(source, &mut report));
    let own = files
        .open(PROFILE)?
        .and_then(|source| profile::read(source, &mut report));
    let company = files
        .open(POSITIONS)?
        .and_then(|source| profile::current_company(source, &mut report));

    let mut invitations = received.invitations;
    if let Some(network) = &network {
        mark_connections(network, &mut invitations);
    }
    let (own_name, headline) = own.map_or((None, None), |own| (own.name, own.headline));
    Ok(Queue {
        owner: Owner {
            // Every incoming invitation was sent to the owner, so without a
            // Profile.csv its `To` names them.
            name: own_name.or(received.invitee),
            company,
            headline,
            network,
        },
        invitations,
        warnings: report.warnings(),
        skipped_rows: report.skipped_rows,
    })
}

/// Marks the inviters who are already among the owner's connections, by
/// profile URL, else by name.
pub(crate) fn mark_connections(network: &Network, invitations: &mut [Invitation]) {
    for invitation in invitations {
        let url = invitation.profile.url.as_deref().and_then(url_key);
        invitation.already_connected |= network.knows(url.as_deref(), &invitation.profile.name);
    }
}

/// A profile URL in the form ids take, so that connections and inviters
/// match however LinkedIn wrote the URL.
fn url_key(url: &str) -> Option<String> {
    Some(derive_id(Some(url), "", None)).filter(|key| !key.is_empty())
}
