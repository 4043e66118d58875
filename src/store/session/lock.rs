//! One console decides in a review at a time: it holds an advisory lock on
//! the session's `lock` file for its whole life, with its process id in
//! it, so that a second console can name it. The lock goes with the
//! process, however it ends (a kill too), and `export` and `sessions`,
//! which only read, never take it.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Read, Write};
use std::path::Path;

const LOCK_FILE: &str = "lock";

/// The lock, held while this lives.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

/// Another process holds a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeldBy {
    /// Its process id, when it had written it yet.
    pub pid: Option<u32>,
}

impl std::fmt::Display for HeldBy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.pid {
            Some(pid) => write!(f, "another inviteq (pid {pid}) has this review"),
            None => write!(f, "another inviteq has this review"),
        }
    }
}

/// Takes the lock of the session in `dir`, or says who holds it.
pub fn take(dir: &Path) -> io::Result<Result<Lock, HeldBy>> {
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(dir.join(LOCK_FILE))?;
    match file.try_lock() {
        Ok(()) => {
            file.set_len(0)?;
            write!(file, "{}", std::process::id())?;
            Ok(Ok(Lock { _file: file }))
        }
        Err(TryLockError::WouldBlock) => {
            let mut text = String::new();
            // The holder may not have written its id yet: then none is named.
            let pid = file
                .read_to_string(&mut text)
                .ok()
                .and_then(|_| text.trim().parse().ok());
            Ok(Err(HeldBy { pid }))
        }
        Err(TryLockError::Error(error)) => Err(error),
    }
}
