//! The page's tokens as html5ever's tokenizer reads them, handed one by one
//! to a [`Reader`] while the page streams through in chunks.
//!
//! The tokenizer is the HTML standard's own: character references,
//! comments, doctypes, raw text and broken markup are read as a browser
//! reads them. Its tree builder is not used (see the module's docs), so the
//! one thing the tree builder does for the tokenizer is done here: after the
//! start tag of an element whose content is not markup (`<script>`,
//! `<style>`, `<title>`, …) the tokenizer is told to read raw text.

use std::cell::{Cell, RefCell};

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::{Attribute, LocalName, local_name};

use crate::problem::Problem;

/// How much of the page is copied for the tokenizer at a time.
const CHUNK: usize = 64 * 1024;
/// Text is handed on in whole runs up to this length, a longer run (which
/// no card holds) in parts at least this long: holding text costs no more.
pub(super) const TEXT_PART: usize = 64 * 1024;

/// A start tag. The tokenizer lowers the ASCII letters of tag and attribute
/// names and decodes attribute values.
pub(super) struct StartTag {
    pub name: LocalName,
    pub attributes: Vec<Attribute>,
    pub self_closing: bool,
    /// Byte offset of its `<` in the page.
    pub offset: usize,
}

impl StartTag {
    pub fn is(&self, name: LocalName) -> bool {
        self.name == name
    }

    /// The value of the attribute `name` (in lower case).
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|a| &*a.name.local == name)
            .map(|a| &*a.value)
    }
}

/// What takes the page's tokens. Text comes in runs: all the text between
/// two tags (or comments), its references decoded, its line breaks `\n`;
/// a run longer than [`TEXT_PART`] in parts.
pub(super) trait Reader {
    fn start(&mut self, tag: StartTag) -> Result<(), Problem>;
    fn end(&mut self, name: &LocalName) -> Result<(), Problem>;
    fn text(&mut self, text: &str) -> Result<(), Problem>;
    /// Whether the element open now is inside `<svg>` or `<math>`, where
    /// `<title>` and `<style>` hold markup and `<![CDATA[` holds text.
    fn in_foreign_content(&self) -> bool;
}

/// Hands every token of `html` to `reader`, stopping at its first problem.
pub(super) fn read<R: Reader>(html: &str, reader: &mut R) -> Result<(), Problem> {
    // The tokenizer would drop a byte order mark at the start of every
    // piece, not only of the page.
    let options = TokenizerOpts {
        discard_bom: false,
        ..TokenizerOpts::default()
    };
    let tokenizer = Tokenizer::new(Sink::new(reader), options);
    let queue = BufferQueue::default();
    let mut at = if html.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    while at < html.len() && !tokenizer.sink.failed() {
        let end = chunk_end(html, at);
        let chunk = StrTendril::from_slice(&html[at..end]);
        for (from, to) in pieces(&html[at..end]) {
            tokenizer.sink.piece.set((at + from, at + to));
            queue.push_back(part(&chunk, from, to));
            // The sink never asks to run a script, so the tokenizer never
            // stops before the piece is read.
            let _ = tokenizer.feed(&queue);
            if tokenizer.sink.failed() {
                break;
            }
        }
        at = end;
    }
    tokenizer.end();
    tokenizer.sink.finish()
}

/// The end of the chunk that begins at `at`, on a character boundary.
fn chunk_end(html: &str, at: usize) -> usize {
    let mut end = (at + CHUNK).min(html.len());
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// The chunk cut where a start tag may begin (a `<` and a letter), as byte
/// ranges. The tokenizer is fed one piece at a time so that the sink knows
/// where in the page it reads: a start tag begins where a piece does.
fn pieces(chunk: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let start = from;
        if start >= chunk.len() {
            return None;
        }
        let past_its_tag = start + usize::from(chunk.as_bytes()[start] == b'<');
        from = next_tag_start(chunk, past_its_tag);
        Some((start, from))
    })
}

/// The first `<` at or after `from` followed by an ASCII letter, or by the
/// end of the chunk (the letter may begin the next one); else the end.
fn next_tag_start(chunk: &str, mut from: usize) -> usize {
    while let Some(found) = chunk.get(from..).and_then(|rest| rest.find('<')) {
        let at = from + found;
        if chunk
            .as_bytes()
            .get(at + 1)
            .is_none_or(u8::is_ascii_alphabetic)
        {
            return at;
        }
        from = at + 1;
    }
    chunk.len()
}

/// `chunk[from..to]`, sharing the chunk's buffer rather than copying it
/// (which it cannot fail to do on character boundaries).
fn part(chunk: &StrTendril, from: usize, to: usize) -> StrTendril {
    let shared = u32::try_from(from)
        .ok()
        .zip(u32::try_from(to - from).ok())
        .and_then(|(offset, length)| chunk.try_subtendril(offset, length).ok());
    shared.unwrap_or_else(|| StrTendril::from_slice(&chunk[from..to]))
}

