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
//! (see [`Kept`](super::journal::Kept)).

pub use read::{ReadError, Snapshot, read};
pub use write::{Unwritable, encode};

mod read;
mod write;

const MAGIC: &[u8; 16] = b"inviteq-snapshot";
const VERSION: u32 = 1;
const HEADER_LEN: usize = MAGIC.len() + 4 + 8 * 5;
const CRC_LEN: usize = 4;
const STR_LEN: usize = 8 + 4;
/// The fewest bytes an entry takes (no options): a count cannot make the
/// reader reserve more than the entries could hold.
const MIN_ENTRY_LEN: usize = STR_LEN + 8 + 1 + 1 + 1 + 1 + 1 + 20 + 1 + 1;

#[cfg(test)]
mod tests;
