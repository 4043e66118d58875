//! Runs the real binary in a pseudo-terminal, with a `vt100` screen, in
//! temporary XDG folders, as a person at a terminal would.
#![allow(dead_code)]
// Helpers unwrap as the tests do: a panic here is the test failing.
#![allow(clippy::unwrap_used)]

pub mod disk;
pub mod random;

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::BorrowedFd;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use rustix::event::{PollFd, PollFlags, Timespec, poll};

pub const COLS: u16 = 120;
pub const ROWS: u16 = 40;
const PATIENCE: Duration = Duration::from_secs(20);

pub fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_inviteq")
}

/// Temporary config and data folders, as `XDG_CONFIG_HOME` and `XDG_DATA_HOME`.
pub struct Home {
    pub root: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Home {
        Home {
            root: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    pub fn config(&self) -> PathBuf {
        self.root.path().join("config")
    }

    pub fn data(&self) -> PathBuf {
        self.root.path().join("data")
    }

    pub fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.root.path().join(name);
        std::fs::write(&path, contents).expect("a test file");
        path
    }

    /// Writes a journal for the demo's session, as the console would, with
    /// one more decision, on invitation `id` from `name`: for `inviteq export`.
    pub fn decided_on_demo(&self, id: &str, name: &str, decision: inviteq::model::Decision) {
        use inviteq::store::journal::{Journal, Op};
        use inviteq::store::session::{Source, journal_path};
        let paths = inviteq::store::Paths {
            config_dir: self.config().join("inviteq"),
            data_dir: self.data().join("inviteq"),
        };
        let owner = inviteq::import::demo().owner.name;
        let path = journal_path(&paths, &Source::Demo, owner.as_deref());
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let (mut journal, ..) = Journal::open(&path).unwrap();
        let invitation = inviteq::model::Invitation {
            id: id.into(),
            profile: inviteq::model::Profile::named(name),
            ..inviteq::model::Invitation::default()
        };
        journal
            .append(Op::Decide, &invitation, Some(&decision))
            .unwrap();
    }

    /// The journal of the one session in these folders.
    pub fn journal(&self) -> PathBuf {
        let sessions = self.data().join("inviteq").join("sessions");
        let mut folders: Vec<_> = std::fs::read_dir(&sessions)
            .expect("a sessions folder")
            .flatten()
            .map(|e| e.path())
            .collect();
        assert_eq!(folders.len(), 1, "one session in {folders:?}");
        folders.remove(0).join("journal.jsonl")
    }

    /// `inviteq ARGS` run to its end without a terminal: (status, stdout, stderr).
    pub fn run(&self, args: &[&str]) -> (i32, String, String) {
        self.run_with_env(args, &[])
    }

    /// `inviteq ARGS` run without a terminal, with these environment
    /// variables too.
    pub fn run_with_env(&self, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
        let output = std::process::Command::new(binary())
            .args(args)
            .envs(env.iter().copied())
            .env("XDG_CONFIG_HOME", self.config())
            .env("XDG_DATA_HOME", self.data())
            .env("HOME", self.root.path())
            .stdin(std::process::Stdio::null())
            .output()
            .expect("the binary runs");
        (
            output.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&output.stdout).into_owned(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    }

    pub fn console(&self, args: &[&str]) -> Console {
        self.console_with_env(args, &[])
    }

    /// `inviteq ARGS` in a terminal with these environment variables too.
    pub fn console_with_env(&self, args: &[&str], env: &[(&str, &str)]) -> Console {
        let mut command = CommandBuilder::new(binary());
        command.args(args);
        for (key, value) in env {
            command.env(key, value);
        }
        Console::spawn(command, self)
    }

    /// `PROGRAM ARGS` in a terminal, in these folders: a peer run beside
    /// inviteq, as a person would run it.
    pub fn program(&self, program: &str, args: &[&str]) -> Console {
        let mut command = CommandBuilder::new(program);
        command.args(args);
        Console::spawn(command, self)
    }

    /// An interactive shell in the terminal, for job control (Ctrl-Z, fg).
    pub fn shell(&self) -> Console {
        let mut command = CommandBuilder::new("bash");
        command.args(["--norc", "--noprofile", "-i"]);
        command.env("PS1", "$ ");
        Console::spawn(command, self)
    }
}

/// A program in a pseudo-terminal: what it wrote (raw and as a screen), and keys to type.
///
/// The terminal's side is read and written through descriptors of our own
/// (not portable-pty's reader and writer, whose writer types Enter and
/// Ctrl-D when dropped), so that `hang_up` can close every one of them.
pub struct Console {
    child: Box<dyn Child + Send + Sync>,
    /// `None` once the terminal has hung up.
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<File>,
    reading: Option<(Arc<AtomicBool>, thread::JoinHandle<()>)>,
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
}

/// A descriptor of its own for the terminal's side of the pseudo-terminal.
fn terminal_side(master: &dyn MasterPty) -> File {
    let fd = master
        .as_raw_fd()
        .expect("a pseudo-terminal with a descriptor");
    // SAFETY: `master` keeps the descriptor open while it is borrowed here.
    let borrowed = unsafe { BorrowedFd::borrow_raw(fd) };
    File::from(borrowed.try_clone_to_owned().expect("dup"))
}

/// Whether `file` has something to read within 50 ms.
fn readable(file: &File) -> bool {
    let mut fds = [PollFd::new(file, PollFlags::IN)];
    let timeout = Timespec {
        tv_sec: 0,
        tv_nsec: 50_000_000,
    };
    poll(&mut fds, Some(&timeout)).is_ok_and(|ready| ready > 0)
}

impl Console {
    fn spawn(mut command: CommandBuilder, home: &Home) -> Console {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        command.env("XDG_CONFIG_HOME", home.config());
        command.env("XDG_DATA_HOME", home.data());
        command.env("HOME", home.root.path());
        if command.get_env("TERM").is_none() {
            command.env("TERM", "xterm-256color");
        }
        command.cwd(home.root.path());
        let child = pair
            .slave
            .spawn_command(command)
            .expect("the program starts");
        drop(pair.slave);
        let mut reader = terminal_side(pair.master.as_ref());
        let writer = terminal_side(pair.master.as_ref());
        let stop = Arc::new(AtomicBool::new(false));
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            nonzero(ROWS),
            nonzero(COLS),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (screen_in, raw_in, stopped) =
            (Arc::clone(&screen), Arc::clone(&raw), Arc::clone(&stop));
        let thread = thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while !stopped.load(Ordering::SeqCst) {
                if !readable(&reader) {
                    continue;
                }
                match reader.read(&mut buffer) {
                    Ok(n) if n > 0 => {
                        raw_in.lock().unwrap().extend_from_slice(&buffer[..n]);
                        screen_in.lock().unwrap().process(&buffer[..n]);
                    }
                    _ => break,
                }
            }
        });
        Console {
            child,
            master: Some(pair.master),
            writer: Some(writer),
            reading: Some((stop, thread)),
            screen,
            raw,
        }
    }

