//! What each command line does. `main.rs` turns their errors into exit codes.

pub mod check;
pub mod console;
pub mod export;
pub mod score;
pub mod sessions;
pub mod templates;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::store::Paths;

/// The user's folders, or an error saying why there are none.
pub fn user_paths() -> Result<Paths> {
    Paths::for_user()
        .context("no home folder is known, so there is nowhere to keep decisions (set HOME)")
}

/// The queue path as given, made absolute so that a session finds it again
/// from any folder.
pub fn absolute(path: &Path) -> Result<PathBuf> {
    std::path::absolute(path)
        .with_context(|| format!("{}: cannot resolve the path", path.display()))
}
