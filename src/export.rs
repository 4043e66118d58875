//! The decisions as `inviteq export` hands them on, in JSON or CSV, per the
//! contract in `queue-format.md`. Pure formatting: the records come from
//! the journal, already in decision order.

use serde::Serialize;
use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};

use crate::model::Verdict;
use crate::output::terminal_text;

/// One decided invitation as exported.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRecord {
    pub id: String,
    pub name: String,
    pub url: Option<String>,
    pub action: Verdict,
    /// The reply template, for a reply or an accept with a welcome.
    pub template: Option<String>,
    /// The kept reply text; for an accept, the welcome to send once accepted.
    pub reply: Option<String>,
    pub decided_at: OffsetDateTime,
    /// When the reviewer ticked it done in the checklist.
    pub carried_out_at: Option<OffsetDateTime>,
}

const COLUMNS: [&str; 8] = [
    "id",
    "name",
    "url",
    "action",
    "template",
    "reply",
    "decided_at",
    "carried_out_at",
];

/// The JSON form of a record: the contract's fields, in its order.
#[derive(Serialize)]
struct JsonRecord<'a> {
    id: &'a str,
    name: &'a str,
    url: Option<&'a str>,
    action: &'static str,
    template: Option<&'a str>,
    reply: Option<&'a str>,
    decided_at: String,
    carried_out_at: Option<String>,
}

/// What the CSV does with a cell a spreadsheet would run as a formula.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Formulas {
    /// A cell that begins with `=`, `+`, `-`, `@`, a tab or a line break
    /// gets a leading `'`, as OWASP advises against CSV injection: a
    /// spreadsheet then shows the text rather than running it. The default.
    Defused,
    /// Cells as they are (`--raw`), for a program that reads the CSV.
    Raw,
}

/// One JSON array of objects with every field, unknown ones as `null`.
pub fn to_json(records: &[ExportRecord]) -> String {
    let array: Vec<JsonRecord> = records
        .iter()
        .map(|r| JsonRecord {
            id: &r.id,
            name: &r.name,
            url: r.url.as_deref(),
            action: r.action.as_str(),
            template: r.template.as_deref(),
            reply: r.reply.as_deref(),
            decided_at: timestamp(r.decided_at),
            carried_out_at: r.carried_out_at.map(timestamp),
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&array).unwrap_or_else(|_| "[]".to_string());
    text.push('\n');
    text
}

/// A header row, then one row per record; an unknown field is an empty
/// cell. Quoted as RFC 4180 says, with its CRLF row ends; a line break
/// inside a reply stays as written, within quotes.
///
/// The cells of the reviewer's and the inviters' text (id, name, URL,
/// template, reply) are cleaned as the terminal's text is, and, unless
/// `formulas` is [`Formulas::Raw`], defused: names and notes come from
/// strangers, and a name like `=HYPERLINK(…)` is a link in a spreadsheet.
pub fn to_csv(records: &[ExportRecord], formulas: Formulas) -> String {
    let text = |cell: &str| user_cell(cell, formulas);
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let rows = std::iter::once(COLUMNS.map(String::from)).chain(records.iter().map(|r| {
        [
            text(&r.id),
            text(&r.name),
            text(r.url.as_deref().unwrap_or_default()),
            r.action.as_str().to_string(),
            text(r.template.as_deref().unwrap_or_default()),
            text(r.reply.as_deref().unwrap_or_default()),
            timestamp(r.decided_at),
            r.carried_out_at.map(timestamp).unwrap_or_default(),
        ]
    }));
    for row in rows {
        writer
            .write_record(&row)
            .expect("rows of equal length written to memory cannot fail");
    }
    let bytes = writer.into_inner().expect("flushing to memory cannot fail");
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A cell of text that came from a person: cleaned first, so that a hidden
/// character cannot stand before an `=`, then defused.
fn user_cell(raw: &str, formulas: Formulas) -> String {
    let cell = terminal_text(raw);
    let runs = cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']);
    if formulas == Formulas::Defused && runs {
        format!("'{cell}")
    } else {
        cell
    }
}

/// RFC 3339 in UTC, as in the contract's example ("2026-11-27T08:15:00Z").
/// A time with no UTC day (a journal edited to `9999-12-31T23:59:59-00:01`)
/// keeps its own offset; RFC 3339 has no room for years past 9999, so such
/// a time, which no clock gives today, is written as seconds since 1970
/// rather than lost.
fn timestamp(at: OffsetDateTime) -> String {
    at.checked_to_offset(UtcOffset::UTC)
        .unwrap_or(at)
        .format(&Rfc3339)
        .unwrap_or_else(|_| at.unix_timestamp().to_string())
}