/// How the tokenizer reads the content of an HTML element that holds no
/// markup (as html5ever's tree builder tells it, scripts enabled as in the
/// browser that saved the page), or `None` when it holds markup.
fn raw_content(name: &LocalName) -> Option<TokenSinkResult<()>> {
    Some(match *name {
        local_name!("title") | local_name!("textarea") => TokenSinkResult::RawData(RawKind::Rcdata),
        local_name!("style")
        | local_name!("xmp")
        | local_name!("iframe")
        | local_name!("noembed")
        | local_name!("noframes")
        | local_name!("noscript") => TokenSinkResult::RawData(RawKind::Rawtext),
        local_name!("script") => TokenSinkResult::RawData(RawKind::ScriptData),
        local_name!("plaintext") => TokenSinkResult::Plaintext,
        _ => return None,
    })
}

/// Takes the tokenizer's tokens for a [`Reader`]. The tokenizer calls it
/// through a shared reference, hence the cells.
struct Sink<'r, R> {
    reader: RefCell<&'r mut R>,
    /// The piece of the page being fed now, as byte offsets.
    piece: Cell<(usize, usize)>,
    /// The end of the piece in which the last token came: nothing read
    /// since starts before it.
    resume: Cell<usize>,
    /// The text run so far.
    text: RefCell<String>,
    /// Inside a raw-text element that is skipped whole, its tags included.
    skipping: Cell<bool>,
    problem: RefCell<Option<Problem>>,
}

impl<'r, R: Reader> Sink<'r, R> {
    fn new(reader: &'r mut R) -> Self {
        Sink {
            reader: RefCell::new(reader),
            piece: Cell::new((0, 0)),
            resume: Cell::new(0),
            text: RefCell::new(String::new()),
            skipping: Cell::new(false),
            problem: RefCell::new(None),
        }
    }

    fn failed(&self) -> bool {
        self.problem.borrow().is_some()
    }

    fn finish(&self) -> Result<(), Problem> {
        if !self.failed() {
            self.flush()?;
        }
        self.problem.take().map_or(Ok(()), Err)
    }

    fn take(&self, token: Token, offset: usize) -> Result<TokenSinkResult<()>, Problem> {
        match token {
            Token::TagToken(tag) => self.tag(tag, offset),
            Token::CharacterTokens(text) => {
                if !self.skipping.get() {
                    self.hold(&text)?;
                }
                Ok(TokenSinkResult::Continue)
            }
            Token::CommentToken(_) | Token::DoctypeToken(_) => {
                self.flush()?;
                Ok(TokenSinkResult::Continue)
            }
            // A NUL is dropped, as the tree builder drops it from the body.
            Token::NullCharacterToken | Token::EOFToken | Token::ParseError(_) => {
                Ok(TokenSinkResult::Continue)
            }
        }
    }

    fn tag(&self, tag: Tag, offset: usize) -> Result<TokenSinkResult<()>, Problem> {
        if self.skipping.get() {
            // In raw text the only tag is its element's own end tag.
            self.skipping.set(tag.kind != TagKind::EndTag);
            return Ok(TokenSinkResult::Continue);
        }
        self.flush()?;
        let mut reader = self.reader.borrow_mut();
        if tag.kind == TagKind::EndTag {
            reader.end(&tag.name)?;
            return Ok(TokenSinkResult::Continue);
        }
        let raw = if reader.in_foreign_content() {
            None
        } else {
            raw_content(&tag.name)
        };
        // Of the elements holding raw text only the title is read: the rest
        // are scripts, styles, and what shows only without scripts or
        // frames, none of it what a person reads.
        if raw.is_some() && tag.name != local_name!("title") {
            self.skipping.set(true);
        } else {
            reader.start(start_tag(tag, offset))?;
        }
        Ok(raw.unwrap_or(TokenSinkResult::Continue))
    }

    fn hold(&self, text: &str) -> Result<(), Problem> {
        let long = {
            let mut held = self.text.borrow_mut();
            held.push_str(text);
            held.len() >= TEXT_PART
        };
        if long { self.flush() } else { Ok(()) }
    }

    fn flush(&self) -> Result<(), Problem> {
        let mut held = self.text.borrow_mut();
        if held.is_empty() {
            return Ok(());
        }
        let result = self.reader.borrow_mut().text(&held);
        held.clear();
        result
    }
}

fn start_tag(tag: Tag, offset: usize) -> StartTag {
    StartTag {
        name: tag.name,
        attributes: tag.attrs,
        self_closing: tag.self_closing,
        offset,
    }
}

