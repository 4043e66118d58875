use std::io::Write;
use std::path::Path;

use anyhow::Result;

use crate::import::{self, ImportError};

/// Validates a queue: every problem with its file, line and column on
/// stderr; a short summary on stdout when there is none. Says whether the
/// queue is valid.
pub fn run(path: &Path, out: &mut impl Write, err: &mut impl Write) -> Result<bool> {
    match import::load(path) {
        Ok(queue) => {
            for warning in &queue.warnings {
                writeln!(err, "warning: {warning}")?;
            }
            let mut summary = format!(
                "{}: {} invitations",
                path.display(),
                queue.invitations.len()
            );
            if queue.skipped_rows > 0 {
                summary.push_str(&format!(", {} rows skipped", queue.skipped_rows));
            }
            summary.push_str(match queue.warnings.len() {
                0 => ", no problems",
                _ => ", no errors; warnings above",
            });
            writeln!(out, "{summary}")?;
            Ok(true)
        }
        Err(ImportError::Invalid { path, problems }) => {
            for problem in &problems {
                writeln!(err, "error: {}:{problem}", path.display())?;
            }
            writeln!(err, "{}: {} problems", path.display(), problems.len())?;
            Ok(false)
        }
        Err(error) => {
            writeln!(err, "error: {error}")?;
            Ok(false)
        }
    }
}
