//! The CSV layer shared by every export file: decoding the bytes, finding
//! the header row by its names, and reading rows with their line numbers,
//! recovering from a quote that is never closed.

use csv::{ReaderBuilder, StringRecord};
use encoding_rs::WINDOWS_1252;

/// Lines named one by one in undecodable-byte warnings; past this a file is
/// simply not UTF-8, and one more warning says how many lines were affected.
const NAMED_BAD_LINES: usize = 20;
/// Records looked at for the header row: the `Notes:` preamble of
/// `Connections.csv` is two or three records long.
const HEADER_SEARCH: usize = 20;

/// Text decoded from an export file, with the line of each warning.
pub(super) struct Decoded {
    pub text: String,
    pub warnings: Vec<(usize, String)>,
}

/// Decodes `bytes` as UTF-8 without a byte order mark. Bytes that are not
/// UTF-8 are read as Windows-1252, which Excel writes when a member edits
/// an export and saves it as plain CSV; the few bytes it leaves to C1
/// controls become U+FFFD, so that no stray byte can start a terminal control.
pub(super) fn decode(bytes: &[u8]) -> Decoded {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut text = String::with_capacity(bytes.len());
    let mut line = 1;
    let mut bad_lines: Vec<usize> = Vec::new();
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        line += chunk.valid().matches('\n').count();
        if chunk.invalid().is_empty() {
            continue;
        }
        let (excel, _) = WINDOWS_1252.decode_without_bom_handling(chunk.invalid());
        text.extend(excel.chars().map(|c| {
            if c.is_control() {
                char::REPLACEMENT_CHARACTER
            } else {
                c
            }
        }));
        if bad_lines.last() != Some(&line) {
            bad_lines.push(line);
        }
    }
    let mut warnings: Vec<(usize, String)> = bad_lines
        .iter()
        .take(NAMED_BAD_LINES)
        .map(|&line| {
            (
                line,
                "bytes that are not UTF-8, read as Windows-1252".to_string(),
            )
        })
        .collect();
    if let Some(&first_unnamed) = bad_lines.get(NAMED_BAD_LINES) {
        let more = bad_lines.len() - NAMED_BAD_LINES;
        warnings.push((
            first_unnamed,
            format!("and {more} more lines with bytes that are not UTF-8"),
        ));
    }
    Decoded { text, warnings }
}

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
pub(super) struct Table<'t> {
    text: &'t str,
    header: Vec<String>,
    reader: csv::Reader<&'t [u8]>,
    /// Where `reader` started in `text`, after recovering from a run-away quote.
    start_byte: usize,
    /// The line at byte `counted_byte` of `text`. Lines are counted here
    /// rather than taken from the csv crate, whose record positions point
    /// before the line breaks and blank lines that precede a record.
    counted_byte: usize,
    counted_line: usize,
    record: StringRecord,
}

impl<'t> Table<'t> {
    /// Finds the header row: the first record that holds every one of
    /// `required` (compared without case). `None` when there is none near
    /// the top of the text.
    pub fn open(text: &'t str, required: &[&str]) -> Option<Self> {
        let mut table = Table {
            text,
            header: Vec::new(),
            reader: reader_of(text),
            start_byte: 0,
            counted_byte: 0,
            counted_line: 1,
            record: StringRecord::new(),
        };
        for _ in 0..HEADER_SEARCH {
            match table.reader.read_record(&mut table.record) {
                Ok(true) => {}
                Ok(false) | Err(_) => return None,
            }
            let names: Vec<String> = table.record.iter().map(|f| f.trim().to_string()).collect();
            let holds = |wanted: &&str| names.iter().any(|n| n.eq_ignore_ascii_case(wanted));
            if required.iter().all(holds) {
                table.header = names;
                return Some(table);
            }
        }
        None
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

    /// The line of the record whose position the csv crate gave as `byte`,
    /// and the byte where the record itself begins.
    fn locate(&mut self, byte: usize) -> (usize, usize) {
        let rest = self.text.as_bytes().get(byte..).unwrap_or_default();
        let start = byte
            + rest
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
        let skipped = self
            .text
            .as_bytes()
            .get(self.counted_byte..start)
            .unwrap_or_default();
        self.counted_line += skipped.iter().filter(|&&b| b == b'\n').count();
        self.counted_byte = start;
        (self.counted_line, start)
    }

    /// Starts reading afresh at the line after the one starting at `byte`,
    /// which held a quote that swallowed the rows after it.
    fn restart_after(&mut self, byte: usize) {
        let rest = self.text.as_bytes().get(byte..).unwrap_or_default();
        let next = rest
            .iter()
            .position(|&b| b == b'\n')
            .map_or(self.text.len(), |i| byte + i + 1);
        self.start_byte = next;
        self.reader = reader_of(self.text.get(next..).unwrap_or_default());
    }
}

impl Iterator for Table<'_> {
    type Item = Result<Row, Broken>;

    fn next(&mut self) -> Option<Self::Item> {
        // Reading from memory the csv crate only fails on invalid UTF-8,
        // which decoding has ruled out; stop rather than loop if it ever does.
        if !self.reader.read_record(&mut self.record).ok()? {
            return None;
        }
        let position = self.record.position()?;
        let (line, byte) = self.locate(self.start_byte + usize::try_from(position.byte()).ok()?);
        let spans_lines = self.record.iter().any(|f| f.contains(['\n', '\r']));
        if spans_lines {
            let end = self.start_byte + usize::try_from(self.reader.position().byte()).ok()?;
            let raw = self.text.get(byte..end).unwrap_or_default();
            if quotes_are_broken(raw) || self.record.len() != self.width() {
                self.restart_after(byte);
                return Some(Err(Broken {
                    line,
                    reason: "a quote opened on this line is never closed; reading goes on at the next line"
                        .to_string(),
                }));
            }
        }
        Some(Ok(Row {
            line,
            record: std::mem::take(&mut self.record),
        }))
    }
}

