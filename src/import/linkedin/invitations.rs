//! `Invitations.csv`: one row per invitation sent or received. Only the
//! `INCOMING` rows are invitations to review.

use std::collections::hash_map::Entry;
use std::path::Path;

use foldhash::HashMap;

use super::Report;
use super::csv_text::{Row, Table};
use super::sent_at::parse_sent_at;
use super::sources::Source;
use crate::import::ImportError;
use crate::import::clean::{
    LINE_CAP, NAME_CAP, TEXT_CAP, clean_line, clean_name, clean_optional_line, clean_optional_text,
};
use crate::import::id::derive_id;
use crate::model::{Invitation, Profile, Text};
use crate::problem::Problem;

/// Columns every era of the file has; `Message` and the profile URLs
/// (added late 2023) are read when present.
const REQUIRED: [&str; 3] = ["From", "Sent At", "Direction"];
/// Longest direction or date quoted back in a warning.
const QUOTED_CAP: usize = 40;

/// The invitations to review, and the name they were sent to: the owner's.
pub(super) struct Received {
    pub invitations: Vec<Invitation>,
    pub invitee: Option<String>,
}

struct Columns {
    from: Option<usize>,
    to: Option<usize>,
    sent_at: Option<usize>,
    message: Option<usize>,
    direction: Option<usize>,
    inviter_url: Option<usize>,
    width: usize,
}

/// What one row turned out to be.
enum Read {
    Incoming(Box<Invitation>),
    Outgoing,
    Skipped(String),
}

pub(super) fn read(source: Source, report: &mut Report) -> Result<Received, ImportError> {
    let Source { path, reader } = source;
    let unreadable = |error| ImportError::Io {
        path: path.clone(),
        error,
    };
    let table = Table::open(reader, &REQUIRED).map_err(unreadable)?;
    let mut table = table.ok_or_else(|| ImportError::Invalid {
        path: path.clone(),
        problems: vec![Problem {
            line: 1,
            column: 1,
            message: "no header row naming From, Sent At and Direction; \
                      LinkedIn's Invitations.csv begins with From,To,Sent At,Message,Direction"
                .to_string(),
        }],
    })?;
    let columns = Columns {
        from: table.column("From"),
        to: table.column("To"),
        sent_at: table.column("Sent At"),
        message: table.column("Message"),
        direction: table.column("Direction"),
        inviter_url: table.column("inviterProfileUrl"),
        width: table.width(),
    };
    let mut received = Received {
        invitations: Vec::new(),
        invitee: None,
    };
    let mut first_line_of: HashMap<Text, (usize, usize)> = HashMap::default();
    for row in table.by_ref() {
        let row = match row {
            Ok(row) => row,
            Err(broken) => {
                report.skip(&path, broken.line, broken.reason);
                continue;
            }
        };
        let invitation = match read_row(&row, &columns, &path, report) {
            Read::Incoming(invitation) => *invitation,
            Read::Outgoing => continue,
            Read::Skipped(reason) => {
                report.skip(&path, row.line, reason);
                continue;
            }
        };
        if received.invitee.is_none() {
            // The owner's name, from the first row that has it.
            let to = clean_line(row.get(columns.to), NAME_CAP);
            received.invitee = Some(to).filter(|to| !to.is_empty());
        }
        match first_line_of.entry(invitation.id.clone()) {
            Entry::Occupied(seen) => {
                let (index, first_line) = *seen.get();
                merge(&mut received.invitations[index], invitation);
                report.warn(
                    &path,
                    row.line,
                    format!("the same invitation as line {first_line}; the two are merged"),
                );
            }
            Entry::Vacant(slot) => {
                slot.insert((received.invitations.len(), row.line));
                received.invitations.push(invitation);
            }
        }
    }
    for (line, warning) in table.finish().map_err(unreadable)? {
        report.warn(&path, line, warning);
    }
    Ok(received)
}

fn read_row(row: &Row, columns: &Columns, path: &Path, report: &mut Report) -> Read {
    let only_a_date = row
        .record
        .iter()
        .enumerate()
        .all(|(i, field)| Some(i) == columns.sent_at || field.trim().is_empty());
    if only_a_date {
        return Read::Skipped("only a date and no inviter: a hidden or closed profile".to_string());
    }
    if row.record.len() != columns.width {
        return Read::Skipped(format!(
            "{} fields where the header has {}",
            row.record.len(),
            columns.width
        ));
    }
    let direction = row.get(columns.direction).trim();
    if direction.eq_ignore_ascii_case("OUTGOING") {
        return Read::Outgoing;
    }
    if !direction.eq_ignore_ascii_case("INCOMING") {
        return Read::Skipped(format!(
            "direction {:?} is neither INCOMING nor OUTGOING",
            clean_line(direction, QUOTED_CAP)
        ));
    }
    let name = clean_name(row.get(columns.from));
    if name.is_empty() {
        return Read::Skipped("no inviter name in From".to_string());
    }
    let sent_text = row.get(columns.sent_at);
    let sent_at = parse_sent_at(sent_text);
    if sent_at.is_none() && !sent_text.trim().is_empty() {
        report.warn(
            path,
            row.line,
            format!(
                "Sent At {:?} is not a date like \"4/11/13, 9:05 AM\"; the date is taken as unknown",
                clean_line(sent_text, QUOTED_CAP)
            ),
        );
    }
    let url = clean_optional_line(Some(row.get(columns.inviter_url)), LINE_CAP);
    let profile = Profile {
        url: url.map(Text::from),
        ..Profile::named(name)
    };
    Read::Incoming(Box::new(Invitation {
        id: derive_id(profile.url.as_deref(), &profile.name, sent_at).into(),
        sent_at,
        message: clean_optional_text(Some(row.get(columns.message)), TEXT_CAP).map(Text::from),
        profile,
        ..Invitation::default()
    }))
}

/// Two rows for one inviter: the later invitation stands, keeping the
/// earlier note when the later one has none.
fn merge(kept: &mut Invitation, other: Invitation) {
    if other.sent_at > kept.sent_at {
        let earlier_message = kept.message.take();
        *kept = Invitation {
            message: other.message.or(earlier_message),
            ..other
        };
    } else if kept.message.is_none() {
        kept.message = other.message;
    }
}
