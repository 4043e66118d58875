//! The decision journal: JSON Lines, one record per decision, undo or redo,
//! each with a sequence number and a checksum, appended and synced before
//! the console shows the change.
//!
//! A line is `{"crc":N,"record":{...}}` where N is the CRC-32 of the record's
//! exact text, so that a record damaged on disk is told from a good one.
//!
//! Beside the journal a snapshot (`journal.snapshot`, see
//! [`super::snapshot`]) may hold every decision up to a sequence number:
//! the journal is then replayed on top of it from the next one, and
//! [`compact`] says when one is written.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::atomic::remove_leftovers;
pub use super::kept::Kept;
use super::snapshot;
use crate::model::{Decision, Invitation};
pub use compact::Compaction;
use line::{decode, encode, kept_json};

mod compact;
mod line;

const VERSION: u32 = 1;

/// Why a record was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Decide,
    Undo,
    Redo,
    /// Ticked (or unticked) as carried out on LinkedIn.
    Tick,
}

/// One line of the journal: after it, invitation `id` stands at `decision`
/// (`None`: pending again).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Record {
    pub version: u32,
    pub seq: u64,
    pub op: Op,
    pub id: String,
    /// The inviter's name and profile URL as they were, so that decisions
    /// can be handed on even when the queue file is gone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub decision: Option<Decision>,
    /// The records written by one key (a sweep, or a marked batch) share
    /// the sequence number of the first of them here; a lone record has
    /// none. Undo takes a batch back whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch: Option<u64>,
}

#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error("{}: {error}", path.display())]
    Io {
        path: PathBuf,
        /// Told in the message, so not a `source`: `{:#}` would tell it twice.
        error: io::Error,
    },
    #[error("{}:{line}: {problem}; the journal is left as it is", path.display())]
    Corrupt {
        path: PathBuf,
        line: usize,
        problem: String,
    },
    #[error("{}: {problem}; the snapshot and the journal are left as they are", path.display())]
    Snapshot { path: PathBuf, problem: String },
}

/// One invitation's decision as the journal leaves it.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    /// The sequence number that last set it, so that decisions can be
    /// listed in the order they were taken.
    pub seq: u64,
    pub decision: Decision,
    pub name: Option<String>,
    pub url: Option<String>,
    /// The invitation as it was when decided (queue-format v1 JSON).
    pub snapshot: Option<Kept>,
}

/// Every standing decision, by invitation id.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Decisions {
    pub by_id: HashMap<String, Standing, foldhash::fast::RandomState>,
}

impl Decisions {
    fn apply(&mut self, record: Record, kept: Option<&str>) {
        match record.decision {
            Some(decision) => {
                let earlier = self.by_id.remove(&record.id);
                let snapshot = match kept {
                    Some(kept) => Some(kept.into()),
                    None => earlier.and_then(|standing| standing.snapshot),
                };
                let standing = Standing {
                    seq: record.seq,
                    decision,
                    name: record.name,
                    url: record.url,
                    snapshot,
                };
                self.by_id.insert(record.id, standing);
            }
            None => {
                self.by_id.remove(&record.id);
            }
        }
    }

    /// These decisions, taken in this order and with nothing else known of
    /// the invitations, as a journal of decide records alone leaves them.
    pub fn taken<'a>(decisions: impl IntoIterator<Item = (&'a str, Decision)>) -> Decisions {
        let by_id = decisions
            .into_iter()
            .zip(1..)
            .map(|((id, decision), seq)| {
                let standing = Standing {
                    seq,
                    decision,
                    name: None,
                    url: None,
                    snapshot: None,
                };
                (id.to_string(), standing)
            })
            .collect();
        Decisions { by_id }
    }

    /// The standing decisions in the order they were taken.
    pub fn in_order(&self) -> Vec<(&str, &Standing)> {
        self.in_order_where(|_| true)
    }

    /// The standing decisions on the ids `keep` keeps, in the order they
    /// were taken: only those are sorted.
    pub fn in_order_where(&self, keep: impl Fn(&str) -> bool) -> Vec<(&str, &Standing)> {
        let mut kept: Vec<_> = self
            .by_id
            .iter()
            .map(|(id, s)| (id.as_str(), s))
            .filter(|(id, _)| keep(id))
            .collect();
        // Ticking a decision done, or undoing a change, does not move it.
        kept.sort_by_key(|(_, standing)| (standing.decision.decided_at, standing.seq));
        kept
    }
}

/// An open journal, ready to append.
pub struct Journal {
    path: PathBuf,
    file: File,
    next_seq: u64,
    /// The length of the file up to its last whole record: a failed append
    /// is cut back to it, so that no part of a record stays behind.
    len: u64,
    /// A failed append could not be cut back either: the next one cuts
    /// first, so that no record is ever written onto part of another.
    cut_pending: bool,
    /// A compaction replaced the file but it could not be opened again:
    /// the next append opens it first, so that no record goes to the
    /// file that was replaced.
    reopen_pending: bool,
    /// The size of the snapshot the journal was replayed on (0: none).
    snapshot_len: u64,
}

