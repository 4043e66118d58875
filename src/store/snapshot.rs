//! The journal's snapshot: every standing decision as of one sequence
//! number, so that reopening a long review reads one compact file and the
//! journal's short tail instead of every record ever written (see
//! `journal::compact` for when it is written, and how).
//!
//! Binary, so that a replay reads no JSON and no dates: only lengths,
//! integers and slices. Little-endian throughout:
//!
//! ```text
//! "inviteq-snapshot" (16 bytes)  version u32  covers u64  count u64
//!     entries_len u64  texts_len u64  kept_len u64
//! the entries (count of them, entries_len bytes)
//! the texts (texts_len bytes of UTF-8)
//! crc32 u32 of every byte before it
//! the kept invitations (kept_len bytes)
//! ```
//!
//! `covers` is the last sequence number folded in: a replay skips the
//! journal's records at or below it. An entry is the id (str), the
//! sequence number that set it (u64), the name and profile URL (opt str),
//! the decision (action u8, template and reply opt str, decided_at time,
//! carried_out_at opt time) and the invitation as it was (opt kept). A str
//! is where its text is among the texts (offset u64, length u32); a kept
//! is where the invitation is among the kept ones (offset u64, length u32)
//! and its own crc32 (u32); an opt is a byte 0 (none) or 1 and the value; a
//! time is the Unix time in nanoseconds (i128) and the offset in seconds
//! (i32).
//!
//! Opening reads and checks everything but the kept invitations, which
//! are most of the file and of which only the gone rows' are ever shown:
//! each is read when asked for, and checked against its own checksum then
//! (see [`Kept`]).

use std::collections::hash_map::Entry;
use std::fs::File;
use std::io;
use std::ops::Range;
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::sync::Arc;

use time::{OffsetDateTime, UtcOffset};

use super::journal::{Decisions, Standing};
use super::kept::Kept;
use crate::model::{Decision, Verdict};

const MAGIC: &[u8; 16] = b"inviteq-snapshot";
const VERSION: u32 = 1;
const HEADER_LEN: usize = MAGIC.len() + 4 + 8 * 5;
const CRC_LEN: usize = 4;
const STR_LEN: usize = 8 + 4;
/// The fewest bytes an entry takes (no options): a count cannot make the
/// reader reserve more than the entries could hold.
const MIN_ENTRY_LEN: usize = STR_LEN + 8 + 1 + 1 + 1 + 1 + 1 + 20 + 1 + 1;

