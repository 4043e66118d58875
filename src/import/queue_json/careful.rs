//! The careful reading of a queue file the quick one refused: the file
//! read whole, and each invitation again on its own from its slice of the
//! file, so that one bad invitation does not hide the problems of the
//! others and every problem is told at its line and column.

use foldhash::HashMap;
use serde_json::value::RawValue;

use super::{
    Envelope, RawInvitation, build_invitation, check_envelope, count_invitations, owner_of,
};
use crate::model::{Invitation, Owner, Queue, Text};
use crate::problem::{Problem, position};

/// A file the quick reading refused, read whole, each invitation on its
/// own from its slice of the file: one bad invitation does not hide the
/// problems of the others, and each is told at its line and column. An id
/// given twice is a warning here, the later invitation kept.
pub(super) fn read(bytes: &[u8]) -> Result<Queue, Vec<Problem>> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = position(
            std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default(),
            e.valid_up_to(),
        );
        vec![Problem {
            line,
            column,
            message: format!(
                "not UTF-8 text (byte 0x{:02x}); a queue file is JSON",
                bytes[e.valid_up_to()]
            ),
        }]
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(vec![Problem {
            line: 1,
            column: 1,
            message: "the file is empty; a queue is a JSON object with \"invitations\" or an array of invitations".into(),
        }]);
    }
    crate::progress::expect(count_invitations(text.as_bytes(), text.len()));
    let (owner, items) = read_envelope(text)?;

    let mut queue = Queue {
        owner,
        ..Queue::default()
    };
    let mut problems = Vec::new();
    let mut seen: HashMap<Text, (usize, usize)> =
        HashMap::with_capacity_and_hasher(items.len(), Default::default());
    let mut lines = Lines::new(text);
    for (index, raw) in items.into_iter().enumerate() {
        let start = offset_in(text, raw);
        match read_invitation(raw.get(), index) {
            Ok(invitation) => {
                let line = lines.position(start).0;
                if let Some(&(earlier, earlier_line)) = seen.get(&invitation.id) {
                    queue.warnings.push(format!(
                        "{line}: invitation {:?} appears again (first at line {earlier_line}); the later one is kept",
                        invitation.id
                    ));
                    queue.invitations[earlier] = invitation;
                } else {
                    seen.insert(invitation.id.clone(), (queue.invitations.len(), line));
                    queue.invitations.push(invitation);
                }
            }
            Err((inner_offset, message)) => {
                let (line, column) = lines.position(start + inner_offset);
                problems.push(Problem {
                    line,
                    column,
                    message,
                });
            }
        }
    }
    if problems.is_empty() {
        Ok(queue)
    } else {
        Err(problems)
    }
}

fn read_envelope(text: &str) -> Result<(Owner, Vec<&RawValue>), Vec<Problem>> {
    let at = |e: &serde_json::Error, message: String| {
        let offset = byte_offset(text, e.line(), e.column());
        let (line, column) = position(text, offset);
        vec![Problem {
            line,
            column,
            message,
        }]
    };
    let describe = |e: &serde_json::Error| at(e, plain_message(e));
    if text.trim_start().starts_with('[') {
        let items: Vec<&RawValue> = serde_json::from_str(text).map_err(|e| describe(&e))?;
        return Ok((Owner::default(), items));
    }
    if !text.trim_start().starts_with('{') {
        let offset = text.len() - text.trim_start().len();
        let (line, column) = position(text, offset);
        return Err(vec![Problem {
            line,
            column,
            message:
                "expected a queue: a JSON object with \"invitations\" or an array of invitations"
                    .into(),
        }]);
    }
    let envelope: Envelope<&RawValue> = serde_json::from_str(text).map_err(|e| describe(&e))?;
    check_envelope(&envelope).map_err(|message| {
        vec![Problem {
            line: 1,
            column: 1,
            message,
        }]
    })?;
    Ok((owner_of(envelope.owner), envelope.invitations))
}

/// One invitation from its own slice of the file; an error carries the byte
/// offset in that slice and the message.
pub(super) fn read_invitation(raw: &str, index: usize) -> Result<Invitation, (usize, String)> {
    let mut deserializer = serde_json::Deserializer::from_str(raw);
    let parsed: RawInvitation =
        serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
            let inner = e.inner();
            let path = e.path().to_string();
            let place = if path == "." {
                format!("invitation {}", index + 1)
            } else {
                format!("invitation {}, {path}", index + 1)
            };
            (
                byte_offset(raw, inner.line(), inner.column()),
                format!("{place}: {}", plain_message(inner)),
            )
        })?;
    build_invitation(parsed).map_err(|message| {
        let offset = raw.find("\"name\"").unwrap_or(0);
        (offset, format!("invitation {}, {message}", index + 1))
    })
}

/// Lines and columns of offsets that only ever grow, counted as it goes:
/// one pass over the file, however many invitations it holds.
pub(super) struct Lines<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
    /// 1-based, in characters.
    column: usize,
}

impl<'a> Lines<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Lines {
            text,
            offset: 0,
            line: 1,
            column: 1,
        }
    }

    pub(super) fn position(&mut self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        if offset < self.offset {
            return position(self.text, offset);
        }
        let passed = &self.text.as_bytes()[self.offset..offset];
        // A character is counted at its first byte, never a continuation byte.
        let characters = |bytes: &[u8]| bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count();
        match passed.iter().rposition(|&b| b == b'\n') {
            Some(last) => {
                self.line += passed.iter().filter(|&&b| b == b'\n').count();
                self.column = 1 + characters(&passed[last + 1..]);
            }
            None => self.column += characters(passed),
        }
        self.offset = offset;
        (self.line, self.column)
    }
}

/// serde_json's message without its trailing "at line L column C", which we
/// tell ourselves, in the file's own terms.
fn plain_message(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let message = match message.rfind(" at line ") {
        Some(cut) => message[..cut].to_string(),
        None => message,
    };
    match e.classify() {
        serde_json::error::Category::Eof => format!("the file ends too early: {message}"),
        _ => message,
    }
}

/// Where serde_json's 1-based line and byte column fall in `text`.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column.saturating_sub(1)).min(text.len())
}

fn offset_in(text: &str, raw: &RawValue) -> usize {
    (raw.get().as_ptr() as usize).saturating_sub(text.as_ptr() as usize)
}
