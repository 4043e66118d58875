//! The decisions as `inviteq export` hands them on, in JSON or CSV, per the
//! contract in `queue-format.md`. Pure formatting: the records come from
//! the journal, already in decision order, and are written as they come.

use std::borrow::Borrow;
use std::io::{self, Write};

use serde::Serialize;
use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};

use crate::model::Verdict;
use crate::output::{json_text, terminal_text};

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

impl<'a> From<&'a ExportRecord> for JsonRecord<'a> {
    fn from(r: &'a ExportRecord) -> Self {
        JsonRecord {
            id: &r.id,
            name: &r.name,
            url: r.url.as_deref(),
            action: r.action.as_str(),
            template: r.template.as_deref(),
            reply: r.reply.as_deref(),
            decided_at: timestamp(r.decided_at),
            carried_out_at: r.carried_out_at.map(timestamp),
        }
    }
}

/// One JSON array of objects with every field, unknown ones as `null`.
pub fn to_json(records: &[ExportRecord]) -> String {
    let mut out = Vec::new();
    // Writing to memory fails only if a record cannot be serialised, and a
    // record of strings always can.
    let _ = write_json(records, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// [`to_json`], written a record at a time as they come: however many
/// decisions, only one record is held. Characters a terminal must not
/// receive are written as `\u` escapes, which read back as the same text.
pub fn write_json(
    records: impl IntoIterator<Item = impl Borrow<ExportRecord>>,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut records = records.into_iter().peekable();
    if records.peek().is_none() {
        return out.write_all(b"[]\n");
    }
    out.write_all(b"[")?;
    for (n, record) in records.enumerate() {
        out.write_all(if n == 0 { b"\n" } else { b",\n" })?;
        let object = serde_json::to_string_pretty(&JsonRecord::from(record.borrow()))?;
        // Each object one level in, as a pretty-printed array holds it: a
        // string holds no line break of its own, only `\n`.
        for (line, text) in json_text(object).lines().enumerate() {
            if line > 0 {
                out.write_all(b"\n")?;
            }
            write!(out, "  {text}")?;
        }
    }
    out.write_all(b"\n]\n")
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
    let mut out = Vec::new();
    // Rows of equal length written to memory cannot fail.
    let _ = write_csv(records, formulas, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// [`to_csv`], written a row at a time as the records come.
pub fn write_csv(
    records: impl IntoIterator<Item = impl Borrow<ExportRecord>>,
    formulas: Formulas,
    out: &mut impl Write,
) -> io::Result<()> {
    let text = |cell: &str| user_cell(cell, formulas);
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    writer.write_record(COLUMNS)?;
    for record in records {
        let r = record.borrow();
        writer.write_record([
            text(&r.id),
            text(&r.name),
            text(r.url.as_deref().unwrap_or_default()),
            r.action.as_str().to_string(),
            text(r.template.as_deref().unwrap_or_default()),
            text(r.reply.as_deref().unwrap_or_default()),
            timestamp(r.decided_at),
            r.carried_out_at.map(timestamp).unwrap_or_default(),
        ])?;
    }
    writer.flush()
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

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    fn record(n: u32, reply: Option<&str>) -> ExportRecord {
        ExportRecord {
            id: format!("inv-{n}"),
            name: "Ann \"Quoted\" Lee\u{202e}é".into(),
            url: n
                .is_multiple_of(2)
                .then(|| format!("https://www.linkedin.com/in/p{n}")),
            action: Verdict::Reply,
            template: Some("how-do-we-know".into()),
            reply: reply.map(String::from),
            decided_at: datetime!(2026-11-27 08:15 UTC),
            carried_out_at: None,
        }
    }

    #[test]
    fn json_written_a_record_at_a_time_is_the_whole_array_pretty_printed() {
        for count in 0..4 {
            let records: Vec<ExportRecord> = (0..count)
                .map(|n| record(n, Some("Hi,\n\n  how do we know\teach other? \u{9b}31m")))
                .collect();
            let whole: Vec<JsonRecord> = records.iter().map(JsonRecord::from).collect();
            let expected = json_text(serde_json::to_string_pretty(&whole).unwrap()) + "\n";
            assert_eq!(to_json(&records), expected, "{count} records");
        }
    }

    #[test]
    fn records_are_written_as_they_come_from_an_iterator() {
        let records = [record(1, None), record(2, Some("=1+1"))];
        let mut json = Vec::new();
        write_json(records.iter().cloned(), &mut json).unwrap();
        assert_eq!(String::from_utf8(json).unwrap(), to_json(&records));
        let mut csv = Vec::new();
        write_csv(records.iter(), Formulas::Defused, &mut csv).unwrap();
        assert_eq!(
            String::from_utf8(csv).unwrap(),
            to_csv(&records, Formulas::Defused)
        );
    }
}
