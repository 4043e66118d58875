//! The journal's snapshot: any bytes are read or refused with what is
//! wrong, and every kept invitation a read snapshot holds is read or
//! refused on its own checksum. The reader takes a path (it reads the kept
//! invitations from the file when asked), so each input is written to a
//! file in a temporary folder first.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tempfile::TempDir;

fn snapshot_path() -> &'static PathBuf {
    static FOLDER: OnceLock<(TempDir, PathBuf)> = OnceLock::new();
    &FOLDER
        .get_or_init(|| {
            let folder = tempfile::tempdir().expect("a temporary folder");
            let path = folder.path().join("journal.snapshot");
            (folder, path)
        })
        .1
}

fuzz_target!(|data: &[u8]| {
    let path = snapshot_path();
    std::fs::write(path, data).expect("the temporary snapshot is written");
    if let Ok(Some(snapshot)) = inviteq::store::snapshot::read(path) {
        for standing in snapshot.decisions.by_id.values() {
            if let Some(kept) = &standing.snapshot {
                let _ = kept.text();
            }
        }
        let _ = snapshot.decisions.in_order();
    }
});