impl<R: Reader> TokenSink for Sink<'_, R> {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        // A token comes in the piece where it ends, and a start tag begins
        // where a piece does: where the one after the last token's piece
        // does, or its own if a token came in it before (a `<<` or an `&`
        // that waited for the next character to be told).
        let (from, to) = self.piece.get();
        let offset = self.resume.replace(to).min(from);
        if self.failed() {
            return TokenSinkResult::Continue;
        }
        self.take(token, offset).unwrap_or_else(|problem| {
            *self.problem.borrow_mut() = Some(problem);
            TokenSinkResult::Continue
        })
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.reader.borrow().in_foreign_content()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every token as a short string, and the offset of every start tag.
    #[derive(Default)]
    struct Record {
        tokens: Vec<String>,
        offsets: Vec<usize>,
        foreign: bool,
    }

    impl Reader for Record {
        fn start(&mut self, tag: StartTag) -> Result<(), Problem> {
            let attributes: Vec<String> = tag
                .attributes
                .iter()
                .map(|a| format!(" {}={}", a.name.local, a.value))
                .collect();
            let close = if tag.self_closing { "/" } else { "" };
            self.foreign |= tag.is(local_name!("svg"));
            self.tokens
                .push(format!("<{}{}{close}>", tag.name, attributes.concat()));
            self.offsets.push(tag.offset);
            Ok(())
        }

        fn end(&mut self, name: &LocalName) -> Result<(), Problem> {
            self.foreign &= *name != local_name!("svg");
            self.tokens.push(format!("</{name}>"));
            Ok(())
        }

        fn text(&mut self, text: &str) -> Result<(), Problem> {
            self.tokens.push(format!("'{text}'"));
            Ok(())
        }

        fn in_foreign_content(&self) -> bool {
            self.foreign
        }
    }

    fn record(html: &str) -> Record {
        let mut record = Record::default();
        read(html, &mut record).expect("no problem");
        record
    }

    fn tokens(html: &str) -> Vec<String> {
        record(html).tokens
    }

    #[test]
    fn text_comes_in_whole_runs_with_every_reference_decoded() {
        assert_eq!(
            tokens(
                "<A HREF='/in/x/?a=1&amp;b=2&copy=3' Hidden>Ann &amp;\r\nBo&nbsp;&eacute;&hearts;</a>"
            ),
            [
                "<a href=/in/x/?a=1&b=2&copy=3 hidden=>",
                "'Ann &\nBo\u{a0}é♥'",
                "</a>",
            ]
        );
    }

    #[test]
    fn scripts_styles_comments_and_doctypes_are_skipped_whole() {
        assert_eq!(
            tokens(
                "<!DOCTYPE html><!-- a <b> --><p>x<script>if (a<b) '</p>'</script >y\
                 <style>p > b {}</style><noscript><p>z</p></noscript></p>"
            ),
            ["<p>", "'x'", "'y'", "</p>"]
        );
        assert_eq!(tokens("<plaintext><p>x"), Vec::<String>::new());
        assert_eq!(tokens("x<a href=\"/in/"), ["'x'"]);
    }

    #[test]
    fn a_title_is_text_except_in_a_drawing() {
        assert_eq!(
            tokens("<title>a <b></title><svg><title>Verified</title></svg>"),
            [
                "<title>",
                "'a <b>'",
                "</title>",
                "<svg>",
                "<title>",
                "'Verified'",
                "</title>",
                "</svg>",
            ]
        );
    }

    #[test]
    fn start_tags_know_their_offset() {
        let html = "ab\n<div id=x><!-- c --><b>1 < 2</b><<i>x<i title='<x>'>";
        let expected: Vec<usize> = ["<div", "<b>", "<i>", "<i title"]
            .iter()
            .filter_map(|tag| html.find(tag))
            .collect();
        assert_eq!(record(html).offsets, expected);
    }

    #[test]
    fn offsets_hold_across_chunks() {
        let paddings = [
            "x".repeat(CHUNK - 1),
            "x".repeat(CHUNK - 2),
            "é".repeat(CHUNK / 2 - 1),
            format!("{}€", "x".repeat(CHUNK - 2)),
        ];
        for padding in paddings {
            let html = format!("{padding}<a href=\"/in/ann/\">Ann</a><b>");
            let offsets = record(&html).offsets;
            assert_eq!(
                offsets,
                [padding.len(), html.len() - 3],
                "{}",
                padding.len()
            );
        }
    }

    #[test]
    fn a_long_text_comes_in_parts() {
        let long = 3 * TEXT_PART;
        let tokens = tokens(&format!("<p>{}</p>", "x".repeat(long)));
        let parts: Vec<usize> = tokens[1..tokens.len() - 1]
            .iter()
            .map(|part| part.len() - 2)
            .collect();
        assert!(parts.len() > 1, "{parts:?}");
        assert!(parts[..parts.len() - 1].iter().all(|&p| p >= TEXT_PART));
        assert_eq!(parts.iter().sum::<usize>(), long);
    }
}
