//! The text of an export file, decoded a piece at a time as it is read,
//! so that a file is never held whole: UTF-8 (its byte order mark dropped),
//! UTF-16 (as Excel's "Unicode Text" saves a CSV), and bytes that are not
//! UTF-8 read as Windows-1252, which Excel writes when a member edits an
//! export and saves it as plain CSV.

use std::io::{self, Read};

use encoding_rs::{CoderResult, Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Bytes read at a time.
const PIECE: usize = 64 * 1024;
/// Lines named one by one in undecodable-byte warnings; past this a file is
/// simply not UTF-8, and one more warning says how many lines were affected.
pub(super) const NAMED_BAD_LINES: usize = 20;

pub(super) struct Decoder<R> {
    reader: R,
    started: bool,
    ended: bool,
    utf16: Option<encoding_rs::Decoder>,
    /// The start of a UTF-8 sequence that the last piece cut in two.
    carry: Vec<u8>,
    /// The line the next byte is on, for the warnings.
    line: usize,
    /// The first lines with bytes that are not UTF-8, and how many more.
    bad_lines: Vec<usize>,
    more_bad_lines: usize,
}

impl<R: Read> Decoder<R> {
    pub fn new(reader: R) -> Self {
        Decoder {
            reader,
            started: false,
            ended: false,
            utf16: None,
            carry: Vec::new(),
            line: 1,
            bad_lines: Vec::new(),
            more_bad_lines: 0,
        }
    }

    /// Appends the next piece of the text to `out`; `false` once the file
    /// has ended.
    pub fn read_into(&mut self, out: &mut String) -> io::Result<bool> {
        if self.ended {
            return Ok(false);
        }
        let mut bytes = std::mem::take(&mut self.carry);
        let kept = bytes.len();
        bytes.resize(kept + PIECE, 0);
        let read = fill(&mut self.reader, &mut bytes[kept..])?;
        bytes.truncate(kept + read);
        let last = read == 0;
        if !self.started {
            self.started = true;
            match utf16(&bytes) {
                Some(encoding) => self.utf16 = Some(encoding.new_decoder_with_bom_removal()),
                None => {
                    if bytes.starts_with(b"\xef\xbb\xbf") {
                        bytes.drain(..3);
                    }
                }
            }
        }
        match &mut self.utf16 {
            // Text that is not text is cleaned field by field, as any is.
            Some(decoder) => decode_utf16(decoder, &bytes, last, out),
            None => {
                let whole = if last {
                    bytes.len()
                } else {
                    whole_chars(&bytes)
                };
                self.carry = bytes[whole..].to_vec();
                self.decode_utf8(&bytes[..whole], out);
            }
        }
        self.ended = last;
        Ok(!last)
    }

    /// Bytes that are not UTF-8 are read as Windows-1252; the few it leaves
    /// to C1 controls become U+FFFD, so that no stray byte can start a
    /// terminal control.
    fn decode_utf8(&mut self, bytes: &[u8], out: &mut String) {
        for chunk in bytes.utf8_chunks() {
            out.push_str(chunk.valid());
            self.line += memchr::memchr_iter(b'\n', chunk.valid().as_bytes()).count();
            if chunk.invalid().is_empty() {
                continue;
            }
            let (excel, _) = WINDOWS_1252.decode_without_bom_handling(chunk.invalid());
            out.extend(excel.chars().map(|c| {
                if c.is_control() {
                    char::REPLACEMENT_CHARACTER
                } else {
                    c
                }
            }));
            if self.bad_lines.last() == Some(&self.line) {
                continue;
            }
            if self.bad_lines.len() <= NAMED_BAD_LINES {
                self.bad_lines.push(self.line);
            } else {
                self.more_bad_lines += 1;
            }
        }
    }

    /// The warnings of the text read so far, each with its line.
    pub fn warnings(&self) -> Vec<(usize, String)> {
        let mut warnings: Vec<(usize, String)> = self
            .bad_lines
            .iter()
            .take(NAMED_BAD_LINES)
            .map(|&line| {
                (
                    line,
                    "bytes that are not UTF-8, read as Windows-1252".to_string(),
                )
            })
            .collect();
        if let Some(&first_unnamed) = self.bad_lines.get(NAMED_BAD_LINES) {
            let more = self.more_bad_lines + 1;
            warnings.push((
                first_unnamed,
                format!("and {more} more lines with bytes that are not UTF-8"),
            ));
        }
        warnings
    }
}

/// Reads until `buffer` is full or the file ends; how many bytes came.
fn fill(reader: &mut impl Read, buffer: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match reader.read(&mut buffer[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// How much of `bytes` ends on a whole character: a UTF-8 sequence cut at
/// the end waits for the next piece.
fn whole_chars(bytes: &[u8]) -> usize {
    let tail = bytes.len().saturating_sub(3);
    for at in (tail..bytes.len()).rev() {
        let b = bytes[at];
        if b & 0xc0 == 0x80 {
            continue;
        }
        let length = match b {
            0xc0..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf7 => 4,
            _ => 1,
        };
        return if at + length > bytes.len() {
            at
        } else {
            bytes.len()
        };
    }
    bytes.len()
}

fn decode_utf16(
    decoder: &mut encoding_rs::Decoder,
    mut bytes: &[u8],
    last: bool,
    out: &mut String,
) {
    loop {
        out.reserve(bytes.len() * 2 + 8);
        let (result, read, _) = decoder.decode_to_string(bytes, out, last);
        bytes = &bytes[read..];
        if result == CoderResult::InputEmpty {
            return;
        }
    }
}

/// UTF-16: told by its byte order mark, or without one by the zero byte
/// beside each of the header's first two letters.
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

/// The whole text of `bytes` and its warnings.
#[cfg(test)]
pub(super) fn decode(bytes: &[u8]) -> (String, Vec<(usize, String)>) {
    let mut decoder = Decoder::new(bytes);
    let mut text = String::new();
    while decoder.read_into(&mut text).unwrap_or(false) {}
    (text, decoder.warnings())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bom_goes_and_windows_1252_bytes_are_decoded_with_their_line() {
        let (text, warnings) = decode(b"\xef\xbb\xbfa,b\r\nJos\xe9,x\r\nok,\x81\r\n");
        assert_eq!(text, "a,b\r\nJos\u{e9},x\r\nok,\u{fffd}\r\n");
        let lines: Vec<usize> = warnings.iter().map(|w| w.0).collect();
        assert_eq!(lines, [2, 3]);
    }

    #[test]
    fn bytes_where_latin1_has_controls_are_read_as_excel_wrote_them() {
        let (text, warnings) = decode(b"\x93Hi\x94 \x91Jo\x92 \x805 \x96 \x85 \x8a\x9a \x99\n");
        assert_eq!(
            text,
            "\u{201c}Hi\u{201d} \u{2018}Jo\u{2019} \u{20ac}5 \u{2013} \u{2026} \u{160}\u{161} \u{2122}\n"
        );
        assert_eq!(warnings.len(), 1);
        assert_eq!(decode(b"\x81\x8d\x8f\x90\x9d").0, "\u{fffd}".repeat(5));
    }

    #[test]
    fn a_file_that_is_not_utf8_at_all_gets_a_bounded_number_of_warnings() {
        let bytes: Vec<u8> = (0..100).flat_map(|_| *b"caf\xe9\n").collect();
        let (_, warnings) = decode(&bytes);
        assert_eq!(warnings.len(), NAMED_BAD_LINES + 1);
        assert_eq!(warnings[NAMED_BAD_LINES].0, NAMED_BAD_LINES + 1);
        assert!(warnings[NAMED_BAD_LINES].1.contains("80 more lines"));
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
            let (decoded, warnings) = decode(&bytes);
            assert_eq!(decoded, text);
            assert!(warnings.is_empty());
        }
    }

    /// A reader that gives one byte at a time: every sequence is cut.
    struct Trickle<'b>(&'b [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
            let Some((&first, rest)) = self.0.split_first() else {
                return Ok(0);
            };
            match buffer.first_mut() {
                Some(slot) => *slot = first,
                None => return Ok(0),
            }
            self.0 = rest;
            Ok(1)
        }
    }

    #[test]
    fn characters_cut_between_pieces_are_whole() {
        let text = "\u{e9}\u{1f600}\u{4e2d}a".repeat(PIECE / 3);
        let mut decoder = Decoder::new(Trickle(text.as_bytes()));
        let mut out = String::new();
        while decoder.read_into(&mut out).unwrap() {}
        assert_eq!(out, text);
        assert!(decoder.warnings().is_empty());
    }
}
