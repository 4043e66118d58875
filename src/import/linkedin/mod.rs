//! LinkedIn's data export (see `queue-format.md`): the `.zip` as mailed, the
//! unpacked folder, or `Invitations.csv` alone. `Connections.csv`,
//! `Profile.csv` and `Positions.csv` are used when present.
//!
//! Real exports are messy, so a row that cannot be read is skipped with a
//! warning naming its file and line, and counted; only a missing or
//! headerless `Invitations.csv`, or a broken zip, stops the load.

mod connections;
mod csv_text;
mod invitations;
mod profile;
mod sent_at;
mod sources;

use std::fmt::Display;
use std::path::{Path, PathBuf};

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
    from_export(sources::read_export(path)?)
}

/// Reads the bytes of an `Invitations.csv` alone, as if it were a file of
/// that name with nothing beside it (for the fuzz targets, which hand over
/// bytes rather than files).
pub fn read_invitations_csv(bytes: Vec<u8>) -> Result<Queue, ImportError> {
    from_export(sources::Export {
        invitations: sources::Source {
            path: PathBuf::from(sources::INVITATIONS),
            bytes,
        },
        connections: None,
        profile: None,
        positions: None,
    })
}

fn from_export(export: sources::Export) -> Result<Queue, ImportError> {
    let mut report = Report::default();
    let received = invitations::read(&export.invitations, &mut report)?;
    let network = export
        .connections
        .as_ref()
        .and_then(|source| connections::read(source, &mut report));
    let own = export
        .profile
        .as_ref()
        .and_then(|source| profile::read(source, &mut report));

    let mut invitations = received.invitations;
    if let Some(network) = &network {
        mark_connections(network, &mut invitations);
    }
    let company = export
        .positions
        .as_ref()
        .and_then(|source| profile::current_company(source, &mut report));
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
        warnings: report.warnings,
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

/// The warnings of one load, each as `FILE:LINE: message`.
#[derive(Default)]
struct Report {
    warnings: Vec<String>,
    skipped_rows: usize,
}

impl Report {
    fn warn(&mut self, file: &Path, line: usize, message: impl Display) {
        self.warnings
            .push(format!("{}:{line}: {message}", file.display()));
    }

    fn skip(&mut self, file: &Path, line: usize, why: impl Display) {
        self.skipped_rows += 1;
        self.warn(file, line, format_args!("row skipped: {why}"));
    }
}
