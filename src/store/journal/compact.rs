//! Compaction: the journal folded into a snapshot of every standing
//! decision, and the journal emptied, so that reopening a long review reads
//! the compact snapshot and a short tail instead of every record.
//!
//! It runs when the console opens a review it holds, right after the
//! replay, when the tail has grown past a quarter of the snapshot (and
//! past [`MIN_TAIL`]): the decisions are then in memory and exactly what
//! the files hold, since nothing was appended yet, and a crash or a kill
//! that skips it loses nothing, the next opening compacts instead. So the
//! tail an opening replays stays under a quarter of the snapshot's size,
//! and the snapshot is written again at most once for each quarter of its
//! size the journal grows (see `reopen` in `benches/console.rs`). A
//! read-only console, `export` and `sessions` only read, and never
//! compact.
//!
//! Two atomic replacements (temporary file, sync, rename, sync of the
//! folder), in this order:
//!
//! 1. the snapshot, covering every record up to the last sequence number;
//! 2. the journal, by an empty one (its tail: every record is folded in).
//!
//! A crash before 1 leaves the old snapshot (or none) and the old journal;
//! between 1 and 2, the new snapshot and the old journal, whose records it
//! covers and a replay skips; after 2, the new snapshot alone. No decision
//! is lost or counted twice, and the next sequence number goes on from the
//! snapshot's, so none is used again.

use std::fs::OpenOptions;
use std::io;

use super::{Decisions, Journal, JournalError, snapshot, snapshot_path};
use crate::store::atomic::atomic_write;

/// A tail smaller than this is never compacted: it replays in a few
/// milliseconds, and compacting costs two syncs.
const MIN_TAIL: u64 = 1 << 20;

/// When [`Journal::open_with`] compacts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compaction {
    /// When the tail has grown past a quarter of the snapshot and past
    /// [`MIN_TAIL`], as the console does.
    WhenWorthIt,
    /// Whatever the sizes (for tests and benches).
    Now,
}

impl Compaction {
    /// Whether a journal whose whole records take `tail` bytes, on a
    /// snapshot of `snapshot` bytes, is compacted.
    pub(super) fn wanted(self, tail: u64, snapshot: u64) -> bool {
        match self {
            Compaction::Now => true,
            Compaction::WhenWorthIt => tail >= MIN_TAIL && tail.saturating_mul(4) >= snapshot,
        }
    }
}

impl Journal {
    /// Folds `decisions`, which must be what opening this journal replayed
    /// (nothing appended since), into a new snapshot, then empties the
    /// journal. On an error the files are as they were, or as a crash at
    /// that step leaves them: every decision is kept either way.
    pub(super) fn compact(&mut self, decisions: &Decisions) -> Result<(), JournalError> {
        let covers = self.next_seq - 1;
        self.snapshot_len = write_snapshot(&self.path, decisions, covers)?;
        let emptied = atomic_write(&self.path, b"");
        // Whether or not the rename was made, the file open may be the one
        // replaced: append to the one at the path from now on.
        if self.reopen().is_err() {
            self.reopen_pending = true;
        }
        emptied.map_err(|error| JournalError::Io {
            path: self.path.clone(),
            error,
        })
    }

    /// Opens the file at the journal's path again for appending, after a
    /// compaction replaced it.
    pub(super) fn reopen(&mut self) -> io::Result<()> {
        let file = OpenOptions::new().append(true).open(&self.path)?;
        self.len = file.metadata()?.len();
        self.file = file;
        self.reopen_pending = false;
        Ok(())
    }
}

/// Step 1: the snapshot of `decisions` covering sequence numbers up to
/// `covers`, written atomically beside the journal at `path`; its size.
pub(super) fn write_snapshot(
    path: &std::path::Path,
    decisions: &Decisions,
    covers: u64,
) -> Result<u64, JournalError> {
    let snapshot = snapshot_path(path);
    let io_error = |error| JournalError::Io {
        path: snapshot.clone(),
        error,
    };
    let bytes = snapshot::encode(decisions, covers)
        .map_err(|unwritable| io_error(io::Error::new(io::ErrorKind::InvalidData, unwritable)))?;
    atomic_write(&snapshot, &bytes).map_err(io_error)?;
    Ok(bytes.len() as u64)
}

#[cfg(test)]
mod tests;
