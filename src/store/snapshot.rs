//! The journal's snapshot: every standing decision as of one sequence
//! number, so that reopening a long review reads one compact file and the
//! journal's short tail instead of every record ever written (see
//! `journal::compact` for when it is written, and how).
//!
//! Binary, so that a replay reads no JSON and no dates: only lengths,
//! integers and slices. Little-endian throughout:
//!
//! ```text
//! "inviteq-snapshot" (16 bytes)  version u32  covers u64  count u64  texts_len u64
//! count entries
//! the texts (texts_len bytes of UTF-8)
//! crc32 u32 of every byte before it
//! ```
//!
//! `covers` is the last sequence number folded in: a replay skips the
//! journal's records at or below it. An entry is the id (str), the
//! sequence number that set it (u64), the name and profile URL (opt str),
//! the decision (action u8, template and reply opt str, decided_at time,
//! carried_out_at opt time) and the invitation as it was (opt str,
//! queue-format v1 JSON). A str is where its text is among the texts
//! (offset u64, length u32); an opt is a byte 0 (none) or 1 and the value;
//! a time is the Unix time in nanoseconds (i128) and the offset in seconds
//! (i32).
//!
//! The texts are checked as UTF-8 once, all together, and the kept
//! invitations stay in them, shared, unread until a gone invitation is
//! shown: a snapshot of 100,000 decisions is read with no allocation for
//! its invitations, and dropped with none to free.

use std::collections::hash_map::Entry;
use std::fs::File;
use std::io::{self, Read};
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use time::{OffsetDateTime, UtcOffset};

use super::journal::{Decisions, Kept, Standing};
use crate::model::{Decision, Verdict};

const MAGIC: &[u8; 16] = b"inviteq-snapshot";
const VERSION: u32 = 1;
const HEADER_LEN: usize = MAGIC.len() + 4 + 8 + 8 + 8;
const CRC_LEN: usize = 4;
const STR_LEN: usize = 8 + 4;
/// The fewest bytes an entry takes (no options): a damaged count cannot
/// make the reader reserve more than the file could hold.
const MIN_ENTRY_LEN: usize = STR_LEN + 8 + 1 + 1 + 1 + 1 + 1 + 20 + 1 + 1;

/// `decisions` as a snapshot that covers the records up to sequence number
/// `covers`; refused only for a text of 4 GiB or more, which no queue
/// inviteq reads can hold.
pub fn encode(decisions: &Decisions, covers: u64) -> Result<Vec<u8>, TooLong> {
    let mut writer = Writer {
        entries: Vec::with_capacity(decisions.by_id.len() * 96),
        texts: Vec::new(),
    };
    for (id, standing) in &decisions.by_id {
        writer
            .entry(id, standing)
            .map_err(|_| TooLong { id: id.to_string() })?;
    }
    let Writer { entries, texts } = writer;
    let mut out = Vec::with_capacity(HEADER_LEN + entries.len() + texts.len() + CRC_LEN);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&covers.to_le_bytes());
    out.extend_from_slice(&(decisions.by_id.len() as u64).to_le_bytes());
    out.extend_from_slice(&(texts.len() as u64).to_le_bytes());
    out.extend_from_slice(&entries);
    out.extend_from_slice(&texts);
    let crc = crc32fast::hash(&out);
    out.extend_from_slice(&crc.to_le_bytes());
    Ok(out)
}

/// A text too long for a snapshot's u32 length: nothing is written.
#[derive(Debug, thiserror::Error)]
#[error("a text of invitation {id:?} is too long to keep in a snapshot")]
pub struct TooLong {
    id: String,
}

/// The entries as they are written, and the texts they point into.
struct Writer {
    entries: Vec<u8>,
    texts: Vec<u8>,
}

impl Writer {
    fn entry(&mut self, id: &str, standing: &Standing) -> Result<(), std::num::TryFromIntError> {
        // Taken apart whole, so that a field added to either is a compile
        // error here rather than a field a snapshot silently drops.
        let Standing {
            seq,
            decision,
            name,
            url,
            snapshot,
        } = standing;
        let Decision {
            action,
            template,
            reply,
            decided_at,
            carried_out_at,
        } = decision;
        self.str(id)?;
        self.entries.extend_from_slice(&seq.to_le_bytes());
        self.opt_str(name.as_deref())?;
        self.opt_str(url.as_deref())?;
        self.entries.push(match action {
            Verdict::Accept => 0,
            Verdict::Ignore => 1,
            Verdict::Reply => 2,
        });
        self.opt_str(template.as_deref())?;
        self.opt_str(reply.as_deref())?;
        self.time(*decided_at);
        match carried_out_at {
            Some(at) => {
                self.entries.push(1);
                self.time(*at);
            }
            None => self.entries.push(0),
        }
        self.opt_str(snapshot.as_deref())
    }

