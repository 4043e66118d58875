//! `inviteq sessions`: every saved review and how far it has come.

use std::io::Write;

use anyhow::Result;

use crate::import::clean::{LINE_CAP, clean_line};
use crate::import::dates::format_date;
use crate::store::session::all_sessions;

pub fn run(out: &mut impl Write) -> Result<()> {
    let paths = super::user_paths()?;
    let sessions = all_sessions(&paths)?;
    if sessions.is_empty() {
        writeln!(
            out,
            "No saved sessions yet. Open a queue with `inviteq QUEUE`, or try `inviteq --demo`."
        )?;
        return Ok(());
    }
    writeln!(out, "{:<10}  {:>13}  queue", "last used", "decided")?;
    for (state, _) in &sessions {
        let progress = format!("{}/{}", state.decided, state.total);
        let source = clean_line(&state.source.describe(), LINE_CAP);
        writeln!(
            out,
            "{:<10}  {progress:>13}  {source}",
            format_date(state.updated_at.date())
        )?;
    }
    writeln!(out, "\nSessions live in {}", paths.sessions_dir().display())?;
    Ok(())
}
