//! Every card of each fixture page, fact by fact.

use time::Duration;

use super::{
    DAY, EMBER_COMPLETE, EMBER_HTML_ONLY, Person, SDUI_COMPLETE_SVG, SDUI_HTML_ONLY, assert_cards,
    cards, person, thing,
};
use crate::model::{Kind, Photo};

#[test]
fn reads_every_card_of_the_older_page_saved_html_only() {
    assert_cards(
        cards(EMBER_HTML_ONLY),
        vec![
            person(
                1,
                Person {
                    name: "Mara Quist",
                    slug: "mara-quist-7b21a9",
                    headline: "Senior Product Designer at Fernwood Labs",
                    photo: Photo::Person,
                    mutual: Some(9),
                    ago: DAY * 2,
                    note: Some((
                        "Hi Jordan, we met at the Northgate design sprint in October and I'd love to \
                     keep in touch about the wayfinding project we",
                        true,
                    )),
                    verified: false,
                    follows_you: false,
                },
            ),
            person(
                2,
                Person {
                    name: "Tobiah Fenn",
                    slug: "tobiah-fenn",
                    headline: "Quantity surveyor · Brightwater Civil",
                    photo: Photo::None,
                    mutual: Some(1),
                    ago: DAY,
                    note: None,
                    verified: true,
                    follows_you: false,
                },
            ),
            person(
                3,
                Person {
                    name: "Ilse Varga",
                    slug: "ilse-varga-b88201",
                    headline: "Cold-chain auditor | ISO 22000 | Harbour logistics",
                    photo: Photo::None,
                    mutual: Some(1),
                    ago: DAY * 7,
                    note: Some((
                        "Hello Jordan — I follow your posts on harbour logistics and enjoyed the \
                     piece on cold-chain audits. Would be glad to connect.",
                        false,
                    )),
                    verified: false,
                    follows_you: true,
                },
            ),
            person(
                4,
                Person {
                    name: "Rune Okafor",
                    slug: "rune-okafor-2b7c1a4",
                    headline: "Grants officer at the Tidewater Trust",
                    photo: Photo::Person,
                    mutual: Some(12),
                    ago: DAY * 90,
                    note: None,
                    verified: false,
                    follows_you: false,
                },
            ),
            thing(
                5,
                Kind::Newsletter,
                "The Harbour Ledger",
                "https://www.linkedin.com/newsletters/the-harbour-ledger-7123456789012345678/",
                Duration::ZERO,
            ),
            thing(
                6,
                Kind::Page,
                "Alderbank Studio",
                "https://www.linkedin.com/company/alderbank-studio/",
                DAY * 14,
            ),
            person(
                7,
                Person {
                    name: "Sefa Lindqvist",
                    slug: "sefa-lindqvist",
                    headline: "Operations lead",
                    photo: Photo::None,
                    // A shared organisation instead of mutual connections.
                    mutual: None,
                    ago: DAY * 365,
                    note: None,
                    verified: false,
                    follows_you: false,
                },
            ),
        ],
    );
}

#[test]
fn reads_every_card_of_the_older_page_saved_complete() {
    assert_cards(
        cards(EMBER_COMPLETE),
        vec![
            person(
                1,
                Person {
                    name: "Petra Kolm",
                    slug: "petra-kolm-90ab12",
                    headline: "Talent partner · Quayside Recruitment",
                    photo: Photo::Unknown,
                    mutual: Some(4),
                    ago: Duration::hours(12),
                    note: Some((
                        "Hello Jordan! I'm building a team of remote operations analysts and your \
                     profile stood out. The role pays well and is fully",
                        true,
                    )),
                    verified: false,
                    follows_you: false,
                },
            ),
            person(
                2,
                Person {
                    name: "Odran Bell",
                    slug: "odran-bell-3f3f3f",
                    headline: "Marine engineer",
                    photo: Photo::None,
                    mutual: Some(1),
                    ago: DAY * 5,
                    note: None,
                    verified: true,
                    follows_you: false,
                },
            ),
            thing(
                3,
                Kind::Event,
                "Cold Chain Summit 2026",
                "https://www.linkedin.com/events/7299001122334455667/",
                DAY * 4,
            ),
            thing(
                4,
                Kind::Group,
                "Harbour Freight Professionals",
                "https://www.linkedin.com/groups/12345678/",
                DAY * 21,
            ),
            person(
                5,
                Person {
                    name: "Liesel Marsh",
                    slug: "liesel-marsh-0c0c0c",
                    headline: "Panel host, Quayside Expo",
                    photo: Photo::None,
                    mutual: Some(0),
                    ago: DAY * 30,
                    note: Some((
                        "Hi Jordan,\nWe were on the same panel at Quayside Expo.\nGlad to connect.",
                        false,
                    )),
                    verified: false,
                    follows_you: true,
                },
            ),
            person(
                6,
                Person {
                    name: "Anwen Rees",
                    slug: "anwen-rees-5d6e7f",
                    headline: "Crypto & forex mentor | 10x your income",
                    photo: Photo::Unknown,
                    mutual: Some(0),
                    ago: DAY * 14,
                    note: Some((
                        "I help professionals like you earn passive income every week. Message me \
                     on WhatsApp +44 7700 900123 to",
                        true,
                    )),
                    verified: false,
                    follows_you: false,
                },
            ),
        ],
    );
}

