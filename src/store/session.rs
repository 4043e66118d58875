//! A review session: the queue it is for, the place in it, and its journal.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::atomic::{atomic_write, quick_replace};
use super::journal::{self, Decisions, Journal, JournalError, Op, Record, Recovery};
use super::paths::{Paths, session_folder_name};
use super::seen::Seen;
use crate::model::{Decision, Invitation};
use crate::model::{Filter, Sort};
use crate::score::Intent;
use files::{Found, read_json, read_json_strict, set_aside, write_json};
pub use lock::HeldBy;
use lock::Lock;

mod files;
mod lock;

const VERSION: u32 = 1;
const STATE_FILE: &str = "session.json";
const JOURNAL_FILE: &str = "journal.jsonl";
const SEEN_FILE: &str = "seen.bin";
/// Where versions before the binary file kept the seen ids, read once.
const OLD_SEEN_FILE: &str = "seen.json";

/// Where a session's queue comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    Demo,
    File {
        path: PathBuf,
    },
    /// Several sources joined: an export, a saved page, e-mails.
    Files {
        paths: Vec<PathBuf>,
    },
}

impl Source {
    /// What a session is known by: the queue's owner when the queue names
    /// one (so a newer export of the same account resumes the same review),
    /// else the queue file itself.
    pub fn session_key(&self, owner: Option<&str>) -> String {
        match (self, owner) {
            (Source::Demo, _) => "demo".to_string(),
            (Source::File { .. } | Source::Files { .. }, Some(owner)) => format!("owner:{owner}"),
            (Source::File { path }, None) => format!("file:{}", path.display()),
            (Source::Files { paths }, None) => {
                let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
                format!("files:{}", shown.join("\n"))
            }
        }
    }

    /// The paths a source is read from: one for a file, none for the demo.
    pub fn paths(&self) -> Vec<PathBuf> {
        match self {
            Source::Demo => Vec::new(),
            Source::File { path } => vec![path.clone()],
            Source::Files { paths } => paths.clone(),
        }
    }

    /// The source of `paths`: one file as before, several joined.
    pub fn of_paths(mut paths: Vec<PathBuf>) -> Source {
        match paths.len() {
            0 => Source::Demo,
            1 => Source::File {
                path: paths.remove(0),
            },
            _ => Source::Files { paths },
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Source::Demo => "the built-in demo".to_string(),
            other => {
                let shown: Vec<String> = other
                    .paths()
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect();
                shown.join(" + ")
            }
        }
    }
}

/// The saved place in a review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionState {
    pub version: u32,
    pub source: Source,
    /// The id of the invitation under the cursor.
    pub cursor: Option<String>,
    #[serde(default)]
    pub filter: Filter,
    #[serde(default)]
    pub sort: Sort,
    /// Only invitations of this intent, when set.
    #[serde(default)]
    pub intent: Option<Intent>,
    /// How many of the `total` invitations to review were decided, as the
    /// status bar last showed it (`crate::review` defines the words).
    #[serde(default)]
    pub decided: usize,
    /// The invitations to review: in the queue, not from a connection.
    #[serde(default)]
    pub total: usize,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot use the data folder {}: {error}", path.display())]
    Folder {
        path: PathBuf,
        /// Told in the message, so not a `source`: `{:#}` would tell it twice.
        error: io::Error,
    },
    #[error("{}: {error}", path.display())]
    Io {
        path: PathBuf,
        /// Told in the message, so not a `source`: `{:#}` would tell it twice.
        error: io::Error,
    },
    #[error("{}: {problem}; the file is left as it is", path.display())]
    Corrupt { path: PathBuf, problem: String },
    #[error(transparent)]
    Journal(#[from] JournalError),
    #[error("read-only: {0}")]
    ReadOnly(HeldBy),
}

/// The invitation ids a session's queue held when it was last opened, as
/// versions before [`Seen`]'s binary file kept them.
#[derive(Deserialize)]
struct OldSeen {
    ids: Vec<String>,
}

#[derive(Serialize, Deserialize)]
struct LastSession {
    version: u32,
    folder: String,
}

/// An open session: its state and its journal.
pub struct Session {
    dir: PathBuf,
    pub state: SessionState,
    writer: Writer,
    /// How many times the state was written and synced, for the console's
    /// promise that moving about syncs nothing to be held to.
    synced_writes: usize,
}

/// Whether this process decides in the session, or only looks.
enum Writer {
    /// It holds the session's lock, and appends to its journal.
    Held { journal: Journal, _lock: Lock },
    /// Another process holds it: this one writes nothing at all.
    ReadOnly { held_by: HeldBy, journal: PathBuf },
}

/// What opening a session found on disk.
pub struct Opened {
    pub session: Session,
    pub decisions: Decisions,
    pub recovery: Recovery,
    /// The session had been opened before.
    pub resumed: bool,
    /// The ids the queue held when the session was last opened, if it was.
    pub seen: Option<Seen>,
    /// What was found damaged and lost (never a decision), to be told.
    pub notices: Vec<String>,
}