    fn str(&mut self, text: &str) -> Result<(), std::num::TryFromIntError> {
        let len = u32::try_from(text.len())?;
        let offset = self.texts.len() as u64;
        self.entries.extend_from_slice(&offset.to_le_bytes());
        self.entries.extend_from_slice(&len.to_le_bytes());
        self.texts.extend_from_slice(text.as_bytes());
        Ok(())
    }

    fn opt_str(&mut self, text: Option<&str>) -> Result<(), std::num::TryFromIntError> {
        match text {
            Some(text) => {
                self.entries.push(1);
                self.str(text)
            }
            None => {
                self.entries.push(0);
                Ok(())
            }
        }
    }

    fn time(&mut self, at: OffsetDateTime) {
        self.entries
            .extend_from_slice(&at.unix_timestamp_nanos().to_le_bytes());
        self.entries
            .extend_from_slice(&at.offset().whole_seconds().to_le_bytes());
    }
}

/// The bytes of the snapshot at `path`, `None` when there is none, read
/// straight into the buffer its kept invitations will share.
pub fn read_file(path: &Path) -> io::Result<Option<Arc<[u8]>>> {
    let mut file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let len = usize::try_from(file.metadata()?.len()).map_err(io::Error::other)?;
    let mut bytes: Arc<[u8]> = std::iter::repeat_n(0, len).collect();
    let buffer = Arc::get_mut(&mut bytes).ok_or_else(|| io::Error::other("a shared buffer"))?;
    file.read_exact(buffer)?;
    // A snapshot is replaced whole, never written in place: one that grew
    // meanwhile is not one inviteq wrote.
    if file.read(&mut [0])? != 0 {
        return Err(io::Error::other("the file grew while it was read"));
    }
    Ok(Some(bytes))
}

/// The decisions a snapshot's `bytes` hold, and the last sequence number
/// it covers; what is wrong with it otherwise, with the byte it was found
/// at.
pub fn decode(bytes: &Arc<[u8]>) -> Result<(Decisions, u64), String> {
    let Some(rest) = bytes.strip_prefix(MAGIC.as_slice()) else {
        return Err("not an inviteq snapshot (its first bytes are not `inviteq-snapshot`)".into());
    };
    if rest.len() < HEADER_LEN - MAGIC.len() + CRC_LEN {
        return Err("cut short: the file ends inside its header".into());
    }
    let mut reader = Reader {
        bytes,
        end: HEADER_LEN,
        at: MAGIC.len(),
        texts_at: 0,
    };
    let version = reader.u32()?;
    if version > VERSION {
        return Err(format!(
            "the snapshot is of version {version}, newer than this inviteq reads ({VERSION})"
        ));
    }
    let (body, crc) = bytes.split_at(bytes.len() - CRC_LEN);
    let crc = u32::from_le_bytes([crc[0], crc[1], crc[2], crc[3]]);
    if crc32fast::hash(body) != crc {
        return Err("its checksum does not match its bytes (damaged or cut short)".into());
    }
    let covers = reader.u64()?;
    let count = reader.u64()?;
    let texts_len = reader.u64()?;
    let texts_at = usize::try_from(texts_len)
        .ok()
        .and_then(|len| body.len().checked_sub(len))
        .filter(|at| *at >= HEADER_LEN)
        .ok_or_else(|| format!("its texts ({texts_len} bytes) are longer than the file"))?;
    reader.end = texts_at;
    reader.texts_at = texts_at;
    let room = (texts_at - HEADER_LEN) / MIN_ENTRY_LEN;
    let mut decisions = Decisions::default();
    decisions
        .by_id
        .reserve(usize::try_from(count).unwrap_or(usize::MAX).min(room));
    for _ in 0..count {
        let at = reader.at;
        let (id, standing) = reader.entry()?;
        if standing.seq > covers {
            return Err(format!(
                "byte {at}: a decision of sequence number {} after the {covers} the snapshot covers",
                standing.seq
            ));
        }
        match decisions.by_id.entry(id) {
            Entry::Occupied(taken) => {
                return Err(format!(
                    "byte {at}: invitation {:?} is in it twice",
                    taken.key()
                ));
            }
            Entry::Vacant(free) => {
                free.insert(standing);
            }
        }
    }
    if reader.at != texts_at {
        return Err(format!(
            "byte {}: {} bytes after its last decision",
            reader.at,
            texts_at - reader.at
        ));
    }
    Ok((decisions, covers))
}