/// What opening a journal found beyond the decisions.
#[derive(Debug, Default, PartialEq)]
pub struct Recovery {
    /// A torn last line (from a crash mid-write) was dropped and cut away.
    pub dropped_torn_line: bool,
    /// The journal was folded into a new snapshot.
    pub compacted: bool,
    /// Why a compaction was tried and not made; the snapshot and the
    /// journal are as they were, and every decision is kept.
    pub not_compacted: Option<String>,
}

impl Journal {
    /// Opens the journal at `path`, creating it if need be, replays it on
    /// its snapshot, and compacts it when that is worth it (see
    /// [`compact`]).
    ///
    /// A torn last line (one without its newline) is cut away; a damaged
    /// line anywhere, the last one included, or a damaged snapshot, stops
    /// with an error and no file is touched.
    pub fn open(path: &Path) -> Result<(Journal, Decisions, Recovery), JournalError> {
        Journal::open_with(path, Compaction::WhenWorthIt)
    }

    /// Opens the journal at `path` as [`Journal::open`] does, compacting it
    /// as `compaction` says.
    pub fn open_with(
        path: &Path,
        compaction: Compaction,
    ) -> Result<(Journal, Decisions, Recovery), JournalError> {
        let io_error = |error| JournalError::Io {
            path: path.to_path_buf(),
            error,
        };
        let (bytes, base) = load(path)?;
        let snapshot_len = base.len;
        let total = bytes.as_ref().map_or(0, Vec::len);
        let (decisions, next_seq, keep_bytes) =
            replay(path, bytes.as_deref().unwrap_or(&[]), base)?;
        drop(bytes);
        let created = total == 0 && !path.exists();
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(io_error)?;
        let mut recovery = Recovery {
            dropped_torn_line: keep_bytes < total,
            ..Recovery::default()
        };
        if recovery.dropped_torn_line {
            file.set_len(keep_bytes as u64).map_err(io_error)?;
            file.sync_all().map_err(io_error)?;
        }
        if created {
            sync_folder(path).map_err(io_error)?;
        }
        let mut journal = Journal {
            path: path.to_path_buf(),
            file,
            next_seq,
            len: keep_bytes as u64,
            cut_pending: false,
            reopen_pending: false,
            snapshot_len,
        };
        // What a compaction stopped by a crash left: only the process that
        // holds the journal compacts it, and it is not compacting now. A
        // file that cannot be removed is only room taken.
        for leftover in [snapshot_path(path), path.to_path_buf()] {
            let _ = remove_leftovers(&leftover);
        }
        if compaction.wanted(journal.len, journal.snapshot_len) {
            match journal.compact(&decisions) {
                Ok(()) => recovery.compacted = true,
                Err(error) => recovery.not_compacted = Some(error.to_string()),
            }
        }
        Ok((journal, decisions, recovery))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one record about `invitation` and syncs it to disk before
    /// returning.
    pub fn append(
        &mut self,
        op: Op,
        invitation: &Invitation,
        decision: Option<&Decision>,
    ) -> Result<Record, JournalError> {
        let mut records = self.append_all(op, &[(invitation, decision)])?;
        Ok(records.remove(0))
    }

    /// Appends one record for each invitation and the decision it is left
    /// at, as one batch when there are several, in one write and one sync
    /// before returning. When the write fails, the file is cut back to
    /// what it was: no part of the batch stays behind.
    pub fn append_all(
        &mut self,
        op: Op,
        entries: &[(&Invitation, Option<&Decision>)],
    ) -> Result<Vec<Record>, JournalError> {
        if self.reopen_pending {
            self.reopen().map_err(|error| JournalError::Io {
                path: self.path.clone(),
                error,
            })?;
        }
        let batch = (entries.len() > 1).then_some(self.next_seq);
        let records: Vec<Record> = entries
            .iter()
            .zip(self.next_seq..)
            .map(|((invitation, decision), seq)| Record {
                version: VERSION,
                seq,
                op,
                id: invitation.id.to_string(),
                name: Some(invitation.profile.name.to_string()),
                url: invitation.profile.url.as_deref().map(String::from),
                decision: decision.cloned(),
                batch,
            })
            .collect();
        let io_error = |error| JournalError::Io {
            path: self.path.clone(),
            error,
        };
        let mut lines = String::new();
        for (record, (invitation, decision)) in records.iter().zip(entries) {
            let kept = decision.and_then(|_| kept_json(invitation));
            lines.push_str(&encode(record, kept.as_deref()).map_err(io_error)?);
        }
        if self.cut_pending {
            self.cut_back().map_err(io_error)?;
            self.cut_pending = false;
        }
        let written = self
            .file
            .write_all(lines.as_bytes())
            .and_then(|()| self.file.sync_data());
        if let Err(error) = written {
            // The error to tell is the write's (a full disk, say); a cut
            // that fails too is tried again before the next append.
            self.cut_pending = self.cut_back().is_err();
            return Err(io_error(error));
        }
        self.len += lines.len() as u64;
        self.next_seq += records.len() as u64;
        Ok(records)
    }

    /// Cuts the file back to its last whole record and syncs the cut: a
    /// write that failed part way (a full disk) leaves nothing behind.
    fn cut_back(&self) -> io::Result<()> {
        self.file.set_len(self.len)?;
        self.file.sync_data()
    }
}

/// Reads every standing decision of the journal at `path` and its snapshot
/// without opening either for writing (for `export`, `sessions` and a
/// read-only console). A torn last line is skipped.
pub fn read(path: &Path) -> Result<Decisions, JournalError> {
    let (bytes, base) = load(path)?;
    replay(path, bytes.as_deref().unwrap_or(&[]), base).map(|(decisions, ..)| decisions)
}

/// Reads every standing decision of a journal's `bytes` with no snapshot,
/// as [`read`] does the file's; `path` is only named in errors. The fuzz
/// targets hand the reader bytes this way.
pub fn read_bytes(path: &Path, bytes: &[u8]) -> Result<Decisions, JournalError> {
    replay(path, bytes, Base::default()).map(|(decisions, ..)| decisions)
}

/// Where the snapshot of the journal at `path` lives: beside it.
pub fn snapshot_path(path: &Path) -> PathBuf {
    path.with_extension("snapshot")
}

/// What a journal is replayed on: its snapshot's decisions, the last
/// sequence number the snapshot covers (0: no snapshot) and its size.
#[derive(Default)]
struct Base {
    decisions: Decisions,
    covers: u64,
    len: u64,
}

/// The journal's bytes (`None` when there is no file yet) and its snapshot.
///
/// The journal is read first: a compaction replaces the snapshot before the
/// journal, so a journal read before the snapshot is never one that a newer
/// snapshot has not folded in. Read the other way round, the old snapshot
/// and the new, emptied journal could be read together, losing what only
/// the old journal held.
fn load(path: &Path) -> Result<(Option<Vec<u8>>, Base), JournalError> {
    let bytes = read_if_there(path)?;
    let snapshot = snapshot_path(path);
    let base = match snapshot::read(&snapshot) {
        Ok(Some(read)) => Base {
            decisions: read.decisions,
            covers: read.covers,
            len: read.len,
        },
        Ok(None) => Base::default(),
        Err(snapshot::ReadError::Io(error)) => {
            return Err(JournalError::Io {
                path: snapshot,
                error,
            });
        }
        Err(snapshot::ReadError::Damaged(problem)) => {
            return Err(JournalError::Snapshot {
                path: snapshot,
                problem,
            });
        }
    };
    Ok((bytes, base))
}

fn read_if_there(path: &Path) -> Result<Option<Vec<u8>>, JournalError> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(JournalError::Io {
            path: path.to_path_buf(),
            error,
        }),
    }
}

