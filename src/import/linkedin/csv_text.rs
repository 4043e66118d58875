//! The CSV layer shared by every export file: decoding the bytes, finding
//! the header row by its names, and reading rows with their line numbers,
//! recovering from a quote that is never closed.

use std::borrow::Cow;

use csv::StringRecord;
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::csv_record::{self, Read};

/// Lines named one by one in undecodable-byte warnings; past this a file is
/// simply not UTF-8, and one more warning says how many lines were affected.
const NAMED_BAD_LINES: usize = 20;
/// Records looked at for the header row: the `Notes:` preamble of
/// `Connections.csv` is two or three records long.
const HEADER_SEARCH: usize = 20;

/// Text decoded from an export file, with the line of each warning.
pub(super) struct Decoded<'b> {
    /// The file's own bytes when they are UTF-8: a file as large as the
    /// caps allow is not held twice.
    pub text: Cow<'b, str>,
    pub warnings: Vec<(usize, String)>,
}

/// Decodes `bytes` as UTF-8 without a byte order mark. Bytes that are not
/// UTF-8 are read as Windows-1252, which Excel writes when a member edits
/// an export and saves it as plain CSV; the few bytes it leaves to C1
/// controls become U+FFFD, so that no stray byte can start a terminal control.
pub(super) fn decode(bytes: &[u8]) -> Decoded<'_> {
    if let Some(utf16) = utf16(bytes) {
        // Text that is not text is cleaned field by field, as any is.
        let (text, _) = utf16.decode_with_bom_removal(bytes);
        return Decoded {
            text: Cow::Owned(text.into_owned()),
            warnings: Vec::new(),
        };
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: Cow::Borrowed(text),
            warnings: Vec::new(),
        };
    }
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
    Decoded {
        text: Cow::Owned(text),
        warnings,
    }
}

/// UTF-16, as Excel's "Unicode Text" and some editors save a CSV: told by
/// its byte order mark, or without one by the zero byte beside each of the
/// header's first two letters.
fn utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    match Encoding::for_bom(bytes) {
        Some((encoding, _)) if encoding != UTF_8 => Some(encoding),
        Some(_) => None,
        None => match bytes {
            [a, 0, b, 0, ..] if *a != 0 && *b != 0 => Some(UTF_16LE),
            [0, a, 0, b, ..] if *a != 0 && *b != 0 => Some(UTF_16BE),
            _ => None,
        },
    }
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
    /// Where the next record is looked for, and the line there. Lines are
    /// counted here, so that each row and each broken one is told by the
    /// line it starts on.
    at: usize,
    line: usize,
    record: StringRecord,
    /// Bytes looked at so far, over every try: what recovery costs.
    examined: usize,
}