/// Reads a snapshot's entries front to back; every error names the byte
/// it is at.
struct Reader<'a> {
    /// The whole snapshot, which the kept invitations share.
    bytes: &'a Arc<[u8]>,
    /// Where the entries end.
    end: usize,
    at: usize,
    /// Where the texts begin.
    texts_at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, len: usize) -> Result<&'a [u8], String> {
        let bytes: &'a [u8] = self.bytes;
        let end = self
            .at
            .checked_add(len)
            .filter(|end| *end <= self.end)
            .ok_or_else(|| format!("byte {}: cut short", self.at))?;
        let taken = &bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], String> {
        let mut array = [0; N];
        array.copy_from_slice(self.take(N)?);
        Ok(array)
    }

    fn u32(&mut self) -> Result<u32, String> {
        self.array().map(u32::from_le_bytes)
    }

    fn u64(&mut self) -> Result<u64, String> {
        self.array().map(u64::from_le_bytes)
    }

    fn flag(&mut self) -> Result<bool, String> {
        match self.array::<1>()? {
            [0] => Ok(false),
            [1] => Ok(true),
            [other] => Err(format!(
                "byte {}: {other} where 0 or 1 belongs",
                self.at - 1
            )),
        }
    }

    /// Where a text is in the snapshot, from where it is among the texts;
    /// the byte of the entry's field, for errors.
    fn span(&mut self) -> Result<(Range<usize>, usize), String> {
        let at = self.at;
        let offset = self.u64()?;
        let len = self.u32()?;
        let texts_len = self.bytes.len() - CRC_LEN - self.texts_at;
        usize::try_from(offset)
            .ok()
            .and_then(|start| Some(start..start.checked_add(len as usize)?))
            .filter(|range| range.end <= texts_len)
            .map(|range| (self.texts_at + range.start..self.texts_at + range.end, at))
            .ok_or_else(|| {
                format!(
                    "byte {at}: a text at {offset} of {len} bytes, not within the {texts_len} bytes of texts from byte {}",
                    self.texts_at
                )
            })
    }

    /// A text, as whichever owned string its field holds.
    fn str<T: for<'s> From<&'s str>>(&mut self) -> Result<T, String> {
        let (range, at) = self.span()?;
        std::str::from_utf8(&self.bytes[range])
            .map(T::from)
            .map_err(|_| format!("byte {at}: a text not in UTF-8"))
    }

    fn kept(&mut self) -> Result<Kept, String> {
        let (range, at) = self.span()?;
        Kept::within(self.bytes, range).ok_or_else(|| format!("byte {at}: a text not in UTF-8"))
    }

    fn opt_str<T: for<'s> From<&'s str>>(&mut self) -> Result<Option<T>, String> {
        if self.flag()? {
            self.str().map(Some)
        } else {
            Ok(None)
        }
    }

    fn time(&mut self) -> Result<OffsetDateTime, String> {
        let at = self.at;
        let nanos = i128::from_le_bytes(self.array()?);
        let offset = i32::from_le_bytes(self.array()?);
        OffsetDateTime::from_unix_timestamp_nanos(nanos)
            .ok()
            .zip(UtcOffset::from_whole_seconds(offset).ok())
            .and_then(|(utc, offset)| utc.checked_to_offset(offset))
            .ok_or_else(|| format!("byte {at}: not a time inviteq can hold"))
    }

    fn entry(&mut self) -> Result<(String, Standing), String> {
        let id = self.str()?;
        let seq = self.u64()?;
        let name = self.opt_str()?;
        let url = self.opt_str()?;
        let action = match self.array::<1>()? {
            [0] => Verdict::Accept,
            [1] => Verdict::Ignore,
            [2] => Verdict::Reply,
            [other] => return Err(format!("byte {}: no action is {other}", self.at - 1)),
        };
        let template = self.opt_str()?;
        let reply = self.opt_str()?;
        let decided_at = self.time()?;
        let carried_out_at = if self.flag()? {
            Some(self.time()?)
        } else {
            None
        };
        let snapshot = if self.flag()? {
            Some(self.kept()?)
        } else {
            None
        };
        let decision = Decision {
            action,
            template,
            reply,
            decided_at,
            carried_out_at,
        };
        let standing = Standing {
            seq,
            decision,
            name,
            url,
            snapshot,
        };
        Ok((id, standing))
    }
}

#[cfg(test)]
mod tests;