/// Replays `bytes` on `base`: the decisions, the next sequence number, and
/// how many bytes are whole records (less than all when the last line is
/// torn). Records are applied in the order of the file, so that a sequence
/// number written twice (by two consoles at once, before the session was
/// locked) still replays as it was decided. Records the snapshot covers
/// (left by a compaction that stopped before the journal was emptied) are
/// checked and skipped: none counts twice.
fn replay(path: &Path, bytes: &[u8], base: Base) -> Result<(Decisions, u64, usize), JournalError> {
    let Base {
        mut decisions,
        covers,
        ..
    } = base;
    let mut next_seq = covers + 1;
    let mut kept = 0;
    let mut lines = bytes
        .split_inclusive(|b| *b == b'\n')
        .enumerate()
        .peekable();
    while let Some((index, line)) = lines.next() {
        // Only a last line without its newline is torn: a record whose
        // write reached its newline was synced, and may have been shown.
        let torn = lines.peek().is_none() && !line.ends_with(b"\n");
        match decode(line) {
            Ok((record, invitation)) => {
                if record.seq > covers {
                    next_seq = next_seq.max(record.seq + 1);
                    decisions.apply(record, invitation);
                }
                kept += line.len();
            }
            Err(_) if torn => break,
            Err(problem) => {
                return Err(JournalError::Corrupt {
                    path: path.to_path_buf(),
                    line: index + 1,
                    problem,
                });
            }
        }
    }
    Ok((decisions, next_seq, kept))
}

fn sync_folder(path: &Path) -> io::Result<()> {
    match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => File::open(folder)?.sync_all(),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests;
