//! LinkedIn's data export as a zip. The reader takes a path (it seeks in
//! the archive), so each input is written to a file in a temporary folder
//! first: the same path the console takes.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tempfile::TempDir;

fn zip_path() -> &'static PathBuf {
    static FOLDER: OnceLock<(TempDir, PathBuf)> = OnceLock::new();
    &FOLDER
        .get_or_init(|| {
            let folder = tempfile::tempdir().expect("a temporary folder");
            let path = folder.path().join("export.zip");
            (folder, path)
        })
        .1
}

fuzz_target!(|data: &[u8]| {
    let path = zip_path();
    std::fs::write(path, data).expect("the temporary zip is written");
    let _ = inviteq::import::linkedin::load(path);
});
