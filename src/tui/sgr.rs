//! The sixteen basic colours as every colour terminal reads them.
//! crossterm writes even these as 256-colour indexes (`ESC[38;5;1m` for
//! red), which a terminal of eight or sixteen colours (`TERM=xterm`, the
//! Linux console) may not know; this writer turns each into its own SGR
//! code (`ESC[31m`), which means the same on every terminal. Colours past
//! the sixteen never get here: the theme keeps a frame to the colours the
//! terminal has.

use std::io::{self, Write};

const ESC: u8 = 0x1b;
/// Longer than any sequence crossterm writes: a run this long is passed on
/// as it is.
const LONGEST: usize = 64;

/// `inner`, with crossterm's indexed codes for the basic colours rewritten.
pub struct BasicColours<W> {
    inner: W,
    /// An escape sequence begun and not yet ended.
    escape: Vec<u8>,
}

impl<W: Write> BasicColours<W> {
    pub fn new(inner: W) -> BasicColours<W> {
        BasicColours {
            inner,
            escape: Vec::new(),
        }
    }

    /// Passes the escape sequence on when it is whole, rewritten if it sets
    /// colours.
    fn end_escape_if_whole(&mut self) -> io::Result<()> {
        let sequence = &self.escape;
        let whole = match sequence.get(1) {
            None => false,
            Some(b'[') => {
                sequence.len() > 2 && (0x40..=0x7e).contains(&sequence[sequence.len() - 1])
            }
            Some(_) => true,
        };
        if !whole && sequence.len() < LONGEST {
            return Ok(());
        }
        match sequence.split_last() {
            Some((b'm', start)) if whole && start.starts_with(b"\x1b[") => {
                let rewritten = basic_codes(&start[2..]);
                self.inner.write_all(b"\x1b[")?;
                self.inner.write_all(rewritten.as_bytes())?;
                self.inner.write_all(b"m")?;
            }
            _ => self.inner.write_all(sequence)?,
        }
        self.escape.clear();
        Ok(())
    }
}

impl<W: Write> Write for BasicColours<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let mut plain_from = 0;
        for (at, &byte) in bytes.iter().enumerate() {
            if self.escape.is_empty() {
                if byte == ESC {
                    self.inner.write_all(&bytes[plain_from..at])?;
                    self.escape.push(byte);
                }
                continue;
            }
            self.escape.push(byte);
            self.end_escape_if_whole()?;
            plain_from = at + 1;
        }
        if self.escape.is_empty() {
            self.inner.write_all(&bytes[plain_from..])?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// The parameters of an SGR sequence with `38;5;N` and `48;5;N` for N
/// below 16 turned into the basic codes (30–37, 90–97, 40–47, 100–107).
fn basic_codes(parameters: &[u8]) -> String {
    let text = String::from_utf8_lossy(parameters);
    let given: Vec<&str> = text.split(';').collect();
    let mut codes: Vec<String> = Vec::with_capacity(given.len());
    let mut at = 0;
    while at < given.len() {
        let indexed = match given[at..] {
            [ground @ ("38" | "48"), "5", n, ..] => n
                .parse::<u8>()
                .ok()
                .filter(|&n| n < 16)
                .map(|n| basic_code(ground == "48", n)),
            _ => None,
        };
        match indexed {
            Some(code) => {
                codes.push(code.to_string());
                at += 3;
            }
            None => {
                codes.push(given[at].to_string());
                at += 1;
            }
        }
    }
    codes.join(";")
}

fn basic_code(background: bool, n: u8) -> u8 {
    let (base, bright) = if background { (40, 100) } else { (30, 90) };
    if n < 8 { base + n } else { bright + n - 8 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(pieces: &[&[u8]]) -> Vec<u8> {
        let mut writer = BasicColours::new(Vec::new());
        for piece in pieces {
            writer.write_all(piece).unwrap();
        }
        writer.inner
    }

    #[test]
    fn basic_colours_get_their_own_codes() {
        let out = through(&[b"a\x1b[38;5;1mred\x1b[48;5;12mon blue\x1b[39m."]);
        assert_eq!(out, b"a\x1b[31mred\x1b[104mon blue\x1b[39m.");
    }

    #[test]
    fn a_sequence_cut_across_writes_is_rewritten_whole() {
        let out = through(&[b"x\x1b", b"[38;", b"5;", b"8", b"mgrey"]);
        assert_eq!(out, b"x\x1b[90mgrey");
    }

    #[test]
    fn everything_else_passes_as_it_is() {
        let others: &[u8] =
            b"\x1b[38;5;200m\x1b[38;2;1;2;3m\x1b[1;7m\x1b[2J\x1b[10;4H\x1b7\x1b[?1049h plain";
        assert_eq!(through(&[others]), others);
    }
}