fn reader_of(text: &str) -> csv::Reader<&[u8]> {
    ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
}

/// Whether a record's raw text has a quoted field that never closes, or
/// closes and runs on, as when a later row's quote closed a run-away one.
/// Read the way the csv crate reads: a quote opens a field only at its
/// start, and `""` inside quotes is a quote.
fn quotes_are_broken(raw: &str) -> bool {
    let mut bytes = raw.bytes().peekable();
    let mut field_start = true;
    while let Some(b) = bytes.next() {
        if b == b'"' && field_start {
            loop {
                match bytes.next() {
                    None => return true,
                    Some(b'"') if bytes.next_if_eq(&b'"').is_none() => break,
                    Some(_) => {}
                }
            }
            if bytes
                .peek()
                .is_some_and(|b| !matches!(b, b',' | b'\n' | b'\r'))
            {
                return true;
            }
        }
        field_start = matches!(b, b',' | b'\n' | b'\r');
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, required: &[&str]) -> Vec<Result<(usize, Vec<String>), usize>> {
        Table::open(text, required)
            .expect("a header row")
            .map(|row| match row {
                Ok(row) => Ok((row.line, row.record.iter().map(String::from).collect())),
                Err(broken) => Err(broken.line),
            })
            .collect()
    }

    #[test]
    fn a_bom_goes_and_windows_1252_bytes_are_decoded_with_their_line() {
        let decoded = decode(b"\xef\xbb\xbfa,b\r\nJos\xe9,x\r\nok,\x81\r\n");
        assert_eq!(decoded.text, "a,b\r\nJos\u{e9},x\r\nok,\u{fffd}\r\n");
        let lines: Vec<usize> = decoded.warnings.iter().map(|w| w.0).collect();
        assert_eq!(lines, [2, 3]);
    }

    #[test]
    fn bytes_where_latin1_has_controls_are_read_as_excel_wrote_them() {
        let decoded = decode(b"\x93Hi\x94 \x91Jo\x92 \x805 \x96 \x85 \x8a\x9a \x99\n");
        assert_eq!(
            decoded.text,
            "\u{201c}Hi\u{201d} \u{2018}Jo\u{2019} \u{20ac}5 \u{2013} \u{2026} \u{160}\u{161} \u{2122}\n"
        );
        assert_eq!(decoded.warnings.len(), 1);
        let undefined = decode(b"\x81\x8d\x8f\x90\x9d");
        assert_eq!(undefined.text, "\u{fffd}".repeat(5));
    }

    #[test]
    fn a_file_that_is_not_utf8_at_all_gets_a_bounded_number_of_warnings() {
        let bytes: Vec<u8> = (0..100).flat_map(|_| *b"caf\xe9\n").collect();
        let decoded = decode(&bytes);
        assert_eq!(decoded.warnings.len(), NAMED_BAD_LINES + 1);
        assert!(
            decoded.warnings[NAMED_BAD_LINES]
                .1
                .contains("80 more lines")
        );
    }

    #[test]
    fn the_header_is_found_below_a_preamble_by_its_names() {
        let text = "Notes:\n\"Some, quoted\nnote\"\n\nfirst name,Last Name,Company\nAnn,Lee,Acme\n";
        let table = Table::open(text, &["First Name", "Last Name"]).expect("a header");
        assert_eq!(table.column("company"), Some(2));
        assert_eq!(
            rows(text, &["First Name"]),
            [Ok((6, vec!["Ann".into(), "Lee".into(), "Acme".into()]))]
        );
        assert!(Table::open("a,b\n1,2\n", &["First Name"]).is_none());
    }

    #[test]
    fn quoted_newlines_and_doubled_quotes_make_one_row() {
        let text = "A,B\r\n\"say \"\"hi\"\"\r\nthen go\",2\r\nx,3\r\n";
        let got = rows(text, &["A"]);
        assert_eq!(
            got[0],
            Ok((2, vec!["say \"hi\"\r\nthen go".into(), "2".into()]))
        );
        assert_eq!(got[1], Ok((4, vec!["x".into(), "3".into()])));
    }

    #[test]
    fn a_run_away_quote_costs_its_own_line_only() {
        let at_end = "A,B,C\n1,\"never closed,3\n4,5,6\n7,8,9\n";
        let got = rows(at_end, &["A"]);
        assert_eq!(got[0], Err(2));
        assert_eq!(got[1], Ok((3, vec!["4".into(), "5".into(), "6".into()])));
        assert_eq!(got.len(), 3);

        let closed_by_a_later_row = "A,B,C\n1,\"never closed,3\n4,\"5\",6\n7,8,9\n";
        let got = rows(closed_by_a_later_row, &["A"]);
        assert_eq!(got[0], Err(2));
        assert_eq!(got[1], Ok((3, vec!["4".into(), "5".into(), "6".into()])));
    }

    #[test]
    fn quotes_inside_an_unquoted_field_are_text() {
        assert!(!quotes_are_broken("Jo \"Jo\" Lee,\"a\nb\",c\n"));
        assert!(!quotes_are_broken("\"say \"\"hi\"\"\"\r\n"));
        assert!(quotes_are_broken("a,\"b\"\"\n"));
        assert!(quotes_are_broken("a,\"b\nc\"d,e\n"));
    }
}
