//! The project's own queue file (see `queue-format.md`): an object with
//! `invitations`, or a bare array of invitation objects.
//!
//! A good file is read in one pass, a buffer at a time (`stream`), each
//! invitation built as soon as its text is in. When anything is wrong, the
//! file is read whole and each invitation again on its own from its slice
//! of the file, so that one bad invitation does not hide the problems of
//! the others and every problem is told at its line and column in the file.

use std::borrow::Cow;
use std::io::{self, Read, Seek};

use foldhash::HashMap;

use serde::Deserialize;
use serde_json::value::RawValue;
use time::{Date, OffsetDateTime};

use super::clean::{
    LINE_CAP, NAME_CAP, TEXT_CAP, clean_line_cow, clean_name_cow, clean_optional_line,
    clean_text_cow,
};
use super::id::derive_id;
use crate::model::{Invitation, Kind, Owner, Photo, Profile, Queue, Source, Text};
use crate::problem::{Problem, position};
use fields::{count, date, kind, photo, sources, timestamp};

mod fields;
mod out;
mod split;
mod stream;

pub use out::InvitationOut;

const FORMAT: &str = "inviteq-queue";
const VERSION: u32 = 1;

/// The queue object; `T` is an invitation, read whole or as its raw text.
#[derive(Deserialize)]
struct Envelope<T> {
    format: Option<String>,
    version: Option<u32>,
    #[serde(default)]
    owner: Option<RawOwner>,
    invitations: Vec<T>,
}

#[derive(Deserialize)]
struct RawOwner {
    name: Option<String>,
    company: Option<String>,
}

/// An invitation as the file writes it. Its text is borrowed from the file
/// where the file holds it as it is (no escapes), so that reading it makes
/// no copy; cleaning makes the one the queue keeps.
#[derive(Deserialize)]
struct RawInvitation<'a> {
    #[serde(borrow)]
    id: Option<Cow<'a, str>>,
    #[serde(default, deserialize_with = "timestamp")]
    sent_at: Option<OffsetDateTime>,
    #[serde(borrow)]
    message: Option<Cow<'a, str>>,
    #[serde(borrow)]
    profile: RawProfile<'a>,
    // What `inviteq queue` adds to the format, read back.
    #[serde(default, deserialize_with = "kind")]
    kind: Kind,
    #[serde(default)]
    sent_approximate: bool,
    #[serde(default)]
    note_cut: bool,
    #[serde(default)]
    already_connected: bool,
    #[serde(default, deserialize_with = "sources")]
    sources: Vec<Source>,
}

#[derive(Deserialize)]
struct RawProfile<'a> {
    #[serde(borrow)]
    name: Cow<'a, str>,
    #[serde(borrow)]
    headline: Option<Cow<'a, str>>,
    #[serde(borrow)]
    about: Option<Cow<'a, str>>,
    #[serde(borrow)]
    company: Option<Cow<'a, str>>,
    #[serde(borrow)]
    location: Option<Cow<'a, str>>,
    #[serde(borrow)]
    url: Option<Cow<'a, str>>,
    #[serde(default, deserialize_with = "photo")]
    photo: Photo,
    #[serde(default, deserialize_with = "count")]
    connections: Option<u32>,
    #[serde(default, deserialize_with = "count")]
    mutual_connections: Option<u32>,
    #[serde(default, deserialize_with = "date")]
    account_created: Option<Date>,
    #[serde(default, deserialize_with = "count")]
    experience_count: Option<u32>,
    #[serde(default, deserialize_with = "count")]
    education_count: Option<u32>,
    verified: Option<bool>,
    follows_you: Option<bool>,
}

/// Why a queue file was not read.
#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    /// Every problem found in it.
    Invalid(Vec<Problem>),
}

impl From<io::Error> for ReadError {
    fn from(error: io::Error) -> Self {
        ReadError::Io(error)
    }
}

/// Reads the queue file in `source`, `size` bytes long: a good one a
/// buffer at a time, never held whole; one with anything wrong read whole
/// again, to tell every problem at its line and column.
pub fn read(mut source: impl Read + Seek, size: u64) -> Result<Queue, ReadError> {
    if let Some(queue) = stream::read_in_pieces(&mut source, size, stream::CHUNK)? {
        return Ok(queue);
    }
    source.rewind()?;
    let mut bytes = Vec::new();
    source.read_to_end(&mut bytes)?;
    read_carefully(&bytes).map_err(ReadError::Invalid)
}

/// Parses a whole queue file, or says every problem found in it.
pub fn parse(bytes: &[u8]) -> Result<Queue, Vec<Problem>> {
    // Bytes in memory read without an I/O error.
    if let Ok(Some(queue)) = stream::read_in_pieces(bytes, bytes.len() as u64, stream::CHUNK) {
        return Ok(queue);
    }
    read_carefully(bytes)
}

