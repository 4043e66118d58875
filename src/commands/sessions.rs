//! `inviteq sessions`: every saved review and how far it has come.

use std::io::Write;

use anyhow::Result;

use crate::import::clean::{LINE_CAP, TEXT_CAP, clean_line};
use crate::output::write_line;
use crate::store::journal;
use crate::store::session::all_sessions;

pub fn run(out: &mut impl Write) -> Result<()> {
    let paths = super::user_paths()?;
    let sessions = all_sessions(&paths)?;
    for damaged in &sessions.damaged {
        let listed = if damaged.listed {
            "its place is lost"
        } else {
            "it is not listed: open its queue again to go on"
        };
        let warning = format!(
            "{}: damaged ({}); {listed}, its decisions are kept",
            damaged.path.display(),
            damaged.problem
        );
        eprintln!("warning: {}", clean_line(&warning, TEXT_CAP));
    }
    let sessions = sessions.found;
    if sessions.is_empty() {
        writeln!(
            out,
            "No saved sessions yet. Open your invitations with `inviteq SOURCE`, or try `inviteq --demo`."
        )?;
        return Ok(());
    }
    writeln!(
        out,
        "{:<10}  {:>15}  {:>9}  queue",
        "last used", "progress", "decisions"
    )?;
    for (state, journal_path) in &sessions {
        let progress = format!("{}/{} decided", state.decided, state.total);
        let decisions = journal::read(journal_path)?.by_id.len();
        let source = clean_line(&state.source.describe(), LINE_CAP);
        writeln!(
            out,
            "{:<10}  {progress:>15}  {decisions:>9}  {source}",
            state.updated_at.date().to_string()
        )?;
    }
    writeln!(
        out,
        "\nprogress   invitations to review that are decided, as the console's status bar shows\n\
         decisions  every decision kept, on invitations gone from the queue too, as `inviteq export` lists them"
    )?;
    let folder = paths.sessions_dir();
    write_line(out, &format!("\nSessions live in {}", folder.display()))?;
    Ok(())
}
