//! The reading as it was before recovery was made linear: the csv crate
//! reads a whole record, which is judged after, and a broken one is read
//! again from the next line. Quadratic on some files, but plainly right,
//! so the tests hold the linear reader to the same rows and broken lines.

use csv::{ReaderBuilder, StringRecord};

/// Each row's line and fields, or a broken row's line, below the first
/// record (the header, `width` fields wide).
pub(super) fn rows(text: &str) -> Vec<Result<(usize, Vec<String>), usize>> {
    let mut table = Old {
        text,
        width: 0,
        reader: reader_of(text),
        start_byte: 0,
        counted_byte: 0,
        counted_line: 1,
        record: StringRecord::new(),
    };
    if !table.reader.read_record(&mut table.record).unwrap_or(false) {
        return Vec::new();
    }
    table.width = table.record.len();
    std::iter::from_fn(|| table.next()).collect()
}

struct Old<'t> {
    text: &'t str,
    width: usize,
    reader: csv::Reader<&'t [u8]>,
    start_byte: usize,
    counted_byte: usize,
    counted_line: usize,
    record: StringRecord,
}

impl Old<'_> {
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

    fn restart_after(&mut self, byte: usize) {
        let rest = self.text.as_bytes().get(byte..).unwrap_or_default();
        let next = rest
            .iter()
            .position(|&b| b == b'\n')
            .map_or(self.text.len(), |i| byte + i + 1);
        self.start_byte = next;
        self.reader = reader_of(self.text.get(next..).unwrap_or_default());
    }

    fn next(&mut self) -> Option<Result<(usize, Vec<String>), usize>> {
        if !self.reader.read_record(&mut self.record).ok()? {
            return None;
        }
        let position = self.record.position()?;
        let (line, byte) = self.locate(self.start_byte + usize::try_from(position.byte()).ok()?);
        let spans_lines = self.record.iter().any(|f| f.contains(['\n', '\r']));
        if spans_lines {
            let end = self.start_byte + usize::try_from(self.reader.position().byte()).ok()?;
            let raw = self.text.get(byte..end).unwrap_or_default();
            if quotes_are_broken(raw) || self.record.len() != self.width {
                self.restart_after(byte);
                return Some(Err(line));
            }
        }
        Some(Ok((line, self.record.iter().map(String::from).collect())))
    }
}

fn reader_of(text: &str) -> csv::Reader<&[u8]> {
    ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
}

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
