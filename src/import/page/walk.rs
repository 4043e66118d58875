//! Finds the cards in one pass over the page's tokens, without building the
//! page's tree.
//!
//! The walker keeps the open elements on a stack. Each remembers where its
//! items begin in a shared list and a few facts about what it holds so far
//! (an anchor: a profile link or a "… invited you to …" line; Accept and
//! Ignore controls; cards), handed to its parent when it closes. An element
//! that closes holding an anchor followed by both controls, and no card, is
//! the heart of a card: the smallest such element. The card then grows to
//! each enclosing element that holds nothing else of the kind (no other
//! card, profile link or control), which brings in the note below the
//! buttons, and is read when it can grow no more. Elements holding a card
//! can no longer be one, and an element grown larger than any card can be
//! is given up, so only the items of one card and of the elements that may
//! still be one are kept: memory stays small and time linear in the page.

use std::rc::Rc;

use html5ever::{LocalName, local_name};
use time::OffsetDateTime;

use super::card;
use super::element::{
    closes_paragraph, control_kind, is_aside, is_block, is_hidden, is_note_box, is_void,
    picture_or_badge,
};
use super::frame::{Facts, Frame, Pending, earliest};
use super::items::{Control, Item, Marks, Run, Target, target};
use super::tokens::{self, Reader, StartTag};
use super::words::{invitation_kind, says_none_pending};
use crate::import::sighting::Sighting;
use crate::problem::{Problem, position};

/// The most text and items a card can hold (a note is at most a few
/// hundred characters): an element past this is not a card.
const CARD_WEIGHT_MAX: u64 = 64 * 1024;
/// How far down the stack an end tag looks for the element it closes;
/// further than this it is a stray, ignored, so that a page of stray end
/// tags still takes linear time with a small factor.
const SCOPE_MAX: usize = 64;
/// The deepest an element is nested; deeper ones become the last one's
/// siblings, as in Blink (which stops at 512 too). Real pages nest far less;
/// this bounds the stack on a page of unclosed tags.
const DEPTH_MAX: usize = 512;
/// Longest text run checked for an invitation phrase.
const PHRASE_LINE_MAX: usize = 1000;

// A run too long for any card comes in parts: each must be weighed, not
// kept, as the whole run would be.
const _: () = assert!(tokens::TEXT_PART as u64 >= CARD_WEIGHT_MAX);

/// What a page's cards turned out to be.
pub(super) struct Found {
    pub cards: Vec<Sighting>,
    /// The page says there is no invitation to show.
    pub none_pending: bool,
}

pub(super) fn find_cards(html: &str, saved: OffsetDateTime) -> Result<Found, Problem> {
    let mut walker = Walker::new(html, saved);
    tokens::read(html, &mut walker)?;
    walker.finish()
}

struct Walker<'a> {
    html: &'a str,
    saved: OffsetDateTime,
    stack: Vec<Frame>,
    /// The items of the elements that may still be cards.
    items: Vec<Item>,
    /// Index in the whole walk of `items[0]`.
    base: usize,
    /// The elements below this depth can no longer be cards.
    dead: usize,
    pending: Option<Pending>,
    weight: u64,
    count: u64,
    cards: Vec<Sighting>,
    none_pending: bool,
}

impl Reader for Walker<'_> {
    fn start(&mut self, tag: StartTag) -> Result<(), Problem> {
        self.count += 1;
        self.close_implied(&tag)?;
        if tag.is(local_name!("br")) {
            return self.push_break();
        }
        let frame = self.frame_for(&tag);
        let (unseen, link) = (frame.unseen, frame.link.clone());
        if frame.block {
            self.push_break()?;
        }
        let void = is_void(&tag, frame.foreign);
        let own_link = !void && tag.is(local_name!("a")) && !unseen && link.is_some();
        if !void {
            if self.stack.len() >= DEPTH_MAX {
                self.pop()?;
            }
            self.stack.push(frame);
        }
        if unseen {
            return Ok(());
        }
        if own_link && let Some(link) = link.clone() {
            if matches!(*link, Target::Profile(_)) {
                self.note_anchor();
            }
            self.push(Item::Link(link), 1)?;
        }
        match picture_or_badge(&tag, link.as_deref()) {
            Some(item) => self.push(item, 1),
            None => Ok(()),
        }
    }

    fn end(&mut self, name: &LocalName) -> Result<(), Problem> {
        self.count += 1;
        if *name == local_name!("br") {
            return self.push_break();
        }
        let depth = self
            .stack
            .iter()
            .rev()
            .take(SCOPE_MAX)
            .position(|f| f.name == *name);
        match depth {
            Some(depth) => self.pop_to(depth),
            None => Ok(()),
        }
    }

    fn text(&mut self, text: &str) -> Result<(), Problem> {
        self.count += 1;
        let Some(top) = self.stack.last() else {
            return Ok(());
        };
        if top.unseen {
            return Ok(());
        }
        let (marks, link) = (top.marks, top.link.clone());
        if text.trim().is_empty() {
            // Kept only as the space between two words of a line.
            if matches!(self.items.last(), Some(Item::Text(_))) {
                self.push(
                    Item::Text(Run {
                        text: " ".into(),
                        marks,
                        link,
                    }),
                    1,
                )?;
            }
            return Ok(());
        }
        if !marks.aside {
            self.none_pending |= says_none_pending(text);
            if text.len() <= PHRASE_LINE_MAX && invitation_kind(text).is_some() {
                self.note_anchor();
            }
        }
        let weight = text.len() as u64 + 1;
        if weight > CARD_WEIGHT_MAX {
            // No card holds this much text: it is weighed, not kept.
            return self.weigh(weight);
        }
        let run = Run {
            text: text.to_string(),
            marks,
            link,
        };
        self.push(Item::Text(run), weight)
    }

    fn in_foreign_content(&self) -> bool {
        self.stack.last().is_some_and(|f| f.foreign)
    }
}

