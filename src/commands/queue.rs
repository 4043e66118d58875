//! `inviteq queue SOURCE...`: the sources joined into one queue, printed as
//! queue-format v1 JSON that inviteq reads back. Each invitation carries
//! `sources`, where its facts came from; the other kinds than a person's
//! carry `kind`. Unknown facts are left out, as the format allows.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use super::Sources;
use crate::import::queue_json::InvitationOut;
use crate::model::Owner;
use crate::output::json_text;

pub fn run(sources: &Sources, out: &mut impl Write) -> Result<()> {
    let queue = super::load(sources.paths())?.queue;
    let file = QueueFile {
        format: "inviteq-queue",
        version: 1,
        owner: owner(&queue.owner),
        invitations: queue.invitations.iter().map(InvitationOut::from).collect(),
    };
    // Written whole, so that a closed pipe (`| head`) is an I/O error the
    // command line knows to be no error.
    let text = json_text(serde_json::to_string_pretty(&file)?);
    out.write_all(text.as_bytes())?;
    writeln!(out)?;
    Ok(())
}

#[derive(Serialize)]
struct QueueFile<'a> {
    format: &'static str,
    version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    owner: Option<OwnerOut<'a>>,
    invitations: Vec<InvitationOut<'a>>,
}

#[derive(Serialize)]
struct OwnerOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    company: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    headline: Option<&'a str>,
}

fn owner(owner: &Owner) -> Option<OwnerOut<'_>> {
    let out = OwnerOut {
        name: owner.name.as_deref(),
        company: owner.company.as_deref(),
        headline: owner.headline.as_deref(),
    };
    (out.name.is_some() || out.company.is_some() || out.headline.is_some()).then_some(out)
}
