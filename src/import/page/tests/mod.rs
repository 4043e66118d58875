//! The reader against saved pages: the fixture pages card by card, small
//! pages for one behaviour each, and garbage that must not make it panic.

mod fixtures;
mod robustness;
mod small_pages;

use time::macros::datetime;
use time::{Duration, OffsetDateTime};

use super::{Sighting, looks_like_page, read};
use crate::import::sighting::{Note, Sent};
use crate::model::{Kind, Photo};

pub(super) const EMBER_HTML_ONLY: &str =
    include_str!("../../../../tests/fixtures/page/ember-html-only.html");
pub(super) const EMBER_COMPLETE: &str =
    include_str!("../../../../tests/fixtures/page/ember-complete.html");
pub(super) const SDUI_HTML_ONLY: &str =
    include_str!("../../../../tests/fixtures/page/sdui-html-only.html");
pub(super) const SDUI_COMPLETE_SVG: &str =
    include_str!("../../../../tests/fixtures/page/sdui-complete-svg.html");
pub(super) const FEED: &str = include_str!("../../../../tests/fixtures/page/feed.html");
pub(super) const EMPTY: &str = include_str!("../../../../tests/fixtures/page/empty.html");

pub(super) const PAGES: [&str; 4] = [
    EMBER_HTML_ONLY,
    EMBER_COMPLETE,
    SDUI_HTML_ONLY,
    SDUI_COMPLETE_SVG,
];

pub(super) const SAVED: OffsetDateTime = datetime!(2026-03-14 10:00 UTC);

pub(super) fn cards(html: &str) -> Vec<Sighting> {
    read(html, SAVED).expect("an invitation page")
}

/// What a person's card shows.
pub(super) struct Person {
    pub name: &'static str,
    pub slug: &'static str,
    pub headline: &'static str,
    pub photo: Photo,
    pub mutual: Option<u32>,
    pub ago: Duration,
    pub note: Option<(&'static str, bool)>,
    pub verified: bool,
    pub follows_you: bool,
}

pub(super) fn person(place: usize, p: Person) -> Sighting {
    let mut s = Sighting::new(Kind::Person, p.name, format!("card {place}"));
    s.url = Some(format!("https://www.linkedin.com/in/{}", p.slug));
    s.headline = Some(p.headline.to_string());
    s.photo = p.photo;
    s.mutual_connections = p.mutual;
    s.sent = Some(ago(p.ago));
    s.note = p.note.map(|(text, cut)| Note {
        text: text.to_string(),
        cut,
    });
    s.verified = Some(p.verified);
    s.follows_you = Some(p.follows_you);
    s
}

pub(super) fn thing(place: usize, kind: Kind, name: &str, url: &str, before: Duration) -> Sighting {
    let mut s = Sighting::new(kind, name, format!("card {place}"));
    s.url = Some(url.to_string());
    s.sent = Some(ago(before));
    s
}

pub(super) fn ago(before: Duration) -> Sent {
    Sent {
        at: SAVED - before,
        approximate: true,
    }
}

pub(super) fn assert_cards(actual: Vec<Sighting>, expected: Vec<Sighting>) {
    for (a, e) in actual.iter().zip(&expected) {
        assert_eq!(a, e, "{}", e.place);
    }
    assert_eq!(actual.len(), expected.len(), "{actual:#?}");
}

pub(super) const DAY: Duration = Duration::DAY;
