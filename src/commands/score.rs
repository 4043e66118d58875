use std::io::Write;

use anyhow::Result;

use super::Sources;
use crate::output::terminal_text;
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
    if json {
        let mut out = std::io::BufWriter::new(out);
        report::write_json(&queue, &scorer, &mut out)?;
        out.flush()?;
    } else {
        out.write_all(terminal_text(&report::table(&queue, &scorer)).as_bytes())?;
    }
    Ok(())
}
