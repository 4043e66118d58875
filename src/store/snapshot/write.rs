//! Writing a snapshot: the entries, the texts they point into, and the
//! kept invitations, each under its own checksum.

use time::OffsetDateTime;

use super::{CRC_LEN, HEADER_LEN, MAGIC, VERSION};
use crate::model::{Decision, Verdict};
use crate::store::journal::{Decisions, Standing};

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
pub(super) struct Writer {
    pub(super) entries: Vec<u8>,
    pub(super) texts: Vec<u8>,
    pub(super) kept: Vec<u8>,
}

impl Writer {
    pub(super) fn entry(&mut self, id: &str, standing: &Standing) -> Result<(), String> {
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