/// A file the quick reading refused, read whole, each invitation on its
/// own from its slice of the file: one bad invitation does not hide the
/// problems of the others, and each is told at its line and column. An id
/// given twice is a warning here, the later invitation kept.
fn read_carefully(bytes: &[u8]) -> Result<Queue, Vec<Problem>> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = position(
            std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default(),
            e.valid_up_to(),
        );
        vec![Problem {
            line,
            column,
            message: format!(
                "not UTF-8 text (byte 0x{:02x}); a queue file is JSON",
                bytes[e.valid_up_to()]
            ),
        }]
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(vec![Problem {
            line: 1,
            column: 1,
            message: "the file is empty; a queue is a JSON object with \"invitations\" or an array of invitations".into(),
        }]);
    }
    crate::progress::expect(count_invitations(text.as_bytes(), text.len()));
    let (owner, items) = read_envelope(text)?;

    let mut queue = Queue {
        owner,
        ..Queue::default()
    };
    let mut problems = Vec::new();
    let mut seen: HashMap<Text, (usize, usize)> =
        HashMap::with_capacity_and_hasher(items.len(), Default::default());
    let mut lines = Lines::new(text);
    for (index, raw) in items.into_iter().enumerate() {
        let start = offset_in(text, raw);
        match read_invitation(raw.get(), index) {
            Ok(invitation) => {
                let line = lines.position(start).0;
                if let Some(&(earlier, earlier_line)) = seen.get(&invitation.id) {
                    queue.warnings.push(format!(
                        "{line}: invitation {:?} appears again (first at line {earlier_line}); the later one is kept",
                        invitation.id
                    ));
                    queue.invitations[earlier] = invitation;
                } else {
                    seen.insert(invitation.id.clone(), (queue.invitations.len(), line));
                    queue.invitations.push(invitation);
                }
            }
            Err((inner_offset, message)) => {
                let (line, column) = lines.position(start + inner_offset);
                problems.push(Problem {
                    line,
                    column,
                    message,
                });
            }
        }
    }
    if problems.is_empty() {
        Ok(queue)
    } else {
        Err(problems)
    }
}

fn read_envelope(text: &str) -> Result<(Owner, Vec<&RawValue>), Vec<Problem>> {
    let at = |e: &serde_json::Error, message: String| {
        let offset = byte_offset(text, e.line(), e.column());
        let (line, column) = position(text, offset);
        vec![Problem {
            line,
            column,
            message,
        }]
    };
    let describe = |e: &serde_json::Error| at(e, plain_message(e));
    if text.trim_start().starts_with('[') {
        let items: Vec<&RawValue> = serde_json::from_str(text).map_err(|e| describe(&e))?;
        return Ok((Owner::default(), items));
    }
    if !text.trim_start().starts_with('{') {
        let offset = text.len() - text.trim_start().len();
        let (line, column) = position(text, offset);
        return Err(vec![Problem {
            line,
            column,
            message:
                "expected a queue: a JSON object with \"invitations\" or an array of invitations"
                    .into(),
        }]);
    }
    let envelope: Envelope<&RawValue> = serde_json::from_str(text).map_err(|e| describe(&e))?;
    check_envelope(&envelope).map_err(|message| {
        vec![Problem {
            line: 1,
            column: 1,
            message,
        }]
    })?;
    Ok((owner_of(envelope.owner), envelope.invitations))
}

/// About how many invitations a file of `size` bytes holds, from `start`,
/// its first bytes, for the progress of a large file: each has a profile.
/// A small file is read before it would show.
fn count_invitations(start: &[u8], size: usize) -> u64 {
    const LARGE: usize = 4 << 20;
    if size < LARGE || start.is_empty() {
        return 0;
    }
    let counted = memchr::memmem::find_iter(start, b"\"profile\"").count();
    let whole = counted as u128 * size as u128 / start.len() as u128;
    u64::try_from(whole).unwrap_or(u64::MAX)
}

/// An invitation built as soon as it is read.
struct Built(Invitation);

impl<'de> Deserialize<'de> for Built {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Built, D::Error> {
        let raw = RawInvitation::deserialize(d)?;
        crate::progress::counted();
        build_invitation(raw)
            .map(Built)
            .map_err(serde::de::Error::custom)
    }
}

fn check_envelope<T>(envelope: &Envelope<T>) -> Result<(), String> {
    if let Some(format) = envelope.format.as_ref().filter(|f| *f != FORMAT) {
        return Err(format!(
            "\"format\" is {format:?}; this reads {FORMAT:?} files"
        ));
    }
    if let Some(version) = envelope.version.filter(|&v| v > VERSION) {
        return Err(format!(
            "queue version {version} is newer than this inviteq reads ({VERSION})"
        ));
    }
    Ok(())
}

