//! `inviteq export [SOURCE...] --format json|csv`: the decisions as they stand,
//! in the order they were taken, with reply texts, for carrying them out.

use std::io::{BufWriter, Write};

use anyhow::{Result, bail};
use clap::ValueEnum;

use super::Sources;
use crate::export::{ExportRecord, Formulas, write_csv, write_json};
use crate::store::journal;
use crate::store::session::{Source, journal_path, last_session_journal};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Csv,
}

pub fn run(
    sources: &Sources,
    format: Format,
    formulas: Formulas,
    out: &mut impl Write,
) -> Result<()> {
    let paths = super::user_paths()?;
    let named = match sources {
        Sources::Demo => Some(Source::Demo),
        Sources::Paths(named) if named.is_empty() => None,
        Sources::Paths(named) => Some(super::session_source(named)?),
    };
    let journal = match named {
        Some(source) => {
            let owner = super::load(sources.paths())?.queue.owner.name;
            let journal = journal_path(&paths, &source, owner.as_deref());
            if !journal.exists() {
                let open = match source {
                    Source::Demo => "inviteq --demo",
                    _ => "inviteq SOURCE",
                };
                bail!(
                    "{}: no review of this yet; open it with `{open}`",
                    source.describe()
                );
            }
            journal
        }
        None => match last_session_journal(&paths)? {
            Some(journal) => journal,
            None => bail!(
                "no review yet: open your invitations with `inviteq SOURCE`, then export them"
            ),
        },
    };
    let decisions = journal::read(&journal)?;
    let records = decisions
        .in_order()
        .into_iter()
        .map(|(id, standing)| ExportRecord {
            id: id.to_string(),
            name: standing.name.clone().unwrap_or_else(|| id.to_string()),
            url: standing.url.clone(),
            action: standing.decision.action,
            template: standing.decision.template.clone(),
            reply: standing.decision.reply.clone(),
            decided_at: standing.decision.decided_at,
            carried_out_at: standing.decision.carried_out_at,
        });
    // Each row written as it is made: the output is never held whole.
    let mut out = BufWriter::new(out);
    match format {
        Format::Json => write_json(records, &mut out)?,
        Format::Csv => write_csv(records, formulas, &mut out)?,
    }
    out.flush()?;
    Ok(())
}
