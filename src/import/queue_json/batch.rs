//! The invitations of one buffer built on every core: the splitter finds
//! their texts on one thread (a small part of the time), then parsing,
//! cleaning and building them, the rest of it, is shared among threads,
//! each taking a run of invitations at a time, so that a thread slowed by
//! other work takes fewer. Each is built into its own place in the queue,
//! so the queue keeps the file's order.

use std::ops::Range;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use super::Built;
use crate::model::Invitation;

/// How many invitations a thread takes at a time: a few hundred
/// microseconds of work, against a lock taken once.
const RUN: usize = 64;
/// Fewer invitations than this (a few hundred, a millisecond or so of
/// work) are built on the caller's thread, which costs no thread.
const LEAST: usize = 512;

/// How a buffer's invitations are shared among threads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Cores {
    /// At most this many threads build, the caller's among them.
    pub(super) threads: usize,
    /// How many invitations a thread takes at a time.
    pub(super) run: usize,
    /// Fewer invitations than this are all built on the caller's thread.
    pub(super) least: usize,
}

impl Cores {
    /// Every core the process may use.
    pub(super) fn available() -> Cores {
        Cores {
            threads: crate::cores::available(),
            run: RUN,
            least: LEAST,
        }
    }

    /// The caller's thread alone.
    #[cfg(test)]
    pub(super) const ONE: Cores = Cores {
        threads: 1,
        run: RUN,
        least: LEAST,
    };

    /// How many threads build `count` invitations: no more than have a
    /// run each.
    fn for_count(self, count: usize) -> usize {
        if count < self.least {
            return 1;
        }
        self.threads.min(count.div_ceil(self.run.max(1))).max(1)
    }
}

/// Builds the invitations whose texts are at `pieces` of `buffer` onto the
/// end of `invitations`, in the order of `pieces`; `false` as soon as one
/// does not read, and then `invitations` holds anything.
pub(super) fn build(
    buffer: &[u8],
    pieces: &[Range<usize>],
    cores: Cores,
    invitations: &mut Vec<Invitation>,
) -> bool {
    let threads = cores.for_count(pieces.len());
    if threads == 1 {
        return pieces.iter().all(|piece| match one(buffer, piece) {
            Some(invitation) => {
                invitations.push(invitation);
                true
            }
            None => false,
        });
    }
    let start = invitations.len();
    // Places to build into, within the room already reserved for the
    // queue; an invitation by default holds no allocation.
    invitations.resize_with(start + pieces.len(), Invitation::default);
    let run = cores.run.max(1);
    let runs = Mutex::new(pieces.chunks(run).zip(invitations[start..].chunks_mut(run)));
    let failed = AtomicBool::new(false);
    let work = || {
        while !failed.load(Ordering::Relaxed) {
            // A poisoned lock means a thread panicked, which the scope
            // passes on when it ends.
            let Some((texts, places)) = runs.lock().ok().and_then(|mut runs| runs.next()) else {
                return;
            };
            for (piece, place) in texts.iter().zip(places) {
                match one(buffer, piece) {
                    Some(invitation) => *place = invitation,
                    None => {
                        failed.store(true, Ordering::Relaxed);
                        return;
                    }
                }
            }
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..threads {
            // A thread the system will not start leaves its share to the
            // others.
            let _ = std::thread::Builder::new().spawn_scoped(scope, work);
        }
        work();
    });
    !failed.into_inner()
}

/// The invitation whose text is at `piece` of `buffer`, if it reads.
fn one(buffer: &[u8], piece: &Range<usize>) -> Option<Invitation> {
    let text = std::str::from_utf8(buffer.get(piece.clone())?).ok()?;
    serde_json::from_str::<Built>(text).ok().map(|Built(i)| i)
}

#[cfg(test)]
mod tests;