/// `decisions` as a snapshot that covers the records up to sequence number
/// `covers`. Refused when a kept invitation cannot be read from the
/// snapshot it was read from, or for a text of 4 GiB or more, which no
/// queue inviteq reads can hold.
pub fn encode(decisions: &Decisions, covers: u64) -> Result<Vec<u8>, Unwritable> {
    let mut writer = Writer {
        entries: Vec::with_capacity(decisions.by_id.len() * 96),
        texts: Vec::new(),
        kept: Vec::new(),
    };
    for (id, standing) in &decisions.by_id {
        writer.entry(id, standing).map_err(|problem| Unwritable {
            id: id.to_string(),
            problem,
        })?;
    }
    let Writer {
        entries,
        texts,
        kept,
    } = writer;
    let mut out =
        Vec::with_capacity(HEADER_LEN + entries.len() + texts.len() + CRC_LEN + kept.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    for field in [
        covers,
        decisions.by_id.len() as u64,
        entries.len() as u64,
        texts.len() as u64,
        kept.len() as u64,
    ] {
        out.extend_from_slice(&field.to_le_bytes());
    }
    out.extend_from_slice(&entries);
    out.extend_from_slice(&texts);
    let crc = crc32fast::hash(&out);
    out.extend_from_slice(&crc.to_le_bytes());
    out.extend_from_slice(&kept);
    Ok(out)
}

/// A decision that cannot be put in a snapshot: nothing is written.
#[derive(Debug, thiserror::Error)]
#[error("invitation {id:?}: {problem}")]
pub struct Unwritable {
    id: String,
    problem: String,
}

/// The entries as they are written, and the texts and kept invitations
/// they point into.
struct Writer {
    entries: Vec<u8>,
    texts: Vec<u8>,
    kept: Vec<u8>,
}

impl Writer {
    fn entry(&mut self, id: &str, standing: &Standing) -> Result<(), String> {
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
        let too_long = |_| "a text too long to keep".to_string();
        self.str(id).map_err(too_long)?;
        self.entries.extend_from_slice(&seq.to_le_bytes());
        self.opt_str(name.as_deref()).map_err(too_long)?;
        self.opt_str(url.as_deref()).map_err(too_long)?;
        self.entries.push(match action {
            Verdict::Accept => 0,
            Verdict::Ignore => 1,
            Verdict::Reply => 2,
        });
        self.opt_str(template.as_deref()).map_err(too_long)?;
        self.opt_str(reply.as_deref()).map_err(too_long)?;
        self.time(*decided_at);
        match carried_out_at {
            Some(at) => {
                self.entries.push(1);
                self.time(*at);
            }
            None => self.entries.push(0),
        }
        match snapshot {
            Some(kept) => {
                self.entries.push(1);
                let text = kept.text()?;
                let len = u32::try_from(text.len()).map_err(too_long)?;
                let offset = self.kept.len() as u64;
                self.entries.extend_from_slice(&offset.to_le_bytes());
                self.entries.extend_from_slice(&len.to_le_bytes());
                let crc = crc32fast::hash(text.as_bytes());
                self.entries.extend_from_slice(&crc.to_le_bytes());
                self.kept.extend_from_slice(text.as_bytes());
            }
            None => self.entries.push(0),
        }
        Ok(())
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

/// A snapshot as read.
pub struct Snapshot {
    pub decisions: Decisions,
    /// The last sequence number it covers.
    pub covers: u64,
    /// Its size in bytes.
    pub len: u64,
}

/// Why a snapshot could not be read.
#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    /// What is wrong with it, with the byte it was found at.
    Damaged(String),
}

/// Reads the snapshot at `path`, `None` when there is none: every decision
/// checked, the kept invitations left in the file (see [`Kept`]).
pub fn read(path: &Path) -> Result<Option<Snapshot>, ReadError> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(ReadError::Io(e)),
    };
    let len = file.metadata().map_err(ReadError::Io)?.len();
    let mut header = [0; HEADER_LEN + CRC_LEN];
    let start = usize::try_from(len).map_or(header.len(), |len| len.min(header.len()));
    file.read_exact_at(&mut header[..start], 0)
        .map_err(ReadError::Io)?;
    let Header {
        index_len,
        kept_len,
        ..
    } = header_of(&header[..start]).map_err(ReadError::Damaged)?;
    let whole = (index_len as u64).checked_add(CRC_LEN as u64 + kept_len);
    if whole != Some(len) {
        return Err(ReadError::Damaged(format!(
            "{len} bytes where its header says {} (damaged or cut short)",
            whole.map_or_else(|| "more than there can be".to_string(), |w| w.to_string())
        )));
    }
    let mut index = vec![0; index_len + CRC_LEN];
    file.read_exact_at(&mut index, 0).map_err(ReadError::Io)?;
    let (decisions, covers) = decode(&index, &Arc::new(file)).map_err(ReadError::Damaged)?;
    Ok(Some(Snapshot {
        decisions,
        covers,
        len,
    }))
}

/// What a snapshot's header says.
struct Header {
    covers: u64,
    count: u64,
    entries_len: usize,
    texts_len: usize,
    /// The bytes before the checksum: the header, entries and texts.
    index_len: usize,
    kept_len: u64,
}

