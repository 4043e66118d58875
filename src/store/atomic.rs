use std::fs::{File, Permissions};
use std::io::{self, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// Replaces `path` with `contents` so that a crash at any moment leaves
/// either the old file or the new one, whole: a temporary file in the same
/// folder is written and synced, renamed over `path`, and the folder synced
/// so that the rename itself survives a crash.
pub fn atomic_write(path: &Path, contents: &[u8]) -> io::Result<()> {
    replace(path, contents, true)
}

/// Replaces `path` with `contents` as [`atomic_write`] does, but without
/// waiting for the disk: the new file is whole as soon as this returns, and
/// survives the process being killed, but a machine that loses power in the
/// next few seconds may lose it. For what is cheap to lose and costly to
/// sync on every change (the place in a review); sync it later with
/// [`atomic_write`].
pub fn quick_replace(path: &Path, contents: &[u8]) -> io::Result<()> {
    replace(path, contents, false)
}

/// Removes the temporary files a crash in the middle of replacing `path`
/// left behind (a snapshot's may be tens of megabytes); how many. Only for
/// the one process that replaces `path`, which is not replacing it now.
pub fn remove_leftovers(path: &Path) -> io::Result<usize> {
    let (folder, name) = parts(path)?;
    let prefix = format!(".{}.", name.to_string_lossy());
    let mut removed = 0;
    for entry in std::fs::read_dir(folder)? {
        let entry = entry?;
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if file_name.starts_with(&prefix) && file_name.ends_with(".tmp") {
            std::fs::remove_file(entry.path())?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// The folder `path` is in and its file name.
fn parts(path: &Path) -> io::Result<(&Path, &std::ffi::OsStr)> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file path"))?;
    Ok((folder, name))
}

fn replace(path: &Path, contents: &[u8], synced: bool) -> io::Result<()> {
    let (folder, name) = parts(path)?;
    // Named after the file it replaces, so that one left by a crash says
    // whose it is, and readable as `File::create` would make it (the
    // umask applies), not tempfile's owner-only default.
    let mut temporary = tempfile::Builder::new()
        .prefix(&format!(".{}.", name.to_string_lossy()))
        .suffix(".tmp")
        .permissions(Permissions::from_mode(0o666))
        .tempfile_in(folder)?;
    temporary.write_all(contents)?;
    if synced {
        temporary.as_file().sync_all()?;
    }
    // A failed rename drops the temporary, which deletes it.
    temporary.persist(path).map_err(|failed| failed.error)?;
    if synced {
        File::open(folder)?.sync_all()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    #[test]
    fn replaces_the_whole_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        fs::write(&path, "old, and longer than the new").unwrap();
        atomic_write(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_quick_replace_also_leaves_the_whole_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        fs::write(&path, "old, and longer than the new").unwrap();
        quick_replace(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn keeps_the_permissions_a_new_file_gets() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let created = dir.path().join("created");
        fs::write(&created, "").unwrap();
        atomic_write(&path, b"new").unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode();
        assert_eq!(mode(&path), mode(&created));
    }

    #[test]
    fn a_failed_rename_leaves_what_was_there_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        fs::create_dir(&path).unwrap();
        fs::write(path.join("old"), "old").unwrap();
        assert!(atomic_write(&path, b"new").is_err());
        assert_eq!(fs::read_to_string(path.join("old")).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn the_leftovers_of_a_crash_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.snapshot");
        for name in [
            ".journal.snapshot.a1B2c3.tmp",
            ".journal.snapshot.zz.tmp",
            ".journal.jsonl.a1B2c3.tmp",
            "journal.snapshot",
            ".journal.snapshot.kept",
        ] {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        assert_eq!(remove_leftovers(&path).unwrap(), 2);
        let mut left: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                ".journal.jsonl.a1B2c3.tmp",
                ".journal.snapshot.kept",
                "journal.snapshot"
            ]
        );
    }

    #[test]
    fn a_failed_write_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing-folder").join("state.json");
        assert!(atomic_write(&path, b"new").is_err());
        assert!(!path.exists());
    }
}