    /// Types `keys` at once. Wait for the screen after an Esc before the
    /// next key: crossterm reads an Esc with a key right behind it as Alt
    /// and that key.
    pub fn keys(&mut self, keys: &str) {
        let writer = self
            .writer
            .as_mut()
            .expect("a terminal that is still there");
        writer.write_all(keys.as_bytes()).expect("typing");
        writer.flush().expect("typing");
    }

    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Every byte the program wrote to the terminal so far.
    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// Waits until the screen shows `text`, and returns the screen once
    /// the frame that shows it is whole: the output has been quiet for a
    /// moment, so that no half-drawn frame is read.
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        let mut written = self.raw().len();
        loop {
            thread::sleep(Duration::from_millis(25));
            let contents = self.contents();
            let now = self.raw().len();
            if contents.contains(text) && now == written {
                return contents;
            }
            written = now;
            assert!(
                start.elapsed() < PATIENCE,
                "the screen never showed {text:?}; it shows:\n{contents}"
            );
        }
    }

    /// Waits until the raw output holds `bytes` after byte `from`.
    pub fn wait_for_bytes(&self, bytes: &[u8], from: usize) {
        let start = Instant::now();
        while !self.raw()[from.min(self.raw().len())..]
            .windows(bytes.len())
            .any(|w| w == bytes)
        {
            assert!(start.elapsed() < PATIENCE, "never wrote {bytes:?}");
            thread::sleep(Duration::from_millis(25));
        }
    }

    /// Resizes the terminal, as a person dragging the window would.
    pub fn resize(&self, cols: u16, rows: u16) {
        self.screen
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(nonzero(rows), nonzero(cols));
        self.master
            .as_ref()
            .expect("a terminal that is still there")
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a resize");
    }

    /// Closes the terminal under the program, as closing its window or
    /// losing an SSH connection does.
    pub fn hang_up(&mut self) {
        if let Some((stop, thread)) = self.reading.take() {
            stop.store(true, Ordering::SeqCst);
            thread.join().expect("the reader ends");
        }
        self.writer = None;
        self.master = None;
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a running program")
    }

    pub fn signal(&self, name: &str) {
        let status = std::process::Command::new("kill")
            .args([&format!("-{name}"), &self.pid().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success());
    }

    /// Waits for the program to end and gives its exit code (or 128 + the signal).
    pub fn wait(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("the program's status") {
                return status.exit_code();
            }
            assert!(start.elapsed() < PATIENCE, "the program did not end");
            thread::sleep(Duration::from_millis(25));
        }
    }
}

impl Drop for Console {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

fn nonzero(n: u16) -> std::num::NonZero<u16> {
    std::num::NonZero::new(n).expect("a size above zero")
}

/// A queue of `count` ordinary people, as a queue file's JSON.
pub fn queue_of(count: usize) -> String {
    let invitations: Vec<String> = (1..=count)
        .map(|n| {
            format!(
                r#"{{"id": "inv-{n:02}", "message": "Hello from person {n}", "profile": {{"name": "Person Number{n}", "headline": "Engineer at Company {n}", "photo": "person", "connections": {}}}}}"#,
                100 + n
            )
        })
        .collect();
    format!(
        "{{\"format\": \"inviteq-queue\", \"version\": 1, \"invitations\": [\n{}\n]}}\n",
        invitations.join(",\n")
    )
}

/// Decision records (not undo or redo) in a journal.
pub fn decide_records(journal: &Path) -> Vec<String> {
    std::fs::read_to_string(journal)
        .unwrap_or_default()
        .lines()
        .filter(|l| l.contains("\"op\":\"decide\""))
        .map(str::to_string)
        .collect()
}
