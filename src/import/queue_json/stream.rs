//! A good queue file read a buffer at a time: the invitations whose text
//! is in are built, on every core (`batch`), and the buffer then holds the
//! next ones, so that memory holds the queue and not also the file (383 MB
//! at a million invitations).

use std::io::{self, ErrorKind, Read};

use foldhash::HashSet;

use super::batch::{self, Cores};
use super::split::{Piece, Splitter, Step};
use super::{Built, Envelope, check_envelope, count_invitations, owner_of};
use crate::model::{Invitation, Queue};

/// How much of the file is read at a time: far more than an invitation,
/// little beside the queue built from it.
pub(super) const CHUNK: usize = 8 << 20;

/// The queue in `source` (`size` bytes long, about: it sizes the progress
/// and the buffer), read in pieces; `None` when anything is wrong with it
/// (an invitation that does not read, an id twice, a file that is not a
/// queue), which the careful reading tells. The invitations of each
/// buffer are built on up to `cores`' threads.
pub(super) fn read_in_pieces(
    mut source: impl Read,
    size: u64,
    chunk: usize,
    cores: Cores,
) -> io::Result<Option<Queue>> {
    let size = usize::try_from(size).unwrap_or(usize::MAX);
    let mut buffer = vec![0; chunk.min(size.saturating_add(1)).max(1)];
    let (mut filled, mut end) = fill(&mut source, &mut buffer, 0)?;
    let expected = count_invitations(&buffer[..filled], size);
    crate::progress::expect(expected);
    let mut splitter = Splitter::default();
    // The envelope's members other than its invitations, read at the end.
    let mut head = String::from("{");
    let mut invitations = Vec::new();
    // Room for the count expected, so that the queue is not moved as it
    // grows; a count too large for memory is left to growing.
    let _ = invitations.try_reserve(usize::try_from(expected).unwrap_or(usize::MAX));
    // The invitations found in the buffer and not built yet: they are
    // built together before the buffer moves on, or at the end.
    let mut pieces = Vec::new();
    loop {
        match splitter.next(&buffer[..filled], end) {
            Step::Found(Piece::Invitation(range)) => pieces.push(range),
            Step::Found(Piece::Member { key, value }) => {
                let (Ok(key), Ok(value)) = (
                    std::str::from_utf8(&buffer[key]),
                    std::str::from_utf8(&buffer[value]),
                ) else {
                    return Ok(None);
                };
                head.push('"');
                head.push_str(key);
                head.push_str("\":");
                head.push_str(value);
                head.push(',');
            }
            Step::Found(Piece::End) => {
                if !batch::build(&buffer, &pieces, cores, &mut invitations) {
                    return Ok(None);
                }
                break;
            }
            Step::Irregular => return Ok(None),
            Step::More => {
                if !batch::build(&buffer, &pieces, cores, &mut invitations) {
                    return Ok(None);
                }
                pieces.clear();
                let used = splitter.at();
                buffer.copy_within(used..filled, 0);
                filled -= used;
                splitter.dropped(used);
                if filled == buffer.len() {
                    // One piece larger than the buffer.
                    buffer.resize(buffer.len() * 2, 0);
                }
                (filled, end) = fill(&mut source, &mut buffer, filled)?;
            }
        }
    }
    drop(buffer);
    invitations.shrink_to_fit();
    if !unique_ids(&invitations) {
        return Ok(None);
    }
    let owner = if splitter.bare() {
        None
    } else {
        head.push_str("\"invitations\":[]}");
        let Ok(envelope) = serde_json::from_str::<Envelope<Built>>(&head) else {
            return Ok(None);
        };
        if check_envelope(&envelope).is_err() {
            return Ok(None);
        }
        envelope.owner
    };
    Ok(Some(Queue {
        owner: owner_of(owner),
        invitations,
        ..Queue::default()
    }))
}

/// Reads into `buffer` from `filled` until it is full or the file ends:
/// how much it holds, and whether the file ended.
fn fill(source: &mut impl Read, buffer: &mut [u8], mut filled: usize) -> io::Result<(usize, bool)> {
    while filled < buffer.len() {
        match source.read(&mut buffer[filled..]) {
            Ok(0) => return Ok((filled, true)),
            Ok(read) => filled += read,
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok((filled, false))
}

fn unique_ids(invitations: &[Invitation]) -> bool {
    let mut ids = HashSet::with_capacity_and_hasher(invitations.len(), Default::default());
    invitations.iter().all(|i| ids.insert(i.id.as_str()))
}

#[cfg(test)]
mod tests;
