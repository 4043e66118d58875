//! The CSV layer shared by every export file: finding the header row by
//! its names, and reading rows with their line numbers, recovering from a
//! quote that is never closed. The text is read a piece at a time (see
//! `decoder`), so that what is kept of a file is its rows, not its bytes.

use std::io;
use std::path::{Path, PathBuf};

use csv::StringRecord;

use super::Report;
use super::csv_record::{self, Read};
use super::decoder::Decoder;
use super::sources::Source;

/// Records looked at for the header row: the `Notes:` preamble of
/// `Connections.csv` is two or three records long.
const HEADER_SEARCH: usize = 20;
/// The longest record read, far past any an export holds (a note is 300
/// characters at most); a quote that swallows more is a run-away, so that
/// the text held at once stays small.
const RECORD_CAP: usize = 1 << 20;
/// Text asked of the decoder at least, when more is needed.
const MORE: usize = 64 * 1024;

/// One data row and the line it starts on.
pub(super) struct Row {
    pub line: usize,
    pub record: StringRecord,
}

impl Row {
    /// The field in `column`, or `""` when the row is too short to have it.
    pub fn get(&self, column: Option<usize>) -> &str {
        column.and_then(|c| self.record.get(c)).unwrap_or_default()
    }
}

/// A row that could not be read as one row.
pub(super) struct Broken {
    pub line: usize,
    pub reason: String,
}

/// The rows of a CSV text below its header row.
pub(super) struct Table<R> {
    source: Decoder<R>,
    /// The text read and not yet passed, from `at` on.
    window: String,
    /// Whether `window` holds the rest of the text.
    ended: bool,
    /// Why reading stopped early, if it did.
    failure: Option<io::Error>,
    header: Vec<String>,
    /// Where the next record is looked for in `window`, and the line there.
    /// Lines are counted here, so that each row and each broken one is told
    /// by the line it starts on.
    at: usize,
    line: usize,
    record: StringRecord,
    /// Bytes looked at so far, over every try: what recovery costs.
    examined: usize,
}

impl<R: io::Read> Table<R> {
    /// Finds the header row: the first record that holds every one of
    /// `required` (compared without case). `Ok(None)` when there is none
    /// near the top of the text.
    pub fn open(reader: R, required: &[&str]) -> io::Result<Option<Self>> {
        let mut table = Table {
            source: Decoder::new(reader),
            window: String::new(),
            ended: false,
            failure: None,
            header: Vec::new(),
            at: 0,
            line: 1,
            record: StringRecord::new(),
            examined: 0,
        };
        for _ in 0..HEADER_SEARCH {
            if !table.skip_blank_lines() {
                break;
            }
            if let Read::Record { end } = table.read_record(None) {
                table.move_to(end);
            } else {
                table.skip_line();
                continue;
            }
            let names: Vec<String> = table.record.iter().map(|f| f.trim().to_string()).collect();
            let holds = |wanted: &&str| names.iter().any(|n| n.eq_ignore_ascii_case(wanted));
            if required.iter().all(holds) {
                table.header = names;
                return Ok(Some(table));
            }
        }
        match table.failure {
            Some(error) => Err(error),
            None => Ok(None),
        }
    }