#[test]
fn reads_every_card_of_the_newer_page_saved_html_only() {
    assert_cards(
        cards(SDUI_HTML_ONLY),
        vec![
            person(
                1,
                Person {
                    name: "Odile Marchetti",
                    slug: "odile-marchetti-4a1b2c",
                    headline: "Head of Partnerships at Brightwater Freight",
                    photo: Photo::Person,
                    mutual: Some(15),
                    ago: DAY * 3,
                    note: Some((
                        "Hi Sam, we spoke after your talk at the Harbour Logistics meetup. I’d love \
                     to stay in touch and compare notes on cold-chain routing for the northern",
                        true,
                    )),
                    verified: true,
                    follows_you: true,
                },
            ),
            person(
                2,
                Person {
                    name: "Bram Ostrowski",
                    slug: "bram-ostrowski",
                    headline: "Port operations analyst · Open to work",
                    photo: Photo::Person,
                    mutual: Some(1),
                    ago: Duration::hours(6),
                    note: Some((
                        "Hello! We were both at the Quayside berth-scheduling workshop last \
                     spring.\nWould be great to connect.",
                        false,
                    )),
                    verified: false,
                    follows_you: false,
                },
            ),
            person(
                3,
                Person {
                    name: "Keziah Morrow",
                    slug: "keziah-morrow-a1a1a1",
                    headline: "CEO | Founder | Investor | Visionary",
                    photo: Photo::None,
                    mutual: Some(0),
                    ago: DAY * 730,
                    note: None,
                    verified: false,
                    follows_you: false,
                },
            ),
            thing(
                4,
                Kind::Newsletter,
                "Tidal Notes",
                "https://www.linkedin.com/newsletters/tidal-notes-7200000000000000001/",
                DAY * 7,
            ),
            person(
                5,
                Person {
                    name: "Ines Albrecht",
                    slug: "ines-albrecht-77",
                    headline: "Lecturer in maritime law",
                    photo: Photo::Person,
                    mutual: None,
                    ago: DAY * 14,
                    note: None,
                    verified: false,
                    follows_you: false,
                },
            ),
            thing(
                6,
                Kind::Page,
                "Saltmarsh Foods",
                "https://www.linkedin.com/company/saltmarsh-foods/",
                DAY,
            ),
            person(
                7,
                Person {
                    name: "Dalia Moss",
                    slug: "dalia-moss-c0ffee",
                    headline: "Customs broker",
                    photo: Photo::Person,
                    mutual: Some(27),
                    ago: Duration::ZERO,
                    // Its "… see more" is hidden: the whole note is shown.
                    note: Some(("Let’s connect.", false)),
                    verified: false,
                    follows_you: false,
                },
            ),
        ],
    );
}

#[test]
fn reads_every_card_of_the_newer_page_saved_complete_with_drawn_silhouettes() {
    assert_cards(
        cards(SDUI_COMPLETE_SVG),
        vec![
            person(
                1,
                Person {
                    name: "Arlo Penhallow",
                    slug: "arlo-penhallow-9d",
                    headline: "Freelance logistics consultant",
                    photo: Photo::None,
                    mutual: Some(2),
                    ago: DAY * 14,
                    note: Some((
                        "Hi Jordan, I saw your comment on the port automation thread and think we \
                     could help each other. I run a small consultancy and",
                        true,
                    )),
                    verified: false,
                    follows_you: false,
                },
            ),
            person(
                2,
                Person {
                    name: "Maren Tosh",
                    slug: "maren-tosh",
                    headline: "Procurement manager at Northgate Shipping",
                    photo: Photo::Unknown,
                    mutual: Some(3),
                    ago: DAY,
                    note: None,
                    verified: true,
                    follows_you: false,
                },
            ),
            thing(
                3,
                Kind::Event,
                "Quayside Expo 2026",
                "https://www.linkedin.com/events/7311223344556677889/",
                DAY * 5,
            ),
            thing(
                4,
                Kind::Group,
                "Cold Chain Professionals",
                "https://www.linkedin.com/groups/9876543/",
                DAY * 30,
            ),
            person(
                5,
                Person {
                    name: "Nadia Ferro",
                    slug: "nadia-ferro-22b",
                    headline: "Shipping coordinator",
                    photo: Photo::None,
                    mutual: None,
                    ago: DAY * 150,
                    note: Some((
                        "We worked together on the Northgate tender in 2023 — good to see you here.",
                        false,
                    )),
                    verified: false,
                    follows_you: true,
                },
            ),
            person(
                6,
                Person {
                    name: "Gideon Lake",
                    slug: "gideon-lake-1",
                    headline: "Freight forwarding | Air & Ocean | Rotterdam",
                    photo: Photo::Unknown,
                    mutual: Some(0),
                    ago: Duration::ZERO,
                    note: None,
                    verified: false,
                    follows_you: false,
                },
            ),
        ],
    );
}
