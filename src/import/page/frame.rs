//! An open element as the walker keeps it: what it is, what it holds so
//! far for telling whether it is a card; and the card found last while it
//! may still grow.

use std::rc::Rc;

use html5ever::LocalName;

use super::items::{Marks, Target};

/// What an element holds so far, for telling whether it is a card.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Facts {
    /// Counts of the walk (not item indexes) at the first anchor and the
    /// first control.
    pub first_anchor: Option<u64>,
    pub first_control: Option<u64>,
    pub accept: bool,
    pub ignore: bool,
    /// Cards inside; what is inside them is not counted above.
    pub cards: u32,
}

impl Facts {
    pub fn merge(&mut self, inner: Facts) {
        self.first_anchor = earliest(self.first_anchor, inner.first_anchor);
        self.first_control = earliest(self.first_control, inner.first_control);
        self.accept |= inner.accept;
        self.ignore |= inner.ignore;
        self.cards = self.cards.saturating_add(inner.cards);
    }

    /// No card inside, an anchor first, as a person reads a card (photo,
    /// name, … buttons), then both buttons.
    pub fn make_a_card(&self) -> bool {
        self.cards == 0
            && matches!((self.first_anchor, self.first_control), (Some(a), Some(c)) if a < c)
            && self.accept
            && self.ignore
    }

    /// Holds one card and nothing else a card is made of.
    pub fn holds_one_card_only(&self) -> bool {
        self.cards == 1 && self.first_anchor.is_none() && self.first_control.is_none()
    }
}

/// A card found, not read yet while it may still grow.
pub(super) struct Pending {
    /// Index in the whole walk of its first item, and past its last.
    pub start: usize,
    pub end: usize,
    /// Byte offset of the start tag of its heart, where a problem is told.
    pub offset: usize,
    /// The walk's weight at its first item.
    pub weight: u64,
}

pub(super) fn earliest(a: Option<u64>, b: Option<u64>) -> Option<u64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

pub(super) struct Frame {
    pub name: LocalName,
    /// Byte offset of the start tag.
    pub offset: usize,
    /// The walk's count when it opened.
    pub count: u64,
    /// Index (in the whole walk) of its first item.
    pub start: usize,
    /// The walk's weight when it opened.
    pub weight: u64,
    pub marks: Marks,
    /// Not shown: `hidden`, `display: none`, inside a `<template>`.
    pub unseen: bool,
    /// Inside `<svg>` or `<math>`, where `/>` closes an element.
    pub foreign: bool,
    pub block: bool,
    pub link: Option<Rc<Target>>,
    /// For a button or a link: its `aria-label`, until it closes and its
    /// words tell whether it is an Accept or Ignore control.
    pub control_label: Option<String>,
    pub facts: Facts,
}
