//! The project's own queue file (see `queue-format.md`): an object with
//! `invitations`, or a bare array of invitation objects.
//!
//! A good file is read in one pass, a buffer at a time (`stream`), the
//! invitations in each buffer built on every core (`batch`). When anything
//! is wrong, the file is read whole (`careful`) and each invitation again
//! on its own from its slice of the file, so that one bad invitation does
//! not hide the problems of the others and every problem is told at its
//! line and column in the file.

use std::borrow::Cow;
use std::io::{self, Read, Seek};

use serde::Deserialize;
use time::{Date, OffsetDateTime};

use super::clean::{
    LINE_CAP, NAME_CAP, TEXT_CAP, clean_line_cow, clean_name_cow, clean_optional_line,
    clean_text_cow,
};
use super::id::derive_id;
use crate::model::{Invitation, Kind, Owner, Photo, Profile, Queue, Source, Text};
use crate::problem::Problem;
use batch::Cores;
use fields::{count, date, kind, photo, sources, timestamp};

mod batch;
mod careful;
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
    if let Some(queue) =
        stream::read_in_pieces(&mut source, size, stream::CHUNK, Cores::available())?
    {
        return Ok(queue);
    }
    source.rewind()?;
    let mut bytes = Vec::new();
    source.read_to_end(&mut bytes)?;
    careful::read(&bytes).map_err(ReadError::Invalid)
}

/// Parses a whole queue file, or says every problem found in it.
pub fn parse(bytes: &[u8]) -> Result<Queue, Vec<Problem>> {
    // Bytes in memory read without an I/O error.
    let size = bytes.len() as u64;
    if let Ok(Some(queue)) = stream::read_in_pieces(bytes, size, stream::CHUNK, Cores::available())
    {
        return Ok(queue);
    }
    careful::read(bytes)
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
    careful::read_invitation(text, 0).map_err(|(_, message)| message)
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

#[cfg(test)]
mod tests;
