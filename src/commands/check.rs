use std::io::Write;

use anyhow::Result;

use super::Sources;
use crate::import::ImportError;
use crate::output::write_line;

/// Validates the sources: what was found in each and a short summary on
/// stdout; every problem with its file, line and column on stderr. Says
/// whether they are valid.
pub fn run(sources: &Sources, out: &mut impl Write, err: &mut impl Write) -> Result<bool> {
    let loaded = match super::load(sources.paths()) {
        Ok(loaded) => loaded,
        Err(ImportError::Invalid { path, problems }) => {
            for problem in &problems {
                write_line(err, &format!("error: {}:{problem}", path.display()))?;
            }
            write_line(
                err,
                &format!("{}: {} problems", path.display(), problems.len()),
            )?;
            return Ok(false);
        }
        Err(error) => {
            write_line(err, &format!("error: {error}"))?;
            return Ok(false);
        }
    };
    let queue = &loaded.queue;
    for warning in &queue.warnings {
        write_line(err, &format!("warning: {warning}"))?;
    }
    for found in &loaded.found {
        write_line(out, &found.to_string())?;
    }
    let joined_by_name = queue
        .invitations
        .iter()
        .filter(|i| i.sources.iter().any(|s| s.by_name))
        .count();
    let mut summary = format!("{} invitations", queue.invitations.len());
    if loaded.found.len() > 1 {
        summary.push_str(&format!(" joined from {} sources", loaded.found.len()));
    }
    if joined_by_name > 0 {
        summary.push_str(&format!(" ({joined_by_name} joined by name)"));
    }
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