    /// The index of the column named `name` (compared without case).
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header
            .iter()
            .position(|n| n.eq_ignore_ascii_case(name))
    }

    pub fn width(&self) -> usize {
        self.header.len()
    }

    /// Once the rows are read: the decoder's warnings, each with its line,
    /// or why the text could not be read to its end.
    pub fn finish(self) -> io::Result<Vec<(usize, String)>> {
        match self.failure {
            Some(error) => Err(error),
            None => Ok(self.source.warnings()),
        }
    }

    /// Bytes looked at so far, however often: a measure of the work done.
    #[cfg(test)]
    pub fn examined(&self) -> usize {
        self.examined
    }

    /// Reads the record at `at`, asking for more text while it runs past
    /// what is held; one longer than [`RECORD_CAP`] is a run-away.
    fn read_record(&mut self, width: Option<usize>) -> Read {
        loop {
            let read = csv_record::read(
                &self.window,
                self.at,
                width,
                &mut self.record,
                &mut self.examined,
                self.ended,
            );
            if read != Read::Short {
                return read;
            }
            if self.window.len() - self.at > RECORD_CAP {
                return Read::RunAway;
            }
            self.more();
        }
    }

    /// Drops the text passed, then reads at least as much again as is held,
    /// so that a long record is looked at a bounded number of times.
    fn more(&mut self) {
        self.window.drain(..self.at);
        self.at = 0;
        let wanted = (2 * self.window.len()).max(MORE);
        while !self.ended && self.window.len() < wanted {
            match self.source.read_into(&mut self.window) {
                Ok(more) => self.ended = !more,
                Err(error) => {
                    self.failure = Some(error);
                    self.ended = true;
                }
            }
        }
    }

    /// Blank lines hold no record, as the csv crate reads them. `false`
    /// when the text has ended.
    fn skip_blank_lines(&mut self) -> bool {
        loop {
            let rest = self.window.as_bytes().get(self.at..).unwrap_or_default();
            let blank = rest
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
            self.move_to(self.at + blank);
            if self.at < self.window.len() {
                return true;
            }
            if self.ended {
                return false;
            }
            self.more();
        }
    }

    /// Moves past the end of the line `at` is on.
    fn skip_line(&mut self) {
        loop {
            let rest = self.window.as_bytes().get(self.at..).unwrap_or_default();
            match memchr::memchr2(b'\n', b'\r', rest) {
                Some(i) => {
                    let after = self.at + i + 1;
                    let crlf =
                        rest[i] == b'\r' && self.window.as_bytes().get(after) == Some(&b'\n');
                    self.move_to(after + usize::from(crlf));
                    return;
                }
                None => {
                    self.move_to(self.window.len());
                    if self.ended {
                        return;
                    }
                    self.more();
                }
            }
        }
    }

    /// Moves on to byte `to` of the window, counting the lines passed.
    fn move_to(&mut self, to: usize) {
        let passed = self.window.as_bytes().get(self.at..to).unwrap_or_default();
        self.line += memchr::memchr_iter(b'\n', passed).count();
        self.at = to;
    }
}

/// The table of a file the invitations can be reviewed without, with the
/// path that names it: `None`, with a warning ending in `unused` (what is
/// then not used), when it has no header row naming `required` or cannot
/// be read.
pub(super) fn optional_table<'a>(
    source: Source<'a>,
    required: &[&str],
    unused: &str,
    report: &mut Report,
) -> Option<(PathBuf, Table<Box<dyn io::Read + 'a>>)> {
    let Source { path, reader } = source;
    match Table::open(reader, required) {
        Ok(Some(table)) => Some((path, table)),
        Ok(None) => {
            let names = required.join(" and ");
            report.warn(&path, 1, format!("no header row naming {names}; {unused}"));
            None
        }
        Err(error) => {
            report.warn(&path, 1, format!("cannot be read ({error}); {unused}"));
            None
        }
    }
}

/// Tells the warnings of an optional file read to its end; `false`, with a
/// warning ending in `unused`, when it could not be read to its end.
pub(super) fn finish_optional<R: io::Read>(
    path: &Path,
    table: Table<R>,
    unused: &str,
    report: &mut Report,
) -> bool {
    match table.finish() {
        Ok(warnings) => {
            for (line, warning) in warnings {
                report.warn(path, line, warning);
            }
            true
        }
        Err(error) => {
            report.warn(
                path,
                1,
                format!("cannot be read to its end ({error}); {unused}"),
            );
            false
        }
    }
}

impl<R: io::Read> Iterator for Table<R> {
    type Item = Result<Row, Broken>;

    fn next(&mut self) -> Option<Self::Item> {
        if !self.skip_blank_lines() {
            return None;
        }
        let line = self.line;
        match self.read_record(Some(self.width())) {
            Read::Record { end } => {
                self.move_to(end);
                Some(Ok(Row {
                    line,
                    record: std::mem::take(&mut self.record),
                }))
            }
            Read::RunAway | Read::Short => {
                self.skip_line();
                Some(Err(Broken {
                    line,
                    reason: "a quote opened on this line is never closed; reading goes on at the next line"
                        .to_string(),
                }))
            }
        }
    }
}

#[cfg(test)]
mod oracle;

#[cfg(test)]
mod tests;
