//! The template language: text with `{field}` and `{field|fallback}` slots,
//! `{{` and `}}` for literal braces. Every problem is reported with its
//! 1-based line and column so that the editor can point at it.

use std::fmt;
use std::ops::Range;

use crate::problem::position;

/// A fact a placeholder stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    FirstName,
    LastName,
    Name,
    Company,
    Headline,
    MyName,
    MyFirstName,
    SentDate,
}

impl Field {
    pub const ALL: [Field; 8] = [
        Field::FirstName,
        Field::LastName,
        Field::Name,
        Field::Company,
        Field::Headline,
        Field::MyName,
        Field::MyFirstName,
        Field::SentDate,
    ];

    /// The name written between the braces.
    pub fn key(self) -> &'static str {
        match self {
            Field::FirstName => "first_name",
            Field::LastName => "last_name",
            Field::Name => "name",
            Field::Company => "company",
            Field::Headline => "headline",
            Field::MyName => "my_name",
            Field::MyFirstName => "my_first_name",
            Field::SentDate => "sent_date",
        }
    }

    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|field| field.key() == key)
    }

    /// The known field a mistyped key most likely meant, if any is close.
    fn closest(key: &str) -> Option<Field> {
        let key = key.to_lowercase();
        Field::ALL
            .into_iter()
            .map(|field| (edit_distance(&key, field.key()), field))
            .filter(|(distance, _)| *distance <= 2)
            .min_by_key(|(distance, _)| *distance)
            .map(|(_, field)| field)
    }
}

/// What is wrong in a template body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyErrorKind {
    UnknownPlaceholder {
        key: String,
        suggestion: Option<Field>,
    },
    EmptyPlaceholder,
    UnclosedBrace,
    StrayClosingBrace,
    EmptyTemplate,
}

/// One problem in a template body, at a place the editor can highlight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyError {
    /// Byte range in the body.
    pub span: Range<usize>,
    /// 1-based line in the body.
    pub line: usize,
    /// 1-based column in the body, in characters.
    pub column: usize,
    pub kind: BodyErrorKind,
}

impl fmt::Display for BodyErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BodyErrorKind::UnknownPlaceholder { key, suggestion } => {
                write!(f, "unknown placeholder `{{{key}}}`")?;
                match suggestion {
                    Some(field) => write!(f, "; did you mean `{{{}}}`?", field.key()),
                    None => write!(f, "; known: {}", known_keys()),
                }
            }
            BodyErrorKind::EmptyPlaceholder => {
                write!(
                    f,
                    "a placeholder needs a name, like `{{first_name}}`; \
                     write `{{{{` and `}}}}` for literal braces"
                )
            }
            BodyErrorKind::UnclosedBrace => write!(
                f,
                "`{{` is not closed on this line; write `{{{{` for a literal brace"
            ),
            BodyErrorKind::StrayClosingBrace => {
                write!(f, "`}}` closes nothing; write `}}}}` for a literal brace")
            }
            BodyErrorKind::EmptyTemplate => write!(f, "the template is empty"),
        }
    }
}

impl fmt::Display for BodyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.kind
        )
    }
}

fn known_keys() -> String {
    Field::ALL
        .iter()
        .map(|field| format!("{{{}}}", field.key()))
        .collect::<Vec<_>>()
        .join(", ")
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece {
    Text(String),
    Slot {
        field: Field,
        fallback: Option<String>,
        /// Where the placeholder is written in the body.
        source: Range<usize>,
    },
}

/// A template body known to be free of errors, ready to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub(crate) pieces: Vec<Piece>,
}

/// Parses a template body, or returns every problem in it, in body order.
///
/// A placeholder is `{key}` or `{key|fallback}` on one line; spaces around
/// the key and the fallback are ignored. An empty fallback is allowed: it
/// leaves the slot out when the fact is unknown.
pub fn parse(body: &str) -> Result<Parsed, Vec<BodyError>> {
    let mut pieces = Vec::new();
    let mut errors = Vec::new();
    let mut text = String::new();
    let mut rest = body.char_indices().peekable();
    let error = |span: Range<usize>, kind| {
        let (line, column) = position(body, span.start);
        BodyError {
            span,
            line,
            column,
            kind,
        }
    };

    if body.trim().is_empty() {
        return Err(vec![error(0..body.len(), BodyErrorKind::EmptyTemplate)]);
    }
    while let Some((at, c)) = rest.next() {
        let doubled = rest.peek().is_some_and(|&(_, next)| next == c);
        match c {
            '{' | '}' if doubled => {
                rest.next();
                text.push(c);
            }
            '}' => errors.push(error(at..at + 1, BodyErrorKind::StrayClosingBrace)),
            '{' => {
                let Some(end) = slot_end(body, at) else {
                    errors.push(error(at..at + 1, BodyErrorKind::UnclosedBrace));
                    continue;
                };
                while rest.next_if(|&(i, _)| i < end).is_some() {}
                let (key, fallback) = match body[at + 1..end - 1].split_once('|') {
                    Some((key, fallback)) => (key.trim(), Some(fallback.trim().to_string())),
                    None => (body[at + 1..end - 1].trim(), None),
                };
                match Field::from_key(key) {
                    Some(field) => {
                        if !text.is_empty() {
                            pieces.push(Piece::Text(std::mem::take(&mut text)));
                        }
                        pieces.push(Piece::Slot {
                            field,
                            fallback,
                            source: at..end,
                        });
                    }
                    None if key.is_empty() => {
                        errors.push(error(at..end, BodyErrorKind::EmptyPlaceholder));
                    }
                    None => errors.push(error(
                        at..end,
                        BodyErrorKind::UnknownPlaceholder {
                            key: key.to_string(),
                            suggestion: Field::closest(key),
                        },
                    )),
                }
            }
            _ => text.push(c),
        }
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    if errors.is_empty() {
        Ok(Parsed { pieces })
    } else {
        Err(errors)
    }
}

/// The byte just past the `}` closing the slot opened at `open`, when it
/// closes before the end of the line and before another `{`.
fn slot_end(body: &str, open: usize) -> Option<usize> {
    let after = &body[open + 1..];
    let close = after.find(['}', '{', '\n'])?;
    (after.as_bytes()[close] == b'}').then_some(open + 1 + close + 1)
}

/// A placeholder left in a reply's text, which must never be sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawPlaceholder {
    /// Byte range in the text.
    pub span: Range<usize>,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// Every `{word}` or `{word|...}` in `text`: what a recipient would read as
/// an unfilled slot, whether or not `word` is a field this program knows.
pub fn find_raw_placeholders(text: &str) -> Vec<RawPlaceholder> {
    let mut found = Vec::new();
    for (open, _) in text.match_indices('{') {
        let Some(end) = slot_end(text, open) else {
            continue;
        };
        let inside = &text[open + 1..end - 1];
        let key = inside.split_once('|').map_or(inside, |(key, _)| key).trim();
        if is_identifier(key) {
            let (line, column) = position(text, open);
            found.push(RawPlaceholder {
                span: open..end,
                line,
                column,
            });
        }
    }
    found
}

fn is_identifier(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_')
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substituted = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substituted.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}