/// The header at the start of `bytes` (which may be the whole snapshot).
fn header_of(bytes: &[u8]) -> Result<Header, String> {
    if !bytes.starts_with(MAGIC) {
        return Err("not an inviteq snapshot (its first bytes are not `inviteq-snapshot`)".into());
    }
    let mut reader = Reader {
        bytes,
        end: bytes.len().min(HEADER_LEN),
        at: MAGIC.len(),
        texts_at: 0,
        file: None,
    };
    let version = reader.u32()?;
    if version > VERSION {
        return Err(format!(
            "the snapshot is of version {version}, newer than this inviteq reads ({VERSION})"
        ));
    }
    let covers = reader.u64()?;
    let count = reader.u64()?;
    let entries_len = reader.u64()?;
    let texts_len = reader.u64()?;
    let kept_len = reader.u64()?;
    let too_big = || {
        format!(
            "its header says more than there can be ({entries_len} bytes of entries, {texts_len} of texts)"
        )
    };
    let entries_len = usize::try_from(entries_len).map_err(|_| too_big())?;
    let texts_len = usize::try_from(texts_len).map_err(|_| too_big())?;
    let index_len = HEADER_LEN
        .checked_add(entries_len)
        .and_then(|len| len.checked_add(texts_len))
        .ok_or_else(too_big)?;
    Ok(Header {
        covers,
        count,
        entries_len,
        texts_len,
        index_len,
        kept_len,
    })
}

/// The decisions of a snapshot's `index` (every byte up to the kept
/// invitations, its checksum included), their kept invitations left in
/// `file`, and the last sequence number it covers; what is wrong with it
/// otherwise, with the byte it was found at.
fn decode(index: &[u8], file: &Arc<File>) -> Result<(Decisions, u64), String> {
    let Header {
        covers,
        count,
        entries_len,
        texts_len,
        index_len,
        kept_len,
    } = header_of(index)?;
    if index.len() != index_len + CRC_LEN {
        return Err("cut short".into());
    }
    let (body, crc) = index.split_at(index_len);
    let crc = u32::from_le_bytes([crc[0], crc[1], crc[2], crc[3]]);
    if crc32fast::hash(body) != crc {
        return Err("its checksum does not match its bytes (damaged or cut short)".into());
    }
    let texts_at = HEADER_LEN + entries_len;
    let mut reader = Reader {
        bytes: body,
        end: texts_at,
        at: HEADER_LEN,
        texts_at,
        file: Some(Kepts {
            file,
            at: (index_len + CRC_LEN) as u64,
            len: kept_len,
        }),
    };
    debug_assert_eq!(body.len(), texts_at + texts_len);
    let room = entries_len / MIN_ENTRY_LEN;
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

/// Where a snapshot's kept invitations are.
struct Kepts<'a> {
    file: &'a Arc<File>,
    /// The byte they begin at, and how many there are.
    at: u64,
    len: u64,
}

/// Reads a snapshot's header or entries front to back; every error names
/// the byte it is at.
struct Reader<'a> {
    bytes: &'a [u8],
    /// Where what is read ends: the header, or the entries.
    end: usize,
    at: usize,
    /// Where the texts begin.
    texts_at: usize,
    /// Where the kept invitations are, when reading entries.
    file: Option<Kepts<'a>>,
}

impl<'a> Reader<'a> {
    fn take(&mut self, len: usize) -> Result<&'a [u8], String> {
        let end = self
            .at
            .checked_add(len)
            .filter(|end| *end <= self.end)
            .ok_or_else(|| format!("byte {}: cut short", self.at))?;
        let taken = &self.bytes[self.at..end];
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
        let texts_len = self.bytes.len() - self.texts_at;
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

    fn opt_str<T: for<'s> From<&'s str>>(&mut self) -> Result<Option<T>, String> {
        if self.flag()? {
            self.str().map(Some)
        } else {
            Ok(None)
        }
    }

    /// A kept invitation, left where it is in the file.
    fn kept(&mut self) -> Result<Kept, String> {
        let at = self.at;
        let offset = self.u64()?;
        let len = self.u32()?;
        let crc = self.u32()?;
        let kepts = self.file.as_ref().ok_or("a kept invitation in a header")?;
        offset
            .checked_add(u64::from(len))
            .filter(|end| *end <= kepts.len)
            .map(|_| Kept::in_file(kepts.file, kepts.at + offset, len, crc))
            .ok_or_else(|| {
                format!(
                    "byte {at}: an invitation at {offset} of {len} bytes, not within the {} bytes of them",
                    kepts.len
                )
            })
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