impl Session {
    /// Opens (or starts) the session for `source`, makes it the last
    /// session, and proves that its folder can be written, so that no
    /// decision is ever taken that could not be kept.
    pub fn open(paths: &Paths, source: Source, owner: Option<&str>) -> Result<Opened, StoreError> {
        let folder = session_folder_name(&source.session_key(owner));
        let dir = paths.session_dir(&folder);
        fs::create_dir_all(&dir).map_err(|error| StoreError::Folder {
            path: dir.clone(),
            error,
        })?;
        let journal_path = dir.join(JOURNAL_FILE);
        let lock = lock::take(&dir).map_err(|error| StoreError::Io {
            path: dir.clone(),
            error,
        })?;
        let mut notices = Vec::new();
        let (writer, decisions, recovery) = match lock {
            Ok(lock) => {
                let (journal, decisions, recovery) = Journal::open(&journal_path)?;
                if let Some(problem) = &recovery.not_compacted {
                    notices.push(format!(
                        "The journal could not be compacted ({problem}); every decision is kept, and the next opening tries again"
                    ));
                }
                let writer = Writer::Held {
                    journal,
                    _lock: lock,
                };
                (writer, decisions, recovery)
            }
            Err(held_by) => {
                notices.push(format!(
                    "Read-only: {held_by}; nothing is decided here. Quit that one to decide here"
                ));
                let decisions = journal::read(&journal_path)?;
                let writer = Writer::ReadOnly {
                    held_by,
                    journal: journal_path,
                };
                (writer, decisions, Recovery::default())
            }
        };
        let writable = matches!(writer, Writer::Held { .. });
        let saved = match read_json::<SessionState>(&dir.join(STATE_FILE))? {
            // Only the console that holds the review puts a damaged place
            // aside and writes a new one.
            Found::Damaged { problem, .. } if writable => {
                let aside = set_aside(&dir.join(STATE_FILE))?;
                notices.push(format!(
                    "The place in this review is lost: {STATE_FILE} was damaged ({problem}) and is kept as {}; every decision is kept",
                    aside.file_name().unwrap_or_default().to_string_lossy()
                ));
                None
            }
            found => found.salvage(),
        };
        let seen = read_seen(&dir).unwrap_or_else(|problem| {
            notices.push(format!(
                "{SEEN_FILE} was damaged ({problem}): what is new since the last session is not marked this time"
            ));
            None
        });
        let resumed = saved.is_some();
        let state = match saved {
            Some(saved) => SessionState { source, ..saved },
            None => SessionState {
                version: VERSION,
                source,
                cursor: None,
                filter: Filter::default(),
                sort: Sort::default(),
                intent: None,
                decided: 0,
                total: 0,
                updated_at: OffsetDateTime::now_utc(),
            },
        };
        let mut session = Session {
            dir,
            state,
            writer,
            synced_writes: 0,
        };
        session.save()?;
        if writable {
            write_json(
                &paths.last_session_file(),
                &LastSession {
                    version: VERSION,
                    folder,
                },
                atomic_write,
            )?;
        }
        Ok(Opened {
            session,
            decisions,
            recovery,
            resumed,
            seen,
            notices,
        })
    }