impl<'a> Walker<'a> {
    fn new(html: &'a str, saved: OffsetDateTime) -> Self {
        Walker {
            html,
            saved,
            stack: Vec::new(),
            items: Vec::new(),
            base: 0,
            dead: 0,
            pending: None,
            weight: 0,
            count: 0,
            cards: Vec::new(),
            none_pending: false,
        }
    }

    fn frame_for(&self, tag: &StartTag) -> Frame {
        let parent = self.stack.last();
        let inherited = parent.map(|p| p.marks).unwrap_or_default();
        let foreign = parent.is_some_and(|p| p.foreign)
            || tag.is(local_name!("svg"))
            || tag.is(local_name!("math"));
        let own_link = if tag.is(local_name!("a")) {
            tag.attribute("href").and_then(target).map(Rc::new)
        } else {
            None
        };
        let control = tag.is(local_name!("button"))
            || tag.is(local_name!("a"))
            || tag.attribute("role") == Some("button");
        Frame {
            name: tag.name.clone(),
            offset: tag.offset,
            count: self.count,
            start: self.next_index(),
            weight: self.weight,
            marks: Marks {
                aside: inherited.aside || foreign || is_aside(tag),
                time: inherited.time || tag.is(local_name!("time")),
                note: inherited.note || is_note_box(tag),
            },
            unseen: parent.is_some_and(|p| p.unseen)
                || tag.is(local_name!("template"))
                || is_hidden(tag),
            foreign,
            block: !foreign && is_block(tag),
            link: own_link.or_else(|| parent.and_then(|p| p.link.clone())),
            control_label: control.then(|| tag.attribute("aria-label").unwrap_or("").to_string()),
            facts: Facts::default(),
        }
    }

    /// End tags a browser would imply: a new list item closes the open
    /// one, a link closes an open link, a block closes an open paragraph.
    fn close_implied(&mut self, tag: &StartTag) -> Result<(), Problem> {
        let open = |name: LocalName, stop: &[LocalName]| {
            self.stack
                .iter()
                .rev()
                .take(SCOPE_MAX)
                .take_while(|f| !stop.contains(&f.name))
                .position(|f| f.name == name)
        };
        let depth = if tag.is(local_name!("li")) {
            open(
                local_name!("li"),
                &[local_name!("ul"), local_name!("ol"), local_name!("menu")],
            )
        } else if tag.is(local_name!("a")) {
            open(
                local_name!("a"),
                &[local_name!("button"), local_name!("template")],
            )
        } else if closes_paragraph(tag)
            && self
                .stack
                .last()
                .is_some_and(|f| f.name == local_name!("p"))
        {
            Some(0)
        } else {
            None
        };
        match depth {
            Some(depth) => self.pop_to(depth),
            None => Ok(()),
        }
    }

    fn finish(mut self) -> Result<Found, Problem> {
        self.pop_to(self.stack.len().saturating_sub(1))?;
        self.read_pending()?;
        Ok(Found {
            cards: self.cards,
            none_pending: self.none_pending,
        })
    }

    /// Closes the top `depth + 1` elements.
    fn pop_to(&mut self, depth: usize) -> Result<(), Problem> {
        for _ in 0..=depth {
            self.pop()?;
        }
        Ok(())
    }

    fn pop(&mut self) -> Result<(), Problem> {
        let Some(mut frame) = self.stack.pop() else {
            return Ok(());
        };
        let live = self.stack.len() >= self.dead;
        if frame.unseen {
            self.dead = self.dead.min(self.stack.len());
            return Ok(());
        }
        if live && let Some(label) = frame.control_label.take() {
            self.settle_control(&mut frame, label)?;
        }
        if live && frame.facts.make_a_card() {
            return self.found_card(&frame);
        }
        if frame.facts.cards > 0 {
            self.grow_or_read(&frame)?;
        }
        if let Some(parent) = self.stack.last_mut() {
            parent.facts.merge(frame.facts);
        }
        self.dead = self.dead.min(self.stack.len());
        if frame.block {
            self.push_break()?;
        }
        self.compact();
        Ok(())
    }

