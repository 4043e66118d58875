use std::io::Write;

use anyhow::Result;

use super::Sources;
use crate::output::{json_text, terminal_text};
use crate::score::{Policy, Scorer, report};

/// Scores the sources' invitations without the console, as a table or as JSON.
pub fn run(
    sources: &Sources,
    json: bool,
    policy: Option<Policy>,
    out: &mut impl Write,
) -> Result<()> {
    let queue = super::load(sources.paths())?.queue;
    let config = super::config(&super::user_paths()?, policy)?;
    let scorer = Scorer::new(&queue, &config.score, super::today());
    let text = if json {
        json_text(report::json(&queue, &scorer))
    } else {
        terminal_text(&report::table(&queue, &scorer))
    };
    out.write_all(text.as_bytes())?;
    if !text.ends_with('\n') {
        writeln!(out)?;
    }
    Ok(())
}