impl<'t> Table<'t> {
    /// Finds the header row: the first record that holds every one of
    /// `required` (compared without case). `None` when there is none near
    /// the top of the text.
    pub fn open(text: &'t str, required: &[&str]) -> Option<Self> {
        let mut table = Table {
            text,
            header: Vec::new(),
            at: 0,
            line: 1,
            record: StringRecord::new(),
            examined: 0,
        };
        for _ in 0..HEADER_SEARCH {
            table.skip_blank_lines();
            if table.at >= text.len() {
                return None;
            }
            let start = table.at;
            if let Read::Record { end } =
                csv_record::read(text, start, None, &mut table.record, &mut table.examined)
            {
                table.move_to(end);
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

    /// Bytes looked at so far, however often: a measure of the work done.
    #[cfg(test)]
    pub fn examined(&self) -> usize {
        self.examined
    }

    /// Blank lines hold no record, as the csv crate reads them.
    fn skip_blank_lines(&mut self) {
        let rest = self.text.as_bytes().get(self.at..).unwrap_or_default();
        let blank = rest
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        self.move_to(self.at + blank);
    }

    /// Moves on to byte `to`, counting the lines passed.
    fn move_to(&mut self, to: usize) {
        let passed = self.text.as_bytes().get(self.at..to).unwrap_or_default();
        self.line += memchr::memchr_iter(b'\n', passed).count();
        self.at = to;
    }

    /// The start of the line after the one starting at `byte`.
    fn next_line(&self, byte: usize) -> usize {
        let rest = self.text.as_bytes().get(byte..).unwrap_or_default();
        memchr::memchr2(b'\n', b'\r', rest).map_or(self.text.len(), |i| {
            let after = byte + i + 1;
            match (rest[i], self.text.as_bytes().get(after)) {
                (b'\r', Some(b'\n')) => after + 1,
                _ => after,
            }
        })
    }
}

impl Iterator for Table<'_> {
    type Item = Result<Row, Broken>;

    fn next(&mut self) -> Option<Self::Item> {
        self.skip_blank_lines();
        if self.at >= self.text.len() {
            return None;
        }
        let (start, line) = (self.at, self.line);
        let width = Some(self.width());
        match csv_record::read(
            self.text,
            start,
            width,
            &mut self.record,
            &mut self.examined,
        ) {
            Read::Record { end } => {
                self.move_to(end);
                Some(Ok(Row {
                    line,
                    record: std::mem::take(&mut self.record),
                }))
            }
            Read::RunAway => {
                self.move_to(self.next_line(start));
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
    fn utf16_is_read_with_or_without_its_byte_order_mark() {
        let text = "From,To\r\nJos\u{e9} \u{1f600},Me\r\n";
        let little: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let big: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for bytes in [
            [&b"\xff\xfe"[..], &little].concat(),
            [&b"\xfe\xff"[..], &big].concat(),
            little,
            big,
        ] {
            let decoded = decode(&bytes);
            assert_eq!(decoded.text, text);
            assert!(decoded.warnings.is_empty());
        }
        // A UTF-8 file is its own bytes, not a copy.
        assert!(matches!(
            decode(b"\xef\xbb\xbfa,b\n").text,
            Cow::Borrowed("a,b\n")
        ));
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

    proptest::proptest! {
        /// Rows and broken lines are those the reading before recovery was
        /// made linear gave. (A lone `\r` differs on purpose: it ends a
        /// line where the old reading restarted only after a `\n`.)
        #[test]
        fn recovers_as_the_whole_record_reading_did(body in "(a|b|,|\"|\n|\r\n){0,40}") {
            let text = format!("A,B,C\n{body}");
            proptest::prop_assert_eq!(rows(&text, &["A"]), oracle::rows(&text));
        }
    }

    /// Rows that each open a quote and never close it, in the shapes that
    /// made recovery read to the end of the file once per row: whatever the
    /// length, every byte is looked at a bounded number of times.
    #[test]
    fn recovery_looks_at_each_byte_a_bounded_number_of_times() {
        let shapes: [fn(usize) -> String; 4] = [
            |i| format!("Ann {i},Me,\"4/11/13, 9:05 AM\",\"Hello {i},INCOMING\n"),
            |i| format!("Ann {i},Me,4/11/13,\"Hello {i},INCOMING\n"),
            |i| format!("\"Ann {i},Me,4/11/13,Hello,INCOMING\n"),
            |i| format!("Ann {i},Me,4/11/13,\"\"\"Hello {i},INCOMING\r\n"),
        ];
        for shape in shapes {
            for rows in [2_500, 20_000] {
                let mut text = "From,To,Sent At,Message,Direction\n".to_string();
                text.extend((0..rows).map(shape));
                let mut table = Table::open(&text, &["From"]).expect("a header row");
                let broken = table.by_ref().filter(Result::is_err).count();
                assert!(broken >= rows / 2, "{broken} of {rows} rows broken");
                assert!(
                    table.examined() <= 3 * text.len(),
                    "{} bytes looked at in a text of {} ({})",
                    table.examined(),
                    text.len(),
                    shape(0)
                );
            }
        }
    }
}
