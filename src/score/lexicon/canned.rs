//! LinkedIn's default invitation texts, and the greetings put before them.

/// The stock texts, as lowercase words without apostrophes ("I'd" is "id").
pub(crate) const CANNED: &[&str] = &[
    "id like to add you to my professional network on linkedin",
    "id like to add you to my professional network",
    "id like to add you to my linkedin network",
    "id like to join your linkedin network",
    "since you are a person i trust i wanted to invite you to join my network on linkedin",
    "id like to connect with you on linkedin",
    "id like to connect",
];

pub(crate) const GREETINGS: &[&str] = &["hi", "hello", "hey", "dear"];
