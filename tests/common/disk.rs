//! A tiny disk that fills up: a tmpfs of a few pages, mounted for one test.
//! Mounting needs root (as CI runs); elsewhere the test says it was skipped.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

pub struct TinyDisk {
    pub root: tempfile::TempDir,
}

impl TinyDisk {
    /// A tmpfs of `kib` KiB, or `None` (with a note why) where this user
    /// cannot mount one.
    pub fn mount(kib: u32) -> Option<TinyDisk> {
        let root = tempfile::tempdir().expect("a temporary folder");
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={kib}k"), "tmpfs"])
            .arg(root.path())
            .output()
            .is_ok_and(|output| output.status.success());
        if !mounted {
            eprintln!("skipped: a tiny tmpfs cannot be mounted here (it needs root, as CI has)");
            return None;
        }
        Some(TinyDisk { root })
    }

    pub fn path(&self) -> &Path {
        self.root.path()
    }

    fn filler(&self) -> PathBuf {
        self.root.path().join("filler")
    }

    /// Writes a filler file until the disk is full.
    pub fn fill(&self) {
        let mut file = File::create(self.filler()).expect("a filler file");
        let block = [0u8; 512];
        while file.write_all(&block).is_ok() {}
        let mut byte = [0u8; 1];
        while file.write_all(&byte).is_ok() {
            byte[0] = 1;
        }
    }

    /// Gives the filler's space back.
    pub fn free(&self) {
        std::fs::remove_file(self.filler()).expect("the filler goes");
    }
}

impl Drop for TinyDisk {
    fn drop(&mut self) {
        // Lazily, so that a process still holding a file there cannot keep
        // it mounted.
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.root.path())
            .status();
    }
}
