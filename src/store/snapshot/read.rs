//! Reading a snapshot: the header and the decisions, checked whole; the
//! kept invitations left in the file.

use std::collections::hash_map::Entry;
use std::fs::File;
use std::io;
use std::ops::Range;
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::sync::Arc;

use time::{OffsetDateTime, UtcOffset};

use super::{CRC_LEN, HEADER_LEN, MAGIC, MIN_ENTRY_LEN, VERSION};
use crate::model::{Decision, Verdict};
use crate::store::journal::{Decisions, Standing};
use crate::store::kept::Kept;

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
