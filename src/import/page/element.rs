//! What an element is to a reader of the page: where lines break, what is
//! not shown, what is read aloud only, where the note is, and whether it is
//! a picture or a badge.

use html5ever::{LocalName, local_name};

use super::items::{Item, Target};
use super::photo;
use super::tokens::StartTag;
use super::words::{contains, find, is_verified_label};
use crate::model::Photo;

const VOID: [LocalName; 16] = [
    local_name!("area"),
    local_name!("base"),
    local_name!("br"),
    local_name!("col"),
    local_name!("embed"),
    local_name!("hr"),
    local_name!("img"),
    local_name!("input"),
    local_name!("link"),
    local_name!("meta"),
    local_name!("param"),
    local_name!("source"),
    local_name!("track"),
    local_name!("wbr"),
    local_name!("keygen"),
    local_name!("frame"),
];

/// Elements that sit inside a line of text rather than starting one.
const INLINE: [LocalName; 26] = [
    local_name!("a"),
    local_name!("abbr"),
    local_name!("b"),
    local_name!("bdi"),
    local_name!("bdo"),
    local_name!("cite"),
    local_name!("code"),
    local_name!("data"),
    local_name!("dfn"),
    local_name!("em"),
    local_name!("font"),
    local_name!("i"),
    local_name!("img"),
    local_name!("kbd"),
    local_name!("label"),
    local_name!("mark"),
    local_name!("q"),
    local_name!("s"),
    local_name!("samp"),
    local_name!("small"),
    local_name!("span"),
    local_name!("strong"),
    local_name!("sub"),
    local_name!("sup"),
    local_name!("time"),
    local_name!("u"),
];

/// Elements whose start closes an open `<p>`.
const CLOSES_P: [LocalName; 14] = [
    local_name!("div"),
    local_name!("p"),
    local_name!("ul"),
    local_name!("ol"),
    local_name!("li"),
    local_name!("section"),
    local_name!("article"),
    local_name!("aside"),
    local_name!("header"),
    local_name!("footer"),
    local_name!("h1"),
    local_name!("h2"),
    local_name!("h3"),
    local_name!("table"),
];

/// An element with no content and no end tag (inside `<svg>`, any `/>`).
pub(super) fn is_void(tag: &StartTag, foreign: bool) -> bool {
    VOID.contains(&tag.name) || (foreign && tag.self_closing)
}

/// Whether an element starts a line of its own.
pub(super) fn is_block(tag: &StartTag) -> bool {
    !INLINE.contains(&tag.name)
}

/// Whether an element's start closes an open `<p>`.
pub(super) fn closes_paragraph(tag: &StartTag) -> bool {
    CLOSES_P.contains(&tag.name)
}

/// The picture or the badge an element is, if any: the grey silhouette
/// (Ember's ghost `div`, or a drawing inside the profile link on the newer
/// page), a photo by its address, a "Verified" label.
pub(super) fn picture_or_badge(tag: &StartTag, link: Option<&Target>) -> Option<Item> {
    let labelled_verified = ["aria-label", "title", "alt"]
        .iter()
        .filter_map(|a| tag.attribute(a))
        .any(is_verified_label);
    if labelled_verified {
        return Some(Item::Verified);
    }
    if tag.is(local_name!("img")) {
        return Some(Item::Picture(photo::of_image(tag)));
    }
    let in_profile_link = matches!(link, Some(Target::Profile(_)));
    if (tag.is(local_name!("svg")) && in_profile_link) || photo::is_ghost(tag) {
        return Some(Item::Picture(Photo::None));
    }
    None
}

pub(super) fn is_hidden(tag: &StartTag) -> bool {
    tag.attribute("hidden").is_some()
        || tag.attribute("style").is_some_and(|style| {
            let style: String = style.chars().filter(|c| !c.is_whitespace()).collect();
            contains(&style, "display:none") || contains(&style, "visibility:hidden")
        })
}

/// Text for screen readers only.
pub(super) fn is_aside(tag: &StartTag) -> bool {
    tag.attribute("class").is_some_and(|class| {
        ["visually-hidden", "a11y-text", "sr-only"]
            .iter()
            .any(|c| class.contains(c))
    })
}

/// The note's box: `data-testid="expandable-text-box"` on the newer page,
/// `invitation-card__custom-message` on the older one.
pub(super) fn is_note_box(tag: &StartTag) -> bool {
    tag.attribute("data-testid") == Some("expandable-text-box")
        || tag
            .attribute("class")
            .is_some_and(|class| class.contains("custom-message"))
}

/// Whether a button or link that closes is Accept, Ignore (or neither):
/// its visible words alone, or its label or screen-reader text telling
/// an invitation ("Accept Ann’s invitation").
pub(super) fn control_kind(own: &[Item], label: &str) -> (bool, bool) {
    let (mut words, mut aside) = (String::new(), String::new());
    for item in own {
        if let Item::Text(run) = item {
            let into = if run.marks.aside {
                &mut aside
            } else {
                &mut words
            };
            into.push_str(&run.text);
            into.push(' ');
        }
    }
    let says = |verb: &str| {
        words.trim().eq_ignore_ascii_case(verb)
            || [label, aside.as_str()]
                .iter()
                .any(|l| find(l.trim(), verb) == Some(0) && contains(l, "invitation"))
    };
    (says("accept"), says("ignore"))
}
