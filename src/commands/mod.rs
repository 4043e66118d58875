//! What each command line does. `main.rs` turns their errors into exit codes.

pub mod check;
pub mod console;
pub mod export;
pub mod queue;
pub mod score;
pub mod sessions;
pub mod templates;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::config::{Config, DEFAULT_CONFIG};
use crate::import::{self, ImportError, inputs::Loaded};
use crate::output::write_line;
use crate::score::Policy;
use crate::store::Paths;
use crate::store::session::Source;

/// What a command reads.
pub enum Sources {
    /// The built-in demo queue.
    Demo,
    /// The paths named, joined into one queue.
    Paths(Vec<PathBuf>),
}

impl Sources {
    /// The paths named; none for the demo.
    pub fn paths(&self) -> &[PathBuf] {
        match self {
            Sources::Demo => &[],
            Sources::Paths(paths) => paths,
        }
    }
}

/// Reads the paths and joins them, or the demo when there are none; a large
/// file says so on stderr while it is read.
pub fn load(paths: &[PathBuf]) -> Result<Loaded, ImportError> {
    if paths.is_empty() {
        return Ok(Loaded {
            queue: import::demo(),
            found: Vec::new(),
        });
    }
    import::inputs::load_all(paths, &mut |line| {
        let _ = write_line(&mut std::io::stderr(), &format!("inviteq: {line}"));
    })
}

/// The session source of the paths named, made absolute so that the session
/// finds them again from any folder; the demo for none.
pub fn session_source(paths: &[PathBuf]) -> Result<Source> {
    let absolute = paths
        .iter()
        .map(|path| absolute(path))
        .collect::<Result<_>>()?;
    Ok(Source::of_paths(absolute))
}

/// The user's folders, or an error saying why there are none.
pub fn user_paths() -> Result<Paths> {
    Paths::for_user()
        .context("no home folder is known, so there is nowhere to keep decisions (set HOME)")
}

/// The user's config from `config.toml`, written with its commented
/// defaults the first time and never overwritten; `policy` (from
/// `--policy`) stands over the file's.
pub fn config(paths: &Paths, policy: Option<Policy>) -> Result<Config> {
    let path = paths.config_file();
    if !path.exists() {
        std::fs::create_dir_all(&paths.config_dir).with_context(|| {
            format!(
                "cannot create the config folder {}",
                paths.config_dir.display()
            )
        })?;
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut file) => std::io::Write::write_all(&mut file, DEFAULT_CONFIG.as_bytes())
                .with_context(|| format!("{}: cannot write the default config", path.display()))?,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => {
                return Err(e).with_context(|| format!("{}: cannot create it", path.display()));
            }
        }
    }
    let mut config = Config::load(&path)?;
    if let Some(policy) = policy {
        config.score.policy = policy;
    }
    Ok(config)
}

/// Today's date, where an invitation's own date is unknown.
pub fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

/// The queue path as given, made absolute so that a session finds it again
/// from any folder.
pub fn absolute(path: &Path) -> Result<PathBuf> {
    std::path::absolute(path)
        .with_context(|| format!("{}: cannot resolve the path", path.display()))
}
