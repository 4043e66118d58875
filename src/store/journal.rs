//! The decision journal: JSON Lines, one record per decision, undo or redo,
//! each with a sequence number and a checksum, appended and synced before
//! the console shows the change.
//!
//! A line is `{"crc":N,"record":{...}}` where N is the CRC-32 of the record's
//! exact text, so that a record damaged on disk is told from a good one.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::import::queue_json::InvitationOut;
use crate::model::{Decision, Invitation};

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

/// A line as [`encode`] writes it: the checksum of what follows it, then,
/// for a record that leaves a decision, the invitation as it was when
/// decided (queue-format v1: so that its facts can still be shown once it
/// has left the queue) with its length, then the record.
///
/// The invitation comes before the record with its length told, so that a
/// replay takes it as a slice, unread: only a gone invitation's is ever
/// read, and a replay reads no more JSON than the records themselves.
#[derive(Serialize)]
struct LineOut<'a> {
    crc: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    kept_len: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kept: Option<&'a RawValue>,
    record: &'a RawValue,
}

#[derive(Deserialize)]
struct LineIn<'a> {
    crc: u32,
    #[serde(borrow, default)]
    kept: Option<&'a RawValue>,
    #[serde(borrow)]
    record: &'a RawValue,
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
    pub snapshot: Option<Box<str>>,
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
}

/// What opening a journal found beyond the decisions.
#[derive(Debug, Default, PartialEq)]
pub struct Recovery {
    /// A torn last line (from a crash mid-write) was dropped and cut away.
    pub dropped_torn_line: bool,
}

impl Journal {
    /// Opens the journal at `path`, creating it if need be, and replays it.
    ///
    /// A torn last line (one without its newline) is cut away; a damaged
    /// line anywhere, the last one included, stops with an error and the
    /// file is not touched.
    pub fn open(path: &Path) -> Result<(Journal, Decisions, Recovery), JournalError> {
        let io_error = |error| JournalError::Io {
            path: path.to_path_buf(),
            error,
        };
        let (decisions, next_seq, keep_bytes, total) = match std::fs::read(path) {
            Ok(bytes) => {
                let (decisions, next_seq, keep) = replay(path, &bytes)?;
                (decisions, next_seq, keep, bytes.len())
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => (Decisions::default(), 1, 0, 0),
            Err(e) => return Err(io_error(e)),
        };
        let created = total == 0 && !path.exists();
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(io_error)?;
        let recovery = Recovery {
            dropped_torn_line: keep_bytes < total,
        };
        if recovery.dropped_torn_line {
            file.set_len(keep_bytes as u64).map_err(io_error)?;
            file.sync_all().map_err(io_error)?;
        }
        if created {
            sync_folder(path).map_err(io_error)?;
        }
        let journal = Journal {
            path: path.to_path_buf(),
            file,
            next_seq,
            len: keep_bytes as u64,
            cut_pending: false,
        };
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
            let kept = decision.and_then(|_| snapshot(invitation));
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

/// Reads every standing decision of the journal at `path` without opening it
/// for writing (for `export` and `sessions`). A torn last line is skipped.
pub fn read(path: &Path) -> Result<Decisions, JournalError> {
    match std::fs::read(path) {
        Ok(bytes) => read_bytes(path, &bytes),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Decisions::default()),
        Err(error) => Err(JournalError::Io {
            path: path.to_path_buf(),
            error,
        }),
    }
}

/// Reads every standing decision of a journal's `bytes`, as [`read`] does
/// the file's; `path` is only named in errors. The fuzz targets hand the
/// reader bytes this way.
pub fn read_bytes(path: &Path, bytes: &[u8]) -> Result<Decisions, JournalError> {
    replay(path, bytes).map(|(decisions, ..)| decisions)
}

/// The invitation in queue-format v1 JSON; `None` only if it cannot be
/// written, when the record goes without it.
fn snapshot(invitation: &Invitation) -> Option<Box<RawValue>> {
    let text = serde_json::to_string(&InvitationOut::from(invitation)).ok()?;
    RawValue::from_string(text).ok()
}

fn encode(record: &Record, kept: Option<&RawValue>) -> io::Result<String> {
    let body = serde_json::to_string(record)?;
    let raw = RawValue::from_string(body)?;
    let kept_text = kept.map_or("", |kept| kept.get());
    let mut line = serde_json::to_string(&LineOut {
        crc: checksum(kept_text, raw.get()),
        kept_len: kept.map(|kept| kept.get().len()),
        kept,
        record: &raw,
    })?;
    line.push('\n');
    Ok(line)
}

/// The CRC-32 of the kept invitation's text (empty when there is none)
/// followed by the record's.
fn checksum(kept: &str, record: &str) -> u32 {
    let mut hasher = crc32fast::Hasher::new();
    hasher.update(kept.as_bytes());
    hasher.update(record.as_bytes());
    hasher.finalize()
}

/// Replays `bytes`: the decisions, the next sequence number, and how many
/// bytes are whole records (less than all when the last line is torn).
/// Records are applied in the order of the file, so that a sequence number
/// written twice (by two consoles at once, before the session was locked)
/// still replays as it was decided.
fn replay(path: &Path, bytes: &[u8]) -> Result<(Decisions, u64, usize), JournalError> {
    let mut decisions = Decisions::default();
    let mut next_seq = 1;
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
                next_seq = next_seq.max(record.seq + 1);
                decisions.apply(record, invitation);
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

/// A line's record, and the invitation it keeps (its text, unread).
fn decode(line: &[u8]) -> Result<(Record, Option<&str>), String> {
    let text = std::str::from_utf8(line).map_err(|_| "the record is not UTF-8 text".to_string())?;
    let Some(text) = text.strip_suffix('\n') else {
        return Err("the record is cut short".into());
    };
    let (crc, kept, body) = match split_line(text) {
        Some(split) => split,
        None => {
            let parsed: LineIn = serde_json::from_str(text)
                .map_err(|e| format!("the record is not readable ({e})"))?;
            (
                parsed.crc,
                parsed.kept.map(RawValue::get),
                parsed.record.get(),
            )
        }
    };
    if checksum(kept.unwrap_or(""), body) != crc {
        return Err("the record's checksum does not match its text".into());
    }
    let record: Record =
        serde_json::from_str(body).map_err(|e| format!("the record is not readable ({e})"))?;
    if record.version > VERSION {
        return Err(format!(
            "the record is of version {}, newer than this inviteq reads ({VERSION})",
            record.version
        ));
    }
    Ok((record, kept))
}

/// The checksum, the kept invitation's text and the record's text of a
/// line laid out as [`encode`] writes it, found without reading the JSON;
/// `None` for a line laid out otherwise, which is then read in full. The
/// checksum and the reading of the record stand guard either way.
fn split_line(text: &str) -> Option<(u32, Option<&str>, &str)> {
    let rest = text.strip_prefix("{\"crc\":")?;
    let (crc, rest) = rest.split_once(',')?;
    let crc = crc.parse().ok()?;
    let (kept, rest) = match rest.strip_prefix("\"kept_len\":") {
        Some(rest) => {
            let (len, rest) = rest.split_once(",\"kept\":")?;
            let len: usize = len.parse().ok()?;
            let kept = rest.get(..len)?;
            (Some(kept), rest.get(len..)?.strip_prefix(',')?)
        }
        None => (None, rest),
    };
    let body = rest.strip_prefix("\"record\":")?.strip_suffix('}')?;
    Some((crc, kept, body))
}

fn sync_folder(path: &Path) -> io::Result<()> {
    match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => File::open(folder)?.sync_all(),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests;
