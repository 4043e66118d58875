//! A journal line: `{"crc":N,"kept_len":K,"kept":{...},"record":{...}}`,
//! written and read.

use std::io;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::{Record, VERSION};
use crate::import::queue_json::InvitationOut;
use crate::model::Invitation;

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

/// The invitation in queue-format v1 JSON; `None` only if it cannot be
/// written, when the record goes without it.
pub(super) fn kept_json(invitation: &Invitation) -> Option<Box<RawValue>> {
    let text = serde_json::to_string(&InvitationOut::from(invitation)).ok()?;
    RawValue::from_string(text).ok()
}

pub(super) fn encode(record: &Record, kept: Option<&RawValue>) -> io::Result<String> {
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

/// A line's record, and the invitation it keeps (its text, unread).
pub(super) fn decode(line: &[u8]) -> Result<(Record, Option<&str>), String> {
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