    /// The heart of a card closes: the card found before it can grow no
    /// more, and this one begins.
    fn found_card(&mut self, frame: &Frame) -> Result<(), Problem> {
        self.read_pending()?;
        self.pending = Some(Pending {
            start: frame.start,
            end: self.next_index(),
            offset: frame.offset,
            weight: frame.weight,
        });
        // Every element still open holds this card, so none is a card.
        self.dead = self.stack.len();
        if let Some(parent) = self.stack.last_mut() {
            parent.facts.cards = parent.facts.cards.saturating_add(1);
        }
        self.compact();
        Ok(())
    }

    /// An element holding a card closes: the card grows to it when it holds
    /// nothing else, else the card is read as it was.
    fn grow_or_read(&mut self, frame: &Frame) -> Result<(), Problem> {
        let end = self.next_index();
        let weight = self.weight;
        match &mut self.pending {
            Some(card)
                if frame.facts.holds_one_card_only()
                    && card.start >= frame.start
                    && weight - card.weight <= CARD_WEIGHT_MAX =>
            {
                card.end = end;
                Ok(())
            }
            Some(_) => self.read_pending(),
            None => Ok(()),
        }
    }

    /// A button or link that closes: an Accept or Ignore control if its
    /// words or its label say so, and then one item in place of its words.
    fn settle_control(&mut self, frame: &mut Frame, label: String) -> Result<(), Problem> {
        let own = &self.items[frame.start.saturating_sub(self.base).min(self.items.len())..];
        let (accept, ignore) = control_kind(own, &label);
        if !accept && !ignore {
            return Ok(());
        }
        let own_start = frame.start.saturating_sub(self.base).min(self.items.len());
        self.items.truncate(own_start);
        frame.facts.first_control = earliest(frame.facts.first_control, Some(frame.count));
        frame.facts.accept |= accept;
        frame.facts.ignore |= ignore;
        self.push(Item::Control(Control { label }), 1)
    }

    fn read_pending(&mut self) -> Result<(), Problem> {
        let Some(card) = self.pending.take() else {
            return Ok(());
        };
        let from = card.start.saturating_sub(self.base).min(self.items.len());
        let to = card
            .end
            .saturating_sub(self.base)
            .clamp(from, self.items.len());
        let place = self.cards.len() + 1;
        let sighting = card::read(&self.items[from..to], place, self.saved).map_err(|message| {
            let (line, column) = position(self.html, card.offset);
            Problem {
                line,
                column,
                message,
            }
        })?;
        self.cards.push(sighting);
        self.compact();
        Ok(())
    }

    fn note_anchor(&mut self) {
        let count = self.count;
        if let Some(top) = self.stack.last_mut() {
            top.facts.first_anchor.get_or_insert(count);
        }
    }

    fn next_index(&self) -> usize {
        self.base + self.items.len()
    }

    fn push_break(&mut self) -> Result<(), Problem> {
        if matches!(self.items.last(), Some(Item::Break) | None) {
            return Ok(());
        }
        self.push(Item::Break, 1)
    }

    /// Keeps an item while an open element may still be a card, or the
    /// card found last may still grow.
    fn push(&mut self, item: Item, weight: u64) -> Result<(), Problem> {
        self.weigh(weight)?;
        if self.stack.len() > self.dead || self.pending.is_some() {
            self.items.push(item);
        }
        Ok(())
    }

    /// Counts what the page holds: the elements grown larger than any card
    /// are given up, and the card found last is read when it would.
    fn weigh(&mut self, weight: u64) -> Result<(), Problem> {
        self.weight += weight;
        while let Some(frame) = self.stack.get(self.dead) {
            if self.weight - frame.weight <= CARD_WEIGHT_MAX {
                break;
            }
            self.dead += 1;
        }
        if self
            .pending
            .as_ref()
            .is_some_and(|card| self.weight - card.weight > CARD_WEIGHT_MAX)
        {
            self.read_pending()?;
        }
        self.compact();
        Ok(())
    }

    /// Drops the items nothing can still need, once they are at least half
    /// of those kept, so that each item is moved at most a few times.
    fn compact(&mut self) {
        let open = self.stack.get(self.dead).map(|f| f.start);
        let card = self.pending.as_ref().map(|card| card.start);
        let keep_from = match (open, card) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b).unwrap_or(self.next_index()),
        }
        .max(self.base);
        let dropped = keep_from - self.base;
        if dropped > 0 && dropped * 2 >= self.items.len() {
            self.items.drain(..dropped.min(self.items.len()));
            self.base = keep_from;
        }
    }
}