fn owner_of(raw: Option<RawOwner>) -> Owner {
    raw.map_or_else(Owner::default, |o| Owner {
        name: clean_optional_line(o.name.as_deref(), NAME_CAP),
        company: clean_optional_line(o.company.as_deref(), LINE_CAP),
        ..Owner::default()
    })
}

/// One invitation written as [`InvitationOut`] writes it, read back and
/// cleaned as a queue's are.
pub fn parse_invitation(text: &str) -> Result<Invitation, String> {
    read_invitation(text, 0).map_err(|(_, message)| message)
}

/// One invitation from its own slice of the file; an error carries the byte
/// offset in that slice and the message.
fn read_invitation(raw: &str, index: usize) -> Result<Invitation, (usize, String)> {
    let mut deserializer = serde_json::Deserializer::from_str(raw);
    let parsed: RawInvitation =
        serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
            let inner = e.inner();
            let path = e.path().to_string();
            let place = if path == "." {
                format!("invitation {}", index + 1)
            } else {
                format!("invitation {}, {path}", index + 1)
            };
            (
                byte_offset(raw, inner.line(), inner.column()),
                format!("{place}: {}", plain_message(inner)),
            )
        })?;
    build_invitation(parsed).map_err(|message| {
        let offset = raw.find("\"name\"").unwrap_or(0);
        (offset, format!("invitation {}, {message}", index + 1))
    })
}

/// An invitation from what the file says, cleaned; ids derived where none.
fn build_invitation(parsed: RawInvitation) -> Result<Invitation, String> {
    let name = Text::from(clean_name_cow(&parsed.profile.name));
    if name.is_empty() {
        return Err("profile.name: the name is empty".into());
    }
    let p = parsed.profile;
    let profile = Profile {
        // An empty headline or about is a fact (the profile says nothing),
        // unlike a missing one, which is unknown.
        headline: p.headline.map(|h| clean_line_cow(&h, LINE_CAP).into()),
        about: p.about.map(|a| clean_text_cow(&a, TEXT_CAP).into()),
        company: optional_line(p.company),
        location: optional_line(p.location),
        url: optional_line(p.url),
        photo: p.photo,
        connections: p.connections,
        mutual_connections: p.mutual_connections,
        account_created: p.account_created,
        experience_count: p.experience_count,
        education_count: p.education_count,
        verified: p.verified,
        follows_you: p.follows_you,
        name,
    };
    let id = optional_line(parsed.id)
        .unwrap_or_else(|| derive_id(profile.url.as_deref(), &profile.name, parsed.sent_at).into());
    Ok(Invitation {
        id,
        sent_at: parsed.sent_at,
        message: parsed
            .message
            .map(|m| Text::from(clean_text_cow(&m, TEXT_CAP)))
            .filter(|m| !m.is_empty()),
        profile,
        kind: parsed.kind,
        sent_approximate: parsed.sent_approximate,
        note_cut: parsed.note_cut,
        already_connected: parsed.already_connected,
        sources: parsed.sources,
        ..Invitation::default()
    })
}

/// A one-line field as [`clean_optional_line`] cleans it, copied once, into
/// the text the queue keeps.
fn optional_line(raw: Option<Cow<str>>) -> Option<Text> {
    raw.map(|text| Text::from(clean_line_cow(&text, LINE_CAP)))
        .filter(|text| !text.is_empty())
}

/// Lines and columns of offsets that only ever grow, counted as it goes:
/// one pass over the file, however many invitations it holds.
struct Lines<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
    /// 1-based, in characters.
    column: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Lines {
            text,
            offset: 0,
            line: 1,
            column: 1,
        }
    }

    fn position(&mut self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        if offset < self.offset {
            return position(self.text, offset);
        }
        let passed = &self.text.as_bytes()[self.offset..offset];
        // A character is counted at its first byte, never a continuation byte.
        let characters = |bytes: &[u8]| bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count();
        match passed.iter().rposition(|&b| b == b'\n') {
            Some(last) => {
                self.line += passed.iter().filter(|&&b| b == b'\n').count();
                self.column = 1 + characters(&passed[last + 1..]);
            }
            None => self.column += characters(passed),
        }
        self.offset = offset;
        (self.line, self.column)
    }
}

/// serde_json's message without its trailing "at line L column C", which we
/// tell ourselves, in the file's own terms.
fn plain_message(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let message = match message.rfind(" at line ") {
        Some(cut) => message[..cut].to_string(),
        None => message,
    };
    match e.classify() {
        serde_json::error::Category::Eof => format!("the file ends too early: {message}"),
        _ => message,
    }
}

/// Where serde_json's 1-based line and byte column fall in `text`.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column.saturating_sub(1)).min(text.len())
}

fn offset_in(text: &str, raw: &RawValue) -> usize {
    (raw.get().as_ptr() as usize).saturating_sub(text.as_ptr() as usize)
}

#[cfg(test)]
mod tests;
