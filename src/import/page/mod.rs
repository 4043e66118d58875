//! LinkedIn's "Manage invitations" page (received), saved by the browser
//! (see `captures.md`): one sighting per invitation card.
//!
//! Class names change between releases, so cards are found by what a person
//! sees: a profile link (or a "… invited you to …" line) followed by Accept
//! and Ignore buttons, in the smallest element that holds them, grown to the
//! enclosing elements that hold nothing else (the note below). "People you
//! may know" (Connect buttons), tabs and filters have no such buttons and
//! are never cards; nothing hidden, in a `<template>` or in a script is
//! read. The page is read in one streaming pass (see `walk`), so a saved
//! page of any size takes time linear in its size and little memory.
//!
//! The HTML is read by html5ever's tokenizer, the standard's own (see
//! `tokens`), fed in chunks. Its tree builder is not used: it holds the
//! whole page as a tree, and the standard's repair of misnested formatting
//! tags (`<b><i></b>…`) takes time quadratic in their number, where the
//! walker's bounded stack keeps a hostile page linear and memory small.

mod card;
mod element;
mod frame;
mod items;
mod photo;
mod tokens;
mod walk;
mod words;

#[cfg(test)]
mod tests;

use time::OffsetDateTime;

use crate::import::sighting::Sighting;
use crate::problem::Problem;

/// Addresses and markup found only on LinkedIn's invitation manager, in
/// either markup: the tab links and the browser's "saved from" line, the
/// newer page's screen and card names, the older page's list and cards.
/// A link to the manager alone is not enough: every page's menu has one.
const MARKERS: [&str; 5] = [
    "invitation-manager/received",
    "InvitationReceived",
    "\"pending-invitation\"",
    "mn-invitation-list",
    "invitation-card__",
];

/// Whether `text` is a saved LinkedIn invitation-manager page (a cheap sniff
/// on the content, not the file name).
pub fn looks_like_page(text: &str) -> bool {
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    start.starts_with('<')
        && (text.contains("linkedin.com") || text.contains("licdn.com"))
        && MARKERS.iter().any(|marker| text.contains(marker))
}

/// Every invitation card on the page, in page order.
///
/// `saved` is the moment the page was saved (the caller passes the file's
/// modification time); relative times ("2 days ago") are counted back from
/// it. An error, at its line and column, when the HTML is not an
/// invitation page at all, or when a card shows no name.
pub fn read(html: &str, saved: OffsetDateTime) -> Result<Vec<Sighting>, Problem> {
    let found = walk::find_cards(html, saved)?;
    if !found.cards.is_empty() || found.none_pending {
        return Ok(found.cards);
    }
    let message = if looks_like_page(html) {
        "LinkedIn's invitation page, but no invitation card in it (a card has Accept and \
         Ignore buttons: was the Sent tab saved, or the page before its list loaded?)"
    } else {
        "not LinkedIn's Manage invitations page: no invitation cards in it"
    };
    Err(Problem::at(html, 0, message.to_string()))
}
