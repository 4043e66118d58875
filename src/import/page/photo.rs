//! What the picture at the head of a card shows, from where it comes.

use super::tokens::StartTag;
use crate::import::sighting::photo_of_address;
use crate::model::Photo;

/// An `<img>`: the address it shows, else the one it loads later
/// (`data-delayed-url`), else the silhouette it falls back to.
pub(super) fn of_image(tag: &StartTag) -> Photo {
    let addresses = ["src", "data-delayed-url", "data-src"]
        .into_iter()
        .filter_map(|name| tag.attribute(name))
        .map(str::trim)
        // A `data:` address is a placeholder until the real one loads.
        .filter(|a| !a.is_empty() && !a.starts_with("data:"));
    if let Some(address) = addresses.into_iter().next() {
        return photo_of_address(address);
    }
    if tag.attribute("data-ghost-url").is_some() {
        Photo::None
    } else {
        Photo::Unknown
    }
}

/// Whether an element is Ember's silhouette: a `div` in place of the photo.
pub(super) fn is_ghost(tag: &StartTag) -> bool {
    tag.attribute("class")
        .is_some_and(|class| class.contains("ghost-person"))
}
