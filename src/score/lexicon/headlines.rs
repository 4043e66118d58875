//! Headlines that say nothing about the person.

/// Whole headlines, lowercased, that say little on their own. One word says
/// little too.
pub(crate) const GENERIC_HEADLINES: &[&str] = &[
    "student",
    "entrepreneur",
    "self employed",
    "self-employed",
    "freelancer",
    "professional",
    "business owner",
    "owner",
    "manager",
    "consultant",
    "ceo",
    "founder",
    "investor",
    "businessman",
    "businesswoman",
    "linkedin member",
    "working professional",
    "n/a",
    "none",
];