    /// Remembers the ids the queue holds now, so that the next session can
    /// tell what is new.
    pub fn remember_seen<'a>(&self, ids: impl Iterator<Item = &'a str>) -> Result<(), StoreError> {
        if self.held_by().is_some() {
            return Ok(());
        }
        let path = self.dir.join(SEEN_FILE);
        Seen::of(ids)
            .save(&path)
            .map_err(|error| StoreError::Io { path, error })?;
        // Best effort: the old file is only read when the new one is missing.
        let _ = fs::remove_file(self.dir.join(OLD_SEEN_FILE));
        Ok(())
    }

    /// Writes the state atomically and syncs it: it survives a crash of
    /// the machine too.
    pub fn save(&mut self) -> Result<(), StoreError> {
        if self.held_by().is_some() {
            return Ok(());
        }
        write_json(&self.dir.join(STATE_FILE), &self.stamped(), atomic_write)?;
        self.synced_writes += 1;
        Ok(())
    }

    /// Writes the state whole without syncing it: it survives the process
    /// being killed, and [`Session::save`] makes it sure.
    pub fn write(&self) -> Result<(), StoreError> {
        if self.held_by().is_some() {
            return Ok(());
        }
        write_json(&self.dir.join(STATE_FILE), &self.stamped(), quick_replace)
    }

    /// Appends to the journal what one key changed (see
    /// [`Journal::append_all`]); refused when another process holds the
    /// review.
    pub fn record(
        &mut self,
        op: Op,
        entries: &[(&Invitation, Option<&Decision>)],
    ) -> Result<Vec<Record>, StoreError> {
        match &mut self.writer {
            Writer::Held { journal, .. } => Ok(journal.append_all(op, entries)?),
            Writer::ReadOnly { held_by, .. } => Err(StoreError::ReadOnly(*held_by)),
        }
    }

    /// The process that holds this review, when it is not this one: then
    /// the session is read-only, and nothing of it is written.
    pub fn held_by(&self) -> Option<HeldBy> {
        match &self.writer {
            Writer::Held { .. } => None,
            Writer::ReadOnly { held_by, .. } => Some(*held_by),
        }
    }

    pub fn journal_path(&self) -> &Path {
        match &self.writer {
            Writer::Held { journal, .. } => journal.path(),
            Writer::ReadOnly { journal, .. } => journal,
        }
    }

    /// How many times [`Session::save`] wrote and synced the state.
    pub fn synced_writes(&self) -> usize {
        self.synced_writes
    }

    fn stamped(&self) -> SessionState {
        SessionState {
            updated_at: OffsetDateTime::now_utc(),
            ..self.state.clone()
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

/// The journal of the session for `source`, whether or not it exists yet.
pub fn journal_path(paths: &Paths, source: &Source, owner: Option<&str>) -> PathBuf {
    paths
        .session_dir(&session_folder_name(&source.session_key(owner)))
        .join(JOURNAL_FILE)
}

/// The folder of the last session opened, if any.
fn last_session_dir(paths: &Paths) -> Result<Option<PathBuf>, StoreError> {
    let last = read_json_strict::<LastSession>(&paths.last_session_file())?;
    Ok(last
        .map(|last| paths.session_dir(&last.folder))
        .filter(|dir| dir.is_dir()))
}

/// The journal of the last session opened, if any. Its place file is not
/// read: the journal holds every decision whatever became of the place.
pub fn last_session_journal(paths: &Paths) -> Result<Option<PathBuf>, StoreError> {
    Ok(last_session_dir(paths)?.map(|dir| dir.join(JOURNAL_FILE)))
}

/// The state of the last session opened, if any. A damaged place file
/// still gives the queue it was for when that much of it reads (opening
/// the session then tells of the damage); else it is an error that says
/// how to go on.
pub fn last_session(paths: &Paths) -> Result<Option<SessionState>, StoreError> {
    let Some(dir) = last_session_dir(paths)? else {
        return Ok(None);
    };
    let path = dir.join(STATE_FILE);
    match read_json::<SessionState>(&path)? {
        Found::Missing => Ok(None),
        Found::Whole(state)
        | Found::Damaged {
            salvaged: Some(state),
            ..
        } => Ok(Some(state)),
        Found::Damaged {
            problem,
            salvaged: None,
        } => Err(StoreError::Corrupt {
            path,
            problem: format!(
                "{problem}; it does not say which queue the last session was for: open it again with `inviteq SOURCE` (its decisions are kept)"
            ),
        }),
    }
}

/// A session whose place file is damaged, as `inviteq sessions` tells it.
#[derive(Debug, PartialEq)]
pub struct Damaged {
    pub path: PathBuf,
    pub problem: String,
    /// Whether enough of it read to list the session all the same.
    pub listed: bool,
}

/// Every saved session, and the place files found damaged.
#[derive(Debug, Default)]
pub struct Sessions {
    /// Each session's state with its journal's path, most recently used first.
    pub found: Vec<(SessionState, PathBuf)>,
    pub damaged: Vec<Damaged>,
}

/// Every saved session with its journal's path, most recently used first.
/// A damaged place file is listed as far as it reads, and told.
pub fn all_sessions(paths: &Paths) -> Result<Sessions, StoreError> {
    let dir = paths.sessions_dir();
    let entries = match fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Sessions::default()),
        Err(error) => return Err(StoreError::Io { path: dir, error }),
    };
    let mut sessions = Sessions::default();
    for entry in entries.flatten() {
        let path = entry.path().join(STATE_FILE);
        let found = read_json::<SessionState>(&path)?;
        if let Found::Damaged { problem, salvaged } = &found {
            sessions.damaged.push(Damaged {
                path: path.clone(),
                problem: problem.clone(),
                listed: salvaged.is_some(),
            });
        }
        if let Some(state) = found.salvage() {
            sessions
                .found
                .push((state, entry.path().join(JOURNAL_FILE)));
        }
    }
    sessions
        .found
        .sort_by_key(|(state, _)| std::cmp::Reverse(state.updated_at));
    Ok(sessions)
}

/// The seen ids of session folder `dir`, from the binary file, else from
/// the JSON file of earlier versions.
fn read_seen(dir: &Path) -> Result<Option<Seen>, String> {
    match Seen::load(&dir.join(SEEN_FILE)) {
        Ok(Some(seen)) => Ok(Some(seen)),
        Ok(None) => match read_json::<OldSeen>(&dir.join(OLD_SEEN_FILE)) {
            Ok(found) => Ok(found
                .salvage()
                .map(|old| Seen::of(old.ids.iter().map(String::as_str)))),
            Err(error) => Err(error.to_string()),
        },
        Err(error) => Err(error.to_string()),
    }
}

#[cfg(test)]
mod tests;
