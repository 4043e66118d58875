//! The invitation as it was when decided (queue-format v1 JSON), kept
//! beside a decision so that a row gone from a later queue still shows its
//! facts. Only a gone row's is ever read, so it is kept unread: a
//! journal's as its text, a snapshot's where it lies in the snapshot file,
//! read from there (and checked against its own checksum) when asked for.

use std::borrow::Cow;
use std::fs::File;
use std::os::unix::fs::FileExt;
use std::sync::Arc;

/// A kept invitation; see the module.
#[derive(Clone)]
pub struct Kept(Held);

#[derive(Clone)]
enum Held {
    Text(Arc<str>),
    /// `len` bytes at `at` in `file`, whose CRC-32 is `crc`. The file stays
    /// open, so a compaction that replaces it later changes nothing here.
    InFile {
        file: Arc<File>,
        at: u64,
        len: u32,
        crc: u32,
    },
}

impl Kept {
    /// The invitation kept in `file` at `at`, to be read when asked for.
    pub(super) fn in_file(file: &Arc<File>, at: u64, len: u32, crc: u32) -> Kept {
        Kept(Held::InFile {
            file: Arc::clone(file),
            at,
            len,
            crc,
        })
    }

    /// The text; read from its file for a snapshot's, where a failed read
    /// or a damaged text says what is wrong.
    pub fn text(&self) -> Result<Cow<'_, str>, String> {
        match &self.0 {
            Held::Text(text) => Ok(Cow::Borrowed(text)),
            Held::InFile { file, at, len, crc } => {
                let mut bytes = vec![0; *len as usize];
                file.read_exact_at(&mut bytes, *at)
                    .map_err(|e| format!("the snapshot could not be read at byte {at}: {e}"))?;
                if crc32fast::hash(&bytes) != *crc {
                    return Err(format!(
                        "the snapshot's invitation at byte {at} does not match its checksum"
                    ));
                }
                String::from_utf8(bytes)
                    .map(Cow::Owned)
                    .map_err(|_| format!("the snapshot's invitation at byte {at} is not UTF-8"))
            }
        }
    }
}

impl From<&str> for Kept {
    fn from(text: &str) -> Kept {
        Kept(Held::Text(text.into()))
    }
}

/// The same text, wherever it is kept (for tests: this reads the file).
impl PartialEq for Kept {
    fn eq(&self, other: &Kept) -> bool {
        self.text() == other.text()
    }
}

impl std::fmt::Debug for Kept {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.text() {
            Ok(text) => std::fmt::Debug::fmt(&text, f),
            Err(problem) => write!(f, "<{problem}>"),
        }
    }
}
