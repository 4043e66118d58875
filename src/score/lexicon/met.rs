//! How the inviter and the owner know each other: met, worked or studied
//! together, or were at the same event.

use super::Gapped;

/// Phrases that say the two have met, worked or studied together.
pub(crate) const MET: &[&str] = &[
    "we met",
    "met you",
    "meeting you",
    "was nice to meet you",
    "good to meet you",
    "great to meet you",
    "saw you speak",
    "heard you speak",
    "worked together",
    "worked with you",
    "work with you at",
    "we worked",
    "former colleague",
    "colleague of yours",
    "your colleague",
    "classmate",
    "went to school",
    "studied together",
    "we spoke",
    "we talked",
    "spoke with you",
    "talked with you",
    "our call",
    "our meeting",
    "introduced me",
    "introduced us",
    "referred me",
    "mutual friend",
    "we were both at",
    "worked alongside",
    "used to work",
    "old colleague",
    "we studied",
];

/// How many words may stand between "your", "at" or "shared" and the place.
const EVENT_WINDOW: usize = 3;

/// "your LinkedIn class", "at the Utah job fair", "shared that tiny
/// office", tried in this order.
pub(crate) const EVENTS_ATTENDED: [Gapped; 3] = [
    // Something of the owner's the inviter attended.
    Gapped {
        from: &["your"],
        to: &[
            "class",
            "course",
            "workshop",
            "talk",
            "presentation",
            "session",
            "keynote",
            "webinar",
            "seminar",
            "lecture",
            "panel",
            "training",
        ],
        stop: &[],
        window: EVENT_WINDOW,
    },
    // Somewhere the two were.
    Gapped {
        from: &["at"],
        to: &[
            "conference",
            "meetup",
            "event",
            "fair",
            "summit",
            "expo",
            "convention",
            "workshop",
            "reunion",
            "dinner",
        ],
        stop: &[],
        window: EVENT_WINDOW,
    },
    // A place shared: "we shared an office", "shared a desk".
    Gapped {
        from: &["shared", "share", "sharing"],
        to: &[
            "office",
            "desk",
            "cubicle",
            "room",
            "flat",
            "apartment",
            "dorm",
            "house",
            "lab",
            "classroom",
            "stage",
            "panel",
        ],
        stop: &[],
        window: EVENT_WINDOW,
    },
];
