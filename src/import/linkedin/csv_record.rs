//! One CSV record read from where it starts, the way the csv crate reads
//! (RFC 4180: a quote opens a field only at its start, `""` inside quotes
//! is a quote, `\r`, `\n` and `\r\n` end a record), and judged while it is
//! read: a record that runs past its line on a quote that is never closed,
//! or that closes and runs on, is told as soon as the text shows it.
//!
//! Telling it early is what keeps recovery linear. Reading such a record to
//! its end, then again from the next line, read the rest of the file once
//! per broken line: 26.8 s at 20,000 rows. Stopped at the first sign, a
//! broken record costs a few lines; see `csv_text` for why the sign comes soon.

use csv::StringRecord;

/// What reading from a record's start found.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Read {
    /// A record, whose text ends at `end` (past its line break).
    Record { end: usize },
    /// A quote opened on the record's first line swallowed the lines after
    /// it; the record is not one.
    RunAway,
    /// The text held ends before the record is told: read more.
    Short,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: it closes the field, or with a second
    /// quote stands for one.
    QuoteInQuoted,
}

/// Reads the record starting at `start` of `text` into `record`. With
/// `width` (the header's), a record that spans lines must have that many
/// fields and quotes that close where a field ends, or it is a run-away;
/// without it (looking for the header) every record is taken as it comes.
/// `examined` grows by the bytes looked at. `ended` says `text` holds the
/// rest of the file; if not, a record that reaches its end is [`Read::Short`].
///
/// The text is passed a stretch at a time: from one byte that can change
/// what is read (a comma, a quote, a line break) to the next, found with
/// memchr, so that the usual field costs a search and a copy rather than a
/// step per byte. A record is judged at each such byte, where the signs of
/// a run-away show.
pub(super) fn read(
    text: &str,
    start: usize,
    width: Option<usize>,
    record: &mut StringRecord,
    examined: &mut usize,
    ended: bool,
) -> Read {
    let bytes = text.as_bytes();
    record.clear();
    let mut field: Vec<u8> = Vec::new();
    let mut state = State::FieldStart;
    // A line break inside quotes, a quote that closed with text after it.
    let (mut spans, mut ran_on) = (false, false);
    let mut at = start;
    let end = loop {
        let Some(&b) = bytes.get(at) else {
            if !ended {
                *examined += at - start;
                return Read::Short;
            }
            if state == State::Quoted && spans && width.is_some() {
                *examined += at - start;
                return Read::RunAway;
            }
            push_field(record, &mut field);
            break at;
        };
        match (state, b) {
            (State::Quoted, b'"') => {
                at += 1;
                state = State::QuoteInQuoted;
            }
            (State::Quoted, b'\r' | b'\n') => {
                at += 1;
                spans = true;
                field.push(b);
            }
            (State::Quoted, _) => {
                // Text up to the next quote or line break.
                let stretch = stretch(
                    &bytes[at..],
                    memchr::memchr3(b'"', b'\r', b'\n', &bytes[at..]),
                );
                field.extend_from_slice(stretch);
                at += stretch.len();
            }
            (State::QuoteInQuoted, b'"') => {
                at += 1;
                field.push(b);
                state = State::Quoted;
            }
            (State::FieldStart, b'"') => {
                at += 1;
                state = State::Quoted;
            }
            (_, b',') => {
                at += 1;
                push_field(record, &mut field);
                state = State::FieldStart;
            }
            (_, b'\r' | b'\n') => {
                at += 1;
                push_field(record, &mut field);
                if b == b'\r' && bytes.get(at) == Some(&b'\n') {
                    at += 1;
                }
                break at;
            }
            (State::QuoteInQuoted, _) => {
                at += 1;
                ran_on = true;
                field.push(b);
                state = State::Unquoted;
            }
            (State::FieldStart | State::Unquoted, _) => {
                // Text up to the next comma or line break; a quote here is text.
                let stretch = stretch(
                    &bytes[at..],
                    memchr::memchr3(b',', b'\r', b'\n', &bytes[at..]),
                );
                field.extend_from_slice(stretch);
                at += stretch.len();
                state = State::Unquoted;
            }
        }
        // A field more than the header has counts as soon as it starts.
        let fields = record.len() + 1;
        if width.is_some_and(|w| spans && (ran_on || fields > w)) {
            *examined += at - start;
            return Read::RunAway;
        }
    };
    *examined += end - start;
    if width.is_some_and(|w| spans && record.len() != w) {
        return Read::RunAway;
    }
    Read::Record { end }
}

