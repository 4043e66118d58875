//! What `update` asks of the world outside: the app runs each effect and
//! sends its result back in as an [`Event`](super::event::Event). Also the
//! decision change that a journal record carries.

use crate::model::Decision;
use crate::store::journal::Op;
use crate::templates::Templates;

/// One decision change: what the journal records, and what undo and redo
/// take back and do again.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub index: usize,
    pub before: Option<Decision>,
    pub after: Option<Decision>,
}

/// What one key changed: one decision, or every decision of a sweep or a
/// marked batch. Undo and redo take a step back and do it again whole, and
/// the journal writes it as one batch.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Step {
    pub changes: Vec<Change>,
}

impl Step {
    pub fn one(change: Change) -> Step {
        Step {
            changes: vec![change],
        }
    }
}

/// Work for the app, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Append this step to the journal, synced, before the next frame.
    Record { op: Op, step: Step },
    /// Hand the terminal back to the shell until the reviewer resumes.
    Suspend,
    /// Put this text on the clipboard.
    Copy(String),
    /// Open this web address in the browser.
    OpenUrl(String),
    /// Write these templates to the templates file, atomically.
    SaveTemplates(Templates),
    /// Let the reviewer edit template `name` in their own editor, starting
    /// from `body`.
    EditExternally { name: String, body: String },
}

impl Effect {
    /// The decision a recorded change leaves in place.
    pub fn recorded_decision(op: Op, change: &Change) -> Option<&Decision> {
        match op {
            Op::Undo => change.before.as_ref(),
            Op::Decide | Op::Redo | Op::Tick => change.after.as_ref(),
        }
    }
}
