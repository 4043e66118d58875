//! The ids a queue held when its session was last opened, so that the next
//! opening can tell what is new. Only whether an id was there is ever
//! asked, so each id is kept as a 64-bit hash: a binary file of a header
//! and the sorted hashes, 8 bytes an invitation however long its id. Two
//! ids sharing a hash (about one pair in 36 million at a million ids) would
//! only make a new invitation look seen.

use std::io;
use std::path::Path;

use super::atomic::atomic_write;

/// What a seen file begins with: its name, then its version.
const MAGIC: &[u8; 8] = b"inviteqS";
const VERSION: u32 = 1;
const HEADER: usize = MAGIC.len() + 4;

/// The ids of the last opening, as hashes, sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Seen {
    hashes: Vec<u64>,
}

impl Seen {
    pub fn of<'a>(ids: impl Iterator<Item = &'a str>) -> Seen {
        let mut hashes: Vec<u64> = ids.map(hash).collect();
        hashes.sort_unstable();
        hashes.dedup();
        Seen { hashes }
    }

    pub fn contains(&self, id: &str) -> bool {
        self.hashes.binary_search(&hash(id)).is_ok()
    }

    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// Writes the file at `path` atomically.
    pub fn save(&self, path: &Path) -> io::Result<()> {
        let mut bytes = Vec::with_capacity(HEADER + self.hashes.len() * 8);
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&VERSION.to_le_bytes());
        for hash in &self.hashes {
            bytes.extend_from_slice(&hash.to_le_bytes());
        }
        atomic_write(path, &bytes)
    }

    /// Reads the file at `path`; `None` when there is none. A file that is
    /// not one, or is of a newer version, or is cut short, is an error
    /// that says which.
    pub fn load(path: &Path) -> io::Result<Option<Seen>> {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(error),
        };
        let invalid = |what: &str| io::Error::new(io::ErrorKind::InvalidData, what.to_string());
        let (header, body) = bytes
            .split_at_checked(HEADER)
            .ok_or_else(|| invalid("not a seen-ids file (too short)"))?;
        if &header[..MAGIC.len()] != MAGIC {
            return Err(invalid("not a seen-ids file"));
        }
        let mut version = [0; 4];
        version.copy_from_slice(&header[MAGIC.len()..]);
        let version = u32::from_le_bytes(version);
        if version > VERSION {
            return Err(invalid(&format!(
                "a seen-ids file of version {version}, newer than this inviteq reads ({VERSION})"
            )));
        }
        if body.len() % 8 != 0 {
            return Err(invalid("a seen-ids file cut short"));
        }
        let mut hashes: Vec<u64> = body
            .chunks_exact(8)
            .map(|chunk| {
                let mut word = [0; 8];
                word.copy_from_slice(chunk);
                u64::from_le_bytes(word)
            })
            .collect();
        // Sorted as written; sorted again in case it was not.
        if !hashes.is_sorted() {
            hashes.sort_unstable();
        }
        Ok(Some(Seen { hashes }))
    }
}

/// FNV-1a, 64 bits: the same on every machine and in every version, as a
/// file that outlives the program needs.
fn hash(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ids_are_known_after_a_save_and_a_load_and_no_others() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("seen.bin");
        let ids: Vec<String> = (0..1000).map(|n| format!("inv-{n}")).collect();
        Seen::of(ids.iter().map(String::as_str))
            .save(&path)
            .unwrap();
        let seen = Seen::load(&path).unwrap().unwrap();
        assert_eq!(seen.len(), 1000);
        assert!(ids.iter().all(|id| seen.contains(id)));
        assert!(!seen.contains("inv-1000"));
        assert_eq!(std::fs::metadata(&path).unwrap().len(), 12 + 8 * 1000);
    }

    #[test]
    fn no_file_is_none_and_a_damaged_one_says_what_is_wrong() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("seen.bin");
        assert_eq!(Seen::load(&path).unwrap(), None);
        for (bytes, says) in [
            (b"{\"ids\":[]}".to_vec(), "not a seen-ids file"),
            ([&MAGIC[..], &9u32.to_le_bytes()].concat(), "version 9"),
            (
                [&MAGIC[..], &1u32.to_le_bytes(), &[1, 2, 3]].concat(),
                "cut short",
            ),
        ] {
            std::fs::write(&path, bytes).unwrap();
            let error = Seen::load(&path).unwrap_err().to_string();
            assert!(error.contains(says), "{error}");
        }
    }

    #[test]
    fn the_hash_is_fnv_1a() {
        // The published test vectors, so that files stay readable.
        assert_eq!(hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hash("a"), 0xaf63_dc4c_8601_ec8c);
    }
}