/// The bytes of `rest` before `stop`, or all of them when nothing stops it.
fn stretch(rest: &[u8], stop: Option<usize>) -> &[u8] {
    &rest[..stop.unwrap_or(rest.len())]
}

/// Ends the field being read. Its bytes are whole UTF-8: only ASCII
/// quotes were left out of the text, which is a `str`.
fn push_field(record: &mut StringRecord, field: &mut Vec<u8>) {
    record.push_field(std::str::from_utf8(field).unwrap_or_default());
    field.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str, width: Option<usize>) -> (Read, Vec<String>) {
        let mut record = StringRecord::new();
        let mut examined = 0;
        let read = read(text, 0, width, &mut record, &mut examined, true);
        (read, record.iter().map(String::from).collect())
    }

    #[test]
    fn reads_as_the_csv_crate_does() {
        let (read, fields) = one("a,\"b,\"\"c\"\"\r\nd\",e\r\nnext\n", Some(3));
        assert_eq!(read, Read::Record { end: 18 });
        assert_eq!(fields, ["a", "b,\"c\"\r\nd", "e"]);
        // A quote inside an unquoted field is text; one that closes and runs
        // on, on a single line, is kept as the csv crate keeps it.
        assert_eq!(
            one("Jo \"Jo\" Lee,\"x\"y\n", Some(2)).1,
            ["Jo \"Jo\" Lee", "xy"]
        );
        assert_eq!(one("", None).1, [""]);
    }

    #[test]
    fn a_record_across_lines_must_close_its_quotes_and_fit_the_header() {
        assert_eq!(one("1,\"never closed,3\n4,5,6\n", Some(3)).0, Read::RunAway);
        assert_eq!(one("1,\"closed\nlate\"x,3\n", Some(3)).0, Read::RunAway);
        assert_eq!(one("1,\"a\nb\",3,4\n", Some(3)).0, Read::RunAway);
        assert_eq!(one("1,\"a\nb\"\n", Some(3)).0, Read::RunAway);
        assert_eq!(one("1,\"a\nb\",3\n", Some(3)).0, Read::Record { end: 10 });
        // Text that ends before the record is told asks for more.
        let mut record = StringRecord::new();
        let mut examined = 0;
        let cut = "1,\"a\nb";
        assert_eq!(
            read(cut, 0, Some(2), &mut record, &mut examined, false),
            Read::Short
        );
        assert_eq!(
            read("1,2", 0, Some(2), &mut record, &mut examined, false),
            Read::Short
        );
        assert_eq!(
            read("1,2\n", 0, Some(2), &mut record, &mut examined, false),
            Read::Record { end: 4 }
        );
        // Looking for the header, nothing is a run-away.
        assert_eq!(
            one("1,\"never closed\n4\n", None).0,
            Read::Record { end: 18 }
        );
    }

    /// Every record of `text`, read one after the other as the header
    /// search does (no width, so no run-away), blank lines passed over.
    fn all(text: &str) -> Vec<Vec<String>> {
        let (mut at, mut examined, mut out) = (0, 0, Vec::new());
        let mut record = StringRecord::new();
        loop {
            at += text.as_bytes()[at..]
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
            if at >= text.len() {
                return out;
            }
            match read(text, at, None, &mut record, &mut examined, true) {
                Read::Record { end } => at = end,
                Read::RunAway | Read::Short => unreachable!("no width, no run-away; all the text"),
            }
            out.push(record.iter().map(String::from).collect());
        }
    }

    proptest::proptest! {
        /// Whatever the text, records and fields come out as the csv crate
        /// reads them.
        #[test]
        fn reads_what_the_csv_crate_reads(text in "[ab,\"\r\n\u{e9}]{0,40}") {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(text.as_bytes());
            let expected: Vec<Vec<String>> = reader
                .records()
                .map(|r| r.unwrap().iter().map(String::from).collect())
                .collect();
            proptest::prop_assert_eq!(all(&text), expected);
        }
    }

    #[test]
    fn a_run_away_is_told_at_its_first_sign_not_at_the_end_of_the_file() {
        let row = "Ann,Me,\"4/11/13, 9:05 AM\",\"Hello,INCOMING\n";
        let text = row.repeat(1000);
        let mut record = StringRecord::new();
        let mut examined = 0;
        assert_eq!(
            read(&text, 0, Some(5), &mut record, &mut examined, true),
            Read::RunAway
        );
        assert!(examined < 2 * row.len(), "{examined} bytes looked at");
    }
}
