//! Filling a parsed template for one invitation, and the gate every reply
//! passes before it is kept: no raw placeholder, ever.

use std::fmt;
use std::ops::Range;

use time::format_description::BorrowedFormatItem;
use time::macros::format_description;

use super::names::split_name;
use super::placeholder::{Field, Parsed, Piece, RawPlaceholder, find_raw_placeholders};
use crate::model::{Invitation, Owner};

/// "11 April 2013": unambiguous wherever the reader lives.
const SENT_DATE: &[BorrowedFormatItem<'_>] =
    format_description!("[day padding:none] [month repr:long] [year]");

/// The facts a template can use; `None` means unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Values {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub name: Option<String>,
    pub company: Option<String>,
    pub headline: Option<String>,
    pub my_name: Option<String>,
    pub my_first_name: Option<String>,
    pub sent_date: Option<String>,
}

impl Values {
    pub fn new(invitation: &Invitation, owner: &Owner) -> Values {
        let profile = &invitation.profile;
        let inviter = split_name(&profile.name);
        Values {
            first_name: inviter.first,
            last_name: inviter.last,
            name: Some(profile.name.trim().to_string()),
            company: profile.company.as_deref().map(String::from),
            headline: profile.headline.as_deref().map(String::from),
            my_name: owner.name.clone(),
            my_first_name: owner
                .name
                .as_deref()
                .and_then(|name| split_name(name).first),
            sent_date: invitation
                .sent_at
                .and_then(|sent| sent.format(SENT_DATE).ok()),
        }
    }

    /// The value of `field`; blank text counts as unknown.
    pub fn value(&self, field: Field) -> Option<&str> {
        let value = match field {
            Field::FirstName => &self.first_name,
            Field::LastName => &self.last_name,
            Field::Name => &self.name,
            Field::Company => &self.company,
            Field::Headline => &self.headline,
            Field::MyName => &self.my_name,
            Field::MyFirstName => &self.my_first_name,
            Field::SentDate => &self.sent_date,
        };
        value.as_deref().map(str::trim).filter(|v| !v.is_empty())
    }
}

/// A placeholder with no value and no fallback, left as written in the
/// rendered text so that the preview can highlight it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    pub field: Field,
    /// Byte range in the rendered text.
    pub span: Range<usize>,
    /// Byte range in the template body.
    pub source: Range<usize>,
}

/// A template filled in for one invitation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub text: String,
    pub missing: Vec<Missing>,
}

impl Rendered {
    /// Whether [`Rendered::into_reply`] would accept the text.
    pub fn keepable(&self) -> bool {
        check_reply(&self.text).is_ok()
    }

    /// The text as a reply that can be kept, or why it cannot be.
    pub fn into_reply(self) -> Result<String, ReplyError> {
        check_reply(&self.text)?;
        Ok(self.text)
    }
}

/// Why a reply cannot be kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReplyError {
    Empty,
    /// Never empty.
    RawPlaceholders {
        text: String,
        found: Vec<RawPlaceholder>,
    },
}

impl fmt::Display for ReplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReplyError::Empty => write!(f, "the reply is empty"),
            ReplyError::RawPlaceholders { text, found } => {
                let first = &found[0];
                write!(
                    f,
                    "the reply still holds `{}` at line {}, column {}",
                    &text[first.span.clone()],
                    first.line,
                    first.column
                )?;
                match found.len() {
                    1 => Ok(()),
                    n => write!(f, " (and {} more)", n - 1),
                }
            }
        }
    }
}

impl std::error::Error for ReplyError {}

/// Checks a reply about to be kept, whether drafted from a template or
/// edited by hand: it must say something and hold no raw placeholder.
pub fn check_reply(text: &str) -> Result<(), ReplyError> {
    if text.trim().is_empty() {
        return Err(ReplyError::Empty);
    }
    let found = find_raw_placeholders(text);
    if found.is_empty() {
        Ok(())
    } else {
        Err(ReplyError::RawPlaceholders {
            text: text.to_string(),
            found,
        })
    }
}

/// Fills `parsed` from `context`. A slot with no value uses its fallback;
/// with neither, it stays as written and is listed in `missing`.
pub fn render(parsed: &Parsed, context: &Values) -> Rendered {
    let mut text = String::new();
    let mut missing = Vec::new();
    for piece in &parsed.pieces {
        match piece {
            Piece::Text(literal) => text.push_str(literal),
            Piece::Slot {
                field,
                fallback,
                source,
            } => match (context.value(*field), fallback) {
                (Some(value), _) => text.push_str(value),
                (None, Some(fallback)) => text.push_str(fallback),
                (None, None) => {
                    let start = text.len();
                    text.push('{');
                    text.push_str(field.key());
                    text.push('}');
                    missing.push(Missing {
                        field: *field,
                        span: start..text.len(),
                        source: source.clone(),
                    });
                }
            },
        }
    }
    Rendered { text, missing }
}
