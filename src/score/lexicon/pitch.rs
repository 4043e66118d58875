//! Selling: what cold pitches say in a headline or a note.

/// A sales pitch, in a headline or a note: "I help coaches grow your income".
pub(crate) const PITCH: &[&str] = &[
    "i help",
    "we help",
    "helping businesses",
    "helping companies",
    "grow your",
    "10x",
    "dm me",
    "book a call",
    "schedule a call",
    "generate leads",
    "lead generation",
    "more leads",
    "more clients",
    "guaranteed",
    "make money",
    "earn money",
    "passive income",
    "financial freedom",
    "crypto",
    "bitcoin",
    "forex",
    "work from home",
    "free consultation",
    "business opportunity",
    "shop now",
    "order now",
    "call now",
    "visit our",
];

/// What cold pitches say in notes, beside what they say in headlines.
pub(crate) const NOTE_PITCH: &[&str] = &[
    "hello dear",
    "dear friend",
    "investment opportunity",
    "partnership opportunity",
    "our services",
    "our agency",
    "our platform",
    "quick call",
    "hop on a call",
    "limited offer",
    "free trial",
    "check out my",
    "i would like to offer",
];

/// What sellers say in a note beyond what a pitch headline says.
pub(crate) const SELLING: &[&str] = &[
    "our product",
    "a demo",
    "our solution",
    "special offer",
    "pricing",
];
