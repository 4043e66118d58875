//! A review session: the queue it is for, the place in it, and its journal.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::atomic::{atomic_write, quick_replace};
use super::journal::{Decisions, Journal, JournalError, Recovery};
use super::paths::{Paths, session_folder_name};
use super::seen::Seen;
use crate::model::{Filter, Sort};
use crate::score::Intent;

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
    pub journal: Journal,
    /// How many times the state was written and synced, for the console's
    /// promise that moving about syncs nothing to be held to.
    synced_writes: usize,
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
        let (journal, decisions, recovery) = Journal::open(&dir.join(JOURNAL_FILE))?;
        let saved = read_state(&dir.join(STATE_FILE))?;
        let seen = read_seen(&dir)?;
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
            journal,
            synced_writes: 0,
        };
        session.save()?;
        write_json(
            &paths.last_session_file(),
            &LastSession {
                version: VERSION,
                folder,
            },
            atomic_write,
        )?;
        Ok(Opened {
            session,
            decisions,
            recovery,
            resumed,
            seen,
        })
    }

    /// Remembers the ids the queue holds now, so that the next session can
    /// tell what is new.
    pub fn remember_seen<'a>(&self, ids: impl Iterator<Item = &'a str>) -> Result<(), StoreError> {
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
        write_json(&self.dir.join(STATE_FILE), &self.stamped(), atomic_write)?;
        self.synced_writes += 1;
        Ok(())
    }

    /// Writes the state whole without syncing it: it survives the process
    /// being killed, and [`Session::save`] makes it sure.
    pub fn write(&self) -> Result<(), StoreError> {
        write_json(&self.dir.join(STATE_FILE), &self.stamped(), quick_replace)
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

/// The state and journal of the last session opened, if any.
pub fn last_session_journal(paths: &Paths) -> Result<Option<(SessionState, PathBuf)>, StoreError> {
    let Some(last) = read_json::<LastSession>(&paths.last_session_file())? else {
        return Ok(None);
    };
    let dir = paths.session_dir(&last.folder);
    Ok(read_state(&dir.join(STATE_FILE))?.map(|state| (state, dir.join(JOURNAL_FILE))))
}

/// The state of the last session opened, if any.
pub fn last_session(paths: &Paths) -> Result<Option<SessionState>, StoreError> {
    Ok(last_session_journal(paths)?.map(|(state, _)| state))
}

/// Every saved session with its journal's path, most recently used first.
pub fn all_sessions(paths: &Paths) -> Result<Vec<(SessionState, PathBuf)>, StoreError> {
    let dir = paths.sessions_dir();
    let entries = match fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(StoreError::Io { path: dir, error }),
    };
    let mut sessions = Vec::new();
    for entry in entries.flatten() {
        if let Some(state) = read_state(&entry.path().join(STATE_FILE))? {
            sessions.push((state, entry.path().join(JOURNAL_FILE)));
        }
    }
    sessions.sort_by_key(|(state, _)| std::cmp::Reverse(state.updated_at));
    Ok(sessions)
}

fn read_state(path: &Path) -> Result<Option<SessionState>, StoreError> {
    read_json(path)
}

fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<Option<T>, StoreError> {
    match fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| StoreError::Corrupt {
                path: path.to_path_buf(),
                problem: format!("line {}: {e}", e.line()),
            }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(StoreError::Io {
            path: path.to_path_buf(),
            error,
        }),
    }
}

/// Writes `value` to `path` as pretty JSON, with `replace` (synced or not).
fn write_json<T: Serialize>(
    path: &Path,
    value: &T,
    replace: fn(&Path, &[u8]) -> io::Result<()>,
) -> Result<(), StoreError> {
    let io_error = |error| StoreError::Io {
        path: path.to_path_buf(),
        error,
    };
    let mut text = serde_json::to_string_pretty(value).map_err(|e| io_error(e.into()))?;
    text.push('\n');
    replace(path, text.as_bytes()).map_err(io_error)
}

/// The seen ids of session folder `dir`, from the binary file, else from
/// the JSON file of earlier versions.
fn read_seen(dir: &Path) -> Result<Option<Seen>, StoreError> {
    let path = dir.join(SEEN_FILE);
    match Seen::load(&path) {
        Ok(Some(seen)) => Ok(Some(seen)),
        Ok(None) => Ok(read_json::<OldSeen>(&dir.join(OLD_SEEN_FILE))?
            .map(|old| Seen::of(old.ids.iter().map(String::as_str)))),
        Err(error) => Err(StoreError::Io { path, error }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(root: &Path) -> Paths {
        Paths {
            config_dir: root.join("config"),
            data_dir: root.join("data"),
        }
    }

    #[test]
    fn a_session_is_resumed_with_its_place_and_becomes_the_last() {
        let root = tempfile::tempdir().unwrap();
        let paths = paths(root.path());
        let source = Source::File {
            path: "/q/queue.json".into(),
        };
        let mut opened = Session::open(&paths, source.clone(), None).unwrap();
        assert!(!opened.resumed);
        opened.session.state.cursor = Some("inv-7".into());
        opened.session.state.filter = Filter::Pending;
        opened.session.save().unwrap();

        let again = Session::open(&paths, source.clone(), None).unwrap();
        assert!(again.resumed);
        assert_eq!(again.session.state.cursor.as_deref(), Some("inv-7"));
        assert_eq!(again.session.synced_writes(), 1, "opening syncs once");
        assert_eq!(again.session.state.filter, Filter::Pending);
        assert_eq!(last_session(&paths).unwrap().unwrap().source, source);
        assert_eq!(all_sessions(&paths).unwrap().len(), 1);
    }

    #[test]
    fn a_newer_export_of_the_same_owner_shares_the_session() {
        let root = tempfile::tempdir().unwrap();
        let paths = paths(root.path());
        let monday = Source::File {
            path: "/d/mon.zip".into(),
        };
        let tuesday = Source::File {
            path: "/d/tue.zip".into(),
        };
        let a = Session::open(&paths, monday, Some("Ann Lee")).unwrap();
        let b = Session::open(&paths, tuesday.clone(), Some("Ann Lee")).unwrap();
        assert_eq!(a.session.dir(), b.session.dir());
        assert_eq!(b.session.state.source, tuesday);
    }

    #[test]
    fn an_unusable_data_folder_is_refused() {
        let root = tempfile::tempdir().unwrap();
        let blocker = root.path().join("data");
        fs::write(&blocker, "a file where the folder should be").unwrap();
        let error = Session::open(&paths(root.path()), Source::Demo, None)
            .err()
            .unwrap();
        assert!(
            error.to_string().contains("cannot use the data folder"),
            "{error}"
        );
    }
}
