//! Reading a file a user named (a queue, an export, a page, e-mails, the
//! config, the templates): only a regular file is read. A pipe would block
//! inviteq until something writes to it, and `/dev/zero` would be read
//! until memory ran out.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

/// Refuses `path` unless it is a regular file or a folder (which the
/// caller looks into), without opening it: opening a pipe waits for a writer.
pub fn check(path: &Path) -> io::Result<Metadata> {
    let meta = std::fs::metadata(path)?;
    if meta.is_file() || meta.is_dir() {
        Ok(meta)
    } else {
        Err(not_a_file(&meta))
    }
}

/// Opens `path` for reading if it is a regular file. It is opened without
/// waiting (a pipe opens at once) and checked once open, so that nothing
/// can be swapped in between.
pub fn open(path: &Path) -> io::Result<File> {
    let nonblocking = i32::try_from(rustix::fs::OFlags::NONBLOCK.bits()).unwrap_or(0);
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(nonblocking)
        .open(path)?;
    let meta = file.metadata()?;
    if meta.is_file() {
        Ok(file)
    } else if meta.is_dir() {
        Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "is a folder, not a file",
        ))
    } else {
        Err(not_a_file(&meta))
    }
}

/// The whole of the regular file at `path`.
pub fn read(path: &Path) -> io::Result<Vec<u8>> {
    let mut file = open(path)?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn not_a_file(meta: &Metadata) -> io::Error {
    let kind = meta.file_type();
    let what = if kind.is_fifo() {
        "a pipe"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "not a regular file"
    };
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("is {what}; inviteq reads only regular files"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pipe_and_a_device_are_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let pipe = dir.path().join("pipe");
        rustix::fs::mkfifoat(
            rustix::fs::CWD,
            &pipe,
            rustix::fs::Mode::RUSR | rustix::fs::Mode::WUSR,
        )
        .unwrap();
        for path in [pipe.as_path(), Path::new("/dev/zero")] {
            let read = read(path).unwrap_err().to_string();
            assert!(read.contains("inviteq reads only regular files"), "{read}");
            assert!(check(path).is_err());
        }
        assert!(
            read(&pipe)
                .unwrap_err()
                .to_string()
                .starts_with("is a pipe")
        );
        assert!(
            read(Path::new("/dev/zero"))
                .unwrap_err()
                .to_string()
                .starts_with("is a device")
        );
        assert!(check(dir.path()).is_ok());
        assert_eq!(
            read(dir.path()).unwrap_err().to_string(),
            "is a folder, not a file"
        );
    }
}
