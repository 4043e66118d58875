//! Files that are not what they seem, through the real binary: a pipe, a
//! device, a CSV saved as UTF-16, a journal that is a folder. Each gets an
//! answer, at once, that names the file.
// Helpers unwrap as the tests do: a panic here is the test failing.
#![allow(clippy::unwrap_used)]

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Home, binary, queue_of};

/// `inviteq ARGS` as `Home::run`, but given up on after ten seconds: a
/// command that waits on a pipe would wait for ever.
fn run_or_give_up(home: &Home, args: &[&str]) -> (i32, String) {
    let mut child = Command::new(binary())
        .args(args)
        .env("XDG_CONFIG_HOME", home.config())
        .env("XDG_DATA_HOME", home.data())
        .env("HOME", home.root.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(10) {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("inviteq {args:?} still running after ten seconds");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_pipe_or_a_device_is_refused_at_once() {
    let home = Home::new();
    let pipe = home.root.path().join("queue.json");
    let mode = rustix::fs::Mode::RUSR | rustix::fs::Mode::WUSR;
    rustix::fs::mkfifoat(rustix::fs::CWD, &pipe, mode).unwrap();
    let pipe = pipe.to_str().unwrap();
    for (path, what) in [(pipe, "is a pipe"), ("/dev/zero", "is a device")] {
        for command in ["check", "score"] {
            let (status, stderr) = run_or_give_up(&home, &[command, path]);
            assert_eq!(status, 1, "{command} {path}: {stderr}");
            assert_eq!(
                stderr.trim_end(),
                format!("error: {path}: {what}; inviteq reads only regular files"),
            );
        }
    }
}

#[test]
fn a_csv_saved_as_utf16_is_read() {
    let home = Home::new();
    let text = "From,To,Sent At,Message,Direction\r\n\
                Jos\u{e9} Lee,Me,\"4/11/13, 9:05 AM\",Hi,INCOMING\r\n";
    let bytes: Vec<u8> = "\u{feff}"
        .encode_utf16()
        .chain(text.encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    let csv = home.file("Invitations.csv", bytes);
    let (status, stdout, stderr) = home.run(&["score", "--json", csv.to_str().unwrap()]);
    assert_eq!(status, 0, "{stderr}");
    assert!(stdout.contains("\"name\":\"Jos\u{e9} Lee\""), "{stdout}");
}

#[test]
fn a_journal_that_is_a_folder_is_told_once() {
    let home = Home::new();
    let queue = home.file("queue.json", queue_of(3));
    let queue = queue.to_str().unwrap();
    let mut console = home.console(&[queue]);
    console.wait_for("0/3 decided");
    console.keys("q");
    assert_eq!(console.wait(), 0);
    let journal = home.journal();
    std::fs::remove_file(&journal).unwrap();
    std::fs::create_dir(&journal).unwrap();

    for args in [&["export", queue][..], &["export"][..]] {
        let (status, stdout, stderr) = home.run(args);
        assert_eq!(status, 1, "{args:?}: {stdout}");
        assert_eq!(
            stderr.trim_end(),
            format!("error: {}: Is a directory (os error 21)", journal.display()),
            "{args:?}"
        );
    }
}
